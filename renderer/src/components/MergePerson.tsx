/**
 * "Merge into…" (issue 12, item 5): the same person under two records. She picks the other person
 * (never this one: the list leaves them out), then a dialog names both, with Cancel focused. The
 * core moves every incident naming this person to the other and puts this record in the bin.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { personName, type Person } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { useT } from '../i18n/index.js';

export function MergePerson({ person, onMerged }: { person: Person; onMerged(): void }) {
  const v = useVault();
  const t = useT();
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
      v.announce(t('people.merge.merged', { name, into: intoName }));
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
        aria-label={t('people.merge.label', { name })}
        onClick={() => setChoosing(true)}
      >
        {t('people.merge.start')}
      </button>
    );
  }
  return (
    <div className="merge-choose">
      <div className="field">
        <label htmlFor={`${uid}-into`}>{t('people.merge.into-label', { name })}</label>
        <select id={`${uid}-into`} value={intoId} onChange={(e) => setIntoId(e.target.value)}>
          <option value="">{t('people.merge.choose')}</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {personName(p)}
            </option>
          ))}
        </select>
      </div>
      <div className="btn-row">
        <button className="btn" type="button" disabled={!into} onClick={() => setAsking(true)}>
          {t('people.merge.ask')}
        </button>
        <button className="btn" type="button" onClick={() => setChoosing(false)}>
          {t('people.cancel')}
        </button>
      </div>
      <dialog
        ref={dialog}
        aria-labelledby={`${uid}-h`}
        onClose={() => {
          if (asking) setAsking(false);
        }}
      >
        <h2 id={`${uid}-h`}>{t('people.merge.heading', { name, into: intoName })}</h2>
        <p>{t('people.merge.text', { name, into: intoName })}</p>
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
        <div className="btn-row">
          <button className="btn btn-primary" type="button" disabled={busy} onClick={() => void merge()}>
            {t('people.merge.confirm', { into: intoName })}
          </button>
          <button className="btn" type="button" ref={cancel} onClick={() => setAsking(false)}>
            {t('people.cancel')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
