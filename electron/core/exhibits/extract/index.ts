/**
 * What a file says about itself, read at import (issue 13): a photo's EXIF/XMP capture time, camera and
 * GPS; an e-mail's headers; a PDF's document information; whether a content credential (C2PA) or a
 * ProofMode bundle is present. Libraries only (exifr, postal-mime, pdf-lib, pdfjs-dist, yauzl), nothing fetched.
 *
 * The bytes come from the import itself: the blob store hands over a copy of each file's first
 * EXTRACT_HEAD_BYTES as it seals it (`onHead`), and extraction starts at once, beside the encryption. A PDF or
 * ZIP larger than that is read back from the vault once sealed, up to 64 MiB. (The CLI may read the same
 * heads ahead, readAheadForExtraction; what it read is kept only for a head the import finds the same,
 * byte for byte.) Extraction never fails an import: what cannot be read becomes a plain line in `problems`.
 */
import { closeSync, readSync } from 'node:fs';
import type { ExtractedMetadata } from '../../../../shared/model.js';
import { openBlobStream, type BlobContext, type BlobInfo } from '../blobs/index.js';
import { openSource } from '../blobs/sources.js';
import { extractEmail } from './email.js';
import { extractImage, IMAGE_WITH_METADATA } from './image.js';
import { extractPdf, PDF_MAX_BYTES, tooLargePdf } from './pdf.js';
import { isProofModeBundle, ZIP_MAX_BYTES } from './proofmode.js';
import { prepareExtraction } from './prepare.js';
import { sendExtractionRequests } from './thread.js';
import { noticeText } from '../../../../shared/exhibit-notices.js';

export { prepareExtraction };

/** How much of each file's head the import keeps for extraction. */
export const EXTRACT_HEAD_BYTES = 256 * 1024;

/**
 * The type extraction reads a file as, or undefined (other files cost nothing). A file named .eml that
 * sniffing took for text (its header block did not end in the bytes sniffed) is read as an e-mail.
 */
export function readAs(mediaType: string, name: string): string | undefined {
  if (IMAGE_WITH_METADATA.test(mediaType)) return mediaType;
  if (mediaType === 'message/rfc822' || mediaType === 'application/pdf' || mediaType === 'application/zip') {
    return mediaType;
  }
  if (mediaType === 'text/plain' && /\.eml$/i.test(name)) return 'message/rfc822';
  return undefined;
}

/** The result of reading a head: metadata, or a request for the whole file (a PDF or ZIP bigger than the head). */
export type HeadResult = { extracted: ExtractedMetadata | undefined } | { wholeUpTo: number };

function nonEmpty(m: ExtractedMetadata): ExtractedMetadata | undefined {
  return Object.keys(m).length > 0 ? m : undefined;
}

function failed(): ExtractedMetadata {
  return { problems: [noticeText('en', { code: 'extract.failed' })] };
}

/** Never rejects: an unexpected failure in a library is a problem line. */
export async function extractFromHead(head: Buffer, mediaType: string, complete: boolean): Promise<HeadResult> {
  try {
    if (IMAGE_WITH_METADATA.test(mediaType)) {
      return { extracted: nonEmpty(await extractImage(head, EXTRACT_HEAD_BYTES)) };
    }
    if (mediaType === 'message/rfc822') {
      return { extracted: nonEmpty(await extractEmail(head, complete, EXTRACT_HEAD_BYTES)) };
    }
    if (mediaType === 'application/pdf') {
      return complete ? { extracted: nonEmpty(await extractPdf(head)) } : { wholeUpTo: PDF_MAX_BYTES };
    }
    if (mediaType === 'application/zip') {
      if (!complete) return { wholeUpTo: ZIP_MAX_BYTES };
      return { extracted: (await isProofModeBundle(head)) ? { contentCredentials: 'proofmode' } : undefined };
    }
    return { extracted: undefined };
  } catch {
    return { extracted: failed() };
  }
}

/** For a file that needed all its bytes: `read` gives them (from the vault), called only under the size cap. */
export async function extractFromWhole(
  mediaType: string,
  size: number,
  upTo: number,
  read: () => Promise<Buffer>,
): Promise<ExtractedMetadata | undefined> {
  try {
    if (size > upTo) return mediaType === 'application/pdf' ? tooLargePdf() : undefined;
    const bytes = await read();
    if (mediaType === 'application/pdf') return nonEmpty(await extractPdf(bytes));
    if (mediaType === 'application/zip')
      return (await isProofModeBundle(bytes)) ? { contentCredentials: 'proofmode' } : undefined;
    return undefined;
  } catch {
    return failed();
  }
}

/** The read-ahead's limits: files beyond these are read as the import seals them, as without it. */
const READ_AHEAD_MAX_FILES = 5000;
const READ_AHEAD_MAX_BYTES = 32 << 20;

/**
 * The type a file's name says it is, for the read-ahead (the import sniffs its content; see readAs). Not
 * PNG: a screenshot seldom says anything, and the import's look at its chunks costs the same either way.
 */
const TYPE_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  heif: 'image/heif',
  avif: 'image/avif',
  webp: 'image/webp',
  eml: 'message/rfc822',
  pdf: 'application/pdf',
};

/**
 * What was read ahead of an import (readAheadForExtraction), by headKey, each with the bytes it was read
 * from: used for a file only when the import's own head of it is the same bytes (compared in full), read as
 * the same type, so what is kept is always what the import's bytes say. Emptied when an import's
 * extraction ends.
 */
