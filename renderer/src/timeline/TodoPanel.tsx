import { useRef, useState, type FormEvent } from 'react';
import { EMPTY_FILTER, type IndexedIncident } from '../../../shared/timeline.js';
import { BridgeError, call, errorMessage } from '../bridge.js';
import { storedSpoc } from '../safety/SafetyStrip.js';
import { recoveryKeyDue } from '../safety/RecoveryKeyReminder.js';
import { GUIDANCE } from '../screens/Guidance.js';
import { Msg, useT } from '../i18n/index.js';
import { useVault } from '../state.js';

/** Escalated incidents (any escalation signal) not yet told the police. */
export function untoldEscalations(index: readonly IndexedIncident[]): number {
  return index.filter((x) => x.flagged).length;
}

/** Whether the recovery key now in use has not been tested since it was made. */
export function recoveryKeyUntested(recoveryKeyMadeAt: string, recoveryKeyCheckedAt: string): boolean {
  const checked = Date.parse(recoveryKeyCheckedAt);
  if (Number.isNaN(checked)) return true;
  const made = Date.parse(recoveryKeyMadeAt);
  return !Number.isNaN(made) && checked < made;
}

/**
 * "To do", at the top of the timeline: escalated incidents not yet told the police (with a link
 * that shows them), the recovery key not yet tested, no SPOC stored, the checklist not finished.
 * No item can be dismissed: each goes once it is done.
 */
export function TodoPanel({ onShowList }: { onShowList(): void }) {
  const v = useVault();
  const t = useT();
  const [testing, setTesting] = useState(false);
  const untold = untoldEscalations(v.index);
  const spoc = storedSpoc(v.contacts);
  const done = new Set(v.settings.guidanceDone);
  const checklistDone = GUIDANCE.filter((g) => done.has(g.id)).length;
  // A week after the key was made, the reminder card above says the same, with its own form.
  const keyUntested =
    recoveryKeyUntested(v.settings.recoveryKeyMadeAt, v.settings.recoveryKeyCheckedAt) && !recoveryKeyDue(v.settings);
  const items = [
    untold > 0 ? 'untold' : '',
    !spoc ? 'spoc' : '',
    keyUntested || testing ? 'key' : '',
    checklistDone < GUIDANCE.length ? 'checklist' : '',
  ].filter((s) => s !== '');
  if (items.length === 0) return null;

  return (
    <section className="todo" aria-labelledby="todo-heading">
      <h2 id="todo-heading" className="todo-heading">
        <Msg
          id="timeline.todo.heading"
          values={{ count: items.length, small: (c) => <span className="todo-count">{c}</span> }}
        />
      </h2>
      <ul className="todo-list">
        {untold > 0 ? (
          <li className="todo-item todo-urgent" data-todo="untold">
            {t('timeline.todo.untold', { count: untold })}{' '}
            <button
              type="button"
              className="btn-link"
              onClick={() => {
                v.setFilter({ ...EMPTY_FILTER, escalation: 'yes', police: 'no' });
                onShowList();
              }}
            >
              {t('timeline.todo.show', { count: untold })}
            </button>
          </li>
        ) : null}
        {!spoc ? (
          <li className="todo-item" data-todo="spoc">
            {t('timeline.todo.no-spoc')}{' '}
            <button type="button" className="btn-link" onClick={() => v.go({ name: 'contacts' })}>
              {t('timeline.todo.add-spoc')}
            </button>
          </li>
        ) : null}
        {keyUntested || testing ? (
          <li className="todo-item" data-todo="key">
            <KeyTest open={testing} setOpen={setTesting} />
          </li>
        ) : null}
        {checklistDone < GUIDANCE.length ? (
          <li className="todo-item" data-todo="checklist">
            {t('timeline.todo.checklist', { done: checklistDone, total: GUIDANCE.length })}{' '}
            <button type="button" className="btn-link" onClick={() => v.go({ name: 'guidance' })}>
              {t('timeline.todo.open-checklist')}
            </button>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** "Test your saved recovery key": nothing opens or changes ('vault.testRecoveryKey'). */
function KeyTest({ open, setOpen }: { open: boolean; setOpen(open: boolean): void }) {
  const v = useVault();
  const t = useT();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [worked, setWorked] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLParagraphElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (key.trim() === '') {
      setError(t('timeline.key.empty'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('vault.testRecoveryKey', { recoveryKey: key.trim() });
      setKey('');
      setWorked(true);
      await v.updateSettings({ recoveryKeyCheckedAt: new Date().toISOString() });
      requestAnimationFrame(() => result.current?.focus());
    } catch (err) {
      setError(
        err instanceof BridgeError && err.code === 'WRONG_RECOVERY_KEY' ? t('timeline.key.wrong') : errorMessage(err),
      );
      requestAnimationFrame(() => input.current?.select());
    } finally {
      setBusy(false);
    }
  }

  if (worked) {
    return (
      <>
        <p className="todo-done" ref={result} tabIndex={-1} role="status">
          {t('timeline.key.works')}
        </p>
        <button
          type="button"
          className="btn-link"
          onClick={() => {
            setWorked(false);
            setOpen(false);
          }}
        >
          {t('timeline.key.done')}
        </button>
      </>
    );
  }
  if (!open) {
    return (
      <>
        {t('timeline.key.untested')}{' '}
        <button
          type="button"
          className="btn-link"
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() => input.current?.focus());
          }}
        >
          {t('timeline.key.test-now')}
        </button>
      </>
    );
  }
  return (
    <form className="todo-form" onSubmit={submit} noValidate autoComplete="off">
      <div className="field">
        <label htmlFor="todo-key">{t('timeline.key.label')}</label>
        <input
          ref={input}
          id="todo-key"
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'todo-key-error' : undefined}
        />
        {error ? (
          <p id="todo-key-error" className="error-text">
            {error}
          </p>
        ) : null}
      </div>
      <div className="btn-row">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? t('timeline.key.checking') : t('timeline.key.check')}
        </button>
        <button
          className="btn"
          type="button"
          onClick={() => {
            setOpen(false);
            setError(null);
            setKey('');
          }}
        >
          {t('timeline.key.not-now')}
        </button>
      </div>
    </form>
  );
}
