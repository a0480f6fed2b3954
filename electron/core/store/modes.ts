/**
 * File modes of a vault folder on POSIX: the folder and blobs/ 0700, every file in them 0600, so
 * no other local user can read even the ciphertext (vault.db and its -wal were 0644). SQLite gives
 * the -wal file the mode of vault.db, so vault.db is made 0600 before SQLite first opens it.
 * Folders made by older versions are tightened on open. Best effort: a file system without POSIX
 * modes (FAT, some network shares) keeps what it has. Nothing happens on Windows.
 */
import { chmodSync, closeSync, existsSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const POSIX = process.platform !== 'win32';

function tighten(path: string, mode: number): void {
  try {
    const st = statSync(path);
    if ((st.mode & 0o777) !== mode) chmodSync(path, mode);
  } catch {
    /* gone, or modes not supported here */
  }
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

/** The vault folder and blobs/ to 0700, the files directly in them to 0600. */
export function tightenVaultModes(dir: string, blobDir: string): void {
  if (!POSIX) return;
  for (const d of [dir, blobDir]) {
    if (!existsSync(d)) continue;
    tighten(d, 0o700);
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names) {
      const p = join(d, n);
      try {
        if (statSync(p).isFile()) tighten(p, 0o600);
      } catch {
        /* gone */
      }
    }
  }
}
