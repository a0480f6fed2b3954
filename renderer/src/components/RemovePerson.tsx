import { useState } from 'react';
import { personName, type Person } from '../../../shared/model.js';
import { dayLabel, mentionsOf, type Mention } from '../../../shared/timeline.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { personLabel } from './PeoplePicker.js';

/** How many incidents the dialog lists by name; the rest are counted. */
const LISTED = 10;

function role(m: Mention): string {
  if (m.responsible && m.witness) return 'named as responsible and as a witness';
  return m.responsible ? 'named as responsible' : 'named as a witness';
}

/**
 * Remove a person (believed responsible, a witness, anyone) from the vault, after a dialog that
 * names them and the incidents that mention them. The incidents stay; the person is taken off them.
 */
export function RemovePerson({ person, onRemoved }: { person: Person; onRemoved(): void }) {
  const v = useVault();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = personName(person);
  const mentions = asking ? mentionsOf(v.index, person.id) : [];
  const n = mentions.length;

  async function remove(reason: string) {
    setBusy(true);
    setError(null);
    try {
      await call('people.delete', { id: person.id, reason });
      // The timeline must not keep filtering by someone who is no longer there.
      if (v.filter.personId === person.id) v.setFilter({ ...v.filter, personId: null });
      await v.refresh();
      setAsking(false);
      v.announce(`${name} removed.`);
      onRemoved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="btn btn-danger"
        aria-label={`Remove person: ${name}`}
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
      >
        Remove person
      </button>
      <ConfirmDialog
        open={asking}
        heading={`Remove ${name}?`}
        confirmLabel="Remove person"
        cancelLabel="Cancel"
        busy={busy}
        onConfirm={(reason) => void remove(reason)}
        onCancel={() => setAsking(false)}
      >
        <p>
          {personLabel(person)} and their details will be moved to the bin, kept for 30 days and then removed for good.
        </p>
        {n === 0 ? (
          <p>No incident mentions them.</p>
        ) : (
          <>
            <p>
              {n === 1 ? 'One incident mentions them' : `${n} incidents mention them`}. They will be taken off{' '}
              {n === 1 ? 'it' : 'these'}; the {n === 1 ? 'incident itself stays' : 'incidents themselves stay'} in your
              record:
            </p>
            <ul className="dialog-list" aria-label={`Incidents that mention ${name}`}>
              {mentions.slice(0, LISTED).map((m) => (
                <li key={m.item.incident.id}>
                  <strong>{m.item.incident.title}</strong>, {dayLabel(m.item.incident.occurredAt.date)} ({role(m)})
                </li>
              ))}
              {n > LISTED ? <li>and {n - LISTED} more</li> : null}
            </ul>
          </>
        )}
        <p>The activity log keeps a note that they were removed, and why.</p>
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
