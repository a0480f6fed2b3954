/**
 * Police cases at vault level (issue 12, item 6): force, crime or incident reference, officer and
 * collar number, SPOC, the date first reported (day / month / year whatever the computer's
 * language), and the incidents each covers. AddToCase is the incident page's "Add to a police case".
 */
import { useId, useState, type FormEvent } from 'react';
import type { CaseInput, PoliceCase } from '../../../shared/model.js';
import { ukToday } from '../../../shared/reporting.js';
import { ukDate } from '../../../shared/uk-time.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { TextField } from './Field.js';
import { UkDateOnly } from './UkDateOnly.js';

const EMPTY = { force: '', reference: '', officer: '', collarNumber: '', spoc: '', firstReportedOn: '' };
type CaseDraft = typeof EMPTY;

function caseLabel(c: PoliceCase): string {
  return `${c.reference} (${c.force})`;
}

/** The "Police cases" section: the cases, how many incidents each covers, and a form to add one. */
export function PoliceCases() {
  const v = useVault();
  const uid = useId();
  const [draft, setDraft] = useState<CaseDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<CaseDraft>) => {
    setError(null);
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    if (draft.force.trim() === '') return setError('Name the police force, for example Thames Valley Police.');
    if (draft.reference.trim() === '') return setError('Give the crime or incident reference the police gave you.');
    if (draft.firstReportedOn && draft.firstReportedOn > ukToday())
      return setError('The date first reported is in the future: give the day the police were first told.');
    setBusy(true);
    setError(null);
    try {
      const input: CaseInput = { ...draft, force: draft.force.trim(), reference: draft.reference.trim() };
      await call('cases.create', { input });
      await v.refresh();
      v.announce(`Police case ${input.reference} added.`);
      setDraft(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>Police cases</h2>
      <p className="hint">
        A crime or incident reference the police gave you. One case can cover many incidents: add them from each
        incident’s page.
      </p>
      {v.cases.length === 0 ? <p>No police cases yet.</p> : null}
      {v.cases.length > 0 ? (
        <ul aria-label="Police cases">
          {v.cases.map((c) => (
            <li key={c.id}>
              <strong>{caseLabel(c)}</strong>
              {c.officer ? `, officer ${c.officer}` : ''}
              {c.collarNumber ? ` (collar ${c.collarNumber})` : ''}
              {c.spoc ? `, SPOC ${c.spoc}` : ''}
              {c.firstReportedOn ? `, first reported ${ukDate(c.firstReportedOn)}` : ''}
              {` — ${c.incidentIds.length} incident${c.incidentIds.length === 1 ? '' : 's'}`}
            </li>
          ))}
        </ul>
      ) : null}
      {draft ? (
        <form onSubmit={save} noValidate autoComplete="off" aria-labelledby={`${uid}-fh`}>
          <h3 id={`${uid}-fh`}>New police case</h3>
          {error ? (
            <p className="error-text" role="alert">
              {error}
            </p>
          ) : null}
          <div className="row">
            <TextField
              id={`${uid}-force`}
              label="Police force"
              value={draft.force}
              onChange={(force) => set({ force })}
            />
            <TextField
              id={`${uid}-ref`}
              label="Crime or incident reference"
              value={draft.reference}
              onChange={(reference) => set({ reference })}
            />
          </div>
          <div className="row">
            <TextField
              id={`${uid}-officer`}
              label="Officer"
              value={draft.officer}
              onChange={(officer) => set({ officer })}
            />
            <TextField
              id={`${uid}-collar`}
              label="Collar number"
              value={draft.collarNumber}
              onChange={(collarNumber) => set({ collarNumber })}
            />
            <TextField
              id={`${uid}-spoc`}
              label="SPOC, if not the officer"
              value={draft.spoc}
              onChange={(spoc) => set({ spoc })}
            />
          </div>
          <UkDateOnly
            id={`${uid}-reported`}
            label="Date first reported"
            value={draft.firstReportedOn}
            onChange={(firstReportedOn) => set({ firstReportedOn })}
          />
          <div className="btn-row">
            <button className="btn btn-primary" type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save police case'}
            </button>
            <button className="btn" type="button" onClick={() => (setDraft(null), setError(null))}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="btn-row">
          <button className="btn" type="button" onClick={() => setDraft({ ...EMPTY })}>
            Add a police case
          </button>
        </div>
      )}
    </section>
  );
}

/** On an incident's page: add it to a police case (or take it off one). */
export function AddToCase({ incidentId }: { incidentId: string }) {
  const v = useVault();
  const uid = useId();
  const [caseId, setCaseId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = v.cases.filter((c) => !c.incidentIds.includes(incidentId));

  async function run(channel: 'cases.link' | 'cases.unlink', id: string) {
    setBusy(true);
    setError(null);
    try {
      const c = await call(channel, { caseId: id, incidentIds: [incidentId] });
      await v.refresh();
      v.announce(
        channel === 'cases.link' ? `Added to police case ${c.reference}.` : `Taken off police case ${c.reference}.`,
      );
      setCaseId('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (v.cases.length === 0) {
    return (
      <p className="hint">
        Told the police and given a reference?{' '}
        <button type="button" className="btn-link" onClick={() => v.go({ name: 'contacts' })}>
          Add the police case on the Contacts page
        </button>
        , then add this incident to it here.
      </p>
    );
  }
  return (
    <div>
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
            className="btn"
            type="button"
            disabled={busy}
            onClick={() => void run('cases.unlink', c.id)}
          >
            Take off police case {c.reference}
          </button>
        ))}
      {open.length > 0 ? (
        <div className="row">
          <div className="field">
            <label htmlFor={`${uid}-case`}>Add to a police case</label>
            <select id={`${uid}-case`} value={caseId} onChange={(e) => setCaseId(e.target.value)}>
              <option value="">Choose a case</option>
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
              Add to this case
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
