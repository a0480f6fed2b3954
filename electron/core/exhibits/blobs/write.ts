/**
 * Importing evidence files into the blob store: one file, a batch of files (a few at once), or streams.
 *
 * The ciphertext goes to a temporary name in the blob directory (.tmp-*), is fsynced, checked against the
 * original's size, mtime, ctime and identity (FILE_CHANGED if it changed, grew, shrank, vanished or was replaced),
 * renamed to the random blob id, and the directory is fsynced. On any failure — bad input, a full disk, a
 * cancel — the temporary file is removed and a VaultError naming the file is thrown; a killed process leaves
 * only a .tmp-* file, which removeTempFiles() deletes. A batch is all or nothing.
 *
 * Progress is reported per file (FileProgress: the file's index, its bytes done, its size), however many
 * files run at once; the vault turns it into the API's ImportProgress.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { VaultError } from '../../../../shared/errors.js';
import { removeBlobs } from './cleanup.js';
import {
  BLOB_CHUNK_BYTES,
  cancelled,
  writeError,
  type BlobContext,
  type BlobInfo,
  type BlobImportOptions,
} from './format.js';
import { syncDir } from './io.js';
import { BATCH_BUDGET_SLOTS, MAX_IN_FLIGHT } from './pool.js';
import { commit, seal, type Sealed, type SealProgress } from './seal.js';
import { checkUnchanged, fileChunks, openSource, streamChunks } from './sources.js';

/** importBlobsFromFiles: at most this many files at once, and within BATCH_BUDGET_SLOTS of memory. */
const BATCH_MAX_FILES = 12;

/** A source to import from a stream (e.g. an e-mail attachment). */
export interface BlobStreamSource {
  name: string;
  /** ISO 8601; defaults to the import time. */
  modifiedAt?: string;
  stream: Readable;
}

/** What the core keeps of a sealed, committed blob. */
function blobInfo(sealed: Sealed, modified: Date): BlobInfo {
  const { blobId, sha256, size, mediaType } = sealed;
  return { blobId, sha256, size, mediaType, fileModifiedAt: modified.toISOString() };
}

function progressOf(file: number, opts: BlobImportOptions | undefined): SealProgress | undefined {
  const report = opts?.onProgress;
  return report ? (done, size) => report({ file, done, size }) : undefined;
}

function headOf(file: number, opts: BlobImportOptions | undefined): Parameters<typeof seal>[7] {
  const tap = opts?.head;
  return tap ? { bytes: tap.bytes, take: (h, m, c) => tap.take(file, h, m, c) } : undefined;
}

async function importFile(
  ctx: BlobContext,
  path: string,
  file: number,
  opts: BlobImportOptions | undefined,
  syncDirectory: boolean,
): Promise<BlobInfo> {
  if (opts?.signal?.aborted) throw cancelled(path);
  const { f, st } = openSource(path);
  try {
    const size = Number(st.size);
    const sealed = await seal(
      ctx,
      path,
      fileChunks(f, path, size),
      size,
      opts?.signal,
      progressOf(file, opts),
      () => checkUnchanged(f, path, st),
      headOf(file, opts),
    );
    await commit(ctx, path, sealed, syncDirectory);
    return blobInfo(sealed, new Date(Number(st.mtimeNs / 1_000_000n)));
  } finally {
    await f.closeQuietly();
  }
}

/** Imports one file. See the module comment; errors are VaultErrors naming `path`. Progress: file 0. */
export async function importBlobFromFile(ctx: BlobContext, path: string, opts?: BlobImportOptions): Promise<BlobInfo> {
  return importFile(ctx, path, 0, opts, true);
}

/**
 * Imports several files, a few at a time, with one directory fsync for the batch. All or nothing: on the
 * first failure the other imports are stopped, every blob of the batch is removed, and that error is thrown.
 * Results come back in the order of `paths`; progress names each file by its index in `paths`.
 */
