/**
 * Record AEAD: a record body is JSON sealed with XChaCha20-Poly1305 under the records subkey,
 * its associated data binding it to the vault, its id, kind and version (a body cannot be moved).
 * The JSON is padded with trailing spaces to a size class first (../crypto/padding.ts), so the stored
 * length shows only the class; bodies from before padding have none and open the same way.
 */
import { open, openEach, seal, utf8 } from '../crypto/index.js';
import { padJson, unpaddedLength } from '../crypto/padding.js';

/**
 * 'export-in-progress': a case pack being written (../records/exports.ts); 'exhibit-numbers': the
 * highest exhibit number ever given (../records/exhibit-refs.ts); 'case': a police case
 * (../records/cases.ts). 'revision': one saved version of an incident, person or exhibit
 * description (../records/revisions.ts). 'binned': a deleted record kept in the bin, under its own
 * id (../records/bin.ts). 'draft': a form's autosaved draft (../records/drafts.ts).
 */
export const RECORD_KINDS = [
  'incident',
  'person',
  'exhibit',
  'contact',
  'settings',
  'signing-key',
  'meta',
  'export-in-progress',
  'exhibit-numbers',
  'case',
  'revision',
  'binned',
  'draft',
] as const;
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

/** The JSON value of a decrypted body, its padding dropped; undefined if it is not UTF-8 JSON. */
function parseBody(pt: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(pt.subarray(0, unpaddedLength(pt)))) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Encrypts a record body: its JSON padded to a size class, then XChaCha20-Poly1305 under the
 * records subkey, AD = vault id + id + kind + version.
 */
export function sealRecordBody(
  key: Uint8Array,
  vaultId: string,
  id: string,
  kind: string,
  version: number,
  data: unknown,
): Uint8Array {
  return seal(key, padJson(JSON.stringify(data)), recordAd(vaultId, id, kind, version));
}

/** The decrypted body of a record row, or undefined if it fails authentication (any bit changed, or moved). */
export function openRecordBody(key: Uint8Array, vaultId: string, row: RecordRow): unknown {
  const pt = open(key, row.body, recordAd(vaultId, row.id, row.kind, row.version));
  return pt ? parseBody(pt) : undefined;
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
      // Not our JSON, like an unknown kind, is treated as failing authentication.
      out[i] = pt && KNOWN_KINDS.has(rows[i]!.kind) ? parseBody(pt) : undefined;
    },
  );
  return out;
}

export function isKnownKind(kind: string): kind is RecordKind {
  return KNOWN_KINDS.has(kind);
}
