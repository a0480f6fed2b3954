/**
 * The records digest: XOR of a keyed BLAKE2b of (id, kind, version) of every record but the meta
 * record, kept with their count in the meta record. A record removed, added or rolled back to an
 * older version outside the app changes it (check() compares).
 */
import { sodium, utf8 } from '../crypto/index.js';

export interface RecordKey {
  id: string;
  kind: string;
  version: number;
}

function xorInto(acc: Uint8Array, h: Uint8Array): void {
  for (let i = 0; i < acc.length; i++) acc[i]! ^= h[i]!;
}

function recordHash(auditKey: Uint8Array, r: RecordKey): Uint8Array {
  return sodium().crypto_generichash(32, utf8(`evidence-vault record set|${r.id}|${r.kind}|${r.version}`), auditKey);
}

/** Adds a record to the digest, or takes it out (XOR: the same operation). */
export function toggleRecord(digest: Uint8Array, auditKey: Uint8Array, r: RecordKey): void {
  xorInto(digest, recordHash(auditKey, r));
}

/** The keyed digest of a set of record rows (meta rows excluded) and their count. */
export function recordsDigestOf(auditKey: Uint8Array, rows: RecordKey[]): { digest: Uint8Array; count: number } {
  const digest = new Uint8Array(32);
  let count = 0;
  for (const r of rows) {
    if (r.kind === 'meta') continue;
    toggleRecord(digest, auditKey, r);
    count++;
  }
  return { digest, count };
}
