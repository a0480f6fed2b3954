import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../shared/ipc.js';
import { PERF_MARKS, perfMark } from '../../../shared/perf.js';
import { BridgeError, call, errorMessage } from '../bridge.js';
import { Brand } from '../components/Brand.js';
import { SubmitRow } from '../components/SubmitRow.js';
import { quickExitKeys } from '../safety/Shortcuts.js';
import { StartCheck, StartCheckButton } from '../pack/StartCheck.js';

/** The two ways to unlock, in the order of their tabs. */
const MODES = [
  ['passphrase', 'Passphrase'],
  ['recovery', 'Use my recovery key'],
] as const;

export function Unlock({
  status,
  reason,
  onUnlocked,
}: {
  status: VaultStatus;
  reason: string | null;
  /** viaRecoveryKey: she unlocked with the recovery key (the window then asks for a new passphrase). */
  onUnlocked(s: VaultStatus, viaRecoveryKey: boolean): void;
}) {
  const [mode, setMode] = useState<(typeof MODES)[number][0]>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    input.current?.focus();
  }, [mode, checking]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (secret.trim() === '') {
      setError(mode === 'passphrase' ? 'Type your passphrase.' : 'Type your recovery key.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      perfMark(PERF_MARKS.unlockStart);
      const s = await call(
        'vault.unlock',
        mode === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret.trim() },
      );
      perfMark(PERF_MARKS.unlockDone);
      setSecret('');
      onUnlocked(s, mode === 'recovery');
    } catch (err) {
      setBusy(false);
      if (err instanceof BridgeError && err.code === 'WRONG_PASSPHRASE') {
        setError('That passphrase is not right. Check that Caps Lock is off and try again. Nothing has been changed.');
      } else if (err instanceof BridgeError && err.code === 'WRONG_RECOVERY_KEY') {
        setError('That recovery key is not right. Check each group of characters and try again.');
      } else {
        setError(errorMessage(err));
      }
      requestAnimationFrame(() => input.current?.select());
    }
  }

  const id = mode === 'passphrase' ? 'unlock-pass' : 'unlock-recovery';
  if (checking) return <StartCheck nativeDialogs={status.nativeDialogs} onClose={() => setChecking(false)} />;
  return (
    <main className="center-page">
      <div className="card">
        <Brand />
        <h1>Unlock your vault</h1>
        {reason ? (
          <p className="notice" role="status">
            {lockMessage(reason)}
          </p>
        ) : null}
        {status.location ? <p className="hint">Vault folder: {status.location}</p> : null}
        <div className="tabs" role="group" aria-label="Unlock with">
          {MODES.map(([m, name]) => (
            <button
              key={m}
              type="button"
              className="btn"
              aria-pressed={mode === m}
              onClick={() => {
                setMode(m);
                setError(null);
                setSecret('');
              }}
            >
              {name}
            </button>
          ))}
        </div>
        <form onSubmit={submit} noValidate autoComplete="off">
          <div className="field">
            <label htmlFor={id}>{mode === 'passphrase' ? 'Passphrase' : 'Recovery key'}</label>
            <input
              ref={input}
              id={id}
              type={mode === 'passphrase' ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'unlock-error' : undefined}
            />
            {error ? (
              <p id="unlock-error" className="error-text" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <SubmitRow busy={busy} label="Unlock" busyLabel="Unlocking…" status="Checking… this takes a moment." />
        </form>
        <StartCheckButton onClick={() => setChecking(true)} />
        <QuickExitHint />
      </div>
    </main>
  );
}

/** Why the vault is locked, in plain words (reasons from the window or from the main process). */
function lockMessage(reason: string): string {
  if (reason === 'inactivity') return 'Your vault was locked because it was not used for a while.';
  if (reason === 'user' || reason === 'you locked it') return 'Your vault is locked.';
  return `Your vault was locked (${reason}).`;
}

/** Quick exit, said where she sees it before she needs it. */
function QuickExitHint() {
  const keys = quickExitKeys();
  return (
    <p className="hint quick-exit-hint" id="quick-exit-hint">
      <strong>Quick exit:</strong> press <kbd>Esc</kbd> twice quickly (or <kbd>{keys.chord}</kbd>) to hide Evidence
      Vault and lock it at once.
    </p>
  );
}