export async function importBlobsFromFiles(
  ctx: BlobContext,
  paths: string[],
  opts?: BlobImportOptions,
): Promise<BlobInfo[]> {
  if (opts?.signal?.aborted) throw cancelled(paths[0] ?? 'files');
  const stop = new AbortController();
  const signal = opts?.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  // Sizes for the scheduler (statSync: a few microseconds each, no thread pool).
  const sizes = paths.map((p) => {
    try {
      const st = fs.statSync(p);
      return st.isFile() ? st.size : 0;
    } catch {
      return 0;
    }
  });
  const results = new Array<BlobInfo | undefined>(paths.length);
  let firstError: unknown;
  const importOne = async (i: number): Promise<void> => {
    const p = paths[i] ?? '';
    try {
      results[i] = await importFile(ctx, p, i, { signal, onProgress: opts?.onProgress, head: opts?.head }, false);
    } catch (e) {
      // A CANCELLED caused by our own stop is not the story; the error that caused the stop is.
      if (firstError === undefined && !(stop.signal.aborted && e instanceof VaultError && e.code === 'CANCELLED')) {
        firstError = e;
      }
      stop.abort();
    }
  };
  // Many small files at once (their cost is mostly waiting: open, fsync, rename), fewer big ones: a file
  // weighs what it can hold in memory at most, and the files running at once stay within a budget.
  const weight = (i: number): number =>
    Math.max(1, Math.min(Math.ceil((sizes[i] ?? 0) / BLOB_CHUNK_BYTES), MAX_IN_FLIGHT + 1));
  const running = new Map<number, Promise<void>>();
  let load = 0;
  for (let i = 0; i < paths.length && firstError === undefined; i++) {
    const w = weight(i);
    while (running.size > 0 && (running.size >= BATCH_MAX_FILES || load + w > BATCH_BUDGET_SLOTS)) {
      await Promise.race(running.values());
    }
    if (firstError !== undefined) break;
    load += w;
    running.set(
      i,
      importOne(i).finally(() => {
        running.delete(i);
        load -= w;
      }),
    );
  }
  await Promise.all(running.values());
  const made = results.filter((r): r is BlobInfo => r !== undefined).map((r) => r.blobId);
  if (firstError !== undefined || made.length !== paths.length) {
    await removeBlobs(ctx, made).catch(() => undefined);
    throw firstError ?? cancelled(paths[0] ?? 'files');
  }
  if (paths.length > 0) {
    try {
      await syncDir(ctx.dir);
    } catch (e) {
      await removeBlobs(ctx, made).catch(() => undefined);
      throw writeError(paths[0] ?? 'files', e);
    }
  }
  return results as BlobInfo[];
}

async function importStream(
  ctx: BlobContext,
  source: BlobStreamSource,
  file: number,
  opts: BlobImportOptions | undefined,
): Promise<BlobInfo> {
  const { name, stream } = source;
  if (opts?.signal?.aborted) {
    stream.destroy();
    throw cancelled(name);
  }
  let modified = new Date();
  if (source.modifiedAt !== undefined) {
    const d = new Date(source.modifiedAt);
    if (Number.isNaN(d.getTime())) {
      stream.destroy();
      throw new VaultError('INVALID_INPUT', `The modification time of "${name}" is not a valid date.`);
    }
    modified = d;
  }
  // A source that stalls must not hold a cancel up: cancelling ends the source at once.
  const onAbort = (): void => void stream.destroy(cancelled(name));
  opts?.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const sealed = await seal(
      ctx,
      name,
      streamChunks(stream, name),
      undefined,
      opts?.signal,
      progressOf(file, opts),
      () => undefined,
      headOf(file, opts),
    );
    await commit(ctx, name, sealed, true);
    return blobInfo(sealed, modified);
  } finally {
    opts?.signal?.removeEventListener('abort', onAbort);
    stream.destroy();
  }
}

/**
 * Imports from a stream (e.g. an e-mail attachment). fileModifiedAt is source.modifiedAt, else now.
 * Progress: file 0, its size unknown until the end (size = done).
 */
export async function importBlobFromStream(
  ctx: BlobContext,
  source: BlobStreamSource,
  opts?: BlobImportOptions,
): Promise<BlobInfo> {
  return importStream(ctx, source, 0, opts);
}

/**
 * Imports several streams, one after the other. All or nothing: on a failure the blobs already written
 * are removed and the error is thrown. Progress names each stream by its index in `sources`.
 */
export async function importBlobsFromStreams(
  ctx: BlobContext,
  sources: BlobStreamSource[],
  opts?: BlobImportOptions,
): Promise<BlobInfo[]> {
  const written: BlobInfo[] = [];
  try {
    for (const [i, s] of sources.entries()) written.push(await importStream(ctx, s, i, opts));
    return written;
  } catch (e) {
    await removeBlobs(
      ctx,
      written.map((w) => w.blobId),
    ).catch(() => undefined);
    throw e;
  }
}
