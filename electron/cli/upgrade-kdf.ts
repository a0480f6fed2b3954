/** evidence-vault upgrade-kdf DIR: raise a weak vault's passphrase protection to the default cost. */
import type { CliIO } from './io.js';
import { EXIT, fail, parseCommandArgs, vaultDirArg } from './io.js';
import { openService } from './service.js';

export const help = `Usage: evidence-vault upgrade-kdf DIR

Strengthen the passphrase protection of the vault in DIR: its key is wrapped again under the same
passphrase with the default Argon2id cost, so the passphrase is as hard to guess as in a new
vault. Needed only when opening the vault says its protection is weaker than the default (a vault
made by a test suite, or with older settings). The passphrase does not change, nothing else is
re-encrypted, and the recovery key still works.

The passphrase comes from EVIDENCE_VAULT_PASSPHRASE, or is asked on the terminal without echo
(the recovery key cannot be used: the passphrase is what gets the stronger protection).
`;

async function askPassphrase(io: CliIO, dir: string): Promise<string> {
  const fromEnv = io.env.EVIDENCE_VAULT_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.stdinIsTTY) {
    fail(
      'no passphrase: set EVIDENCE_VAULT_PASSPHRASE, or run in a terminal to be asked for it (the recovery key cannot be used here)',
      EXIT.VAULT,
    );
  }
  const passphrase = await io.readSecret(`Passphrase for ${dir}: `);
  if (passphrase === '') fail('no passphrase given; nothing was changed', EXIT.VAULT);
  return passphrase;
}

export async function runUpgradeKdf(args: string[], io: CliIO): Promise<number> {
  const { positionals, help: wantsHelp } = parseCommandArgs('upgrade-kdf', args, {}, { min: 1, max: 1, names: 'DIR' });
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const dir = positionals[0] ?? '';
  const abs = vaultDirArg(dir);
  const service = await openService(abs, io);
  let upgraded: boolean;
  try {
    const { state } = await service.call('vault.status', {});
    if (state === 'none') {
      fail(`${dir} is not an Evidence Vault folder (it holds no valid vault.json); nothing was changed`, EXIT.VAULT);
    }
    const passphrase = await askPassphrase(io, dir);
    // Unlocking with it proves it is this vault's passphrase: the slot is wrapped again under the same one.
    const status = await service.call('vault.unlock', { passphrase });
    upgraded = status.weakKdf === true;
    if (upgraded)
      await service.call('vault.changePassphrase', { newPassphrase: passphrase, currentPassphrase: passphrase });
  } finally {
    await service.dispose();
  }
  io.stdout(
    upgraded
      ? `Strengthened the passphrase protection of the vault in ${abs} to the default cost; the passphrase and the recovery key are unchanged.\n`
      : `The vault in ${abs} already has the default passphrase protection; nothing was changed.\n`,
  );
  return EXIT.OK;
}
