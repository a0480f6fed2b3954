import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BridgeError, call, errorMessage } from '../bridge.js';
import { PassphraseField } from './PassphraseField.js';
import { StrengthMeter, loadChecker, useStrength } from './StrengthMeter.js';
import { newPassphraseProblem } from './passphraseWords.js';
import { useT } from '../i18n/index.js';

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
  const t = useT();
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
      setError({ field: 'current', text: t('keys.new-pass.current-first') });
      currentRef.current?.focus();
      return;
    }
    const problem = newPassphraseProblem(t, pass, confirm, strength);
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
        setError({ field: 'current', text: t('keys.new-pass.wrong-current') });
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
          label={t('keys.new-pass.current')}
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
          label={t('keys.new-pass.new')}
          inputRef={newRef}
          value={pass}
          onChange={setPass}
          describedBy={`${idPrefix}-new-strength${error?.field === 'new' ? ` ${idPrefix}-error` : ''}`}
          invalid={error?.field === 'new'}
        >
          <StrengthMeter id={`${idPrefix}-new-strength`} strength={strength} />
        </PassphraseField>
        <PassphraseField
          id={`${idPrefix}-new2`}
          label={t('keys.new-pass.again')}
          value={confirm}
          onChange={setConfirm}
        />
      </div>
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? t('keys.new-pass.busy') : submitLabel}
      </button>
    </form>
  );
}
