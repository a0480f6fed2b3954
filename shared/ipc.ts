/**
 * The contract between the window and the main process: every channel with its request and
 * response schema. The service (electron/service/) validates every request with these schemas,
 * for every host (Electron's ipcMain, the browser host, the CLI), and answers with an IpcResult;
 * the renderer sees only window.vault (VaultBridge below).
 *
 * Binary data (Uint8Array) may appear in requests and responses; hosts that speak JSON encode it
 * (see encodeWire / decodeWire).
 */
import { z } from 'zod';
import type { ErrorPayload } from './errors.js';
import {
  CaseInputSchema,
  ContactInputSchema,
  DeleteReasonSchema,
  DraftKeySchema,
  MAX_DRAFT_BYTES,
  ExhibitDetailsSchema,
  IdSchema,
  IncidentInputSchema,
  PersonInputSchema,
  PhysicalItemSchema,
  SettingsPatchSchema,
  type BinItem,
  type CheckReport,
  type Contact,
  type CustodyEntry,
  type Draft,
  type DraftInfo,
  type Exhibit,
  type ExhibitDetailsVersion,
  type Incident,
  type IncidentVersion,
  type KeySlotInfo,
  type Person,
  type PoliceCase,
  type PersonVersion,
  type Settings,
} from './model.js';
import { packChannels } from './ipc-pack.js';
import { LanguageSchema } from './language.js';

/** Largest file the window may send as bytes (paste, browser drop) in one request. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const Bytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength <= MAX_UPLOAD_BYTES, 'A file is too large to send from the window (512 MiB at most).');
const Empty = z.object({}).strict();
/** A delete: the record's id and why (required; the activity log keeps it). */
const DeleteRequest = z.object({ id: IdSchema, reason: DeleteReasonSchema }).strict();
/** A draft's text: JSON, at most MAX_DRAFT_BYTES of UTF-8. */
const DraftText = z
  .string()
  .refine((t) => new TextEncoder().encode(t).byteLength <= MAX_DRAFT_BYTES, 'A draft is 1 MiB at most.')
  .refine((t) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  }, 'A draft is JSON text.');

/** A file the user chose in a native dialog or dropped: the main process keeps the path, the window gets a grant. */
export const FileGrantSchema = z.object({
  grantId: z.string().regex(/^[0-9a-f]{32}$/),
  name: z.string(),
  size: z.number(),
});
export type FileGrant = z.infer<typeof FileGrantSchema>;

const JobId = z.string().regex(/^[0-9a-f]{16,32}$/);
const GrantSourceSchema = z.object({ kind: z.literal('grant'), grantId: z.string().regex(/^[0-9a-f]{32}$/) }).strict();

export const ImportSourceSchema = z.discriminatedUnion('kind', [
  GrantSourceSchema,
  z
    .object({
      kind: z.literal('bytes'),
      name: z.string().min(1).max(1000),
      lastModified: z.number().int().nonnegative().optional(),
      data: Bytes,
    })
    .strict(),
]);
export type ImportSource = z.infer<typeof ImportSourceSchema>;

export type VaultState = 'none' | 'locked' | 'unlocked';
export interface VaultStatus {
  state: VaultState;
  /** The vault folder's name, for display (never a full path: the window sees no paths). */
  location: string;
  /** Whether this host can show native file dialogs (Electron) or the window must upload bytes (browser). */
  nativeDialogs: boolean;
  /**
   * Unlocked only, and only when there are some: records whose stored body failed authentication
   * when the vault was opened. They are left out of every list, so a list is not complete.
   */
  damagedRecords?: { id: string; kind: string }[];
  /**
   * Unlocked only: the vault's stored Argon2id cost is below the default, so its passphrase is
   * cheaper to guess than it should be. A passphrase change (even to the same one) raises it.
   */
  weakKdf?: true;
  /**
   * The answer to vault.unlock only, and only when there are some: what the open found wrong
   * (e.g. "the database is older than the vault last saw") or tidied up on its own (e.g. an
   * unfinished case pack left by a stopped export, removed), one plain line each.
   */
  notices?: string[];
}

