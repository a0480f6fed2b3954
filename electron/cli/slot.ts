/**
 * evidence-vault slot add|list|remove DIR: further people's passphrases (the candidate's agent,
 * with a passphrase of their own that opens the same vault).
 */
import { loadChecker, passphraseProblem } from '../../shared/passphrase.js';
import type { CliIO, UnlockWith } from './io.js';
import { EXIT, askUnlockSecret, fail, parseCommandArgs, vaultDirArg } from './io.js';
import { shown } from './output.js';
import { withVault } from './service.js';

export const help = `Usage: evidence-vault slot add DIR --name NAME
       evidence-vault slot list DIR [--json]
       evidence-vault slot remove DIR SLOT_ID

add      Give a further person (an election agent, say) a passphrase of their own that opens
         the vault in DIR. Unlock with the owner's passphrase (EVIDENCE_VAULT_PASSPHRASE, or
         asked): it is required. The new person's passphrase comes from
         EVIDENCE_VAULT_NEW_PASSPHRASE, or is asked twice on the terminal without echo; it must
         have at least 10 characters, not be easy to guess, and not already open the vault.
         Once a vault has two people's passphrases, every entry records who made it. Prints
         the new passphrase's id as the last line.
list     Who can open the vault: the owner's passphrase, each further person's, the recovery
         key (--json: [{ id, kind, name, current }], kind "owner", "person" or "recovery").
remove   Stop a further person's passphrase opening the vault (the owner only; the owner's
         passphrase and the recovery key are never removed).

Options:
  --name NAME  the person's name as entries show it, e.g. "Sam (agent)" (add)
  --json       machine-readable output (list)
  -h, --help   show this help
`;

const SUBCOMMANDS = ['add', 'list', 'remove'] as const;

export async function runSlot(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs(
    'slot',
    args,
    { name: { type: 'string' }, json: { type: 'boolean' } },
    { min: 2, max: 3, names: 'add, list or remove, and DIR' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const [what = '', dir = '', id] = positionals;
  if (!(SUBCOMMANDS as readonly string[]).includes(what)) {
    fail(`slot: "${what}" is not add, list or remove. Run "evidence-vault slot --help" for usage.`);
  }
  if (what === 'remove' && id === undefined) {
    fail('slot remove: missing SLOT_ID (see "evidence-vault slot list DIR"). Nothing was changed.');
  }
  if (what !== 'remove' && id !== undefined) {
    fail(`slot: unexpected argument "${id}". Run "evidence-vault slot --help" for usage.`);
  }
  if (what !== 'add' && values.name !== undefined) fail('slot: --name is for "slot add" only.');
  if (what !== 'list' && values.json === true) fail('slot: --json is for "slot list" only.');

  if (what === 'list') {
    return withVault(dir, io, async (vault) => {
      const slots = await vault.call('slots.list', {});
      if (values.json === true) {
        io.stdout(JSON.stringify(slots, null, 2) + '\n');
        return EXIT.OK;
      }
      for (const s of slots) {
        const what =
          s.kind === 'owner' ? "the owner's passphrase" : s.kind === 'recovery' ? 'the recovery key' : 'passphrase';
        io.stdout(`${s.id}  ${shown(s.name)}  (${what})${s.current ? '  (opened it now)' : ''}\n`);
      }
      return EXIT.OK;
    });
  }

  if (what === 'remove') {
    return withVault(dir, io, async (vault) => {
      const slot = (await vault.call('slots.list', {})).find((s) => s.id === id);
      await vault.call('slots.remove', { id: id ?? '' });
      io.stdout(
        `Removed the passphrase of "${shown(slot?.name ?? '')}" from the vault in ${vaultDirArg(dir)}; it no longer opens it.\n`,
      );
      return EXIT.OK;
    });
  }

  const name = values.name?.trim() ?? '';
  if (name === '')
    fail('slot add: --name is needed: the name of the person the passphrase is for. Nothing was changed.');
  vaultDirArg(dir);
  // The owner's passphrase unlocks, and is the proof that the owner is adding this one.
  const secret: UnlockWith = await askUnlockSecret(io, dir);
  if (!('passphrase' in secret)) {
    fail(
      "slot add: the owner's passphrase is needed, not the recovery key: set EVIDENCE_VAULT_PASSPHRASE (and unset EVIDENCE_VAULT_RECOVERY_KEY). Nothing was changed.",
      EXIT.VAULT,
    );
  }
  const passphrase = await newPassphraseFor(io, name);
  const problem = passphraseProblem(passphrase, (await loadChecker())(passphrase));
  if (problem !== null) {
    const advice = problem.replace(/\.$/, '').replace(/\. /g, '; ');
    fail(
      `the new passphrase will not do: ${advice.charAt(0).toLowerCase()}${advice.slice(1)} (three or four unrelated words are strong and easy to remember); nothing was changed`,
      EXIT.VAULT,
    );
  }
  return withVault(
    dir,
    io,
    async (vault) => {
      const slot = await vault.call('slots.add', { name, passphrase, ownerPassphrase: secret.passphrase });
      io.stdout(
        `Added a passphrase for "${shown(slot.name)}" to the vault in ${vaultDirArg(dir)}; it opens the vault as the owner's does, and entries now say who made them.\n`,
      );
      io.stdout(`${slot.id}\n`);
      return EXIT.OK;
    },
    secret,
  );
}

/** The new person's passphrase: EVIDENCE_VAULT_NEW_PASSPHRASE, else asked twice without echo. */
async function newPassphraseFor(io: CliIO, name: string): Promise<string> {
  const fromEnv = io.env.EVIDENCE_VAULT_NEW_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.stdinIsTTY) {
    fail(
      'no new passphrase: set EVIDENCE_VAULT_NEW_PASSPHRASE, or run in a terminal to be asked for one; nothing was changed',
      EXIT.VAULT,
    );
  }
  const first = await io.readSecret(`New passphrase for ${name}: `);
  if (first === '') fail('no passphrase given; nothing was changed', EXIT.VAULT);
  const second = await io.readSecret('The same passphrase again: ');
  if (first !== second) fail('the two passphrases differ; nothing was changed', EXIT.VAULT);
  return first;
}
