/** evidence-vault recovery test|replace DIR: test the recovery key, or replace a lost or damaged one. */
import type { CliIO } from './io.js';
import { EXIT, fail, parseCommandArgs, vaultDirArg } from './io.js';
import { printRecoveryKey } from './output.js';
import { openService, withVault } from './service.js';

export const help = `Usage: evidence-vault recovery test DIR
       evidence-vault recovery replace DIR

test     Check that a recovery key opens the vault in DIR, without opening it or changing
         anything. The key comes from EVIDENCE_VAULT_RECOVERY_KEY, or is asked on the terminal
         without echo. Exits 0 when it opens the vault.
replace  Make a new recovery key (for a lost one, or when "check" says the vault header is
         damaged). Unlock with the passphrase (EVIDENCE_VAULT_PASSPHRASE, or asked). The new key is
         printed once, on the line that starts "Recovery key:"; the old one stops working.
`;

export async function runRecovery(args: string[], io: CliIO): Promise<number> {
  const { positionals, help: wantsHelp } = parseCommandArgs(
    'recovery',
    args,
    {},
    { min: 2, max: 2, names: 'test or replace, and DIR' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const [what = '', dir = ''] = positionals;
  if (what === 'test') return testKey(dir, io);
  if (what === 'replace') return replaceKey(dir, io);
  fail(`recovery: "${what}" is not test or replace. Run "evidence-vault recovery --help" for usage.`);
}

async function testKey(dir: string, io: CliIO): Promise<number> {
  const abs = vaultDirArg(dir);
  const service = await openService(abs, io);
  try {
    const { state } = await service.call('vault.status', {});
    if (state === 'none') fail(`${dir} is not an Evidence Vault folder (it holds no valid vault.json)`, EXIT.VAULT);
    await service.call('vault.testRecoveryKey', { recoveryKey: await recoveryKeyFrom(io, dir) });
  } finally {
    await service.dispose();
  }
  io.stdout(`The recovery key opens the vault in ${abs}. Nothing was changed.\n`);
  return EXIT.OK;
}

async function recoveryKeyFrom(io: CliIO, dir: string): Promise<string> {
  let key = io.env.EVIDENCE_VAULT_RECOVERY_KEY?.trim() ?? '';
  if (key === '') {
    if (!io.stdinIsTTY) {
      fail('no recovery key: set EVIDENCE_VAULT_RECOVERY_KEY, or run in a terminal to be asked for it', EXIT.VAULT);
    }
    key = (await io.readSecret(`Recovery key for ${dir}: `)).trim();
    if (key === '') fail('no recovery key given; nothing was tested', EXIT.VAULT);
  }
  return key;
}

async function replaceKey(dir: string, io: CliIO): Promise<number> {
  return withVault(dir, io, async (vault) => {
    const { recoveryKey } = await vault.call('vault.replaceRecoveryKey', {});
    io.stdout(`Made a new recovery key for the vault in ${vaultDirArg(dir)}; the old one no longer opens it.\n`);
    await printRecoveryKey(io, recoveryKey, () => vault.call('vault.recoveryKeyShown', {}));
    return EXIT.OK;
  });
}
