// Over 400 lines: the outward face of every VaultApi method (each a few lines, delegating to its room) and the open and lock lifecycle, which alone holds the keys; splitting that would spread key handling across files.
/**
 * The vault's outward face: `Vault` implements VaultApi over the rooms of the core; each method
 * delegates to its room. Never imports 'electron'.
 *
 *   crypto/      libsodium wrappers (the one place for primitives), the recovery key's human form
 *   keys/        vault.json header, key slots (passphrase, recovery key), subkeys, a new vault's header
 *   store/       vault.db: opening SQLite, record AEAD, records digest, transact() for every write
 *   custody/     the custody log: append, read, verify; its chain MAC
 *   records/     incidents, exhibits, people, police cases, contacts, settings, signing key, case packs
 *                being written; every saved version (revisions.ts), the bin (bin.ts), form drafts (drafts.ts)
 *   migrations/  the schema, one file per migration; content migrations run after load (content.ts)
 *   check.ts     check()
 *   integrity.ts what is checked outside vault.db: the rollback anchor, the header MAC; recovery key test
 *   exhibits/    exhibit files, each encrypted with crypto_secretstream (blobs/), content sniffing;
 *                only temp files of interrupted imports are ever removed, unreferenced blobs are kept
 *
 * Layout of a vault folder:
 *   vault.json        header: format version, vault id, Argon2id parameters, key slots, checksum, MAC (no content);
 *                     a new vault's `recoveryShown: false` until its recovery key was shown (keys/create.ts)
 *   vault-anchor.json the custody head last committed (MACed): shows a vault.db put back from an older copy
 *   vault.db (+ -wal)  SQLite, WAL mode: records (id, kind, version, encrypted body) and custody log
 *   blobs/            exhibit files, each encrypted with crypto_secretstream (see exhibits/blobs/)
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { VaultError } from '../../shared/errors.js';
import type {
  CaseInput,
  BinItem,
  CheckReport,
  Contact,
  ContactInput,
  CustodyEntry,
  Draft,
  DraftInfo,
  Exhibit,
  ExhibitDetailsInput,
  ExhibitDetailsVersion,
  Incident,
  IncidentInput,
  IncidentVersion,
  KeySlotInfo,
  Person,
  PersonInput,
  PhysicalItemInput,
  PoliceCase,
  PersonVersion,
  Revision,
  Settings,
} from '../../shared/model.js';
import type { ImportOptions, KdfParams, NewCustodyEntry, StreamSource, UnlockWith, VaultApi } from './api.js';
import { removeBlobs, removeTempFiles, type BlobContext } from './exhibits/blobs/index.js';
import { checkVault, type CheckOptions } from './check.js';
import * as exhibitFlow from './exhibits/flow.js';
import { readAndRecord } from './exhibits/extract/after.js';
import { DEFAULT_KDF, equalBytes, loadSodium, randomId, sodium, wipe } from './crypto/index.js';
import { validateCustodyEntry } from './custody/log.js';
import { hasVaultHeader, recoveryNeverShown, recoveryShown, writeNewHeader } from './keys/create.js';
import {
  FORMAT_VERSION,
  HEADER_FILE,
  damagedHeader,
  kdfOf,
  readHeader,
  sealHeader,
  writeHeader,
  type Header,
} from './keys/header.js';
import { RECOVERY_MENDS, headerCheckProblems, openIntegrity, testRecoveryKey } from './integrity.js';
import { replaceRecoverySlot, rewrapPassphrase, unlockMaster, type UnlockMethod } from './keys/slots.js';
import { addUserSlot, listUserSlots, removeUserSlot, rewrapUserSlot, slotName, userSlots } from './keys/user-slots.js';
import { deriveKeys, wipeKeys, type Keys } from './keys/subkeys.js';
import { assignMissingReferences } from './migrations/004-exhibit-references.js';
import { runContentMigrations } from './migrations/content.js';
import { SCHEMA_VERSION } from './migrations/index.js';
import * as bin from './records/bin.js';
import * as cases from './records/cases.js';
import * as contacts from './records/contacts.js';
import * as drafts from './records/drafts.js';
import * as packsInProgress from './records/exports.js';
import * as exhibitRecords from './records/exhibits.js';
import { deleteExhibitRecord, getExhibit, restoreExhibit } from './records/exhibits.js';
import * as incidents from './records/incidents.js';
import { checkPeople } from './records/incidents.js';
import { revisions } from './records/revisions.js';
import * as people from './records/people.js';
import * as settings from './records/settings.js';
import { loadSigningKey, putNewSigningKey, type SigningKey } from './records/signing-key.js';
import { validateIncidentInput } from './records/validate.js';
import { tightenVaultModes } from './store/modes.js';
import { openStore } from './store/open.js';
import { DB_FILE, mapError } from './store/sqlite.js';
import { RecordStore } from './store/store.js';

export const BLOB_DIR = 'blobs';
export { RECORD_KINDS, type RecordKind } from './store/record-body.js';
export { DB_FILE, HEADER_FILE, SCHEMA_VERSION, FORMAT_VERSION };

export interface VaultOptions {
  /** Argon2id cost for a new vault (create); defaults to DEFAULT_KDF. open() uses the cost stored in vault.json; changePassphrase() writes DEFAULT_KDF unless given one. */
  kdf?: KdfParams;
  /** Stops open() while Argon2id runs (in a worker thread): CANCELLED, nothing changed. */
  signal?: AbortSignal;
  /**
   * create(): the host will show the recovery key and then call confirmRecoveryKeyShown(); until
   * then every open says the key was never shown (see ./keys/create.ts).
   */
  recoveryPending?: boolean;
  /**
   * open(): hold the custody 'unlock' entry back until the first action commits or
   * recordUnlock() is called, so a command that fails before doing anything leaves no entry.
   * (The CLI: open with this, call recordUnlock() when the command succeeds.)
   */
  deferUnlockEntry?: boolean;
}

