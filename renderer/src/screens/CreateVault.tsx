import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../shared/ipc.js';
import { call, errorMessage } from '../bridge.js';
import { Brand } from '../components/Brand.js';
import { PassphraseField } from '../components/PassphraseField.js';
import { RecoveryKeyPanel } from '../components/RecoveryKeyPanel.js';
import { SubmitRow } from '../components/SubmitRow.js';
import { StrengthMeter, loadChecker, useStrength } from '../components/StrengthMeter.js';
import { passphraseProblemText } from '../components/passphraseWords.js';
import { StartCheck, StartCheckButton } from '../pack/StartCheck.js';
import { Msg, useT } from '../i18n/index.js';
import { LanguagePicker } from '../i18n/LanguagePicker.js';
import './first-screens.css';

export function CreateVault({ status, onDone }: { status: VaultStatus; onDone(s: VaultStatus): void }) {
  const [step, setStep] = useState<'passphrase' | 'recovery'>('passphrase');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [checking, setChecking] = useState(false);
  if (checking) return <StartCheck nativeDialogs={status.nativeDialogs} onClose={() => setChecking(false)} />;
  if (step === 'recovery') {
    return (
      <RecoveryKeyStep
        recoveryKey={recoveryKey}
        location={status.location}
        onDone={async () => {
          // Only now, after "I have saved it", is the key counted as shown: a window closed
          // before this leaves a vault that says on its next open that the key was never shown.
          await call('vault.recoveryKeyShown', {});
          // When the key was made: a calm reminder to test it comes a week later. And the
          // three-step start (store your SPOC, record what happened, the checklist) begins.
          const now = new Date().toISOString();
          await call('settings.update', { patch: { recoveryKeyMadeAt: now, firstRunStartedAt: now } });
          setRecoveryKey('');
          onDone(await call('vault.status', {}));
        }}
      />
    );
  }
  return (
    <PassphraseStep
      location={status.location}
      onCheckPack={() => setChecking(true)}
      onCreated={(key) => {
        setRecoveryKey(key);
        setStep('recovery');
      }}
    />
  );
}

function PassphraseStep({
  location,
  onCreated,
  onCheckPack,
}: {
  location: string;
  onCreated(key: string): void;
  onCheckPack(): void;
}) {
  const t = useT();
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

  const passError = passphraseProblemText(t, pass, strength);
  const confirmError = confirm !== pass ? t('keys.pass.differ') : null;

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
        <div className="first-language">
          <LanguagePicker />
        </div>
        <h1>{t('keys.create.heading')}</h1>
        <p className="lead">{t('keys.create.lead')}</p>
        {location ? <p className="hint">{t('keys.create.folder', { location })}</p> : null}
        {error ? (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        ) : null}
        <form onSubmit={submit} noValidate autoComplete="off">
          <PassphraseField
            id="new-pass"
            label={t('keys.passphrase')}
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
            label={t('keys.create.again')}
            value={confirm}
            onChange={setConfirm}
            error={showConfirmError}
          />
          <p className="hint">{t('keys.create.hint')}</p>
          <SubmitRow
            busy={busy}
            label={t('keys.create.button')}
            busyLabel={t('keys.create.busy')}
            status={t('keys.create.status')}
          />
        </form>
        <StartCheckButton onClick={onCheckPack} />
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
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <main className="center-page">
      <div className="card printable">
        <Brand />
        <h1 ref={heading} tabIndex={-1}>
          {t('keys.recovery.heading')}
        </h1>
        <p className="lead">
          <Msg id="keys.recovery.lead" values={{ b: (c) => <strong>{c}</strong> }} />
        </p>
        <p className="no-print">{t('keys.recovery.keep')}</p>
        <RecoveryKeyPanel
          recoveryKey={recoveryKey}
          location={location}
          testId="recovery-key"
          keyLabel={t('keys.recovery-key')}
          confirmLabel={t('keys.recovery.saved')}
          busy={busy}
          onConfirmed={() => {
            setBusy(true);
            setError(null);
            onDone().catch((e: unknown) => {
              setError(errorMessage(e));
              setBusy(false);
            });
          }}
        />
        {error ? (
          <p className="error-text no-print" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </main>
  );
}
