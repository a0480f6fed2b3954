/**
 * The extraction thread: the libraries that read what files say (pdfjs, exifr, postal-mime) run in one
 * worker thread beside the import, not on its main thread (which reads, hashes, sniffs and writes while
 * the blob crypto worker encrypts). Each library is loaded there the first time it is needed, once per
 * process; the thread starts at the first request, or earlier (warmExtractionThread) when a batch has a
 * PDF, since loading pdfjs is the one large cost (~100 ms: its two large modules and @napi-rs/canvas, which
 * it always loads in Node).
 *
 * The program is plain JavaScript text started with `eval: true` (as the blob crypto worker is, and for the
 * same reason: it loads the same way from source, from the bundles and from app.asar); each library is
 * resolved here and loaded there by its absolute path (pdfjs, an ES module, by its file URL). It is given
 * bytes, never a path or a URL, and fetches nothing. An idle thread never keeps the process alive.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Requests { id, op, data, options }:
 *   op 'pdf'  (options { fields, dateFields }): reply { info, present, dates }: each field as pdfjs gave it
 *             when a string, the fields present at all, each date field pdfjs could read as ISO 8601;
 *   op 'exif' (options: exifr's): reply { tags } (exifr.parse's result, or null);
 *   op 'mail' (options: postal-mime's): reply { mail } (the parsed headers and addresses);
 * or { id, error: { name, message } }.
 */
const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
let pdfLoading, exifr, PostalMime;
const PDF_OPTIONS = {
  isEvalSupported: false, disableFontFace: true, useSystemFonts: false, useWorkerFetch: false, useWasm: false,
  isOffscreenCanvasSupported: false, isImageDecoderSupported: false, disableAutoFetch: true,
  disableStream: true, disableRange: true, enableXfa: false, stopAtErrors: false, verbosity: 0,
};
function pdfjs() {
  pdfLoading ??= import(workerData.pdfjsUrl).then((lib) => ({ lib, worker: new lib.PDFWorker({ verbosity: 0 }) }));
  return pdfLoading;
}
const ops = {
  async pdf(data, { fields, dateFields }) {
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
    exifr ??= require(workerData.exifrPath);
    return { tags: (await exifr.parse(data, options)) ?? null };
  },
  async mail(data, options) {
    PostalMime ??= require(workerData.postalMimePath);
    const m = await PostalMime.parse(data, options);
    return { mail: { headers: m.headers, from: m.from, to: m.to, cc: m.cc, subject: m.subject, messageId: m.messageId } };
  },
};
parentPort.on('message', async ({ id, op, data, options }) => {
  try {
    parentPort.postMessage({ id, ...(await ops[op](data, options)) });
  } catch (e) {
    parentPort.postMessage({ id, error: { name: String(e && e.name), message: String(e && e.message) } });
  }
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

interface Thread {
  worker: Worker;
  pending: Map<number, (r: Reply) => void>;
}

let thread: Thread | undefined;
let nextId = 1;

function start(): Thread {
  if (thread) return thread;
  const req = createRequire(import.meta.url);
  const workerData = {
    pdfjsUrl: pathToFileURL(req.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
    exifrPath: req.resolve('exifr'),
    postalMimePath: req.resolve('postal-mime'),
  };
  const worker = new Worker(THREAD_CODE, { eval: true, workerData });
  const t: Thread = { worker, pending: new Map() };
  const fail = (message: string): void => {
    if (thread === t) thread = undefined;
    for (const resolve of t.pending.values()) resolve({ id: 0, error: { name: 'Error', message } });
    t.pending.clear();
  };
  worker.on('message', (m: Reply) => {
    const resolve = t.pending.get(m.id);
    if (!resolve) return;
    t.pending.delete(m.id);
    if (t.pending.size === 0) worker.unref();
    resolve(m);
  });
  worker.on('error', (e) => fail(e.message));
  worker.on('exit', (code) => fail(`the extraction thread stopped (${code})`));
  // After the listeners (a 'message' listener refs the worker): an idle thread never keeps the process alive.
  worker.unref();
  thread = t;
  return t;
}

/** Starts the thread ahead of the first file that needs it; `pdf` also starts loading pdfjs there. */
export function warmExtractionThread(pdf: boolean): void {
  try {
    start();
    // An empty PDF request loads pdfjs; its error reply is ignored.
    if (pdf) void ask('pdf', new Uint8Array(0), { fields: [], dateFields: [] });
  } catch {
    /* the first request will say so */
  }
}

/**
 * One request to the thread. The bytes are copied and the copy moved there (never the caller's buffer).
 * With `timeLimitMs`, a request not answered by then gets the error 'timeout' and the thread is ended (a
 * stuck library cannot be interrupted otherwise); the next request starts a new one.
 */
export function ask(
  op: 'pdf' | 'exif' | 'mail',
  data: Uint8Array,
  options: object,
  timeLimitMs?: number,
): Promise<Reply> {
  let t: Thread;
  try {
    t = start();
  } catch (e) {
    return Promise.resolve({ id: 0, error: { name: 'Error', message: e instanceof Error ? e.message : String(e) } });
  }
  const id = nextId++;
  return new Promise<Reply>((resolve) => {
    const timer =
      timeLimitMs === undefined
        ? undefined
        : setTimeout(() => {
            t.pending.delete(id);
            if (thread === t) thread = undefined;
            void t.worker.terminate();
            resolve({ id, error: { name: 'Error', message: 'timeout' } });
          }, timeLimitMs);
    t.pending.set(id, (m) => {
      clearTimeout(timer);
      resolve(m);
    });
    t.worker.ref();
    const copy = new Uint8Array(data);
    t.worker.postMessage({ id, op, data: copy, options }, [copy.buffer]);
  });
}
