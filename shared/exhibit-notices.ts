/**
 * An exhibit's import warnings ("This is a Windows program named .png: it is kept sealed and never
 * opened.") and extraction problems ("The e-mail's header is damaged: …"), by code, in English and
 * Welsh. The core words them in English with `noticeText('en', …)` (electron/core/exhibits/warnings.ts,
 * extract/*.ts): that English is what is stored and what the CLI and the pack print. The window words
 * them in its language with words(lang).exhibitWarning / extractionProblem, which read the stored
 * English back into a code and values (`readNotice`): so exhibits imported before this (old vaults)
 * read in Welsh too, and a line no template knows is shown as it was stored.
 */
import type { Language } from './language.js';

/** What a sniffed media type is, in plain words ("Windows program"), for the warnings. */
export const KIND_NAMES: Record<Language, Record<string, string>> = {
  en: {
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
    'application/octet-stream': 'file of unknown kind',
  },
  // At the start of a sentence ("Rhaglen Windows yw’r ffeil hon …").
  cy: {
    'image/png': 'Delwedd PNG',
    'image/apng': 'Delwedd PNG',
    'image/jpeg': 'Delwedd JPEG',
    'image/gif': 'Delwedd GIF',
    'image/webp': 'Delwedd WebP',
    'image/heic': 'Llun HEIC',
    'image/heif': 'Llun HEIF',
    'image/heic-sequence': 'Llun HEIC',
    'image/heif-sequence': 'Llun HEIF',
    'image/avif': 'Delwedd AVIF',
    'image/tiff': 'Delwedd TIFF',
    'image/bmp': 'Delwedd BMP',
    'image/svg+xml': 'Darlun SVG',
    'application/pdf': 'PDF',
    'message/rfc822': 'E-bost',
    'text/plain': 'Ffeil destun',
    'application/zip': 'Archif ZIP',
    'application/gzip': 'Archif gzip',
    'application/x-7z-compressed': 'Archif 7-Zip',
    'application/x-rar-compressed': 'Archif RAR',
    'application/x-tar': 'Archif tar',
    'application/x-msdownload': 'Rhaglen Windows',
    'application/x-elf': 'Rhaglen Linux',
    'application/x-mach-binary': 'Rhaglen macOS',
    'application/x-apple-diskimage': 'Delwedd disg macOS',
    'application/x.ms.shortcut': 'Llwybr byr Windows',
    'application/x-cfb': 'Ffeil Microsoft Office neu Outlook',
    'application/java-archive': 'Rhaglen Java',
    'application/vnd.android.package-archive': 'Ap Android',
    'application/x-shockwave-flash': 'Ffeil Flash',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Dogfen Word',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Taenlen Excel',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'Cyflwyniad PowerPoint',
    'video/mp4': 'Fideo MP4',
    'video/quicktime': 'Fideo QuickTime',
    'video/webm': 'Fideo WebM',
    'audio/mpeg': 'Recordiad MP3',
    'audio/mp4': 'Recordiad M4A',
    'audio/x-m4a': 'Recordiad M4A',
    'audio/wav': 'Recordiad WAV',
    'audio/ogg': 'Recordiad Ogg',
    'audio/opus': 'Recordiad Opus',
    'application/octet-stream': 'Ffeil o fath anhysbys',
  },
};

/** A warning or problem by code; `values` are plain strings (a media type, an extension, a size). */
export interface ExhibitNotice {
  code: NoticeCode;
  values?: Record<string, string>;
}

type Values = Record<string, string>;

/** "a" or "an" before a kind ("an e-mail", "a PNG image"). */
function article(kind: string): string {
  return /^[aeio]/i.test(kind) || /^(MP|M4A|SVG)/.test(kind) ? 'an' : 'a';
}

/** "a Windows program", or "a file of type x/y" for a type with no name. */
function whatEn(mediaType: string): string {
  const kind = KIND_NAMES.en[mediaType];
  return kind ? `${article(kind)} ${kind}` : `a file of type ${mediaType}`;
}

function whatCy(mediaType: string): string {
  return KIND_NAMES.cy[mediaType] ?? `Ffeil o’r math ${mediaType}`;
}

/** Back from "a Windows program" to a media type (the first that has that name). */
function mediaTypeOf(what: string): string | undefined {
  const unnamed = /^a file of type (.+)$/.exec(what);
  if (unnamed) return unnamed[1];
  for (const [type, kind] of Object.entries(KIND_NAMES.en)) if (`${article(kind)} ${kind}` === what) return type;
  return undefined;
}

