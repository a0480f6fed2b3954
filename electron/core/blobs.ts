/**
 * Encrypted evidence files (blobs) in <vault>/blobs.
 *
 * For the vault core (H1): import several files with `importBlobsFromFiles(ctx, paths, opts)` — it runs
 * a few files at once, fsyncs the directory once for the batch, and on any failure removes every blob of
 * the batch and throws the first error (naming its file). Results come back in the order of `paths`.
 *
 * Blob file format (all of it authenticated; nothing plain but sizes):
 *   bytes 0..3   "EVB1"
 *   bytes 4..7   plaintext chunk size, uint32 little-endian (1 MiB)
 *   bytes 8..31  crypto_secretstream_xchacha20poly1305 header
 *   then chunks  each chunk-size bytes of the original (the last one shorter or equal) + 17 bytes of tag/MAC,
 *                the last one tagged TAG_FINAL (so truncation is detected).
 * Every chunk's additional data is "evidence-vault/blob/v1" || blobId || bytes 0..7, so a blob file cannot be
 * renamed to (swapped with) another blob id, nor its chunk size changed, without failing authentication.
 *
 * Import streams the original once: the main thread reads and hashes (SHA-256, node:crypto) and sniffs the
 * media type from the first chunk; a worker thread encrypts (libsodium, see blob-worker.ts); reads, writes
 * and fsyncs run asynchronously in the thread pool, so the three overlap. Chunks live in reusable
 * shared-memory slots (no copies between threads, no garbage). At most MAX_IN_FLIGHT chunks per file are
 * between read and written, and a batch runs files at once within a memory budget, which bounds memory.
 * The ciphertext goes to a temporary name in the blob directory (.tmp-*), is fsynced, checked against the
 * original's size, mtime and identity (FILE_CHANGED if it changed, grew, shrank, vanished or was replaced),
 * renamed to the random blob id, and the directory is fsynced. On any failure — bad input, a full disk, a
 * cancel — the temporary file is removed and a VaultError naming the file is thrown; a killed process leaves
 * only a .tmp-* file, which removeOrphanBlobs() deletes.
 *
 * Reading back (openBlobStream, verifyBlob) decrypts chunk by chunk in the worker and checks every chunk's
 * authentication, the final tag, the exact length and, at the end, the SHA-256: VaultError('TAMPERED').
 */
import { createHash, randomBytes } from 'node:crypto';
import fs, { constants as fsc, type BigIntStats } from 'node:fs';
import { open, readdir, unlink, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { VaultError, type ErrorCode } from '../../shared/errors.js';
import { WORKER_SOURCE } from './blob-worker.js';
import { sniffMediaType, SNIFF_BYTES } from './sniff.js';

export interface BlobContext {
  /** <vault>/blobs; created if missing. */
  dir: string;
  /** 32-byte blob subkey. */
  key: Uint8Array;
}

export interface BlobInfo {
  blobId: string;
  sha256: string;
  size: number;
  mediaType: string;
  fileModifiedAt: string;
}

export interface ImportOptions {
  signal?: AbortSignal;
  /** Progress: plaintext bytes stored so far and the total (for a stream of unknown length, total = done). */
  onBytes?: (done: number, total: number) => void;
}

export interface ExpectedBlob {
  sha256: string;
  size: number;
}

export const BLOB_CHUNK_BYTES = 1 << 20;
const MAGIC = Buffer.from('EVB1', 'latin1');
const PREFIX_BYTES = 8;
const STREAM_HEADER_BYTES = 24;
export const BLOB_HEADER_BYTES = PREFIX_BYTES + STREAM_HEADER_BYTES;
const ABYTES = 17;
const TAG_MESSAGE = 0;
const TAG_FINAL = 3;
const MAX_CHUNK_BYTES = 16 << 20;
/** Chunks between read and written, per file (each ~1 MiB plain + ~1 MiB cipher at most). */
const MAX_IN_FLIGHT = 4;
/** importBlobsFromFiles: at most this many files at once, and within this memory budget. */
const BATCH_MAX_FILES = 12;
/** In chunk slots (2 MiB each): 12 small files at once, or 2 big ones (MAX_IN_FLIGHT + 1 slots each). */
const BATCH_BUDGET_SLOTS = 12;
/** Ask the kernel to write back every this many bytes, so the final fsync of a big file is short. */
const SYNC_EVERY_BYTES = 64 << 20;
const BLOB_ID = /^[0-9a-f]{32}$/;
const TEMP_NAME = /^\.tmp-[0-9a-f]{16,}$/;

// ---------------------------------------------------------------------------------------------------------
// The crypto worker pool

interface WorkerReply {
  req: number;
  back?: ArrayBuffer;
  header?: Uint8Array;
  data?: Uint8Array;
  tag?: number;
  fail?: boolean;
  error?: string;
}

interface Pending {
  resolve: (r: WorkerReply) => void;
  reject: (e: Error) => void;
}

let sodiumPath: string | undefined;
function resolveSodium(): string {
  sodiumPath ??= createRequire(import.meta.url).resolve('libsodium-wrappers-sumo');
  return sodiumPath;
}

class CryptoWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextReq = 1;
  streams = 0;
  dead: Error | undefined;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sodiumPath: resolveSodium() } });
    this.worker.unref();
    this.worker.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.req);
      if (!p) return;
      this.pending.delete(m.req);
      if (this.pending.size === 0) this.worker.unref();
      p.resolve(m);
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`blob crypto worker exited (${code})`)));
  }

  private fail(e: Error): void {
    this.dead ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    const i = workers.indexOf(this);
    if (i >= 0) workers.splice(i, 1);
  }

  request(msg: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    if (this.dead) return Promise.reject(this.dead);
    const req = this.nextReq++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(req, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...msg, req }, transfer);
    });
  }

  send(msg: Record<string, unknown>): void {
    if (!this.dead) this.worker.postMessage(msg);
  }
}

