/**
 * The encrypted vault core: key slots, encrypted records in SQLite, the chained custody log,
 * exhibits (through ./blobs.ts) and check(). Never imports 'electron'.
 *
 * Layout of a vault folder:
 *   vault.json        header: format version, vault id, Argon2id parameters, key slots (no content)
 *   vault.db (+ -wal)  SQLite, WAL mode: records (id, kind, version, encrypted body) and custody log
 *   blobs/            exhibit files, each encrypted with crypto_secretstream (see blobs.ts)
 *
 * Every user action is one SQLite transaction: the record change, its custody entry and the new
 * custody chain head (kept inside the encrypted 'meta' record) commit together or not at all.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { VaultError } from '../../shared/errors.js';
import {
  CATEGORY_IDS,
  ContactInputSchema,
  IncidentInputSchema,
  PersonInputSchema,
  SettingsSchema,
  formatOccurredAt,
  isCategoryId,
  parseOccurredAt,
  type CheckProblem,
  type CheckReport,
  type Contact,
  type ContactInput,
  type CustodyEntry,
  type Exhibit,
  type Incident,
  type IncidentData,
  type IncidentInput,
  type Person,
  type PersonInput,
  type Settings,
} from '../../shared/model.js';
import { inTimelineOrder } from '../../shared/timeline.js';
import type { ImportOptions, KdfParams, StreamSource, UnlockWith, VaultApi } from './api.js';
import {
  importBlobsFromFiles,
  importBlobFromStream,
  openBlobStream,
  removeBlobs,
  removeOrphanBlobs,
  verifyBlob,
  type BlobContext,
  type BlobInfo,
} from './blobs.js';
import {
  DEFAULT_KDF,
  SALT_BYTES,
  deriveSubkey,
  equalBytes,
  formatRecoveryKey,
  fromB64,
  loadSodium,
  mac,
  open as openSealed,
  openEach,
  parseRecoveryKey,
  passphraseKey,
  randomBytes,
  randomId,
  seal,
  sodium,
  toB64,
  toHex,
  fromHex,
  utf8,
  wipe,
} from './crypto.js';
import {
  FORMAT_VERSION,
  HEADER_FILE,
  kdfOf,
  readHeader,
  unwrapSlot,
  wrapSlot,
  writeHeader,
  type Header,
} from './header.js';
import { SCHEMA_VERSION, migrate, schemaVersion } from './migrations.js';

export const DB_FILE = 'vault.db';
export const BLOB_DIR = 'blobs';

export const RECORD_KINDS = ['incident', 'person', 'exhibit', 'contact', 'settings', 'signing-key', 'meta'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
const KNOWN_KINDS: ReadonlySet<string> = new Set(RECORD_KINDS);

export interface VaultOptions {
  /** Argon2id cost for a new vault (create); defaults to DEFAULT_KDF. open() and changePassphrase() use the cost stored in vault.json. */
  kdf?: KdfParams;
  /** Tests only: create or open the database at an earlier schema version (no migration past it). */
  schemaVersion?: number;
}

/** An exhibit as stored: the public Exhibit fields (minus id) plus its blob id. */
interface ExhibitBody extends Omit<Exhibit, 'id'> {
  blobId: string;
  /** Position within its import batch (exhibits of one batch share importedAt), for a stable order. */
  batchIndex?: number;
}
interface IncidentBody extends IncidentData {
  createdAt: string;
  updatedAt: string;
}
type PersonBody = Omit<Person, 'id'>;
type ContactBody = Omit<Contact, 'id'>;
interface MetaBody {
  createdAt: string;
  custodyHead: { seq: number; mac: string } | null;
  /**
   * XOR of a keyed BLAKE2b of (id, kind, version) of every other record, and their count: a record
   * removed, added or rolled back to an older version outside the app changes it (see check()).
   */
  recordsDigest?: string;
  recordCount?: number;
  /** Integrity problems found when opening (e.g. the chain head was lost); reported by every check(). */
  problems?: string[];
}
interface SigningKeyBody {
  seed: string;
}

interface CachedRecord {
  kind: RecordKind;
  version: number;
  data: unknown;
}

interface Keys {
  master: Uint8Array;
  records: Uint8Array;
  blobs: Uint8Array;
  audit: Uint8Array;
  custody: Uint8Array;
}

interface Tx {
  undo: (() => void)[];
  /** Records or custody changed: the meta record (chain head, records digest) is rewritten at commit. */
  custodyAppended: boolean;
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
];

const ZERO_MAC = new Uint8Array(32);

function now(): string {
  return new Date().toISOString();
}

function u64(n: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n));
  return b;
}

function xorInto(acc: Uint8Array, h: Uint8Array): void {
  for (let i = 0; i < acc.length; i++) acc[i]! ^= h[i]!;
}

function recordAd(vaultId: string, id: string, kind: string, version: number): Uint8Array {
  return utf8(`evidence-vault record|${vaultId}|${id}|${kind}|${version}`);
}
function custodyAd(vaultId: string, seq: number): Uint8Array {
  return utf8(`evidence-vault custody|${vaultId}|${seq}`);
}

/** A row of the records table as stored. */
export interface RecordRow {
  id: string;
  kind: string;
  version: number;
  body: Uint8Array;
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
  const pt = openSealed(key, row.body, recordAd(vaultId, row.id, row.kind, row.version));
  if (!pt) return undefined;
  try {
    return JSON.parse(decoder.decode(pt));
  } catch {
    return undefined;
  }
}

