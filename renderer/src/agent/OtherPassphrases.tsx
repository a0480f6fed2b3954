import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KeySlotInfo } from '../../../shared/model.js';
import { BridgeError, call, errorMessage } from '../bridge.js';
import './agent.css';
import { useVault } from '../state.js';
import { PassphraseField } from '../components/PassphraseField.js';
import {
  PASSPHRASES_DIFFER,
  StrengthMeter,
  loadChecker,
  passphraseProblem,
  useStrength,
} from '../components/StrengthMeter.js';

const WRONG_OWNER =
  "That is not the owner's current passphrase. Check that Caps Lock is off and try again. Nothing has been changed.";

/**
 * Settings → "Who can open this vault": the owner's passphrase, a further person's (the agent's,
 * with a passphrase of their own: added here with the owner's current passphrase, removable by
 * the owner) and the recovery key. Once there are two people, each entry records who made it.
 */
export function OtherPassphrases() {
  const v = useVault();
  const [slots, setSlots] = useState<KeySlotInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [asking, setAsking] = useState<KeySlotInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = () =>
    call('slots.list', {})
      .then((s) => {
        setSlots(s);
        setLoadError(null);
      })
      .catch((e: unknown) => setLoadError(errorMessage(e)));
  useEffect(() => {
    void reload();
  }, []);
  useEffect(() => {
    if (asking) keepButton.current?.focus();
  }, [asking]);

  const ownerOpened = slots?.some((s) => s.current && s.kind !== 'person') ?? false;
  const people = slots?.filter((s) => s.kind === 'person') ?? [];

  async function remove(slot: KeySlotInfo) {
    setRemoveError(null);
    try {
      await call('slots.remove', { id: slot.id });
      setAsking(null);
      setMessage(`${slot.name}’s passphrase was removed: it no longer opens this vault.`);
      v.announce(`${slot.name}’s passphrase was removed.`);
      await reload();
      requestAnimationFrame(() => (addButton.current ?? heading.current)?.focus());
    } catch (e) {
      setRemoveError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="slots-heading">
      <h2 id="slots-heading" ref={heading} tabIndex={-1}>
        Who can open this vault
      </h2>
      <p className="hint">
        Your election agent (or someone else you trust) can have a passphrase of their own. It opens the same vault, and
        once there are two of you, every incident, exhibit and activity-log entry says who entered it.
      </p>
      {loadError ? (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {slots ? (
        <ul className="slot-list" aria-label="Passphrases that open this vault">
          {slots.map((s) => (
            <li key={s.id} className="slot-row">
              <span className="prose" dir="auto">
                <strong>{s.name}</strong>
              </span>
              <span className="hint">
                {s.kind === 'owner'
                  ? 'The owner’s passphrase'
                  : s.kind === 'recovery'
                    ? 'Opens the vault if a passphrase is forgotten'
                    : 'Their own passphrase'}
                {s.current ? ' · used to open the vault now' : ''}
              </span>
              {s.kind === 'person' && ownerOpened ? (
                <button
                  className="btn"
                  type="button"
                  aria-label={`Remove ${s.name}’s passphrase`}
                  onClick={() => {
                    setMessage(null);
                    setRemoveError(null);
                    setAsking(s);
                  }}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {asking ? (
        <div className="warning" role="group" aria-labelledby="slot-remove-heading">
          <h3 className="notice-title" id="slot-remove-heading" dir="auto">
            Remove {asking.name}’s passphrase?
          </h3>
          <p>They will no longer be able to open this vault. What they entered stays, with their name on it.</p>
          {removeError ? (
            <p className="error-text" role="alert">
              {removeError}
            </p>
          ) : null}
          <div className="btn-row">
            <button className="btn btn-danger" type="button" onClick={() => void remove(asking)}>
              Remove it
            </button>
            <button
              ref={keepButton}
              className="btn btn-primary"
              type="button"
              onClick={() => {
                setAsking(null);
                requestAnimationFrame(() => heading.current?.focus());
              }}
            >
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p className="notice notice-ok" role="status">
          {message}
        </p>
      ) : null}
      {adding ? (
        <AddPassphraseForm
          onAdded={(slot) => {
            setAdding(false);
            setMessage(`${slot.name} can now open this vault with their own passphrase.`);
            v.announce(`Passphrase added for ${slot.name}.`);
            void reload().then(() => requestAnimationFrame(() => addButton.current?.focus()));
          }}
          onCancel={() => {
            setAdding(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : people.length < 4 ? (
        <button
          ref={addButton}
          className="btn"
          type="button"
          onClick={() => {
            setMessage(null);
            setAdding(true);
          }}
        >
          Add a passphrase for someone else…
        </button>
      ) : null}
    </section>
  );
}

function AddPassphraseForm({ onAdded, onCancel }: { onAdded(slot: KeySlotInfo): void; onCancel(): void }) {
  const [name, setName] = useState('');
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [owner, setOwner] = useState('');
  const [error, setError] = useState<{ field: 'name' | 'new' | 'owner' | 'form'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(pass);
  const nameRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);
  const ownerRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadChecker();
    nameRef.current?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '') {
      setError({
        field: 'name',
        text: 'Type the name of the person this passphrase is for, for example “Sam (agent)”.',
      });
      nameRef.current?.focus();
      return;
    }
    const problem = passphraseProblem(pass, strength) ?? (pass !== confirm ? PASSPHRASES_DIFFER : null);
    if (problem) {
      setError({ field: 'new', text: problem });
      newRef.current?.focus();
      return;
    }
    if (owner === '') {
      setError({ field: 'owner', text: 'Type your own current passphrase to confirm it is you.' });
      ownerRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const slot = await call('slots.add', { name: name.trim(), passphrase: pass, ownerPassphrase: owner });
      onAdded(slot);
    } catch (err) {
      if (err instanceof BridgeError && err.code === 'WRONG_PASSPHRASE') {
        setError({ field: 'owner', text: WRONG_OWNER });
        requestAnimationFrame(() => ownerRef.current?.select());
      } else {
        setError({ field: 'form', text: errorMessage(err) });
      }
      setBusy(false);
    }
  }

  const errId = 'slot-add-error';
  return (
    <form onSubmit={submit} noValidate autoComplete="off" className="slot-add" aria-label="Add a passphrase">
      {error ? (
        <p className="error-text" role="alert" id={errId}>
          {error.text}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="slot-name">Their name, as entries will show it</label>
        <p className="hint" id="slot-name-hint">
          For example “Sam Patel (agent)”.
        </p>
        <input
          id="slot-name"
          ref={nameRef}
          type="text"
          dir="auto"
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error?.field === 'name' ? true : undefined}
          aria-describedby={`slot-name-hint${error?.field === 'name' ? ` ${errId}` : ''}`}
        />
      </div>
      <div className="row">
        <PassphraseField
          id="slot-new"
          label="Their passphrase"
          inputRef={newRef}
          value={pass}
          onChange={setPass}
          describedBy={`slot-new-strength${error?.field === 'new' ? ` ${errId}` : ''}`}
          invalid={error?.field === 'new'}
        >
          <StrengthMeter id="slot-new-strength" strength={strength} />
        </PassphraseField>
        <PassphraseField id="slot-new2" label="Their passphrase again" value={confirm} onChange={setConfirm} />
      </div>
      <PassphraseField
        id="slot-owner"
        label="Your current passphrase"
        inputRef={ownerRef}
        value={owner}
        onChange={setOwner}
        invalid={error?.field === 'owner'}
        describedBy={error?.field === 'owner' ? errId : undefined}
      />
      <div className="btn-row">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add their passphrase'}
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
