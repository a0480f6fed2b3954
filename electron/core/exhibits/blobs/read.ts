/**
 * Reading blobs back: decrypted chunk by chunk in the worker, checking every chunk's authentication, the
 * final tag, the exact length and, at the end, the SHA-256: otherwise VaultError('TAMPERED').
 */
import { createHash } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { VaultError } from '../../../../shared/errors.js';
import {
  ABYTES,
  asError,
  BLOB_CHUNK_BYTES,
  BLOB_HEADER_BYTES,
  blobAd,
  blobPath,
  errno,
  MAGIC,
  MAX_CHUNK_BYTES,
  PREFIX_BYTES,
  TAG_FINAL,
  TAG_MESSAGE,
  tampered,
  type BlobContext,
  type ExpectedBlob,
} from './format.js';
import { chunkBuffer, cipherPool, plainPool, SecretStream } from './pool.js';

/** O_NOATIME where there is one (Linux); 0 elsewhere. */
const NOATIME: number = (fsc as { O_NOATIME?: number }).O_NOATIME ?? 0;
/**
 * Opens a blob without updating its access time where the system allows (O_NOATIME: Linux, for
 * files this process owns), so the folder does not show which exhibit was viewed and when; plainly
 * otherwise.
 */
async function openForReading(path: string): Promise<FileHandle> {
  const flags = fsc.O_RDONLY | fsc.O_NONBLOCK;
  if (NOATIME !== 0) {
    try {
      return await open(path, flags | NOATIME);
    } catch (e) {
      // EPERM: a file this process does not own; EINVAL: a file system without it.
      const code = errno(e);
      if (code !== 'EPERM' && code !== 'EINVAL') throw e;
    }
  }
  return open(path, flags);
}

