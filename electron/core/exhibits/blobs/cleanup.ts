/** Removing blobs: those of a failed import, and orphans (no record knows them) left by a crash. */
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

/**
 * Deletes blob files no record knows of and temporary files left by an interrupted import.
 * Call it only when no import is running. Returns how many files were removed.
 */
export async function removeOrphanBlobs(ctx: BlobContext, known: Set<string>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(ctx.dir);
  } catch (e) {
    if (errno(e) === 'ENOENT') return 0;
    throw e;
  }
  const doomed = names.filter((n) => TEMP_NAME.test(n) || (BLOB_ID.test(n) && !known.has(n)));
  let removed = 0;
  for (const n of doomed) {
    try {
      await unlink(join(ctx.dir, n));
      removed++;
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw e;
    }
  }
  if (removed > 0) await syncDir(ctx.dir);
  return removed;
}