const readAhead = new Map<string, { head: Buffer; result: Promise<HeadResult> }[]>();

/** How many files' readings are held from a read-ahead not yet taken by an import (for tests). */
export function readAheadHeld(): number {
  let n = 0;
  for (const list of readAhead.values()) n += list.length;
  return n;
}

/** Where to look for a head's reading: its type, whether it is the whole file, its length and last bytes. */
function headKey(head: Buffer, as: string, complete: boolean): string {
  return `${as} ${complete ? 'whole' : 'head'} ${head.length} ${head.subarray(-16).toString('hex')}`;
}

function readAheadOf(head: Buffer, as: string, complete: boolean): Promise<HeadResult> | undefined {
  return readAhead.get(headKey(head, as, complete))?.find((r) => r.head.equals(head))?.result;
}

/** A file's first EXTRACT_HEAD_BYTES and whether that is all of it, or undefined (what the import would refuse, unreadable). */
function readHead(path: string): { head: Buffer; complete: boolean } | undefined {
  let fd: number | undefined;
  try {
    // As the import opens its sources: a regular, non-empty file, a FIFO never waited for.
    const { f, st } = openSource(path);
    fd = f.fd;
    const size = Number(st.size);
    const head = Buffer.allocUnsafe(Math.min(size, EXTRACT_HEAD_BYTES));
    let got = 0;
    while (got < head.length) {
      const n = readSync(fd, head, got, head.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return { head: head.subarray(0, got), complete: size <= EXTRACT_HEAD_BYTES && got === size };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * For the CLI, before it loads the rest of the core and unlocks the vault: reads the first bytes of the
 * files it is about to import and starts reading what they say, so that the extraction thread works while
 * the main thread is busy loading the rest of the core and unlocking, not beside the import (whose reading,
 * hashing and sealing keep both cores busy).
 * The import still reads, hashes and seals every file itself, and uses what was read ahead only for a file
 * whose head it finds byte for byte the same; any other file is read from the import's bytes, as
 * without this. Never throws; a file it cannot read is left to the import.
 */
export function readAheadForExtraction(paths: readonly string[]): void {
  prepareExtraction(paths);
  let bytes = 0;
  for (const [i, path] of paths.entries()) {
    if (i >= READ_AHEAD_MAX_FILES || bytes >= READ_AHEAD_MAX_BYTES) break;
    const type = TYPE_BY_EXTENSION[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''];
    const as = type && readAs(type, path);
    if (!as) continue;
    const got = readHead(path);
    if (!got) continue;
    bytes += got.head.length;
    if (readAheadOf(got.head, as, got.complete)) continue; // the same bytes twice: read once
    const key = headKey(got.head, as, got.complete);
    const list = readAhead.get(key) ?? [];
    list.push({ head: got.head, result: extractFromHead(got.head, as, got.complete) });
    readAhead.set(key, list);
  }
  // The main thread is about to be busy loading: what is queued goes now, not at the batching wait.
  sendExtractionRequests();
}

/**
 * One import's extraction: `onHead` is given to the blob store (file index, head copy, media type, whether
 * the head is the whole file); `results` waits for every file, reading back those that need it.
 */
export class ImportExtraction {
  private readonly pending = new Map<number, Promise<HeadResult>>();

  /** @param names the batch's file names, in order */
  constructor(private readonly names: readonly string[]) {
    // The thread starts now (if it has not already), beside the first files' reading and sealing.
    prepareExtraction(names);
  }

  readonly onHead = (file: number, head: Buffer, mediaType: string, complete: boolean): void => {
    const as = readAs(mediaType, this.names[file] ?? '');
    if (!as) return;
    const early = readAhead.size > 0 ? readAheadOf(head, as, complete) : undefined;
    this.pending.set(file, early ?? extractFromHead(head, as, complete));
  };

  /** Per file (in order), what it says; `read(i)` reads file i's bytes back from the vault. */
  async results(
    files: readonly { mediaType: string; size: number }[],
    read: (file: number) => Promise<Buffer>,
  ): Promise<(ExtractedMetadata | undefined)[]> {
    // Every head is in: what is still queued for the thread goes now, not after the batching wait.
    sendExtractionRequests();
    const heads = await Promise.all(files.map((_, i) => this.pending.get(i)));
    readAhead.clear(); // this import has taken what it could of it
    const out: (ExtractedMetadata | undefined)[] = [];
    // Read-backs one at a time: each may hold up to 64 MiB.
    for (const [i, f] of files.entries()) {
      const r = heads[i];
      if (!r) out.push(undefined);
      else if ('extracted' in r) out.push(r.extracted);
      else out.push(await extractFromWhole(f.mediaType, f.size, r.wholeUpTo, () => read(i)));
    }
    return out;
  }
}

/** A sealed file's bytes, read back from the vault (decrypted, its size and SHA-256 checked). */
export async function readBack(ctx: BlobContext, info: Pick<BlobInfo, 'blobId' | 'sha256' | 'size'>): Promise<Buffer> {
  const out = Buffer.allocUnsafe(info.size);
  let off = 0;
  for await (const chunk of openBlobStream(ctx, info.blobId, { sha256: info.sha256, size: info.size })) {
    const c = chunk as Buffer;
    if (off + c.length > out.length) throw new Error('longer than recorded');
    c.copy(out, off);
    off += c.length;
  }
  if (off !== out.length) throw new Error('shorter than recorded');
  return out;
}
