/**
 * The core's public surface. `Vault` in ./vault.ts implements VaultApi; the CLI, the IPC handler
 * table, the case-pack exporter and the tests all program against this interface.
 * Nothing here imports 'electron'.
 */
import type { Readable } from 'node:stream';
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
  Person,
  PersonInput,
  PhysicalItemInput,
  PoliceCase,
  PersonVersion,
  Revision,
  Settings,
  KeySlotInfo,
} from '../../shared/model.js';

export interface KdfParams {
  /** libsodium crypto_pwhash opslimit (Argon2id13). */
  opsLimit: number;
  /** libsodium crypto_pwhash memlimit, in bytes. */
  memLimit: number;
}

/** A custody entry as a caller gives it: the log adds the sequence number and the time. */
export type NewCustodyEntry = Omit<CustodyEntry, 'seq' | 'at'>;

export type UnlockWith = { passphrase: string } | { recoveryKey: string };

export interface ImportProgress {
  /** Index of the file being imported, 0-based, and how many in all. */
  fileIndex: number;
  fileCount: number;
  name: string;
  /**
   * Bytes of the file `fileIndex` names stored so far, and that file's size (a stream's size is unknown
   * until its end: bytesTotal = bytesDone). Several files import at once, so reports of different files
   * interleave; per file, bytesDone only grows and never passes bytesTotal.
   */
  bytesDone: number;
  bytesTotal: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /**
   * Without it, a file whose SHA-256 is already in the vault (or twice in the batch) is refused with
   * DUPLICATE_EXHIBIT, saying where it is, and nothing is added.
   */
  allowDuplicates?: boolean;
  /**
   * When to read what the files say (extract/). true (the default): during the import, beside the sealing,
   * and the exhibits come back with it (the CLI's way: its process ends with the command). 'after': the
   * import records the exhibits with `extractPending` and returns; each readable file's first bytes are kept
   * in memory (never on disk), read once the import has returned, and written in a second transaction with
   * an activity-log entry each; `onRead` is then given those exhibits (the app's way: the user waits for the
   * import only). false: not at all (the import benchmark's comparison only).
   */
  extract?: boolean | 'after';
  /** With extract 'after': the exhibits whose reading was written (extractPending gone), once it was. */
  onRead?: (exhibits: Exhibit[]) => void;
}

/** A file to import that is not on disk (pasted image, browser drop): its bytes as a stream. */
export interface StreamSource {
  name: string;
  /** ISO 8601; defaults to the import time. */
  modifiedAt?: string;
  stream: Readable;
}

export interface VaultApi {
  readonly dir: string;
  readonly vaultId: string;
  readonly isOpen: boolean;
  /** The Argon2id cost stored in vault.json for the passphrase slot. */
  readonly kdf: KdfParams;

  /** Lock: drop and wipe keys, close SQLite, release the single-process lock. Idempotent. */
  close(): void;
  /**
   * Rewrap the master key under a new passphrase (or the same one, to raise the cost), at the
   * Argon2id cost `kdf` (DEFAULT_KDF unless given). Data is not re-encrypted. With
   * currentPassphrase, WRONG_PASSPHRASE and nothing changed unless it opens the vault.
   */
  changePassphrase(newPassphrase: string, kdf?: KdfParams, opts?: { currentPassphrase?: string }): Promise<void>;
  /** Who can open the vault: the owner's passphrase, each further person's (the agent's), the recovery key. */
  listSlots(): KeySlotInfo[];
  /**
   * A passphrase of their own for a further person (the agent), wrapping the same master key:
   * WRONG_PASSPHRASE and nothing changed unless ownerPassphrase is the owner's current one. Logged.
   */
  addSlot(name: string, passphrase: string, ownerPassphrase: string, kdf?: KdfParams): Promise<KeySlotInfo>;
  /** Removes a further person's passphrase (only when the owner unlocked; never the owner's or the recovery key). Logged. */
  removeSlot(id: string): void;
  /** A new recovery key (returned once); the old one stops working. Logged in the custody log. */
  replaceRecoveryKey(opts?: { recoveryPending?: boolean }): string;
  /** The host has shown the recovery key of a vault created with recoveryPending (see keys/create.ts). */
  confirmRecoveryKeyShown(): void;