const workers: CryptoWorker[] = [];
// One core stays with the main thread (reading, hashing, writing): 1 worker on 2 cores, 2 on 3 or more.
const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
let nextSid = 1;

function pickWorker(): CryptoWorker {
  let best: CryptoWorker | undefined;
  for (const w of workers) if (!best || w.streams < best.streams) best = w;
  if (!best || (best.streams > 0 && workers.length < MAX_WORKERS)) {
    best = new CryptoWorker();
    workers.push(best);
  }
  return best;
}

function workerFailure(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Reusable transferable buffers of one capacity: chunks travel to the worker and back (transferred, not
 * copied) and are reused, so importing a big file makes no per-chunk garbage and memory stays flat.
 */
class BufferPool {
  private readonly free: ArrayBuffer[] = [];
  constructor(readonly capacity: number) {}
  take(): ArrayBuffer {
    return this.free.pop() ?? new ArrayBuffer(this.capacity);
  }
  give(ab: ArrayBuffer | undefined): void {
    if (ab && ab.byteLength === this.capacity && this.free.length < 24) this.free.push(ab);
  }
}
const plainPool = new BufferPool(BLOB_CHUNK_BYTES);
const cipherPool = new BufferPool(BLOB_CHUNK_BYTES + ABYTES);

/** Room for a chunk plus one byte (the last read asks for one more, to notice a file that grew). */
const SLOT_PLAIN = BLOB_CHUNK_BYTES + 1;

/**
 * A chunk slot for import: one SharedArrayBuffer holding a plaintext chunk and, after it, its ciphertext.
 * Main reads and hashes into it, the worker encrypts from it into it, main writes the ciphertext from it:
 * no copies or transfers between threads, and no ArrayBuffer churn for the garbage collector. Slots are
 * reused; each worker is told about a slot once.
 */
class Slot {
  private static nextId = 1;
  readonly id = Slot.nextId++;
  readonly sab = new SharedArrayBuffer(SLOT_PLAIN + BLOB_CHUNK_BYTES + ABYTES);
  readonly plain = Buffer.from(this.sab, 0, SLOT_PLAIN);
  readonly cipher = new Uint8Array(this.sab, SLOT_PLAIN, BLOB_CHUNK_BYTES + ABYTES);
  readonly workers = new Set<CryptoWorker>();
}
/** Idle slots kept for reuse (2 MiB each); more are released (also in the workers) when given back. */
const MAX_FREE_SLOTS = BATCH_BUDGET_SLOTS;
const freeSlots: Slot[] = [];
function takeSlot(): Slot {
  return freeSlots.pop() ?? new Slot();
}
function giveSlot(slot: Slot): void {
  if (freeSlots.length < MAX_FREE_SLOTS) {
    freeSlots.push(slot);
    return;
  }
  for (const w of slot.workers) w.send({ op: 'unslot', id: slot.id });
  slot.workers.clear();
}

/** One secretstream (push or pull) on one worker. Requests are answered in order. */
class SecretStream {
  private closed = false;
  private constructor(
    private readonly worker: CryptoWorker,
    private readonly sid: number,
  ) {
    worker.streams++;
  }

  private init: { key: Uint8Array; ad: Uint8Array } | undefined;
  private header: { resolve: (h: Uint8Array) => void; reject: (e: Error) => void } | undefined;

  /**
   * Starts an encrypting stream. Nothing is sent yet: the first encrypt() carries the key and additional
   * data, and its reply the stream header (which `header` resolves to).
   */
  static push(key: Uint8Array, ad: Uint8Array): { stream: SecretStream; header: Promise<Uint8Array> } {
    const stream = new SecretStream(pickWorker(), nextSid++);
    stream.init = { key, ad };
    const header = new Promise<Uint8Array>((resolve, reject) => {
      stream.header = { resolve, reject };
    });
    header.catch(() => undefined);
    return { stream, header };
  }

  static async pull(key: Uint8Array, ad: Uint8Array, header: Uint8Array): Promise<SecretStream | null> {
    const worker = pickWorker();
    const stream = new SecretStream(worker, nextSid++);
    const r = await worker.request({ op: 'init-pull', sid: stream.sid, key, ad, header }).catch((e: unknown) => {
      stream.close();
      throw workerFailure(e);
    });
    if (r.error) {
      stream.close();
      return null;
    }
    return stream;
  }

  /**
   * Encrypts bytes [0, len) of the slot into the slot's cipher area; returns a view of the ciphertext.
   * The slot must stay untouched until this settles.
   */
  async encrypt(slot: Slot, len: number, final: boolean): Promise<Uint8Array> {
    if (!slot.workers.has(this.worker)) {
      slot.workers.add(this.worker);
      this.worker.send({ op: 'slot', id: slot.id, sab: slot.sab });
    }
    const init = this.init;
    const header = this.header;
    this.init = undefined;
    this.header = undefined;
    const reply = this.worker.request({
      op: 'push',
      sid: this.sid,
      slot: slot.id,
      len,
      cipherAt: SLOT_PLAIN,
      final,
      init,
    });
    if (final) this.finish(); // the worker closes the stream after its final chunk
    let r: WorkerReply;
    try {
      r = await reply;
    } catch (e) {
      header?.reject(workerFailure(e));
      throw workerFailure(e);
    }
    if (header) {
      if (r.header) header.resolve(r.header);
      else header.reject(new Error(r.error ?? 'no header'));
    }
    if (r.error) throw new Error(r.error);
    return slot.cipher.subarray(0, len + ABYTES);
  }

  /**
   * Decrypts `data` (a cipherPool buffer view, returned to the pool); null when authentication fails.
   * pooled: the plaintext lands in a plainPool buffer, for a caller that gives it back (verifyBlob).
   */
  async decrypt(data: Uint8Array, pooled = false): Promise<{ data: Uint8Array; tag: number } | null> {
    const transfer = [data.buffer as ArrayBuffer];
    const out = pooled ? new Uint8Array(plainPool.take()) : undefined;
    if (out) transfer.push(out.buffer);
    const r = await this.worker.request({ op: 'pull', sid: this.sid, data, out }, transfer);
    cipherPool.give(r.back);
    if (r.fail || r.error || !r.data || r.tag === undefined) return null;
    return { data: r.data, tag: r.tag };
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.streams--;
  }

  close(): void {
    if (this.closed) return;
    this.finish();
    this.worker.send({ op: 'close', sid: this.sid });
  }
}

/** A chunk buffer of `n` bytes: a pooled transferable buffer when it fits, else a fresh one. */
function chunkBuffer(n: number, pool: BufferPool = plainPool): Buffer {
  const ab = n <= pool.capacity ? pool.take() : new ArrayBuffer(n);
  return Buffer.from(ab, 0, n);
}

function blobPrefix(chunkBytes: number): Buffer {
  const p = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(p, 0);
  p.writeUInt32LE(chunkBytes, 4);
  return p;
}

function blobAd(blobId: string, prefix: Uint8Array): Uint8Array {
  return Buffer.concat([Buffer.from('evidence-vault/blob/v1\0', 'latin1'), Buffer.from(blobId, 'latin1'), prefix]);
}

// ---------------------------------------------------------------------------------------------------------
// Errors

function errno(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const c = (e as { code: unknown }).code;
    return typeof c === 'string' ? c : undefined;
  }
  return undefined;
}

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

