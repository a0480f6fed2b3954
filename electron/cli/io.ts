/**
 * What every CLI command shares: the I/O seam (CliIO), exit codes, one-line errors, strict
 * argument parsing and the passphrase rules. Unlocking a vault goes through the service
 * (./service.ts).
 *
 * Commands are `(args: string[], io: CliIO) => Promise<number>`; they write only through `io`,
 * throw CliError (or let a VaultError through) for failures, and return the exit code.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isVaultError, type ErrorCode } from '../../shared/errors.js';
import type { RequestOf } from '../../shared/ipc.js';

/** The secret that unlocks a vault: the 'vault.unlock' request. */
export type UnlockWith = RequestOf<'vault.unlock'>;

/** Exit codes; the README's "Command line" section documents them. */
export const EXIT = {
  OK: 0,
  /** check or verify found a problem (or stored data failed authentication while read). */
  CHECK_FAILED: 1,
  /** Bad arguments: unknown command or option, missing value, unknown category, invalid date, unknown id. */
  USAGE: 2,
  /** The vault: not a vault, too new, wrong passphrase or recovery key, in use by another process, already exists. */
  VAULT: 3,
  /** A file given on the command line: missing, unreadable, empty, a directory, changed while read; output exists. */
  FILE: 4,
  /** The disk (or a size limit) filled up; nothing was kept. */
  DISK_FULL: 5,
  /** Something unexpected inside Evidence Vault. */
  INTERNAL: 70,
  /** Interrupted (Ctrl-C); nothing was kept. */
  INTERRUPTED: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The seam between commands and the process: tests and other hosts can supply their own. */
export interface CliIO {
  /** Write to standard output (text as given; add your own newlines). */
  stdout(text: string): void;
  /** Write to standard error. */
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Whether stdin is a terminal (so a passphrase can be asked for). */
  stdinIsTTY: boolean;
  /** Whether stderr is a terminal (so progress can be drawn in place). */
  stderrIsTTY: boolean;
  /** Ask for a secret on the terminal without echo. Only call when stdinIsTTY. */
  readSecret(prompt: string): Promise<string>;
  /** Aborted when the user presses Ctrl-C or the process is asked to stop (SIGINT, SIGTERM, SIGHUP). */
  signal: AbortSignal;
}

/** A failure the CLI reports as one line `evidence-vault: <message>` with the given exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.USAGE) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Throw a CliError (usage errors by default). */
export function fail(message: string, exitCode: number = EXIT.USAGE): never {
  throw new CliError(message, exitCode);
}

const EXIT_FOR_CODE: Record<ErrorCode, number> = {
  WRONG_PASSPHRASE: EXIT.VAULT,
  WRONG_RECOVERY_KEY: EXIT.VAULT,
  NOT_A_VAULT: EXIT.VAULT,
  VAULT_TOO_NEW: EXIT.VAULT,
  VAULT_EXISTS: EXIT.VAULT,
  VAULT_IN_USE: EXIT.VAULT,
  VAULT_LOCKED: EXIT.VAULT,
  TAMPERED: EXIT.CHECK_FAILED,
  PACK_INVALID: EXIT.CHECK_FAILED,
  NOT_FOUND: EXIT.USAGE,
  INVALID_INPUT: EXIT.USAGE,
  FILE_MISSING: EXIT.FILE,
  FILE_UNREADABLE: EXIT.FILE,
  FILE_EMPTY: EXIT.FILE,
  FILE_IS_DIRECTORY: EXIT.FILE,
  FILE_CHANGED: EXIT.FILE,
  DUPLICATE_EXHIBIT: EXIT.FILE,
  OUTPUT_EXISTS: EXIT.FILE,
  DISK_FULL: EXIT.DISK_FULL,
  CANCELLED: EXIT.INTERRUPTED,
  INTERNAL: EXIT.INTERNAL,
};

interface SystemError extends Error {
  code?: string;
  path?: string;
}

function isSystemError(e: unknown): e is SystemError {
  return e instanceof Error && typeof (e as SystemError).code === 'string';
}

/** One line, no control characters, not absurdly long. */
export function oneLine(text: string): string {
  // C0, DEL, C1 and the bidi controls (the set shared/text.ts escapes in other output).
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return flat.length > 1000 ? flat.slice(0, 997) + '...' : flat;
}

/** Turn any thrown value into the exit code and the one-line message the user sees. */
export function describeError(e: unknown): { exitCode: number; message: string } {
  if (e instanceof CliError) return { exitCode: e.exitCode, message: oneLine(e.message) };
  if (isVaultError(e)) return { exitCode: EXIT_FOR_CODE[e.code] ?? EXIT.INTERNAL, message: oneLine(e.message) };
  if (isSystemError(e)) {
    const where = e.path ? ` (${e.path})` : '';
    switch (e.code) {
      case 'ENOSPC':
      case 'EDQUOT':
      case 'EFBIG':
        return { exitCode: EXIT.DISK_FULL, message: oneLine(`the disk is full${where}; nothing was kept`) };
      case 'ENOENT':
        return { exitCode: EXIT.FILE, message: oneLine(`no such file or folder${where}`) };
      case 'EACCES':
      case 'EPERM':
        return { exitCode: EXIT.FILE, message: oneLine(`permission denied${where}`) };
      case 'EROFS':
        return { exitCode: EXIT.FILE, message: oneLine(`the disk is read-only${where}`) };
      case 'EIO':
        return { exitCode: EXIT.FILE, message: oneLine(`the disk reported an input/output error${where}`) };
    }
  }
  const kind = e instanceof Error ? e.name : typeof e;
  return {
    exitCode: EXIT.INTERNAL,
    message: `unexpected internal error (${kind}). Run again with EVIDENCE_VAULT_DEBUG=1 to see details.`,
  };
}

/** Print an error as ONE line on stderr (plus the stack only when EVIDENCE_VAULT_DEBUG=1); return the exit code. */
export function reportError(io: Pick<CliIO, 'stderr' | 'env'>, e: unknown): number {
  const { exitCode, message } = describeError(e);
  io.stderr(`evidence-vault: ${message}\n`);
  if (isDebug(io.env) && e instanceof Error) {
    io.stderr(`${e.stack ?? e.message}\n`);
    if (e.cause instanceof Error) io.stderr(`caused by: ${e.cause.stack ?? e.cause.message}\n`);
  }
  return exitCode;
}

export function isDebug(env: Record<string, string | undefined>): boolean {
  const v = env.EVIDENCE_VAULT_DEBUG;
  return v !== undefined && v !== '' && v !== '0';
}

// ---------------------------------------------------------------------------------------------
// Arguments

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h' } };

/**
 * node:util parseArgs in strict mode, with its errors turned into one-line usage errors that
 * name the command. `--help` is added to every command.
 */
export function parseCommandArgs<O extends OptionsConfig>(
  command: string,
  args: string[],
  options: O,
  positionals: { min: number; max: number; names: string },
) {
  const config = {
    args,
    options: { ...options, help: { type: 'boolean', short: 'h' } } as O & HelpOption,
    strict: true as const,
    allowPositionals: true as const,
  };
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    fail(`${command}: ${tidyParseArgsMessage(msg)}. Run "evidence-vault ${command} --help" for usage.`);
  }
  const help = (parsed.values as { help?: boolean }).help === true;
  if (!help) {
    const n = parsed.positionals.length;
    if (n < positionals.min) {
      fail(`${command}: missing ${positionals.names}. Run "evidence-vault ${command} --help" for usage.`);
    }
    if (n > positionals.max) {
      const extra = parsed.positionals[positionals.max];
      fail(`${command}: unexpected argument "${extra}". Run "evidence-vault ${command} --help" for usage.`);
    }
  }
  return { values: parsed.values, positionals: parsed.positionals, help };
}

