import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../shared/ipc.js';
import { call, errorMessage } from '../bridge.js';
import { Brand } from '../components/Brand.js';
import { PassphraseField } from '../components/PassphraseField.js';
import { SubmitRow } from '../components/SubmitRow.js';
import {
  PASSPHRASES_DIFFER,
  StrengthMeter,
  loadChecker,
  passphraseProblem,
  useStrength,
} from '../components/StrengthMeter.js';

export function CreateVault({ status, onDone }: { status: VaultStatus; onDone(s: VaultStatus): void }) {
  const [step, setStep] = useState<'passphrase' | 'recovery'>('passphrase');
  const [recoveryKey, setRecoveryKey] = useState('');
  if (step === 'recovery') {
    return (
      <RecoveryKeyStep
        recoveryKey={recoveryKey}
        location={status.location}
        onDone={async () => {
          // Only now, after "I have saved it", is the key counted as shown: a window closed
          // before this leaves a vault that says on its next open that the key was never shown.
          await call('vault.recoveryKeyShown', {});
          setRecoveryKey('');
          onDone(await call('vault.status', {}));
        }}
      />
    );
  }
  return (
    <PassphraseStep
      location={status.location}
      onCreated={(key) => {
        setRecoveryKey(key);
        setStep('recovery');
      }}
    />
  );
}

function PassphraseStep({ location, onCreated }: { location: string; onCreated(key: string): void }) {
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const strength = useStrength(pass);
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstField.current?.focus();
    void loadChecker();
  }, []);

  const passError = passphraseProblem(pass, strength);
  const confirmError = confirm !== pass ? PASSPHRASES_DIFFER : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (passError || confirmError) return;
    setBusy(true);
    setError(null);
    try {
      const { recoveryKey } = await call('vault.create', { passphrase: pass });
      onCreated(recoveryKey);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  const showPassError = submitted && passError;
  const showConfirmError = submitted && !passError && confirmError;
  return (
    <main className="center-page">
      <div className="card">
        <Brand />
        <h1>Create your vault</h1>
        <p className="lead">
          Evidence Vault keeps your record of what happened locked on this computer. Only someone with your passphrase
          can read it.
        </p>
        {location ? <p className="hint">The vault will be kept in the folder “{location}”.</p> : null}
        {error ? (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        ) : null}
        <form onSubmit={submit} noValidate autoComplete="off">
          <PassphraseField
            id="new-pass"
            label="Passphrase"
            inputRef={firstField}
            value={pass}
            onChange={setPass}
            error={showPassError}
            describedBy="new-pass-strength"
          >
            <StrengthMeter id="new-pass-strength" strength={strength} />
          </PassphraseField>
          <PassphraseField
            id="confirm-pass"
            label="Type the passphrase again"
            value={confirm}
            onChange={setConfirm}
            error={showConfirmError}
          />
          <p className="hint">
            Nobody can reset this passphrase for you — not us, not the police. Next you will get a recovery key to keep
            somewhere safe in case you forget it.
          </p>
          <SubmitRow
            busy={busy}
            label="Create vault"
            busyLabel="Creating your vault…"
            status="Creating your vault. This takes a few seconds."
          />
        </form>
      </div>
    </main>
  );
}

function RecoveryKeyStep({
  recoveryKey,
  location,
  onDone,
}: {
  recoveryKey: string;
  location: string;
  onDone(): Promise<void>;
}) {
  const [saved, setSaved] = useState(false);
  const [downloaded, setDownloaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function saveAsText() {
    const text =
      'Evidence Vault recovery key\n\n' +
      `${recoveryKey}\n\n` +
      'Use this key to open your vault if you forget your passphrase.\n' +
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

  return (
    <main className="center-page">
      <div className="card printable">
        <Brand />
        <h1 ref={heading} tabIndex={-1}>
          Your recovery key
        </h1>
        <p className="lead">
          If you ever forget your passphrase, this key is the only way to open your vault. It is shown{' '}
          <strong>only once</strong>.
        </p>
        <p className="recovery-key" aria-label="Recovery key" data-testid="recovery-key">
          {recoveryKey}
        </p>
        <p className="print-only">
          Made on {new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}
          {location ? ` for the vault in the folder “${location}”` : ''}. Keep this sheet somewhere safe, away from the
          computer. Anyone with this key can open your vault.
        </p>
        <div className="no-print">
          <p>
            Print it or save it, then keep it somewhere safe away from this computer — for example with a trusted
            friend.
          </p>
          <div className="btn-row">
            <button className="btn" type="button" onClick={() => window.print()}>
              Print the recovery key
            </button>
            <button className="btn" type="button" onClick={saveAsText}>
              Save as a text file
            </button>
          </div>
          {downloaded ? (
            <p className="notice" role="status">
              Saved to your downloads. Move it off this computer (for example to a USB stick you keep elsewhere) and
              delete it here.
            </p>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
            <span>I have saved my recovery key somewhere safe</span>
          </label>
          <div className="btn-row">
            <button
              className="btn btn-primary"
              type="button"
              disabled={!saved}
              onClick={() => {
                setError(null);
                onDone().catch((e: unknown) => setError(errorMessage(e)));
              }}
            >
              Continue to my vault
            </button>
          </div>
          {error ? (
            <p className="error-text" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      </div>
    </main>
  );
}
