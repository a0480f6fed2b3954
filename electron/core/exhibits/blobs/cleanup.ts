/** Removing blobs: those of a failed import, and temporary files left by a crash; finding unreferenced ones. */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { BLOB_ID, blobPath, errno, TEMP_NAME, type BlobContext } from './format.js';
import { syncDir } from './io.js';

/** Deletes blobs (missing ones are ignored) and fsyncs the directory. */
export async function removeBlobs(ctx: BlobContext, blobIds: string[]): Promise<void> {
  if (blobIds.length === 0) return;
  await Promise.all(
    blobIds.map(async (id) => {
      try {
        await unlink(blobPath(ctx, id));
      } catch (e) {
        if (errno(e) !== 'ENOENT') throw e;
      }
    }),
  );
  await syncDir(ctx.dir).catch((e: unknown) => {
    if (errno(e) !== 'ENOENT') throw e;
  });
}

/** The names in blobDir ([] when it does not exist). */
async function names(blobDir: string): Promise<string[]> {
  try {
    return await readdir(blobDir);
  } catch (e) {
    if (errno(e) === 'ENOENT') return [];
    throw e;
  }
}

/**
 * Sealed blob files in blobDir that none of the known blob ids names, sorted. They are never
 * deleted automatically: a database put back from an older copy does not know the newer
 * exhibits, and the newer database may still be found. check() names them.
 */
export async function unreferencedBlobs(blobDir: string, known: ReadonlySet<string>): Promise<string[]> {
  return (await names(blobDir)).filter((n) => BLOB_ID.test(n) && !known.has(n)).sort();
}

/**
 * Removes the temporary files of interrupted imports (.tmp-*), the only files ever removed
 * without the user asking. Call only when no import runs. Returns how many went.
 */
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
