import { useCallback, useEffect, useState } from 'react';
import type { VaultStatus } from '../../shared/ipc.js';
import { bridge, call, errorMessage } from './bridge.js';
import { CreateVault } from './screens/CreateVault.js';
import { Unlock } from './screens/Unlock.js';
import { Shell } from './screens/Shell.js';
import { NewPassphraseAfterRecovery } from './screens/NewPassphraseAfterRecovery.js';
import { openForm, setResumeRoute } from './drafts.js';
import { useT } from './i18n/index.js';

async function waitForBridge(): Promise<void> {
  for (let i = 0; i < 40 && !window.vault; i++) await new Promise((r) => setTimeout(r, 50));
}

export function App() {
  const t = useT();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lockReason, setLockReason] = useState<string | null>(null);
  /** Unlocked with the recovery key: a new passphrase is asked for before the vault is shown. */
  const [needsNewPassphrase, setNeedsNewPassphrase] = useState(false);

  const loadStatus = useCallback(async () => {
    try {
      await waitForBridge();
      setStatus(await call('vault.status', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  useEffect(() => {
    if (!status) return;
    return bridge().on('locked', (p) => {
      // The window's own reason (inactivity) wins over the event its own lock request caused,
      // whichever arrives first (the browser host's events and answers race).
      setLockReason((r) => r ?? p.reason);
      // Locked from elsewhere (the desktop's idle clock, the menu): the open form with changes opens again after the unlock.
      const form = openForm();
      if (form?.dirty()) setResumeRoute(form.route);
      setNeedsNewPassphrase(false);
      setStatus((s) => (s ? { ...s, state: 'locked' } : s));
    });
  }, [status]);

  if (error) {
    return (
      <main className="center-page">
        <div className="card" role="alert">
          <h1>{t('keys.app.could-not-start')}</h1>
          <p>{error}</p>
        </div>
      </main>
    );
  }
  if (!status) {
    return (
      <main className="center-page" aria-busy="true">
        <p role="status">{t('keys.app.opening')}</p>
      </main>
    );
  }
  if (status.state === 'none') {
    return <CreateVault status={status} onDone={(s) => setStatus(s)} />;
  }
  if (status.state === 'locked') {
    return (
      <Unlock
        status={status}
        reason={lockReason}
        onUnlocked={(s, viaRecoveryKey) => {
          setLockReason(null);
          setNeedsNewPassphrase(viaRecoveryKey);
          setStatus(s);
        }}
      />
    );
  }
  if (needsNewPassphrase) {
    return <NewPassphraseAfterRecovery onDone={() => setNeedsNewPassphrase(false)} />;
  }
  return (
    <Shell
      status={status}
      onLocked={(s, reason) => {
        setLockReason(reason);
        setStatus(s);
      }}
    />
  );
}
