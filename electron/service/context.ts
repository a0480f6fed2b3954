/**
 * What every handler of the table may use: the options a host gave, the unlocked vault, file
 * grants, the ONE job registry ('exhibits.cancel', 'pack.cancel' and a lock all stop jobs here)
 * and progress events. The types of the table itself live here too, so that the per-domain files
 * (./vault.ts, ./incidents.ts, …, ./pack.ts) and the service that combines them (./handlers.ts)
 * import this file and never each other.
 * Does not import 'electron'.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { VaultError, type ErrorDetail } from '../../shared/errors.js';
import type {
  ChannelName,
  FileGrant,
  ProgressDetail,
  ResponseOf,
  ValidRequestOf,
  VaultEventName,
  VaultEvents,
  VaultStatus,
} from '../../shared/ipc.js';
import type { KdfParams, UnlockWith, VaultApi } from '../core/api.js';
import type { ImageFacts } from '../core/pack/exporter.js';
import { DEFAULT_KDF } from '../core/crypto/index.js';
import { isWeakKdf } from './test-kdf.js';

/** The static side of the core's Vault class (electron/core/index.ts). */
export interface VaultFactory {
  create(
    dir: string,
    passphrase: string,
    /** recoveryPending: the host shows the key, then confirms with 'vault.recoveryKeyShown'. */
    opts?: { kdf?: KdfParams; recoveryPending?: boolean },
  ): Promise<{ vault: VaultApi; recoveryKey: string }> | { vault: VaultApi; recoveryKey: string };
  open(dir: string, unlock: UnlockWith, opts?: { deferUnlockEntry?: boolean }): Promise<VaultApi> | VaultApi;
  isVault(dir: string): Promise<boolean> | boolean;
  /** Throws WRONG_RECOVERY_KEY (or why not) unless the key opens the vault in dir; changes nothing. */
  testRecoveryKey(dir: string, recoveryKey: string): Promise<void>;
}

export type EmitFn = <E extends VaultEventName>(event: E, payload: VaultEvents[E]) => void;

/** What an "open files" dialog is for; without it, adding exhibits (several files). */
export interface OpenFileDialogOptions {
  title: string;
  buttonLabel: string;
  filters?: { name: string; extensions: string[] }[];
  /** One file only. */
  single?: boolean;
}

export interface VaultServiceOptions {
  /** The vault folder (need not exist yet: 'vault.create' makes it). */
  vaultDir: string;
  /**
   * The Argon2id cost for 'vault.create' and 'vault.changePassphrase' (tests and benchmarks pass
   * fast ones: see ./test-kdf.ts); the core's default otherwise. A vault stored below it is weak.
   */
  kdf?: KdfParams;
  /**
   * This host calls 'vault.recoveryKeyShown' once it has shown a new vault's recovery key: until then
   * the vault says on every open that its key was never shown (electron/core/keys/create.ts). The CLI
   * does; a host that does not leaves vaults as before.
   */
  confirmsRecoveryKey?: boolean;
  /**
   * This host records the custody 'unlock' entry only once its command succeeded (the service's
   * recordUnlock()), so a command that fails leaves no entry. The CLI does; the window's unlock is
   * recorded at once.
   */
  deferUnlockEntry?: boolean;
  /** Whether this host shows native file dialogs (Electron) or the window uploads bytes (browser). */
  nativeDialogs: boolean;
  /** Native "open files" dialog: resolves to the chosen paths ([] when cancelled). Electron only. */
  openFileDialog?: (opts?: OpenFileDialogOptions) => Promise<string[]>;
  /** Native "save" dialog for exports: resolves to a path or null when cancelled. Electron only. */
  saveDialog?: (opts: {
    title: string;
    defaultName: string;
    filters?: { name: string; extensions: string[] }[];
  }) => Promise<string | null>;
  /** Native "choose folder" dialog for exports: a path or null. Electron only. */
  chooseFolderDialog?: (opts: { title: string }) => Promise<string | null>;
  /** Open the system's file manager with this file or folder selected (the receipt's "Show in folder"). Electron only. */
  showInFolder?: (filePath: string) => Promise<void>;
  /** Push an event to the window(s), or to the CLI's progress printer. */
  emit: EmitFn;
  /** The core; defaults to electron/core's Vault. Tests may wrap it (e.g. to count calls). */
  vaults?: VaultFactory;
  /** Called with an INTERNAL error (never with record content); defaults to nothing. */
  onInternalError?: (error: unknown, channel: string) => void;
}

