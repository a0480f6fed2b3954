/**
 * The extraction thread: the libraries that read what files say (pdf-lib, exifr, postal-mime, and pdfjs
 * for the PDFs pdf-lib cannot read) run in one worker thread beside the import, not on its main thread
 * (which reads, hashes, sniffs and writes while the blob crypto worker encrypts). Each library is loaded
 * there once per process: at the first request, or earlier (warmExtractionThread) when a batch about to be
 * imported has files of its kind; the CLI starts the thread before it unlocks the vault.
 *
 * The program is plain JavaScript text started with `eval: true` (as the blob crypto worker is, and for the
 * same reason: it loads the same way from source, from the bundles and from app.asar); each library is
 * found there from this module's place (pdfjs, an ES module, loaded by its file URL). It is given
 * bytes, never a path or a URL, and fetches nothing. An idle thread never keeps the process alive.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Requests { id, op, data, options }:
 *   op 'pdf'   (options { fields, dateFields, whole? }): the document information read with pdf-lib's parser
 *              (its minified bundle: a fifth of pdfjs's load): the quick way (viaXref: only the objects the
 *              newest trailer leads to, where the cross-reference data says they are) or, when that is not
 *              possible or `whole` asks, by parsing every object; reply { info, present, dates, via } (each
 *              field as text when a string, the fields present at all, each date field pdf-lib could read as
 *              ISO 8601, 'xref' or 'whole'), or { encrypted: true } for an encrypted PDF (its strings are
 *              ciphertext), { unreadable: true } when pdf-lib found no document catalog (pdfjs is asked then);
 *   op 'pdfjs' (the same options and reply, read with pdfjs, which decrypts a PDF that has no user password);
 *   op 'exif'  (options: exifr's): reply { tags } (exifr.parse's result, or null);
 *   op 'mail'  (options: postal-mime's): reply { mail } (the parsed headers and addresses);
 *   op 'load'  (options { libs }): loads those libraries now (ahead of the batch's first file), reply {};
 * or { id, error: { name, message } }. Requests come in batches (one message, an array), are taken one at a
 * time in the order sent, and each batch is answered in one message (an array of replies): a message costs
 * both threads far more than a file's metadata does. While it works on a request the thread keeps its id in
 * workerData.busy (an Int32Array on shared memory, 0 when idle), from which the main thread tells how long
 * it has been at it: no message is needed to start a request's time limit.
 */
