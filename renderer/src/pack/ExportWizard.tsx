// Over 400 lines: the wizard is one form (what goes in, privacy, folder or ZIP, where) whose steps share one selection and its preview; the GPS choices and the receipt are components of their own below.
/**
 * The export wizard: choose the incidents, initials and privacy, folder or ZIP and where to save;
 * progress with cancel; then a receipt with the pack's hashes and plain advice on handing it over.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  DEFAULT_EXPORTS_FOLDER,
  DEFENCE_NOTE,
  packName,
  type GpsWarning,
  type PackFormat,
  type PackPreview,
  type PackReceipt,
} from '../../../shared/ipc-pack.js';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../../../shared/model.js';
import { selectIncidents, selectionProblem, type Selection } from '../../../shared/selection.js';
import { bridge, call, errorMessage, randomId } from '../bridge.js';
import { formatSize } from '../../../shared/format.js';
import { ukDate } from '../../../shared/uk-time.js';
import { useVault } from '../state.js';
import { PersonOptions } from '../components/PersonOptions.js';
import { rememberPack } from './session.js';
import { Receipt } from './Receipt.js';
import { takePackPreselection } from '../agent/pack-preselect.js';
import './pack.css';

type Step = 'choose' | 'about' | 'details' | 'working' | 'done';

/** The ways to save a pack, in the order offered ('both': one export, one pack id, both named by it). */
const FORMATS: readonly [PackFormat, string][] = [
  ['both', 'A folder and its ZIP file, with the same pack id (recommended)'],
  ['zip', 'One ZIP file (easiest to send or copy to a USB stick)'],
  ['folder', 'A folder'],
  ['portal', 'For a police upload portal: parts of at most 16 files, each with captions to paste'],
];