export interface Grant {
  path: string;
  name: string;
  size: number;
}

/** What a handler may use. */
export interface HandlerContext {
  readonly options: Readonly<VaultServiceOptions>;
  /** The unlocked vault; throws VAULT_LOCKED when there is none. */
  vault(): VaultApi;
  /** The vault folder, its current vault (or null) and the lifecycle operations of the session. */
  readonly session: Session;
  /** The real path behind a grant; throws INVALID_INPUT when the grant is unknown (or revoked by a lock). */
  resolveGrant(grantId: string): Grant;
  /**
   * Make a grant for a path the host chose. For a save dialog's answer (a file or folder that
   * need not exist yet) pass { mustExist: false }.
   */
  grantPath(filePath: string, opts?: { mustExist?: boolean }): Promise<FileGrant>;
  /** Register a cancellable job (a cancel channel or a lock aborts it); call end() when it finishes. */
  beginJob(jobId: string): { signal: AbortSignal; end(): void };
  /** Abort a running job by id (nothing happens when there is none). */
  cancelJob(jobId: string): void;
  /**
   * Progress for a job, throttled to ~20 events a second (the end of the job, or of a file, always goes).
   * This is the one place progress gets its meaning: every host (window, CLI) shows these events.
   */
  progress(jobId: string, done: number, total: number, label: string, detail?: ProgressDetail): void;
  /** Packs exported in this session, by pack id: where they are (never sent to the window). */
  readonly exported: Map<string, string>;
  /** What the image heads of this session's exhibits said (GPS, EXIF thumbnail): each head is decrypted once. */
  readonly imageFacts: Map<string, ImageFacts>;
  emit: EmitFn;
}

