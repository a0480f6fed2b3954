/** The vault's lifecycle channels: status, create, unlock, lock, change passphrase, the recovery key. */
import { VaultError } from '../../shared/errors.js';
import type { UnlockWith } from '../core/api.js';
import type { ChannelsOf, HandlerTable } from './context.js';

export const vaultHandlers: HandlerTable<Exclude<ChannelsOf<'vault'>, 'vault.check'>> = {
  'vault.status': (_req, ctx) => ctx.session.status(),
  // The desktop shell reads the language from the request as it passes (main.ts); the service keeps nothing.
  'vault.language': () => null,
  'vault.create': (req, { session }) =>
    session.serial(async () => {
      if (session.current) throw new VaultError('VAULT_EXISTS', 'A vault is already open here.');
      const kdf = session.options.kdf;
      const pending = session.options.confirmsRecoveryKey === true;
      const opts = { ...(kdf ? { kdf } : {}), ...(pending ? { recoveryPending: true } : {}) };
      const created = await session.vaults.create(
        session.dir,
        req.passphrase,
        Object.keys(opts).length > 0 ? opts : undefined,
      );
      session.current = created.vault;
      return { recoveryKey: created.recoveryKey };
    }),
  'vault.unlock': (req, { session }) =>
    session.serial(async () => {
      if (session.current && session.current.isOpen) return session.status();
      const unlock: UnlockWith =
        'passphrase' in req ? { passphrase: req.passphrase } : { recoveryKey: req.recoveryKey };
      session.unlockedWithRecoveryKey = false;
      session.current = await session.vaults.open(
        session.dir,
        unlock,
        session.options.deferUnlockEntry ? { deferUnlockEntry: true } : undefined,
      );
      session.unlockedWithRecoveryKey = 'recoveryKey' in unlock;
      // Exhibits an earlier session left unread (it was locked or stopped a moment after an import) are
      // read at open: the window sees them read, not "still being read" with nothing to say when it is done.
      await session.current.whenRead();
      // What the open found wrong (a rolled-back database, a damaged header) first, then what it tidied.
      const notices = [...session.current.openWarnings(), ...session.current.openNotices()];
      const status = await session.status();
      return notices.length > 0 ? { ...status, notices } : status;
    }),
  'vault.lock': (_req, { session }) => session.serial(() => session.lockNow('user', true)),
  'vault.changePassphrase': async (req, ctx) => {
    const vault = ctx.vault();
    // The current passphrase proves it is her, unless she has just unlocked with the recovery key.
    if (req.currentPassphrase === undefined && !ctx.session.unlockedWithRecoveryKey) {
      throw new VaultError('WRONG_PASSPHRASE', 'Type your current passphrase to change it. Nothing was changed.');
    }
    // Always at the host's cost (the default unless a test suite's switch is honoured).
    await vault.changePassphrase(
      req.newPassphrase,
      ctx.options.kdf,
      req.currentPassphrase === undefined ? {} : { currentPassphrase: req.currentPassphrase },
    );
    ctx.session.unlockedWithRecoveryKey = false;
    return null;
  },
  'vault.testRecoveryKey': async (req, { session }) => {
    await session.vaults.testRecoveryKey(session.dir, req.recoveryKey);
    return null;
  },
  'vault.replaceRecoveryKey': (_req, ctx) => {
    // A host that confirms it showed the key gets the same reminder as after 'vault.create'.
    const pending = ctx.options.confirmsRecoveryKey === true;
    return { recoveryKey: ctx.vault().replaceRecoveryKey(pending ? { recoveryPending: true } : {}) };
  },
  'vault.recoveryKeyShown': (_req, ctx) => {
    ctx.vault().confirmRecoveryKeyShown();
    return null;
  },
};
