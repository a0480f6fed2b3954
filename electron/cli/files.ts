/**
 * Checks on the files named for import, before the vault is opened or an incident created, so the
 * usual mistakes (a typo, a folder, an empty or unreadable file) fail fast with a clear line and
 * touch nothing. The core checks again while it imports (a file can change in between).
 */
import { closeSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import { EXIT, fail } from './io.js';
import type { CliService } from './service.js';

export interface CheckedFile {
  /** As given on the command line (used in messages). */
  given: string;
  /** Absolute path handed to the core. */
  path: string;
  size: number;
}

export function checkFileToImport(given: string): CheckedFile {
  const abs = path.resolve(given);
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') fail(`cannot attach ${given}: permission denied`, EXIT.FILE);
    fail(`cannot attach ${given}: no such file`, EXIT.FILE);
  }
  if (st.isDirectory())
    fail(`cannot attach ${given}: it is a folder, not a file (attach the files inside it)`, EXIT.FILE);
  if (!st.isFile()) {
    fail(
      `cannot attach ${given}: it is not a regular file (a pipe, socket or device); save it to a file first`,
      EXIT.FILE,
    );
  }
  if (st.size === 0) fail(`cannot attach ${given}: the file is empty`, EXIT.FILE);
  try {
    closeSync(openSync(abs, 'r'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `it cannot be read (${code ?? 'error'})`;
    fail(`cannot attach ${given}: ${why}`, EXIT.FILE);
  }
  return { given, path: abs, size: st.size };
}

export function checkFilesToImport(given: string[]): CheckedFile[] {
  return given.map(checkFileToImport);
}

/** Grants for checked files, as the desktop grants the paths of its open dialog: the import's sources. */
export async function grantFiles(
  vault: CliService,
  files: CheckedFile[],
): Promise<{ kind: 'grant'; grantId: string }[]> {
  const sources: { kind: 'grant'; grantId: string }[] = [];
  for (const f of files) sources.push({ kind: 'grant', grantId: (await vault.grant(f.path)).grantId });
  return sources;
}
