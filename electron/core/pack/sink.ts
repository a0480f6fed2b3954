/**
 * Where a pack's files go while it is made: a folder under a temporary name, or a ZIP (yazl,
 * streaming, ZIP64 when needed) under a temporary name. Nothing is visible under the final name
 * until commit(); abort() removes everything written.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, fdatasync, promises as fsp, type WriteStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import path from 'node:path';
import { PassThrough, Readable, Transform, Writable } from 'node:stream';
import { BLOB_CHUNK_BYTES } from '../exhibits/blobs/index.js';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { VaultError } from '../../../shared/errors.js';

export interface AddedFile {
  size: number;
  /** SHA-256 of the bytes written, when the sink was asked to hash them. */
  sha256: string | null;
}

export interface AddOptions {
  /** Hash the bytes as they are written (default true). */
  hash?: boolean;
  /** The file's modification time in the pack (default now). */
  mtime?: Date;
}

/**
 * A file's bytes as chunks in reused buffers (the vault's openExhibitChunks): each chunk is valid only
 * until the next is asked for. A folder writes each chunk before it asks for the next, so a 1 GiB
 * exhibit makes no per-chunk garbage; the ZIP and the tee, which keep chunks a while, copy them.
 */
export interface ChunkSource {
  chunks: AsyncIterable<Buffer>;
}

export type SinkSource = Uint8Array | string | Readable | ChunkSource;

function isChunkSource(s: SinkSource): s is ChunkSource {
  return typeof s === 'object' && 'chunks' in s;
}

export interface PackSink {
  /** Write one file (relative bag path with '/'), from bytes, a stream or chunks. */
  add(relPath: string, source: SinkSource, opts?: AddOptions): Promise<AddedFile>;
  /** The exhibits are written: buffers kept for their chunks are let go (the documents come next). */
  exhibitsWritten(): void;
  commit(): Promise<{ packSha256: string | null }>;
  abort(): Promise<void>;
}

/**
 * yazl computes each entry's CRC-32 with buffer-crc32, in JavaScript (about 200 MiB/s here); Node's
 * zlib.crc32 (native, Node ≥ 20.15) is about 4-5 times faster. Point yazl's copy at it, once, after
 * checking both give the same answers; otherwise leave yazl as it is.
 */
let crcPatched = false;
function fastYazlCrc(): void {
  if (crcPatched) return;
  crcPatched = true;
  const native = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (typeof native !== 'function') return;
  try {
    const fromHere = createRequire(import.meta.url);
    const fromYazl = createRequire(fromHere.resolve('yazl'));
    const mod = fromYazl('buffer-crc32') as { unsigned?: (buf: Buffer, previous?: number | Buffer) => number };
    const original = mod.unsigned;
    if (typeof original !== 'function') return;
    const probe = Buffer.from('Evidence Vault case pack CRC probe \u00e9\u2713', 'utf8');
    const fast = (buf: Buffer, previous?: number | Buffer): number =>
      typeof previous === 'number' || previous === undefined ? native(buf, previous ?? 0) : original(buf, previous);
    if (fast(probe) !== original(probe) || fast(probe, 12345) !== original(probe, 12345)) return;
    mod.unsigned = fast;
  } catch {
    // yazl keeps its own CRC-32.
  }
}

/** Ask the kernel to write back every this many bytes written (see earlyWriteBack). */
const SYNC_EVERY_BYTES = 64 << 20;

interface WriteBack {
  /** Count bytes passed on to the file. */
  wrote(n: number): void;
  /** Resolves when no background sync is running (call before the file is closed). */
  settled(): Promise<void>;
}

/**
 * Starts write-back early, as the vault's import does: a background fdatasync every SYNC_EVERY_BYTES keeps
 * few dirty pages, so writes are not throttled by the kernel and the final fsync (the sink's durability
 * point, unchanged) has little left to do: for a 1 GiB ZIP it took ~0.45 s, now ~0.05 s. Errors are
 * ignored here; the final fsync reports them. At most one sync runs at a time; a stage before the file
 * awaits settled() in its flush, so on success no sync is left running when the file is closed (after a
 * failure one may still finish on a closed descriptor: EBADF, ignored).
 */
