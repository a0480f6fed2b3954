/**
 * What a photo says about itself, from the first bytes only (the image is never decoded): the EXIF/XMP
 * capture time as the camera's clock gave it, the camera make and model, the software, the GPS position
 * (exifr); and whether a content credential (C2PA) is embedded (presence only, never verified).
 */
import type { ExtractedMetadata } from '../../../../shared/model.js';
import { compact, kib, plain } from './text.js';
import { ask, FILE_TIME_LIMIT_MS } from './thread.js';
import { noticeText } from '../../../../shared/exhibit-notices.js';

/** The formats exifr reads metadata from. */
export const IMAGE_WITH_METADATA = /^image\/(jpeg|png|tiff|heic|heif|avif|webp)$/;

/** Only what we keep is parsed: no maker notes, no thumbnails, no ICC, no IPTC. */
const EXIFR_OPTIONS = {
  tiff: true,
  ifd1: false,
  exif: true,
  gps: true,
  xmp: true,
  interop: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: false,
  reviveValues: false,
  translateValues: false,
  sanitize: true,
  mergeOutput: true,
  silentErrors: false,
  pick: [
    'Make',
    'Model',
    'Software',
    'DateTimeOriginal',
    'OffsetTimeOriginal',
    'CreateDate',
    'DateCreated',
    'GPSLatitude',
    'GPSLatitudeRef',
    'GPSLongitude',
    'GPSLongitudeRef',
    'GPSAltitude',
    'GPSAltitudeRef',
  ],
};

/** EXIF "2019:11:13 08:05:10" or XMP "2019-11-13T08:05:10(.sss)(±HH:MM|Z)". */
const EXIF_TIME = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

function offsetOf(raw: unknown): string | undefined {
  const s = plain(raw, 10);
  if (!s) return undefined;
  if (s === 'Z') return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(s);
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) return undefined;
  return `${m[1]}${m[2]}:${m[3]}`;
}

/** The capture time as the camera's clock said it ("2019-11-13T08:05:10", "+01:00" appended when given). */
export function captureTime(raw: unknown, rawOffset: unknown): string | 'invalid' | undefined {
  const s = plain(raw, 40);
  if (!s || /^0{4}[:-]0{2}[:-]0{2}/.test(s)) return undefined;
  const m = EXIF_TIME.exec(s);
  if (!m) return 'invalid';
  const [, y, mo, d, h, mi, sec = '00', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) {
    return 'invalid';
  }
  const offset = offsetOf(zone) ?? offsetOf(rawOffset);
  return `${y}-${mo}-${d}T${h}:${mi}:${sec}${offset ?? ''}`;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (Array.isArray(v) && v.length === 1) return num(v[0]);
  return undefined;
}

function altitude(tags: Record<string, unknown>): number | undefined {
  const a = num(tags.GPSAltitude);
  if (a === undefined) return undefined;
  const ref = tags.GPSAltitudeRef;
  const below = ref === 1 || (ref instanceof Uint8Array && ref[0] === 1);
  return Math.round((below ? -a : a) * 10) / 10;
}

/** The problem line for an exifr failure: too large to reach within the bytes read, or damaged. */
function exifProblem(e: unknown, limit: number): string {
  const msg = e instanceof Error ? e.message : String(e);
  // exifr: "Segment unreachable" when a metadata block runs past the bytes it was given.
  if (msg === 'timeout')
    return "Reading the photo's metadata took too long: its capture time, camera and position were not read.";
  if (/unreachable/i.test(msg)) {
    return noticeText('en', { code: 'image.metadata-too-large', values: { size: kib(limit) } });
  }
  return noticeText('en', { code: 'image.exif-damaged' });
}

/**
 * @param head the file's first bytes (all of it when it is small)
 * @param limit how many bytes the import keeps of a file's head (for the problem line)
 */
