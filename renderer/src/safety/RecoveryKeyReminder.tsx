import { useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/model.js';
import { BridgeError, call, errorMessage } from '../bridge.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether to remind her to test the recovery key: made over a week ago and not tested since. */
export function recoveryKeyDue(s: Settings, now = Date.now()): boolean {
  const made = Date.parse(s.recoveryKeyMadeAt);
  if (Number.isNaN(made) || now - made <= WEEK_MS) return false;
  const checked = Date.parse(s.recoveryKeyCheckedAt);
  return Number.isNaN(checked) || checked < made;
}

/**
 * A calm card on the timeline a week after the recovery key was made: test it (nothing opens or
 * changes; 'vault.testRecoveryKey'), and when it works the card goes (recoveryKeyCheckedAt).
 */
export function RecoveryKeyReminder({
  settings,
  updateSettings,
  onSettings,
}: {
  settings: Settings;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  onSettings(): void;
}) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [worked, setWorked] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  if (!worked && !recoveryKeyDue(settings)) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (key.trim() === '') {
      setError('Type your recovery key, from your printed sheet or saved copy.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('vault.testRecoveryKey', { recoveryKey: key.trim() });
      setKey('');
      setWorked(true);
      await updateSettings({ recoveryKeyCheckedAt: new Date().toISOString() });
      requestAnimationFrame(() => heading.current?.focus());
    } catch (err) {
      setError(
        err instanceof BridgeError && err.code === 'WRONG_RECOVERY_KEY'
          ? 'That recovery key does not open this vault. Check each group and try again, or make a new key in Settings if you have lost it.'
          : errorMessage(err),
      );
      requestAnimationFrame(() => input.current?.select());
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card reminder" aria-labelledby="reminder-heading">
      <h2 id="reminder-heading" ref={heading} tabIndex={-1}>
        {worked ? 'Your recovery key works' : 'Check your recovery key still works'}
      </h2>
      {worked ? (
        <>
          <p role="status">It opens this vault. Keep it where it is, safe and away from this computer.</p>
          <button className="btn" type="button" onClick={() => setWorked(false)}>
            Close
          </button>
        </>
      ) : open ? (
        <form onSubmit={submit} noValidate autoComplete="off">
          <p>Type the key from your printed sheet or saved copy. This only checks it: nothing is opened or changed.</p>
          <div className="field">
            <label htmlFor="reminder-key">Recovery key</label>
            <input
              ref={input}
              id="reminder-key"
              type="text"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              value={key}
              onChange={(e) => setKey(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'reminder-error' : undefined}
            />
            {error ? (
              <p id="reminder-error" className="error-text" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <div className="btn-row">
            <button className="btn btn-primary" type="submit" disabled={busy}>
              {busy ? 'Checking…' : 'Test my recovery key'}
            </button>
            <button className="btn" type="button" onClick={onSettings}>
              I have lost it: make a new one
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>
            You saved your recovery key more than a week ago. It is the only way in if you forget your passphrase, so
            check now that you can still find it and that it works.
          </p>
          <button
            className="btn"
            type="button"
            onClick={() => {
              setOpen(true);
              requestAnimationFrame(() => input.current?.focus());
            }}
          >
            Check my recovery key
          </button>
        </>
      )}
    </section>
  );
}
