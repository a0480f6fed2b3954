/**
 * Police cases at vault level (issue 12, item 6): force, crime or incident reference, officer and
 * collar number, SPOC, the date first reported (day / month / year whatever the computer's
 * language), and the incidents each covers. AddToCase is the incident page's "Add to a police case".
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CaseInput, PoliceCase } from '../../../shared/model.js';
import { ukToday } from '../../../shared/reporting.js';
import { ukDate } from '../../../shared/uk-time.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { TextField } from './Field.js';
import { UkDateOnly } from './UkDateOnly.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useDraftKeys, useFormDraft } from './FormDraft.js';
import { formKeys } from '../drafts.js';
import { Msg, useT } from '../i18n/index.js';

const EMPTY = { force: '', reference: '', officer: '', collarNumber: '', spoc: '', firstReportedOn: '' };
type CaseDraft = typeof EMPTY;
/** The longest each field may be (shared/model.ts's CaseInputSchema). */
const LIMITS = { force: 200, reference: 200, officer: 200, collarNumber: 50, spoc: 500 } as const;

function caseLabel(c: PoliceCase): string {
  return `${c.reference} (${c.force})`;
}

function draftOf(c: PoliceCase): CaseDraft {
  return {
    force: c.force,
    reference: c.reference,
    officer: c.officer,
    collarNumber: c.collarNumber,
    spoc: c.spoc,
    firstReportedOn: c.firstReportedOn,
  };
}

/**
 * The "Police cases" section: the cases, how many incidents each covers, a form to add one or
 * change one, and a deliberate delete (a reason; the bin for 30 days; the safe choice focused).
 */