function recoveryWrappingKey(vaultId: string, recoveryKey: Uint8Array): Uint8Array {
  return sodium().crypto_generichash(32, utf8(`evidence-vault recovery slot|${vaultId}`), recoveryKey);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns SQLite errors into VaultErrors with plain words; passes VaultErrors through. */
function mapError(e: unknown, dir: string): unknown {
  if (e instanceof VaultError) return e;
  const code = sqliteCode(e);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new VaultError(
      'VAULT_IN_USE',
      `The vault in ${dir} is open in another Evidence Vault window or process. Close it there first.`,
      { cause: e },
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_VTAB') {
    return new VaultError('TAMPERED', `The vault database in ${dir} is damaged or was altered (${DB_FILE}).`, {
      cause: e,
    });
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || (e as NodeJS.ErrnoException)?.code === 'ENOSPC') {
    return new VaultError('DISK_FULL', `The disk holding ${dir} is full; nothing was changed.`, { cause: e });
  }
  return e;
}

/** Validates input with a zod schema; INVALID_INPUT naming each bad field. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const parts = r.error.issues.slice(0, 5).map((i) => {
    const path = i.path.map(String).join('.');
    return path ? `${path}: ${i.message}` : i.message;
  });
  throw new VaultError('INVALID_INPUT', `Invalid ${what}: ${parts.join('; ')}.`);
}

function validateIncidentInput(input: IncidentInput): IncidentData {
  const raw = input as { categories?: unknown };
  if (Array.isArray(raw.categories)) {
    for (const c of raw.categories) {
      if (typeof c !== 'string' || !isCategoryId(c)) {
        throw new VaultError(
          'INVALID_INPUT',
          `Unknown category "${String(c)}". Use one of: ${CATEGORY_IDS.join(', ')}.`,
        );
      }
    }
  }
  const data = parseInput(IncidentInputSchema, input, 'incident');
  // The schema checks the shape of the date; this checks it exists (no 30 February, no 25:00).
  try {
    const at = data.occurredAt;
    if (at.offset !== undefined && at.time === undefined) throw new RangeError(`a UTC offset needs a time`);
    parseOccurredAt(formatOccurredAt(at), at.approximate);
  } catch (e) {
    throw new VaultError('INVALID_INPUT', `Invalid date for the incident: ${(e as Error).message}.`);
  }
  data.categories = [...new Set(data.categories)];
  data.escalationSignals = [...new Set(data.escalationSignals)];
  return data;
}

export class Vault implements VaultApi {
  readonly dir: string;
  readonly vaultId: string;
  /**
   * How the last open() spent its time: deriving the key (Argon2id + unwrap) and the rest (SQLite,
   * decrypting every record into memory, custody entry, orphan clean-up). For benchmarks.
   */
  unlockTimings: { kdfMs: number; loadMs: number } | null = null;

  private header: Header;
  private db: Database.Database | null;
  private keys: Keys | null;
  private readonly schema: number;
  private readonly cache = new Map<string, CachedRecord>();
  /** Records whose body failed authentication at load: id -> kind (as the row claims). */
  private readonly damaged = new Map<string, string>();
  private head: { seq: number; mac: Uint8Array } | null = null;
  private metaId: string | null = null;
  private metaCreatedAt = now();
  /** Set when the encrypted chain head was missing or damaged at open (reported by check()). */
  private headProblem: string | null = null;
  /** Problems kept in the meta record, reported by every check(). */
  private metaProblems: string[] = [];
  private digest: Uint8Array = new Uint8Array(32);
  private recordCount = 0;
  private signing: { publicKey: Uint8Array; secretKey: Uint8Array } | null = null;
  private tx: Tx | null = null;
  private exhibitIndex: Map<string, string[]> | null = null;
  private readonly stmts: {
    put: Database.Statement;
    del: Database.Statement;
    custody: Database.Statement;
  };

  private constructor(dir: string, header: Header, db: Database.Database, keys: Keys, schema: number) {
    this.dir = dir;
    this.header = header;
    this.vaultId = header.vaultId;
    this.db = db;
    this.keys = keys;
    this.schema = schema;
    this.stmts = {
      put:
        schema >= 3
          ? db.prepare(
              `INSERT INTO records (id, kind, version, body, blob_id) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, version = excluded.version, body = excluded.body, blob_id = excluded.blob_id`,
            )
          : db.prepare(
              `INSERT INTO records (id, kind, version, body) VALUES (?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, version = excluded.version, body = excluded.body`,
            ),
      del: db.prepare(`DELETE FROM records WHERE id = ?`),
      custody: db.prepare(`INSERT INTO custody (seq, body, mac) VALUES (?, ?, ?)`),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Create, open, close

  /** True when dir holds a vault header (it may still be too new or damaged). */
  static async isVault(dir: string): Promise<boolean> {
    try {
      await readHeader(dir);
      return true;
    } catch (e) {
      return e instanceof VaultError && e.code !== 'NOT_A_VAULT';
    }
  }

  /**
   * Creates a vault in dir (created if missing; an existing folder must be empty).
   * Returns the open vault and the recovery key, to show the user once.
   */
  static async create(
    dir: string,
    passphrase: string,
    opts: VaultOptions = {},
  ): Promise<{ vault: Vault; recoveryKey: string }> {
    await loadSodium();
    dir = resolve(dir);
    if (typeof passphrase !== 'string' || passphrase.length === 0) {
      throw new VaultError('INVALID_INPUT', 'A passphrase is needed to create a vault.');
    }
    if (await Vault.isVault(dir)) {
      throw new VaultError('VAULT_EXISTS', `There is already a vault in ${dir}. Open it, or choose another folder.`);
    }
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (e) {
      throw new VaultError('INVALID_INPUT', `Cannot create the folder ${dir}: ${(e as Error).message}.`);
    }
    if (!statSync(dir).isDirectory()) throw new VaultError('INVALID_INPUT', `${dir} is not a folder.`);
    if (readdirSync(dir).length > 0) {
      throw new VaultError(
        'INVALID_INPUT',
        `The folder ${dir} is not empty. Choose an empty or new folder for the vault.`,
      );
    }
    const kdf = opts.kdf ?? DEFAULT_KDF;
    const vaultId = randomId();
    const master = randomBytes(32);
    const recovery = randomBytes(32);
    const salt = randomBytes(SALT_BYTES);
    const header: Header = {
      format: 'evidence-vault',
      version: FORMAT_VERSION,
      vaultId,
      kdf: { algorithm: 'argon2id13', opsLimit: kdf.opsLimit, memLimit: kdf.memLimit, salt: toB64(salt) },
      slots: [],
    };
    const passKey = passphraseKey(passphrase, salt, kdf);
    const recKey = recoveryWrappingKey(vaultId, recovery);
    header.slots = [wrapSlot(header, 'passphrase', passKey, master), wrapSlot(header, 'recovery', recKey, master)];
    wipe(passKey, recKey);
    const recoveryKey = formatRecoveryKey(recovery);
    wipe(recovery);
    // The header is the commit point of the key material; the database follows. If we die in
    // between, open() finds an empty database and initialises it.
    writeHeader(dir, header);
    const vault = Vault.openWithMaster(dir, header, master, 'create', opts.schemaVersion);
    return { vault, recoveryKey };
  }

  /** Opens (unlocks) the vault in dir with the passphrase or the recovery key. */
  static async open(dir: string, unlock: UnlockWith, opts: VaultOptions = {}): Promise<Vault> {
    await loadSodium();
    const t0 = performance.now();
    dir = resolve(dir);
    const header = await readHeader(dir);
    let master: Uint8Array | null;
    let method: 'passphrase' | 'recovery-key';
    if ('passphrase' in unlock) {
      method = 'passphrase';
      const key = passphraseKey(unlock.passphrase, fromB64(header.kdf.salt), kdfOf(header));
      master = unwrapSlot(header, 'passphrase', key);
      wipe(key);
      if (!master)
        throw new VaultError('WRONG_PASSPHRASE', 'That passphrase does not open this vault. Nothing was changed.');
    } else {
      method = 'recovery-key';
      const parsed = parseRecoveryKey(unlock.recoveryKey);
      if ('error' in parsed) {
        throw new VaultError(
          'WRONG_RECOVERY_KEY',
          `That recovery key is not valid: ${parsed.error}. Nothing was changed.`,
        );
      }
      const key = recoveryWrappingKey(header.vaultId, parsed.key);
      wipe(parsed.key);
      master = unwrapSlot(header, 'recovery', key);
      wipe(key);
      if (!master)
        throw new VaultError('WRONG_RECOVERY_KEY', 'That recovery key does not open this vault. Nothing was changed.');
    }
    const t1 = performance.now();
    const vault = Vault.openWithMaster(dir, header, master, method, opts.schemaVersion);
    await vault.cleanOrphanBlobs();
    vault.unlockTimings = { kdfMs: t1 - t0, loadMs: performance.now() - t1 };
    return vault;
  }

  private static openWithMaster(
    dir: string,
    header: Header,
    master: Uint8Array,
    reason: 'create' | 'passphrase' | 'recovery-key',
    targetSchema?: number,
  ): Vault {
    const keys: Keys = {
      master,
      records: deriveSubkey(master, 'records'),
      blobs: deriveSubkey(master, 'blobs'),
      audit: deriveSubkey(master, 'audit'),
      custody: deriveSubkey(master, 'custody'),
    };
    let db: Database.Database | null = null;
    // create() makes blobs/ only after the database's first commit. A vault with blobs/ but no
    // database (or an empty one) lost its contents: say so, never start afresh over it.
    const mayInit = reason === 'create' || !existsSync(join(dir, BLOB_DIR));
    try {
      if (!mayInit && !existsSync(join(dir, DB_FILE))) {
        throw new VaultError(
          'TAMPERED',
          `The vault database ${DB_FILE} is missing from ${dir}: the vault's records were removed. Restore the folder from a backup.`,
        );
      }
      db = new Database(join(dir, DB_FILE), { timeout: 0 });
      // One process at a time: EXCLUSIVE locking holds the database lock from the first access
      // until close. The kernel drops it if the process dies, so a killed process never leaves
      // the vault stuck. (With EXCLUSIVE, the WAL index lives in process memory: no -shm file.)
      db.pragma('locking_mode = EXCLUSIVE');
      const found = schemaVersion(db); // first read: takes the lock, or SQLITE_BUSY
      if (found > SCHEMA_VERSION) {
        throw new VaultError(
          'VAULT_TOO_NEW',
          `The vault database in ${dir} has schema version ${found}; this version of Evidence Vault reads up to ${SCHEMA_VERSION}. Update Evidence Vault to open it.`,
        );
      }
      db.pragma('journal_mode = WAL');
      // FULL: each commit fsyncs the WAL, so a crash or power cut loses nothing committed.
      db.pragma('synchronous = FULL');
      db.pragma('temp_store = MEMORY');
      db.pragma('foreign_keys = ON');
      db.exec('BEGIN EXCLUSIVE; COMMIT'); // hold the write lock from now on
      const ctxKey = keys.records;
      migrate(
        db,
        {
          openBody: (row) => openRecordBody(ctxKey, header.vaultId, row) ?? null,
        },
        targetSchema ?? SCHEMA_VERSION,
      );
      const vault = new Vault(dir, header, db, keys, schemaVersion(db));
      vault.load();
      if (vault.isEmpty()) {
        if (!mayInit) {
          throw new VaultError(
            'TAMPERED',
            `The vault database ${DB_FILE} in ${dir} is empty: the vault's records were removed. Restore the folder from a backup.`,
          );
        }
        vault.init();
      }
      mkdirSync(join(dir, BLOB_DIR), { recursive: true, mode: 0o700 });
      const logOpen = () =>
        vault.action(() => {
          if (vault.headProblem) {
            vault.appendCustody({
              action: 'check',
              subjectKind: 'vault',
              subjectId: null,
              details: { problem: vault.headProblem },
            });
          }
          vault.appendCustody({
            action: reason === 'create' ? 'create' : 'unlock',
            subjectKind: 'vault',
            subjectId: null,
            details: reason === 'create' ? { formatVersion: FORMAT_VERSION } : { method: reason },
          });
        });
      try {
        logOpen();
      } catch (e) {
        // A full disk must not lock a person out of their own evidence: they can still read, list,
        // check and export (to another disk). Only the 'unlock' entry is skipped; anything that
        // records a problem or creates the vault still fails.
        if (reason === 'create' || vault.headProblem || !(e instanceof VaultError) || e.code !== 'DISK_FULL') throw e;
      }
      return vault;
    } catch (e) {
      try {
        db?.close();
      } catch {
        /* already closed */
      }
      wipe(keys.master, keys.records, keys.blobs, keys.audit, keys.custody);
      throw mapError(e, dir);
    }
  }

  get isOpen(): boolean {
    return this.db !== null;
  }

  close(): void {
    if (!this.db) return;
    try {
      this.db.close();
    } finally {
      this.db = null;
      if (this.keys) wipe(this.keys.master, this.keys.records, this.keys.blobs, this.keys.audit, this.keys.custody);
      if (this.signing) wipe(this.signing.secretKey);
      this.keys = null;
      this.signing = null;
      this.cache.clear();
      this.damaged.clear();
      this.exhibitIndex = null;
      this.head = null;
    }
  }

  async changePassphrase(newPassphrase: string): Promise<void> {
    const keys = this.requireKeys();
    if (typeof newPassphrase !== 'string' || newPassphrase.length === 0) {
      throw new VaultError('INVALID_INPUT', 'The new passphrase is empty.');
    }
    const salt = randomBytes(SALT_BYTES);
    const kdf = kdfOf(this.header);
    const next: Header = structuredClone(this.header);
    next.kdf = { algorithm: 'argon2id13', opsLimit: kdf.opsLimit, memLimit: kdf.memLimit, salt: toB64(salt) };
    const passKey = passphraseKey(newPassphrase, salt, kdf);
    const slot = wrapSlot(next, 'passphrase', passKey, keys.master);
    wipe(passKey);
    next.slots = [slot, ...next.slots.filter((s) => s.type !== 'passphrase')];
    writeHeader(this.dir, next);
    this.header = next;
    this.action(() => {
      this.appendCustody({ action: 'passphrase-change', subjectKind: 'vault', subjectId: null, details: {} });
    });
  }

  // -------------------------------------------------------------------------------------------
  // Loading, transactions, records

  private requireDb(): Database.Database {
    if (!this.db) throw new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
    return this.db;
  }
  /** A read of the database, with SQLite errors in plain words (a damaged file is TAMPERED). */
  private read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw mapError(e, this.dir);
    }
  }

  private requireKeys(): Keys {
    this.requireDb();
    return this.keys!;
  }

  /** The decrypted bodies of many rows (undefined where authentication fails or the kind is unknown). */
  private openRows(rows: RecordRow[]): unknown[] {
    const out = new Array<unknown>(rows.length);
    openEach(
      this.keys!.records,
      rows.length,
      (i) => {
        const r = rows[i]!;
        return { sealed: r.body, ad: recordAd(this.vaultId, r.id, r.kind, r.version) };
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

  private load(): void {
    // raw(): arrays instead of objects, noticeably quicker for tens of thousands of rows.
    const raw = this.db!.prepare(`SELECT id, kind, version, body FROM records`).raw().all() as [
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
      if (rec.kind === 'meta') {
        metaCount++;
        this.metaId = id;
        const meta = rec.data as MetaBody;
        this.metaCreatedAt = meta.createdAt;
        this.head = meta.custodyHead ? { seq: meta.custodyHead.seq, mac: fromHex(meta.custodyHead.mac) } : null;
        // Carry the digest as last written, not as found: a difference stays visible to check().
        if (meta.recordsDigest !== undefined && meta.recordCount !== undefined) {
          this.digest = fromHex(meta.recordsDigest);
          this.recordCount = meta.recordCount;
          digestKnown = true;
        }
        this.metaProblems = Array.isArray(meta.problems) ? meta.problems : [];
      } else if (rec.kind === 'signing-key') {
        const seed = fromB64((rec.data as SigningKeyBody).seed);
        const kp = sodium().crypto_sign_seed_keypair(seed);
        wipe(seed);
        this.signing = { publicKey: kp.publicKey, secretKey: kp.privateKey };
      }
    }
    if (metaCount !== 1 || !digestKnown) {
      const actual = this.recordsDigestOf(rows);
      this.digest = actual.digest;
      this.recordCount = actual.count;
    }
    const custodyCount = (this.db!.prepare(`SELECT count(*) AS n FROM custody`).get() as { n: number }).n;
    if (metaCount !== 1 && (rows.length > 0 || custodyCount > 0)) {
      // The chain head is gone or damaged: continue from the last stored entry, and leave a
      // permanent trace in the log (check() reports the damage on this run too).
      this.headProblem =
        metaCount === 0
          ? 'the custody chain head (meta record) was missing or failed authentication'
          : 'there is more than one custody chain head (meta record)';
      const last = this.db!.prepare(`SELECT seq, mac FROM custody ORDER BY seq DESC LIMIT 1`).get() as
        { seq: number; mac: Uint8Array } | undefined;
      this.head = last ? { seq: last.seq, mac: new Uint8Array(last.mac) } : null;
      if (metaCount > 1) this.metaId = null;
      this.metaProblems = [
        ...(metaCount > 1 ? this.metaProblems : []),
        `${this.headProblem} when the vault was opened on ${now()}; removal of the latest entries before then cannot be ruled out`,
      ];
    }
  }

  /** No records and no custody entries: a new vault, or one whose creation stopped before its first commit. */
  private isEmpty(): boolean {
    if (this.cache.size > 0 || this.damaged.size > 0 || this.head) return false;
    return (this.db!.prepare(`SELECT count(*) AS n FROM custody`).get() as { n: number }).n === 0;
  }

  /** Writes what every vault starts with: the meta record, the signing key and the settings. */
  private init(): void {
    this.action(() => {
      this.metaId = randomId();
      this.metaCreatedAt = now();
      const seed = randomBytes(32);
      this.putRecord(randomId(), 'signing-key', { seed: toB64(seed) } satisfies SigningKeyBody);
      const kp = sodium().crypto_sign_seed_keypair(seed);
      wipe(seed);
      this.signing = { publicKey: kp.publicKey, secretKey: kp.privateKey };
      this.putRecord(randomId(), 'settings', SettingsSchema.parse({}));
      this.tx!.custodyAppended = true; // forces the meta record to be written
    });
  }

  /**
   * Runs fn as one SQLite transaction together with the custody chain head; the in-memory cache
   * is rolled back if it throws. Nested calls join the outer transaction.
   */
  private action<T>(fn: () => T): T {
    const db = this.requireDb();
    if (this.tx) return fn();
    const tx: Tx = { undo: [], custodyAppended: false };
    this.tx = tx;
    try {
      const result = db.transaction(() => {
        const r = fn();
        if (tx.custodyAppended) this.writeMeta();
        return r;
      })();
      this.tx = null;
      return result;
    } catch (e) {
      this.tx = null;
      for (const u of tx.undo.reverse()) u();
      throw mapError(e, this.dir);
    }
  }

  /**
   * Several user actions as one transaction (a bulk import from another tool, a test fixture):
   * all of them commit, or none.
   */
  batch<T>(fn: () => T): T {
    return this.action(fn);
  }

  /** The keyed digest of a set of record rows (meta rows excluded) and their count. */
  private recordsDigestOf(rows: { id: string; kind: string; version: number }[]): {
    digest: Uint8Array;
    count: number;
  } {
    const digest = new Uint8Array(32);
    let count = 0;
    for (const r of rows) {
      if (r.kind === 'meta') continue;
      xorInto(digest, this.recordHash(r.id, r.kind, r.version));
      count++;
    }
    return { digest, count };
  }

  private recordHash(id: string, kind: string, version: number): Uint8Array {
    return sodium().crypto_generichash(
      32,
      utf8(`evidence-vault record set|${id}|${kind}|${version}`),
      this.keys!.audit,
    );
  }

  private writeMeta(): void {
    if (!this.metaId) this.metaId = randomId();
    const body: MetaBody = {
      createdAt: this.metaCreatedAt,
      custodyHead: this.head ? { seq: this.head.seq, mac: toHex(this.head.mac) } : null,
      recordsDigest: toHex(this.digest),
      recordCount: this.recordCount,
      ...(this.metaProblems.length > 0 ? { problems: this.metaProblems } : {}),
    };
    this.putRecord(this.metaId, 'meta', body);
    if (this.headProblem) {
      const problem = this.headProblem;
      this.headProblem = null;
      this.tx!.undo.push(() => (this.headProblem = problem));
    }
  }

  /** Keeps the records digest in step with a change; undone with the transaction. */
  private trackRecordSet(
    out: { id: string; kind: string; version: number } | null,
    into: { id: string; kind: string; version: number } | null,
  ): void {
    const tx = this.tx!;
    const before = new Uint8Array(this.digest);
    const countBefore = this.recordCount;
    if (out) {
      xorInto(this.digest, this.recordHash(out.id, out.kind, out.version));
      this.recordCount--;
    }
    if (into) {
      xorInto(this.digest, this.recordHash(into.id, into.kind, into.version));
      this.recordCount++;
    }
    tx.custodyAppended = true;
    tx.undo.push(() => {
      this.digest = before;
      this.recordCount = countBefore;
    });
  }

  private putRecord(id: string, kind: RecordKind, data: unknown): void {
    const tx = this.tx!;
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
    const body = sealRecordBody(this.keys!.records, this.vaultId, id, kind, version, data);
    const blobId = kind === 'exhibit' ? (data as ExhibitBody).blobId : null;
    if (this.schema >= 3) this.stmts.put.run(id, kind, version, body, blobId);
    else this.stmts.put.run(id, kind, version, body);
    this.cache.set(id, { kind, version, data });
    if (kind === 'exhibit') this.exhibitIndex = null;
    tx.undo.push(() => {
      if (prev) this.cache.set(id, prev);
      else this.cache.delete(id);
      if (kind === 'exhibit') this.exhibitIndex = null;
    });
  }

  private removeRecord(id: string): void {
    const tx = this.tx!;
    const prev = this.cache.get(id);
    if (prev && prev.kind !== 'meta') this.trackRecordSet({ id, kind: prev.kind, version: prev.version }, null);
    this.stmts.del.run(id);
    this.cache.delete(id);
    if (prev?.kind === 'exhibit') this.exhibitIndex = null;
    tx.undo.push(() => {
      if (prev) this.cache.set(id, prev);
      this.exhibitIndex = null;
    });
  }

  /** The decrypted body of a record of this kind; NOT_FOUND / TAMPERED with the id named. */
  private get<T>(id: string, kind: RecordKind): T {
    this.requireDb();
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

  private all<T>(kind: RecordKind): [string, T][] {
    this.requireDb();
    const out: [string, T][] = [];
    for (const [id, rec] of this.cache) if (rec.kind === kind) out.push([id, rec.data as T]);
    return out;
  }

  /** Records that failed authentication when the vault was opened (shown as a warning; check() names them). */
  damagedRecords(): { id: string; kind: string }[] {
    this.requireDb();
    return [...this.damaged].map(([id, kind]) => ({ id, kind }));
  }

  // -------------------------------------------------------------------------------------------
  // Custody log

  private appendCustody(e: Omit<CustodyEntry, 'seq' | 'at'>): CustodyEntry {
    const tx = this.tx!;
    const keys = this.keys!;
    const prev = this.head;
    const seq = (prev?.seq ?? 0) + 1;
    const entry: CustodyEntry = {
      seq,
      at: now(),
      action: e.action,
      subjectKind: e.subjectKind,
      subjectId: e.subjectId,
      details: e.details,
    };
    const body = seal(
      keys.custody,
      utf8(
        JSON.stringify({
          at: entry.at,
          action: entry.action,
          subjectKind: entry.subjectKind,
          subjectId: entry.subjectId,
          details: entry.details,
        }),
      ),
      custodyAd(this.vaultId, seq),
    );
    const m = mac(keys.audit, [prev?.mac ?? ZERO_MAC, u64(seq), body]);
    this.stmts.custody.run(seq, body, m);
    this.head = { seq, mac: m };
    tx.custodyAppended = true;
    tx.undo.push(() => (this.head = prev));
    return entry;
  }

  custodyLog(): CustodyEntry[] {
    const db = this.requireDb();
    const keys = this.keys!;
    const rows = this.read(
      () => db.prepare(`SELECT seq, body FROM custody ORDER BY seq`).all() as { seq: number; body: Uint8Array }[],
    );
    const out: CustodyEntry[] = [];
    openEach(
      keys.custody,
      rows.length,
      (i) => ({ sealed: rows[i]!.body, ad: custodyAd(this.vaultId, rows[i]!.seq) }),
      (i, pt) => {
        if (!pt) return; // damaged entries are named by check()
        try {
          const e = JSON.parse(decoder.decode(pt)) as Omit<CustodyEntry, 'seq'>;
          out.push({
            seq: rows[i]!.seq,
            at: e.at,
            action: e.action,
            subjectKind: e.subjectKind,
            subjectId: e.subjectId,
            details: e.details,
          });
        } catch {
          /* named by check() */
        }
      },
    );
    return out;
  }

  recordCustody(entry: Omit<CustodyEntry, 'seq' | 'at'>): CustodyEntry {
    if (!CUSTODY_ACTIONS.includes(entry.action)) {
      throw new VaultError('INVALID_INPUT', `Unknown custody action "${String(entry.action)}".`);
    }
    if (typeof entry.subjectKind !== 'string' || entry.subjectKind.length === 0) {
      throw new VaultError('INVALID_INPUT', 'A custody entry needs a subject kind.');
    }
    return this.action(() =>
      this.appendCustody({
        action: entry.action,
        subjectKind: entry.subjectKind,
        subjectId: entry.subjectId ?? null,
        details: entry.details ?? {},
      }),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Incidents

  private exhibitsByIncident(): Map<string, string[]> {
    if (this.exhibitIndex) return this.exhibitIndex;
    const index = new Map<string, string[]>();
    const list = this.all<ExhibitBody>('exhibit').sort(
      (a, b) =>
        a[1].importedAt.localeCompare(b[1].importedAt) ||
        (a[1].batchIndex ?? 0) - (b[1].batchIndex ?? 0) ||
        a[0].localeCompare(b[0]),
    );
    for (const [id, ex] of list) {
      const l = index.get(ex.incidentId);
      if (l) l.push(id);
      else index.set(ex.incidentId, [id]);
    }
    this.exhibitIndex = index;
    return index;
  }

  private toExhibit(id: string, body: ExhibitBody): Exhibit {
    return {
      id,
      incidentId: body.incidentId,
      name: body.name,
      size: body.size,
      sha256: body.sha256,
      mediaType: body.mediaType,
      fileModifiedAt: body.fileModifiedAt,
      importedAt: body.importedAt,
    };
  }

  private toIncident(id: string, body: IncidentBody): Incident {
    const ids = this.exhibitsByIncident().get(id) ?? [];
    const exhibits: Exhibit[] = [];
    for (const eid of ids) {
      const rec = this.cache.get(eid);
      if (rec) exhibits.push(this.toExhibit(eid, rec.data as ExhibitBody));
    }
    return { ...body, id, exhibits };
  }

  listIncidents(): Incident[] {
    return inTimelineOrder(this.all<IncidentBody>('incident'), ([id, body]) => ({
      id,
      occurredAt: body.occurredAt,
      createdAt: body.createdAt,
    })).map(([id, body]) => this.toIncident(id, body));
  }

  getIncident(id: string): Incident {
    return this.toIncident(id, this.get<IncidentBody>(id, 'incident'));
  }

  private checkPeople(data: IncidentData): void {
    for (const pid of [...data.perpetratorIds, ...data.witnessIds]) {
      const rec = this.cache.get(pid);
      if (!rec || rec.kind !== 'person') {
        throw new VaultError('INVALID_INPUT', `Invalid incident: there is no person with id ${pid}.`);
      }
    }
  }

  createIncident(input: IncidentInput): Incident {
    this.requireDb();
    const data = validateIncidentInput(input);
    this.checkPeople(data);
    const id = randomId();
    const at = now();
    const body: IncidentBody = { ...data, createdAt: at, updatedAt: at };
    this.action(() => {
      this.putRecord(id, 'incident', body);
      this.appendCustody({ action: 'create', subjectKind: 'incident', subjectId: id, details: { title: body.title } });
    });
    return this.getIncident(id);
  }

  updateIncident(id: string, input: IncidentInput): Incident {
    const prev = this.get<IncidentBody>(id, 'incident');
    const data = validateIncidentInput(input);
    this.checkPeople(data);
    const body: IncidentBody = { ...data, createdAt: prev.createdAt, updatedAt: now() };
    const changed = (Object.keys(data) as (keyof IncidentData)[]).filter(
      (k) => JSON.stringify(data[k]) !== JSON.stringify(prev[k]),
    );
    this.action(() => {
      this.putRecord(id, 'incident', body);
      this.appendCustody({
        action: 'edit',
        subjectKind: 'incident',
        subjectId: id,
        details: { title: body.title, changed },
      });
    });
    return this.getIncident(id);
  }

  deleteIncident(id: string): void {
    const body = this.get<IncidentBody>(id, 'incident');
    const exhibitIds = [...(this.exhibitsByIncident().get(id) ?? [])];
    const blobIds: string[] = [];
    this.action(() => {
      for (const eid of exhibitIds) {
        const ex = this.get<ExhibitBody>(eid, 'exhibit');
        blobIds.push(ex.blobId);
        this.removeRecord(eid);
        this.appendCustody({
          action: 'delete',
          subjectKind: 'exhibit',
          subjectId: eid,
          details: { name: ex.name, size: ex.size, sha256: ex.sha256, incidentId: id, reason: 'incident deleted' },
        });
      }
      this.removeRecord(id);
      this.appendCustody({
        action: 'delete',
        subjectKind: 'incident',
        subjectId: id,
        details: { title: body.title, exhibits: exhibitIds.length },
      });
    });
    this.dropBlobs(blobIds);
  }

  // -------------------------------------------------------------------------------------------
  // People, contacts, settings

  listPeople(): Person[] {
    return this.all<PersonBody>('person')
      .map(([id, body]) => ({ ...body, id }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  createPerson(input: PersonInput): Person {
    this.requireDb();
    const data = parseInput(PersonInputSchema, input, 'person');
    const id = randomId();
    const at = now();
    const body: PersonBody = { ...data, createdAt: at, updatedAt: at };
    this.action(() => {
      this.putRecord(id, 'person', body);
      this.appendCustody({ action: 'create', subjectKind: 'person', subjectId: id, details: {} });
    });
    return { ...body, id };
  }

  updatePerson(id: string, input: PersonInput): Person {
    const prev = this.get<PersonBody>(id, 'person');
    const data = parseInput(PersonInputSchema, input, 'person');
    const body: PersonBody = { ...data, createdAt: prev.createdAt, updatedAt: now() };
    this.action(() => {
      this.putRecord(id, 'person', body);
      this.appendCustody({ action: 'edit', subjectKind: 'person', subjectId: id, details: {} });
    });
    return { ...body, id };
  }

  /** Deletes a person and removes them from every incident that names them (each an edit). */
  deletePerson(id: string): void {
    this.get<PersonBody>(id, 'person');
    this.action(() => {
      for (const [iid, inc] of this.all<IncidentBody>('incident')) {
        if (!inc.perpetratorIds.includes(id) && !inc.witnessIds.includes(id)) continue;
        const next: IncidentBody = {
          ...inc,
          perpetratorIds: inc.perpetratorIds.filter((p) => p !== id),
          witnessIds: inc.witnessIds.filter((p) => p !== id),
          updatedAt: now(),
        };
        this.putRecord(iid, 'incident', next);
        this.appendCustody({
          action: 'edit',
          subjectKind: 'incident',
          subjectId: iid,
          details: { title: inc.title, changed: ['perpetratorIds', 'witnessIds'], reason: 'person deleted' },
        });
      }
      this.removeRecord(id);
      this.appendCustody({ action: 'delete', subjectKind: 'person', subjectId: id, details: {} });
    });
  }

  listContacts(): Contact[] {
    return this.all<ContactBody>('contact')
      .map(([id, body]) => ({ ...body, id }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  createContact(input: ContactInput): Contact {
    this.requireDb();
    const body: ContactBody = parseInput(ContactInputSchema, input, 'contact');
    const id = randomId();
    this.action(() => {
      this.putRecord(id, 'contact', body);
      this.appendCustody({ action: 'create', subjectKind: 'contact', subjectId: id, details: {} });
    });
    return { ...body, id };
  }

  updateContact(id: string, input: ContactInput): Contact {
    this.get<ContactBody>(id, 'contact');
    const body: ContactBody = parseInput(ContactInputSchema, input, 'contact');
    this.action(() => {
      this.putRecord(id, 'contact', body);
      this.appendCustody({ action: 'edit', subjectKind: 'contact', subjectId: id, details: {} });
    });
    return { ...body, id };
  }

  deleteContact(id: string): void {
    this.get<ContactBody>(id, 'contact');
    this.action(() => {
      this.removeRecord(id);
      this.appendCustody({ action: 'delete', subjectKind: 'contact', subjectId: id, details: {} });
    });
  }

  private throwIfDamaged(kind: RecordKind): void {
    for (const [id, k] of this.damaged) {
      if (k === kind)
        throw new VaultError(
          'TAMPERED',
          `The ${kind} record ${id} failed authentication: it is damaged or was altered.`,
        );
    }
  }

  private settingsEntry(): [string, Settings] | null {
    const found = this.all<Settings>('settings')[0];
    return found ?? null;
  }

  getSettings(): Settings {
    const found = this.settingsEntry();
    if (!found) this.throwIfDamaged('settings');
    return SettingsSchema.parse(found?.[1] ?? {});
  }

  updateSettings(patch: Partial<Settings>): Settings {
    const found = this.settingsEntry();
    if (!found) this.throwIfDamaged('settings');
    const current = SettingsSchema.parse(found?.[1] ?? {});
    const next = parseInput(SettingsSchema, { ...current, ...patch }, 'settings');
    const changed = (Object.keys(next) as (keyof Settings)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
    );
    const id = found?.[0] ?? randomId();
    this.action(() => {
      this.putRecord(id, 'settings', next);
      this.appendCustody({ action: 'edit', subjectKind: 'settings', subjectId: id, details: { changed } });
    });
    return next;
  }

  // -------------------------------------------------------------------------------------------
  // Exhibits

  /** A blob context with its own copy of the blob key (wiped by the caller when done). */
  private blobContext(): BlobContext {
    const keys = this.requireKeys();
    return { dir: join(this.dir, BLOB_DIR), key: new Uint8Array(keys.blobs) };
  }

  private dropBlobs(blobIds: string[]): void {
    if (blobIds.length === 0) return;
    const ctx = { dir: join(this.dir, BLOB_DIR), key: new Uint8Array(32) };
    // After the commit: a failure here leaves only orphans, which the next open removes.
    removeBlobs(ctx, blobIds).catch(() => undefined);
  }

  private async cleanOrphanBlobs(): Promise<void> {
    const known = new Set<string>();
    for (const [, ex] of this.all<ExhibitBody>('exhibit')) known.add(ex.blobId);
    if (this.schema >= 3) {
      // Exhibits whose record is damaged still own their blob: never delete evidence.
      const rows = this.db!.prepare(
        `SELECT blob_id FROM records WHERE kind = 'exhibit' AND blob_id IS NOT NULL`,
      ).all() as {
        blob_id: string;
      }[];
      for (const r of rows) known.add(r.blob_id);
    } else if (this.damaged.size > 0) {
      return; // cannot tell which blobs damaged exhibit records own: keep everything
    }
    const ctx = { dir: join(this.dir, BLOB_DIR), key: new Uint8Array(32) };
    try {
      await removeOrphanBlobs(ctx, known);
    } catch {
      /* best effort: orphans hold only ciphertext and are retried on the next open */
    }
  }

  importExhibits(incidentId: string, paths: string[], options: ImportOptions = {}): Promise<Exhibit[]> {
    return this.importFiles(incidentId, paths, options);
  }

  /**
   * A new incident and its exhibits as ONE action: the files are written first, then the incident,
   * its exhibits and their custody entries are committed in one transaction. A failure or a kill at
   * any moment leaves neither the incident nor any exhibit.
   */
  async createIncidentWithExhibits(
    input: IncidentInput,
    paths: string[],
    options: ImportOptions = {},
  ): Promise<Incident> {
    this.requireDb();
    const data = validateIncidentInput(input);
    this.checkPeople(data);
    const id = randomId();
    const at = now();
    const body: IncidentBody = { ...data, createdAt: at, updatedAt: at };
    await this.importFiles(id, paths, options, () => {
      this.putRecord(id, 'incident', body);
      this.appendCustody({ action: 'create', subjectKind: 'incident', subjectId: id, details: { title: body.title } });
    });
    return this.getIncident(id);
  }

  private importFiles(
    incidentId: string,
    paths: string[],
    options: ImportOptions,
    createIncident?: () => void,
  ): Promise<Exhibit[]> {
    const names = paths.map((p) => basename(p));
    return this.importBatch(incidentId, names, options, createIncident, async (ctx, onBytes) => {
      // Sizes to tell which file the batch's byte count has reached (for ImportProgress.fileIndex).
      const sizes = paths.map((p) => {
        try {
          return statSync(p).size;
        } catch {
          return 0;
        }
      });
      const ends: number[] = [];
      sizes.reduce((acc, n) => (ends.push(acc + n), acc + n), 0);
      // The blob store imports a few files at once and, on any failure, removes the whole batch.
      return importBlobsFromFiles(ctx, paths, {
        signal: options.signal,
        onBytes: (done, total) => {
          let i = ends.findIndex((end) => done < end);
          if (i < 0) i = paths.length - 1;
          onBytes(i, done, total);
        },
      });
    });
  }

  importExhibitStreams(incidentId: string, sources: StreamSource[], options: ImportOptions = {}): Promise<Exhibit[]> {
    const names = sources.map((s) => basename(s.name.replace(/\\/g, '/')));
    return this.importBatch(incidentId, names, options, undefined, async (ctx, onBytes) => {
      const written: BlobInfo[] = [];
      try {
        for (const [i, s] of sources.entries()) {
          written.push(
            await importBlobFromStream(
              ctx,
              { name: s.name, modifiedAt: s.modifiedAt, stream: s.stream },
              { signal: options.signal, onBytes: (done, total) => onBytes(i, done, total) },
            ),
          );
        }
        return written;
      } catch (e) {
        await removeBlobs(
          ctx,
          written.map((w) => w.blobId),
        ).catch(() => undefined);
        throw e;
      }
    });
  }

  /**
   * Writes the blobs (all or none), then adds every exhibit record and its custody 'import' entry
   * in ONE transaction. If that fails, the batch's blobs are removed and nothing is added.
   */
  private async importBatch(
    incidentId: string,
    names: string[],
    options: ImportOptions,
    /** When set, the incident is new: this adds it inside the same transaction, before its exhibits. */
    createIncident: (() => void) | undefined,
    writeBlobs: (
      ctx: BlobContext,
      onBytes: (fileIndex: number, done: number, total: number) => void,
    ) => Promise<BlobInfo[]>,
  ): Promise<Exhibit[]> {
    if (!createIncident) this.get<IncidentBody>(incidentId, 'incident');
    if (names.length === 0) {
      if (createIncident) this.action(createIncident);
      return [];
    }
    for (const name of names) {
      if (!name || name === '.' || name === '..') {
        throw new VaultError('INVALID_INPUT', 'An exhibit needs a file name.');
      }
    }
    if (options.signal?.aborted) throw new VaultError('CANCELLED', 'The import was cancelled; nothing was added.');
    const ctx = this.blobContext();
    let written: BlobInfo[] = [];
    try {
      written = await writeBlobs(ctx, (i, done, total) =>
        options.onProgress?.({
          fileIndex: i,
          fileCount: names.length,
          name: names[i] ?? '',
          bytesDone: done,
          bytesTotal: total,
        }),
      );
      if (written.length !== names.length) {
        throw new VaultError('INTERNAL', 'The blob store returned the wrong number of exhibits; nothing was added.');
      }
      if (options.signal?.aborted) throw new VaultError('CANCELLED', 'The import was cancelled; nothing was added.');
      const importedAt = now();
      const exhibits: Exhibit[] = [];
      this.action(() => {
        if (createIncident) createIncident();
        else this.get<IncidentBody>(incidentId, 'incident'); // still there after the await?
        for (const [i, info] of written.entries()) {
          const id = randomId();
          const body: ExhibitBody = {
            incidentId,
            blobId: info.blobId,
            name: names[i]!,
            size: info.size,
            sha256: info.sha256,
            mediaType: info.mediaType,
            fileModifiedAt: info.fileModifiedAt,
            importedAt,
            batchIndex: i,
          };
          this.putRecord(id, 'exhibit', body);
          this.appendCustody({
            action: 'import',
            subjectKind: 'exhibit',
            subjectId: id,
            details: { name: body.name, size: body.size, sha256: body.sha256, mediaType: body.mediaType, incidentId },
          });
          exhibits.push(this.toExhibit(id, body));
        }
      });
      return exhibits;
    } catch (e) {
      const ids = written.map((w) => w.blobId);
      if (ids.length > 0) {
        try {
          await removeBlobs({ dir: ctx.dir, key: ctx.key }, ids);
        } catch {
          /* left as orphans; removed on the next open */
        }
      }
      throw mapError(e, this.dir);
    } finally {
      wipe(ctx.key);
    }
  }

  getExhibit(id: string): Exhibit {
    return this.toExhibit(id, this.get<ExhibitBody>(id, 'exhibit'));
  }

  deleteExhibit(id: string): void {
    const ex = this.get<ExhibitBody>(id, 'exhibit');
    this.action(() => {
      this.removeRecord(id);
      this.appendCustody({
        action: 'delete',
        subjectKind: 'exhibit',
        subjectId: id,
        details: { name: ex.name, size: ex.size, sha256: ex.sha256, incidentId: ex.incidentId },
      });
    });
    this.dropBlobs([ex.blobId]);
  }

  openExhibitStream(id: string): Readable {
    const ex = this.get<ExhibitBody>(id, 'exhibit');
    const ctx = this.blobContext();
    let stream: Readable;
    try {
      stream = openBlobStream(ctx, ex.blobId, { sha256: ex.sha256, size: ex.size });
    } catch (e) {
      wipe(ctx.key);
      throw e;
    }
    stream.once('close', () => wipe(ctx.key));
    return stream;
  }

  async readExhibit(id: string): Promise<Uint8Array> {
    const ex = this.get<ExhibitBody>(id, 'exhibit');
    const out = new Uint8Array(ex.size);
    let off = 0;
    try {
      for await (const chunk of this.openExhibitStream(id)) {
        const c = chunk as Uint8Array;
        if (off + c.length > out.length) {
          throw new VaultError('TAMPERED', `Exhibit ${ex.name} (${id}) is longer than recorded: it was altered.`);
        }
        out.set(c, off);
        off += c.length;
      }
    } catch (e) {
      if (e instanceof VaultError && e.message.includes(ex.name)) throw e;
      const code = e instanceof VaultError ? e.code : 'TAMPERED';
      throw new VaultError(code, `Exhibit ${ex.name} (${id}): ${(e as Error).message}`, { cause: e });
    }
    if (off !== ex.size) {
      throw new VaultError('TAMPERED', `Exhibit ${ex.name} (${id}) is shorter than recorded: it was altered.`);
    }
    this.action(() => {
      this.appendCustody({
        action: 'view',
        subjectKind: 'exhibit',
        subjectId: id,
        details: { name: ex.name, sha256: ex.sha256 },
      });
    });
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Signing

  signingPublicKey(): Uint8Array {
    this.requireDb();
    if (!this.signing) throw new VaultError('TAMPERED', 'The vault signing key is missing or damaged.');
    return new Uint8Array(this.signing.publicKey);
  }

  signDetached(message: Uint8Array): Uint8Array {
    this.requireDb();
    if (!this.signing) throw new VaultError('TAMPERED', 'The vault signing key is missing or damaged.');
    return sodium().crypto_sign_detached(message, this.signing.secretKey);
  }

  // -------------------------------------------------------------------------------------------
  // Check

  async check(options: { onProgress?: (done: number, total: number) => void } = {}): Promise<CheckReport> {
    const db = this.requireDb();
    const keys = this.keys!;
    const problems: CheckProblem[] = [];

    // 1. Every record authenticates (re-read from disk, not from the cache).
    const rows = this.read(() => db.prepare(`SELECT id, kind, version, body FROM records`).all()) as {
      id: string;
      kind: string;
      version: number;
      body: Uint8Array;
    }[];
    const exhibits: [string, ExhibitBody][] = [];
    const metas: MetaBody[] = [];
    const bodies = this.openRows(rows);
    for (const [i, row] of rows.entries()) {
      const known = KNOWN_KINDS.has(row.kind);
      const data = bodies[i];
      if (data === undefined) {
        problems.push({
          kind: 'record',
          id: row.id,
          message: `${known ? row.kind : `record of unknown kind "${row.kind}"`} ${row.id}: fails authentication (damaged or altered)`,
        });
        continue;
      }
      if (row.kind === 'exhibit') exhibits.push([row.id, data as ExhibitBody]);
      if (row.kind === 'meta') metas.push(data as MetaBody);
    }

    // 2. The custody chain: every entry decrypts, MACs chain from the start, ends at the head.
    const custodyRows = this.read(() => db.prepare(`SELECT seq, body, mac FROM custody ORDER BY seq`).all()) as {
      seq: number;
      body: Uint8Array;
      mac: Uint8Array;
    }[];
    const custodyTexts = new Array<string | null>(custodyRows.length).fill(null);
    openEach(
      keys.custody,
      custodyRows.length,
      (i) => ({ sealed: custodyRows[i]!.body, ad: custodyAd(this.vaultId, custodyRows[i]!.seq) }),
      (i, pt) => {
        if (!pt) return;
        try {
          custodyTexts[i] = decoder.decode(pt);
        } catch {
          /* not UTF-8: reported as unreadable below */
          custodyTexts[i] = '';
        }
      },
    );
    let ci = 0;
    let prevMac: Uint8Array = ZERO_MAC;
    let expectSeq = 1;
    let macBreakReported = false;
    /** Records the log says exist (created or imported, not deleted): id -> what it is. */
    const live = new Map<string, { kind: string; label: string }>();
    for (const row of custodyRows) {
      if (row.seq !== expectSeq) {
        problems.push({
          kind: 'custody',
          message:
            row.seq > expectSeq
              ? `custody log: ${row.seq - expectSeq === 1 ? `entry ${expectSeq} is` : `entries ${expectSeq}–${row.seq - 1} are`} missing (deleted)`
              : `custody log: entry ${row.seq} is out of order`,
        });
      }
      const text = custodyTexts[ci++];
      if (text === null || text === undefined) {
        problems.push({
          kind: 'custody',
          message: `custody log: entry ${row.seq} fails authentication (altered or moved)`,
        });
      } else {
        try {
          const e = JSON.parse(text) as Omit<CustodyEntry, 'seq'>;
          const tracked = ['incident', 'person', 'contact', 'exhibit'].includes(e.subjectKind);
          if (tracked && e.subjectId && (e.action === 'create' || e.action === 'import')) {
            const label = e.details.title ?? e.details.name;
            live.set(e.subjectId, { kind: e.subjectKind, label: typeof label === 'string' ? label : '' });
          } else if (tracked && e.subjectId && e.action === 'delete') {
            live.delete(e.subjectId);
          }
        } catch {
          problems.push({ kind: 'custody', message: `custody log: entry ${row.seq} is not readable` });
        }
      }
      const expected = mac(keys.audit, [prevMac, u64(row.seq), row.body]);
      if (!equalBytes(expected, row.mac) && !macBreakReported) {
        problems.push({
          kind: 'custody',
          message: `custody log: chain broken at entry ${row.seq} (altered, reordered or removed)`,
        });
        macBreakReported = true;
      }
      prevMac = new Uint8Array(row.mac);
      expectSeq = row.seq + 1;
    }
    // Records the custody log says exist but the database lacks: removed outside the app.
    const present = new Set(rows.map((r) => r.id));
    for (const [id, what] of live) {
      if (present.has(id)) continue;
      problems.push({
        kind: 'record',
        id,
        message: `${what.kind} ${id}${what.label ? ` ("${what.label}")` : ''}: missing, removed outside Evidence Vault (the custody log has no deletion)`,
      });
    }
    // The set of records (ids, kinds, versions) as last written by the app.
    const actual = this.recordsDigestOf(rows);
    if (!equalBytes(actual.digest, this.digest) || actual.count !== this.recordCount) {
      problems.push({
        kind: 'record',
        message: `records: the set of records differs from the one Evidence Vault last wrote (${this.recordCount} expected, ${actual.count} found): a record was removed, added or replaced by an older copy outside the app`,
      });
    }
    const last = custodyRows[custodyRows.length - 1];
    if (metas.length !== 1) {
      problems.push({
        kind: 'custody',
        message:
          metas.length === 0
            ? 'custody log: the chain head record is missing or damaged, so removal of the latest entries cannot be ruled out'
            : 'custody log: more than one chain head record',
      });
    } else {
      const h = metas[0]!.custodyHead;
      const headSeq = h?.seq ?? 0;
      const lastSeq = last?.seq ?? 0;
      if (lastSeq < headSeq) {
        problems.push({
          kind: 'custody',
          message: `custody log: the latest ${headSeq - lastSeq === 1 ? 'entry' : `${headSeq - lastSeq} entries`} (up to ${headSeq}) were removed`,
        });
      } else if (lastSeq > headSeq) {
        problems.push({
          kind: 'custody',
          message: `custody log: entries after ${headSeq} were added outside Evidence Vault`,
        });
      } else if (h && last && !equalBytes(fromHex(h.mac), last.mac)) {
        problems.push({
          kind: 'custody',
          message: `custody log: the latest entry ${lastSeq} does not match the chain head`,
        });
      }
    }
    for (const p of this.metaProblems) problems.push({ kind: 'custody', message: `custody log: ${p}` });

    // 3. Every blob decrypts to its recorded SHA-256.
    const total = exhibits.length;
    options.onProgress?.(0, total);
    const ctx = this.blobContext();
    try {
      for (const [i, [id, ex]] of exhibits.entries()) {
        let problem: string | null;
        try {
          problem = await verifyBlob(ctx, ex.blobId, { sha256: ex.sha256, size: ex.size });
        } catch (e) {
          problem = (e as Error).message;
        }
        if (problem) problems.push({ kind: 'blob', id, message: `exhibit ${ex.name} (${id}): ${problem}` });
        options.onProgress?.(i + 1, total);
      }
    } finally {
      wipe(ctx.key);
    }

    const report: CheckReport = {
      ok: problems.length === 0,
      records: rows.length,
      blobs: exhibits.length,
      custodyEntries: custodyRows.length,
      problems,
    };
    if (this.db) {
      this.action(() =>
        this.appendCustody({
          action: 'check',
          subjectKind: 'vault',
          subjectId: null,
          details: { ok: report.ok, records: report.records, blobs: report.blobs, problems: problems.length },
        }),
      );
    }
    return report;
  }
}

export { HEADER_FILE, SCHEMA_VERSION, FORMAT_VERSION };