function cancelled(name: string): VaultError {
  return new VaultError('CANCELLED', `Import of "${name}" was cancelled; nothing was stored.`);
}

function changed(name: string, what: string): VaultError {
  return new VaultError(
    'FILE_CHANGED',
    `"${name}" ${what} while it was being imported; nothing was stored. Try again when it is not in use.`,
  );
}

function openError(name: string, e: unknown): VaultError {
  const code = errno(e);
  const table: Record<string, [ErrorCode, string]> = {
    ENOENT: ['FILE_MISSING', 'does not exist'],
    ENOTDIR: ['FILE_MISSING', 'does not exist (a folder on its path is a file)'],
    EACCES: ['FILE_UNREADABLE', 'cannot be read: permission denied'],
    EPERM: ['FILE_UNREADABLE', 'cannot be read: permission denied'],
    EISDIR: ['FILE_IS_DIRECTORY', 'is a folder, not a file'],
    ENXIO: ['FILE_UNREADABLE', 'is not a regular file (a socket or device)'],
    ELOOP: ['FILE_UNREADABLE', 'cannot be read: too many symbolic links'],
    ENAMETOOLONG: ['FILE_UNREADABLE', 'cannot be read: the name is too long'],
  };
  const [c, why] = (code && table[code]) || ['FILE_UNREADABLE', `cannot be read (${code ?? 'error'})`];
  return new VaultError(c, `Cannot import "${name}": it ${why}.`, { cause: e });
}

