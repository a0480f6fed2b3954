// Over 400 lines: the wizard is one form (what goes in, privacy, folder or ZIP, where) whose steps share one selection and its preview; the GPS choices and the receipt are components of their own below.
/**
 * The export wizard: choose the incidents, initials and privacy, folder or ZIP and where to save;
 * progress with cancel; then a receipt with the pack's hashes and plain advice on handing it over.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  DEFAULT_EXPORTS_FOLDER,
  packName,
  type GpsWarning,
  type PackFormat,
  type PackPreview,
  type PackReceipt,
} from '../../../shared/ipc-pack.js';
import { CATEGORY_IDS, type CategoryId } from '../../../shared/model.js';
import { selectIncidents, selectionProblem, type Selection } from '../../../shared/selection.js';
import { bridge, call, errorMessage, randomId } from '../bridge.js';
import { ukDate } from '../../../shared/uk-time.js';
import { useVault } from '../state.js';
import { PersonOptions } from '../components/PersonOptions.js';
import { rememberPack } from './session.js';
import { Receipt } from './Receipt.js';
import { takePackPreselection } from '../agent/pack-preselect.js';
import { LANGUAGES, useLanguage, useT, type Language, type MessageId, type Translate } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
import './pack.css';

type Step = 'choose' | 'about' | 'details' | 'working' | 'done';

/** The ways to save a pack, in the order offered ('both': one export, one pack id, both named by it). */
const FORMATS: readonly [PackFormat, MessageId][] = [
  ['both', 'pack.format.both'],
  ['zip', 'pack.format.zip'],
  ['folder', 'pack.format.folder'],
  ['portal', 'pack.format.portal'],
];

/** The core's progress labels (English) in the window's language; a label it does not know is shown as it is. */
function progressLabel(t: Translate, label: string): string {
  const known: Record<string, MessageId> = {
    'Looking for GPS positions in images': 'pack.progress.gps',
    'Writing the chronology': 'pack.progress.chronology',
    'Writing each part’s manifest and signature': 'pack.progress.parts',
    'Writing the manifests and signature': 'pack.progress.manifests',
  };
  const id = known[label];
  if (id) return t(id);
  const bundle = /^Drawing the exhibit bundle ?(.*)$/.exec(label);
  return bundle ? t('pack.progress.bundle', { ref: bundle[1] ?? '' }).trim() : label;
}