function earlyWriteBack(out: WriteStream): WriteBack {
  let fd: number | undefined;
  out.once('open', (n: number) => (fd = n));
  let since = 0;
  let syncing: Promise<void> | undefined;
  return {
    wrote(n) {
      since += n;
      if (since < SYNC_EVERY_BYTES || fd === undefined || syncing) return;
      since = 0;
      const d = fd;
      syncing = new Promise<void>((resolve) => fdatasync(d, () => resolve())).then(() => {
        syncing = undefined;
      });
    },
    settled: () => syncing ?? Promise.resolve(),
  };
}

/**
 * The hidden temporary name a pack (or its .sha256 file) is written under, beside its final name.
 * The exporter records it in the vault before the first byte (../records/exports.ts), so a killed
 * export's leftovers are removed by the next open.
 */
export function partialPath(finalPath: string): string {
  return path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.partial-${randomBytes(4).toString('hex')}`);
}

/** Map low-level write errors to clear VaultErrors. */
export function mapWriteError(e: unknown, where: string): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return new VaultError(
      'DISK_FULL',
      `The disk is full (or the file is too large) while writing the case pack to ${where}. Nothing was kept.`,
      { cause: e },
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new VaultError('FILE_UNREADABLE', `Cannot write the case pack to ${where}: permission denied.`, {
      cause: e,
    });
  }
  return e;
}

function hasher(onDone: (sha: string, size: number) => void, hash: boolean, wb?: WriteBack): Transform {
  const h = hash ? createHash('sha256') : null;
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      h?.update(chunk);
      wb?.wrote(chunk.length);
      cb(null, chunk);
    },
    flush(cb) {
      onDone(h ? h.digest('hex') : '', size);
      if (wb) void wb.settled().then(() => cb());
      else cb();
    },
  });
}

function toReadable(source: SinkSource): Readable | Buffer {
  if (typeof source === 'string') return Buffer.from(source, 'utf8');
  // A sink that keeps chunks a while (yazl, the tee's pipes) gets copies, never the reused buffers.
  if (isChunkSource(source)) {
    const chunks = source.chunks;
    return Readable.from(
      (async function* () {
        for await (const c of chunks) yield Buffer.from(c);
      })(),
      { objectMode: false, highWaterMark: 1 << 20 },
    );
  }
  if (source instanceof Uint8Array) return Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  return source;
}

export class FolderSink implements PackSink {
  readonly tempDir: string;
  private madeDirs = new Set<string>();
  /** Files written, fsynced together in commit(): the kernel writes them back meanwhile. */
  private written: string[] = [];
  private constructor(
    readonly finalPath: string,
    tempDir: string,
  ) {
    this.tempDir = tempDir;
  }

  /** tempDir: where the folder is written until commit() (default: a new partialPath). */
  static async create(finalPath: string, tempDir = partialPath(finalPath)): Promise<FolderSink> {
    const s = new FolderSink(finalPath, tempDir);
    try {
      await fsp.mkdir(s.tempDir, { recursive: false });
    } catch (e) {
      throw mapWriteError(e, path.dirname(finalPath));
    }
    return s;
  }

  async add(relPath: string, source: SinkSource, opts?: AddOptions): Promise<AddedFile> {
    const full = path.join(this.tempDir, ...relPath.split('/'));
    const dir = path.dirname(full);
    if (!this.madeDirs.has(dir)) {
      await fsp.mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    try {
      if (isChunkSource(source)) {
        const added = await writeChunks(full, source.chunks, opts?.hash !== false, () => this.written.push(full));
        if (opts?.mtime && Number.isFinite(opts.mtime.getTime())) await fsp.utimes(full, opts.mtime, opts.mtime);
        return added;
      }
      const src = toReadable(source);
      if (Buffer.isBuffer(src)) {
        const fh = await fsp.open(full, 'wx');
        try {
          await fh.writeFile(src);
        } finally {
          await fh.close();
        }
        this.written.push(full);
        const sha = opts?.hash === false ? null : createHash('sha256').update(src).digest('hex');
        return { size: src.length, sha256: sha };
      }
      let sha = '';
      let size = 0;
      const out = createWriteStream(full, { flags: 'wx', highWaterMark: 1 << 20 });
      this.written.push(full);
      const wb = earlyWriteBack(out);
      try {
        await pipeline(
          src,
          hasher(
            (s, n) => {
              sha = s;
              size = n;
            },
            opts?.hash !== false,
            wb,
          ),
          out,
        );
      } finally {
        await wb.settled();
      }
      if (opts?.mtime && Number.isFinite(opts.mtime.getTime())) await fsp.utimes(full, opts.mtime, opts.mtime);
      return { size, sha256: opts?.hash === false ? null : sha };
    } catch (e) {
      await fsp.rm(full, { force: true }).catch(() => undefined);
      throw mapWriteError(e, this.finalPath);
    }
  }

  exhibitsWritten(): void {
    // A folder keeps no buffers of its own: each chunk is written from the vault's.
  }

  async commit(): Promise<{ packSha256: string | null }> {
    try {
      for (const f of this.written) {
        const fh = await fsp.open(f, 'r');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
      }
    } catch (e) {
      throw mapWriteError(e, this.finalPath);
    }
    for (const d of this.madeDirs) await syncDir(d);
    await syncDir(this.tempDir);
    // The final path may exist as an empty folder (checked earlier); replace it.
    await fsp.rmdir(this.finalPath).catch(() => undefined);
    await fsp.rename(this.tempDir, this.finalPath);
    await syncDir(path.dirname(this.finalPath));
    return { packSha256: null };
  }

  async abort(): Promise<void> {
    await fsp.rm(this.tempDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Reused buffers for the ZIP's copies of chunks: one is taken for each chunk and given back once the
 * ZIP file has written it (at most `most` are made; a taker waits for one to come back).
 */
class ChunkRing {
  private readonly free: Buffer[] = [];
  private readonly ours = new Map<ArrayBufferLike, Buffer>();
  private readonly waiting: ((b: Buffer) => void)[] = [];
  constructor(
    readonly size: number,
    private readonly most: number,
  ) {}

  take(): Promise<Buffer> {
    const b = this.free.pop();
    if (b) return Promise.resolve(b);
    if (this.ours.size < this.most) {
      const made = Buffer.allocUnsafeSlow(this.size);
      this.ours.set(made.buffer, made);
      return Promise.resolve(made);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** A chunk now on disk: if it is a view of one of the ring's buffers, that buffer is free again. */
  written(chunk: Buffer): void {
    const b = this.ours.get(chunk.buffer);
    if (!b) return;
    const next = this.waiting.shift();
    if (next) next(b);
    else this.free.push(b);
  }

  /**
   * With no taker waiting: the ring gives up its buffers (those still being written are dropped as they
   * come back; a later entry makes new ones).
   */
  release(): void {
    if (this.waiting.length > 0) return;
    this.free.length = 0;
    this.ours.clear();
  }
}

/** All of a chunk, at the file's end (a write may take only part of it). */
async function writeAll(fh: FileHandle, chunk: Buffer): Promise<void> {
  for (let off = 0; off < chunk.length;) off += (await fh.write(chunk, off, chunk.length - off, null)).bytesWritten;
}

/** earlyWriteBack for a file held by its FileHandle (`handle` gives it once it is open). */
function handleWriteBack(handle: () => FileHandle | undefined): WriteBack {
  let since = 0;
  let syncing: Promise<void> | undefined;
  return {
    wrote(n) {
      since += n;
      const fh = handle();
      if (since < SYNC_EVERY_BYTES || !fh || syncing) return;
      since = 0;
      syncing = fh.datasync().then(
        () => void (syncing = undefined),
        () => void (syncing = undefined), // the final fsync reports it
      );
    },
    settled: () => syncing ?? Promise.resolve(),
  };
}

/**
 * The ZIP's file: each chunk written in full at the end (then `written` is told of it), with the same
 * early write-back as earlyWriteBack, and an fsync before it is closed.
 */
function zipFileWriter(file: string, written: (chunk: Buffer) => void): { stream: Writable; writeBack: WriteBack } {
  let fh: FileHandle | undefined;
  const writeBack = handleWriteBack(() => fh);
  const stream = new Writable({
    highWaterMark: 1 << 20,
    construct(cb) {
      fsp.open(file, 'wx').then((h) => {
        fh = h;
        cb();
      }, cb);
    },
    write(chunk: Buffer, _enc, cb) {
      writeAll(fh!, chunk).then(() => {
        writeBack.wrote(chunk.length);
        written(chunk);
        cb();
      }, cb);
    },
    final(cb) {
      void writeBack
        .settled()
        .then(() => fh?.sync())
        .then(() => cb(), cb);
    },
    destroy(err, cb) {
      void writeBack
        .settled()
        .then(() => fh?.close())
        .then(
          () => cb(err),
          () => cb(err),
        );
    },
  });
  return { stream, writeBack };
}

/** A consumer of lockstep() that stopped because another failed. */
class Stopped extends Error {}

/**
 * One source of reused-buffer chunks for several consumers at once: the next chunk is read only when
 * every consumer has asked for it (so each is done with the one before). A consumer that stops
 * early (its sink failed) stops the source, and the others get Stopped.
 */
function lockstep(source: AsyncIterable<Buffer>, n: number): AsyncIterable<Buffer>[] {
  const it = source[Symbol.asyncIterator]();
  let waiting: { resolve(r: IteratorResult<Buffer>): void; reject(e: unknown): void }[] = [];
  let stopped = false;
  const pull = (): void => {
    if (waiting.length < n) return;
    const round = waiting;
    waiting = [];
    it.next().then(
      (r) => round.forEach((w) => w.resolve(r)),
      (e: unknown) => round.forEach((w) => w.reject(e)),
    );
  };
  const consumer = (): AsyncIterator<Buffer> => ({
    next: () =>
      stopped
        ? Promise.reject(new Stopped('another copy of this file failed'))
        : new Promise<IteratorResult<Buffer>>((resolve, reject) => {
            waiting.push({ resolve, reject });
            pull();
          }),
    return: async () => {
      if (!stopped) {
        stopped = true;
        const left = waiting;
        waiting = [];
        for (const w of left) w.reject(new Stopped('another copy of this file failed'));
        await it.return?.();
      }
      return { done: true, value: undefined };
    },
  });
  return Array.from({ length: n }, () => ({ [Symbol.asyncIterator]: consumer }));
}

/**
 * Writes chunks to a new file, each in full before the next is asked for (so reused buffers are safe),
 * with the same early write-back as earlyWriteBack: a background fdatasync every SYNC_EVERY_BYTES.
 */
async function writeChunks(
  full: string,
  chunks: AsyncIterable<Buffer>,
  hash: boolean,
  opened: () => void,
): Promise<AddedFile> {
  const fh = await fsp.open(full, 'wx');
  opened();
  const h = hash ? createHash('sha256') : null;
  const wb = handleWriteBack(() => fh);
  let size = 0;
  try {
    for await (const chunk of chunks) {
      await writeAll(fh, chunk);
      h?.update(chunk);
      size += chunk.length;
      wb.wrote(chunk.length);
    }
  } finally {
    await wb.settled();
    await fh.close();
  }
  return { size, sha256: h ? h.digest('hex') : null };
}

async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await fsp.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

export class ZipSink implements PackSink {
  readonly tempFile: string;
  private zip = new yazl.ZipFile();
  private done: Promise<void>;
  private failed: unknown = null;
  private sha = createHash('sha256');
  private readonly writeBack: WriteBack;
  private readonly ring = new ChunkRing(BLOB_CHUNK_BYTES, 8);
  private constructor(
    readonly finalPath: string,
    /** Folder name inside the ZIP (the bag's base directory). */
    readonly root: string,
    tempFile: string,
  ) {
    this.tempFile = tempFile;
    const file = zipFileWriter(this.tempFile, (chunk) => {
      this.sha.update(chunk);
      // yazl passes an entry's data through as the same Buffer objects: a copy in a ring buffer is free again here.
      this.ring.written(chunk);
    });
    this.writeBack = file.writeBack;
    this.done = pipeline(this.zip.outputStream as unknown as Readable, file.stream).catch((e: unknown) => {
      this.failed = mapWriteError(e, finalPath);
      throw this.failed;
    });
    this.done.catch(() => undefined);
  }

  /** tempFile: where the ZIP is written until commit() (default: a new partialPath). */
  static create(finalPath: string, root: string, tempFile = partialPath(finalPath)): ZipSink {
    fastYazlCrc();
    return new ZipSink(finalPath, root, tempFile);
  }

  async add(relPath: string, source: SinkSource, opts?: AddOptions): Promise<AddedFile> {
    if (this.failed) throw this.failed;
    const name = `${this.root}/${relPath}`;
    const mtime = opts?.mtime && Number.isFinite(opts.mtime.getTime()) ? opts.mtime : new Date();
    if (isChunkSource(source)) return this.addChunks(name, source.chunks, mtime, opts?.hash !== false);
    const src = toReadable(source);
    if (Buffer.isBuffer(src)) {
      this.zip.addBuffer(src, name, { mtime, compress: src.length > 512 });
      const sha = opts?.hash === false ? null : createHash('sha256').update(src).digest('hex');
      return { size: src.length, sha256: sha };
    }
    let sha = '';
    let size = 0;
    const pass = new PassThrough({ highWaterMark: 1 << 20 });
    this.zip.addReadStream(pass, name, { mtime, compress: false });
    try {
      await Promise.race([
        pipeline(
          src,
          hasher((s, n) => {
            sha = s;
            size = n;
          }, opts?.hash !== false),
          pass,
        ),
        this.done,
      ]);
    } catch (e) {
      throw mapWriteError(e, this.finalPath);
    }
    return { size, sha256: opts?.hash === false ? null : sha };
  }

  /**
   * Each chunk is copied into a ring buffer (taken back once the ZIP file holds it) before the next
   * is read, so the vault's reused buffers are never kept and a long exhibit makes no garbage.
   */
  private async addChunks(name: string, chunks: AsyncIterable<Buffer>, mtime: Date, hash: boolean): Promise<AddedFile> {
    const pass = new PassThrough({ highWaterMark: 1 << 20 });
    this.zip.addReadStream(pass, name, { mtime, compress: false });
    const h = hash ? createHash('sha256') : null;
    let size = 0;
    const orFailure = <T>(p: Promise<T>): Promise<T> => Promise.race([p, this.done.then(() => p)]);
    try {
      for await (const chunk of chunks) {
        if (this.failed) throw this.failed;
        const copy =
          chunk.length <= this.ring.size ? await orFailure(this.ring.take()) : Buffer.allocUnsafe(chunk.length);
        chunk.copy(copy, 0, 0, chunk.length);
        const view = copy.subarray(0, chunk.length);
        h?.update(view);
        size += view.length;
        if (!pass.write(view)) await orFailure(once(pass, 'drain'));
      }
      pass.end();
    } catch (e) {
      // The entry is cut short; the reason goes to the exporter (which aborts the ZIP), not to yazl,
      // which may not be listening to this entry yet.
      pass.on('error', () => undefined);
      pass.destroy(e instanceof Error ? e : new Error(String(e)));
      throw mapWriteError(e, this.finalPath);
    }
    return { size, sha256: h ? h.digest('hex') : null };
  }

  exhibitsWritten(): void {
    this.ring.release();
  }

  async commit(): Promise<{ packSha256: string | null }> {
    this.zip.end();
    await this.done;
    const hex = this.sha.digest('hex');
    await fsp.rename(this.tempFile, this.finalPath);
    await syncDir(path.dirname(this.finalPath));
    return { packSha256: hex };
  }

  async abort(): Promise<void> {
    const out = this.zip.outputStream as unknown as Readable;
    out.destroy();
    await this.done.catch(() => undefined);
    await this.writeBack.settled();
    await fsp.rm(this.tempFile, { force: true }).catch(() => undefined);
  }
}

/**
 * The same pack written to several sinks at once (a folder and its ZIP): each file's bytes are
 * read once and go to every sink together, at the pace of the slowest. commit() commits each in
 * turn and, if one fails, removes those already in place, so both exist or neither.
 */
export class TeeSink implements PackSink {
  private committed: string[] = [];
  constructor(private readonly sinks: (FolderSink | ZipSink)[]) {}

  async add(relPath: string, source: SinkSource, opts?: AddOptions): Promise<AddedFile> {
    if (isChunkSource(source)) {
      // Each chunk goes to every sink, and the next is read only when all are done with it.
      const parts = lockstep(source.chunks, this.sinks.length);
      const settled = await Promise.allSettled(this.sinks.map((s, i) => s.add(relPath, { chunks: parts[i]! }, opts)));
      const failures = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
      // The sink that failed first names the reason; the others only stopped because of it.
      if (failures.length > 0) throw failures.find((e) => !(e instanceof Stopped)) ?? failures[0];
      const first = settled[0];
      return first?.status === 'fulfilled' ? first.value : { size: 0, sha256: null };
    }
    const src = toReadable(source);
    if (Buffer.isBuffer(src)) {
      const all = await Promise.all(this.sinks.map((s) => s.add(relPath, src, opts)));
      return all[0] ?? { size: src.length, sha256: null };
    }
    const outs = this.sinks.map(() => new PassThrough({ highWaterMark: 1 << 20 }));
    src.on('error', (e) => outs.forEach((o) => o.destroy(e)));
    for (const o of outs) src.pipe(o);
    const settled = await Promise.allSettled(
      this.sinks.map((s, i) =>
        s.add(relPath, outs[i] as PassThrough, opts).catch((e: unknown) => {
          // One sink failing stops the others: the source is not read on for them alone.
          src.destroy(e instanceof Error ? e : new Error(String(e)));
          throw e;
        }),
      ),
    );
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const first = settled[0];
    return first?.status === 'fulfilled' ? first.value : { size: 0, sha256: null };
  }

  exhibitsWritten(): void {
    for (const s of this.sinks) s.exhibitsWritten();
  }

  async commit(): Promise<{ packSha256: string | null }> {
    let packSha256: string | null = null;
    try {
      for (const s of this.sinks) {
        const r = await s.commit();
        this.committed.push(s.finalPath);
        packSha256 = packSha256 ?? r.packSha256;
      }
    } catch (e) {
      for (const p of this.committed) await fsp.rm(p, { recursive: true, force: true }).catch(() => undefined);
      throw e;
    }
    return { packSha256 };
  }

  async abort(): Promise<void> {
    for (const s of this.sinks) await s.abort();
  }
}

/** Before anything is written: the output must be new (or an empty folder); its parent is made if missing. */
export async function checkOutput(out: string, format: 'folder' | 'zip' | 'both' | 'portal'): Promise<void> {
  const st = await fsp.stat(out).catch(() => null);
  if (format === 'both') {
    // A folder the pack's folder and ZIP go in, named by the pack id: it may already hold other packs.
    if (st && !st.isDirectory())
      throw new VaultError(
        'OUTPUT_EXISTS',
        `${out} is a file, not a folder: choose a folder to save the case pack in.`,
      );
    if (!st) await fsp.mkdir(out, { recursive: true }).catch((e: unknown) => Promise.reject(mapWriteError(e, out)));
    return;
  }
  if (st) {
    if (format === 'folder' || format === 'portal') {
      if (!st.isDirectory())
        throw new VaultError('OUTPUT_EXISTS', `${out} already exists and is not a folder: choose a new name.`);
      if ((await fsp.readdir(out)).length > 0) {
        throw new VaultError('OUTPUT_EXISTS', `${out} already exists and is not empty: choose a new or empty folder.`);
      }
    } else {
      throw new VaultError('OUTPUT_EXISTS', `${out} already exists: choose a new file name.`);
    }
  }
  if (format === 'zip' && (await fsp.stat(`${out}.sha256`).catch(() => null))) {
    throw new VaultError('OUTPUT_EXISTS', `${out}.sha256 already exists: choose a new file name.`);
  }
  const parent = path.dirname(out);
  const pst = await fsp.stat(parent).catch(() => null);
  if (!pst) await fsp.mkdir(parent, { recursive: true }).catch((e: unknown) => Promise.reject(mapWriteError(e, out)));
  else if (!pst.isDirectory()) throw new VaultError('INVALID_INPUT', `${parent} is not a folder.`);
}
