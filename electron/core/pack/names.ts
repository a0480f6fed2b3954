/**
 * File names inside a case pack: safe on Windows, macOS and Linux, and in BagIt manifests.
 * The original name is always kept in case.json and the chronology PDF.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Longest name we write, in UTF-8 bytes (well under the 255 of every common file system, and
 * short enough for Windows' 260-character paths when unpacked a few folders deep). */
export const MAX_NAME_BYTES = 120;

/**
 * Make one path component safe: no characters Windows forbids (< > : " / \ | ? *), no control or
 * bidirectional-override characters, no '%' (BagIt percent-encodes it), no reserved device names
 * (CON, NUL, COM1, …), no trailing dots or spaces, at most MAX_NAME_BYTES bytes with the
 * extension kept. Never returns ''.
 */
export function safeFileName(original: string, maxBytes = MAX_NAME_BYTES, maxChars = Infinity): string {
  let name = original.normalize('NFC');
  // Control characters, Windows-forbidden characters, '%', and invisible direction overrides.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  name = name.replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*%\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '_');
  name = name.replace(/\s+/g, ' ').trim();
  name = name.replace(/^[. ]+/, '').replace(/[. ]+$/, '');
  if (name === '') name = 'file';
  const dot = name.lastIndexOf('.');
  let base = dot > 0 ? name.slice(0, dot) : name;
  let ext = dot > 0 ? name.slice(dot) : '';
  if (WINDOWS_RESERVED.test(base)) base = `${base}_`;
  if (Buffer.byteLength(ext) > 16) ext = '';
  base = truncateUtf8(base, maxBytes - Buffer.byteLength(ext));
  base = truncateChars(base, Math.max(4, maxChars - ext.length)).replace(/[. ]+$/, '');
  if (base === '') base = 'file';
  return base + ext;
}

/** Truncate to at most maxChars UTF-16 code units (what Windows counts in a path) without splitting a character. */
export function truncateChars(s: string, maxChars: number): string {
  if (s.length <= maxChars) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > maxChars) break;
    out += ch;
  }
  return out;
}

/**
 * Windows paths: a pack must unpack into a deep folder and keep every path under
 * WINDOWS_PATH_LIMIT characters (Explorer and many tools still stop at 260, some portals' tools
 * at 200). We assume the folder it is unpacked into is EXTRACT_PREFIX characters long
 * (C:\Users\…\Downloads\…\), and cap what we name: the ZIP's top folder at
 * MAX_ROOT_CHARS, and each exhibit's name at what is left (nameBudget).
 */
export const WINDOWS_PATH_LIMIT = 200;
export const EXTRACT_PREFIX = 60;
export const MAX_ROOT_CHARS = 48;

/** Characters left for a file's name in `folder` (relative to the pack's top folder `root`, '/' separated, may be ''). */
export function nameBudget(root: string, folder: string): number {
  const used = EXTRACT_PREFIX + root.length + 1 + (folder ? folder.length + 1 : 0);
  return WINDOWS_PATH_LIMIT - 1 - used;
}

/**
 * The longest exhibit file name, in characters: what is left under data/exhibits/ in a top folder
 * of MAX_ROOT_CHARS. The same in every pack, whatever its folder is called, so that an exhibit's
 * file name never changes between packs.
 */
export const EXHIBIT_NAME_MAX_CHARS = nameBudget('x'.repeat(MAX_ROOT_CHARS), 'data/exhibits');

/** The pack's top folder name capped at MAX_ROOT_CHARS (no trailing dot or space). */
export function capRootName(name: string): string {
  const capped = truncateChars(name, MAX_ROOT_CHARS).replace(/[. ]+$/, '');
  return capped === '' ? 'case-pack' : capped;
}

/** Truncate to at most maxBytes of UTF-8 without splitting a character (code point). */
export function truncateUtf8(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s) <= maxBytes) return s;
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch);
    if (bytes + b > maxBytes) break;
    out += ch;
    bytes += b;
  }
  return out;
}

/** data/exhibits/<AB-01>-<safe name>: the reference first, padded so that names sort. */
export function exhibitFileName(refForFile: string, original: string, maxChars = EXHIBIT_NAME_MAX_CHARS): string {
  const ref = Buffer.byteLength(refForFile) + 1;
  return `${refForFile}-${safeFileName(original, MAX_NAME_BYTES - ref, Math.max(12, maxChars - refForFile.length - 1))}`;
}
