import { useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/model.js';
import { BridgeError, call, errorMessage } from '../bridge.js';
import { useT } from '../i18n/index.js';

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
  const t = useT();
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
      setError(t('reminder.empty'));
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
        err instanceof BridgeError && err.code === 'WRONG_RECOVERY_KEY' ? t('reminder.wrong') : errorMessage(err),
      );
      requestAnimationFrame(() => input.current?.select());
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card reminder" aria-labelledby="reminder-heading">
      <h2 id="reminder-heading" ref={heading} tabIndex={-1}>
        {worked ? t('reminder.works') : t('reminder.heading')}
      </h2>
      {worked ? (
        <>
          <p role="status">{t('reminder.works-text')}</p>
          <button className="btn" type="button" onClick={() => setWorked(false)}>
            {t('reminder.close')}
          </button>
        </>
      ) : open ? (
        <form onSubmit={submit} noValidate autoComplete="off">
          <p>{t('reminder.type')}</p>
          <div className="field">
            <label htmlFor="reminder-key">{t('reminder.key')}</label>
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
              {busy ? t('reminder.checking') : t('reminder.test')}
            </button>
            <button className="btn" type="button" onClick={onSettings}>
              {t('reminder.lost')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>{t('reminder.text')}</p>
          <button
            className="btn"
            type="button"
            onClick={() => {
              setOpen(true);
              requestAnimationFrame(() => input.current?.focus());
            }}
          >
            {t('reminder.check')}
          </button>
        </>
      )}
    </section>
  );
}
