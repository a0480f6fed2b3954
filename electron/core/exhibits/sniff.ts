/**
 * Media type of an exhibit, sniffed from its content (never from its name).
 *
 * The `file-type` package recognises binary formats by their magic numbers (PNG, JPEG, PDF, ZIP, MP4, ...).
 * For what it cannot see, our own text rules: an e-mail (RFC 5322 header block) is message/rfc822,
 * other valid UTF-8 (or UTF-16 with a byte-order mark) is text/plain, anything else application/octet-stream.
 *
 * Only the first bytes are looked at — the first chunk the blob importer already has in memory — so the
 * file is never read twice.
 */
import { fileTypeFromBuffer } from 'file-type';

export const OCTET_STREAM = 'application/octet-stream';

/** How many leading bytes are enough for every rule here (file-type itself needs a few KiB). */
export const SNIFF_BYTES = 64 * 1024;

/**
 * @param head the first bytes of the file (up to SNIFF_BYTES are used)
 * @param complete true when `head` is the whole file (then a trailing partial UTF-8 sequence is an error)
 */
export async function sniffMediaType(head: Uint8Array, complete: boolean): Promise<string> {
  const bytes = head.length > SNIFF_BYTES ? head.subarray(0, SNIFF_BYTES) : head;
  const whole = complete && bytes.length === head.length;
  if (bytes.length === 0) return OCTET_STREAM;
  // UTF-16 text with a byte-order mark first: file-type would take FF FE for an MPEG audio frame.
  if (hasUtf16Bom(bytes) && looksLikeText(bytes, whole)) return 'text/plain';
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (detected) return detected.mime;
  if (looksLikeEmail(bytes, whole)) return 'message/rfc822';
  if (looksLikeText(bytes, whole)) return 'text/plain';
  return OCTET_STREAM;
}

const EMAIL_ORIGINATORS = new Set(['from', 'sender', 'return-path', 'received', 'delivered-to']);
const EMAIL_OTHERS = new Set([
  'to',
  'cc',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'received',
  'return-path',
  'reply-to',
  'in-reply-to',
  'references',
  'delivered-to',
  'x-mailer',
]);

/**
 * An RFC 5322 message: a block of `Name: value` header fields (with folded continuation lines) ended by
 * an empty line, naming an originator (From/Sender/Return-Path/Received) and at least one other
 * well-known field. An mbox "From " envelope line in front is allowed.
 */
export function looksLikeEmail(bytes: Uint8Array, complete: boolean): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES));
  const wholeInView = complete && buf.length === bytes.length;
  const names = new Set<string>();
  let fields = 0;
  let ended = false;
  let first = true;
  // Line by line, stopping at the first line that cannot be a header (random data stops at once).
  for (let start = 0; start < buf.length;) {
    const nl = buf.indexOf(10, start);
    // Unless the whole file is in view, a last line without its newline may be cut short: stop there.
    if (nl < 0 && !wholeInView) break;
    const end = nl < 0 ? buf.length : nl;
    const line = buf.toString('latin1', start, end > start && buf[end - 1] === 13 ? end - 1 : end);
    start = end + 1;
    if (first && line.startsWith('From ')) {
      first = false; // an mbox envelope line
      continue;
    }
    first = false;
    if (line === '') {
      ended = true;
      break;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (fields === 0) return false; // a continuation with nothing to continue
      continue;
    }
    const m = /^([\x21-\x39\x3b-\x7e]+):/.exec(line);
    if (!m?.[1]) return false;
    names.add(m[1].toLowerCase());
    fields++;
  }
  // Headers must end with an empty line, unless the file is only headers and we saw all of it.
  if (!ended && !wholeInView) return false;
  if (fields < 2) return false;
  const hasOriginator = [...names].some((n) => EMAIL_ORIGINATORS.has(n));
  const others = [...names].filter((n) => EMAIL_OTHERS.has(n)).length;
  return hasOriginator && others >= 1;
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/** Tab, LF, VT, FF, CR and ESC. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

/** Valid UTF-8 (or UTF-16 with a BOM) without binary control characters. */
export function looksLikeText(bytes: Uint8Array, complete: boolean): boolean {
  let decoded: string;
  try {
    if (hasUtf16Bom(bytes)) {
      const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
      // A cut-off UTF-16 code unit at the end of the sniffed bytes is not an error.
      const even = complete ? bytes : bytes.subarray(0, bytes.length - (bytes.length % 2));
      decoded = new TextDecoder(enc, { fatal: true }).decode(even, { stream: !complete });
    } else {
      // stream: true tolerates a multi-byte sequence cut off at the end of the sniffed bytes.
      decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    }
  } catch {
    return false;
  }
  // C0 controls other than tab, LF, VT, FF, CR and ESC, and DEL, mean binary data.
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c === 0x7f || (c < 0x20 && !TEXT_CONTROLS.has(c))) return false;
  }
  return true;
}
