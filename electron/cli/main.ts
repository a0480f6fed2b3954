/**
 * The evidence-vault command table and dispatcher. runCli never throws: every failure becomes one
 * line on stderr and a non-zero exit code (see EXIT in io.ts).
 */
import { version } from '../../package.json';
import { addCommand } from './add.js';
import { attachCommand } from './attach.js';
import { checkCommand } from './check.js';
import type { Command } from './command.js';
import { runExport } from './export.js';
import { initCommand } from './init.js';
import { EXIT, fail, reportError, type CliIO } from './io.js';
import { listCommand } from './list.js';
import { logCommand } from './log.js';
import { runVerify } from './verify.js';

export const COMMANDS: Command[] = [
  initCommand,
  addCommand,
  attachCommand,
  listCommand,
  checkCommand,
  logCommand,
  { name: 'export', summary: 'export a case pack for the police (a BagIt folder or ZIP)', run: runExport },
  { name: 'verify', summary: 'verify a case pack (folder or ZIP): every hash and the signature', run: runVerify },
];

export const VERSION = version;

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Evidence Vault ${VERSION}: an encrypted record of incidents and their evidence, and case packs for the police.

Usage: evidence-vault COMMAND [arguments]

Commands:
${list}
  help      show help for a command: evidence-vault help add

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
  const cmd = findCommand(name);
  if (cmd.help !== undefined) {
    io.stdout(cmd.help);
    return EXIT.OK;
  }
  return cmd.run(['--help'], io);
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
