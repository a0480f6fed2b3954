/**
 * Record AEAD: a record body is JSON sealed with XChaCha20-Poly1305 under the records subkey,
 * its associated data binding it to the vault, its id, kind and version (a body cannot be moved).
 */
import { open, openEach, seal, utf8 } from '../crypto/index.js';

export const RECORD_KINDS = ['incident', 'person', 'exhibit', 'contact', 'settings', 'signing-key', 'meta'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
const KNOWN_KINDS: ReadonlySet<string> = new Set(RECORD_KINDS);

/** A row of the records table as stored. */
export interface RecordRow {
  id: string;
  kind: string;
  version: number;
  body: Uint8Array;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function recordAd(vaultId: string, id: string, kind: string, version: number): Uint8Array {
  return utf8(`evidence-vault record|${vaultId}|${id}|${kind}|${version}`);
}

/** Encrypts a record body: XChaCha20-Poly1305 under the records subkey, AD = vault id + id + kind + version. */
export function sealRecordBody(
  key: Uint8Array,
  vaultId: string,
  id: string,
  kind: string,
  version: number,
  data: unknown,
): Uint8Array {
  return seal(key, utf8(JSON.stringify(data)), recordAd(vaultId, id, kind, version));
}

/** The decrypted body of a record row, or undefined if it fails authentication (any bit changed, or moved). */
export function openRecordBody(key: Uint8Array, vaultId: string, row: RecordRow): unknown {
  const pt = open(key, row.body, recordAd(vaultId, row.id, row.kind, row.version));
  if (!pt) return undefined;
  try {
    return JSON.parse(decoder.decode(pt));
  } catch {
    return undefined;
  }
}

/** The decrypted bodies of many rows at once (undefined where authentication fails or the kind is unknown). */
export function openRecordBodies(key: Uint8Array, vaultId: string, rows: RecordRow[]): unknown[] {
  const out = new Array<unknown>(rows.length);
  openEach(
    key,
    rows.length,
    (i) => {
      const r = rows[i]!;
      return { sealed: r.body, ad: recordAd(vaultId, r.id, r.kind, r.version) };
    },
    (i, pt) => {
      out[i] = undefined;
      if (!pt || !KNOWN_KINDS.has(rows[i]!.kind)) return;
      try {
        out[i] = JSON.parse(decoder.decode(pt)) as unknown;
      } catch {
        /* not our JSON: treated as failing authentication */
      }
    },
  );
  return out;
}

export function isKnownKind(kind: string): kind is RecordKind {
  return KNOWN_KINDS.has(kind);
}