const v = (values: Values | undefined, key: string): string => values?.[key] ?? '';

/**
 * Each code: its English and Welsh, and how to read the English back (a pattern whose groups are the
 * values, in `keys` order). The English is exactly what the core has always stored.
 */
const NOTICES = {
  // Warnings (warnings.ts)
  'warning.named-as': {
    en: (x: Values) =>
      `This is ${whatEn(v(x, 'mediaType'))} named .${v(x, 'ext')}: it is kept sealed and never opened.`,
    cy: (x: Values) =>
      `${whatCy(v(x, 'mediaType'))} yw’r ffeil hon, ond mae ei henw’n gorffen â .${v(x, 'ext')}: caiff ei chadw dan sêl ac ni chaiff ei hagor byth.`,
    re: /^This is (.+) named \.([^\s]+): it is kept sealed and never opened\.$/,
    keys: ['what', 'ext'],
  },
  'warning.no-extension': {
    en: (x: Values) =>
      `This is ${whatEn(v(x, 'mediaType'))} with no file extension: it is kept sealed and never opened.`,
    cy: (x: Values) =>
      `${whatCy(v(x, 'mediaType'))} yw’r ffeil hon, heb estyniad ffeil: caiff ei chadw dan sêl ac ni chaiff ei hagor byth.`,
    re: /^This is (.+) with no file extension: it is kept sealed and never opened\.$/,
    keys: ['what'],
  },
  // Extraction problems (extract/*.ts)
  'extract.failed': {
    en: () => 'What this file says about itself could not be read.',
    cy: () => 'Nid oedd modd darllen yr hyn y mae’r ffeil hon yn ei ddweud amdani ei hun.',
    re: /^What this file says about itself could not be read\.$/,
    keys: [],
  },
  'pdf.too-large': {
    en: (x: Values) => `The PDF is too large to read its dates here (over ${v(x, 'size')}).`,
    cy: (x: Values) => `Mae’r PDF yn rhy fawr i ddarllen ei ddyddiadau yma (dros ${v(x, 'size')}).`,
    re: /^The PDF is too large to read its dates here \(over (.+)\)\.$/,
    keys: ['size'],
  },
  'pdf.password': {
    en: () => 'The PDF is protected by a password: its own dates were not read.',
    cy: () => 'Mae’r PDF wedi’i ddiogelu â chyfrinair: ni ddarllenwyd ei ddyddiadau ei hun.',
    re: /^The PDF is protected by a password: its own dates were not read\.$/,
    keys: [],
  },
  'pdf.timeout': {
    en: () => 'Reading the PDF took too long: its own dates were not read.',
    cy: () => 'Cymerodd darllen y PDF ormod o amser: ni ddarllenwyd ei ddyddiadau ei hun.',
    re: /^Reading the PDF took too long: its own dates were not read\.$/,
    keys: [],
  },
  'pdf.damaged': {
    en: () => 'The PDF is damaged: its own dates were not read.',
    cy: () => 'Mae’r PDF wedi’i ddifrodi: ni ddarllenwyd ei ddyddiadau ei hun.',
    re: /^The PDF is damaged: its own dates were not read\.$/,
    keys: [],
  },
  'pdf.bad-date': {
    en: (x: Values) => `The PDF's ${v(x, 'which')} date could not be read (it says "${v(x, 'raw')}").`,
    cy: (x: Values) =>
      `Nid oedd modd darllen dyddiad ${v(x, 'which') === 'modification' ? 'addasu' : 'creu'}’r PDF (mae’n dweud “${v(x, 'raw')}”).`,
    re: /^The PDF's (creation|modification) date could not be read \(it says "(.*)"\)\.$/s,
    keys: ['which', 'raw'],
  },
  'pdf.info-damaged': {
    en: () => "The PDF's document information is damaged: its title, author and dates were not read.",
    cy: () => 'Mae gwybodaeth ddogfen y PDF wedi’i difrodi: ni ddarllenwyd y teitl, yr awdur na’r dyddiadau.',
    re: /^The PDF's document information is damaged: its title, author and dates were not read\.$/,
    keys: [],
  },
  'image.metadata-too-large': {
    en: (x: Values) =>
      `The photo's metadata is larger than the ${v(x, 'size')} read at import: its capture time, camera and position were not read.`,
    cy: (x: Values) =>
      `Mae metadata’r llun yn fwy na’r ${v(x, 'size')} a ddarllenir wrth fewnforio: ni ddarllenwyd amser tynnu’r llun, y camera na’r lleoliad.`,
    re: /^The photo's metadata is larger than the (.+) read at import: its capture time, camera and position were not read\.$/,
    keys: ['size'],
  },
  'image.exif-damaged': {
    en: () => "The photo's EXIF block is damaged: its capture time, camera and position were not read.",
    cy: () => 'Mae bloc EXIF y llun wedi’i ddifrodi: ni ddarllenwyd amser tynnu’r llun, y camera na’r lleoliad.',
    re: /^The photo's EXIF block is damaged: its capture time, camera and position were not read\.$/,
    keys: [],
  },
  'image.bad-capture-time': {
    en: () => "The photo's capture time is not a valid date: it was not read.",
    cy: () => 'Nid yw amser tynnu’r llun yn ddyddiad dilys: ni chafodd ei ddarllen.',
    re: /^The photo's capture time is not a valid date: it was not read\.$/,
    keys: [],
  },
  'image.gps-out-of-range': {
    en: () => "The photo's GPS position is out of range: it was not read.",
    cy: () => 'Mae lleoliad GPS y llun y tu allan i’r ystod bosibl: ni chafodd ei ddarllen.',
    re: /^The photo's GPS position is out of range: it was not read\.$/,
    keys: [],
  },
  'email.header-too-large': {
    en: (x: Values) =>
      `The e-mail's header is larger than the ${v(x, 'size')} read at import: its sender, date and Received chain were not read.`,
    cy: (x: Values) =>
      `Mae pennawd yr e-bost yn fwy na’r ${v(x, 'size')} a ddarllenir wrth fewnforio: ni ddarllenwyd yr anfonwr, y dyddiad na’r gadwyn Received.`,
    re: /^The e-mail's header is larger than the (.+) read at import: its sender, date and Received chain were not read\.$/,
    keys: ['size'],
  },
  'email.no-headers': {
    en: () => 'No e-mail headers could be read from this file.',
    cy: () => 'Nid oedd modd darllen unrhyw benawdau e-bost o’r ffeil hon.',
    re: /^No e-mail headers could be read from this file\.$/,
    keys: [],
  },
  'email.header-damaged': {
    en: () => "The e-mail's header is damaged: its sender, date and Received chain were not read.",
    cy: () => 'Mae pennawd yr e-bost wedi’i ddifrodi: ni ddarllenwyd yr anfonwr, y dyddiad na’r gadwyn Received.',
    re: /^The e-mail's header is damaged: its sender, date and Received chain were not read\.$/,
    keys: [],
  },
  'email.many-parts': {
    en: (x: Values) =>
      `The e-mail has an unusual structure (more than ${v(x, 'count')} multipart sections): only its headers were read.`,
    cy: (x: Values) =>
      `Mae strwythur anarferol i’r e-bost (mwy na ${v(x, 'count')} adran amlran): dim ond ei benawdau a ddarllenwyd.`,
    re: /^The e-mail has an unusual structure \(more than (\d+) multipart sections\): only its headers were read\.$/,
    keys: ['count'],
  },
} satisfies Record<
  string,
  { en: (x: Values) => string; cy: (x: Values) => string; re: RegExp; keys: readonly string[] }