export async function extractImage(head: Buffer, limit: number): Promise<ExtractedMetadata> {
  const out: ExtractedMetadata = {};
  const problems: string[] = [];
  const has = carries(head);
  if (has.c2pa) out.contentCredentials = 'c2pa';
  let tags: Record<string, unknown> | undefined;
  if (has.metadata) {
    try {
      // exifr runs in the extraction thread (thread.ts), given only the bytes up to the end of the metadata.
      const r = await ask('exif', head.subarray(0, has.end), EXIFR_OPTIONS, FILE_TIME_LIMIT_MS);
      if (r.error) throw new Error(r.error.message);
      tags = (r.tags as Record<string, unknown> | null) ?? undefined;
    } catch (e) {
      problems.push(exifProblem(e, limit));
    }
  }
  if (tags) {
    const when = captureTime(tags.DateTimeOriginal ?? tags.CreateDate ?? tags.DateCreated, tags.OffsetTimeOriginal);
    if (when === 'invalid') problems.push(noticeText('en', { code: 'image.bad-capture-time' }));
    else if (when) out.capturedAt = when;
    const camera = compact({
      make: plain(tags.Make, 200),
      model: plain(tags.Model, 200),
      software: plain(tags.Software, 200),
    });
    if (camera) out.camera = camera;
    const lat = num(tags.latitude);
    const lon = num(tags.longitude);
    if (lat !== undefined && lon !== undefined) {
      if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
        const alt = altitude(tags);
        out.gps = {
          latitude: Math.round(lat * 1e7) / 1e7,
          longitude: Math.round(lon * 1e7) / 1e7,
          ...(alt !== undefined ? { altitudeMetres: alt } : {}),
        };
      } else {
        problems.push(noticeText('en', { code: 'image.gps-out-of-range' }));
      }
    }
  }
  if (problems.length > 0) out.problems = problems;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// What a JPEG or PNG carries, from its segment / chunk headers in the bytes we have (no metadata is read
// here): whether it has any metadata block for exifr to read (most screenshots have none, and exifr is
// then not called), where the last one ends (exifr is given the bytes up to there, never the image data),
// and whether a content credential is present. A C2PA manifest store is a JUMBF box labelled "c2pa", in
// JPEG APP11 segments and in a PNG "caBX" chunk: presence only, never verified.

interface Carries {
  /** false only when the format was walked and has no block exifr reads (EXIF or XMP). */
  metadata: boolean;
  c2pa: boolean;
  /** How many of the head's bytes exifr needs: all of them unless the walk found where the metadata ends. */
  end: number;
}

function carries(b: Buffer): Carries {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegCarries(b);
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) return pngCarries(b);
  return { metadata: true, c2pa: false, end: b.length };
}

function jpegCarries(b: Buffer): Carries {
  const out = { metadata: false, c2pa: false, end: b.length };
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1] ?? 0;
    // End of image, start of scan: no more metadata. exifr is given the segments before it (it reads a
    // segment only when bytes follow it, so the cut is at the next marker, not at the block's last byte).
    if (marker === 0xd9 || marker === 0xda) return { ...out, end: i };
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    if (len < 2) return { ...out, metadata: true }; // damaged: let exifr say so
    if (marker === 0xe1) out.metadata = true; // APP1: EXIF or XMP
    if (marker === 0xeb) {
      const seg = b.subarray(i + 4, Math.min(b.length, i + 2 + len));
      if (seg.subarray(0, 2).toString('latin1') === 'JP' && seg.includes('jumb') && seg.includes('c2pa')) {
        out.c2pa = true;
      }
    }
    i += 2 + len;
  }
  // The head ended before the image data: what follows is unknown.
  return i + 4 > b.length ? { ...out, metadata: true } : out;
}

/** The chunks exifr reads what we keep from: EXIF, and XMP in iTXt (tEXt and zTXt it keeps for other uses). */
const PNG_METADATA = new Set(['eXIf', 'iTXt']);

function pngCarries(b: Buffer): Carries {
  const out = { metadata: false, c2pa: false, end: 8 };
  let i = 8;
  while (i + 8 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    if (type === 'IEND') return out;
    if (type === 'caBX') out.c2pa = true;
    if (PNG_METADATA.has(type)) {
      out.metadata = true;
      out.end = Math.min(b.length, i + 12 + len); // to the end of this chunk (its CRC)
    }
    i += 12 + len;
  }
  return { ...out, metadata: true, end: b.length }; // the head ended first
}
