import path from 'node:path';
import { loadChecker, passphraseProblem } from '../../shared/passphrase.js';
import type { CliIO } from './io.js';
import { EXIT, askNewPassphrase, fail, parseCommandArgs, refuseSpecialVaultFiles } from './io.js';
import { printRecoveryKey } from './output.js';
import { openService, testKdf } from './service.js';

export const help = `Usage: evidence-vault init DIR

Create a new, empty vault in the folder DIR (created if it does not exist; it must not already
hold a vault). The passphrase comes from EVIDENCE_VAULT_PASSPHRASE, or is asked twice on the
terminal without echo. As in the app, it must have at least 10 characters and not be easy to
guess.

The recovery key is printed once, on the line that starts "Recovery key:". Write it down and keep
it away from the computer: it opens the vault if the passphrase is forgotten, and it cannot be
shown again.
`;

/** The app's rule for a new passphrase (shared/passphrase.ts): one line naming what to change. */
async function refuseWeakPassphrase(passphrase: string): Promise<void> {
  const problem = passphraseProblem(passphrase, (await loadChecker())(passphrase));
  if (problem === null) return;
  const advice = problem.replace(/\.$/, '').replace(/\. /g, '; ');
  fail(
    `the passphrase will not do: ${advice.charAt(0).toLowerCase()}${advice.slice(1)} (three or four unrelated words are strong and easy to remember); no vault was created`,
    EXIT.VAULT,
  );
}

export async function runInit(args: string[], io: CliIO): Promise<number> {
  const { positionals, help: wantsHelp } = parseCommandArgs('init', args, {}, { min: 1, max: 1, names: 'DIR' });
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const dir = positionals[0] ?? '';
  const abs = path.resolve(dir);
  refuseSpecialVaultFiles(abs, dir);
  const service = await openService(abs, io);
  const weak = (await testKdf(io)) !== undefined;
  try {
    const { state } = await service.call('vault.status', {});
    if (state !== 'none') fail(`${dir} already holds a vault; nothing was changed`, EXIT.VAULT);
    const passphrase = await askNewPassphrase(io, dir);
    await refuseWeakPassphrase(passphrase);
    // The vault is made with its header saying the recovery key was never shown; it is printed,
    // and only then does the vault hear that it was. A kill in between leaves a vault whose every
    // open says to make a new key (electron/core/keys/create.ts explains why not refuse to open).
    const { recoveryKey } = await service.call('vault.create', { passphrase });
    await testPause(io, weak);
    io.stdout(`Created a new vault in ${abs}.\n`);
    if (weak) {
      io.stdout(
        'WARNING: EVIDENCE_VAULT_TEST_KDF is set, so this vault was made with the weakest passphrase protection, meant for test suites only. Do not keep real evidence in it.\n',
      );
    }
    await printRecoveryKey(io, recoveryKey, () => service.call('vault.recoveryKeyShown', {}));
  } finally {
    await service.dispose();
  }
  return EXIT.OK;
}

/**
 * Test suites only (with the test KDF switch honoured, whose vaults are marked as weak anyway):
 * EVIDENCE_VAULT_TEST_PAUSE_INIT_MS holds init between making the vault and printing its
 * recovery key, the worst moment for a kill, and says so on stderr.
 */
async function testPause(io: CliIO, testKdfHonoured: boolean): Promise<void> {
  const ms = Number(io.env.EVIDENCE_VAULT_TEST_PAUSE_INIT_MS ?? '');
  if (!testKdfHonoured || !Number.isInteger(ms) || ms <= 0) return;
  io.stderr('evidence-vault: test pause: the vault is made, its recovery key not yet shown\n');
  await new Promise((resolve) => setTimeout(resolve, ms));
}
