/**
 * "Merge into…" (issue 12, item 5): the same person under two records. She picks the other person
 * (never this one: the list leaves them out), then a dialog names both, with Cancel focused. The
 * core moves every incident naming this person to the other and puts this record in the bin.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { personName, type Person } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';

export function MergePerson({ person, onMerged }: { person: Person; onMerged(): void }) {
  const v = useVault();
  const uid = useId();
  const [choosing, setChoosing] = useState(false);
  const [intoId, setIntoId] = useState('');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const name = personName(person);
  const others = v.people.filter((p) => p.id !== person.id);
  const into = others.find((p) => p.id === intoId);
  const intoName = into ? personName(into) : '';

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (asking && !d.open) {
      d.showModal();
      cancel.current?.focus();
    } else if (!asking && d.open) d.close();
  }, [asking]);

  async function merge() {
    if (!into) return;
    setBusy(true);
    setError(null);
    try {
      await call('people.merge', { fromId: person.id, intoId: into.id });
      if (v.filter.personId === person.id) v.setFilter({ ...v.filter, personId: into.id });
      await v.refresh();
      setAsking(false);
      v.announce(`${name} merged into ${intoName}.`);
      onMerged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (others.length === 0) return null;
  if (!choosing) {
    return (
      <button
        className="btn"
        type="button"
        aria-label={`Merge ${name} into another person`}
        onClick={() => setChoosing(true)}
      >
        Merge into…
      </button>
    );
  }
  return (
    <div className="merge-choose">
      <div className="field">
        <label htmlFor={`${uid}-into`}>Merge {name} into</label>
        <select id={`${uid}-into`} value={intoId} onChange={(e) => setIntoId(e.target.value)}>
          <option value="">Choose the other person</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {personName(p)}
            </option>
          ))}
        </select>
      </div>
      <div className="btn-row">
        <button className="btn" type="button" disabled={!into} onClick={() => setAsking(true)}>
          Merge…
        </button>
        <button className="btn" type="button" onClick={() => setChoosing(false)}>
          Cancel
        </button>
      </div>
      <dialog
        ref={dialog}
        aria-labelledby={`${uid}-h`}
        onClose={() => {
          if (asking) setAsking(false);
        }}
      >
        <h2 id={`${uid}-h`}>
          Merge {name} into {intoName}?
        </h2>
        <p>
          Every incident that names {name} will name {intoName} instead, and their identifiers are combined under{' '}
          {intoName}. The record of {name} goes to the bin for 30 days; every earlier version is kept.
        </p>
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
        <div className="btn-row">
          <button className="btn btn-primary" type="button" disabled={busy} onClick={() => void merge()}>
            Merge into {intoName}
          </button>
          <button className="btn" type="button" ref={cancel} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      </dialog>
    </div>
  );
}