export type ChannelHandler<C extends ChannelName> = (
  request: ValidRequestOf<C>,
  ctx: HandlerContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** Handlers for the channels N: every one of them, no more (a missing handler is a type error). */
export type HandlerTable<N extends ChannelName = ChannelName> = { [C in N]: ChannelHandler<C> };

/** The channels whose names start with `<prefix>.`. */
export type ChannelsOf<P extends string> = Extract<ChannelName, `${P}.${string}`>;

export function invalid(message: string, detail?: ErrorDetail): VaultError {
  return new VaultError('INVALID_INPUT', message, detail ? { detail } : undefined);
}

const GRANT_ID = /^[0-9a-f]{32}$/;

/**
 * The state of one service: which folder, which vault is open, grants, jobs. Lifecycle
 * operations (create, unlock, lock, switch) run one at a time.
 */
export class Session {
  dir: string;
  current: VaultApi | null = null;
  /** The open vault was unlocked with the recovery key: 'vault.changePassphrase' may go without the current one, once. */
  unlockedWithRecoveryKey = false;
  readonly grants = new Map<string, Grant>();
  readonly jobs = new Map<string, AbortController>();
  readonly exported = new Map<string, string>();
  readonly imageFacts = new Map<string, ImageFacts>();
  /** Paths the window must not see besides the vault's and the grants' (e.g. a pack in the default exports folder). */
  private readonly hidden = new Set<string>();
  private readonly lastProgress = new Map<string, number>();
  private lifecycle: Promise<unknown> = Promise.resolve();

  constructor(
    readonly options: VaultServiceOptions,
    readonly vaults: VaultFactory,
  ) {
    this.dir = path.resolve(options.vaultDir);
  }

  hidePath(p: string): void {
    this.hidden.add(path.resolve(p));
  }

  /** Every path the service knows, longest first: what error messages to the window must not contain. */
  knownPaths(): string[] {
    const all = [this.dir, ...[...this.grants.values()].map((g) => g.path), ...this.exported.values(), ...this.hidden];
    return [...new Set(all)].sort((a, b) => b.length - a.length);
  }

  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lifecycle.then(fn, fn);
    this.lifecycle = run.catch(() => undefined);
    return run;
  }

  async status(): Promise<VaultStatus> {
    const location = path.basename(this.dir);
    const nativeDialogs = this.options.nativeDialogs;
    if (this.current && this.current.isOpen) {
      const damagedRecords = this.current.damagedRecords();
      const weak = isWeakKdf(this.current.kdf, this.options.kdf ?? DEFAULT_KDF);
      return {
        state: 'unlocked',
        location,
        nativeDialogs,
        ...(damagedRecords.length > 0 ? { damagedRecords } : {}),
        ...(weak ? { weakKdf: true as const } : {}),
      };
    }
    const exists = await this.vaults.isVault(this.dir);
    return { state: exists ? 'locked' : 'none', location, nativeDialogs };
  }

  requireVault(): VaultApi {
    if (!this.current || !this.current.isOpen) {
      throw new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
    }
    return this.current;
  }

  async grantPath(filePath: string, grantOpts?: { mustExist?: boolean }): Promise<FileGrant> {
    const resolved = path.resolve(filePath);
    const name = path.basename(resolved);
    let size = 0;
    if (grantOpts?.mustExist !== false) {
      try {
        const st = await stat(resolved);
        if (st.isDirectory()) throw new VaultError('FILE_IS_DIRECTORY', `“${name}” is a folder, not a file.`);
        size = st.size;
      } catch (e) {
        if (e instanceof VaultError) throw e;
        throw new VaultError('FILE_MISSING', `“${name}” could not be found.`);
      }
    }
    const grantId = randomBytes(16).toString('hex');
    this.grants.set(grantId, { path: resolved, name, size });
    return { grantId, name, size };
  }

  resolveGrant(grantId: string): Grant {
    const g = GRANT_ID.test(grantId) ? this.grants.get(grantId) : undefined;
    if (!g) throw invalid('That file is no longer available to the app. Choose it again.');
    return g;
  }

  beginJob(jobId: string): { signal: AbortSignal; end(): void } {
    if (this.jobs.has(jobId)) throw invalid(`A job with id ${jobId} is already running.`);
    const controller = new AbortController();
    this.jobs.set(jobId, controller);
    return {
      signal: controller.signal,
      end: () => {
        if (this.jobs.get(jobId) === controller) this.jobs.delete(jobId);
        this.lastProgress.delete(jobId);
      },
    };
  }

  cancelJob(jobId: string): void {
    this.jobs.get(jobId)?.abort();
  }

  progress(jobId: string, done: number, total: number, label: string, detail?: ProgressDetail): void {
    const now = Date.now();
    const last = this.lastProgress.get(jobId) ?? 0;
    // The end of the job, or of one file of an import, always goes.
    const ends = done >= total || (detail?.phase === 'importing' && detail.fileDone >= detail.fileSize);
    if (!ends && now - last < 50) return;
    this.lastProgress.set(jobId, now);
    this.options.emit('progress', detail ? { jobId, done, total, label, detail } : { jobId, done, total, label });
  }

  /** Cancel jobs, wipe keys (close the vault), revoke grants; emit 'locked' when a vault was open and notify is set. */
  async lockNow(reason: string, notify: boolean): Promise<VaultStatus> {
    for (const controller of this.jobs.values()) controller.abort();
    this.jobs.clear();
    this.grants.clear();
    this.imageFacts.clear();
    const wasOpen = this.current !== null;
    if (this.current) {
      try {
        this.current.close();
      } finally {
        this.current = null;
        this.unlockedWithRecoveryKey = false;
      }
    }
    if (wasOpen && notify) this.options.emit('locked', { reason });
    return this.status();
  }

  context(): HandlerContext {
    return {
      options: this.options,
      session: this,
      vault: () => this.requireVault(),
      resolveGrant: (id) => this.resolveGrant(id),
      grantPath: (p, o) => this.grantPath(p, o),
      beginJob: (id) => this.beginJob(id),
      cancelJob: (id) => this.cancelJob(id),
      progress: (id, done, total, label, detail) => this.progress(id, done, total, label, detail),
      exported: this.exported,
      imageFacts: this.imageFacts,
      emit: (event, payload) => this.options.emit(event, payload),
    };
  }
}