function isList<T>(x: T | readonly T[]): x is readonly T[] {
  return Array.isArray(x);
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
  private keys: Keys | null;
  /** For the exhibit flow (exhibits/flow.ts). */
  readonly store: RecordStore;
  private signing: SigningKey | null;
  /** Blob removals after a commit, still running (check() waits for them). */
  private drops: Promise<void> = Promise.resolve();
  /** The readings of what files say that run after their imports (exhibits/extract/after.ts), one after another. */
  private readings: Promise<void> = Promise.resolve();
  private _openWarnings: string[] = [];
  /** What the last open() did on its own, to tell the user (e.g. a killed export's files removed). */
  private _openNotices: string[] = [];
  /** The header's integrity problem found at open, until replaceRecoveryKey() mends it. */
  private headerWarning: string | null = null;
  /** The further person's slot whose passphrase opened the vault (keys/user-slots.ts); null: the owner's, or the recovery key. */
  private readonly unlockedSlot: string | null;
  /** Opened with the recovery key. */
  private readonly unlockedWithRecovery: boolean;

  private constructor(
    dir: string,
    header: Header,
    store: RecordStore,
    keys: Keys,
    signing: SigningKey | null,
    unlockedBy: { slotId?: string; recovery?: boolean } = {},
  ) {
    this.dir = dir;
    this.header = header;
    this.vaultId = header.vaultId;
    this.store = store;
    this.keys = keys;
    this.signing = signing;
    this.unlockedSlot = unlockedBy.slotId ?? null;
    this.unlockedWithRecovery = unlockedBy.recovery === true;
    // Who makes each entry, once a vault has more than one person's passphrase.
    store.enteredBy = () => this.enteredByName();
  }

  /** The name entries record: null while the vault has only the owner's passphrase. */
  private enteredByName(): string | null {
    if (!this.keys || userSlots(this.header).length === 0) return null;
    if (this.unlockedSlot === null) return this.ownerName();
    const slot = userSlots(this.header).find((s) => s.id === this.unlockedSlot);
    return slot ? slotName(this.header, slot, this.keys.master) : 'Someone whose passphrase was removed';
  }

  private ownerName(): string {
    try {
      const name = settings.getSettings(this.store).producerName.trim();
      return name === '' ? 'Owner' : name;
    } catch {
      return 'Owner';
    }
  }

  // -------------------------------------------------------------------------------------------
  // Create, open, close

  /** True when dir holds a vault header (it may still be too new or damaged). */
  static isVault(dir: string): Promise<boolean> {
    return hasVaultHeader(dir);
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
    const { header, master, recoveryKey } = await writeNewHeader(
      dir,
      passphrase,
      opts.kdf ?? DEFAULT_KDF,
      opts.recoveryPending === true,
    );
    const vault = Vault.openWithMaster(dir, header, master, 'create');
    return { vault, recoveryKey };
  }

  /**
   * Tests a recovery key without opening the vault or changing anything: it must open the recovery
   * slot, and the master key it gives must match the header's MAC (where the header has one).
   * Resolves when it does; WRONG_RECOVERY_KEY, or TAMPERED for a damaged header, otherwise.
   */
  static async testRecoveryKey(dir: string, recoveryKey: string): Promise<void> {
    await loadSodium();
    await testRecoveryKey(resolve(dir), recoveryKey);
  }

  /** Opens (unlocks) the vault in dir with the passphrase or the recovery key. */
  static async open(dir: string, unlock: UnlockWith, opts: VaultOptions = {}): Promise<Vault> {
    await loadSodium();
    const t0 = performance.now();
    dir = resolve(dir);
    const header = await readHeader(dir);
    const { master, method, slotId } = await unlockMaster(header, unlock, () => damagedHeader(dir), opts.signal);
    const t1 = performance.now();
    const vault = Vault.openWithMaster(dir, header, master, method, opts.deferUnlockEntry === true, slotId);
    await vault.removeTempBlobs();
    vault.afterLoad();
    // What a stopped export left outside the vault (readable copies): removed, and said (records/exports.ts).
    vault._openNotices = await packsInProgress.removeLeftExports(vault.store).catch(() => []);
    if (header.recoveryShown === false) vault._openNotices.push(recoveryNeverShown(dir));
    vault.unlockTimings = { kdfMs: t1 - t0, loadMs: performance.now() - t1 };
    return vault;
  }

  /**
   * What every open does once the records are loaded: the content migrations (an older vault's
   * records get their version 1) and removing for good what has been in the bin over 30 days
   * (its files after the commit; the tombstones stay). A full disk leaves both for the next open.
   */
  private afterLoad(): void {
    try {
      runContentMigrations(this.store);
      this.dropBlobs(bin.purgeExpired(this.store));
    } catch (e) {
      if (!(e instanceof VaultError) || e.code !== 'DISK_FULL') throw e;
    }
  }

  private static openWithMaster(
    dir: string,
    header: Header,
    master: Uint8Array,
    reason: 'create' | UnlockMethod,
    deferUnlock = false,
    slotId?: string,
  ): Vault {
    const keys = deriveKeys(master);
    // The folder 0700, its files 0600 (before SQLite opens vault.db: its -wal takes vault.db's mode).
    tightenVaultModes(dir, join(dir, BLOB_DIR));
    let store: RecordStore | null = null;
    // create() makes blobs/ only after the database's first commit. A vault with blobs/ but no
    // database (or an empty one) lost its contents: say so, never start afresh over it.
    const mayInit = reason === 'create' || !existsSync(join(dir, BLOB_DIR));
    try {
      let signing: SigningKey | null = null;
      // What every vault starts with: the meta record, the signing key and the settings.
      const s = openStore(dir, header.vaultId, keys, mayInit, (init) => {
        signing = putNewSigningKey(init);
        settings.putDefaultSettings(init);
      });
      store = s;
      signing ??= loadSigningKey(s);
      const vault = new Vault(dir, header, s, keys, signing, {
        ...(slotId !== undefined ? { slotId } : {}),
        recovery: reason === 'recovery-key',
      });
      mkdirSync(join(dir, BLOB_DIR), { recursive: true, mode: 0o700 });
      const headProblem = s.headProblem;
      // Outside vault.db: the rollback anchor and the header MAC (a vault made before 0.2 gets it now).
      const { anchored, header: headerWrong, sealHeader: seal } = openIntegrity(dir, header, s, keys);
      vault._openWarnings = [anchored, headerWrong].filter((w): w is string => w !== null);
      vault.headerWarning = headerWrong;
      if (seal) vault.sealHeaderOnce();
      try {
        s.transact(() => {
          for (const problem of [headProblem, anchored]) {
            if (!problem) continue;
            s.appendCustody({ action: 'check', subjectKind: 'vault', subjectId: null, details: { problem } });
          }
          const entry = {
            action: reason === 'create' ? 'create' : 'unlock',
            subjectKind: 'vault',
            subjectId: null,
            details: reason === 'create' ? { formatVersion: FORMAT_VERSION } : { method: reason },
          } as const;
          if (deferUnlock && reason !== 'create') s.deferCustody(entry);
          else s.appendCustody(entry);
        });
      } catch (e) {
        // A full disk must not lock a person out of their own evidence: they can still read, list,
        // check and export (to another disk). Only the 'unlock' entry is skipped; anything that
        // records a problem or creates the vault still fails.
        if (reason === 'create' || headProblem || anchored || !(e instanceof VaultError) || e.code !== 'DISK_FULL') {
          throw e;
        }
      }
      // Exhibits without a permanent number (a vault from before migration 4) get theirs now, once;
      // a full disk or a damaged record leaves them for the next open (check() names the damage).
      try {
        assignMissingReferences(s);
      } catch (e) {
        if (!(e instanceof VaultError)) throw e;
      }
      // Exhibits whose reading an earlier session did not write (locked or stopped first): read now, from the vault.
      vault.readAwaiting();
      return vault;
    } catch (e) {
      try {
        store?.close();
      } catch {
        /* already closed */
      }
      wipeKeys(keys);
      throw mapError(e, dir);
    }
  }

  get isOpen(): boolean {
    return this.store.isOpen;
  }

  close(): void {
    if (!this.store.isOpen) return;
    try {
      this.store.close();
    } finally {
      if (this.keys) wipeKeys(this.keys);
      if (this.signing) wipe(this.signing.secretKey);
      this.keys = null;
      this.signing = null;
    }
  }

  /** Adds the checksum and MAC to a header written before 0.2 (best effort: retried on the next open). */
  private sealHeaderOnce(): void {
    try {
      const sealed = sealHeader(this.header, this.requireKeys().header);
      writeHeader(this.dir, sealed);
      this.header = sealed;
    } catch {
      /* a read-only or full disk: the vault still opens; the next open tries again */
    }
  }

  /**
   * A new recovery key, for a lost or damaged one: the recovery slot is rewrapped under it (the old
   * key stops working) and the header re-sealed. Returns the new key, to show the user once.
   * recoveryPending: as create()'s, the host confirms with confirmRecoveryKeyShown() once it showed
   * the key; without it, the "never shown" reminder goes at once.
   */
  replaceRecoveryKey(opts: { recoveryPending?: boolean } = {}): string {
    const keys = this.requireKeys();
    // The recovery key is the owner's: a further person (the agent) cannot replace it.
    if (this.unlockedSlot !== null) {
      throw new VaultError(
        'INVALID_INPUT',
        "Only the vault's owner can make a new recovery key: unlock with the owner's passphrase first. Nothing was changed.",
      );
    }
    const shown = recoveryShown(this.header);
    const base: Header = opts.recoveryPending === true ? { ...shown, recoveryShown: false } : shown;
    const { header, recoveryKey } = replaceRecoverySlot(base, keys.master);
    const next = sealHeader(header, keys.header);
    writeHeader(this.dir, next);
    this.header = next;
    this.headerWarning = null;
    this.store.transact(() => {
      this.store.dropProblems((p) => p.includes(RECOVERY_MENDS));
      this.store.appendCustody({
        action: 'edit',
        subjectKind: 'vault',
        subjectId: null,
        details: { recoveryKey: 'replaced' },
      });
    });
    return recoveryKey;
  }

  /**
   * The host has shown the recovery key of a vault made with recoveryPending: the header's
   * reminder goes (atomically rewritten; nothing else changes). Does nothing otherwise.
   */
  confirmRecoveryKeyShown(): void {
    this.requireKeys();
    if (this.header.recoveryShown !== false) return;
    const next = recoveryShown(this.header);
    writeHeader(this.dir, next);
    this.header = next;
  }

  /** The Argon2id cost stored in vault.json (what unlocking with the passphrase costs). */
  get kdf(): KdfParams {
    return kdfOf(this.header);
  }

  /**
   * Rewraps the passphrase slot under newPassphrase (or the same one) at the cost `kdf`: the
   * default unless a test suite asks for less, so a weak vault (made by a test run, or by an old
   * version) is strengthened by any passphrase change.
   */
  async changePassphrase(
    newPassphrase: string,
    kdf: KdfParams = DEFAULT_KDF,
    opts: { currentPassphrase?: string } = {},
  ): Promise<void> {
    // With currentPassphrase, it must open this vault's passphrase slot before anything changes
    // (WRONG_PASSPHRASE otherwise, nothing written).
    if (opts.currentPassphrase !== undefined) await this.proveCurrentPassphrase(opts.currentPassphrase);
    // Argon2id runs in a worker: the vault may be locked meanwhile, so work on a copy of the master
    // key and ask for the keys again before writing anything.
    const master = new Uint8Array(this.requireKeys().master);
    let rewrapped: Header;
    try {
      // A further person changes their own passphrase; the owner (or after the recovery key) the owner's.
      rewrapped =
        this.unlockedSlot !== null
          ? await rewrapUserSlot(this.header, master, this.unlockedSlot, newPassphrase, kdf)
          : await rewrapPassphrase(this.header, master, newPassphrase, kdf);
    } finally {
      wipe(master);
    }
    const next = sealHeader(rewrapped, this.requireKeys().header);
    const before = kdfOf(this.header);
    const costChanged =
      this.unlockedSlot === null && (before.opsLimit !== kdf.opsLimit || before.memLimit !== kdf.memLimit);
    writeHeader(this.dir, next);
    this.header = next;
    // The new MAC covers the old recovery slot as it is: keep the damage found at open visible.
    const damage = this.headerWarning;
    if (damage) {
      this.store.noteProblem(`${damage}; the passphrase was changed since, so ${RECOVERY_MENDS}`);
      this.headerWarning = null;
    }
    this.store.transact(() => {
      this.store.appendCustody({
        action: 'passphrase-change',
        subjectKind: 'vault',
        subjectId: null,
        // A new Argon2id cost is worth a line in the activity log (a weak vault strengthened).
        details: costChanged ? { opsLimit: kdf.opsLimit, memLimit: kdf.memLimit } : {},
      });
    });
  }

  /**
   * Throws WRONG_PASSPHRASE unless `passphrase` opens this vault's slot `slot` (the owner's when
   * null; by default the one that unlocked it) to its own master key.
   */
  private async proveCurrentPassphrase(
    passphrase: string,
    slot: string | null = this.unlockedSlot,
    wrongText = 'That is not your current passphrase. Nothing was changed.',
  ): Promise<void> {
    this.requireKeys();
    const wrong = () => new VaultError('WRONG_PASSPHRASE', wrongText);
    let found: Uint8Array;
    let foundSlot: string | undefined;
    try {
      ({ master: found, slotId: foundSlot } = await unlockMaster(this.header, { passphrase }, () =>
        damagedHeader(this.dir),
      ));
    } catch (e) {
      if (e instanceof VaultError && e.code === 'WRONG_PASSPHRASE') throw wrong();
      throw e;
    }
    const same = equalBytes(found, this.requireKeys().master) && (foundSlot ?? null) === slot;
    wipe(found);
    if (!same) throw wrong();
  }

  // -------------------------------------------------------------------------------------------
  // Further people's passphrases (keys/user-slots.ts): the agent's own, added and removed by the owner

  /** Who can open the vault: the owner's passphrase, each further person's, the recovery key. */
  listSlots(): KeySlotInfo[] {
    const keys = this.requireKeys();
    const owner: KeySlotInfo = {
      id: 'owner',
      kind: 'owner',
      name: this.ownerName(),
      current: this.unlockedSlot === null && !this.unlockedWithRecovery,
    };
    const people = listUserSlots(this.header, keys.master).map((s): KeySlotInfo => ({
      id: s.id,
      kind: 'person',
      name: s.name,
      current: s.id === this.unlockedSlot,
    }));
    const recovery: KeySlotInfo = {
      id: 'recovery',
      kind: 'recovery',
      name: 'Recovery key',
      current: this.unlockedWithRecovery,
    };
    return [owner, ...people, recovery];
  }

  /**
   * A passphrase of their own for a further person (the agent), wrapping the same master key. The
   * owner's current passphrase is required (WRONG_PASSPHRASE, nothing changed); a passphrase that
   * already opens the vault is refused. Logged; returns the new slot.
   */
  async addSlot(
    name: string,
    passphrase: string,
    ownerPassphrase: string,
    kdf: KdfParams = DEFAULT_KDF,
  ): Promise<KeySlotInfo> {
    this.requireKeys();
    await this.proveCurrentPassphrase(
      ownerPassphrase,
      null,
      "That is not the owner's current passphrase. Nothing was changed.",
    );
    let opensAlready = false;
    try {
      const { master: m } = await unlockMaster(this.header, { passphrase }, () => damagedHeader(this.dir));
      wipe(m);
      opensAlready = true;
    } catch (e) {
      if (!(e instanceof VaultError) || e.code !== 'WRONG_PASSPHRASE') throw e;
    }
    if (opensAlready) {
      throw new VaultError(
        'INVALID_INPUT',
        'That passphrase already opens this vault. Choose a different one for this person. Nothing was changed.',
      );
    }
    const master = new Uint8Array(this.requireKeys().master);
    let added: { header: Header; id: string };
    try {
      added = await addUserSlot(this.header, master, name, passphrase, kdf);
    } finally {
      wipe(master);
    }
    const next = sealHeader(added.header, this.requireKeys().header);
    writeHeader(this.dir, next);
    this.header = next;
    const info = this.listSlots().find((s) => s.id === added.id)!;
    this.store.transact(() => {
      this.store.appendCustody({
        action: 'edit',
        subjectKind: 'vault',
        subjectId: null,
        details: { passphraseSlot: 'added', slotId: added.id, name: info.name },
      });
    });
    return info;
  }

  /**
   * Removes a further person's passphrase (they can no longer open the vault). Only the owner (or
   * the recovery key) may; the owner's passphrase and the recovery key are never removed. Logged.
   */
  removeSlot(id: string): void {
    const keys = this.requireKeys();
    if (id === 'owner') {
      throw new VaultError(
        'INVALID_INPUT',
        "The owner's passphrase cannot be removed: it is the vault's own. Change it in Settings instead. Nothing was changed.",
      );
    }
    if (id === 'recovery') {
      throw new VaultError(
        'INVALID_INPUT',
        'The recovery key cannot be removed; make a new one in Settings if it was lost. Nothing was changed.',
      );
    }
    if (this.unlockedSlot !== null) {
      throw new VaultError(
        'INVALID_INPUT',
        "Only the vault's owner can remove a passphrase: unlock with the owner's passphrase first. Nothing was changed.",
      );
    }
    const slot = userSlots(this.header).find((s) => s.id === id);
    const name = slot ? slotName(this.header, slot, keys.master) : '';
    const next = sealHeader(removeUserSlot(this.header, id), keys.header);
    // Who removed it, named even when it was the last further passphrase.
    const by = this.enteredByName();
    writeHeader(this.dir, next);
    this.header = next;
    this.store.transact(() => {
      this.store.appendCustody({
        action: 'edit',
        subjectKind: 'vault',
        subjectId: null,
        details: { passphraseSlot: 'removed', slotId: id, name },
        ...(by !== null ? { enteredBy: by } : {}),
      });
    });
  }

  private requireKeys(): Keys {
    this.store.requireOpen();
    return this.keys!;
  }

  /**
   * Several user actions as one transaction (a bulk import from another tool, a test fixture):
   * all of them commit, or none.
   */
  batch<T>(fn: () => T): T {
    return this.store.transact(fn);
  }

  /**
   * Commits the custody 'unlock' entry held back by open(…, { deferUnlockEntry: true }), if no
   * action has committed it yet. A full disk skips it, as open() does.
   */
  recordUnlock(): void {
    try {
      this.store.flushDeferred();
    } catch (e) {
      if (!(e instanceof VaultError) || e.code !== 'DISK_FULL') throw e;
    }
  }

  /**
   * Integrity problems found when the vault was opened (e.g. "the database is older than the vault
   * last saw"), to show as a warning; they are kept in the vault and every check() reports them.
   */
  openWarnings(): string[] {
    return [...this._openWarnings];
  }

  /** What open() tidied up on its own (one plain line each), to tell the user once. */
  openNotices(): string[] {
    return [...this._openNotices];
  }

  /** A case pack is about to be written to these temporary paths (see ./records/exports.ts); returns a token for endExport(). */
  beginExport(paths: string[]): string {
    return packsInProgress.beginExport(this.store, paths);
  }

  /** The export whose token this is has finished or removed its temporary files. */
  endExport(token: string): void {
    packsInProgress.endExport(this.store, token);
  }

  /** Records that failed authentication when the vault was opened (shown as a warning; check() names them). */
  damagedRecords(): { id: string; kind: string }[] {
    return this.store.damagedRecords();
  }

  // -------------------------------------------------------------------------------------------
  // Custody log

  custodyLog(): CustodyEntry[] {
    return this.store.custodyLog();
  }

  recordCustody(entry: NewCustodyEntry): CustodyEntry;
  recordCustody(entries: readonly NewCustodyEntry[]): CustodyEntry[];
  recordCustody(entries: NewCustodyEntry | readonly NewCustodyEntry[]): CustodyEntry | CustodyEntry[] {
    if (isList(entries)) {
      const list = entries.map(validateCustodyEntry);
      return this.store.transact(() => list.map((e) => this.store.appendCustody(e)));
    }
    const entry = validateCustodyEntry(entries);
    return this.store.transact(() => this.store.appendCustody(entry));
  }

  // -------------------------------------------------------------------------------------------
  // Incidents, people, contacts, settings (in ./records/)

  listIncidents(): Incident[] {
    return incidents.listIncidents(this.store);
  }
  getIncident(id: string): Incident {
    return incidents.getIncident(this.store, id);
  }
  createIncident(input: IncidentInput): Incident {
    return incidents.createIncident(this.store, input);
  }
  updateIncident(id: string, input: IncidentInput): Incident {
    return incidents.updateIncident(this.store, id, input);
  }
  /** Moves the incident and its exhibits to the bin (files kept for 30 days); the reason goes in the log. */
  deleteIncident(id: string, reason: string): void {
    incidents.deleteIncident(this.store, id, bin.checkReason(reason));
  }
  incidentHistory(id: string): IncidentVersion[] {
    return incidents.incidentHistory(this.store, id);
  }
  /** Every saved version of a record (incident, person, or any subject that keeps versions), oldest first. */
  revisions<T = unknown>(subjectId: string): Revision<T>[] {
    return revisions<T>(this.store, subjectId);
  }

  listPeople(): Person[] {
    return people.listPeople(this.store);
  }
  createPerson(input: PersonInput): Person {
    return people.createPerson(this.store, input);
  }
  updatePerson(id: string, input: PersonInput): Person {
    return people.updatePerson(this.store, id, input);
  }
  deletePerson(id: string, reason: string): void {
    people.deletePerson(this.store, id, bin.checkReason(reason));
  }
  personHistory(id: string): PersonVersion[] {
    return people.personHistory(this.store, id);
  }
  mergePeople(fromId: string, intoId: string): Person {
    return people.mergePeople(this.store, fromId, intoId);
  }

  listCases(): PoliceCase[] {
    return cases.listCases(this.store);
  }
  createCase(input: CaseInput): PoliceCase {
    return cases.createCase(this.store, input);
  }
  updateCase(id: string, input: CaseInput): PoliceCase {
    return cases.updateCase(this.store, id, input);
  }
  linkCase(id: string, incidentIds: readonly string[], link: boolean): PoliceCase {
    return cases.linkCase(this.store, id, incidentIds, link);
  }
  /** Moves a police case to the bin (its incidents keep their own records), with a tombstone. */
  deleteCase(id: string, reason: string): void {
    cases.deleteCase(this.store, id, bin.checkReason(reason));
  }

  listContacts(): Contact[] {
    return contacts.listContacts(this.store);
  }
  createContact(input: ContactInput): Contact {
    return contacts.createContact(this.store, input);
  }
  updateContact(id: string, input: ContactInput): Contact {
    return contacts.updateContact(this.store, id, input);
  }
  deleteContact(id: string, reason: string): void {
    contacts.deleteContact(this.store, id, bin.checkReason(reason));
  }

  // -------------------------------------------------------------------------------------------
  // The bin (./records/bin.ts) and drafts (./records/drafts.ts)

  listBin(): BinItem[] {
    return bin.listBin(this.store);
  }

  /** Brings an item back from the bin (NOT_FOUND if it is not there; INVALID_INPUT once its 30 days passed). */
  restoreFromBin(id: string): BinItem {
    const b = bin.restorable(this.store, id);
    const item = bin.binItem(this.store, id);
    if (b.kind === 'incident') incidents.restoreIncident(this.store, id, b);
    else if (b.kind === 'person') people.restorePerson(this.store, id, b);
    else if (b.kind === 'contact') contacts.restoreContact(this.store, id, b);
    else if (b.kind === 'case') cases.restoreCase(this.store, id, b);
    else restoreExhibit(this.store, id, b);
    return item;
  }

  getDraft(key: string): Draft | null {
    return drafts.getDraft(this.store, key);
  }
  saveDraft(key: string, text: string): Draft {
    return drafts.saveDraft(this.store, key, text);
  }
  discardDraft(key: string): void {
    drafts.discardDraft(this.store, key);
  }
  /** Discards a draft named only by its record id (a damaged one, whose key cannot be read). */
  discardDraftById(id: string): void {
    drafts.discardDraftById(this.store, id);
  }
  listDrafts(): DraftInfo[] {
    return drafts.listDrafts(this.store);
  }

  getSettings(): Settings {
    return settings.getSettings(this.store);
  }
  updateSettings(patch: Partial<Settings>): Settings {
    return settings.updateSettings(this.store, patch);
  }

  // -------------------------------------------------------------------------------------------
  // Exhibits

  /** A blob context with its own copy of the blob key (wiped by the caller when done). */
  /** For the exhibit flow (exhibits/flow.ts). */
  blobContext(): BlobContext {
    const keys = this.requireKeys();
    return { dir: join(this.dir, BLOB_DIR), key: new Uint8Array(keys.blobs) };
  }

  private dropBlobs(all: string[]): void {
    const blobIds = all.filter((b) => b !== ''); // a physical item has no blob
    if (blobIds.length === 0) return;
    const ctx = { dir: join(this.dir, BLOB_DIR), key: new Uint8Array(32) };
    // After the commit (a purge of the bin): a failure here leaves an unreferenced blob (ciphertext only), which check() names.
    this.drops = this.drops.then(() => removeBlobs(ctx, blobIds)).catch(() => undefined);
  }

  /**
   * Removes what interrupted imports left (temporary files only). A sealed blob is never deleted
   * automatically, even when no record refers to it: the database may be an older copy.
   */
  private async removeTempBlobs(): Promise<void> {
    try {
      await removeTempFiles(join(this.dir, BLOB_DIR));
    } catch {
      /* best effort: temporary files hold only ciphertext and are retried on the next open */
    }
  }

  /** For the exhibit flow: `job` runs after the readings already queued (whenRead waits for all of them). */
  afterImport(job: () => Promise<void>): void {
    this.readings = this.readings.then(job).catch(() => undefined);
  }

  whenRead(): Promise<void> {
    return this.readings;
  }

  private readAwaiting(): void {
    const files = exhibitRecords.exhibitsAwaitingReading(this.store).map(([id, b]) => ({
      id,
      name: b.name,
      blobId: b.blobId,
      size: b.size,
      sha256: b.sha256,
      mediaType: b.mediaType,
    }));
    if (files.length === 0) return;
    this.afterImport(async () => {
      await readAndRecord(this.store, () => this.blobContext(), files);
    });
  }

  importExhibits(incidentId: string, paths: string[], options: ImportOptions = {}): Promise<Exhibit[]> {
    return exhibitFlow.importFiles(this, incidentId, paths, options);
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
    this.store.requireOpen();
    const data = validateIncidentInput(input);
    checkPeople(this.store, data);
    const id = randomId();
    const body = incidents.newIncidentBody(data);
    await exhibitFlow.importFiles(this, id, paths, options, () => incidents.putNewIncident(this.store, id, body));
    return this.getIncident(id);
  }

  importExhibitStreams(incidentId: string, sources: StreamSource[], options: ImportOptions = {}): Promise<Exhibit[]> {
    return exhibitFlow.importStreams(this, incidentId, sources, options);
  }

  getExhibit(id: string): Exhibit {
    return getExhibit(this.store, id);
  }

  /** Moves the exhibit to the bin (its file kept for 30 days); the reason goes in the log. */
  deleteExhibit(id: string, reason: string): void {
    deleteExhibitRecord(this.store, id, bin.checkReason(reason));
  }

  updateExhibitDetails(id: string, details: ExhibitDetailsInput, physical?: PhysicalItemInput): Exhibit {
    return exhibitRecords.updateExhibitDetails(this.store, id, details, physical);
  }

  addPhysicalExhibit(
    incidentId: string,
    name: string,
    details: ExhibitDetailsInput,
    physical: PhysicalItemInput,
  ): Exhibit {
    return exhibitRecords.addPhysicalExhibit(this.store, incidentId, name, details, physical);
  }

  exhibitDetailsHistory(id: string): ExhibitDetailsVersion[] {
    return exhibitRecords.exhibitDetailsHistory(this.store, id);
  }

  openExhibitStream(id: string): Readable {
    return exhibitFlow.openExhibitStream(this, id);
  }

  openExhibitChunks(id: string): AsyncIterable<Buffer> {
    return exhibitFlow.openExhibitChunks(this, id);
  }

  readExhibit(id: string): Promise<Uint8Array> {
    return exhibitFlow.readExhibit(this, id);
  }

  // -------------------------------------------------------------------------------------------
  // Signing

  signingPublicKey(): Uint8Array {
    return new Uint8Array(this.requireSigning().publicKey);
  }

  signDetached(message: Uint8Array): Uint8Array {
    return sodium().crypto_sign_detached(message, this.requireSigning().secretKey);
  }

  private requireSigning(): SigningKey {
    this.store.requireOpen();
    if (!this.signing) throw new VaultError('TAMPERED', 'The vault signing key is missing or damaged.');
    return this.signing;
  }

  // -------------------------------------------------------------------------------------------
  // Check

  async check(options: CheckOptions = {}): Promise<CheckReport> {
    await this.drops;
    return checkVault(this.store, () => this.blobContext(), {
      blobDir: join(this.dir, BLOB_DIR),
      problems: await headerCheckProblems(this.dir, this.vaultId, this.requireKeys()),
      options,
    });
  }
}
