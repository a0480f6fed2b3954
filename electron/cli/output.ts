import { isVaultError } from '../../shared/errors.js';
import type { Exhibit } from '../../shared/model.js';
import { escapeControls } from '../../shared/text.js';
import { CliError, EXIT, type CliIO } from './io.js';

/**
 * User text (a title, a name, a file name, a message quoting one) as the human-readable output
 * shows it: every control character made visible (shared/text.ts), never more than one line.
 * --json output stays exact JSON and does not go through this.
 */
export function shown(text: string): string {
  const safe = escapeControls(text);
  return safe.length > 2000 ? safe.slice(0, 1997) + '...' : safe;
}

/** "  name  size bytes  SHA-256 hex  (exhibit id)" per exhibit ("physical item, kept at …" for one with no file). */
export function printExhibits(io: CliIO, exhibits: Exhibit[], indent = '  '): void {
  for (const x of exhibits) {
    if (x.kind === 'physical') {
      io.stdout(
        `${indent}${shown(x.name)}  physical item, kept at ${shown(x.physical?.keptAt ?? '')}  (exhibit ${x.id})\n`,
      );
      continue;
    }
    io.stdout(`${indent}${shown(x.name)}  ${x.size} bytes  SHA-256 ${x.sha256}  (exhibit ${x.id})\n`);
  }
}

/** On stderr, one line per warning an import gave ("Warning: "post.png": This is a Windows program named .png: ..."). */
export function printWarnings(io: CliIO, exhibits: Exhibit[]): void {
  for (const x of exhibits) {
    for (const w of x.warnings) io.stderr(`Warning: "${shown(x.name)}": ${shown(w)}\n`);
  }
}

/** An import refused as a duplicate says how to add it anyway (exit code 4, as for other file errors). */
export function sayAgain(e: unknown): never {
  if (isVaultError(e) && e.code === 'DUPLICATE_EXHIBIT') {
    throw new CliError(`${e.message} To add it anyway, run the command again with --again.`, EXIT.FILE);
  }
  throw e;
}

/**
 * A recovery key, printed once, then the vault told it was shown (a vault made or re-keyed by the
 * CLI says at every open that its key was never shown until then).
 */
export async function printRecoveryKey(
  io: CliIO,
  recoveryKey: string,
  confirmShown: () => Promise<unknown>,
): Promise<void> {
  io.stdout(`Recovery key: ${recoveryKey}\n`);
  io.stdout(
    'Write the recovery key down on paper now and keep it safe, away from this computer: it is shown only this once, and it opens the vault if the passphrase is ever forgotten.\n',
  );
  try {
    await confirmShown();
  } catch {
    // The key was shown; the vault keeps its reminder (a full or read-only disk) and says so on
    // each open, where "recovery replace" clears it. Nothing to fail on.
  }
}
