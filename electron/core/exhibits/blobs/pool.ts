/**
 * The crypto worker pool: worker threads running worker.ts, the secretstreams on them, and the reusable
 * chunk memory (shared slots for import, pooled transferable buffers for reading back).
 *
 * The worker's program is JavaScript text started with `eval: true` (worker-code.ts says why and how it is
 * made). The parent resolves libsodium-wrappers-sumo to an absolute path and passes it in workerData.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ABYTES, BLOB_CHUNK_BYTES, asError } from './format.js';
import type { Notice, Question, WorkerData, WorkerReply } from './protocol.js';
import { workerCode } from './worker-code.js';

/** Chunks between read and written, per file (each ~1 MiB plain + ~1 MiB cipher at most). */
export const MAX_IN_FLIGHT = 4;
/** In chunk slots (2 MiB each): 12 small files at once, or 2 big ones (MAX_IN_FLIGHT + 1 slots each). */
export const BATCH_BUDGET_SLOTS = 12;

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
    const workerData: WorkerData = { sodiumPath: resolveSodium() };
    this.worker = new Worker(workerCode(), { eval: true, workerData });
    this.worker.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.req);
      if (!p) return;
      this.pending.delete(m.req);
      if (this.pending.size === 0) this.worker.unref();
      p.resolve(m);
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`blob crypto worker exited (${code})`)));
    // After the listeners: adding a 'message' listener refs the worker again, and a worker that never
    // got a request (an import whose first read failed) would then keep the process alive.
    this.worker.unref();
  }

  private fail(e: Error): void {
    this.dead ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    const i = workers.indexOf(this);
    if (i >= 0) workers.splice(i, 1);
  }

  request(msg: Question, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    if (this.dead) return Promise.reject(this.dead);
    const req = this.nextReq++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(req, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...msg, req }, transfer);
    });
  }

  send(msg: Notice): void {
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

/**
 * Reusable transferable buffers of one capacity: chunks travel to the worker and back (transferred, not
 * copied) and are reused, so reading a big blob makes no per-chunk garbage and memory stays flat.
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];
  constructor(readonly capacity: number) {}
  take(): ArrayBuffer {
    return this.free.pop() ?? new ArrayBuffer(this.capacity);
  }
  give(ab: ArrayBuffer | undefined): void {
    if (ab && ab.byteLength === this.capacity && this.free.length < 24) this.free.push(ab);
  }
  /** Gives up the buffers kept for reuse (the next take() makes a new one). */
  release(): void {
    this.free.length = 0;
  }
}
export const plainPool = new BufferPool(BLOB_CHUNK_BYTES);
export const cipherPool = new BufferPool(BLOB_CHUNK_BYTES + ABYTES);

/**
 * After a long read (an export's exhibits): the chunk buffers kept for the next one are let go, so that
 * what comes next (drawing the pack's PDFs) does not stack its memory on theirs. Reads still running
 * keep theirs; the pools fill again as chunks come back.
 */
export function releaseChunkBuffers(): void {
  plainPool.release();
  cipherPool.release();
}

/** A chunk buffer of `n` bytes: a pooled transferable buffer when it fits, else a fresh one. */
export function chunkBuffer(n: number, pool: BufferPool = plainPool): Buffer {
  const ab = n <= pool.capacity ? pool.take() : new ArrayBuffer(n);
  return Buffer.from(ab, 0, n);
}

/** Room for a chunk plus one byte (the last read asks for one more, to notice a file that grew). */
const SLOT_PLAIN = BLOB_CHUNK_BYTES + 1;

/**
 * A chunk slot for import: one SharedArrayBuffer holding a plaintext chunk and, after it, its ciphertext.
 * Main reads and hashes into it, the worker encrypts from it into it, main writes the ciphertext from it:
 * no copies or transfers between threads, and no ArrayBuffer churn for the garbage collector. Slots are
 * reused; each worker is told about a slot once.
 */
export class Slot {
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
export function takeSlot(): Slot {
  return freeSlots.pop() ?? new Slot();
}
export function giveSlot(slot: Slot): void {
  if (freeSlots.length < MAX_FREE_SLOTS) {
    freeSlots.push(slot);
    return;
  }
  for (const w of slot.workers) w.send({ op: 'unslot', id: slot.id });
  slot.workers.clear();
}

/** One secretstream (push or pull) on one worker. Requests are answered in order. */
export class SecretStream {
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
      throw asError(e);
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
      header?.reject(asError(e));
      throw asError(e);
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
