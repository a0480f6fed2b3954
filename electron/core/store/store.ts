// Over 400 lines because transact() rolls back state that only this class holds (cache, digest, chain head, held-back entries).
/**
 * The record store: every record decrypted into memory at open, and ONE primitive for a user
 * action, transact(): records put or removed and custody entries appended in one SQLite
 * transaction, with the meta record (custody chain head, records digest) rewritten at commit.
 * If it throws, nothing is written and the in-memory state is rolled back. Every write in the
 * core goes through it.
 */
import type Database from 'better-sqlite3';
import { VaultError } from '../../../shared/errors.js';
import type { CustodyEntry } from '../../../shared/model.js';
import { fromHex, randomId, toHex } from '../crypto/index.js';
import {
  CustodyAppender,
  custodyCount,
  lastStoredEntry,
  readCustodyLog,
  type ChainHead,
  type NewCustodyEntry,
} from '../custody/log.js';
import type { Keys } from '../keys/subkeys.js';
import { recordsDigestOf, toggleRecord, type RecordKey } from './digest.js';
import { openRecordBodies, sealRecordBody, type RecordKind, type RecordRow } from './record-body.js';
import { mapError } from './sqlite.js';

/** The meta record: one per vault, rewritten by every transaction that changes anything. */
export interface MetaBody {
  createdAt: string;
  custodyHead: { seq: number; mac: string } | null;
  /** The records digest and count as last written (see ./digest.ts and check()). */
  recordsDigest?: string;
  recordCount?: number;
  /** Integrity problems found when opening (e.g. the chain head was lost); reported by every check(). */
  problems?: string[];
}

interface CachedRecord {
  kind: RecordKind;
  version: number;
  data: unknown;
}

interface Tx {
  undo: (() => void)[];
  /** Records or custody changed: the meta record is rewritten at commit. */
  changed: boolean;
}

/** The clock every record time comes from; tests move it (setClock) to see what time does. */
let clock: () => Date = () => new Date();

export function now(): string {
  return clock().toISOString();
}

/** For tests: the core's clock from now on (undefined: the real one again). */
export function setClock(next: (() => Date) | undefined): void {
  clock = next ?? (() => new Date());
}

/**
 * The blob id kept plain beside a record (for check and clean-up): an exhibit's, and a binned
 * exhibit's (its file is still kept, see ../records/bin.ts).
 */
function blobIdOf(kind: RecordKind, data: unknown): string | null {
  if (kind === 'exhibit') return (data as { blobId: string }).blobId;
  if (kind === 'binned') {
    const b = data as { kind?: string; body?: { blobId?: unknown } };
    if (b.kind === 'exhibit' && typeof b.body?.blobId === 'string') return b.body.blobId;
  }
  return null;
}

export class RecordStore {
  private db: Database.Database | null;
  private readonly cache = new Map<string, CachedRecord>();
  /** Records whose body failed authentication at load: id -> kind (as the row claims). */
  private readonly damaged = new Map<string, string>();
  /** Values derived from the records of one kind (e.g. exhibits by incident), dropped when that kind changes. */
  private readonly derived = new Map<RecordKind, Map<string, unknown>>();
  private head: ChainHead | null = null;
  private metaId: string | null = null;
  private metaCreatedAt = now();
  private _headProblem: string | null = null;
  private _metaProblems: string[] = [];
  private digest: Uint8Array = new Uint8Array(32);
  private count = 0;
  private tx: Tx | null = null;
  private readonly stmts: { put: Database.Statement; del: Database.Statement };
  private readonly custody: CustodyAppender;
  /** Custody entries held back until the next transaction (or flushDeferred()); kept if it fails. */
  private deferred: NewCustodyEntry[] = [];
  /** Called after each commit that changed anything, with the new chain head (the rollback anchor); errors ignored. */
  afterCommit: ((head: ChainHead) => void) | null = null;
  /**
   * Who is making entries now: the name of the passphrase that unlocked a vault holding more than
   * one person's (keys/user-slots.ts), or null. Set by the Vault; custody entries, saved versions
   * and new exhibits record it as `enteredBy`.
   */
  enteredBy: () => string | null = () => null;

  constructor(
    readonly dir: string,
    readonly vaultId: string,
    db: Database.Database,
    readonly keys: Keys,
  ) {
    this.db = db;
    this.stmts = {
      put: db.prepare(
        `INSERT INTO records (id, kind, version, body, blob_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, version = excluded.version, body = excluded.body, blob_id = excluded.blob_id`,
      ),
      del: db.prepare(`DELETE FROM records WHERE id = ?`),
    };
    this.custody = new CustodyAppender(db, keys, vaultId);
  }

  get isOpen(): boolean {
    return this.db !== null;
  }

  /** The database; VAULT_LOCKED once closed. */
  requireOpen(): Database.Database {
    if (!this.db) throw new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
    return this.db;
  }