function writeError(name: string, e: unknown): VaultError {
  if (e instanceof VaultError) return e;
  const code = errno(e);
  if (code && DISK_FULL_CODES.has(code)) {
    return new VaultError('DISK_FULL', `The disk is full: "${name}" could not be stored; nothing was imported.`, {
      cause: e,
    });
  }
  return new VaultError(
    'INTERNAL',
    `Could not store "${name}" in the vault (${code ?? workerFailure(e).message}); nothing was imported.`,
    { cause: e },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Import

interface Chunk {
  /** The chunk's slot; `data` is a view of its plaintext area. Whoever holds a chunk gives the slot back. */
  slot: Slot;
  data: Buffer;
  final: boolean;
}

interface Sealed {
  blobId: string;
  tmpPath: string;
  sha256: string;
  size: number;
  mediaType: string;
}

/**
 * A raw file descriptor with promise-wrapped I/O. Data goes through the thread pool (async); the cheap
 * metadata calls (open, fstat, rename, close) are synchronous: for a batch of small files they are most
 * of the work, and a thread-pool round trip costs more than the call. close() waits for every operation
 * still in flight, so a descriptor number is never reused under a pending read or write.
 */
class Fd {
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;
  constructor(readonly fd: number) {}

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    const done = (): void => void this.pending.delete(p);
    p.then(done, done);
    return p;
  }

  read(buf: Uint8Array, off: number, len: number, pos: number): Promise<number> {
    return this.track(
      new Promise<number>((resolve, reject) =>
        fs.read(this.fd, buf, off, len, pos, (e, n) => (e ? reject(e) : resolve(n))),
      ),
    );
  }

  write(parts: Uint8Array[], pos: number): Promise<number> {
    return this.track(
      new Promise<number>((resolve, reject) => {
        const cb = (e: NodeJS.ErrnoException | null, n: number): void => (e ? reject(e) : resolve(n));
        const only = parts.length === 1 ? parts[0] : undefined;
        if (only) fs.write(this.fd, only, 0, only.length, pos, cb);
        else fs.writev(this.fd, parts, pos, cb);
      }),
    );
  }

  sync(dataOnly = false): Promise<void> {
    return this.track(
      new Promise<void>((resolve, reject) =>
        (dataOnly ? fs.fdatasync : fs.fsync)(this.fd, (e) => (e ? reject(e) : resolve())),
      ),
    );
  }

  /** Waits for operations in flight, then closes; throws only if close(2) itself fails. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.pending]);
    fs.closeSync(this.fd);
  }

  async closeQuietly(): Promise<void> {
    await this.close().catch(() => undefined);
  }
}

const knownDirs = new Set<string>();
function ensureDir(dir: string): void {
  if (knownDirs.has(dir)) return;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  knownDirs.add(dir);
}

async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a folder to fsync it (and NTFS journals renames itself).
  if (process.platform === 'win32') return;
  const d = new Fd(fs.openSync(dir, fsc.O_RDONLY | fsc.O_DIRECTORY));
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

async function writeAll(f: Fd, parts: Uint8Array[], position: number): Promise<void> {
  let pending = parts.filter((p) => p.length > 0);
  let pos = position;
  while (pending.length > 0) {
    const want = pending.reduce((a, p) => a + p.length, 0);
    const written = await f.write(pending, pos);
    if (written <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    pos += written;
    if (written === want) return;
    // A short write: carry on from where it stopped.
    let skip = written;
    const rest: Uint8Array[] = [];
    for (const p of pending) {
      if (skip >= p.length) skip -= p.length;
      else {
        rest.push(skip > 0 ? p.subarray(skip) : p);
        skip = 0;
      }
    }
    pending = rest;
  }
}

function newTempPath(dir: string): string {
  return join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
}

function unlinkQuietly(p: string): void {
  try {
    fs.unlinkSync(p);
  } catch {
    /* already gone */
  }
}