function tidyParseArgsMessage(msg: string): string {
  // parseArgs messages are long and end with advice about "--" that does not apply here.
  const first = msg.split(/\.\s/)[0] ?? msg;
  return first
    .replace(/\.$/, '')
    .replace(/^Unknown option/, 'unknown option')
    .replace(/^Option/, 'option');
}

// ---------------------------------------------------------------------------------------------
// Vaults

/** A folder argument made absolute, with a clear error when it is missing or not a folder. */
export function vaultDirArg(dir: string): string {
  const abs = path.resolve(dir);
  let st;
  try {
    st = statSync(abs);
  } catch {
    fail(
      `no folder ${dir}: give the folder of an existing vault, or create one with "evidence-vault init ${dir}"`,
      EXIT.VAULT,
    );
  }
  if (!st.isDirectory()) fail(`${dir} is not a folder, so it is not a vault`, EXIT.VAULT);
  refuseSpecialVaultFiles(abs, dir);
  return abs;
}

/** The files of a vault folder the core reads (the header, the rollback anchor, the database). */
const VAULT_FILES = ['vault.json', 'vault-anchor.json', 'vault.db', 'vault.db-wal', 'vault.db-shm', 'vault.db-journal'];

/**
 * A vault file that is a pipe, socket or device would block the first read for ever (a FIFO has
 * no writer), and a read blocked in the kernel cannot be interrupted: refuse it before anything is
 * opened. `abs` is the folder made absolute, `dir` as given (for the message).
 */
