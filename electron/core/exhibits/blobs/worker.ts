/**
 * The crypto worker thread for evidence files: crypto_secretstream_xchacha20poly1305 push/pull on 1 MiB
 * chunks, off the main thread, so that reading, hashing (main thread) and encrypting overlap.
 *
 * This module is the worker's whole program; it is never imported by the blob store. worker-code.ts turns
 * it into JavaScript text that pool.ts starts with `new Worker(code, { eval: true })` (see there why).
 * Its messages are in protocol.ts. push/pull call libsodium's crypto_secretstream_xchacha20poly1305_push
 * and _pull directly on buffers kept in the WebAssembly heap (the wrappers would allocate and copy twice
 * per chunk); init uses the wrappers. The same additional data (`ad`, binding every chunk to its blob id)
 * is used on every chunk of a stream.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type * as Sodium from 'libsodium-wrappers-sumo';
import type { WorkerData, WorkerReply, WorkerRequest } from './protocol.js';

/** The parts of the Emscripten module under libsodium-wrappers that this worker calls directly. */
interface RawSodium {
  HEAPU8: Uint8Array;
  _malloc(n: number): number;
  _free(ptr: number): void;
  _crypto_secretstream_xchacha20poly1305_statebytes(): number;
  _crypto_secretstream_xchacha20poly1305_push(
    state: number,
    c: number,
    clenP: number,
    m: number,
    mlen: number,
    mlenHi: number,
    ad: number,
    adlen: number,
    adlenHi: number,
    tag: number,
  ): number;
  _crypto_secretstream_xchacha20poly1305_pull(
    state: number,
    m: number,
    mlenP: number,
    tagP: number,
    c: number,
    clen: number,
    clenHi: number,
    ad: number,
    adlen: number,
    adlenHi: number,
  ): number;
}

interface Stream {
  /** Pointer to the crypto_secretstream state in the WebAssembly heap. */
  state: number;
  adPtr: number;
  adLen: number;
}

const ABYTES = 17;

const port = parentPort;
if (!port) throw new Error('the blob crypto worker runs only as a worker thread');
const { sodiumPath } = workerData as WorkerData;
// An eval'd worker resolves bare names from the working directory: the parent passes libsodium's path.
const sodium = createRequire(sodiumPath)(sodiumPath) as typeof Sodium;

const streams = new Map<number, Stream>();
const slots = new Map<number, SharedArrayBuffer>();
let backlog: WorkerRequest[] | null = [];
let raw: RawSodium;
let stateBytes = 52;
let cap = 0;
let inPtr = 0;
let outPtr = 0;
let tagPtr = 0;

/** The wrappers hand a stream state out as an opaque handle; underneath it is a heap pointer. */
function statePointer(state: Sodium.StateAddress): number {
  return state as unknown as number;
}

function ensure(n: number): void {
  if (n <= cap) return;
  if (inPtr) raw._free(inPtr);
  if (outPtr) raw._free(outPtr);
  inPtr = raw._malloc(n);
  outPtr = raw._malloc(n);
  if (!inPtr || !outPtr) throw new Error('out of memory');
  cap = n;
}

function wipe(ptr: number, n: number): void {
  raw.HEAPU8.fill(0, ptr, ptr + n);
  raw._free(ptr);
}

function open(sid: number, ad: Uint8Array, state: number): void {
  const adPtr = raw._malloc(Math.max(1, ad.length));
  raw.HEAPU8.set(ad, adPtr);
  streams.set(sid, { state, adPtr, adLen: ad.length });
}

function close(sid: number): void {
  const s = streams.get(sid);
  if (!s) return;
  streams.delete(sid);
  wipe(s.state, stateBytes);
  wipe(s.adPtr, Math.max(1, s.adLen));
}

function reply(r: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(r, transfer);
}

function stream(sid: number): Stream {
  const s = streams.get(sid);
  if (!s) throw new Error('unknown stream');
  return s;
}

function handle(m: WorkerRequest): void {
  try {
    switch (m.op) {
      case 'init-pull': {
        const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(m.header, m.key);
        open(m.sid, m.ad, statePointer(state));
        reply({ req: m.req });
        return;
      }
      case 'slot':
        slots.set(m.id, m.sab);
        return;
      case 'unslot':
        slots.delete(m.id);
        return;
      case 'push': {
        let header: Uint8Array | undefined;
        if (m.init) {
          const r = sodium.crypto_secretstream_xchacha20poly1305_init_push(m.init.key);
          open(m.sid, m.init.ad, statePointer(r.state));
          header = r.header;
        }
        const s = stream(m.sid);
        const sab = slots.get(m.slot);
        if (!sab) throw new Error('unknown slot');
        const len = m.len;
        ensure(len + ABYTES);
        raw.HEAPU8.set(new Uint8Array(sab, 0, len), inPtr);
        const tag = m.final
          ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
          : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
        const rc = raw._crypto_secretstream_xchacha20poly1305_push(
          s.state,
          outPtr,
          0,
          inPtr,
          len,
          0,
          s.adPtr,
          s.adLen,
          0,
          tag,
        );
        if (rc !== 0) throw new Error('encryption failed');
        new Uint8Array(sab, m.cipherAt, len + ABYTES).set(raw.HEAPU8.subarray(outPtr, outPtr + len + ABYTES));
        raw.HEAPU8.fill(0, inPtr, inPtr + len);
        if (m.final) close(m.sid);
        reply({ req: m.req, header });
        return;
      }
      case 'pull': {
        const s = stream(m.sid);
        const data = m.data;
        const back = data.buffer as ArrayBuffer;
        const len = data.length;
        let rc = -1;
        if (len >= ABYTES) {
          ensure(len);
          raw.HEAPU8.set(data, inPtr);
          rc = raw._crypto_secretstream_xchacha20poly1305_pull(
            s.state,
            outPtr,
            0,
            tagPtr,
            inPtr,
            len,
            0,
            s.adPtr,
            s.adLen,
            0,
          );
        }
        if (rc !== 0) {
          reply({ req: m.req, fail: true, back }, [back]);
          return;
        }
        const n = len - ABYTES;
        const out = m.out && m.out.buffer.byteLength >= n ? new Uint8Array(m.out.buffer, 0, n) : new Uint8Array(n);
        out.set(raw.HEAPU8.subarray(outPtr, outPtr + n));
        raw.HEAPU8.fill(0, outPtr, outPtr + n);
        const tag = raw.HEAPU8[tagPtr];
        reply({ req: m.req, data: out, tag, back }, [out.buffer as ArrayBuffer, back]);
        return;
      }
      case 'close':
        close(m.sid);
        return;
      default: {
        const unknown: { op?: unknown } = m;
        throw new Error(`unknown op ${String(unknown.op)}`);
      }
    }
  } catch (e) {
    if ('req' in m) reply({ req: m.req, error: String((e instanceof Error && e.message) || e) });
  }
}

port.on('message', (m: WorkerRequest) => {
  if (backlog) backlog.push(m);
  else handle(m);
});
void sodium.ready.then(() => {
  raw = (sodium as unknown as { libsodium: RawSodium }).libsodium;
  stateBytes = raw._crypto_secretstream_xchacha20poly1305_statebytes();
  tagPtr = raw._malloc(1);
  const b = backlog ?? [];
  backlog = null;
  for (const m of b) handle(m);
});