/**
 * The shared pipeline: hashes, sniffs, encrypts and writes `chunks` to a new temporary file.
 * `afterRead` runs once every chunk has been read (the source's end-of-import checks), before the fsync.
 * On failure the temporary file is removed and the error rethrown.
 */
async function seal(
  ctx: BlobContext,
  name: string,
  chunks: AsyncIterator<Chunk>,
  total: number | undefined,
  opts: ImportOptions | undefined,
  afterRead: () => void,
): Promise<Sealed> {
  const signal = opts?.signal;
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
        knownDirs.delete(ctx.dir); // the blob folder went away since we last made it: make it again
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
    let size = 0;
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
      // Sniff a copy of the head (shared memory is not for TextDecoder), before the chunk goes on.
      mediaType ??= await sniffMediaType(
        Buffer.from(data.subarray(0, SNIFF_BYTES)),
        final && data.length <= SNIFF_BYTES,
      );
      size += data.length;
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
        opts?.onBytes?.(done, total ?? done);
      });
      chain.catch((e: unknown) => {
        failure ??= e;
      });
      written[i] = chain.catch(() => undefined);
      if (i >= MAX_IN_FLIGHT) delete written[i - MAX_IN_FLIGHT];
      if (final) break;
    }
    await chain;
    if (size === 0) throw new VaultError('FILE_EMPTY', `Cannot import "${name}": it is empty.`);
    afterRead();
    if (signal?.aborted) throw cancelled(name);
    try {
      await f.sync();
      await f.close();
    } catch (e) {
      throw writeError(name, e);
    }
    out = undefined;
    return { blobId, tmpPath, sha256: hash.digest('hex'), size, mediaType: mediaType ?? 'application/octet-stream' };
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
async function commit(ctx: BlobContext, name: string, s: Sealed, syncDirectory: boolean): Promise<void> {
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

function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

async function* fileChunks(f: Fd, name: string, size: number): AsyncGenerator<Chunk, void, undefined> {
  const readAt = async (pos: number): Promise<Chunk> => {
    const len = Math.min(BLOB_CHUNK_BYTES, size - pos);
    const last = pos + len === size;
    // For the last chunk ask for one byte more: getting it means the file grew.
    const want = last ? len + 1 : len;
    const slot = takeSlot();
    try {
      let off = 0;
      while (off < want) {
        let n: number;
        try {
          n = await f.read(slot.plain, off, want - off, pos + off);
        } catch (e) {
          throw new VaultError(
            'FILE_UNREADABLE',
            `Cannot import "${name}": reading it failed (${errno(e) ?? 'error'}).`,
            { cause: e },
          );
        }
        if (n === 0) break;
        off += n;
      }
      if (off < len) throw changed(name, 'became shorter');
      if (off > len) throw changed(name, 'grew');
      return { slot, data: slot.plain.subarray(0, len), final: last };
    } catch (e) {
      giveSlot(slot);
      throw e;
    }
  };
  let pos = 0;
  let next: Promise<Chunk> | undefined = readAt(0);
  try {
    while (next) {
      const current = next;
      const end = pos + Math.min(BLOB_CHUNK_BYTES, size - pos);
      next = end < size ? readAt(end) : undefined;
      next?.catch(() => undefined);
      pos = end;
      const chunk = await current;
      yield chunk; // the consumer owns the chunk's slot from here
    }
  } finally {
    // Abandoned (an error or a cancel downstream): give back the chunk read ahead.
    const ahead = await next?.catch(() => undefined);
    if (ahead) giveSlot(ahead.slot);
  }
}

function openSource(path: string): { f: Fd; st: BigIntStats } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not hang waiting for a writer (it is refused below).
    fd = fs.openSync(path, fsc.O_RDONLY | fsc.O_NONBLOCK | fsc.O_NOCTTY);
  } catch (e) {
    throw openError(path, e);
  }
  try {
    const st = fs.fstatSync(fd, { bigint: true });
    if (st.isDirectory())
      throw new VaultError('FILE_IS_DIRECTORY', `Cannot import "${path}": it is a folder, not a file.`);
    if (!st.isFile()) {
      throw new VaultError(
        'FILE_UNREADABLE',
        `Cannot import "${path}": it is not a regular file (a pipe, socket or device).`,
      );
    }
    if (st.size === 0n) throw new VaultError('FILE_EMPTY', `Cannot import "${path}": it is empty.`);
    return { f: new Fd(fd), st };
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      /* the error that matters is e */
    }
    throw e;
  }
}

