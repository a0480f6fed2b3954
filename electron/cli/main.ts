/**
 * The evidence-vault command table and dispatcher. runCli never throws: every failure becomes one
 * line on stderr and a non-zero exit code (see EXIT in io.ts).
 */
import { version } from '../../package.json';
import { EXIT, fail, reportError, type CliIO } from './io.js';

/** One subcommand. Its module is loaded only when it runs, so `--help` or a typo costs little. */
interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const COMMANDS: Command[] = [
  {
    name: 'init',
    summary: 'create a new vault in a folder and print its recovery key once',
    run: async (args, io) => (await import('./init.js')).runInit(args, io),
  },
  {
    name: 'add',
    summary: 'add an incident (optionally with exhibits) and print its id',
    run: async (args, io) => (await import('./add.js')).runAdd(args, io),
  },
  {
    name: 'incident',
    summary: 'edit an incident (a new version), its history, delete it to the bin with a reason, restore it',
    run: async (args, io) => (await import('./incident.js')).runIncident(args, io),
  },
  {
    name: 'attach',
    summary: 'import files as exhibits of an incident',
    run: async (args, io) => (await import('./attach.js')).runAttach(args, io),
  },
  {
    name: 'list',
    summary: 'list incidents oldest first (--json for a machine-readable list)',
    run: async (args, io) => (await import('./list.js')).runList(args, io),
  },
  {
    name: 'exhibit',
    summary: 'show, describe (edit) an exhibit, or add a physical item (exhibit show|edit|add-physical)',
    run: async (args, io) => (await import('./exhibit.js')).runExhibit(args, io),
  },
  {
    name: 'person',
    summary: 'add, merge or list the people named in incidents (person add|merge|list DIR)',
    run: async (args, io) => (await import('./person.js')).runPerson(args, io),
  },
  {
    name: 'case',
    summary: 'record police cases and link the incidents told to the police (case add|link|unlink|list DIR)',
    run: async (args, io) => (await import('./case.js')).runCase(args, io),
  },
  {
    name: 'check',
    summary: 'verify every record, exhibit and the custody log; exit 0 only if all verify',
    run: async (args, io) => (await import('./check.js')).runCheck(args, io),
  },
  {
    name: 'log',
    summary: 'print the custody log (--json for a machine-readable list)',
    run: async (args, io) => (await import('./log.js')).runLog(args, io),
  },
  {
    name: 'export',
    summary: 'export a case pack for the police (a BagIt folder or ZIP)',
    run: async (args, io) => (await import('./export.js')).runExport(args, io),
  },
  {
    name: 'settings',
    summary: 'set your initials (for exhibit references), name, role, e-mail and phone (settings set DIR)',
    run: async (args, io) => (await import('./settings.js')).runSettings(args, io),
  },
  {
    name: 'recovery',
    summary: 'test the recovery key, or replace a lost or damaged one (recovery test|replace DIR)',
    run: async (args, io) => (await import('./recovery.js')).runRecovery(args, io),
  },
  {
    name: 'slot',
    summary: "a further person's own passphrase, e.g. the agent's (slot add|list|remove DIR)",
    run: async (args, io) => (await import('./slot.js')).runSlot(args, io),
  },
  {
    name: 'upgrade-kdf',
    summary: "strengthen a weak vault's passphrase protection to the default (same passphrase)",
    run: async (args, io) => (await import('./upgrade-kdf.js')).runUpgradeKdf(args, io),
  },
  {
    name: 'key-card',
    summary: 'write the signing key card (fingerprint in large type and as a QR code) to hand to the police',
    run: async (args, io) => (await import('./key-card.js')).runKeyCard(args, io),
  },
  {
    name: 'verify',
    summary: 'verify a case pack (folder or ZIP): every hash and the signature',
    run: async (args, io) => (await import('./verify.js')).runVerify(args, io),
  },
];

export const VERSION = version;

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Evidence Vault ${VERSION}: an encrypted record of incidents and their evidence, and case packs for the police.

Usage: evidence-vault COMMAND [arguments]

Commands:
${list}
  ${'help'.padEnd(width)}  show help for a command: evidence-vault help add

Options: --help, --version

The passphrase comes from EVIDENCE_VAULT_PASSPHRASE, or is asked on the terminal without echo;
EVIDENCE_VAULT_RECOVERY_KEY unlocks with the recovery key instead.
Exit codes: 0 ok; 1 check or verify failed; 2 usage; 3 vault, passphrase or lock; 4 a file;
5 disk full; 70 internal error; 130 interrupted.
`;
}

function findCommand(name: string): Command {
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    fail(`unknown command "${name}"; the commands are: ${COMMANDS.map((c) => c.name).join(', ')}, help`);
  }
  return cmd;
}

async function showHelp(name: string | undefined, io: CliIO): Promise<number> {
  if (name === undefined) {
    io.stdout(generalHelp());
    return EXIT.OK;
  }
  return findCommand(name).run(['--help'], io);
}

/** Run one command line (without "node cli.cjs"); returns the exit code, never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      fail('no command given. Run "evidence-vault --help" to see the commands');
    }
    if (first === '--version' || first === '-V' || first === 'version') {
      io.stdout(`evidence-vault ${VERSION}\n`);
      return EXIT.OK;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      if (rest.length > 1) fail(`help: unexpected argument "${rest[1]}"`);
      return await showHelp(rest[0], io);
    }
    if (first.startsWith('-')) {
      fail(`unknown option "${first}" before the command. Run "evidence-vault --help" for usage`);
    }
    return await findCommand(first).run(rest, io);
  } catch (e) {
    return reportError(io, e);
  }
}
