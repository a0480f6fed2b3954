import { useMemo, useRef, useState } from 'react';
import { errorMessage } from '../bridge.js';

/** How to use the key, on the printed sheet and in the saved text file. */
export const RECOVERY_HOW_TO =
  "On the unlock screen choose 'Use my recovery key', type these groups, then choose a new passphrase.";

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
  const groups = useMemo(() => recoveryGroups(recoveryKey), [recoveryKey]);
  const [ask] = useState(() => pickTwo(groups.length));
  const [typed, setTyped] = useState<[string, string]>(['', '']);
  const [wrong, setWrong] = useState<number | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const firstInput = useRef<HTMLInputElement>(null);
  const secondInput = useRef<HTMLInputElement>(null);
  const made = useMemo(() => ukDate(new Date()), []);
  const where = location ? `the vault in the folder “${location}”` : 'your vault';

  async function copy() {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied('Copied. Paste it somewhere safe away from this computer, then clear it from the clipboard.');
    } catch (e) {
      setCopied(`The key could not be copied (${errorMessage(e)}). Select it and copy it by hand, or print it.`);
    }
  }

  function saveAsText() {
    const text =
      'Evidence Vault recovery key\n\n' +
      `${recoveryKey}\n\n` +
      `For ${where}, made on ${made}.\n` +
      `How to use it: ${RECOVERY_HOW_TO}\n` +
      'Keep it somewhere safe, away from this computer. Anyone with this key can open your vault.\n';
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
      <p className="print-only recovery-sheet-title">Evidence Vault recovery key</p>
      <p className="recovery-key" aria-label={keyLabel} data-testid={testId}>
        {recoveryKey}
      </p>
      <div className="print-only recovery-sheet">
        <p>
          For {where}. Made on {made}.
        </p>
        <p>
          <strong>How to use it:</strong> {RECOVERY_HOW_TO}
        </p>
        <p>Keep this sheet somewhere safe, away from the computer. Anyone with this key can open your vault.</p>
      </div>
      <div className="no-print">
        <div className="btn-row">
          <button className="btn" type="button" onClick={() => void copy()}>
            Copy
          </button>
          <button className="btn" type="button" onClick={() => window.print()}>
            Print the recovery key
          </button>
          <button className="btn" type="button" onClick={saveAsText}>
            Save as a text file
          </button>
        </div>
        <div role="status">
          {copied ? <p className="notice">{copied}</p> : null}
          {downloaded ? (
            <p className="notice">
              Saved to your downloads. Move it off this computer (for example to a USB stick you keep elsewhere) and
              delete it here.
            </p>
          ) : null}
        </div>
        <fieldset className="typeback">
          <legend>Check you have it</legend>
          <p className="hint">
            Type these two groups from your saved copy. Each group is 4 letters and digits, counted from the left.
          </p>
          <div className="row">
            {ask.map((n, i) => (
              <div className="field" key={n}>
                <label htmlFor={`${testId}-group-${n}`}>Group {n}</label>
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
                    setTyped((t) => (i === 0 ? [v, t[1]] : [t[0], v]));
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
              Group {wrong} does not match your recovery key. Look at the key above or your saved copy and type group{' '}
              {wrong} again.
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
