import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ImportSource } from '../../../shared/ipc.js';
import type { Exhibit, Incident } from '../../../shared/model.js';
import { BridgeError, bridge, call, errorMessage, randomId } from '../bridge.js';
import { useVault } from '../state.js';
import { exhibitKind } from '../format.js';
import { countExhibits } from '../../../shared/exhibit-counts.js';
import { safePictureType, useBlobUrl, useExhibitBytes } from './useExhibitBytes.js';
import { PhysicalForm } from './PhysicalForm.js';
import { useDraftKeys } from '../components/FormDraft.js';
import { formKeys } from '../drafts.js';
import { Warnings } from './Warnings.js';
import { contentMismatch, keptAtLine } from './provenance.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
import { useInstant } from './instant.js';

interface Job {
  jobId: string;
  stage: 'reading' | 'importing';
  label: string;
  done: number;
  total: number;
  cancelled: boolean;
}

export function ExhibitsSection({ incident }: { incident: Incident }) {
  const v = useVault();
  const t = useT();
  const [job, setJob] = useState<Job | null>(null);
  const jobRef = useRef<Job | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** A refused duplicate: the message, and what to send again if the user says "Add it again". */
  const [duplicate, setDuplicate] = useState<{ text: string; sources: ImportSource[] } | null>(null);
  const [addingPhysical, setAddingPhysical] = useState(false);
  // A physical item left unsaved (a lock, or kept as a draft): its form opens again with it.
  const physicalDraft = useDraftKeys((k) => k === formKeys.physical(incident.id));
  useEffect(() => {
    if (physicalDraft && physicalDraft.length > 0) setAddingPhysical(true);
  }, [physicalDraft]);
  const physicalButton = useRef<HTMLButtonElement>(null);
  const dontAddButton = useRef<HTMLButtonElement>(null);
  /** Where the focus goes once the page has drawn what changed. */
  const [focusTo, setFocusTo] = useState<'physical' | 'dont-add' | 'choose' | null>(null);
  useEffect(() => {
    if (focusTo === 'physical' && physicalButton.current && !physicalButton.current.disabled) {
      physicalButton.current.focus();
      setFocusTo(null);
    } else if (focusTo === 'dont-add' && dontAddButton.current) {
      dontAddButton.current.focus();
      setFocusTo(null);
    } else if (focusTo === 'choose' && chooseButton.current && !chooseButton.current.disabled) {
      // Only when the focus was lost (the buttons she used were disabled while the files were added).
      const active = document.activeElement;
      if (!active || active === document.body) chooseButton.current.focus();
      setFocusTo(null);
    }
  }, [focusTo, addingPhysical, duplicate, job]);

  const current = (): Job | null => jobRef.current;
  const update = (j: Job | null) => {
    jobRef.current = j;
    setJob(j);
  };

  async function importSources(prepare: () => Promise<ImportSource[] | null>, count: number, allowDuplicates = false) {
    if (jobRef.current) return;
    const jobId = randomId(16);
    const start: Job = {
      jobId,
      stage: 'reading',
      label: t('exhibits.section.preparing', { count }),
      done: 0,
      total: count,
      cancelled: false,
    };
    update(start);
    setMessage(null);
    setDuplicate(null);
    let prepared: ImportSource[] | null = null;
    const off = bridge().on('progress', (p) => {
      if (p.jobId !== jobId || !jobRef.current || jobRef.current.jobId !== jobId) return;
      update({ ...jobRef.current, stage: 'importing', done: p.done, total: p.total, label: p.label });
    });
    try {
      const sources = await prepare();
      prepared = sources;
      const now = current();
      if (!sources || sources.length === 0 || !now || now.cancelled) throw new BridgeError('CANCELLED', '');
      update({ ...now, stage: 'importing', label: t('exhibits.section.locking') });
      // Let the new label paint before the (possibly long) hand-over of the bytes.
      await new Promise((r) => setTimeout(r, 30));
      const added = await call('exhibits.import', {
        incidentId: incident.id,
        jobId,
        sources,
        ...(allowDuplicates ? { allowDuplicates: true } : {}),
      });
      const fresh = await call('incidents.get', { id: incident.id });
      v.putIncident(fresh);
      const names = added.map((e) => e.name).join(', ');
      const text = current()?.cancelled
        ? t('exhibits.section.too-late', { names })
        : t('exhibits.section.added', { count: added.length, names });
      setMessage({ kind: 'ok', text });
    } catch (e) {
      if (e instanceof BridgeError && e.code === 'DUPLICATE_EXHIBIT' && prepared && !allowDuplicates) {
        setDuplicate({ text: e.message, sources: prepared });
        // The question takes the focus on its safe answer, so a keyboard or screen-reader user meets
        // it first and Enter adds nothing.
        setFocusTo('dont-add');
      } else if (e instanceof BridgeError && e.code === 'CANCELLED') {
        setMessage({ kind: 'ok', text: t('exhibits.section.cancelled') });
      } else {
        setMessage({ kind: 'error', text: t('exhibits.nothing-added', { error: errorMessage(e) }) });
      }
    } finally {
      off();
      update(null);
      // The buttons she used were disabled or gone while the files were added: the focus goes
      // back to "Choose files…" rather than to the page body (unless she has moved it elsewhere),
      // once the page has drawn the button enabled again (the effect above).
      setFocusTo((f) => f ?? 'choose');
    }
  }

  /** Browser files → bytes sources, with progress while they are read into memory. */
  function fromFiles(files: File[]) {
    return importSources(async () => {
      const sources: ImportSource[] = [];
      for (const [i, f] of files.entries()) {
        if (jobRef.current?.cancelled) return null;
        const grant = await bridge().grantForDroppedFile(f);
        if (grant) {
          sources.push({ kind: 'grant', grantId: grant.grantId });
        } else {
          if (jobRef.current) {
            update({
              ...jobRef.current,
              label: t('exhibits.section.reading', { name: f.name }),
              done: i,
              total: files.length,
            });
          }
          sources.push({
            kind: 'bytes',
            name: f.name,
            lastModified: f.lastModified,
            data: new Uint8Array(await f.arrayBuffer()),
          });
        }
      }
      return sources;
    }, files.length);
  }

  async function chooseFiles() {
    if (v.status.nativeDialogs) {
      try {
        const grants = await call('dialog.openFiles', {});
        if (grants.length > 0) {
          void importSources(async () => grants.map((g) => ({ kind: 'grant', grantId: g.grantId })), grants.length);
        }
      } catch (e) {
        setMessage({ kind: 'error', text: errorMessage(e) });
      }
    } else {
      fileInput.current?.click();
    }
  }

  function addAgain() {
    const d = duplicate;
    if (!d) return;
    void importSources(async () => d.sources, d.sources.length, true);
  }

  function dontAdd() {
    setDuplicate(null);
    setMessage({ kind: 'ok', text: t('exhibits.section.nothing-added') });
  }

  function physicalAdded(item: Exhibit) {
    setAddingPhysical(false);
    void call('incidents.get', { id: incident.id }).then(
      (fresh) => v.putIncident(fresh),
      () => undefined,
    );
    setMessage({
      kind: 'ok',
      text: item.ref
        ? t('exhibits.section.added-physical-ref', { ref: item.ref, name: item.name })
        : t('exhibits.section.added-physical', { name: item.name }),
    });
    setFocusTo('physical');
  }

  async function cancel() {
    const j = jobRef.current;
    if (!j) return;
    update({ ...j, cancelled: true, label: t('exhibits.section.cancelling') });
    try {
      await call('exhibits.cancel', { jobId: j.jobId });
    } catch {
      /* the job may have finished already */
    }
  }

  // Paste an image from the clipboard while this incident is open.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      const files = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith('image/'));
      if (files.length === 0) return;
      e.preventDefault();
      const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
      const named = files.map(
        (f, i) =>
          new File(
            [f],
            `pasted-image-${stamp}${files.length > 1 ? `-${i + 1}` : ''}.${f.type.split('/')[1] ?? 'png'}`,
            {
              type: f.type,
              lastModified: Date.now(),
            },
          ),
      );
      void fromFiles(named);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) void fromFiles(files);
  }

  const pct = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  const counts = countExhibits(incident.exhibits);
  return (
    <section className="card" aria-labelledby="exhibits-heading">
      <h2 id="exhibits-heading">{t('exhibits.section.heading', { count: incident.exhibits.length })}</h2>
      {counts.items > 0 ? (
        <p className="hint" data-testid="exhibit-counts">
          {[
            ...(counts.files > 0 ? [t('exhibits.section.files', { count: counts.files })] : []),
            t('exhibits.section.items', { count: counts.items }),
          ].join(', ')}
        </p>
      ) : null}
      <p className="hint">{t('exhibits.section.lead')}</p>
      <div
        className={dragging ? 'dropzone dragging' : 'dropzone'}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('exhibits.section.drop')}</p>
        <button
          ref={chooseButton}
          className="btn btn-primary"
          type="button"
          disabled={job !== null}
          onClick={() => void chooseFiles()}
        >
          {t('exhibits.section.choose')}
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          aria-label={t('exhibits.section.choose-label')}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length > 0) void fromFiles(files);
          }}
        />
      </div>
      <div className="btn-row physical-row">
        <span className="hint">{t('exhibits.section.paper')}</span>
        <button
          ref={physicalButton}
          className="btn"
          type="button"
          aria-expanded={addingPhysical}
          disabled={addingPhysical}
          onClick={() => {
            setMessage(null);
            setAddingPhysical(true);
          }}
        >
          {t('exhibits.physical.add')}
        </button>
      </div>
      {addingPhysical ? (
        <PhysicalForm
          incidentId={incident.id}
          onAdded={physicalAdded}
          onCancel={() => {
            setAddingPhysical(false);
            setFocusTo('physical');
          }}
        />
      ) : null}
      {duplicate ? (
        <div className="warning" role="group" aria-labelledby="duplicate-heading" data-testid="duplicate-question">
          <h3 className="notice-title" id="duplicate-heading">
            {t('exhibits.section.duplicate')}
          </h3>
          <p>{duplicate.text}</p>
          <div className="btn-row">
            <button className="btn" type="button" onClick={addAgain}>
              {t('exhibits.section.add-again')}
            </button>
            <button ref={dontAddButton} className="btn btn-primary" type="button" onClick={dontAdd}>
              {t('exhibits.section.dont-add')}
            </button>
          </div>
        </div>
      ) : null}
      {job ? (
        <div className="notice" role="status" aria-live="polite">
          <label htmlFor="import-progress">{job.label}</label>
          <progress
            id="import-progress"
            max={100}
            value={job.stage === 'reading' && job.done === 0 ? undefined : pct}
          />
          <div className="btn-row">
            <button className="btn" type="button" onClick={() => void cancel()} disabled={job.cancelled}>
              {t('exhibits.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {message ? (
        <div
          className={message.kind === 'ok' ? 'notice notice-ok' : 'notice notice-error'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
        >
          {message.text}
        </div>
      ) : null}
      {incident.exhibits.some((e) => !e.ref) ? (
        <p className="hint" data-testid="no-ref-hint">
          {t('exhibits.section.no-ref')}{' '}
          <button type="button" className="btn-link" onClick={() => v.go({ name: 'settings' })}>
            {t('exhibits.open-settings')}
          </button>
        </p>
      ) : null}
      {incident.exhibits.length === 0 ? (
        <p className="hint" data-testid="no-exhibits">
          {t('exhibits.section.none')}
        </p>
      ) : null}
      {incident.exhibits.length > 0 ? (
        <ul className="exhibit-list">
          {incident.exhibits.map((e) => (
            <ExhibitCard key={e.id} exhibit={e} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ExhibitCard({ exhibit }: { exhibit: Exhibit }) {
  const v = useVault();
  const t = useT();
  const w = useWords();
  const instant = useInstant();
  const kind = exhibitKind(exhibit.mediaType, exhibit.name);
  const physical = exhibit.kind === 'physical';
  const sealed = contentMismatch(exhibit);
  return (
    <li className={exhibit.warnings.length > 0 ? 'exhibit-card has-warning' : 'exhibit-card'}>
      <div className="thumb">
        {physical ? (
          <span>{t('exhibits.card.physical')}</span>
        ) : sealed ? (
          <span>{t('exhibits.card.not-opened')}</span>
        ) : kind === 'image' ? (
          <Thumb exhibit={exhibit} />
        ) : (
          <span>{t(`exhibits.kind.${kind}`)}</span>
        )}
      </div>
      {exhibit.ref ? (
        <span className="exhibit-ref-badge">{exhibit.ref}</span>
      ) : (
        <span className="hint">{t('exhibits.no-ref-short')}</span>
      )}
      <strong className="prose" dir="auto">
        {exhibit.name}
      </strong>
      <Warnings exhibit={exhibit} compact />
      {physical ? (
        <span className="hint prose">{keptAtLine(exhibit, t)}</span>
      ) : (
        <span className="hint">
          {t(`exhibits.kind.${kind}`)}, {w.formatSize(exhibit.size)}
        </span>
      )}
      <span className="hint">
        {t('exhibits.card.added', { when: instant(exhibit.importedAt) })}
        {exhibit.enteredBy ? <bdi> {t('exhibits.card.by', { name: exhibit.enteredBy })}</bdi> : null}
      </span>
      {physical ? null : (
        <span className="hash" aria-label={`${t('exhibits.sha256')} ${exhibit.sha256}`}>
          {t('exhibits.sha256')} {exhibit.sha256}
        </span>
      )}
      <button
        className="btn"
        type="button"
        aria-label={t('exhibits.card.view-label', { name: exhibit.name })}
        onClick={() => v.go({ name: 'exhibit', incidentId: exhibit.incidentId, exhibitId: exhibit.id })}
      >
        {t('exhibits.card.view')}
      </button>
    </li>
  );
}

function Thumb({ exhibit }: { exhibit: Exhibit }) {
  const { bytes, error } = useExhibitBytes(exhibit.id);
  const url = useBlobUrl(bytes, exhibit.mediaType);
  const t = useT();
  if (error) return <span>{t('exhibits.thumb.error')}</span>;
  if (bytes && !url && !safePictureType(exhibit.mediaType, bytes)) return <span>{t('exhibits.thumb.not-shown')}</span>;
  if (!url) return <span>{t('exhibits.loading')}</span>;
  return <img src={url} alt={t('exhibits.thumb.alt', { name: exhibit.name })} />;
}