  /** A read of the database, with SQLite errors in plain words (a damaged file is TAMPERED). */
  read<T>(fn: (db: Database.Database) => T): T {
    const db = this.requireOpen();
    try {
      return fn(db);
    } catch (e) {
      throw mapError(e, this.dir);
    }
  }

  /** Closes the database and forgets every decrypted record. The keys are the caller's to wipe. */
  close(): void {
    if (!this.db) return;
    try {
      this.db.close();
    } finally {
      this.db = null;
      this.cache.clear();
      this.damaged.clear();
      this.derived.clear();
      this.head = null;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Loading

  /** The decrypted bodies of rows read from disk (undefined where authentication fails). */
  openRows(rows: RecordRow[]): unknown[] {
    return openRecordBodies(this.keys.records, this.vaultId, rows);
  }

  /** Decrypts every record into memory and finds the meta record (chain head, records digest). */
  load(): void {
    const db = this.requireOpen();
    // raw(): arrays instead of objects, noticeably quicker for tens of thousands of rows.
    const raw = db.prepare(`SELECT id, kind, version, body FROM records`).raw().all() as [
      string,
      string,
      number,
      Uint8Array,
    ][];
    const rows: RecordRow[] = raw.map(([id, kind, version, body]) => ({ id, kind, version, body }));
    const bodies = this.openRows(rows);
    for (const [i, row] of rows.entries()) {
      const data = bodies[i];
      if (data === undefined) {
        this.damaged.set(row.id, row.kind);
        continue;
      }
      this.cache.set(row.id, { kind: row.kind as RecordKind, version: row.version, data });
    }
    let digestKnown = false;
    let metaCount = 0;
    for (const [id, rec] of this.cache) {
      if (rec.kind !== 'meta') continue;
      metaCount++;
      this.metaId = id;
      const meta = rec.data as MetaBody;
      this.metaCreatedAt = meta.createdAt;
      this.head = meta.custodyHead ? { seq: meta.custodyHead.seq, mac: fromHex(meta.custodyHead.mac) } : null;
      // Carry the digest as last written, not as found: a difference stays visible to check().
      if (meta.recordsDigest !== undefined && meta.recordCount !== undefined) {
        this.digest = fromHex(meta.recordsDigest);
        this.count = meta.recordCount;
        digestKnown = true;
      }
      this._metaProblems = Array.isArray(meta.problems) ? meta.problems : [];
    }
    if (metaCount !== 1 || !digestKnown) {
      const actual = recordsDigestOf(this.keys.audit, rows);
      this.digest = actual.digest;
      this.count = actual.count;
    }
    if (metaCount !== 1 && (rows.length > 0 || custodyCount(db) > 0)) {
      // The chain head is gone or damaged: continue from the last stored entry, and leave a
      // permanent trace in the log (check() reports the damage on this run too).
      this._headProblem =
        metaCount === 0
          ? 'the custody chain head (meta record) was missing or failed authentication'
          : 'there is more than one custody chain head (meta record)';
      this.head = lastStoredEntry(db);
      if (metaCount > 1) this.metaId = null;
      this._metaProblems = [
        ...(metaCount > 1 ? this._metaProblems : []),
        `${this._headProblem} when the vault was opened on ${now()}; removal of the latest entries before then cannot be ruled out`,
      ];
    }
  }

  /** No records and no custody entries: a new vault, or one whose creation stopped before its first commit. */
  isEmpty(): boolean {
    if (this.cache.size > 0 || this.damaged.size > 0 || this.head) return false;
    return custodyCount(this.requireOpen()) === 0;
  }

  /** Set when the encrypted chain head was missing or damaged at open, until the next commit records it. */
  get headProblem(): string | null {
    return this._headProblem;
  }
  /** Problems kept in the meta record, reported by every check(). */
  get metaProblems(): readonly string[] {
    return this._metaProblems;
  }
  /**
   * Keeps an integrity problem found at open (e.g. the database is older than the rollback anchor)
   * in the meta record from the next commit on, so every later check() reports it.
   */
  noteProblem(problem: string): void {
    this._metaProblems = [...this._metaProblems, `${problem} (found when the vault was opened on ${now()})`];
  }

  /** Drops kept problems that an action has mended (only inside transact(); undone with it). */
  dropProblems(mended: (problem: string) => boolean): void {
    const tx = this.inTx();
    const before = this._metaProblems;
    this._metaProblems = before.filter((p) => !mended(p));
    tx.changed = true;
    tx.undo.push(() => (this._metaProblems = before));
  }

  /** The last custody entry's sequence number in the database (0 for none). */
  lastCustodySeq(): number {
    return this.read((db) => (db.prepare(`SELECT max(seq) AS s FROM custody`).get() as { s: number | null }).s ?? 0);
  }

  /** The stored chain MAC of custody entry seq, or undefined when the log has none. */
  custodyMacAt(seq: number): Uint8Array | undefined {
    const row = this.read((db) => db.prepare(`SELECT mac FROM custody WHERE seq = ?`).get(seq)) as
      { mac: Uint8Array } | undefined;
    return row ? new Uint8Array(row.mac) : undefined;
  }

  /** The records digest and count as Evidence Vault last wrote them. */
  get recordsDigest(): { digest: Uint8Array; count: number } {
    return { digest: this.digest, count: this.count };
  }

  // -------------------------------------------------------------------------------------------
  // Writing: one transaction per user action

  /**
   * Runs fn as one SQLite transaction; put(), remove() and appendCustody() inside it commit
   * together with the rewritten meta record, or not at all (the in-memory state is rolled back).
   * Nested calls join the outer transaction.
   */
  transact<T>(fn: () => T): T {
    const db = this.requireOpen();
    if (this.tx) return fn();
    const tx: Tx = { undo: [], changed: false };
    this.tx = tx;
    const deferred = this.deferred;
    this.deferred = [];
    try {
      const result = db.transaction(() => {
        for (const e of deferred) this.appendCustody(e);
        const r = fn();
        if (tx.changed) this.writeMeta();
        return r;
      })();
      this.tx = null;
      if (tx.changed && this.head && this.afterCommit) {
        try {
          this.afterCommit(this.head);
        } catch {
          /* the commit stands; an anchor left behind the database is harmless */
        }
      }
      return result;
    } catch (e) {
      this.tx = null;
      this.deferred = [...deferred, ...this.deferred];
      for (const u of tx.undo.reverse()) u();
      throw mapError(e, this.dir);
    }
  }

  /**
   * Holds a custody entry back: it is appended first in the next transaction that commits, so an
   * action that fails leaves no trace of it either. flushDeferred() commits it on its own.
   */
  deferCustody(e: NewCustodyEntry): void {
    this.deferred.push(e);
  }

  /** Commits the held-back custody entries, if any. */
  flushDeferred(): void {
    if (this.deferred.length > 0) this.transact(() => undefined);
  }

  /** A new vault's first transaction writes the meta record even if nothing else changes. */
  startMeta(): void {
    const tx = this.inTx();
    this.metaId = randomId();
    this.metaCreatedAt = now();
    tx.changed = true;
  }

  private inTx(): Tx {
    if (!this.tx) throw new VaultError('INTERNAL', 'A vault write outside a transaction.');
    return this.tx;
  }

  /** Adds or replaces a record (its version goes up by one). Only inside transact(). */
  put(id: string, kind: RecordKind, data: unknown): void {
    const tx = this.inTx();
    const prev = this.cache.get(id);
    if (this.damaged.has(id)) {
      throw new VaultError(
        'TAMPERED',
        `${this.damaged.get(id)} ${id} is damaged or was altered; it cannot be changed.`,
      );
    }
    const version = (prev?.version ?? 0) + 1;
    if (kind !== 'meta')
      this.trackRecordSet(prev ? { id, kind: prev.kind, version: prev.version } : null, { id, kind, version });
    const body = sealRecordBody(this.keys.records, this.vaultId, id, kind, version, data);
    const blobId = blobIdOf(kind, data);
    this.stmts.put.run(id, kind, version, body, blobId);
    this.cache.set(id, { kind, version, data });
    this.derived.delete(kind);
    tx.undo.push(() => {
      if (prev) this.cache.set(id, prev);
      else this.cache.delete(id);
      this.derived.delete(kind);
    });
  }

  /** Removes a record. Only inside transact(). */
  remove(id: string): void {
    const tx = this.inTx();
    const prev = this.cache.get(id);
    if (prev && prev.kind !== 'meta') this.trackRecordSet({ id, kind: prev.kind, version: prev.version }, null);
    this.stmts.del.run(id);
    this.cache.delete(id);
    if (prev) this.derived.delete(prev.kind);
    tx.undo.push(() => {
      if (prev) {
        this.cache.set(id, prev);
        this.derived.delete(prev.kind);
      }
    });
  }

  /**
   * Removes a record that failed authentication at load (a damaged draft being discarded or
   * replaced): its row goes, and the records digest with it. Only inside transact().
   */
  removeDamaged(id: string): void {
    const tx = this.inTx();
    const kind = this.damaged.get(id);
    if (kind === undefined) return;
    const row = this.requireOpen().prepare(`SELECT kind, version FROM records WHERE id = ?`).get(id) as
      { kind: string; version: number } | undefined;
    if (row) this.trackRecordSet({ id, kind: row.kind, version: row.version }, null);
    this.stmts.del.run(id);
    this.damaged.delete(id);
    tx.undo.push(() => this.damaged.set(id, kind));
  }

  /** Appends an entry to the custody log, chained to the last one. Only inside transact(). */
  appendCustody(e: NewCustodyEntry): CustodyEntry {
    const tx = this.inTx();
    const prev = this.head;
    const by = e.enteredBy ?? this.enteredBy() ?? undefined;
    const { entry, head } = this.custody.append(prev, by !== undefined ? { ...e, enteredBy: by } : e, now());
    this.head = head;
    tx.changed = true;
    tx.undo.push(() => (this.head = prev));
    return entry;
  }

  /** Keeps the records digest in step with a change; undone with the transaction. */
  private trackRecordSet(out: RecordKey | null, into: RecordKey | null): void {
    const tx = this.inTx();
    const before = new Uint8Array(this.digest);
    const countBefore = this.count;
    if (out) {
      toggleRecord(this.digest, this.keys.audit, out);
      this.count--;
    }
    if (into) {
      toggleRecord(this.digest, this.keys.audit, into);
      this.count++;
    }
    tx.changed = true;
    tx.undo.push(() => {
      this.digest = before;
      this.count = countBefore;
    });
  }

  private writeMeta(): void {
    if (!this.metaId) this.metaId = randomId();
    const body: MetaBody = {
      createdAt: this.metaCreatedAt,
      custodyHead: this.head ? { seq: this.head.seq, mac: toHex(this.head.mac) } : null,
      recordsDigest: toHex(this.digest),
      recordCount: this.count,
      ...(this._metaProblems.length > 0 ? { problems: this._metaProblems } : {}),
    };
    this.put(this.metaId, 'meta', body);
    if (this._headProblem) {
      const problem = this._headProblem;
      this._headProblem = null;
      this.inTx().undo.push(() => (this._headProblem = problem));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  /** The decrypted body of a record of this kind; NOT_FOUND / TAMPERED with the id named. */
  get<T>(id: string, kind: RecordKind): T {
    this.requireOpen();
    const rec = this.cache.get(id);
    if (rec && rec.kind === kind) return rec.data as T;
    if (this.damaged.has(id)) {
      throw new VaultError(
        'TAMPERED',
        `${this.damaged.get(id)} ${id} failed authentication: it is damaged or was altered.`,
      );
    }
    throw new VaultError('NOT_FOUND', `There is no ${kind} with id ${id}.`);
  }

  /** The body of a record of this kind, or undefined (no error) when there is none. */
  find<T>(id: string, kind: RecordKind): T | undefined {
    const rec = this.cache.get(id);
    return rec && rec.kind === kind ? (rec.data as T) : undefined;
  }

  /** Every readable record of a kind, in load order. */
  all<T>(kind: RecordKind): [string, T][] {
    this.requireOpen();
    const out: [string, T][] = [];
    for (const [id, rec] of this.cache) if (rec.kind === kind) out.push([id, rec.data as T]);
    return out;
  }

  /** A value computed from the records of one kind, kept until a record of that kind changes. */
  derive<T>(kind: RecordKind, name: string, build: () => T): T {
    let forKind = this.derived.get(kind);
    if (!forKind) this.derived.set(kind, (forKind = new Map()));
    if (forKind.has(name)) return forKind.get(name) as T;
    const value = build();
    forKind.set(name, value);
    return value;
  }

  /**
   * Puts back a derived value its owner has brought up to date itself after a put() of that kind
   * (which drops it), so a growing index is not rebuilt on every write. A rollback drops it again.
   */
  keepDerived<T>(kind: RecordKind, name: string, value: T): void {
    let forKind = this.derived.get(kind);
    if (!forKind) this.derived.set(kind, (forKind = new Map()));
    forKind.set(name, value);
  }

  /** Records that failed authentication when the vault was opened. */
  damagedRecords(): { id: string; kind: string }[] {
    this.requireOpen();
    return [...this.damaged].map(([id, kind]) => ({ id, kind }));
  }

  /** TAMPERED naming the first damaged record of this kind, if there is one. */
  throwIfDamaged(kind: RecordKind): void {
    for (const [id, k] of this.damaged) {
      if (k === kind)
        throw new VaultError(
          'TAMPERED',
          `The ${kind} record ${id} failed authentication: it is damaged or was altered.`,
        );
    }
  }

  /** Blob ids of every exhibit row, in the bin too, damaged ones included (their blobs are still evidence). */
  exhibitBlobIds(): string[] {
    const rows = this.read(
      (db) =>
        db.prepare(`SELECT blob_id FROM records WHERE kind IN ('exhibit', 'binned') AND blob_id IS NOT NULL`).all() as {
          blob_id: string;
        }[],
    );
    return rows.map((r) => r.blob_id);
  }

  custodyLog(): CustodyEntry[] {
    return this.read((db) => readCustodyLog(db, this.keys.custody, this.vaultId));
  }
}
