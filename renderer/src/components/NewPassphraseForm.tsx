import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BridgeError, call, errorMessage } from '../bridge.js';
import { PassphraseField } from './PassphraseField.js';
import { PASSPHRASES_DIFFER, StrengthMeter, loadChecker, passphraseProblem, useStrength } from './StrengthMeter.js';

/** The answer to a wrong current passphrase, in the window's words. */
export const WRONG_CURRENT =
  'That is not your current passphrase. Check that Caps Lock is off and try again. Nothing has been changed.';

/**
 * A new passphrase, typed twice with the strength meter (as on create), through
 * 'vault.changePassphrase'. With needsCurrent (Settings) the current passphrase comes first and is
 * checked before anything changes; without it (straight after a recovery-key unlock) it is not asked.
 */
export function NewPassphraseForm({
  idPrefix,
  needsCurrent,
  submitLabel,
  focusFirst,
  onChanged,
}: {
  idPrefix: string;
  needsCurrent: boolean;
  submitLabel: string;
  focusFirst?: boolean;
  onChanged(): void;
}) {
  const [current, setCurrent] = useState('');
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<{ field: 'current' | 'new' | 'form'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(pass);
  const currentRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadChecker();
    if (focusFirst) (needsCurrent ? currentRef : newRef).current?.focus();
  }, [focusFirst, needsCurrent]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (needsCurrent && current === '') {
      setError({ field: 'current', text: 'Type your current passphrase first.' });
      currentRef.current?.focus();
      return;
    }
    const problem = passphraseProblem(pass, strength) ?? (pass !== confirm ? PASSPHRASES_DIFFER : null);
    if (problem) {
      setError({ field: 'new', text: problem });
      newRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call(
        'vault.changePassphrase',
        needsCurrent ? { newPassphrase: pass, currentPassphrase: current } : { newPassphrase: pass },
      );
      setCurrent('');
      setPass('');
      setConfirm('');
      onChanged();
    } catch (err) {
      if (err instanceof BridgeError && err.code === 'WRONG_PASSPHRASE' && needsCurrent) {
        setError({ field: 'current', text: WRONG_CURRENT });
        requestAnimationFrame(() => currentRef.current?.select());
      } else {
        setError({ field: 'form', text: errorMessage(err) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate autoComplete="off">
      {error ? (
        <p className="error-text" role="alert" id={`${idPrefix}-error`}>
          {error.text}
        </p>
      ) : null}
      {needsCurrent ? (
        <PassphraseField
          id={`${idPrefix}-current`}
          label="Current passphrase"
          inputRef={currentRef}
          value={current}
          onChange={setCurrent}
          invalid={error?.field === 'current'}
          describedBy={error?.field === 'current' ? `${idPrefix}-error` : undefined}
        />
      ) : null}
      <div className="row">
        <PassphraseField
          id={`${idPrefix}-new`}
          label="New passphrase"
          inputRef={newRef}
          value={pass}
          onChange={setPass}
          describedBy={`${idPrefix}-new-strength${error?.field === 'new' ? ` ${idPrefix}-error` : ''}`}
          invalid={error?.field === 'new'}
        >
          <StrengthMeter id={`${idPrefix}-new-strength`} strength={strength} />
        </PassphraseField>
        <PassphraseField id={`${idPrefix}-new2`} label="Type it again" value={confirm} onChange={setConfirm} />
      </div>
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? 'Changing…' : submitLabel}
      </button>
    </form>
  );
}
