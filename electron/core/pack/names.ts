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
export function safeFileName(original: string, maxBytes = MAX_NAME_BYTES): string {
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
  base = truncateUtf8(base, maxBytes - Buffer.byteLength(ext)).replace(/[. ]+$/, '');
  if (base === '') base = 'file';
  return base + ext;
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
export function exhibitFileName(refForFile: string, original: string): string {
  return `${refForFile}-${safeFileName(original, MAX_NAME_BYTES - Buffer.byteLength(refForFile) - 1)}`;
}
