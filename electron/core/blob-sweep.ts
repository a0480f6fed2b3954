/**
 * Tidying the blob folder without ever deleting evidence: only incomplete temporary files
 * (.tmp-*, left by an interrupted import) are removed. A sealed blob no record refers to is kept
 * where it is (a database put back from an older copy does not know the newer exhibits, and the
 * newer database may still be found), and check() names it.
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const BLOB_ID = /^[0-9a-f]{32}$/;
const TEMP_NAME = /^\.tmp-[0-9a-f]{16,}$/;

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | null)?.code;
}

async function names(blobDir: string): Promise<string[]> {
  try {
    return await readdir(blobDir);
  } catch (e) {
    if (errno(e) === 'ENOENT') return [];
    throw e;
  }
}

/** Sealed blob files in blobDir that none of the known blob ids names, sorted. */
export async function unreferencedBlobs(blobDir: string, known: ReadonlySet<string>): Promise<string[]> {
  return (await names(blobDir)).filter((n) => BLOB_ID.test(n) && !known.has(n)).sort();
}

/** Removes the temporary files of interrupted imports (call only when no import runs). Returns how many went. */
export async function removeTempFiles(blobDir: string): Promise<number> {
  let removed = 0;
  for (const n of await names(blobDir)) {
    if (!TEMP_NAME.test(n)) continue;
    try {
      await unlink(join(blobDir, n));
      removed++;
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw e;
    }
  }
  return removed;
}

/** check()'s line for unreferenced sealed blobs, or null when there are none. */
export function unreferencedProblem(count: number): string | null {
  if (count === 0) return null;
  return `${count} exhibit ${count === 1 ? 'file' : 'files'} not referenced by the database: the database may be older than the files (kept in blobs/, never deleted automatically)`;
}
