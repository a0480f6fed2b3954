/**
 * Content against name: the warning an import gives when a file is not what its name says ("This is a
 * Windows program named .png: it is kept sealed and never opened."). The media type is the one sniffed
 * from the content (sniff.ts); the window never previews a file with a warning.
 */
import { noticeText, type ExhibitNotice } from '../../../shared/exhibit-notices.js';

/** Programs: named as anything else, or with no extension at all, they are always worth a warning. */
const PROGRAMS = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x.ms.shortcut',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/x-shockwave-flash',
]);

const TEXT = ['text/plain', 'message/rfc822'];
const ZIP_BASED = ['application/zip'];

/** For each extension we know, the sniffed media types that fit it. Other extensions are not judged. */
const FITS: Record<string, string[]> = {
  png: ['image/png', 'image/apng'],
  apng: ['image/png', 'image/apng'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  jpe: ['image/jpeg'],
  jfif: ['image/jpeg'],
  gif: ['image/gif'],
  webp: ['image/webp'],
  heic: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  heif: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  avif: ['image/avif'],
  tif: ['image/tiff'],
  tiff: ['image/tiff'],
  bmp: ['image/bmp'],
  pdf: ['application/pdf'],
  eml: TEXT,
  txt: TEXT,
  log: TEXT,
  csv: TEXT,
  md: TEXT,
  json: TEXT,
  html: TEXT,
  htm: TEXT,
  zip: ZIP_BASED,
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ...ZIP_BASED],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ...ZIP_BASED],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation', ...ZIP_BASED],
  mp4: ['video/mp4', 'video/x-m4v', 'audio/mp4'],
  m4v: ['video/mp4', 'video/x-m4v'],
  mov: ['video/quicktime', 'video/mp4'],
  webm: ['video/webm', 'audio/webm'],
  mp3: ['audio/mpeg'],
  m4a: ['audio/mp4', 'audio/x-m4a', 'video/mp4'],
  wav: ['audio/wav', 'audio/vnd.wave', 'audio/x-wav'],
  ogg: ['audio/ogg', 'audio/opus', 'video/ogg', 'application/ogg'],
  opus: ['audio/ogg', 'audio/opus'],
  exe: ['application/x-msdownload'],
  dll: ['application/x-msdownload'],
};

/**
 * Warnings about a file whose content is not what its name says, in plain words: "This is a Windows
 * program named .png: it is kept sealed and never opened." The window never previews such a file.
 * A program is named for what it is even without an extension or with one we do not judge.
 */
export function contentWarnings(name: string, mediaType: string): string[] {
  return contentNotices(name, mediaType).map((n) => noticeText('en', n));
}

/** The same warnings by code (shared/exhibit-notices.ts), for wording them in another language. */
export function contentNotices(name: string, mediaType: string): ExhibitNotice[] {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
  const fits = ext ? FITS[ext] : undefined;
  if (fits) {
    if (fits.includes(mediaType)) return [];
    return [{ code: 'warning.named-as', values: { mediaType, ext } }];
  }
  if (PROGRAMS.has(mediaType)) {
    return ext
      ? [{ code: 'warning.named-as', values: { mediaType, ext } }]
      : [{ code: 'warning.no-extension', values: { mediaType } }];
  }
  return [];
}