/** What a progress event is about, for hosts that word it their own way (the CLI). */
export type ProgressDetail =
  /** done/total: bytes of the whole import; the file in progress, its bytes done and its size. */
  | { phase: 'importing'; fileIndex: number; fileCount: number; name: string; fileDone: number; fileSize: number }
  /** done/total: records, exhibit files and custody log entries checked. */
  | { phase: 'checking' }
  /** done/total: images of a case pack looked at for a GPS position. */
  | { phase: 'scanning' }
  /** done/total: bytes of the exhibits copied into a case pack; item: the exhibit in progress ("AB/1 post.png"). */
  | { phase: 'exhibits'; item: string }
  /** Writing a case pack's documents, then its manifests and signature (done/total: 0/1). */
  | { phase: 'documents' | 'finishing' };

/** Schemas for requests; response types are TypeScript-only (the main process produces them). */
export const channels = {
  'vault.status': { req: Empty, res: null as unknown as VaultStatus },
  /**
   * The window's language, told to the host whenever it is chosen (the desktop app words its menu and
   * its own dialogs in it). Works locked; nothing is stored.
   */
  'vault.language': { req: z.object({ language: LanguageSchema }).strict(), res: null as unknown as null },
  'vault.create': {
    req: z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
    res: null as unknown as { recoveryKey: string },
  },
  'vault.unlock': {
    req: z.union([
      // Longer than a new passphrase may be: a vault made by the 0.1.0 CLI (which had no limit) still opens.
      z.object({ passphrase: z.string().min(1).max(100_000) }).strict(),
      z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
    ]),
    res: null as unknown as VaultStatus,
  },
  'vault.lock': { req: Empty, res: null as unknown as VaultStatus },
  'vault.changePassphrase': {
    req: z
      .object({
        newPassphrase: z.string().min(1).max(1024),
        /**
         * The passphrase now: checked before anything changes (WRONG_PASSPHRASE, nothing changed).
         * Required, except straight after an unlock with the recovery key (she has forgotten it).
         */
        currentPassphrase: z.string().min(1).max(100_000).optional(),
      })
      .strict(),
    res: null as unknown as null,
  },
  /** Whether a recovery key opens this vault, without opening it or changing anything (locked or not). */
  'vault.testRecoveryKey': {
    req: z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
    res: null as unknown as null,
  },
  /** A new recovery key (shown once); the old one stops working, and the activity log says so. */
  'vault.replaceRecoveryKey': { req: Empty, res: null as unknown as { recoveryKey: string } },
  /** The host has shown the new vault's recovery key (made by 'vault.create'): the vault stops saying it never was. */
  'vault.recoveryKeyShown': { req: Empty, res: null as unknown as null },
  /** Who can open the vault: the owner's passphrase, each further person's (the agent's), the recovery key. */
  'slots.list': { req: Empty, res: null as unknown as KeySlotInfo[] },
  /**
   * A passphrase of their own for a further person (the agent), wrapping the same master key. The
   * owner's current passphrase is required (WRONG_PASSPHRASE, nothing changed); the new one must
   * pass the same strength rule as any new passphrase and not already open the vault.
   */
  'slots.add': {
    req: z
      .object({
        name: z
          .string()
          .trim()
          .min(1, 'Give the name of the person this passphrase is for.')
          .max(100, 'The name is too long: 100 characters at most. Shorten it and try again.'),
        passphrase: z.string().min(1).max(1024),
        ownerPassphrase: z.string().min(1).max(100_000),
      })
      .strict(),
    res: null as unknown as KeySlotInfo,
  },
  /** Removes a further person's passphrase (the owner only; never the owner's own or the recovery key). */
  'slots.remove': {
    req: z.object({ id: z.string().regex(/^([0-9a-f]{32}|owner|recovery)$/) }).strict(),
    res: null as unknown as null,
  },
  /** With a jobId, progress arrives as 'progress' events (and a lock stops it). */
  'vault.check': {
    req: z.object({ jobId: JobId.optional() }).strict(),
    res: null as unknown as CheckReport,
  },

  'incidents.list': { req: Empty, res: null as unknown as Incident[] },
  'incidents.get': { req: z.object({ id: IdSchema }).strict(), res: null as unknown as Incident },
  /**
   * With exhibits (chosen files), one action: the incident and its exhibits are committed together
   * or not at all; progress arrives as 'progress' events with the jobId.
   */
  'incidents.create': {
    req: z
      .object({
        input: IncidentInputSchema,
        exhibits: z
          .object({
            jobId: JobId,
            sources: z.array(GrantSourceSchema).min(1).max(1000),
            /** As for 'exhibits.import': without it a file already in the vault is DUPLICATE_EXHIBIT and nothing is added. */
            allowDuplicates: z.boolean().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    res: null as unknown as Incident,
  },
  'incidents.update': {
    req: z.object({ id: IdSchema, input: IncidentInputSchema }).strict(),
    res: null as unknown as Incident,
  },
  /** To the bin (restorable for 30 days, with its exhibits); the custody log keeps a tombstone with the reason. */
  'incidents.delete': { req: DeleteRequest, res: null as unknown as null },
  /** Every saved version of an incident, oldest first. */
  'incidents.history': { req: z.object({ id: IdSchema }).strict(), res: null as unknown as IncidentVersion[] },

  'people.list': { req: Empty, res: null as unknown as Person[] },
  'people.create': { req: z.object({ input: PersonInputSchema }).strict(), res: null as unknown as Person },
  'people.update': {
    req: z.object({ id: IdSchema, input: PersonInputSchema }).strict(),
    res: null as unknown as Person,
  },
  'people.delete': { req: DeleteRequest, res: null as unknown as null },
  /** Every saved version of a person, oldest first. */
  'people.history': { req: z.object({ id: IdSchema }).strict(), res: null as unknown as PersonVersion[] },
  /**
   * The same person under two records: incidents naming fromId name intoId instead (each a new
   * version, in the activity log), identifiers and handles combined, fromId to the bin. Answers the merged person.
   */
  'people.merge': {
    req: z.object({ fromId: IdSchema, intoId: IdSchema }).strict(),
    res: null as unknown as Person,
  },

  /** Police cases at vault level ("told the police"): force, reference, officer, when first told, incidents covered. */
  'cases.list': { req: Empty, res: null as unknown as PoliceCase[] },
  'cases.create': { req: z.object({ input: CaseInputSchema }).strict(), res: null as unknown as PoliceCase },
  'cases.update': {
    req: z.object({ id: IdSchema, input: CaseInputSchema }).strict(),
    res: null as unknown as PoliceCase,
  },
  /** Adds incidents to a case: every one must exist, or nothing changes. */
  'cases.link': {
    req: z.object({ caseId: IdSchema, incidentIds: z.array(IdSchema).min(1).max(10_000) }).strict(),
    res: null as unknown as PoliceCase,
  },
  'cases.unlink': {
    req: z.object({ caseId: IdSchema, incidentIds: z.array(IdSchema).min(1).max(10_000) }).strict(),
    res: null as unknown as PoliceCase,
  },
  /** Moves a police case to the bin (restorable for 30 days; a tombstone with the reason in the activity log). */
  'cases.delete': { req: DeleteRequest, res: null as unknown as null },

  'contacts.list': { req: Empty, res: null as unknown as Contact[] },
  'contacts.create': { req: z.object({ input: ContactInputSchema }).strict(), res: null as unknown as Contact },
  'contacts.update': {
    req: z.object({ id: IdSchema, input: ContactInputSchema }).strict(),
    res: null as unknown as Contact,
  },
  'contacts.delete': { req: DeleteRequest, res: null as unknown as null },

  /** What is in the bin (deleted, restorable for 30 days), most recently deleted first. */
  'bin.list': { req: Empty, res: null as unknown as BinItem[] },
  /** Brings an item back (logged); after its 30 days a clear error and nothing changed. */
  'bin.restore': { req: z.object({ id: IdSchema }).strict(), res: null as unknown as BinItem },

  /** A form's autosaved draft (encrypted in the vault; not the record: no activity-log entry), or null. */
  'drafts.get': { req: z.object({ key: DraftKeySchema }).strict(), res: null as unknown as Draft | null },
  'drafts.save': {
    req: z.object({ key: DraftKeySchema, text: DraftText }).strict(),
    res: null as unknown as Draft,
  },
  /** By key, or by id for a damaged draft (listed without its key). */
  'drafts.discard': {
    req: z.union([z.object({ key: DraftKeySchema }).strict(), z.object({ id: IdSchema }).strict()]),
    res: null as unknown as null,
  },
  /** Every draft, newest first; one that fails to decrypt is listed with damaged: true. */
  'drafts.list': { req: Empty, res: null as unknown as DraftInfo[] },

  'settings.get': { req: Empty, res: null as unknown as Settings },
  'settings.update': { req: z.object({ patch: SettingsPatchSchema }).strict(), res: null as unknown as Settings },

  /** Native file dialog (Electron only); the window gets grants, never paths. */
  'dialog.openFiles': { req: Empty, res: null as unknown as FileGrant[] },
  /** Import files into an incident. jobId lets the window cancel and match progress events. */
  'exhibits.import': {
    req: z
      .object({
        incidentId: IdSchema,
        jobId: JobId,
        sources: z.array(ImportSourceSchema).min(1).max(1000),
        /**
         * Without it, a file whose SHA-256 is already in the vault is refused (DUPLICATE_EXHIBIT, the
         * message saying where it is) and nothing is added; the window asks, then sends it again with this.
         */
        allowDuplicates: z.boolean().optional(),
      })
      .strict(),
    res: null as unknown as Exhibit[],
  },
  /** The producer's account of an exhibit (provenance); for a physical item, where it is kept too. A new version each save. */
  'exhibits.update': {
    req: z.object({ id: IdSchema, details: ExhibitDetailsSchema, physical: PhysicalItemSchema.optional() }).strict(),
    res: null as unknown as Exhibit,
  },
  /** A physical item with no file (a letter, an envelope): it gets a permanent reference like any other. */
  'exhibits.addPhysical': {
    req: z
      .object({
        incidentId: IdSchema,
        /** A short name for lists ("Letter and envelope"). */
        name: z.string().trim().min(1, 'Give the item a short name').max(500),
        details: ExhibitDetailsSchema,
        physical: PhysicalItemSchema,
      })
      .strict(),
    res: null as unknown as Exhibit,
  },
  /** One exhibit, file or physical item (NOT_FOUND for an unknown or deleted id). */
  'exhibits.get': { req: z.object({ id: IdSchema }).strict(), res: null as unknown as Exhibit },
  /** Every version of an exhibit's provenance, oldest first, the current one last. */
  'exhibits.history': {
    req: z.object({ id: IdSchema }).strict(),
    res: null as unknown as ExhibitDetailsVersion[],
  },
  /** Stops any job by its id (import, check, export, verify): there is one job registry. */
  'exhibits.cancel': {
    req: z.object({ jobId: JobId }).strict(),
    res: null as unknown as null,
  },
  /** Decrypted bytes, from memory (records a 'view' in the custody log). */
  'exhibits.read': { req: z.object({ id: IdSchema }).strict(), res: null as unknown as Uint8Array },
  'exhibits.delete': { req: DeleteRequest, res: null as unknown as null },

  'custody.list': { req: Empty, res: null as unknown as CustodyEntry[] },

  ...packChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['req']>;
/** A request after validation (defaults applied), as the handlers in electron/service/ receive it. */
export type ValidRequestOf<C extends ChannelName> = z.output<Channels[C]['req']>;
export type ResponseOf<C extends ChannelName> = Channels[C]['res'];

/** Every invoke answers with this; errors never throw across the bridge. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Events pushed from the main process to the window. */
export interface VaultEvents {
  /** Progress of a job (import, check, export, verify); the service gives it its one meaning. */
  progress: { jobId: string; done: number; total: number; label: string; detail?: ProgressDetail };
  /** The vault was locked (inactivity, suspend, quick exit, menu). */
  locked: { reason: string };
  /** An application menu command (Electron): 'new-incident', 'export', 'lock', 'open-vault'. */
  menu: { command: string };
  /**
   * What the files of an import say was read and written, a moment after the import returned (their
   * exhibits came back with extractPending): the window fetches the incident again.
   */
  exhibitsRead: { incidentId: string; exhibitIds: string[] };
}
export type VaultEventName = keyof VaultEvents;

/** What window.vault offers, in every host (Electron preload, browser host shim). */
export interface VaultBridge {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  on<E extends VaultEventName>(event: E, listener: (payload: VaultEvents[E]) => void): () => void;
  /** For files dropped on the window (Electron: a grant for the real path; browser: null, upload bytes). */
  grantForDroppedFile(file: File): Promise<FileGrant | null>;
}

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** JSON wire encoding for hosts that cannot send structured clones (see ./wire.ts). */
export { encodeWire, decodeWire } from './wire.js';
