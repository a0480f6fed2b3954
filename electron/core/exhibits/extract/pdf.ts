/**
 * What a PDF says about itself (pdfjs-dist, its legacy build for Node): the document information's Title,
 * Author, Creator, Producer and its own creation and modification dates, as ISO 8601.
 *
 * pdfjs runs in a thread of its own beside the import (see READER_CODE), with its "fake worker" in that
 * thread, without eval, without font loading, and is given the bytes: it never fetches anything. Only
 * the document information is asked for; no page is parsed or drawn.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractedMetadata } from '../../../../shared/model.js';
import { compact, kib, plain } from './text.js';

/** PDFs up to this size are read for their dates; larger ones get a problem line. */
export const PDF_MAX_BYTES = 64 << 20;
/** A PDF that pdfjs has not finished with in this time is left (a problem line). */
export const PDF_TIME_LIMIT_MS = 10_000;

/** The document information fields read, as pdfjs gives them. */
const INFO_FIELDS = ['Title', 'Author', 'Creator', 'Producer', 'CreationDate', 'ModDate'] as const;

/**
 * The PDF reader's thread: pdfjs (with its own "fake worker", in that thread) is loaded there, once per
 * process, the first time a PDF is imported (or about to be: warmPdfReader), and reads every PDF after. So
 * loading pdfjs (~100 ms: its two large modules and @napi-rs/canvas, which it always loads in Node) and
 * each PDF's parse run beside the import's main thread, not on it.
 *
 * The program is plain JavaScript text started with `eval: true` (as the blob crypto worker is, and for
 * the same reason: it loads the same way from source, from the bundles and from app.asar); pdfjs is
 * resolved here and imported there by its file URL. It is given the bytes, never a path or a URL.
 * Per request { id, data, fields }: reply { id, info, dates } or { id, error: { name, message } }, where
 * `info` holds each field as pdfjs gave it when it is a string, and `dates` each date field pdfjs could
 * read as an ISO 8601 string.
 */
