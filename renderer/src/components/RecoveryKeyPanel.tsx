import { useMemo, useRef, useState } from 'react';
import { errorMessage } from '../bridge.js';
import { useT } from '../i18n/index.js';

/** The key's groups ("7KQ2", "M9XD", …), as shown and as typed back. */
export function recoveryGroups(key: string): string[] {
  return key.split('-').filter((g) => g !== '');
}

/** A typed group as the key spells it: case, spaces and dashes don't matter; O→0, I/L→1. */
function normalGroup(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Two different groups (1-based), chosen at random, in order. */
function pickTwo(count: number): [number, number] {
  if (count < 2) return [1, 1];
  const a = 1 + Math.floor(Math.random() * count);
  let b = 1 + Math.floor(Math.random() * (count - 1));
  if (b >= a) b += 1;
  return a < b ? [a, b] : [b, a];
}

function ukDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/**
 * A recovery key shown once (a new vault's, or a new one made in Settings): Copy, Print (a sheet
 * that says how to use it), Save as a text file, and a type-back check of two groups before it
 * counts as saved. A wrong group is refused with a plain line; she stays here.
 */
export function RecoveryKeyPanel({
  recoveryKey,
  location,
  testId,
  keyLabel,
  confirmLabel,
  busy,
  onConfirmed,
}: {
  recoveryKey: string;
  location: string;
  testId: string;
  keyLabel: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirmed(): void;
}) {
  const t = useT();
  const groups = useMemo(() => recoveryGroups(recoveryKey), [recoveryKey]);
  const [ask] = useState(() => pickTwo(groups.length));
  const [typed, setTyped] = useState<[string, string]>(['', '']);
  const [wrong, setWrong] = useState<number | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const firstInput = useRef<HTMLInputElement>(null);
  const secondInput = useRef<HTMLInputElement>(null);
  const made = useMemo(() => ukDate(new Date()), []);
  const where = location ? t('keys.recovery.where-folder', { location }) : t('keys.recovery.where');
  const howTo = t('keys.recovery.how-to');

  async function copy() {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied(t('keys.recovery.copied'));
    } catch (e) {
      setCopied(t('keys.recovery.copy-failed', { error: errorMessage(e) }));
    }
  }

  function saveAsText() {
    const text =
      `${t('keys.recovery.title')}\n\n` +
      `${recoveryKey}\n\n` +
      `${t('keys.recovery.file-for', { where, made })}\n` +
      `${t('keys.recovery.how-label')} ${howTo}\n` +
      `${t('keys.recovery.file-keep')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'evidence-vault-recovery-key.txt';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setDownloaded(true);
  }

  function confirm() {
    const bad = ask.findIndex((n, i) => normalGroup(typed[i] ?? '') !== groups[n - 1]);
    if (bad >= 0) {
      setWrong(ask[bad] ?? null);
      (bad === 0 ? firstInput : secondInput).current?.focus();
      return;
    }
    setWrong(null);
    onConfirmed();
  }

  const errorId = `${testId}-typeback-error`;
  return (
    <div className="recovery-panel">
      <p className="print-only recovery-sheet-title">{t('keys.recovery.title')}</p>
      <p className="recovery-key" aria-label={keyLabel} data-testid={testId}>
        {recoveryKey}
      </p>
      <div className="print-only recovery-sheet">
        <p>{t('keys.recovery.sheet-for', { where, made })}</p>
        <p>
          <strong>{t('keys.recovery.how-label')}</strong> {howTo}
        </p>
        <p>{t('keys.recovery.sheet-keep')}</p>
      </div>
      <div className="no-print">
        <div className="btn-row">
          <button className="btn" type="button" onClick={() => void copy()}>
            {t('keys.recovery.copy')}
          </button>
          <button className="btn" type="button" onClick={() => window.print()}>
            {t('keys.recovery.print')}
          </button>
          <button className="btn" type="button" onClick={saveAsText}>
            {t('keys.recovery.save-text')}
          </button>
        </div>
        <div role="status">
          {copied ? <p className="notice">{copied}</p> : null}
          {downloaded ? <p className="notice">{t('keys.recovery.downloaded')}</p> : null}
        </div>
        <fieldset className="typeback">
          <legend>{t('keys.recovery.check')}</legend>
          <p className="hint">{t('keys.recovery.check-hint')}</p>
          <div className="row">
            {ask.map((n, i) => (
              <div className="field" key={n}>
                <label htmlFor={`${testId}-group-${n}`}>{t('keys.recovery.group', { n })}</label>
                <input
                  ref={i === 0 ? firstInput : secondInput}
                  id={`${testId}-group-${n}`}
                  data-group={n}
                  className="input-group"
                  type="text"
                  inputMode="text"
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  maxLength={8}
                  value={typed[i]}
                  onChange={(e) => {
                    const v = e.target.value;
                    setTyped((was) => (i === 0 ? [v, was[1]] : [was[0], v]));
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      confirm();
                    }
                  }}
                  aria-invalid={wrong === n ? true : undefined}
                  aria-describedby={wrong === n ? errorId : undefined}
                />
              </div>
            ))}
          </div>
          {wrong !== null ? (
            <p id={errorId} className="error-text" role="alert">
              {t('keys.recovery.group-wrong', { n: wrong })}
            </p>
          ) : null}
        </fieldset>
        <div className="btn-row">
          <button className="btn btn-primary" type="button" disabled={busy} onClick={confirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
