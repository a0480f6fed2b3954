/**
 * The crypto worker for evidence files: crypto_secretstream_xchacha20poly1305 push/pull on 1 MiB chunks,
 * off the main thread, so that reading, hashing (main thread) and encrypting overlap.
 *
 * The source is plain JavaScript text run with `new Worker(WORKER_SOURCE, { eval: true })`: that loads the
 * same way under vitest/tsx (TypeScript sources) and inside the esbuild CommonJS bundles (dist/*.cjs), with
 * no extra build entry. The parent resolves libsodium-wrappers-sumo to an absolute path and passes it in
 * workerData.
 *
 * Protocol (every request but `close` has a numeric `req` and gets exactly one reply with the same `req`):
 *   { op: 'init-pull', req, sid, key, ad, header } -> { req }
 *   { op: 'slot', id, sab } / { op: 'unslot', id } (registers / forgets a shared chunk slot; no reply)
 *   { op: 'push', req, sid, slot, len, cipherAt, final, init? } -> { req, header? }
 *       encrypts bytes [0, len) of the slot into [cipherAt, cipherAt + len + 17) of the same slot: the
 *       chunk slots are SharedArrayBuffers, so nothing is copied or transferred between the threads and
 *       no ArrayBuffer churn makes the main thread's garbage collector run (it did, ~40 times per 1,000
 *       files, when chunks were transferred back and forth);
 *       init: { key, ad } on a stream's first chunk starts the stream (crypto_secretstream init_push);
 *       the reply then carries the stream header too (one round trip, not two, for a small file).
 *   { op: 'pull', req, sid, data, out }            -> { req, data, tag, back } | { req, fail: true, back }
 *       data (ciphertext) and out (optional buffer for the plaintext) are transferred and come back, so
 *       the parent can reuse them
 * push/pull call libsodium's crypto_secretstream_xchacha20poly1305_push/_pull directly on buffers kept in
 * the WebAssembly heap (the wrappers would allocate and copy twice per chunk); init uses the wrappers.
 *   { op: 'close', sid }                           (wipes and frees the stream state; no reply; a push
 *                                                   with final: true closes its stream by itself)
 *   any failure                                    -> { req, error: string }
 * The same additional data (`ad`, binding every chunk to its blob id) is used on every chunk of a stream.
 */
export const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const sodium = require(workerData.sodiumPath);
const ABYTES = 17;
const streams = new Map();
const slots = new Map();
let backlog = [];
let raw;
let stateBytes = 52;
let cap = 0;
let inPtr = 0;
let outPtr = 0;
let tagPtr = 0;

function ensure(n) {
  if (n <= cap) return;
  if (inPtr) raw._free(inPtr);
  if (outPtr) raw._free(outPtr);
  inPtr = raw._malloc(n);
  outPtr = raw._malloc(n);
  if (!inPtr || !outPtr) throw new Error('out of memory');
  cap = n;
}

function wipe(ptr, n) {
  raw.HEAPU8.fill(0, ptr, ptr + n);
  raw._free(ptr);
}

function open(m, state) {
  const adPtr = raw._malloc(Math.max(1, m.ad.length));
  raw.HEAPU8.set(m.ad, adPtr);
  streams.set(m.sid, { state, adPtr, adLen: m.ad.length });
}

function close(sid) {
  const s = streams.get(sid);
  if (!s) return;
  streams.delete(sid);
  wipe(s.state, stateBytes);
  wipe(s.adPtr, Math.max(1, s.adLen));
}

function handle(m) {
  try {
    switch (m.op) {
      case 'init-pull': {
        const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(m.header, m.key);
        open(m, state);
        parentPort.postMessage({ req: m.req });
        return;
      }
      case 'slot':
        slots.set(m.id, m.sab);
        return;
      case 'unslot':
        slots.delete(m.id);
        return;
      case 'push': {
        let header;
        if (m.init) {
          const r = sodium.crypto_secretstream_xchacha20poly1305_init_push(m.init.key);
          open({ sid: m.sid, ad: m.init.ad }, r.state);
          header = r.header;
        }
        const s = streams.get(m.sid);
        if (!s) throw new Error('unknown stream');
        const sab = slots.get(m.slot);
        if (!sab) throw new Error('unknown slot');
        const len = m.len;
        ensure(len + ABYTES);
        raw.HEAPU8.set(new Uint8Array(sab, 0, len), inPtr);
        const tag = m.final
          ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
          : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
        const rc = raw._crypto_secretstream_xchacha20poly1305_push(s.state, outPtr, 0, inPtr, len, 0, s.adPtr, s.adLen, 0, tag);
        if (rc !== 0) throw new Error('encryption failed');
        new Uint8Array(sab, m.cipherAt, len + ABYTES).set(raw.HEAPU8.subarray(outPtr, outPtr + len + ABYTES));
        raw.HEAPU8.fill(0, inPtr, inPtr + len);
        if (m.final) close(m.sid);
        parentPort.postMessage({ req: m.req, header });
        return;
      }
      case 'pull': {
        const s = streams.get(m.sid);
        if (!s) throw new Error('unknown stream');
        const len = m.data.length;
        let rc = -1;
        if (len >= ABYTES) {
          ensure(len);
          raw.HEAPU8.set(m.data, inPtr);
          rc = raw._crypto_secretstream_xchacha20poly1305_pull(s.state, outPtr, 0, tagPtr, inPtr, len, 0, s.adPtr, s.adLen, 0);
        }
        if (rc !== 0) {
          parentPort.postMessage({ req: m.req, fail: true, back: m.data.buffer }, [m.data.buffer]);
          return;
        }
        const out = m.out && m.out.buffer.byteLength >= len - ABYTES
          ? new Uint8Array(m.out.buffer, 0, len - ABYTES)
          : new Uint8Array(len - ABYTES);
        out.set(raw.HEAPU8.subarray(outPtr, outPtr + len - ABYTES));
        raw.HEAPU8.fill(0, outPtr, outPtr + len - ABYTES);
        const tag = raw.HEAPU8[tagPtr];
        parentPort.postMessage({ req: m.req, data: out, tag, back: m.data.buffer }, [out.buffer, m.data.buffer]);
        return;
      }
      case 'close':
        close(m.sid);
        return;
      default:
        throw new Error('unknown op ' + m.op);
    }
  } catch (e) {
    if (m.req !== undefined) parentPort.postMessage({ req: m.req, error: String((e && e.message) || e) });
  }
}

parentPort.on('message', (m) => {
  if (backlog) backlog.push(m);
  else handle(m);
});
sodium.ready.then(() => {
  raw = sodium.libsodium;
  stateBytes = raw._crypto_secretstream_xchacha20poly1305_statebytes();
  tagPtr = raw._malloc(1);
  const b = backlog;
  backlog = null;
  for (const m of b) handle(m);
});
`;