  listIncidents(): Incident[]; // oldest first, each with its exhibits
  getIncident(id: string): Incident; // NOT_FOUND if absent
  createIncident(input: IncidentInput): Incident;
  updateIncident(id: string, input: IncidentInput): Incident;
  /**
   * Moves the incident and its exhibits to the bin (files kept, restorable for 30 days); a tombstone
   * with the reason and the record's SHA-256 goes in the custody log. INVALID_INPUT without a reason.
   */
  deleteIncident(id: string, reason: string): void;
  /** Every saved version of the incident, oldest first (each with when it was written and the fields changed). */
  incidentHistory(id: string): IncidentVersion[];
  /** Every saved version of any subject that keeps versions (incident, person, ...), oldest first. */
  revisions<T = unknown>(subjectId: string): Revision<T>[];

  listPeople(): Person[];
  createPerson(input: PersonInput): Person;
  updatePerson(id: string, input: PersonInput): Person;
  /** To the bin, as deleteIncident; the incidents naming the person no longer do (each a new version). */
  deletePerson(id: string, reason: string): void;
  personHistory(id: string): PersonVersion[];
  /**
   * Merges fromId into intoId: incidents naming fromId name intoId (each a new version in the
   * custody log), identifiers and handles combined, fromId to the bin with a tombstone naming both.
   * INVALID_INPUT for a person merged into themselves; NOT_FOUND for an unknown id; nothing changed.
   */
  mergePeople(fromId: string, intoId: string): Person;

  /** Police cases (vault level), oldest first; each links the incidents it covers. */
  listCases(): PoliceCase[];
  createCase(input: CaseInput): PoliceCase;
  updateCase(id: string, input: CaseInput): PoliceCase;
  /** Adds (link) or removes incidents from a case: NOT_FOUND for an unknown case or incident; nothing changed. */
  linkCase(id: string, incidentIds: readonly string[], link: boolean): PoliceCase;
  /** To the bin, as deleteIncident (the incidents it covered stay as they are). */
  deleteCase(id: string, reason: string): void;

  listContacts(): Contact[];
  createContact(input: ContactInput): Contact;
  updateContact(id: string, input: ContactInput): Contact;
  /** To the bin, as deleteIncident. */
  deleteContact(id: string, reason: string): void;

  /** What is in the bin, most recently deleted first. */
  listBin(): BinItem[];
  /** Brings an item back ('restore' in the custody log); NOT_FOUND if not in the bin, INVALID_INPUT once its 30 days passed. */
  restoreFromBin(id: string): BinItem;

  /** A form's draft (never plaintext on disk; no custody entry: a draft is not the record). TAMPERED if it fails to decrypt. */
  getDraft(key: string): Draft | null;
  saveDraft(key: string, text: string): Draft;
  discardDraft(key: string): void;
  discardDraftById(id: string): void;
  /** Every draft; a damaged one is listed with damaged: true, never dropped. */
  listDrafts(): DraftInfo[];

  getSettings(): Settings;
  updateSettings(patch: Partial<Settings>): Settings;

