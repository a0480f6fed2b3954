import { useId, useRef, useState } from 'react';
import { personName, type Person } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { useT } from '../i18n/index.js';

export function personLabel(p: Person): string {
  const name = personName(p);
  return p.name && p.handles.length ? `${name} (${p.handles.join(', ')})` : name;
}

/** Pick people already recorded, or create one inline by name or online handle. */
export function PeoplePicker({
  legend,
  hint,
  role,
  value,
  onChange,
}: {
  legend: string;
  hint: string;
  role: 'perpetrator' | 'witness';
  value: string[];
  onChange(ids: string[]): void;
}) {
  const v = useVault();
  const t = useT();
  const uid = useId();
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Where the focus goes after a chosen person is removed (their button is gone). */
  const newInput = useRef<HTMLInputElement>(null);
  const available = v.people
    .filter((p) => !value.includes(p.id))
    .sort((a, b) => personLabel(a).localeCompare(personLabel(b)));

  async function create() {
    const text = newName.trim();
    if (!text) {
      setError(t('incident.people.type-first'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const isHandle = /^@\S+$/.test(text);
      const person = await call('people.create', {
        input: isHandle ? { name: '', handles: [text], role } : { name: text, role },
      });
      v.putPerson(person);
      onChange([...value, person.id]);
      setNewName('');
      v.announce(t('incident.people.added', { name: personLabel(person) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="people-picker">
      <legend>{legend}</legend>
      <p className="hint" id={`${uid}-hint`}>
        {hint}
      </p>
      {value.length > 0 ? (
        <ul className="chosen" aria-label={t('incident.people.chosen', { legend })}>
          {value.map((id) => {
            const p = v.peopleById.get(id);
            const label = p ? personLabel(p) : t('incident.unknown-person');
            return (
              <li key={id}>
                {label}
                <button
                  type="button"
                  aria-label={t('incident.remove-named', { name: label })}
                  onClick={() => {
                    onChange(value.filter((x) => x !== id));
                    requestAnimationFrame(() => newInput.current?.focus());
                  }}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="row">
        {available.length > 0 ? (
          <div className="field">
            <label htmlFor={`${uid}-pick`}>{t('incident.people.recorded')}</label>
            <select
              id={`${uid}-pick`}
              value=""
              onChange={(e) => {
                if (e.target.value) onChange([...value, e.target.value]);
              }}
            >
              <option value="">{t('incident.people.choose')}</option>
              {available.map((p) => (
                <option key={p.id} value={p.id}>
                  {personLabel(p)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${uid}-new`}>{t('incident.people.new')}</label>
          <input
            ref={newInput}
            dir="auto"
            id={`${uid}-new`}
            autoComplete="off"
            spellCheck={false}
            type="text"
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void create();
              }
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${uid}-err` : `${uid}-hint`}
          />
          {error ? (
            <p className="error-text" id={`${uid}-err`}>
              {error}
            </p>
          ) : null}
        </div>
      </div>
      <button className="btn" type="button" disabled={busy} onClick={() => void create()}>
        {t('incident.people.add')}
      </button>
    </fieldset>
  );
}
