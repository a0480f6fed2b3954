/**
 * File modes of a vault folder on POSIX: the folder and blobs/ 0700, every file in them 0600, so
 * no other local user can read even the ciphertext (vault.db and its -wal were 0644). SQLite gives
 * the -wal file the mode of vault.db, so vault.db is made 0600 before SQLite first opens it.
 * Folders made by older versions are tightened on open. Best effort: a file system without POSIX
 * modes (FAT, some network shares) keeps what it has. Nothing happens on Windows.
 */
import { chmodSync, closeSync, existsSync, openSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

const POSIX = process.platform !== 'win32';

/** Sets path's mode; returns whether it had another one (false when gone or modes are not supported). */
function tighten(path: string, mode: number): boolean {
  try {
    const st = statSync(path);
    if ((st.mode & 0o777) === mode) return false;
    chmodSync(path, mode);
    return true;
  } catch {
    return false; /* gone, or modes not supported here */
  }
}

/** Every file directly in d to 0600. */
function tightenFiles(d: string): void {
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(d, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) if (e.isFile()) tighten(join(d, e.name), 0o600);
}

/** Creates dbFile empty with mode 0600 when it does not exist yet (SQLite then keeps that mode). */
export function createPrivateFile(path: string): void {
  if (!POSIX || existsSync(path)) return;
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch {
    /* made meanwhile, or not allowed: SQLite reports what matters */
  }
}

/**
 * The vault folder and blobs/ to 0700, the files directly in them to 0600. Exhibit files are
 * always written 0600 into a 0700 blobs/ (since the first release), so the thousands of them are
 * only visited when blobs/ itself had another mode (a folder copied or restored without its
 * modes): an unlock does not stat every exhibit file.
 */
export function tightenVaultModes(dir: string, blobDir: string): void {
  if (!POSIX) return;
  if (existsSync(dir)) {
    tighten(dir, 0o700);
    tightenFiles(dir);
  }
  if (existsSync(blobDir) && tighten(blobDir, 0o700)) tightenFiles(blobDir);
}
