/**
 * The import pipeline shared by files and streams: hash, sniff, encrypt and write a source's chunks to a
 * temporary file (seal), then rename it to its blob id (commit).
 *
 * The main thread hashes (SHA-256, node:crypto) and sniffs the media type from the first chunk; a worker
 * thread encrypts (pool.ts); writes and fsyncs run asynchronously in the thread pool, so the three overlap.
 * Chunks live in reusable shared-memory slots (no copies between threads, no garbage). At most
 * MAX_IN_FLIGHT chunks per file are between read and written, which bounds memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs, { constants as fsc } from 'node:fs';
import { join } from 'node:path';
import { VaultError } from '../../../../shared/errors.js';
import { sniffMediaType, SNIFF_BYTES } from '../sniff.js';
import {
  ABYTES,
  BLOB_CHUNK_BYTES,
  BLOB_HEADER_BYTES,
  blobAd,
  blobPrefix,
  cancelled,
  errno,
  writeError,
  type BlobContext,
} from './format.js';
import { ensureDir, Fd, forgetDir, newTempPath, syncDir, unlinkQuietly, writeAll } from './io.js';
import { giveSlot, MAX_IN_FLIGHT, SecretStream, type Slot } from './pool.js';

/** Ask the kernel to write back every this many bytes, so the final fsync of a big file is short. */
const SYNC_EVERY_BYTES = 64 << 20;

export interface Chunk {
  /** The chunk's slot; `data` is a view of its plaintext area. Whoever holds a chunk gives the slot back. */
  slot: Slot;
  data: Buffer;
  final: boolean;
}

export interface Sealed {
  blobId: string;
  tmpPath: string;
  sha256: string;
  size: number;
  mediaType: string;
}

/** Progress of one source: its plaintext bytes written so far and its size (for a stream, size = done). */
export type SealProgress = (done: number, size: number) => void;

/**
 * Hashes, sniffs, encrypts and writes `chunks` to a new temporary file. `size` is the source's size when
 * known (a file), for progress. `afterRead` runs once every chunk has been read (the source's end-of-import
 * checks), before the fsync. On failure the temporary file is removed and the error rethrown.
 */
