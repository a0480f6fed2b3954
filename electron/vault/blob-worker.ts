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
 *   { op: 'init-push', req, sid, key, ad }        -> { req, header }
 *   { op: 'init-pull', req, sid, key, ad, header } -> { req }
 *   { op: 'push', req, sid, data, final }          -> { req, data }            (data transferred both ways)
 *   { op: 'pull', req, sid, data }                 -> { req, data, tag } | { req, fail: true }
 *   { op: 'close', sid }                           (wipes and frees the stream state; no reply)
 *   any failure                                    -> { req, error: string }
 * The same additional data (`ad`, binding every chunk to its blob id) is used on every chunk of a stream.
 */
export const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const sodium = require(workerData.sodiumPath);
const streams = new Map();
let backlog = [];
let raw;
let stateBytes = 52;

function wipe(state) {
  try {
    raw.HEAPU8.fill(0, state, state + stateBytes);
    raw._free(state);
  } catch {}
}

function handle(m) {
  try {
    switch (m.op) {
      case 'init-push': {
        const r = sodium.crypto_secretstream_xchacha20poly1305_init_push(m.key);
        streams.set(m.sid, { state: r.state, ad: m.ad });
        parentPort.postMessage({ req: m.req, header: r.header });
        return;
      }
      case 'init-pull': {
        const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(m.header, m.key);
        streams.set(m.sid, { state, ad: m.ad });
        parentPort.postMessage({ req: m.req });
        return;
      }
      case 'push': {
        const s = streams.get(m.sid);
        if (!s) throw new Error('unknown stream');
        const tag = m.final
          ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
          : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
        const c = sodium.crypto_secretstream_xchacha20poly1305_push(s.state, m.data, s.ad, tag);
        parentPort.postMessage({ req: m.req, data: c }, [c.buffer]);
        return;
      }
      case 'pull': {
        const s = streams.get(m.sid);
        if (!s) throw new Error('unknown stream');
        let r = false;
        try {
          r = sodium.crypto_secretstream_xchacha20poly1305_pull(s.state, m.data, s.ad);
        } catch {
          r = false;
        }
        if (!r) parentPort.postMessage({ req: m.req, fail: true });
        else parentPort.postMessage({ req: m.req, data: r.message, tag: r.tag }, [r.message.buffer]);
        return;
      }
      case 'close': {
        const s = streams.get(m.sid);
        if (s) {
          streams.delete(m.sid);
          wipe(s.state);
        }
        return;
      }
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
  try {
    stateBytes = raw._crypto_secretstream_xchacha20poly1305_statebytes();
  } catch {}
  const b = backlog;
  backlog = null;
  for (const m of b) handle(m);
});
`;
