import { LanguagePicker } from '../i18n/LanguagePicker.js';
import { useT } from '../i18n/index.js';
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

export function SettingsPage() {
  const v = useVault();
  const t = useT();
  const themeLabels = Object.fromEntries(THEMES.map((th) => [th, t(`people.settings.theme.${th}`)])) as Record<
    Settings['theme'],
    string
  >;
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
      <h1>{t('screen.settings')}</h1>
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
        <h2 id="look-heading">{t('people.settings.look')}</h2>
        <div className="row">
          <ChoiceField
            id="s-theme"
            label={t('people.settings.colours')}
            value={s.theme}
            choices={THEMES}
            labels={themeLabels}
            onChange={(theme) => theme && void update({ theme }, t('people.settings.colours-changed'))}
          />
          <div className="field">
            <label htmlFor="s-autolock">{t('people.settings.autolock')}</label>
            <select
              id="s-autolock"
              value={String(s.autoLockMinutes)}
              onChange={(e) =>
                void update({ autoLockMinutes: Number(e.target.value) }, t('people.settings.autolock-changed'))
              }
            >
              {[1, 2, 5, 10, 15, 30, 60].map((m) => (
                <option key={m} value={m}>
                  {t('people.settings.minutes', { count: m })}
                </option>
              ))}
              <option value="0">{t('people.settings.never')}</option>
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
            if (await update(profile, t('people.settings.details-saved'))) void draft.saved();
          })();
        }}
      >
        <h2 id="about-heading">{t('people.settings.about')}</h2>
        {draft.notice}
        {draft.dialog}
        <p className="hint">{t('people.settings.about-hint')}</p>
        <div className="row">
          <TextField
            id="s-name"
            label={t('people.settings.name')}
            value={profile.producerName}
            onChange={(producerName) => setProfile({ ...profile, producerName })}
          />
          <div className="field">
            <label htmlFor="s-initials">{t('people.settings.initials')}</label>
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
              {t('people.settings.initials-hint')}
            </span>
          </div>
        </div>
        <div className="row">
          <TextField
            id="s-email"
            label={t('people.settings.email')}
            type="email"
            value={profile.contactEmail}
            onChange={(contactEmail) => setProfile({ ...profile, contactEmail })}
          />
          <TextField
            id="s-phone"
            label={t('people.settings.phone')}
            type="tel"
            value={profile.contactPhone}
            onChange={(contactPhone) => setProfile({ ...profile, contactPhone })}
          />
        </div>
        <div className="row">
          <TextField
            id="s-role"
            label={t('people.settings.role')}
            value={profile.producerRole}
            onChange={(producerRole) => setProfile({ ...profile, producerRole })}
          />
          <TextField
            id="s-constituency"
            label={t('people.settings.constituency')}
            value={profile.constituency}
            onChange={(constituency) => setProfile({ ...profile, constituency })}
          />
          <TextField
            id="s-election"
            label={t('people.settings.election')}
            type="date"
            value={profile.electionDate}
            onChange={(electionDate) => setProfile({ ...profile, electionDate })}
          />
        </div>
        <div className="row">
          <TextField
            id="s-safe-contact"
            label={t('people.settings.safe-contact')}
            value={profile.safeContact}
            onChange={(safeContact) => setProfile({ ...profile, safeContact })}
          />
          <TextField
            id="s-avoid"
            label={t('people.settings.avoid')}
            value={profile.timesToAvoid}
            onChange={(timesToAvoid) => setProfile({ ...profile, timesToAvoid })}
          />
        </div>
        <button className="btn btn-primary" type="submit">
          {t('people.settings.save')}
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
  const t = useT();
  const [done, setDone] = useState(false);
  return (
    <section className="card" aria-labelledby="pass-heading">
      <h2 id="pass-heading">{t('people.settings.pass')}</h2>
      <p className="hint">{t('people.settings.pass-hint')}</p>
      {done ? (
        <p className="notice notice-ok" role="status" id="pass-msg">
          {t('people.settings.pass-changed')}
        </p>
      ) : null}
      <NewPassphraseForm
        idPrefix="s-pass"
        needsCurrent
        submitLabel={t('people.settings.pass')}
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
  const t = useT();
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
      <h2 id="recovery-heading">{t('people.settings.recovery')}</h2>
      <p>{t('people.settings.recovery-text')}</p>
      {step === 'idle' || step === 'done' ? (
        <>
          {step === 'done' ? (
            <p className="notice notice-ok" role="status">
              {t('people.settings.recovery-done')}
            </p>
          ) : null}
          <button className="btn" type="button" onClick={() => setStep('asking')}>
            {t('people.settings.recovery-make')}
          </button>
        </>
      ) : null}
      {step === 'asking' ? (
        <div className="notice" role="group" aria-labelledby="recovery-ask">
          <p id="recovery-ask">{t('people.settings.recovery-ask')}</p>
          <div className="btn-row">
            <button className="btn" type="button" autoFocus onClick={() => setStep('idle')}>
              {t('people.cancel')}
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
              {t('people.settings.recovery-make-key')}
            </button>
          </div>
        </div>
      ) : null}
      {step === 'shown' ? (
        <div className="printable">
          <p className="no-print">{t('people.settings.recovery-keep')}</p>
          <RecoveryKeyPanel
            recoveryKey={key}
            location={v.status.location}
            testId="new-recovery-key"
            keyLabel={t('people.settings.recovery-new')}
            confirmLabel={t('people.settings.recovery-saved')}
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
  const t = useT();
  const [report, setReport] = useState<CheckReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="check-heading">
      <h2 id="check-heading">{t('people.settings.check')}</h2>
      <p>{t('people.settings.check-text')}</p>
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
        {busy ? t('people.settings.checking') : t('people.settings.check-now')}
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
              {t('people.settings.check-ok', {
                records: t('people.settings.check-records', { count: report.records }),
                files: t('people.settings.check-files', { count: report.blobs }),
                entries: t('people.settings.check-entries', { count: report.custodyEntries }),
              })}
            </p>
          ) : (
            <>
              <p>{t('people.settings.check-problems')}</p>
              <ul>
                {report.problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </>
          )}
          {report.notLogged ? <p>{t('people.settings.check-not-logged', { reason: report.notLogged })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
