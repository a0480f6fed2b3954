/**
 * The text forms of values that the core (case pack, CLI) and the window both show: sizes, SHA-256
 * fingerprints and UTC offsets. One implementation each, so the screen and the PDF say the same thing
 * for the same bytes. No DOM, no Node: unit-tested in plain Node.
 */
import type { Language } from './language.js';

const SIZE_UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Binary units, one decimal: "512 bytes", "1.4 KiB", "12.0 MiB", "1.0 GiB". */
export function formatSize(bytes: number): string {
  return formatSizeIn('en', bytes);
}

/** formatSize in a language: "512 beit", "1.4 KiB". */
export function formatSizeIn(lang: Language, bytes: number): string {
  if (bytes < 1024) return `${bytes} ${lang === 'cy' ? 'beit' : 'bytes'}`;
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < SIZE_UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${SIZE_UNITS[u]}`;
}

/** A SHA-256 fingerprint (or any hex) in groups of four, easier to read aloud over the phone. */
export function groupHex(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

const OFFSET_PATTERN = /^([+-])(\d{2}):(\d{2})$/;

/** Minutes east of UTC for "+01:00", "-05:00" or "Z" (0 for anything else). */
export function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const m = OFFSET_PATTERN.exec(offset);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** "+01:00" from minutes east of UTC (60); "Z" for 0, as the incident model stores it. */
export function formatOffset(minutesEast: number): string {
  if (minutesEast === 0) return 'Z';
  const sign = minutesEast < 0 ? '-' : '+';
  const abs = Math.abs(minutesEast);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The stored form of an offset: "+00:00" and "-00:00" become "Z"; others are kept as they are. */
export function normaliseOffset(offset: string): string {
  return OFFSET_PATTERN.test(offset) && offsetMinutes(offset) === 0 ? 'Z' : offset;
}

/** "+01:00" → "UTC+01:00"; "Z", "+00:00" or none → "UTC". */
export function offsetLabel(offset: string | undefined): string {
  if (!offset || normaliseOffset(offset) === 'Z') return 'UTC';
  return `UTC${offset}`;
}