export function refuseSpecialVaultFiles(abs: string, dir: string): void {
  for (const name of VAULT_FILES) {
    const st = statSync(path.join(abs, name), { throwIfNoEntry: false });
    if (st && !st.isFile()) {
      fail(
        `${path.join(dir, name)} is not a regular file (a folder, pipe, socket or device), so ${dir} cannot be opened as a vault; move it away or choose the vault's real folder`,
        EXIT.VAULT,
      );
    }
  }
}

/** Which secret the environment gives: the recovery key wins over the passphrase. */
export function secretFromEnv(env: Record<string, string | undefined>): UnlockWith | null {
  const recoveryKey = env.EVIDENCE_VAULT_RECOVERY_KEY;
  if (recoveryKey !== undefined && recoveryKey.trim() !== '') return { recoveryKey: recoveryKey.trim() };
  const passphrase = env.EVIDENCE_VAULT_PASSPHRASE;
  if (passphrase !== undefined && passphrase !== '') return { passphrase };
  return null;
}

const NO_SECRET =
  'no passphrase: set EVIDENCE_VAULT_PASSPHRASE (or EVIDENCE_VAULT_RECOVERY_KEY), or run in a terminal to be asked for it';

/** The passphrase rules for an existing vault: recovery key variable, passphrase variable, else ask without echo. */
export async function askUnlockSecret(io: CliIO, dir: string): Promise<UnlockWith> {
  const fromEnv = secretFromEnv(io.env);
  if (fromEnv) return fromEnv;
  if (!io.stdinIsTTY) fail(NO_SECRET, EXIT.VAULT);
  const passphrase = await io.readSecret(`Passphrase for ${dir}: `);
  if (passphrase === '') fail('no passphrase given; nothing was opened', EXIT.VAULT);
  return { passphrase };
}

/** The passphrase rules for a new vault: the passphrase variable, else ask twice without echo. */
export async function askNewPassphrase(io: CliIO, dir: string): Promise<string> {
  const fromEnv = io.env.EVIDENCE_VAULT_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.stdinIsTTY) {
    fail('no passphrase: set EVIDENCE_VAULT_PASSPHRASE, or run in a terminal to be asked for one', EXIT.VAULT);
  }
  const first = await io.readSecret(`New passphrase for ${dir}: `);
  if (first === '') fail('no passphrase given; no vault was created', EXIT.VAULT);
  const second = await io.readSecret('The same passphrase again: ');
  if (first !== second) fail('the two passphrases differ; no vault was created', EXIT.VAULT);
  return first;
}
