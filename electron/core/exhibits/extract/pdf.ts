/**
 * What a PDF says about itself (pdfjs-dist, its legacy build for Node): the document information's Title,
 * Author, Creator, Producer and its own creation and modification dates, as ISO 8601.
 *
 * pdfjs runs here without a worker thread of its own ("fake worker", in this process), without eval,
 * without font loading, and is given the bytes: it never fetches anything. Only the document
 * information is asked for; no page is parsed or drawn.
 */
import type { ExtractedMetadata } from '../../../../shared/model.js';
import { compact, kib, plain } from './text.js';

/** PDFs up to this size are read for their dates; larger ones get a problem line. */
export const PDF_MAX_BYTES = 64 << 20;
/** A PDF that pdfjs has not finished with in this time is left (a problem line). */
export const PDF_TIME_LIMIT_MS = 10_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

/** pdfjs is loaded the first time a PDF is imported, once per process. */
function pdfjs(): Promise<PdfJs> {
  // In Node, pdfjs runs its worker code in this process (it imports its own ./pdf.worker.mjs).
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loading;
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

const INFO_FIELDS = ['Title', 'Author', 'Creator', 'Producer', 'CreationDate', 'ModDate'] as const;

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedMetadata> {
  if (bytes.length > PDF_MAX_BYTES) return tooLargePdf();
  const lib = await pdfjs();
  // pdfjs takes ownership of (and may detach) the buffer it is given: give it a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PDF_TIME_LIMIT_MS);
  });
  try {
    const doc = await Promise.race([task.promise, timeout]);
    const meta = await Promise.race([doc.getMetadata(), timeout]);
    const info = (meta.info ?? {}) as Record<string, unknown>;
    const problems: string[] = [];
    const date = (key: 'CreationDate' | 'ModDate', what: string): string | undefined => {
      const raw = plain(info[key], 100);
      if (!raw) return undefined;
      // pdfjs turns what it can into a date (a month of "XX" becomes January): only a well-formed one is taken.
      const d = PDF_DATE.test(raw) ? lib.PDFDateString.toDateObject(raw) : null;
      if (d && Number.isFinite(d.getTime())) return d.toISOString();
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
    if (!INFO_FIELDS.some((k) => info[k] !== undefined) && saysItHasInfo(bytes)) {
      problems.push("The PDF's document information is damaged: its title, author and dates were not read.");
    }
    return { ...(pdf ? { pdf } : {}), ...(problems.length > 0 ? { problems } : {}) };
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    const msg = e instanceof Error ? e.message : '';
    if (name === 'PasswordException') {
      return { problems: ['The PDF is protected by a password: its own dates were not read.'] };
    }
    if (msg === 'timeout') {
      return { problems: ['Reading the PDF took too long: its own dates were not read.'] };
    }
    return { problems: ['The PDF is damaged: its own dates were not read.'] };
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}
