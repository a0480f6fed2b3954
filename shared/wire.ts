/**
 * JSON wire encoding for hosts that cannot send structured clones (the browser host):
 * Uint8Array <-> { $bytes: base64 }. No dependencies, so the browser bridge can bundle it alone.
 */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Uint8Array) return { $bytes: bytesToBase64(v) };
    return v;
  });
}

export function decodeWire(text: string): unknown {
  // Fast path: a reviver makes JSON.parse several times slower, and most answers carry no bytes.
  // Outside string values (where quotes are escaped) this key can only appear as a key.
  if (!text.includes('{"$bytes":')) return JSON.parse(text) as unknown;
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === '$bytes' && typeof o.$bytes === 'string') return base64ToBytes(o.$bytes);
    }
    return v;
  });
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
