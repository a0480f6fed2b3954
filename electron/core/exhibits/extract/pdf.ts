/**
 * What a PDF says about itself: the document information's Title, Author, Creator, Producer and its own
 * creation and modification dates, as ISO 8601.
 *
 * Read in the extraction thread beside the import (thread.ts), from the bytes (nothing is ever fetched),
 * by pdf-lib's parser: through the cross-reference data to the newest trailer and only the objects it
 * leads to (a fifth of the time for a letter), or, when that data is not as it says, every object parsed;
 * none drawn, no stream decoded but cross-reference and object streams. pdf-lib
 * loads in a fifth of the time pdfjs takes, which was most of extraction's cost. An encrypted PDF, or
 * one pdf-lib cannot parse, is given to pdfjs-dist (its legacy build for Node, its "fake worker" in that
 * thread, without eval or font loading), loaded then, once per process: pdfjs decrypts a PDF that has an
 * owner password only, says when one needs a password to open, and rebuilds a damaged cross-reference table.
 */
import type { ExtractedMetadata } from '../../../../shared/model.js';
import { compact, kib, plain } from './text.js';
import { ask, FILE_TIME_LIMIT_MS, type ThreadError } from './thread.js';
import { noticeText } from '../../../../shared/exhibit-notices.js';

/** The extraction thread's answer for a PDF (thread.ts). */
interface PdfReply {
  info?: Record<string, string>;
  present?: string[];
  dates?: Record<string, string>;
  /** pdf-lib found an /Encrypt entry: its strings are ciphertext (pdfjs is asked). */
  encrypted?: boolean;
  /** pdf-lib found no document catalog (pdfjs is asked). */
  unreadable?: boolean;
  error?: ThreadError;
}

/** PDFs up to this size are read for their dates; larger ones get a problem line. */
export const PDF_MAX_BYTES = 64 << 20;
/** A PDF that pdf-lib, or then pdfjs, has not finished with this long after beginning it is left (a problem line). */
export const PDF_TIME_LIMIT_MS = FILE_TIME_LIMIT_MS;

/** The document information fields read. */
const INFO_FIELDS = ['Title', 'Author', 'Creator', 'Producer', 'CreationDate', 'ModDate'] as const;

export function tooLargePdf(): ExtractedMetadata {
  return { problems: [noticeText('en', { code: 'pdf.too-large', values: { size: kib(PDF_MAX_BYTES) } })] };
}

/** "/Info n g R" in the file's last bytes (trailer or cross-reference stream): it says it has document information. */
function saysItHasInfo(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-64 * 1024);
  return /\/Info\s+\d+\s+\d+\s+R/.test(tail.toString('latin1'));
}

/** A PDF date (PDF 32000-1 §7.9.4): D:YYYYMMDDHHmmSSOHH'mm', every part after the year optional. */
const PDF_DATE = /^(D:)?\d{4}(\d{2}){0,5}([Zz+-](\d{2}'?(\d{2}'?)?)?)?$/;

/**
 * Each PDF is sent to the thread as soon as its head is sealed: the thread takes them in turn, and each
 * one's time limit runs from when the thread begins it (thread.ts).
 */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedMetadata> {
  if (bytes.length > PDF_MAX_BYTES) return tooLargePdf();
  const options = { fields: INFO_FIELDS, dateFields: ['CreationDate', 'ModDate'] };
  let reply = (await ask('pdf', bytes, options, PDF_TIME_LIMIT_MS)) as PdfReply;
  if (reply.encrypted || reply.unreadable || (reply.error && reply.error.message !== 'timeout')) {
    reply = (await ask('pdfjs', bytes, options, PDF_TIME_LIMIT_MS)) as PdfReply;
  }
  if (reply.error) {
    if (reply.error.name === 'PasswordException') {
      return { problems: [noticeText('en', { code: 'pdf.password' })] };
    }
    if (reply.error.message === 'timeout') {
      return { problems: [noticeText('en', { code: 'pdf.timeout' })] };
    }
    return { problems: [noticeText('en', { code: 'pdf.damaged' })] };
  }
  const info = reply.info ?? {};
  const problems: string[] = [];
  const date = (key: 'CreationDate' | 'ModDate', which: 'creation' | 'modification'): string | undefined => {
    const raw = plain(info[key], 100);
    if (!raw) return undefined;
    // Only a well-formed date is taken (pdfjs, for one, reads a month of "XX" as January).
    const iso = PDF_DATE.test(raw) ? reply.dates?.[key] : undefined;
    if (iso) return iso;
    problems.push(noticeText('en', { code: 'pdf.bad-date', values: { which, raw } }));
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
    problems.push(noticeText('en', { code: 'pdf.info-damaged' }));
  }
  return { ...(pdf ? { pdf } : {}), ...(problems.length > 0 ? { problems } : {}) };
}
