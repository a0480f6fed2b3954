import { LanguagePicker } from '../i18n/LanguagePicker.js';
import { useFormDraft } from '../components/FormDraft.js';
import { formKeys } from '../drafts.js';
import { useState } from 'react';
import type { CheckReport, Settings } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { NewPassphraseForm } from '../components/NewPassphraseForm.js';
import { RecoveryKeyPanel } from '../components/RecoveryKeyPanel.js';
import { OtherPassphrases } from '../agent/OtherPassphrases.js';
import { ChoiceField, TextField } from '../components/Field.js';
import { KeyCardPanel } from '../components/KeyCardPanel.js';
import { ActivityLog } from '../components/ActivityLog.js';

const THEMES: readonly Settings['theme'][] = ['system', 'light', 'dark'];
const THEME_LABELS: Record<Settings['theme'], string> = { system: 'Same as my computer', light: 'Light', dark: 'Dark' };

export function SettingsPage() {
  const v = useVault();
  const s = v.settings;
  const [saved, setSaved] = useState<string | null>(null);
  const [profile, setProfile] = useState({
    producerName: s.producerName,
    producerInitials: s.producerInitials,
    contactEmail: s.contactEmail,
    contactPhone: s.contactPhone,
    producerRole: s.producerRole,
    constituency: s.constituency,
    electionDate: s.electionDate,
    safeContact: s.safeContact,
    timesToAvoid: s.timesToAvoid,
  });
  const [error, setError] = useState<string | null>(null);
  // Your details autosave an encrypted draft too, kept across a lock (components/FormDraft.tsx).
  const draft = useFormDraft({
    draftKey: formKeys.settings,
    route: { name: 'settings' },
    value: profile,
    restore: setProfile,
  });

  /** Save a change; true when it was saved. */
  async function update(patch: Partial<Settings>, message: string): Promise<boolean> {
    try {
      await v.updateSettings(patch);
      setSaved(message);
      setError(null);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  }

  return (
    <div className="page-narrow">
      <h1>Settings</h1>
      {saved ? (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <section className="card" aria-labelledby="look-heading">
        <h2 id="look-heading">Look and safety</h2>
        <div className="row">
          <ChoiceField
            id="s-theme"
            label="Colours"
            value={s.theme}
            choices={THEMES}
            labels={THEME_LABELS}
            onChange={(theme) => theme && void update({ theme }, 'Colours changed.')}
          />
          <div className="field">
            <label htmlFor="s-autolock">Lock the vault when not used for</label>
            <select
              id="s-autolock"
              value={String(s.autoLockMinutes)}
              onChange={(e) => void update({ autoLockMinutes: Number(e.target.value) }, 'Automatic locking changed.')}
            >
              {[1, 2, 5, 10, 15, 30, 60].map((m) => (
                <option key={m} value={m}>
                  {m} minute{m === 1 ? '' : 's'}
                </option>
              ))}
              <option value="0">Never (not recommended)</option>
            </select>
          </div>
        </div>
        <LanguagePicker />
      </section>
      <form
        className="card"
        aria-labelledby="about-heading"
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          void (async () => {
            await draft.beforeSave();
            if (await update(profile, 'Your details were saved.')) void draft.saved();
          })();
        }}
      >
        <h2 id="about-heading">About you (for case packs)</h2>
        {draft.notice}
        {draft.dialog}
        <p className="hint">These go on the case packs you give to the police.</p>
        <div className="row">
          <TextField
            id="s-name"
            label="Your name"
            value={profile.producerName}
            onChange={(producerName) => setProfile({ ...profile, producerName })}
          />
          <div className="field">
            <label htmlFor="s-initials">Your initials</label>
            <input
              id="s-initials"
              autoComplete="off"
              spellCheck={false}
              type="text"
              maxLength={5}
              value={profile.producerInitials}
              aria-describedby="s-initials-hint"
              onChange={(e) => setProfile({ ...profile, producerInitials: e.target.value.toUpperCase() })}
            />
            <span className="hint" id="s-initials-hint">
              Exhibits are numbered with them: AB/1, AB/2…
            </span>
          </div>
        </div>
        <div className="row">
          <TextField
            id="s-email"
            label="Your e-mail"
            type="email"
            value={profile.contactEmail}
            onChange={(contactEmail) => setProfile({ ...profile, contactEmail })}
          />
          <TextField
            id="s-phone"
            label="Your phone"
            type="tel"
            value={profile.contactPhone}
            onChange={(contactPhone) => setProfile({ ...profile, contactPhone })}
          />
        </div>
        <div className="row">
          <TextField
            id="s-role"
            label="Your role (candidate, agent…)"
            value={profile.producerRole}
            onChange={(producerRole) => setProfile({ ...profile, producerRole })}
          />
          <TextField
            id="s-constituency"
            label="Constituency or ward"
            value={profile.constituency}
            onChange={(constituency) => setProfile({ ...profile, constituency })}
          />
          <TextField
            id="s-election"
            label="Election date"
            type="date"
            value={profile.electionDate}
            onChange={(electionDate) => setProfile({ ...profile, electionDate })}
          />
        </div>
        <div className="row">
          <TextField
            id="s-safe-contact"
            label="A safe way for the police to contact you"
            value={profile.safeContact}
            onChange={(safeContact) => setProfile({ ...profile, safeContact })}
          />
          <TextField
            id="s-avoid"
            label="Dates or times the police should avoid"
            value={profile.timesToAvoid}
            onChange={(timesToAvoid) => setProfile({ ...profile, timesToAvoid })}
          />
        </div>
        <button className="btn btn-primary" type="submit">
          Save my details
        </button>
      </form>
      <KeyCardPanel producerName={s.producerName} />
      <ChangePassphrase />
      <OtherPassphrases />
      <NewRecoveryKey />
      <CheckVault />
      <ActivityLog />
    </div>
  );
}

function ChangePassphrase() {
  const [done, setDone] = useState(false);
  return (
    <section className="card" aria-labelledby="pass-heading">
      <h2 id="pass-heading">Change passphrase</h2>
      <p className="hint">To change it, type the one you use now first.</p>
      {done ? (
        <p className="notice notice-ok" role="status" id="pass-msg">
          Your passphrase was changed. Your recovery key still works.
        </p>
      ) : null}
      <NewPassphraseForm
        idPrefix="s-pass"
        needsCurrent
        submitLabel="Change passphrase"
        onChanged={() => setDone(true)}
      />
    </section>
  );
}

/**
 * A new recovery key, for a vault whose key was never shown (the window closed first) or was lost.
 * The old key stops working; the new one counts as shown only after "I have saved it".
 */
function NewRecoveryKey() {
  const v = useVault();
  const [step, setStep] = useState<'idle' | 'asking' | 'shown' | 'done'>('idle');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    fn()
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="card" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Recovery key</h2>
      <p>
        If your recovery key was never shown to you, or you have lost it, make a new one. The old recovery key stops
        working; your passphrase does not change.
      </p>
      {step === 'idle' || step === 'done' ? (
        <>
          {step === 'done' ? (
            <p className="notice notice-ok" role="status">
              Your new recovery key is saved. The old one no longer opens the vault.
            </p>
          ) : null}
          <button className="btn" type="button" onClick={() => setStep('asking')}>
            Make a new recovery key
          </button>
        </>
      ) : null}
      {step === 'asking' ? (
        <div className="notice" role="group" aria-labelledby="recovery-ask">
          <p id="recovery-ask">Make a new recovery key now? The old one will stop working.</p>
          <div className="btn-row">
            <button className="btn" type="button" autoFocus onClick={() => setStep('idle')}>
              Cancel
            </button>
            <button
              className="btn btn-primary"
              type="button"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  const made = await call('vault.replaceRecoveryKey', {});
                  setKey(made.recoveryKey);
                  setStep('shown');
                })
              }
            >
              Make a new key
            </button>
          </div>
        </div>
      ) : null}
      {step === 'shown' ? (
        <div className="printable">
          <p className="no-print">
            Copy it, print it or save it, and keep it somewhere safe away from this computer: anyone with this key can
            open your vault.
          </p>
          <RecoveryKeyPanel
            recoveryKey={key}
            location={v.status.location}
            testId="new-recovery-key"
            keyLabel="New recovery key"
            confirmLabel="I have saved it — done"
            busy={busy}
            onConfirmed={() =>
              run(async () => {
                await call('vault.recoveryKeyShown', {});
                await v.updateSettings({ recoveryKeyMadeAt: new Date().toISOString(), recoveryKeyCheckedAt: '' });
                setKey('');
                setStep('done');
              })
            }
          />
        </div>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function CheckVault() {
  const [report, setReport] = useState<CheckReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="check-heading">
      <h2 id="check-heading">Check the vault</h2>
      <p>Checks every record, every file against its SHA-256 and the custody log, and tells you if anything changed.</p>
      <button
        className="btn"
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          call('vault.check', {})
            .then(setReport)
            .catch((e: unknown) => setError(errorMessage(e)))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Checking…' : 'Check now'}
      </button>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {report ? (
        <div
          className={!report.ok ? 'notice notice-error' : report.notLogged ? 'notice notice-warn' : 'notice notice-ok'}
          role="status"
        >
          {report.ok ? (
            <p>
              All is well: {plural(report.records, 'record')}, {plural(report.blobs, 'file')} and{' '}
              {plural(report.custodyEntries, 'custody entry', 'custody entries')} checked.
            </p>
          ) : (
            <>
              <p>Problems were found:</p>
              <ul>
                {report.problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </>
          )}
          {report.notLogged ? (
            <p>
              The result could not be written to the activity log: {report.notLogged}. Free some space, then check again
              to record it.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
