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
      v.announce(`Police case ${c.reference} moved to the bin.`);
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
        Police cases
      </h2>
      <p className="hint">
        A crime or incident reference the police gave you. One case can cover many incidents: add them from each
        incident’s page.
      </p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {v.cases.length === 0 ? <p>No police cases yet.</p> : null}
      {v.cases.length > 0 ? (
        <ul aria-label="Police cases" className="case-list">
          {v.cases.map((c) => (
            <li key={c.id}>
              <strong id={`case-${c.id}`} tabIndex={-1} dir="auto">
                {caseLabel(c)}
              </strong>
              {c.officer ? (
                <>
                  , officer <span dir="auto">{c.officer}</span>
                </>
              ) : null}
              {c.collarNumber ? (
                <>
                  {' '}
                  (collar <span dir="auto">{c.collarNumber}</span>)
                </>
              ) : null}
              {c.spoc ? (
                <>
                  , SPOC <span dir="auto">{c.spoc}</span>
                </>
              ) : null}
              {c.firstReportedOn ? `, first reported ${ukDate(c.firstReportedOn)}` : ''}
              {` — ${c.incidentIds.length} incident${c.incidentIds.length === 1 ? '' : 's'}`}{' '}
              <span className="btn-row case-actions">
                <button
                  className="btn"
                  type="button"
                  aria-label={`Edit police case ${c.reference}`}
                  disabled={editing !== null}
                  onClick={() => {
                    setError(null);
                    setEditing({ id: c.id, initial: draftOf(c) });
                    setFocusNext(`${uid}-force`);
                  }}
                >
                  Edit
                </button>
                <button
                  className="btn btn-danger"
                  type="button"
                  aria-label={`Delete police case ${c.reference}`}
                  onClick={() => {
                    setError(null);
                    setDeleting(c);
                  }}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        heading={`Delete police case ${deleting?.reference ?? ''}?`}
        confirmLabel="Delete police case"
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
        <p>
          The case moves to the bin, where it is kept for 30 days and can be restored. The incidents it covers stay as
          they are. The activity log keeps a note of the deletion and your reason.
        </p>
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
            Add a police case
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
    if (form.force.trim() === '') return bad('Name the police force, for example Thames Valley Police.', 'force');
    if (form.reference.trim() === '') return bad('Give the crime or incident reference the police gave you.', 'ref');
    if (form.firstReportedOn && form.firstReportedOn > ukToday())
      return setError('The date first reported is in the future: give the day the police were first told.');
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
      v.announce(id ? `Police case ${saved.reference} saved.` : `Police case ${input.reference} added.`);
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate autoComplete="off" aria-labelledby={`${uid}-fh`}>
      <h3 id={`${uid}-fh`}>{id ? 'Change police case' : 'New police case'}</h3>
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
          label="Police force"
          value={form.force}
          maxLength={LIMITS.force}
          onChange={(force) => set({ force })}
        />
        <TextField
          id={`${uid}-ref`}
          label="Crime or incident reference"
          value={form.reference}
          maxLength={LIMITS.reference}
          onChange={(reference) => set({ reference })}
        />
      </div>
      <div className="row">
        <TextField
          id={`${uid}-officer`}
          label="Officer"
          value={form.officer}
          maxLength={LIMITS.officer}
          onChange={(officer) => set({ officer })}
        />
        <TextField
          id={`${uid}-collar`}
          label="Collar number"
          value={form.collarNumber}
          maxLength={LIMITS.collarNumber}
          onChange={(collarNumber) => set({ collarNumber })}
        />
        <TextField
          id={`${uid}-spoc`}
          label="SPOC, if not the officer"
          value={form.spoc}
          maxLength={LIMITS.spoc}
          onChange={(spoc) => set({ spoc })}
        />
      </div>
      <UkDateOnly
        id={`${uid}-reported`}
        label="Date first reported"
        value={form.firstReportedOn}
        onChange={(firstReportedOn) => set({ firstReportedOn })}
      />
      <div className="btn-row">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save police case'}
        </button>
        <button className="btn" type="button" onClick={() => draft.close(onClose)}>
          Cancel
        </button>
      </div>
    </form>
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
        channel === 'cases.link' ? `Added to police case ${c.reference}.` : `Taken off police case ${c.reference}.`,
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
        Told the police and given a reference?{' '}
        <button type="button" className="btn-link" onClick={() => v.go({ name: 'contacts' })}>
          Add the police case on the Contacts page
        </button>
        , then add this incident to it here.
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
