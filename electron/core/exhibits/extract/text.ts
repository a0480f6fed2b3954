/** Small helpers shared by the extractors: what a file says is untrusted text, kept short and plain. */

/** Control characters and the Unicode bidi controls, which could disguise text on screen. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A string from a file as plain text: controls removed, whitespace runs folded, at most `max` characters. */
export function plain(value: unknown, max = 1000): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  if (s === '') return undefined;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** An object without its undefined fields, or undefined when nothing is left. */
export function compact<T extends object>(o: T): T | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? (out as T) : undefined;
}

/** "256 KiB", "8 MiB": sizes in problem lines. */
export function kib(bytes: number): string {
  return bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
