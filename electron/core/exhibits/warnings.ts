/**
 * Content against name: the warning an import gives when a file is not what its name says ("This is a
 * Windows program named .png: it is kept sealed and never opened."). The media type is the one sniffed
 * from the content (sniff.ts); the window never previews a file with a warning.
 */
const OCTET_STREAM = 'application/octet-stream';

/** What a sniffed media type is, in plain words ("a Windows program"), for the warnings below. */
const KIND_OF: Record<string, string> = {
  'image/png': 'PNG image',
  'image/apng': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'image/heic': 'HEIC photo',
  'image/heif': 'HEIF photo',
  'image/heic-sequence': 'HEIC photo',
  'image/heif-sequence': 'HEIF photo',
  'image/avif': 'AVIF image',
  'image/tiff': 'TIFF image',
  'image/bmp': 'BMP image',
  'image/svg+xml': 'SVG drawing',
  'application/pdf': 'PDF',
  'message/rfc822': 'e-mail',
  'text/plain': 'text file',
  'application/zip': 'ZIP archive',
  'application/gzip': 'gzip archive',
  'application/x-7z-compressed': '7-Zip archive',
  'application/x-rar-compressed': 'RAR archive',
  'application/x-tar': 'tar archive',
  'application/x-msdownload': 'Windows program',
  'application/x-elf': 'Linux program',
  'application/x-mach-binary': 'macOS program',
  'application/x-apple-diskimage': 'macOS disk image',
  'application/x.ms.shortcut': 'Windows shortcut',
  'application/x-cfb': 'Microsoft Office or Outlook file',
  'application/java-archive': 'Java program',
  'application/vnd.android.package-archive': 'Android app',
  'application/x-shockwave-flash': 'Flash file',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint presentation',
  'video/mp4': 'MP4 video',
  'video/quicktime': 'QuickTime video',
  'video/webm': 'WebM video',
  'audio/mpeg': 'MP3 recording',
  'audio/mp4': 'M4A recording',
  'audio/x-m4a': 'M4A recording',
  'audio/wav': 'WAV recording',
  'audio/ogg': 'Ogg recording',
  'audio/opus': 'Opus recording',
  [OCTET_STREAM]: 'file of unknown kind',
};

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

/** "a" or "an" before a kind ("an e-mail", "a PNG image"). */
function article(kind: string): string {
  return /^[aeio]/i.test(kind) || /^(MP|M4A|SVG)/.test(kind) ? 'an' : 'a';
}

/**
 * Warnings about a file whose content is not what its name says, in plain words: "This is a Windows
 * program named .png: it is kept sealed and never opened." The window never previews such a file.
 * A program is named for what it is even without an extension or with one we do not judge.
 */
export function contentWarnings(name: string, mediaType: string): string[] {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
  const fits = ext ? FITS[ext] : undefined;
  const kind = KIND_OF[mediaType];
  const what = kind ? `${article(kind)} ${kind}` : `a file of type ${mediaType}`;
  if (fits) {
    if (fits.includes(mediaType)) return [];
    return [`This is ${what} named .${ext}: it is kept sealed and never opened.`];
  }
  if (PROGRAMS.has(mediaType)) {
    return ext
      ? [`This is ${what} named .${ext}: it is kept sealed and never opened.`]
      : [`This is ${what} with no file extension: it is kept sealed and never opened.`];
  }
  return [];
}
