/**
 * The custody log (the activity log people see): each entry's body sealed with XChaCha20-Poly1305
 * under the custody subkey (AD = vault id + sequence number), and chained by ONE keyed MAC,
 * chainMac(), over the previous entry's MAC, the sequence number and the sealed body. Each body's
 * JSON is padded to a size class before sealing (../crypto/padding.ts), so an entry's length does
 * not tell which exhibit or record it names; entries from before padding open the same way.
 * Appending (CustodyAppender) runs inside the store's transaction, which keeps the chain head
 * (../store/store.ts); reading is here; verifying is in ./verify.ts.
 */
import type Database from 'better-sqlite3';
import { VaultError } from '../../../shared/errors.js';
import type { CustodyEntry } from '../../../shared/model.js';
import type { NewCustodyEntry } from '../api.js';
import { mac, openEach, seal, utf8 } from '../crypto/index.js';
import { padJson, unpaddedLength } from '../crypto/padding.js';

export type { NewCustodyEntry };
export interface ChainHead {
  seq: number;
  mac: Uint8Array;
}

type CustodyAction = CustodyEntry['action'];
const CUSTODY_ACTIONS: readonly CustodyAction[] = [
  'create',
  'edit',
  'delete',
  'import',
  'view',
  'export',
  'check',
  'unlock',
  'passphrase-change',
  'restore',
  'purge',
];

/** The MAC the first entry chains from. */
export const ZERO_MAC = new Uint8Array(32);

function u64(n: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n));
  return b;
}

function custodyAd(vaultId: string, seq: number): Uint8Array {
  return utf8(`evidence-vault custody|${vaultId}|${seq}`);
}

/** The chain MAC of entry `seq`: keyed BLAKE2b (audit subkey) of previous MAC || u64(seq) || sealed body. */
export function chainMac(auditKey: Uint8Array, prevMac: Uint8Array, seq: number, body: Uint8Array): Uint8Array {
  return mac(auditKey, [prevMac, u64(seq), body]);
}

/** An entry from outside the core (the exporter), checked and with its optional parts filled in. */
export function validateCustodyEntry(entry: NewCustodyEntry): NewCustodyEntry {
  if (!CUSTODY_ACTIONS.includes(entry.action)) {
    throw new VaultError('INVALID_INPUT', `Unknown custody action "${String(entry.action)}".`);
  }
  if (typeof entry.subjectKind !== 'string' || entry.subjectKind.length === 0) {
    throw new VaultError('INVALID_INPUT', 'A custody entry needs a subject kind.');
  }
  return {
    action: entry.action,
    subjectKind: entry.subjectKind,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
  };
}

/** Appends entries to the custody log of one open database: sealed, chained and inserted. */
export class CustodyAppender {
  private readonly insert: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly keys: { custody: Uint8Array; audit: Uint8Array },
    private readonly vaultId: string,
  ) {
    this.insert = db.prepare(`INSERT INTO custody (seq, body, mac) VALUES (?, ?, ?)`);
  }

  /** Inserts the entry after `prev` (inside the caller's transaction); returns it and the new head. */
  append(prev: ChainHead | null, e: NewCustodyEntry, at: string): { entry: CustodyEntry; head: ChainHead } {
    const seq = (prev?.seq ?? 0) + 1;
    const entry: CustodyEntry = {
      seq,
      at,
      action: e.action,
      subjectKind: e.subjectKind,
      subjectId: e.subjectId,
      details: e.details,
      ...(e.enteredBy !== undefined ? { enteredBy: e.enteredBy } : {}),
    };
    const body = seal(
      this.keys.custody,
      padJson(
        JSON.stringify({
          at: entry.at,
          action: entry.action,
          subjectKind: entry.subjectKind,
          subjectId: entry.subjectId,
          details: entry.details,
          // Only in a vault with more than one person's passphrase (keys/user-slots.ts).
          ...(entry.enteredBy !== undefined ? { enteredBy: entry.enteredBy } : {}),
        }),
      ),
      custodyAd(this.vaultId, seq),
    );
    const head = { seq, mac: chainMac(this.keys.audit, prev?.mac ?? ZERO_MAC, seq, body) };
    this.insert.run(seq, body, head.mac);
    return { entry, head };
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The plaintext JSON of each stored entry, its padding dropped: null where it fails
 * authentication, '' where it decrypts but is not UTF-8 (both named by check()).
 */
export function openCustodyTexts(
  custodyKey: Uint8Array,
  vaultId: string,
  rows: { seq: number; body: Uint8Array }[],
): (string | null)[] {
  const texts = new Array<string | null>(rows.length).fill(null);
  openEach(
    custodyKey,
    rows.length,
    (i) => ({ sealed: rows[i]!.body, ad: custodyAd(vaultId, rows[i]!.seq) }),
    (i, pt) => {
      if (!pt) return;
      try {
        texts[i] = decoder.decode(pt.subarray(0, unpaddedLength(pt)));
      } catch {
        texts[i] = '';
      }
    },
  );
  return texts;
}

/** Every entry that authenticates and parses, in order (damaged ones are left out; check() names them). */
export function readCustodyLog(db: Database.Database, custodyKey: Uint8Array, vaultId: string): CustodyEntry[] {
  const rows = db.prepare(`SELECT seq, body FROM custody ORDER BY seq`).all() as { seq: number; body: Uint8Array }[];
  const texts = openCustodyTexts(custodyKey, vaultId, rows);
  const out: CustodyEntry[] = [];
  for (const [i, text] of texts.entries()) {
    if (text === null) continue;
    try {
      const e = JSON.parse(text) as Omit<CustodyEntry, 'seq'>;
      out.push({
        seq: rows[i]!.seq,
        at: e.at,
        action: e.action,
        subjectKind: e.subjectKind,
        subjectId: e.subjectId,
        details: e.details,
        ...(typeof e.enteredBy === 'string' ? { enteredBy: e.enteredBy } : {}),
      });
    } catch {
      /* named by check() */
    }
  }
  return out;
}

/** The last stored entry as a chain head (to continue from when the meta record was lost). */
export function lastStoredEntry(db: Database.Database): ChainHead | null {
  const last = db.prepare(`SELECT seq, mac FROM custody ORDER BY seq DESC LIMIT 1`).get() as
    { seq: number; mac: Uint8Array } | undefined;
  return last ? { seq: last.seq, mac: new Uint8Array(last.mac) } : null;
}

export function custodyCount(db: Database.Database): number {
  return (db.prepare(`SELECT count(*) AS n FROM custody`).get() as { n: number }).n;
}