>;

export type NoticeCode = keyof typeof NOTICES;
export const NOTICE_CODES = Object.keys(NOTICES) as NoticeCode[];

/** A notice in a language. */
export function noticeText(lang: Language, n: ExhibitNotice): string {
  const def = NOTICES[n.code];
  return (lang === 'cy' ? def.cy : def.en)(n.values ?? {});
}

/** The code and values of a stored English line, or undefined when no template made it. */
export function readNotice(text: string): ExhibitNotice | undefined {
  for (const code of NOTICE_CODES) {
    const def = NOTICES[code];
    const m = def.re.exec(text);
    if (!m) continue;
    const values: Values = {};
    def.keys.forEach((key, i) => (values[key] = m[i + 1] ?? ''));
    if ('what' in values) {
      const mediaType = mediaTypeOf(values.what!);
      if (mediaType === undefined) continue;
      delete values.what;
      values.mediaType = mediaType;
    }
    const n: ExhibitNotice = def.keys.length > 0 ? { code, values } : { code };
    // Only a line the template words back exactly (anything else is shown as stored).
    if (noticeText('en', n) === text) return n;
  }
  return undefined;
}

/** A stored line (warning or extraction problem) in a language: as stored when no template made it. */
export function storedNoticeIn(lang: Language, text: string): string {
  if (lang === 'en') return text;
  const n = readNotice(text);
  return n ? noticeText(lang, n) : text;
}