export function ExportWizard({ onClose }: { onClose(): void }) {
  const v = useVault();
  const t = useT();
  const w = useWords();
  const { language } = useLanguage();
  // The language of the pack's documents: the window's unless chosen otherwise.
  const [packLanguage, setPackLanguage] = useState<Language>(language);
  const [step, setStep] = useState<Step>('choose');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [categories, setCategories] = useState<CategoryId[]>([]);
  const [personId, setPersonId] = useState('');
  // Chosen on the timeline (the bulk bar): only those ticked.
  const [unticked, setUnticked] = useState<Set<string>>(() => {
    const pre = takePackPreselection();
    return pre ? new Set(v.incidents.map((i) => i.id).filter((id) => !pre.includes(id))) : new Set();
  });
  const [initials, setInitials] = useState(v.settings.producerInitials);
  // The summary for police (issue 14): asked for here rather than printed as "(not given)".
  const [name, setName] = useState(v.settings.producerName);
  const [role, setRole] = useState(v.settings.producerRole);
  const [keepInSettings, setKeepInSettings] = useState(true);
  const [recipient, setRecipient] = useState('');
  const [crimeReference, setCrimeReference] = useState('');
  const [omitNotes, setOmitNotes] = useState(false);
  const [omitPrivate, setOmitPrivate] = useState(true);
  const [format, setFormat] = useState<PackFormat>('both');
  const [destination, setDestination] = useState<{ grantId: string; name: string } | null>(null);
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [leaveOutGps, setLeaveOutGps] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | null>(null);
  const [receipt, setReceipt] = useState<PackReceipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const jobRef = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), [step]);
  useEffect(
    () =>
      bridge().on('progress', (p) => {
        if (p.jobId === jobRef.current) setProgress({ done: p.done, total: p.total, label: p.label });
      }),
    [],
  );

  /** What the filters ask for; the exporter reads the same selection with the same function. */
  const filters = useMemo(() => {
    const s: Selection = {};
    if (from) s.from = from;
    if (to) s.to = to;
    if (categories.length) s.categories = categories;
    if (personId) s.personIds = [personId];
    return s;
  }, [from, to, categories, personId]);
  const matching = useMemo(() => selectIncidents(v.incidents, filters), [v.incidents, filters]);
  const chosen = matching.filter((i) => !unticked.has(i.id));

  function selection(): Selection {
    return chosen.length !== matching.length ? { ...filters, incidentIds: chosen.map((i) => i.id) } : filters;
  }

  async function next() {
    setError(null);
    if (chosen.length === 0) {
      setError(t('pack.wizard.need-incident'));
      return;
    }
    if (selectionProblem(filters) && filters.from && filters.to) {
      setError(t('pack.wizard.back-to-front', { from: filters.from, to: filters.to }));
      return;
    }
    setBusy(true);
    try {
      setPreview(await call('pack.preview', { selection: selection() }));
      setStep('about');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function chooseWhere() {
    setError(null);
    try {
      const g = await call('pack.chooseDestination', {
        format,
        suggestedName: packName(initials.trim().toUpperCase() || 'XX', new Date().toISOString().slice(0, 10)),
      });
      if (g) setDestination(g);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function start() {
    setError(null);
    if (!/^[A-Za-z]{1,5}$/.test(initials.trim())) {
      setError(t('pack.wizard.need-initials'));
      return;
    }
    if (v.status.nativeDialogs && !destination) {
      setError(t('pack.wizard.need-where'));
      return;
    }
    const jobId = randomId();
    jobRef.current = jobId;
    setProgress({ done: 0, total: 1, label: t('pack.wizard.starting') });
    setStep('working');
    try {
      const r = await call('pack.export', {
        jobId,
        options: {
          selection: selection(),
          initials: initials.trim(),
          omitNotes,
          omitPrivate,
          excludeExhibitIds: [...leaveOutGps],
          format,
          language: packLanguage,
          ...(name.trim() ? { producerName: name.trim() } : {}),
          ...(role.trim() ? { producerRole: role.trim() } : {}),
          ...(recipient.trim() ? { recipient: recipient.trim() } : {}),
          ...(crimeReference.trim() ? { crimeReference: crimeReference.trim() } : {}),
        },
        destination: destination ? { kind: 'grant', grantId: destination.grantId } : { kind: 'default' },
      });
      rememberPack(r);
      setReceipt(r);
      setStep('done');
      v.announce(t('pack.wizard.ready'));
    } catch (e) {
      setError(errorMessage(e));
      setStep('details');
    } finally {
      jobRef.current = null;
    }
  }

  async function cancel() {
    const id = jobRef.current;
    if (id) await call('pack.cancel', { jobId: id }).catch(() => undefined);
  }

  const errorBox = error ? (
    <div className="notice notice-error" role="alert">
      {error}
    </div>
  ) : null;

  if (step === 'choose') {
    return (
      <div className="pack-wizard">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('pack.choose.heading')}
        </h1>
        <p className="lead">{t('pack.choose.lead')}</p>
        <div className="row">
          <div className="field">
            <label htmlFor="pack-from">{t('pack.choose.from')}</label>
            <input
              id="pack-from"
              type="date"
              autoComplete="off"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="pack-to">{t('pack.choose.to')}</label>
            <input id="pack-to" type="date" autoComplete="off" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="pack-person">{t('pack.choose.person')}</label>
            <select id="pack-person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <PersonOptions people={v.people} />
            </select>
          </div>
        </div>
        <fieldset>
          <legend>{t('pack.choose.categories')}</legend>
          <div className="checks">
            {CATEGORY_IDS.map((c) => (
              <label className="check" key={c}>
                <input
                  type="checkbox"
                  checked={categories.includes(c)}
                  onChange={(e) =>
                    setCategories(e.target.checked ? [...categories, c] : categories.filter((x) => x !== c))
                  }
                />
                {w.category[c]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('pack.choose.incidents', { chosen: chosen.length, total: matching.length })}</legend>
          {matching.length === 0 ? <p>{t('pack.choose.none')}</p> : null}
          <ul className="pack-incidents">
            {matching.map((i) => (
              <li key={i.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={!unticked.has(i.id)}
                    onChange={(e) => {
                      const n = new Set(unticked);
                      if (e.target.checked) n.delete(i.id);
                      else n.add(i.id);
                      setUnticked(n);
                    }}
                  />
                  <span>
                    <strong>{ukDate(i.occurredAt.date)}</strong> {i.title}
                    {i.exhibits.length ? ` (${t('pack.exhibits-count', { count: i.exhibits.length })})` : ''}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {errorBox}
        <div className="btn-row">
          <button className="btn btn-primary" type="button" onClick={() => void next()} disabled={busy}>
            {busy ? t('pack.choose.checking') : t('pack.next')}
          </button>
          <button className="btn" type="button" onClick={onClose}>
            {t('pack.cancel')}
          </button>
        </div>
      </div>
    );
  }

  if (step === 'about' && preview) {
    const chosenIds = new Set(chosen.map((i) => i.id));
    const cases = v.cases.filter((k) => k.incidentIds.some((id) => chosenIds.has(id)));
    const saveAbout = async () => {
      setError(null);
      if (keepInSettings && (name.trim() !== v.settings.producerName || role.trim() !== v.settings.producerRole)) {
        try {
          await call('settings.update', { patch: { producerName: name.trim(), producerRole: role.trim() } });
          await v.refresh();
        } catch (e) {
          setError(errorMessage(e));
          return;
        }
      }
      setStep('details');
    };
    return (
      <div className="pack-wizard">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('pack.about.heading')}
        </h1>
        <p className="lead">{t('pack.about.lead')}</p>
        <div className="field">
          <label htmlFor="pack-name">{t('pack.about.name')}</label>
          <input
            id="pack-name"
            type="text"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pack-role">{t('pack.about.role')}</label>
          <span className="hint" id="pack-role-hint">
            {t('pack.about.role-hint')}
          </span>
          <input
            id="pack-role"
            type="text"
            autoComplete="organization-title"
            aria-describedby="pack-role-hint"
            value={role}
            onChange={(e) => setRole(e.target.value)}
          />
        </div>
        <p>
          <label className="check">
            <input type="checkbox" checked={keepInSettings} onChange={(e) => setKeepInSettings(e.target.checked)} />
            {t('pack.about.keep')}
          </label>
        </p>
        <div className="field">
          <label htmlFor="pack-recipient">{t('pack.about.recipient')}</label>
          <span className="hint" id="pack-recipient-hint">
            {t('pack.about.recipient-hint')}
          </span>
          <input
            id="pack-recipient"
            type="text"
            autoComplete="off"
            aria-describedby="pack-recipient-hint"
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pack-crime-ref">{t('pack.about.crime-ref')}</label>
          <span className="hint" id="pack-crime-ref-hint">
            {cases.length
              ? t('pack.about.cases-hint', { cases: cases.map((k) => `${k.force} ${k.reference}`).join('; ') })
              : t('pack.about.no-cases-hint')}
          </span>
          <input
            id="pack-crime-ref"
            type="text"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="pack-crime-ref-hint"
            value={crimeReference}
            onChange={(e) => setCrimeReference(e.target.value)}
          />
        </div>
        <fieldset aria-describedby="pack-language-hint">
          <legend>{t('pack.about.language')}</legend>
          <p className="hint" id="pack-language-hint">
            {t('pack.about.language-hint')}
          </p>
          {LANGUAGES.map((l) => (
            <label className="check" key={l}>
              <input
                type="radio"
                name="pack-language"
                value={l}
                checked={packLanguage === l}
                onChange={() => setPackLanguage(l)}
              />
              <span lang={l === 'cy' ? 'cy' : 'en-GB'}>{t(`pack.about.language-${l}`)}</span>
            </label>
          ))}
        </fieldset>
        {errorBox}
        <div className="btn-row">
          <button className="btn btn-primary" type="button" onClick={() => void saveAbout()}>
            {t('pack.next')}
          </button>
          <button className="btn" type="button" onClick={() => setStep('choose')}>
            {t('pack.back')}
          </button>
        </div>
      </div>
    );
  }

  if (step === 'details' && preview) {
    return (
      <div className="pack-wizard">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('pack.details.heading')}
        </h1>
        <p>
          {preview.firstDate
            ? t('pack.details.summary-dates', {
                incidents: preview.incidents,
                exhibits: preview.exhibits,
                size: w.formatSize(preview.exhibitBytes),
                first: ukDate(preview.firstDate),
                last: ukDate(preview.lastDate ?? preview.firstDate),
              })
            : t('pack.details.summary', {
                incidents: preview.incidents,
                exhibits: preview.exhibits,
                size: w.formatSize(preview.exhibitBytes),
              })}
        </p>
        <p data-testid="pack-language">{t('pack.details.language', { language: packLanguage })}</p>
        <div className="field">
          <label htmlFor="pack-initials">{t('pack.details.initials')}</label>
          <span className="hint" id="pack-initials-hint">
            {t('pack.details.initials-hint')}
          </span>
          <input
            id="pack-initials"
            spellCheck={false}
            type="text"
            aria-describedby="pack-initials-hint"
            value={initials}
            maxLength={5}
            autoComplete="off"
            onChange={(e) => setInitials(e.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('pack.details.privacy')}</legend>
          <label className="check">
            <input type="checkbox" checked={omitNotes} onChange={(e) => setOmitNotes(e.target.checked)} />
            {t('pack.details.omit-notes')}
          </label>
          <label className="check">
            <input type="checkbox" checked={omitPrivate} onChange={(e) => setOmitPrivate(e.target.checked)} />
            {t('pack.details.omit-private')}
          </label>
        </fieldset>
        {preview.gpsWarnings.length > 0 ? (
          <GpsChoices warnings={preview.gpsWarnings} leaveOut={leaveOutGps} onChange={setLeaveOutGps} />
        ) : null}
        <fieldset>
          <legend>{t('pack.details.save-as')}</legend>
          {FORMATS.map(([f, label]) => (
            <label className="check" key={f}>
              <input
                type="radio"
                name="pack-format"
                checked={format === f}
                onChange={() => {
                  setFormat(f);
                  setDestination(null);
                }}
              />
              {t(label)}
            </label>
          ))}
        </fieldset>
        {v.status.nativeDialogs ? (
          <div className="field">
            <span className="label">{t('pack.details.where')}</span>
            <div className="btn-row">
              <button className="btn" type="button" onClick={() => void chooseWhere()}>
                {t('pack.details.choose-where')}
              </button>
              <span>{destination ? destination.name : t('pack.details.not-chosen')}</span>
            </div>
          </div>
        ) : (
          <p className="hint">{t('pack.details.default-folder', { folder: DEFAULT_EXPORTS_FOLDER })}</p>
        )}
        <div className="notice" role="note">
          {t('pack.details.defence')}
        </div>
        {errorBox}
        <div className="btn-row">
          <button className="btn btn-primary" type="button" onClick={() => void start()}>
            {t('pack.details.make')}
          </button>
          <button className="btn" type="button" onClick={() => setStep('about')}>
            {t('pack.back')}
          </button>
        </div>
      </div>
    );
  }

  if (step === 'working') {
    const pct = progress && progress.total > 0 ? Math.round((progress.done * 100) / progress.total) : 0;
    return (
      <div className="pack-wizard">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('pack.working.heading')}
        </h1>
        <div className="notice" role="status" aria-live="polite">
          <label htmlFor="pack-progress">
            {progress ? progressLabel(t, progress.label) : t('pack.working.working')}
          </label>
          <progress id="pack-progress" max={100} value={pct} />
        </div>
        <div className="btn-row">
          <button className="btn" type="button" onClick={() => void cancel()}>
            {t('pack.cancel')}
          </button>
        </div>
      </div>
    );
  }

  if (step === 'done' && receipt) return <Receipt receipt={receipt} onClose={onClose} headingRef={headingRef} />;
  return null;
}

function GpsChoices({
  warnings,
  leaveOut,
  onChange,
}: {
  warnings: GpsWarning[];
  leaveOut: Set<string>;
  onChange(s: Set<string>): void;
}) {
  const t = useT();
  return (
    <fieldset className="escalation">
      <legend>{t('pack.gps.legend')}</legend>
      <p>{t('pack.gps.text', { count: warnings.length })}</p>
      {warnings.map((w) => (
        <label className="check" key={w.exhibitId}>
          <input
            type="checkbox"
            checked={leaveOut.has(w.exhibitId)}
            onChange={(e) => {
              const n = new Set(leaveOut);
              if (e.target.checked) n.add(w.exhibitId);
              else n.delete(w.exhibitId);
              onChange(n);
            }}
          />
          {t('pack.gps.leave-out', {
            name: w.name,
            latitude: w.latitude.toFixed(4),
            longitude: w.longitude.toFixed(4),
          })}
        </label>
      ))}
    </fieldset>
  );
}
