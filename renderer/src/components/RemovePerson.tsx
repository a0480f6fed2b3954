import { useState } from 'react';
import { personName, type Person } from '../../../shared/model.js';
import { mentionsOf, type Mention } from '../../../shared/timeline.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { personLabel } from './PeoplePicker.js';
import { useT, type MessageId } from '../i18n/index.js';
import { useDates } from '../i18n/format.js';

/** How many incidents the dialog lists by name; the rest are counted. */
const LISTED = 10;

function role(m: Mention): MessageId {
  if (m.responsible && m.witness) return 'people.remove.both';
  return m.responsible ? 'people.remove.responsible' : 'people.remove.witness';
}

/**
 * Remove a person (believed responsible, a witness, anyone) from the vault, after a dialog that
 * names them and the incidents that mention them. The incidents stay; the person is taken off them.
 */
export function RemovePerson({ person, onRemoved }: { person: Person; onRemoved(): void }) {
  const v = useVault();
  const t = useT();
  const dates = useDates();
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
      v.announce(t('people.remove.removed', { name }));
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
        aria-label={t('people.remove.label', { name })}
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
      >
        {t('people.remove.button')}
      </button>
      <ConfirmDialog
        open={asking}
        heading={t('people.remove.heading', { name })}
        confirmLabel={t('people.remove.button')}
        cancelLabel={t('people.cancel')}
        busy={busy}
        onConfirm={(reason) => void remove(reason)}
        onCancel={() => setAsking(false)}
      >
        <p>{t('people.remove.text', { person: personLabel(person) })}</p>
        {n === 0 ? (
          <p>{t('people.remove.no-mentions')}</p>
        ) : (
          <>
            <p>{t('people.remove.mentions', { count: n })}</p>
            <ul className="dialog-list" aria-label={t('people.remove.list-label', { name })}>
              {mentions.slice(0, LISTED).map((m) => (
                <li key={m.item.incident.id}>
                  <strong>{m.item.incident.title}</strong>, {dates.day(m.item.incident.occurredAt.date)} ({t(role(m))})
                </li>
              ))}
              {n > LISTED ? <li>{t('people.remove.more', { count: n - LISTED })}</li> : null}
            </ul>
          </>
        )}
        <p>{t('people.remove.logged')}</p>
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