export async function seal(
  ctx: BlobContext,
  name: string,
  chunks: AsyncIterator<Chunk>,
  size: number | undefined,
  signal: AbortSignal | undefined,
  onProgress: SealProgress | undefined,
  afterRead: () => void,
  /** Given a copy of the first `bytes` with the media type (see HeadTap). */
  head?: { bytes: number; take: (head: Buffer, mediaType: string, complete: boolean) => void },
): Promise<Sealed> {
  if (signal?.aborted) throw cancelled(name);
  if (ctx.key.length !== 32) throw new VaultError('INTERNAL', 'The blob key must be 32 bytes.');
  const blobId = randomBytes(16).toString('hex');
  const tmpPath = newTempPath(ctx.dir);
  const prefix = blobPrefix(BLOB_CHUNK_BYTES);
  let out: Fd | undefined;
  let stream: SecretStream | undefined;
  // Writes run in order on this chain while the next chunks are read, hashed and encrypted.
  let chain: Promise<void> = Promise.resolve();
  const written: Promise<void>[] = [];
  // Chunk slots this import holds, and encryptions still running in the worker (which use them).
  const held = new Set<Slot>();
  const encrypting = new Set<Promise<unknown>>();
  let failure: unknown;
  try {
    const createTemp = (): Fd => new Fd(fs.openSync(tmpPath, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, 0o600));
    try {
      ensureDir(ctx.dir);
      try {
        out = createTemp();
      } catch (e) {
        if (errno(e) !== 'ENOENT') throw e;
        forgetDir(ctx.dir); // the blob folder went away since we last made it: make it again
        ensureDir(ctx.dir);
        out = createTemp();
      }
    } catch (e) {
      throw writeError(name, e);
    }
    const f = out;
    const ad = blobAd(blobId, prefix);
    const started = SecretStream.push(ctx.key, ad);
    stream = started.stream;
    const ss = stream;

    const hash = createHash('sha256');
    let mediaType: string | undefined;
    let read = 0;
    let pos = BLOB_HEADER_BYTES;
    let done = 0;
    let sinceSync = 0;
    for (let i = 0; ; i++) {
      if (signal?.aborted) throw cancelled(name);
      if (i >= MAX_IN_FLIGHT) await written[i - MAX_IN_FLIGHT];
      if (failure) throw failure;
      const next = await chunks.next();
      if (next.done) break;
      const { slot, data, final } = next.value;
      held.add(slot);
      if (signal?.aborted) throw cancelled(name);
      hash.update(data);
      if (mediaType === undefined) {
        // Sniff a copy of the head (shared memory is not for TextDecoder), before the chunk goes on.
        // (Buffer#copy is a memcpy; Buffer.from of a shared-memory view copies byte by byte.)
        const n = Math.min(data.length, Math.max(SNIFF_BYTES, head?.bytes ?? 0));
        const copy = Buffer.allocUnsafe(n);
        data.copy(copy, 0, 0, n);
        mediaType = await sniffMediaType(copy.subarray(0, SNIFF_BYTES), final && data.length <= SNIFF_BYTES);
        head?.take(copy.subarray(0, head.bytes), mediaType, final && data.length <= head.bytes);
      }
      read += data.length;
      const plainLength = data.length;
      const sealed = ss.encrypt(slot, plainLength, final);
      encrypting.add(sealed);
      const settled = (): void => void encrypting.delete(sealed);
      sealed.then(settled, settled);
      const at = pos;
      pos += plainLength + ABYTES;
      chain = chain.then(async () => {
        const ct = await sealed.catch((e: unknown) => {
          throw writeError(name, e);
        });
        // The blob header goes out with the first chunk: one write instead of two.
        const parts = i === 0 ? [prefix, await started.header, ct] : [ct];
        await writeAll(f, parts, i === 0 ? 0 : at).catch((e: unknown) => {
          throw writeError(name, e);
        });
        held.delete(slot);
        giveSlot(slot);
        done += plainLength;
        sinceSync += ct.length;
        if (sinceSync >= SYNC_EVERY_BYTES && !final) {
          // Start write-back early (in the background) so the closing fsync has little left to do.
          sinceSync = 0;
          f.sync(true).catch(() => undefined);
        }
        // Chunks are written in order, so `done` only grows; a file's reader refuses more than `size`.
        onProgress?.(done, size ?? done);
      });
      chain.catch((e: unknown) => {
        failure ??= e;
      });
      written[i] = chain.catch(() => undefined);
      if (i >= MAX_IN_FLIGHT) delete written[i - MAX_IN_FLIGHT];
      if (final) break;
    }
    await chain;
    if (read === 0) throw new VaultError('FILE_EMPTY', `Cannot import "${name}": it is empty.`);
    afterRead();
    if (signal?.aborted) throw cancelled(name);
    try {
      await f.sync();
      await f.close();
    } catch (e) {
      throw writeError(name, e);
    }
    out = undefined;
    return {
      blobId,
      tmpPath,
      sha256: hash.digest('hex'),
      size: read,
      mediaType: mediaType ?? 'application/octet-stream',
    };
  } catch (e) {
    failure ??= e;
    await chain.catch(() => undefined);
    // Slots go back only once the worker is done with them; the source gives back what it read ahead.
    await Promise.allSettled([...encrypting]);
    for (const slot of held) giveSlot(slot);
    held.clear();
    await chunks.return?.(undefined)?.catch(() => undefined);
    if (out) await out.closeQuietly();
    unlinkQuietly(tmpPath);
    throw e;
  } finally {
    stream?.close();
  }
}

/** Renames a sealed temporary file to its blob id; fsyncs the directory unless the caller batches that. */
export async function commit(ctx: BlobContext, name: string, s: Sealed, syncDirectory: boolean): Promise<void> {
  const finalPath = join(ctx.dir, s.blobId);
  try {
    fs.renameSync(s.tmpPath, finalPath);
  } catch (e) {
    unlinkQuietly(s.tmpPath);
    throw writeError(name, e);
  }
  if (syncDirectory) {
    try {
      await syncDir(ctx.dir);
    } catch (e) {
      unlinkQuietly(finalPath);
      throw writeError(name, e);
    }
  }
}