export function PoliceCases() {
  const v = useVault();
  const t = useT();
  const uid = useId();
  const [editing, setEditing] = useState<{ id: string | null; initial: CaseDraft } | null>(null);
  const [deleting, setDeleting] = useState<PoliceCase | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** Where the focus goes once the screen has redrawn: a case's name, the form's first field, "Add a police case". */
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    const el = focusNext === 'add' ? (addButton.current ?? heading.current) : document.getElementById(focusNext);
    if (el) {
      el.focus();
      setFocusNext(null);
    }
  }, [focusNext, v.cases, editing]);

  // A case left unsaved (a lock, or kept as a draft): its form opens again with it.
  const drafts = useDraftKeys((k) => k.startsWith('case:'));
  useEffect(() => {
    const found = drafts
      ?.map((k) => k.slice('case:'.length))
      .find((id) => id === 'new' || v.cases.some((c) => c.id === id));
    if (!found) return;
    const c = v.cases.find((x) => x.id === found);
    setEditing((e) => e ?? { id: c ? c.id : null, initial: c ? draftOf(c) : { ...EMPTY } });
    // Once, when the drafts are known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drafts]);

  async function remove(c: PoliceCase, reason: string) {
    setBusy(true);
    setError(null);
    try {
      await call('cases.delete', { id: c.id, reason });
      setDeleting(null);
      await v.refresh();
      setFocusNext('add');
      v.announce(t('people.cases.binned', { reference: c.reference }));
    } catch (err) {
      setDeleting(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} ref={heading} tabIndex={-1}>
        {t('people.cases.heading')}
      </h2>
      <p className="hint">{t('people.cases.hint')}</p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {v.cases.length === 0 ? <p>{t('people.cases.empty')}</p> : null}
      {v.cases.length > 0 ? (
        <ul aria-label={t('people.cases.heading')} className="case-list">
          {v.cases.map((c) => (
            <li key={c.id}>
              <strong id={`case-${c.id}`} tabIndex={-1} dir="auto">
                {caseLabel(c)}
              </strong>
              {c.officer ? (
                <Msg id="people.cases.officer" values={{ officer: <span dir="auto">{c.officer}</span> }} />
              ) : null}
              {c.collarNumber ? (
                <Msg id="people.cases.collar" values={{ collar: <span dir="auto">{c.collarNumber}</span> }} />
              ) : null}
              {c.spoc ? <Msg id="people.cases.spoc" values={{ spoc: <span dir="auto">{c.spoc}</span> }} /> : null}
              {c.firstReportedOn ? t('people.cases.first-reported', { date: ukDate(c.firstReportedOn) }) : ''}
              {t('people.cases.incidents', { count: c.incidentIds.length })}{' '}
              <span className="btn-row case-actions">
                <button
                  className="btn"
                  type="button"
                  aria-label={t('people.cases.edit-label', { reference: c.reference })}
                  disabled={editing !== null}
                  onClick={() => {
                    setError(null);
                    setEditing({ id: c.id, initial: draftOf(c) });
                    setFocusNext(`${uid}-force`);
                  }}
                >
                  {t('people.edit')}
                </button>
                <button
                  className="btn btn-danger"
                  type="button"
                  aria-label={t('people.cases.delete-label', { reference: c.reference })}
                  onClick={() => {
                    setError(null);
                    setDeleting(c);
                  }}
                >
                  {t('people.cases.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        heading={t('people.cases.delete-heading', { reference: deleting?.reference ?? '' })}
        confirmLabel={t('people.cases.delete-confirm')}
        busy={busy}
        onConfirm={(reason) => {
          if (deleting) void remove(deleting, reason);
        }}
        onCancel={() => {
          const c = deleting;
          setDeleting(null);
          if (c) setFocusNext(`case-${c.id}`);
        }}
      >
        <p>{t('people.cases.delete-text')}</p>
      </ConfirmDialog>
      {editing ? (
        <CaseForm
          key={editing.id ?? 'new'}
          uid={uid}
          id={editing.id}
          initial={editing.initial}
          onSaved={(c) => {
            setEditing(null);
            setFocusNext(`case-${c.id}`);
          }}
          onClose={() => {
            const id = editing.id;
            setEditing(null);
            setFocusNext(id ? `case-${id}` : 'add');
          }}
        />
      ) : (
        <div className="btn-row">
          <button
            className="btn"
            type="button"
            ref={addButton}
            onClick={() => {
              setError(null);
              setEditing({ id: null, initial: { ...EMPTY } });
              setFocusNext(`${uid}-force`);
            }}
          >
            {t('people.cases.add')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Adding or changing a case: its draft autosaved (encrypted) and restored; asked before it is left with changes. */
function CaseForm({
  uid,
  id,
  initial,
  onSaved,
  onClose,
}: {
  uid: string;
  id: string | null;
  initial: CaseDraft;
  onSaved(c: PoliceCase): void;
  onClose(): void;
}) {
  const v = useVault();
  const t = useT();
  const [form, setForm] = useState<CaseDraft>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = useFormDraft({
    draftKey: formKeys.case(id),
    route: { name: 'contacts' },
    value: form,
    restore: setForm,
  });
  const set = (patch: Partial<CaseDraft>) => {
    setError(null);
    setForm((d) => ({ ...d, ...patch }));
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const bad = (message: string, field: string) => {
      setError(message);
      document.getElementById(`${uid}-${field}`)?.focus();
    };
    if (form.force.trim() === '') return bad(t('people.cases.need-force'), 'force');
    if (form.reference.trim() === '') return bad(t('people.cases.need-reference'), 'ref');
    if (form.firstReportedOn && form.firstReportedOn > ukToday()) return setError(t('people.cases.future'));
    setBusy(true);
    setError(null);
    try {
      const existing = id ? v.cases.find((c) => c.id === id) : undefined;
      const input: CaseInput = {
        ...form,
        force: form.force.trim(),
        reference: form.reference.trim(),
        ...(existing ? { incidentIds: existing.incidentIds } : {}),
      };
      await draft.beforeSave();
      const saved = id ? await call('cases.update', { id, input }) : await call('cases.create', { input });
      void draft.saved();
      await v.refresh();
      v.announce(
        id
          ? t('people.cases.saved', { reference: saved.reference })
          : t('people.cases.added', { reference: input.reference }),
      );
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate autoComplete="off" aria-labelledby={`${uid}-fh`}>
      <h3 id={`${uid}-fh`}>{id ? t('people.cases.change-heading') : t('people.cases.new-heading')}</h3>
      {draft.notice}
      {draft.dialog}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <TextField
          id={`${uid}-force`}
          label={t('people.cases.force')}
          value={form.force}
          maxLength={LIMITS.force}
          onChange={(force) => set({ force })}
        />
        <TextField
          id={`${uid}-ref`}
          label={t('people.cases.reference')}
          value={form.reference}
          maxLength={LIMITS.reference}
          onChange={(reference) => set({ reference })}
        />
      </div>
      <div className="row">
        <TextField
          id={`${uid}-officer`}
          label={t('people.cases.officer-label')}
          value={form.officer}
          maxLength={LIMITS.officer}
          onChange={(officer) => set({ officer })}
        />
        <TextField
          id={`${uid}-collar`}
          label={t('people.cases.collar-label')}
          value={form.collarNumber}
          maxLength={LIMITS.collarNumber}
          onChange={(collarNumber) => set({ collarNumber })}
        />
        <TextField
          id={`${uid}-spoc`}
          label={t('people.cases.spoc-label')}
          value={form.spoc}
          maxLength={LIMITS.spoc}
          onChange={(spoc) => set({ spoc })}
        />
      </div>
      <UkDateOnly
        id={`${uid}-reported`}
        label={t('people.cases.reported')}
        value={form.firstReportedOn}
        onChange={(firstReportedOn) => set({ firstReportedOn })}
      />
      <div className="btn-row">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? t('people.cases.saving') : t('people.cases.save')}
        </button>
        <button className="btn" type="button" onClick={() => draft.close(onClose)}>
          {t('people.cancel')}
        </button>
      </div>
    </form>
  );
}

/** On an incident's page: add it to a police case (or take it off one). */
export function AddToCase({ incidentId }: { incidentId: string }) {
  const v = useVault();
  const t = useT();
  const uid = useId();
  const [caseId, setCaseId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = v.cases.filter((c) => !c.incidentIds.includes(incidentId));
  const [refocus, setRefocus] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!refocus || busy) return;
    const el = document.getElementById(refocus) ?? box.current?.querySelector<HTMLElement>('select, button');
    el?.focus();
    setRefocus(null);
  }, [refocus, busy, v.cases]);

  async function run(channel: 'cases.link' | 'cases.unlink', id: string) {
    setBusy(true);
    setError(null);
    try {
      const c = await call(channel, { caseId: id, incidentIds: [incidentId] });
      await v.refresh();
      v.announce(
        channel === 'cases.link'
          ? t('people.cases.linked', { reference: c.reference })
          : t('people.cases.unlinked', { reference: c.reference }),
      );
      setCaseId('');
      // The button used is gone or disabled now: the focus goes to what stays (never the page body).
      setRefocus(channel === 'cases.link' ? `${uid}-off-${id}` : `${uid}-case`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (v.cases.length === 0) {
    return (
      <p className="hint">
        <Msg
          id="people.cases.none"
          values={{
            add: (chunks) => (
              <button type="button" className="btn-link" onClick={() => v.go({ name: 'contacts' })}>
                {chunks}
              </button>
            ),
          }}
        />
      </p>
    );
  }
  return (
    <div ref={box}>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {v.cases
        .filter((c) => c.incidentIds.includes(incidentId))
        .map((c) => (
          <button
            key={c.id}
            id={`${uid}-off-${c.id}`}
            className="btn"
            type="button"
            disabled={busy}
            onClick={() => void run('cases.unlink', c.id)}
          >
            {t('people.cases.take-off', { reference: c.reference })}
          </button>
        ))}
      {open.length > 0 ? (
        <div className="row">
          <div className="field">
            <label htmlFor={`${uid}-case`}>{t('people.cases.add-to')}</label>
            <select id={`${uid}-case`} value={caseId} onChange={(e) => setCaseId(e.target.value)}>
              <option value="">{t('people.cases.choose')}</option>
              {open.map((c) => (
                <option key={c.id} value={c.id}>
                  {caseLabel(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button
              className="btn"
              type="button"
              disabled={busy || caseId === ''}
              onClick={() => void run('cases.link', caseId)}
            >
              {t('people.cases.add-to-this')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