async function importFile(
  ctx: BlobContext,
  path: string,
  opts: ImportOptions | undefined,
  syncDirectory: boolean,
): Promise<BlobInfo> {
  if (opts?.signal?.aborted) throw cancelled(path);
  const { f, st } = openSource(path);
  try {
    const size = Number(st.size);
    const checkUnchanged = (): void => {
      const now = fs.fstatSync(f.fd, { bigint: true });
      if (now.size !== st.size) throw changed(path, 'changed size');
      if (now.mtimeNs !== st.mtimeNs) throw changed(path, 'was modified');
      const there = fs.statSync(path, { bigint: true, throwIfNoEntry: false });
      if (!there) throw changed(path, 'was deleted or moved');
      if (!sameFile(there, st)) throw changed(path, 'was replaced');
    };
    const sealed = await seal(ctx, path, fileChunks(f, path, size), size, opts, checkUnchanged);
    await commit(ctx, path, sealed, syncDirectory);
    return {
      blobId: sealed.blobId,
      sha256: sealed.sha256,
      size: sealed.size,
      mediaType: sealed.mediaType,
      fileModifiedAt: new Date(Number(st.mtimeNs / 1_000_000n)).toISOString(),
    };
  } finally {
    await f.closeQuietly();
  }
}

/** Imports one file. See the module comment; errors are VaultErrors naming `path`. */
export async function importBlobFromFile(ctx: BlobContext, path: string, opts?: ImportOptions): Promise<BlobInfo> {
  return importFile(ctx, path, opts, true);
}

/**
 * Imports several files, a few at a time, with one directory fsync for the batch. All or nothing: on the
 * first failure the other imports are stopped, every blob of the batch is removed, and that error is thrown.
 * onBytes reports the bytes of the whole batch.
 */