const READER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const loading = import(workerData.pdfjsUrl).then((lib) => ({ lib, worker: new lib.PDFWorker({ verbosity: 0 }) }));
loading.catch(() => undefined);
parentPort.on('message', async ({ id, data, fields, dateFields }) => {
  let task;
  try {
    const { lib, worker } = await loading;
    task = lib.getDocument({
      data, worker, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
      useWorkerFetch: false, useWasm: false, isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false, disableAutoFetch: true, disableStream: true, disableRange: true,
      enableXfa: false, stopAtErrors: false, verbosity: 0,
    });
    const doc = await task.promise;
    const meta = await doc.getMetadata();
    const raw = meta.info || {};
    const info = {};
    const present = [];
    const dates = {};
    for (const k of fields) {
      if (raw[k] !== undefined) present.push(k);
      if (typeof raw[k] === 'string') info[k] = raw[k];
    }
    for (const k of dateFields) {
      if (typeof raw[k] !== 'string') continue;
      const d = lib.PDFDateString.toDateObject(raw[k]);
      if (d && Number.isFinite(d.getTime())) dates[k] = d.toISOString();
    }
    parentPort.postMessage({ id, info, present, dates });
  } catch (e) {
    parentPort.postMessage({ id, error: { name: String(e && e.name), message: String(e && e.message) } });
  } finally {
    if (task) await task.destroy().catch(() => undefined);
  }
});
`;

interface ReaderReply {
  id: number;
  info?: Record<string, string>;
  present?: string[];
  dates?: Record<string, string>;
  error?: { name: string; message: string };
}

interface Reader {
  worker: Worker;
  pending: Map<number, (r: ReaderReply) => void>;
}

let reader: Reader | undefined;
let nextId = 1;

function startReader(): Reader {
  if (reader) return reader;
  const pdfjsUrl = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const worker = new Worker(READER_CODE, { eval: true, workerData: { pdfjsUrl } });
  const r: Reader = { worker, pending: new Map() };
  const fail = (message: string): void => {
    if (reader === r) reader = undefined;
    for (const resolve of r.pending.values()) resolve({ id: 0, error: { name: 'Error', message } });
    r.pending.clear();
  };
  worker.on('message', (m: ReaderReply) => {
    const resolve = r.pending.get(m.id);
    if (!resolve) return;
    r.pending.delete(m.id);
    if (r.pending.size === 0) worker.unref();
    resolve(m);
  });
  worker.on('error', (e) => fail(e.message));
  worker.on('exit', (code) => fail(`the PDF reader stopped (${code})`));
  // After the listeners (a 'message' listener refs the worker): an idle reader never keeps the process alive.
  worker.unref();
  reader = r;
  return r;
}

/** Starts the PDF reader (and its loading of pdfjs) ahead of the first PDF, beside the encryption. */
export function warmPdfReader(): void {
  try {
    startReader();
  } catch {
    /* the first PDF will say so */
  }
}

/** One PDF's document information from the reader thread; a stuck reader is ended at the time limit. */
function askReader(data: Uint8Array): Promise<ReaderReply> {
  const r = startReader();
  const id = nextId++;
  return new Promise<ReaderReply>((resolve) => {
    const timer = setTimeout(() => {
      r.pending.delete(id);
      if (reader === r) reader = undefined;
      void r.worker.terminate();
      resolve({ id, error: { name: 'Error', message: 'timeout' } });
    }, PDF_TIME_LIMIT_MS);
    r.pending.set(id, (m) => {
      clearTimeout(timer);
      resolve(m);
    });
    r.worker.ref();
    // A copy, moved to the thread (never the caller's buffer).
    const copy = new Uint8Array(data);
    r.worker.postMessage({ id, data: copy, fields: INFO_FIELDS, dateFields: ['CreationDate', 'ModDate'] }, [
      copy.buffer,
    ]);
  });
}

export function tooLargePdf(): ExtractedMetadata {
  return { problems: [`The PDF is too large to read its dates here (over ${kib(PDF_MAX_BYTES)}).`] };
}

/** "/Info n g R" in the file's last bytes (trailer or cross-reference stream): it says it has document information. */
function saysItHasInfo(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-64 * 1024);
  return /\/Info\s+\d+\s+\d+\s+R/.test(tail.toString('latin1'));
}

/** A PDF date (PDF 32000-1 §7.9.4): D:YYYYMMDDHHmmSSOHH'mm', every part after the year optional. */
const PDF_DATE = /^(D:)?\d{4}(\d{2}){0,5}([Zz+-](\d{2}'?(\d{2}'?)?)?)?$/;

/** PDFs are read one at a time: at once, many only slow each other down (and the import beside them). */
let queue: Promise<unknown> = Promise.resolve();

export function extractPdf(bytes: Uint8Array): Promise<ExtractedMetadata> {
  const next = queue.then(() => readPdf(bytes));
  queue = next.catch(() => undefined);
  return next;
}

async function readPdf(bytes: Uint8Array): Promise<ExtractedMetadata> {
  if (bytes.length > PDF_MAX_BYTES) return tooLargePdf();
  const reply = await askReader(bytes);
  if (reply.error) {
    if (reply.error.name === 'PasswordException') {
      return { problems: ['The PDF is protected by a password: its own dates were not read.'] };
    }
    if (reply.error.message === 'timeout') {
      return { problems: ['Reading the PDF took too long: its own dates were not read.'] };
    }
    return { problems: ['The PDF is damaged: its own dates were not read.'] };
  }
  const info = reply.info ?? {};
  const problems: string[] = [];
  const date = (key: 'CreationDate' | 'ModDate', what: string): string | undefined => {
    const raw = plain(info[key], 100);
    if (!raw) return undefined;
    // pdfjs turns what it can into a date (a month of "XX" becomes January): only a well-formed one is taken.
    const iso = PDF_DATE.test(raw) ? reply.dates?.[key] : undefined;
    if (iso) return iso;
    problems.push(`The PDF's ${what} date could not be read (it says "${raw}").`);
    return undefined;
  };
  const pdf = compact({
    title: plain(info.Title, 1000),
    author: plain(info.Author, 1000),
    creator: plain(info.Creator, 1000),
    producer: plain(info.Producer, 1000),
    createdAt: date('CreationDate', 'creation'),
    modifiedAt: date('ModDate', 'modification'),
  });
  if ((reply.present ?? []).length === 0 && saysItHasInfo(bytes)) {
    problems.push("The PDF's document information is damaged: its title, author and dates were not read.");
  }
  return { ...(pdf ? { pdf } : {}), ...(problems.length > 0 ? { problems } : {}) };
}
