/**
 * Checks on the files named for import, before the vault is opened or an incident created, so the
 * usual mistakes (a typo, a folder, an empty or unreadable file) fail fast with a clear line and
 * touch nothing. The core checks again while it imports (a file can change in between).
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT, fail } from './io.js';
import type { CliService } from './service.js';

export interface CheckedFile {
  /** As given on the command line (used in messages). */
  given: string;
  /** Absolute path handed to the core. */
  path: string;
  size: number;
  /** The path's own bytes, when they are not UTF-8 (Linux allows any bytes in a name but NUL and /). */
  raw?: Buffer;
}

const REPLACEMENT = '\ufffd';

/**
 * This process's arguments as the bytes they were given (Linux: /proc/self/cmdline), for names that
 * are not UTF-8: Node hands those over as strings with U+FFFD, which name no file. [] elsewhere.
 */
function rawArguments(): Buffer[] {
  if (process.platform !== 'linux') return [];
  try {
    const parts: Buffer[] = [];
    const all = readFileSync('/proc/self/cmdline');
    let start = 0;
    for (let i = 0; i < all.length; i++) {
      if (all[i] === 0) {
        parts.push(all.subarray(start, i));
        start = i + 1;
      }
    }
    return parts.slice(-Math.max(0, process.argv.length - 2));
  } catch {
    return [];
  }
}

/** The bytes of the argument Node gave as `given` (with U+FFFD), or undefined. The nth use of a string gets the nth match. */
function rawPathOf(given: string, used: Set<number>): Buffer | undefined {
  const raw = rawArguments();
  for (const [i, arg] of raw.entries()) {
    if (used.has(i)) continue;
    const eq = arg.indexOf(0x3d); // --attach=FILE
    const candidates = [arg, ...(arg[0] === 0x2d && eq > 0 ? [arg.subarray(eq + 1)] : [])];
    const match = candidates.find((c) => c.toString('utf8') === given);
    if (match) {
      used.add(i);
      return match;
    }
  }
  return undefined;
}

export function checkFileToImport(given: string, used: Set<number> = new Set()): CheckedFile {
  const raw = given.includes(REPLACEMENT) ? rawPathOf(given, used) : undefined;
  const abs = path.resolve(given);
  // A name that is not UTF-8 is reached by its bytes (fs takes a Buffer path).
  const where: string | Buffer = raw
    ? raw[0] === 0x2f
      ? raw
      : Buffer.concat([Buffer.from(process.cwd() + path.sep), raw])
    : abs;
  let st;
  try {
    st = statSync(where);
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
    closeSync(openSync(where, 'r'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `it cannot be read (${code ?? 'error'})`;
    fail(`cannot attach ${given}: ${why}`, EXIT.FILE);
  }
  return { given, path: abs, size: st.size, ...(raw && typeof where !== 'string' ? { raw: where } : {}) };
}

export function checkFilesToImport(given: string[]): CheckedFile[] {
  const used = new Set<number>();
  return given.map((g) => checkFileToImport(g, used));
}

/**
 * Before the service is loaded and the vault unlocked: the extraction thread starts, loads the libraries
 * these files call for (EXIF, e-mail, PDF) and reads what the files say, beside the service's loading and
 * the unlock, rather than beside the import. The import uses what was read only where its own bytes of a
 * file are the same. (service/prepare.js loads only the extraction modules of the core.)
 */
export async function prepareToRead(files: CheckedFile[]): Promise<void> {
  if (files.length === 0) return;
  const { readAheadForExtraction } = await import('../service/prepare.js');
  readAheadForExtraction(files.map((f) => f.path));
}

/**
 * Grants for checked files, as the desktop grants the paths of its open dialog: the import's
 * sources. A name that is not UTF-8 is granted through a link in a private folder (0700), named as
 * Node shows the name (U+FFFD for each bad byte) and pointing at the file's own bytes; the
 * exhibit keeps that name. Call the returned release() when the import has ended.
 */
export async function grantFiles(
  vault: CliService,
  files: CheckedFile[],
): Promise<{ sources: { kind: 'grant'; grantId: string }[]; release(): void }> {
  const sources: { kind: 'grant'; grantId: string }[] = [];
  let links: string | undefined;
  const release = (): void => {
    if (links) rmSync(links, { recursive: true, force: true });
    links = undefined;
  };
  try {
    for (const [i, f] of files.entries()) {
      let p = f.path;
      if (f.raw) {
        links ??= mkdtempSync(path.join(tmpdir(), 'evidence-vault-names-'));
        const dir = path.join(links, String(i));
        mkdirSync(dir, { mode: 0o700 }); // one folder per file: two names may look the same once bad bytes are replaced
        p = path.join(dir, path.basename(f.path));
        symlinkSync(f.raw, p);
      }
      sources.push({ kind: 'grant', grantId: (await vault.grant(p)).grantId });
    }
  } catch (e) {
    release();
    throw e;
  }
  return { sources, release };
}