export function ExportWizard({ onClose }: { onClose(): void }) {
  const v = useVault();
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
      setError('Choose at least one incident.');
      return;
    }
    const problem = selectionProblem(filters);
    if (problem) {
      setError(problem);
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
      setError('Your initials are needed for the exhibit references: 1 to 5 letters, for example AB.');
      return;
    }
    if (v.status.nativeDialogs && !destination) {
      setError('Choose where to save the case pack first.');
      return;
    }
    const jobId = randomId();
    jobRef.current = jobId;
    setProgress({ done: 0, total: 1, label: 'Starting…' });
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
      v.announce('The case pack is ready.');
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
          Make a case pack: which incidents?
        </h1>
        <p className="lead">Everything is included unless you narrow it down.</p>
        <div className="row">
          <div className="field">
            <label htmlFor="pack-from">From (date)</label>
            <input
              id="pack-from"
              type="date"
              autoComplete="off"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="pack-to">To (date)</label>
            <input id="pack-to" type="date" autoComplete="off" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="pack-person">Person</label>
            <select id="pack-person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <PersonOptions people={v.people} />
            </select>
          </div>
        </div>
        <fieldset>
          <legend>Categories (none ticked: all)</legend>
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
                {CATEGORY_LABELS[c]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>
            Incidents ({chosen.length} of {matching.length} chosen)
          </legend>
          {matching.length === 0 ? <p>No incident matches.</p> : null}
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
                    {i.exhibits.length ? ` (${i.exhibits.length} exhibit${i.exhibits.length === 1 ? '' : 's'})` : ''}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {errorBox}
        <div className="btn-row">
          <button className="btn btn-primary" type="button" onClick={() => void next()} disabled={busy}>
            {busy ? 'Checking the files…' : 'Next'}
          </button>
          <button className="btn" type="button" onClick={onClose}>
            Cancel
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
          Make a case pack: for the summary for police
        </h1>
        <p className="lead">
          The first page tells the officer who made the record and who it is for. Anything you leave empty is printed as
          a line to fill in by hand.
        </p>
        <div className="field">
          <label htmlFor="pack-name">Your name</label>
          <input
            id="pack-name"
            type="text"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pack-role">Your role</label>
          <span className="hint" id="pack-role-hint">
            For example “Parliamentary candidate” or “Election agent”.
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
            Keep my name and role in the settings for next time
          </label>
        </p>
        <div className="field">
          <label htmlFor="pack-recipient">Who it is for</label>
          <span className="hint" id="pack-recipient-hint">
            The officer and force, for example “PC 1234 Patel, Kent Police”.
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
          <label htmlFor="pack-crime-ref">Crime or incident reference</label>
          <span className="hint" id="pack-crime-ref-hint">
            {cases.length
              ? `Your police cases for these incidents are printed already (${cases
                  .map((k) => `${k.force} ${k.reference}`)
                  .join('; ')}). Add another reference only if the police gave one.`
              : 'The number the police gave you, if they have.'}
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
        {errorBox}
        <div className="btn-row">
          <button className="btn btn-primary" type="button" onClick={() => void saveAbout()}>
            Next
          </button>
          <button className="btn" type="button" onClick={() => setStep('choose')}>
            Back
          </button>
        </div>
      </div>
    );
  }

  if (step === 'details' && preview) {
    return (
      <div className="pack-wizard">
        <h1 ref={headingRef} tabIndex={-1}>
          Make a case pack: details
        </h1>
        <p>
          {preview.incidents} incident{preview.incidents === 1 ? '' : 's'} and {preview.exhibits} exhibit
          {preview.exhibits === 1 ? '' : 's'} ({formatSize(preview.exhibitBytes)})
          {preview.firstDate
            ? `, from ${ukDate(preview.firstDate)} to ${ukDate(preview.lastDate ?? preview.firstDate)}`
            : ''}
          .
        </p>
        <div className="field">
          <label htmlFor="pack-initials">Your initials</label>
          <span className="hint" id="pack-initials-hint">
            Exhibits are numbered with them, as the police do: AB/1, AB/2 …
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
          <legend>Privacy</legend>
          <label className="check">
            <input type="checkbox" checked={omitNotes} onChange={(e) => setOmitNotes(e.target.checked)} />
            Leave out my private notes
          </label>
          <label className="check">
            <input type="checkbox" checked={omitPrivate} onChange={(e) => setOmitPrivate(e.target.checked)} />
            Leave out details and people I marked private
          </label>
        </fieldset>
        {preview.gpsWarnings.length > 0 ? (
          <GpsChoices warnings={preview.gpsWarnings} leaveOut={leaveOutGps} onChange={setLeaveOutGps} />
        ) : null}
        <fieldset>
          <legend>Save as</legend>
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
              {label}
            </label>
          ))}
        </fieldset>
        {v.status.nativeDialogs ? (
          <div className="field">
            <span className="label">Where to save</span>
            <div className="btn-row">
              <button className="btn" type="button" onClick={() => void chooseWhere()}>
                Choose where to save…
              </button>
              <span>{destination ? destination.name : 'Not chosen yet'}</span>
            </div>
          </div>
        ) : (
          <p className="hint">
            The case pack will be saved in the “{DEFAULT_EXPORTS_FOLDER}” folder beside your vault.
          </p>
        )}
        <div className="notice" role="note">
          {DEFENCE_NOTE}
        </div>
        {errorBox}
        <div className="btn-row">
          <button className="btn btn-primary" type="button" onClick={() => void start()}>
            Make the case pack
          </button>
          <button className="btn" type="button" onClick={() => setStep('about')}>
            Back
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
          Making the case pack…
        </h1>
        <div className="notice" role="status" aria-live="polite">
          <label htmlFor="pack-progress">{progress?.label ?? 'Working…'}</label>
          <progress id="pack-progress" max={100} value={pct} />
        </div>
        <div className="btn-row">
          <button className="btn" type="button" onClick={() => void cancel()}>
            Cancel
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
  return (
    <fieldset className="escalation">
      <legend>Pictures that show where they were taken</legend>
      <p>
        {warnings.length === 1 ? 'This picture holds' : 'These pictures hold'} a GPS position in the file. It could show
        where you live or were. The files are never changed, so you decide whether each goes in.
      </p>
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
          Leave out {w.name} (position {w.latitude.toFixed(4)}, {w.longitude.toFixed(4)})
        </label>
      ))}
    </fieldset>
  );
}