const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
// The libraries are found from the core's own place (workerData.from), here rather than on the main thread:
// finding them reads their package files, a few milliseconds the import's start need not wait for.
const found = require('node:module').createRequire(workerData.from);
// The libraries' own warnings never reach the CLI's or the app's output.
for (const k of ['log', 'info', 'warn', 'error', 'debug', 'trace']) console[k] = () => {};
let pdfjsLoading, pdfLib, exifr, PostalMime;
const exifOptions = new Map();
const PDF_OPTIONS = {
  isEvalSupported: false, disableFontFace: true, useSystemFonts: false, useWorkerFetch: false, useWasm: false,
  isOffscreenCanvasSupported: false, isImageDecoderSupported: false, disableAutoFetch: true,
  disableStream: true, disableRange: true, enableXfa: false, stopAtErrors: false, verbosity: 0,
};
function pdfjs() {
  pdfjsLoading ??= import(require('node:url').pathToFileURL(found.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href).then((lib) => ({ lib, worker: new lib.PDFWorker({ verbosity: 0 }) }));
  return pdfjsLoading;
}
const load = {
  pdf: () => (pdfLib ??= found('pdf-lib/dist/pdf-lib.min.js')),
  exif: () => (exifr ??= found('exifr')),
  mail: () => (PostalMime ??= found('postal-mime')),
};
const utf8 = new TextDecoder('utf-8');
/** A PDF text string: UTF-16 (BOM) or PDFDocEncoding as pdf-lib decodes it, or UTF-8 with its BOM (PDF 2.0). */
function pdfText(lib, v) {
  if (!(v instanceof lib.PDFString || v instanceof lib.PDFHexString)) return undefined;
  const b = v.asBytes();
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? utf8.decode(b.subarray(3)) : v.decodeText();
}
/** Each field of a document information dictionary as text, which ones are there at all, and its dates as ISO 8601. */
function infoFields(lib, dict, fields, dateFields) {
  const info = {}, present = [], dates = {};
  if (dict instanceof lib.PDFDict) {
    for (const k of fields) {
      const v = dict.lookup(lib.PDFName.of(k));
      if (v === undefined) continue;
      present.push(k);
      const text = pdfText(lib, v);
      if (text !== undefined) info[k] = text;
    }
    for (const k of dateFields) {
      if (typeof info[k] !== 'string') continue;
      // pdf-lib's reading of a PDF date needs its "D:" and an upper-case Z.
      const s = info[k].trim().replace(/^(D:)?/, 'D:').replace(/z/, 'Z');
      const d = lib.parseDate(s);
      if (d && Number.isFinite(d.getTime())) dates[k] = d.toISOString();
    }
  }
  return { info, present, dates };
}
/**
 * The quick way (PDF 32000-1 §7.5.5, §7.5.8): from "startxref" at the file's end to its cross-reference
 * sections (tables, or streams read by pdf-lib's own parser for them), newest first along /Prev, to the
 * newest trailer; then only the objects it needs (the catalog, the document information and any value of it
 * given by reference), each parsed by pdf-lib's object parser where the cross-reference data says it is, and
 * only after its "n g obj" matches. null when anything is not so (no startxref, a section or object not where
 * it is said to be, an object kept in an object stream, a hybrid file): then the whole file is parsed, as before.
 */
function viaXref(lib, data) {
  const n = data.length;
  const text = (from, to) => Buffer.from(data.buffer, data.byteOffset + from, Math.max(0, Math.min(n, to) - from)).toString('latin1');
  // The last "startxref" (anything after its %%EOF, a comment say, is left as readers leave it).
  const tail = text(Math.max(0, n - 1024), n);
  const m = /^startxref\\s+(\\d+)\\s*%%EOF/.exec(tail.slice(tail.lastIndexOf('startxref')));
  if (!m) return null;
  const ctx = lib.PDFContext.create();
  const parseAt = (at) => lib.PDFObjectParser.forBytes(data.subarray(at), ctx, true).parseObject();
  const isSpace = (b) => b === 32 || b === 10 || b === 13 || b === 9 || b === 12 || b === 0;
  const where = new Map(); // object number → { offset, gen }, or false (free, or in an object stream)
  let trailer;
  const seen = new Set();
  for (let at = Number(m[1]), k = 0; ; k++) {
    if (k >= 64 || !Number.isSafeInteger(at) || at < 0 || at >= n || seen.has(at)) return null;
    seen.add(at);
    let p = at;
    while (p < n && isSpace(data[p])) p++;
    let dict;
    if (text(p, p + 4) === 'xref') {
      // A table: subsections of "first count", then 20-byte entries "oooooooooo ggggg n|f".
      p += 4;
      for (;;) {
        while (p < n && isSpace(data[p])) p++;
        if (text(p, p + 7) === 'trailer') break;
        const head = /^(\\d+)[ \\t]+(\\d+)/.exec(text(p, p + 40));
        if (!head) return null;
        const first = Number(head[1]), count = Number(head[2]);
        p += head[0].length;
        if (count > 8388608 || p + count * 18 > n) return null;
        for (let i = 0; i < count; i++) {
          while (p < n && isSpace(data[p])) p++;
          const e = /^(\\d{10}) (\\d{5}) ([nf])/.exec(text(p, p + 18));
          if (!e) return null;
          p += 18;
          if (!where.has(first + i)) where.set(first + i, e[3] === 'n' ? { offset: Number(e[1]), gen: Number(e[2]) } : false);
        }
      }
      dict = parseAt(p + 7);
      if (!(dict instanceof lib.PDFDict) || dict.has(lib.PDFName.of('XRefStm'))) return null;
    } else {
      // A cross-reference stream: "n g obj" and a stream of /Type /XRef.
      const head = /^(\\d+)\\s+(\\d+)\\s+obj/.exec(text(p, p + 40));
      if (!head) return null;
      const stream = parseAt(p + head[0].length);
      if (!(stream instanceof lib.PDFRawStream) || stream.dict.get(lib.PDFName.of('Type')) !== lib.PDFName.of('XRef')) return null;
      for (const e of lib.PDFXRefStreamParser.forStream(stream).parseIntoContext()) {
        const num = e.ref.objectNumber;
        if (!where.has(num)) where.set(num, e.deleted || e.inObjectStream ? false : { offset: e.offset, gen: e.ref.generationNumber });
      }
      dict = stream.dict;
    }
    trailer ??= dict;
    const prev = dict.get(lib.PDFName.of('Prev'));
    if (prev === undefined) break;
    if (!(prev instanceof lib.PDFNumber)) return null;
    at = prev.asNumber();
  }
  /** The object ref names, from where the cross-reference data says, or undefined. */
  const fetch = (ref) => {
    if (!(ref instanceof lib.PDFRef)) return undefined;
    const w = where.get(ref.objectNumber);
    if (!w || w.gen !== ref.generationNumber || w.offset >= n) return undefined;
    const head = /^\\s*(\\d+)\\s+(\\d+)\\s+obj/.exec(text(w.offset, w.offset + 48));
    if (!head || Number(head[1]) !== ref.objectNumber || Number(head[2]) !== ref.generationNumber) return undefined;
    const obj = parseAt(w.offset + head[0].length);
    ctx.assign(ref, obj);
    return obj;
  };
  if (trailer.get(lib.PDFName.of('Encrypt')) !== undefined) return { encrypted: true };
  if (!(fetch(trailer.get(lib.PDFName.of('Root'))) instanceof lib.PDFDict)) return null;
  const infoRef = trailer.get(lib.PDFName.of('Info'));
  if (infoRef === undefined) return { dict: undefined };
  const dict = fetch(infoRef);
  if (!(dict instanceof lib.PDFDict)) return null;
  // A value given by reference (a title in its own object, say) is read from where it is too.
  for (const [, v] of dict.entries()) if (v instanceof lib.PDFRef && fetch(v) === undefined) return null;
  return { dict };
}
const ops = {
  async pdf(data, { fields, dateFields, whole }) {
    const lib = load.pdf();
    let quick = null;
    try {
      if (!whole) quick = viaXref(lib, data);
    } catch {
      quick = null; // not as the cross-reference data says: the whole file is parsed
    }
    if (quick?.encrypted) return { encrypted: true, via: 'xref' };
    if (quick) return { ...infoFields(lib, quick.dict, fields, dateFields), via: 'xref' };
    // Every object parsed at once (no pause between batches of objects), damaged ones skipped, numbers capped.
    const ctx = await lib.PDFParser.forBytesWithOptions(data, Infinity, false, true).parseDocument();
    if (ctx.trailerInfo.Encrypt) return { encrypted: true, via: 'whole' };
    // No document catalog found even by pdf-lib's search for one: not a PDF it could read.
    const root = ctx.trailerInfo.Root ? ctx.lookup(ctx.trailerInfo.Root) : undefined;
    if (!(root instanceof lib.PDFDict)) return { unreadable: true };
    const dict = ctx.trailerInfo.Info ? ctx.lookup(ctx.trailerInfo.Info) : undefined;
    return { ...infoFields(lib, dict, fields, dateFields), via: 'whole' };
  },
  async pdfjs(data, { fields, dateFields }) {
    const { lib, worker } = await pdfjs();
    const task = lib.getDocument({ ...PDF_OPTIONS, data, worker });
    try {
      const doc = await task.promise;
      const raw = (await doc.getMetadata()).info || {};
      const info = {}, present = [], dates = {};
      for (const k of fields) {
        if (raw[k] !== undefined) present.push(k);
        if (typeof raw[k] === 'string') info[k] = raw[k];
      }
      for (const k of dateFields) {
        if (typeof raw[k] !== 'string') continue;
        const d = lib.PDFDateString.toDateObject(raw[k]);
        if (d && Number.isFinite(d.getTime())) dates[k] = d.toISOString();
      }
      return { info, present, dates };
    } finally {
      await task.destroy().catch(() => undefined);
    }
  },
  async exif(data, options) {
    // One options object per set of options: exifr keeps every options object it is given (a Map), and
    // what it derives from it is then worked out once, not at every photo.
    const key = JSON.stringify(options);
    let same = exifOptions.get(key);
    if (!same) exifOptions.set(key, (same = options));
    return { tags: (await load.exif().parse(data, same)) ?? null };
  },
  async mail(data, options) {
    const m = await load.mail().parse(data, options);
    return { mail: { headers: m.headers, from: m.from, to: m.to, cc: m.cc, subject: m.subject, messageId: m.messageId } };
  },
  async load(_data, { libs }) {
    for (const l of libs) load[l]();
    return {};
  },
};
async function answer({ id, op, data, options }) {
  try {
    return { id, ...(await ops[op](data, options)) };
  } catch (e) {
    return { id, error: { name: String(e && e.name), message: String(e && e.message) } };
  }
}
const busy = workerData.busy;
let turn = Promise.resolve();
parentPort.on('message', (batch) => {
  turn = turn.then(async () => {
    const replies = [];
    for (const r of batch) {
      Atomics.store(busy, 0, r.id);
      replies.push(await answer(r));
      Atomics.store(busy, 0, 0);
    }
    try {
      parentPort.postMessage(replies);
    } catch {
      // A reply that cannot be sent (a value a library gave that cannot be copied) fails its own file only.
      parentPort.postMessage(replies.map((r) => {
        try {
          structuredClone(r);
          return r;
        } catch (e) {
          return { id: r.id, error: { name: 'DataCloneError', message: String(e && e.message) } };
        }
      }));
    }
  });
});
`;

export interface ThreadError {
  name: string;
  message: string;
}

interface Reply {
  id: number;
  error?: ThreadError;
  [key: string]: unknown;
}

interface Request {
  id: number;
  op: string;
  data: Uint8Array;
  options: object;
}

interface Pending {
  /** The reply; `stopped` when the thread ended before answering (another request timed out, or it crashed). */
  done(r: Reply, stopped?: boolean): void;
  /** How long the thread may work on it, from when it begins it. */
  timeLimitMs?: number;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The id of the request the thread is working on, 0 when none (written by the thread). */
  busy: Int32Array;
  /** What the watch last saw: that request, and since when (this thread's clock). */
  seen: { id: number; since: number };
  watch?: ReturnType<typeof setInterval>;
}

let thread: Thread | undefined;
let nextId = 1;

/** Requests not yet sent, and when they will be (a batch goes at BATCH_MAX requests, or BATCH_WAIT_MS after its first). */
let queue: { request: Request; pending: Pending }[] = [];
let queuedBytes = 0;
let sendTimer: ReturnType<typeof setTimeout> | undefined;
const BATCH_MAX = 32;
const BATCH_MAX_BYTES = 8 << 20;
const BATCH_WAIT_MS = 10;
/** How often the main thread looks at which request the thread is on, while a time-limited one is out. */
const WATCH_EVERY_MS = 200;

function start(): Thread {
  if (thread) return thread;
  const busy = new Int32Array(new SharedArrayBuffer(4));
  // Where the libraries are found from: this module's place (an eval'd thread would look in the working directory).
  const workerData = { from: fileURLToPath(import.meta.url), busy };
  const worker = new Worker(THREAD_CODE, { eval: true, workerData });
  const t: Thread = { worker, pending: new Map(), busy, seen: { id: 0, since: 0 } };
  const fail = (message: string): void => {
    if (thread === t) thread = undefined;
    clearInterval(t.watch);
    const pending = [...t.pending.values()];
    t.pending.clear();
    for (const p of pending) p.done({ id: 0, error: { name: 'Error', message } }, true);
  };
  worker.on('message', (replies: Reply[]) => {
    for (const m of replies) {
      const p = t.pending.get(m.id);
      if (!p) continue;
      t.pending.delete(m.id);
      p.done(m);
    }
    if (t.pending.size === 0) {
      worker.unref();
      clearInterval(t.watch);
      t.watch = undefined;
    }
  });
  worker.on('error', (e) => fail(e.message));
  worker.on('exit', (code) => fail(`the extraction thread stopped (${code})`));
  // After the listeners (a 'message' listener refs the worker): an idle thread never keeps the process alive.
  worker.unref();
  thread = t;
  return t;
}

/**
 * The watch over a thread with time-limited requests out: the request it has been on since the watch first
 * saw it there for longer than its limit gets 'timeout', and the thread is ended (a stuck library cannot be
 * interrupted otherwise). The limit is thus kept to within WATCH_EVERY_MS, and never cut short.
 */
function watch(t: Thread): void {
  t.watch ??= setInterval(() => {
    const id = Atomics.load(t.busy, 0);
    const now = performance.now();
    if (id !== t.seen.id) {
      t.seen = { id, since: now };
      return;
    }
    const p = t.pending.get(id);
    if (id === 0 || p?.timeLimitMs === undefined || now - t.seen.since <= p.timeLimitMs) return;
    t.pending.delete(id);
    p.done({ id, error: { name: 'Error', message: 'timeout' } });
    void t.worker.terminate(); // the others it held go to a new thread ('exit')
  }, WATCH_EVERY_MS);
  t.watch.unref();
}

/** Sends the queued requests now, as one batch (the caller has no more to add for a while). */
export function sendExtractionRequests(): void {
  clearTimeout(sendTimer);
  sendTimer = undefined;
  if (queue.length === 0) return;
  const batch = queue;
  queue = [];
  queuedBytes = 0;
  let t: Thread;
  try {
    t = start();
  } catch (e) {
    const error = { name: 'Error', message: e instanceof Error ? e.message : String(e) };
    for (const { request, pending } of batch) pending.done({ id: request.id, error });
    return;
  }
  for (const { request, pending } of batch) {
    t.pending.set(request.id, pending);
    if (pending.timeLimitMs !== undefined) watch(t);
  }
  t.worker.ref();
  t.worker.postMessage(
    batch.map((b) => b.request),
    batch.map((b) => b.request.data.buffer as ArrayBuffer),
  );
}

/**
 * How long a library may take over one file, from when the thread begins it: past this the file gets a
 * problem line and the thread is ended (a new one takes the rest).
 */
export const FILE_TIME_LIMIT_MS = 10_000;

/** A library the thread loads: pdf-lib, exifr, postal-mime. */
export type ThreadLibrary = 'pdf' | 'exif' | 'mail';

/** Starts the thread ahead of the first file that needs it and loads `libs` there (the batch's kinds of file). */
export function warmExtractionThread(libs: readonly ThreadLibrary[]): void {
  try {
    start();
    // Its reply (or an error) is not waited for: the first real request queues behind it.
    void ask('load', new Uint8Array(0), { libs });
    sendExtractionRequests();
  } catch {
    /* the first request will say so */
  }
}

/**
 * One request to the thread. The bytes are copied and the copy moved there (never the caller's buffer).
 * Requests are queued and sent in batches (BATCH_MAX of them, or BATCH_WAIT_MS after the first, or at once
 * by sendExtractionRequests); the thread takes them in turn, never waiting for one another's callers.
 * With `timeLimitMs`, a request the thread has not finished that long after it began it gets the error
 * 'timeout' and the thread is ended; the other requests it held are sent once more, to a new thread.
 */
export function ask(
  op: 'pdf' | 'pdfjs' | 'exif' | 'mail' | 'load',
  data: Uint8Array,
  options: object,
  timeLimitMs?: number,
  again = true,
): Promise<Reply> {
  const id = nextId++;
  return new Promise<Reply>((resolve) => {
    const pending: Pending = {
      done(m, stopped) {
        if (stopped && again) resolve(ask(op, data, options, timeLimitMs, false));
        else resolve(m);
      },
      ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
    };
    const copy = new Uint8Array(data);
    queue.push({ request: { id, op, data: copy, options }, pending });
    queuedBytes += copy.length;
    if (queue.length >= BATCH_MAX || queuedBytes >= BATCH_MAX_BYTES) sendExtractionRequests();
    else sendTimer ??= setTimeout(sendExtractionRequests, BATCH_WAIT_MS);
  });
}
