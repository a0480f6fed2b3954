/**
 * The recovery key as people see it: 32 random bytes + a 3-byte BLAKE2b checksum (to tell a typo
 * from a wrong key), in Crockford base32 (no I, L, O, U), 56 characters in 14 groups of 4: "7KQ2-M9XD-…".
 */
import { equalBytes, sodium, utf8 } from './primitives.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_KEY_BYTES = 32;
const CHECK_BYTES = 3;

function checksum(key: Uint8Array): Uint8Array {
  return sodium().crypto_generichash(CHECK_BYTES, key, utf8('evidence-vault recovery key'));
}

export function formatRecoveryKey(key: Uint8Array): string {
  const bytes = new Uint8Array(RECOVERY_KEY_BYTES + CHECK_BYTES);
  bytes.set(key, 0);
  bytes.set(checksum(key), RECOVERY_KEY_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Parses a typed recovery key: case, spaces and dashes don't matter; O→0, I/L→1. Null when malformed. */
export function parseRecoveryKey(text: string): { key: Uint8Array } | { error: string } {
  const clean = text
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const expected = Math.ceil(((RECOVERY_KEY_BYTES + CHECK_BYTES) * 8) / 5);
  if (clean.length !== expected) {
    return { error: `a recovery key has ${expected} letters and digits; this one has ${clean.length}` };
  }
  const bytes = new Uint8Array(RECOVERY_KEY_BYTES + CHECK_BYTES);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of clean) {
    const v = CROCKFORD.indexOf(ch);
    if (v < 0) return { error: `"${ch}" cannot appear in a recovery key` };
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      if (i < bytes.length) bytes[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  const key = bytes.slice(0, RECOVERY_KEY_BYTES);
  if (!equalBytes(checksum(key), bytes.subarray(RECOVERY_KEY_BYTES))) {
    return { error: 'it has a typo (its check letters do not match)' };
  }
  return { key };
}