/** pooled: each yielded buffer goes back to the pool once the consumer resumes (it must not keep it). */
async function* decryptBlob(
  ctx: BlobContext,
  blobId: string,
  expected: ExpectedBlob,
  pooled = false,
): AsyncGenerator<Buffer, void, undefined> {
  const path = blobPath(ctx, blobId);
  let fh: FileHandle;
  try {
    fh = await openForReading(path);
  } catch (e) {
    if (errno(e) === 'ENOENT') throw tampered(blobId, 'is missing from the vault');
    throw new VaultError('TAMPERED', `Exhibit file ${blobId} cannot be read (${errno(e) ?? 'error'}).`, { cause: e });
  }
  let stream: SecretStream | null = null;
  const inflight: Promise<{ data: Uint8Array; tag: number } | null>[] = [];
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw tampered(blobId, 'is not a regular file');
    const fileSize = st.size;
    const head = Buffer.alloc(BLOB_HEADER_BYTES);
    const { bytesRead } = await fh.read(head, 0, BLOB_HEADER_BYTES, 0);
    if (bytesRead < BLOB_HEADER_BYTES || !head.subarray(0, 4).equals(MAGIC)) {
      throw tampered(blobId, 'has a damaged header');
    }
    const prefix = head.subarray(0, PREFIX_BYTES);
    const chunkBytes = head.readUInt32LE(4);
    if (chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) throw tampered(blobId, 'has a damaged header');
    const unit = chunkBytes + ABYTES;
    const chunkCount = Math.max(1, Math.ceil(expected.size / chunkBytes));
    const expectedFileSize = BLOB_HEADER_BYTES + expected.size + chunkCount * ABYTES;
    if (fileSize < expectedFileSize) throw tampered(blobId, 'is truncated');
    if (fileSize > expectedFileSize) throw tampered(blobId, 'has extra data appended');
    stream = await SecretStream.pull(ctx.key, blobAd(blobId, prefix), head.subarray(PREFIX_BYTES));
    if (!stream) throw tampered(blobId, 'has a damaged header');
    const ss = stream;

    const readUnit = async (pos: number): Promise<Buffer> => {
      const len = Math.min(unit, fileSize - pos);
      const buf = chunkBuffer(len, cipherPool);
      let off = 0;
      while (off < len) {
        const { bytesRead: n } = await fh.read(buf, off, len - off, pos + off);
        if (n === 0) throw tampered(blobId, 'is truncated');
        off += n;
      }
      return buf;
    };
    let readPos = BLOB_HEADER_BYTES;
    // Reads run ahead in parallel, but chunks must reach the worker in order: `posted` chains the posting.
    let posted: Promise<unknown> = Promise.resolve();
    const fill = (): void => {
      while (inflight.length < 3 && readPos < fileSize) {
        const at = readPos;
        readPos += Math.min(unit, fileSize - at);
        const read = readUnit(at);
        read.catch(() => undefined);
        const sent = posted.then(() => read).then((buf) => ({ result: ss.decrypt(buf, pooled) }));
        sent.catch(() => undefined);
        posted = sent;
        const p = sent.then((x) => x.result);
        p.catch(() => undefined);
        inflight.push(p);
      }
    };
    const hash = createHash('sha256');
    let size = 0;
    let sawFinal = false;
    fill();
    while (inflight.length > 0) {
      const p = inflight.shift();
      fill();
      const r = await p;
      if (!r) throw tampered(blobId, 'failed authentication (it was altered or belongs elsewhere)');
      if (sawFinal) throw tampered(blobId, 'has extra data after its end');
      if (r.tag === TAG_FINAL) sawFinal = true;
      else if (r.tag !== TAG_MESSAGE) throw tampered(blobId, 'has an unexpected chunk');
      const out = Buffer.from(r.data.buffer, r.data.byteOffset, r.data.length);
      hash.update(out);
      size += out.length;
      if (size > expected.size) throw tampered(blobId, 'is longer than recorded');
      yield out;
      if (pooled) plainPool.give(out.buffer as ArrayBuffer);
    }
    if (!sawFinal) throw tampered(blobId, 'is truncated');
    if (size !== expected.size) throw tampered(blobId, `has ${size} bytes, not the recorded ${expected.size}`);
    if (hash.digest('hex') !== expected.sha256.toLowerCase()) {
      throw tampered(blobId, 'does not match its recorded SHA-256');
    }
  } finally {
    await Promise.allSettled(inflight);
    stream?.close();
    await fh.close().catch(() => undefined);
  }
}

/**
 * The original bytes of a blob, decrypted chunk by chunk. The stream errors with VaultError('TAMPERED')
 * on any authentication failure, truncation, extra data, wrong size or SHA-256 mismatch (the last two
 * only at the end: a consumer must treat an errored stream as worthless).
 */
export function openBlobStream(ctx: BlobContext, blobId: string, expected: ExpectedBlob): Readable {
  return Readable.from(decryptBlob(ctx, blobId, expected, process.env.EV_POOL === '1'), {
    objectMode: false,
    highWaterMark: BLOB_CHUNK_BYTES,
  });
}

/**
 * The original bytes of a blob, chunk by chunk, in reused buffers: each chunk is valid only until the
 * next is asked for (a consumer that writes it must finish writing first). No per-chunk garbage, so a
 * long read keeps memory flat. Errors as openBlobStream's do (the hash and size checks at the end).
 */
export function openBlobChunks(ctx: BlobContext, blobId: string, expected: ExpectedBlob): AsyncGenerator<Buffer> {
  return decryptBlob(ctx, blobId, expected, true);
}

/** Decrypts the whole blob and checks size and SHA-256. null = fine, else a one-line problem. */
export async function verifyBlob(ctx: BlobContext, blobId: string, expected: ExpectedBlob): Promise<string | null> {
  try {
    for await (const chunk of decryptBlob(ctx, blobId, expected, true)) void chunk;
    return null;
  } catch (e) {
    if (e instanceof VaultError) return e.message;
    return `Exhibit file ${blobId} could not be checked (${errno(e) ?? asError(e).message}).`;
  }
}
