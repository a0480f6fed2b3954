import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../shared/ipc.js';
import { PERF_MARKS, perfMark } from '../../../shared/perf.js';
import { BridgeError, call, errorMessage } from '../bridge.js';
import { Brand } from '../components/Brand.js';
import { SubmitRow } from '../components/SubmitRow.js';
import { quickExitKeys } from '../safety/Shortcuts.js';
import { StartCheck, StartCheckButton } from '../pack/StartCheck.js';
import { Msg, useT, type MessageId, type Translate } from '../i18n/index.js';
import { LanguagePicker } from '../i18n/LanguagePicker.js';
import './first-screens.css';

/** The two ways to unlock, in the order of their tabs. */
const MODES = [
  ['passphrase', 'keys.passphrase'],
  ['recovery', 'keys.unlock.use-recovery'],
] as const;

/** The reasons the main process gives for a lock (electron/desktop), in the window's words. */
const LOCK_REASONS: Readonly<Record<string, MessageId>> = {
  'the computer went to sleep': 'keys.unlock.reason.sleep',
  'the screen was locked': 'keys.unlock.reason.screen',
  'another user took over the computer': 'keys.unlock.reason.other-user',
  'the computer is shutting down': 'keys.unlock.reason.shutdown',
  'nobody used Evidence Vault for a while': 'keys.unlock.reason.idle',
  'quick exit': 'keys.unlock.reason.quick-exit',
  'the window stopped unexpectedly': 'keys.unlock.reason.window-stopped',
  'the vault stopped unexpectedly': 'keys.unlock.reason.vault-stopped',
};

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
  const t = useT();
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
      setError(t(mode === 'passphrase' ? 'keys.unlock.type-passphrase' : 'keys.unlock.type-recovery'));
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
        setError(t('keys.unlock.wrong-passphrase'));
      } else if (err instanceof BridgeError && err.code === 'WRONG_RECOVERY_KEY') {
        setError(t('keys.unlock.wrong-recovery'));
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
        <div className="first-language">
          <LanguagePicker />
        </div>
        <h1>{t('keys.unlock.heading')}</h1>
        {reason ? (
          <p className="notice" role="status">
            {lockMessage(t, reason)}
          </p>
        ) : null}
        {status.location ? <p className="hint">{t('keys.unlock.folder', { location: status.location })}</p> : null}
        <div className="tabs" role="group" aria-label={t('keys.unlock.with')}>
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
              {t(name)}
            </button>
          ))}
        </div>
        <form onSubmit={submit} noValidate autoComplete="off">
          <div className="field">
            <label htmlFor={id}>{t(mode === 'passphrase' ? 'keys.passphrase' : 'keys.recovery-key')}</label>
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
          <SubmitRow
            busy={busy}
            label={t('keys.unlock.button')}
            busyLabel={t('keys.unlock.busy')}
            status={t('keys.unlock.status')}
          />
        </form>
        <StartCheckButton onClick={() => setChecking(true)} />
        <QuickExitHint />
      </div>
    </main>
  );
}

/** Why the vault is locked, in plain words (reasons from the window or from the main process). */
function lockMessage(t: Translate, reason: string): string {
  if (reason === 'inactivity') return t('keys.unlock.locked-inactivity');
  if (reason === 'user' || reason === 'you locked it') return t('keys.unlock.locked');
  const known = Object.hasOwn(LOCK_REASONS, reason) ? LOCK_REASONS[reason] : undefined;
  return t('keys.unlock.locked-reason', { reason: known ? t(known) : reason });
}

/** Quick exit, said where she sees it before she needs it. */
function QuickExitHint() {
  const keys = quickExitKeys();
  return (
    <p className="hint quick-exit-hint" id="quick-exit-hint">
      <Msg
        id="keys.unlock.quick-exit"
        values={{
          b: (c) => <strong>{c}</strong>,
          kbd: (c) => <kbd>{c}</kbd>,
          chord: keys.chord,
        }}
      />
    </p>
  );
}
