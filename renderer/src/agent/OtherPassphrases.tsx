import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KeySlotInfo } from '../../../shared/model.js';
import { BridgeError, call, errorMessage } from '../bridge.js';
import './agent.css';
import { useVault } from '../state.js';
import { PassphraseField } from '../components/PassphraseField.js';
import { StrengthMeter, loadChecker, useStrength } from '../components/StrengthMeter.js';
import { newPassphraseProblem } from '../components/passphraseWords.js';
import { useT, type Translate } from '../i18n/index.js';

/**
 * Settings → "Who can open this vault": the owner's passphrase, a further person's (the agent's,
 * with a passphrase of their own: added here with the owner's current passphrase, removable by
 * the owner) and the recovery key. Once there are two people, each entry records who made it.
 */
/**
 * A slot's name as the list shows it: the recovery key's and the unnamed owner's come from the
 * core in English ('Recovery key', 'Owner'), so the window says them in its own words.
 */
function slotName(t: Translate, s: KeySlotInfo): string {
  if (s.kind === 'recovery') return t('keys.recovery-key');
  if (s.kind === 'owner' && s.name === 'Owner') return t('keys.slots.owner-default');
  return s.name;
}

export function OtherPassphrases() {
  const t = useT();
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
      setMessage(t('keys.slots.removed', { name: slot.name }));
      v.announce(t('keys.slots.removed-announce', { name: slot.name }));
      await reload();
      requestAnimationFrame(() => (addButton.current ?? heading.current)?.focus());
    } catch (e) {
      setRemoveError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="slots-heading">
      <h2 id="slots-heading" ref={heading} tabIndex={-1}>
        {t('keys.slots.heading')}
      </h2>
      <p className="hint">{t('keys.slots.hint')}</p>
      {loadError ? (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {slots ? (
        <ul className="slot-list" aria-label={t('keys.slots.list')}>
          {slots.map((s) => (
            <li key={s.id} className="slot-row">
              <span className="prose" dir="auto">
                <strong>{slotName(t, s)}</strong>
              </span>
              <span className="hint">
                {t(
                  s.kind === 'owner'
                    ? 'keys.slots.owner'
                    : s.kind === 'recovery'
                      ? 'keys.slots.recovery'
                      : 'keys.slots.person',
                )}
                {s.current ? ` · ${t('keys.slots.current')}` : ''}
              </span>
              {s.kind === 'person' && ownerOpened ? (
                <button
                  className="btn"
                  type="button"
                  aria-label={t('keys.slots.remove-label', { name: s.name })}
                  onClick={() => {
                    setMessage(null);
                    setRemoveError(null);
                    setAsking(s);
                  }}
                >
                  {t('keys.slots.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {asking ? (
        <div className="warning" role="group" aria-labelledby="slot-remove-heading">
          <h3 className="notice-title" id="slot-remove-heading" dir="auto">
            {t('keys.slots.remove-heading', { name: asking.name })}
          </h3>
          <p>{t('keys.slots.remove-text')}</p>
          {removeError ? (
            <p className="error-text" role="alert">
              {removeError}
            </p>
          ) : null}
          <div className="btn-row">
            <button className="btn btn-danger" type="button" onClick={() => void remove(asking)}>
              {t('keys.slots.remove-it')}
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
              {t('keys.keep-it')}
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
            setMessage(t('keys.slots.added', { name: slot.name }));
            v.announce(t('keys.slots.added-announce', { name: slot.name }));
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
          {t('keys.slots.add')}
        </button>
      ) : null}
    </section>
  );
}

function AddPassphraseForm({ onAdded, onCancel }: { onAdded(slot: KeySlotInfo): void; onCancel(): void }) {
  const t = useT();
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
      setError({ field: 'name', text: t('keys.slots.name-needed') });
      nameRef.current?.focus();
      return;
    }
    const problem = newPassphraseProblem(t, pass, confirm, strength);
    if (problem) {
      setError({ field: 'new', text: problem });
      newRef.current?.focus();
      return;
    }
    if (owner === '') {
      setError({ field: 'owner', text: t('keys.slots.owner-needed') });
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
        setError({ field: 'owner', text: t('keys.slots.wrong-owner') });
        requestAnimationFrame(() => ownerRef.current?.select());
      } else {
        setError({ field: 'form', text: errorMessage(err) });
      }
      setBusy(false);
    }
  }

  const errId = 'slot-add-error';
  return (
    <form onSubmit={submit} noValidate autoComplete="off" className="slot-add" aria-label={t('keys.slots.add-form')}>
      {error ? (
        <p className="error-text" role="alert" id={errId}>
          {error.text}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="slot-name">{t('keys.slots.name')}</label>
        <p className="hint" id="slot-name-hint">
          {t('keys.slots.name-hint')}
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
          label={t('keys.slots.new')}
          inputRef={newRef}
          value={pass}
          onChange={setPass}
          describedBy={`slot-new-strength${error?.field === 'new' ? ` ${errId}` : ''}`}
          invalid={error?.field === 'new'}
        >
          <StrengthMeter id="slot-new-strength" strength={strength} />
        </PassphraseField>
        <PassphraseField id="slot-new2" label={t('keys.slots.new2')} value={confirm} onChange={setConfirm} />
      </div>
      <PassphraseField
        id="slot-owner"
        label={t('keys.slots.owner-pass')}
        inputRef={ownerRef}
        value={owner}
        onChange={setOwner}
        invalid={error?.field === 'owner'}
        describedBy={error?.field === 'owner' ? errId : undefined}
      />
      <div className="btn-row">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? t('keys.slots.adding') : t('keys.slots.add-theirs')}
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          {t('keys.cancel')}
        </button>
      </div>
    </form>
  );
}