export async function importBlobsFromFiles(
  ctx: BlobContext,
  paths: string[],
  opts?: ImportOptions,
): Promise<BlobInfo[]> {
  if (opts?.signal?.aborted) throw cancelled(paths[0] ?? 'files');
  const stop = new AbortController();
  const signal = opts?.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  // Sizes (statSync: a few microseconds each, no thread pool) for progress and for the scheduler.
  const sizes = paths.map((p) => {
    try {
      const st = fs.statSync(p);
      return st.isFile() ? st.size : 0;
    } catch {
      return 0;
    }
  });
  const total = sizes.reduce((a, b) => a + b, 0);
  const doneEach = new Array<number>(paths.length).fill(0);
  let doneAll = 0;
  const results = new Array<BlobInfo | undefined>(paths.length);
  let firstError: unknown;
  const importOne = async (i: number): Promise<void> => {
    const p = paths[i] ?? '';
    try {
      results[i] = await importFile(
        ctx,
        p,
        {
          signal,
          onBytes: opts?.onBytes
            ? (d) => {
                doneAll += d - (doneEach[i] ?? 0);
                doneEach[i] = d;
                opts.onBytes?.(doneAll, Math.max(total, doneAll));
              }
            : undefined,
        },
        false,
      );
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

async function* streamChunks(source: AsyncIterable<unknown>, name: string): AsyncGenerator<Chunk, void, undefined> {
  // Coalesce the source's pieces into full chunks; hold one back until we know whether it is the last.
  let filling: Slot | undefined = takeSlot();
  let fill = 0;
  let held: Slot | undefined;
  try {
    try {
      for await (const piece of source) {
        const bytes =
          typeof piece === 'string' ? Buffer.from(piece) : piece instanceof Uint8Array ? piece : Buffer.from([]);
        let off = 0;
        while (off < bytes.length) {
          const slot: Slot = filling ?? takeSlot();
          filling = slot;
          const n = Math.min(bytes.length - off, BLOB_CHUNK_BYTES - fill);
          slot.plain.set(bytes.subarray(off, off + n), fill);
          fill += n;
          off += n;
          if (fill === BLOB_CHUNK_BYTES) {
            if (held) {
              const out = held;
              held = undefined;
              yield { slot: out, data: out.plain.subarray(0, BLOB_CHUNK_BYTES), final: false };
            }
            held = slot;
            filling = undefined;
            fill = 0;
          }
        }
      }
    } catch (e) {
      if (e instanceof VaultError) throw e;
      throw new VaultError(
        'FILE_UNREADABLE',
        `Cannot import "${name}": reading it failed (${workerFailure(e).message}).`,
        { cause: e },
      );
    }
    if (fill > 0 && filling) {
      if (held) {
        const out = held;
        held = undefined;
        yield { slot: out, data: out.plain.subarray(0, BLOB_CHUNK_BYTES), final: false };
      }
      const last = filling;
      filling = undefined;
      yield { slot: last, data: last.plain.subarray(0, fill), final: true };
    } else if (held) {
      const last = held;
      held = undefined;
      yield { slot: last, data: last.plain.subarray(0, BLOB_CHUNK_BYTES), final: true };
    }
  } finally {
    if (filling) giveSlot(filling);
    if (held) giveSlot(held);
  }
}

/** Imports from a stream (e.g. an e-mail attachment). fileModifiedAt is source.modifiedAt, else now. */
export async function importBlobFromStream(
  ctx: BlobContext,
  source: { name: string; modifiedAt?: string; stream: Readable },
  opts?: ImportOptions,
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
    const sealed = await seal(ctx, name, streamChunks(stream, name), undefined, opts, () => undefined);
    await commit(ctx, name, sealed, true);
    return {
      blobId: sealed.blobId,
      sha256: sealed.sha256,
      size: sealed.size,
      mediaType: sealed.mediaType,
      fileModifiedAt: modified.toISOString(),
    };
  } finally {
    opts?.signal?.removeEventListener('abort', onAbort);
    stream.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading back

function tampered(blobId: string, what: string): VaultError {
  return new VaultError('TAMPERED', `Exhibit file ${blobId} ${what}.`);
}

function blobPath(ctx: BlobContext, blobId: string): string {
  if (!BLOB_ID.test(blobId)) throw new VaultError('INVALID_INPUT', `"${blobId}" is not a blob id.`);
  return join(ctx.dir, blobId);
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
    fh = await open(path, fsc.O_RDONLY | fsc.O_NONBLOCK);
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
  return Readable.from(decryptBlob(ctx, blobId, expected), { objectMode: false, highWaterMark: BLOB_CHUNK_BYTES });
}

/** Decrypts the whole blob and checks size and SHA-256. null = fine, else a one-line problem. */
export async function verifyBlob(ctx: BlobContext, blobId: string, expected: ExpectedBlob): Promise<string | null> {
  try {
    for await (const chunk of decryptBlob(ctx, blobId, expected, true)) void chunk;
    return null;
  } catch (e) {
    if (e instanceof VaultError) return e.message;
    return `Exhibit file ${blobId} could not be checked (${errno(e) ?? workerFailure(e).message}).`;
  }
}

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