  /**
   * Import files from disk into an incident, streaming (never read whole). All or nothing:
   * on any error (missing, unreadable, empty, directory, changed while read, disk full,
   * cancelled) nothing is added and no partial blob is left. One transaction for the batch.
   */
  importExhibits(incidentId: string, paths: string[], options?: ImportOptions): Promise<Exhibit[]>;
  /** A new incident with its exhibits, as one action: all of it is committed together or none of it. */
  createIncidentWithExhibits(input: IncidentInput, paths: string[], options?: ImportOptions): Promise<Incident>;
  /** Same, for sources that are streams (clipboard paste, browser drop). */
  importExhibitStreams(incidentId: string, sources: StreamSource[], options?: ImportOptions): Promise<Exhibit[]>;
  /**
   * Resolves once every reading of what the files say that is under way (imports with extract 'after',
   * and the exhibits an earlier session left unread, read again at open) is written, or could not be.
   */
  whenRead(): Promise<void>;
  getExhibit(id: string): Exhibit;
  /** To the bin (its file kept for 30 days; a physical item has none), as deleteIncident. */
  deleteExhibit(id: string, reason: string): void;
  /**
   * The producer's account of an exhibit (provenance; `physical` only for a physical item): the
   * previous version is kept (exhibitDetailsHistory), one custody 'edit' entry names the fields
   * changed. INVALID_INPUT naming the field, NOT_FOUND for an unknown (or deleted) exhibit.
   */
  updateExhibitDetails(id: string, details: ExhibitDetailsInput, physical?: PhysicalItemInput): Exhibit;
  /** A physical item (no file: size 0, sha256 '', mediaType ''); one custody 'create' entry. */
  addPhysicalExhibit(
    incidentId: string,
    name: string,
    details: ExhibitDetailsInput,
    physical: PhysicalItemInput,
  ): Exhibit;
  /** Every version of an exhibit's provenance, oldest first, the current one last. */
  exhibitDetailsHistory(id: string): ExhibitDetailsVersion[];
  /** Decrypts to memory, verifies the SHA-256, records a 'view' custody entry. */
  readExhibit(id: string): Promise<Uint8Array>;
  /**
   * A stream of the original bytes, decrypted chunk by chunk. The stream errors with
   * VaultError('TAMPERED') if any chunk fails authentication, the stream is truncated,
   * or the SHA-256 at the end differs from the recorded evidence hash.
   */
  openExhibitStream(id: string): Readable;
  /**
   * The same bytes and checks as openExhibitStream, as chunks in reused buffers: each chunk is valid
   * only until the next is asked for (for a consumer that finishes with each before the next).
   */
  openExhibitChunks(id: string): AsyncIterable<Buffer>;

  custodyLog(): CustodyEntry[];
  /** Append a custody entry (used by the exporter: 'export' of each exhibit and the pack). */
  recordCustody(entry: NewCustodyEntry): CustodyEntry;
  /** Append several custody entries in ONE transaction: all of them, in order, or none. */
  recordCustody(entries: readonly NewCustodyEntry[]): CustodyEntry[];

  /** Verify every record, every blob against its SHA-256, and the custody chain. */
  check(options?: { onProgress?: (done: number, total: number) => void }): Promise<CheckReport>;

  /**
   * Records whose stored body failed authentication when the vault was opened (left out of lists;
   * reading one throws TAMPERED; check() names them). Empty in a healthy vault.
   */
  damagedRecords(): { id: string; kind: string }[];

  /** What open() tidied up on its own (e.g. a killed export's unfinished pack removed): one plain line each. */
  openNotices(): string[];
  /** What open() found wrong outside vault.db (a database older than the vault last saw, a damaged header). */
  openWarnings(): string[];
  /** Commits the custody 'unlock' entry held back by open(…, { deferUnlockEntry: true }), if no action did. */
  recordUnlock(): void;
  /**
   * A case pack is about to be written under these temporary paths: recorded in the vault before the
   * first byte, so a kill leaves nothing the next open does not remove. Returns a token for endExport().
   */
  beginExport(paths: string[]): string;
  /** The pack was renamed into place, or its temporary files removed: the record goes. */
  endExport(token: string): void;

  /** The vault's Ed25519 signing key (created with the vault), for case packs. */
  signingPublicKey(): Uint8Array;
  signDetached(message: Uint8Array): Uint8Array;
}
