/**
 * Who can open the vault: the owner's passphrase, further people's (the candidate's agent, with a
 * passphrase of their own: electron/core/keys/user-slots.ts) and the recovery key.
 */
import { VaultError } from '../../shared/errors.js';
import { loadChecker, passphraseProblem } from '../../shared/passphrase.js';
import type { ChannelsOf, HandlerTable } from './context.js';

export const slotHandlers: HandlerTable<ChannelsOf<'slots'>> = {
  'slots.list': (_req, ctx) => ctx.vault().listSlots(),
  'slots.add': async (req, ctx) => {
    const vault = ctx.vault();
    // The rule every new passphrase meets (shared/passphrase.ts), before any Argon2id runs.
    const problem = passphraseProblem(req.passphrase, (await loadChecker())(req.passphrase));
    if (problem !== null) throw new VaultError('INVALID_INPUT', `${problem} Nothing was changed.`);
    // At the host's cost, as for a passphrase change (the default unless a test suite's switch is honoured).
    return vault.addSlot(req.name, req.passphrase, req.ownerPassphrase, ctx.options.kdf);
  },
  'slots.remove': (req, ctx) => {
    ctx.vault().removeSlot(req.id);
    return null;
  },
};
