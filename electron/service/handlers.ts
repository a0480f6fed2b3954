/**
 * The handler table: every channel of shared/ipc.ts mapped to the core, with its request
 * validated. One table serves every host — Electron's ipcMain (electron/desktop/main.ts), the browser
 * host (electron/host/) and the CLI — through createVaultService().dispatch.
 *
 * Rules it keeps:
 * - dispatch never throws: unknown channels, invalid requests (wrong types, extra keys at any
 *   depth, a path where a grant is expected) get { ok: false, error: INVALID_INPUT } and reach
 *   no vault call; VaultError becomes its ErrorPayload; anything else becomes INTERNAL.
 * - The window never receives keys or paths: file paths live in grants (random ids) that only
 *   native dialogs and drops create (grantPath), and error messages are scrubbed of paths.
 * - Does not import 'electron'.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { VaultError, toErrorPayload } from '../../shared/errors.js';
import {
  channels,
  isChannelName,
  type ChannelName,
  type FileGrant,
  type IpcResult,
  type ResponseOf,
  type ValidRequestOf,
  type VaultEventName,
  type VaultEvents,
  type VaultStatus,
} from '../../shared/ipc.js';
import type { packChannels } from '../../shared/ipc-pack.js';
import { packHandlers } from './pack.js';
import type { ImportProgress, KdfParams, UnlockWith, VaultApi } from '../core/api.js';
import { Vault } from '../core/index.js';

/** The static side of the core's Vault class (electron/core/index.ts). */
export interface VaultFactory {
  create(
    dir: string,
    passphrase: string,
    opts?: { kdf?: KdfParams },
  ): Promise<{ vault: VaultApi; recoveryKey: string }> | { vault: VaultApi; recoveryKey: string };
  open(dir: string, unlock: UnlockWith): Promise<VaultApi> | VaultApi;
  isVault(dir: string): Promise<boolean> | boolean;
}

export type EmitFn = <E extends VaultEventName>(event: E, payload: VaultEvents[E]) => void;

export interface VaultServiceOptions {
  /** The vault folder (need not exist yet: 'vault.create' makes it). */
  vaultDir: string;
  /** KDF parameters for 'vault.create' (tests and benchmarks pass fast ones); the core's default otherwise. */
  kdf?: KdfParams;
  /** Whether this host shows native file dialogs (Electron) or the window uploads bytes (browser). */
  nativeDialogs: boolean;
  /** Native "open files" dialog: resolves to the chosen paths ([] when cancelled). Electron only. */
  openFileDialog?: () => Promise<string[]>;
  /** Native "save" dialog for exports: resolves to a path or null when cancelled. Electron only. */
  saveDialog?: (opts: {
    title: string;
    defaultName: string;
    filters?: { name: string; extensions: string[] }[];
  }) => Promise<string | null>;
  /** Native "choose folder" dialog for exports: a path or null. Electron only. */
  chooseFolderDialog?: (opts: { title: string }) => Promise<string | null>;
  /** Push an event to the window(s). */
  emit: EmitFn;
  /** The core; defaults to electron/core's Vault. Tests may wrap it (e.g. to count calls). */
  vaults?: VaultFactory;
  /** Called with an INTERNAL error (never with record content); defaults to nothing. */
  onInternalError?: (error: unknown, channel: string) => void;
}

/** What a handler may use. */
export interface HandlerContext {
  readonly options: Readonly<VaultServiceOptions>;
  /** The unlocked vault; throws VAULT_LOCKED when there is none. */
  vault(): VaultApi;
  /** The real path behind a grant; throws INVALID_INPUT when the grant is unknown (or revoked by a lock). */
  resolveGrant(grantId: string): { path: string; name: string; size: number };
  /**
   * Make a grant for a path the host chose. For a save dialog's answer (a file or folder that
   * need not exist yet) pass { mustExist: false }.
   */
  grantPath(filePath: string, opts?: { mustExist?: boolean }): Promise<FileGrant>;
  /** Register a cancellable job ('exhibits.cancel' aborts it); call end() when it finishes. */
  beginJob(jobId: string): { signal: AbortSignal; end(): void };
  /** Progress for a job, throttled to ~20 events a second (the last one, done === total, always goes). */
  progress(jobId: string, done: number, total: number, label: string): void;
  emit: EmitFn;
}

export type ChannelHandler<C extends ChannelName> = (
  request: ValidRequestOf<C>,
  ctx: HandlerContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

type PackChannelName = keyof typeof packChannels & ChannelName;
type CoreChannelName = Exclude<ChannelName, PackChannelName>;
export type HandlerTable<N extends ChannelName> = { [C in N]: ChannelHandler<C> };
/** The case-pack handlers, in electron/service/pack.ts, for shared/ipc-pack.ts's channels. */
export type PackHandlerTable = HandlerTable<PackChannelName>;

export interface VaultService {
  /** Validate and run one request. Never throws. */
  dispatch(channel: string, request: unknown): Promise<IpcResult<unknown>>;
  /** Lock: cancel jobs, wipe keys (close the vault), revoke grants, emit 'locked'. Idempotent. */
  lock(reason: string): Promise<VaultStatus>;
  /** A grant for a path from a native dialog or a drop (Electron's preload hands dropped files' paths here). */
  grantPath(filePath: string): Promise<FileGrant>;
  /** Current state without touching the vault's contents. */
  status(): Promise<VaultStatus>;
  /** Point the service at another vault folder (locks the current one first). */
  switchVault(vaultDir: string): Promise<VaultStatus>;
  /** Lock and forget everything; the service is unusable afterwards. */
  dispose(): Promise<void>;
}

const GRANT_ID = /^[0-9a-f]{32}$/;

function invalid(message: string): VaultError {
  return new VaultError('INVALID_INPUT', message);
}

/**
 * Reject keys the schema does not know, at any depth. zod's plain objects strip unknown keys
 * silently; a request with extra keys is not one our window sends, so it is refused.
 * Returns the dotted path of the first extra key, or null.
 */
export function findExtraKey(input: unknown, parsed: unknown, at = ''): string | null {
  if (input instanceof Uint8Array || parsed instanceof Uint8Array) return null;
  if (Array.isArray(input)) {
    if (!Array.isArray(parsed)) return null;
    for (let i = 0; i < input.length; i++) {
      const found = findExtraKey(input[i], parsed[i], `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (input && typeof input === 'object') {
    if (!parsed || typeof parsed !== 'object') return null;
    const out = parsed as Record<string, unknown>;
    for (const [key, value] of Object.entries(input)) {
      const here = at ? `${at}.${key}` : key;
      if (!Object.prototype.hasOwnProperty.call(out, key)) return here;
      const found = findExtraKey(value, out[key], here);
      if (found) return found;
    }
  }
  return null;
}

function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === undefined) return true;
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value as Record<string, unknown>).every((v) => isPlainData(v, depth + 1));
  }
  return false;
}

export function createVaultService(options: VaultServiceOptions): VaultService {
  const opts: VaultServiceOptions = { ...options };
  const vaults: VaultFactory = opts.vaults ?? Vault;
  let vaultDir = path.resolve(opts.vaultDir);
  let vault: VaultApi | null = null;
  let disposed = false;
  /** Lifecycle operations (create, unlock, lock, switch) run one at a time. */
  let lifecycle: Promise<unknown> = Promise.resolve();
  const grants = new Map<string, { path: string; name: string; size: number }>();
  const jobs = new Map<string, AbortController>();
  const lastProgress = new Map<string, number>();

  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = lifecycle.then(fn, fn);
    lifecycle = run.catch(() => undefined);
    return run;
  }

  async function status(): Promise<VaultStatus> {
    const location = path.basename(vaultDir);
    if (vault && vault.isOpen) return { state: 'unlocked', location, nativeDialogs: opts.nativeDialogs };
    const exists = await vaults.isVault(vaultDir);
    return { state: exists ? 'locked' : 'none', location, nativeDialogs: opts.nativeDialogs };
  }

  function requireVault(): VaultApi {
    if (!vault || !vault.isOpen) throw new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
    return vault;
  }

  async function grantPath(filePath: string, grantOpts?: { mustExist?: boolean }): Promise<FileGrant> {
    const resolved = path.resolve(filePath);
    const name = path.basename(resolved);
    let size = 0;
    if (grantOpts?.mustExist === false) {
      const grantId = randomBytes(16).toString('hex');
      grants.set(grantId, { path: resolved, name, size });
      return { grantId, name, size };
    }
    try {
      const st = await stat(resolved);
      if (st.isDirectory()) throw new VaultError('FILE_IS_DIRECTORY', `“${name}” is a folder, not a file.`);
      size = st.size;
    } catch (e) {
      if (e instanceof VaultError) throw e;
      throw new VaultError('FILE_MISSING', `“${name}” could not be found.`);
    }
    const grantId = randomBytes(16).toString('hex');
    grants.set(grantId, { path: resolved, name, size });
    return { grantId, name, size };
  }

  function resolveGrant(grantId: string): { path: string; name: string; size: number } {
    const g = GRANT_ID.test(grantId) ? grants.get(grantId) : undefined;
    if (!g) throw invalid('That file is no longer available to the app. Choose it again.');
    return g;
  }

  function beginJob(jobId: string): { signal: AbortSignal; end(): void } {
    if (jobs.has(jobId)) throw invalid(`A job with id ${jobId} is already running.`);
    const controller = new AbortController();
    jobs.set(jobId, controller);
    return {
      signal: controller.signal,
      end: () => {
        if (jobs.get(jobId) === controller) jobs.delete(jobId);
        lastProgress.delete(jobId);
      },
    };
  }

  function progress(jobId: string, done: number, total: number, label: string): void {
    const now = Date.now();
    const last = lastProgress.get(jobId) ?? 0;
    if (done < total && now - last < 50) return;
    lastProgress.set(jobId, now);
    opts.emit('progress', { jobId, done, total, label });
  }

  const ctx: HandlerContext = {
    options: opts,
    vault: requireVault,
    resolveGrant,
    grantPath,
    beginJob,
    progress,
    emit: (event, payload) => opts.emit(event, payload),
  };

  async function lockNow(reason: string, notify: boolean): Promise<VaultStatus> {
    for (const controller of jobs.values()) controller.abort();
    jobs.clear();
    grants.clear();
    const wasOpen = vault !== null;
    if (vault) {
      try {
        vault.close();
      } finally {
        vault = null;
      }
    }
    if (wasOpen && notify) opts.emit('locked', { reason });
    return status();
  }

  const core: HandlerTable<CoreChannelName> = {
    'vault.status': () => status(),
    'vault.create': (req) =>
      serial(async () => {
        if (vault) throw new VaultError('VAULT_EXISTS', 'A vault is already open here.');
        const created = await vaults.create(vaultDir, req.passphrase, opts.kdf ? { kdf: opts.kdf } : undefined);
        vault = created.vault;
        return { recoveryKey: created.recoveryKey };
      }),
    'vault.unlock': (req) =>
      serial(async () => {
        if (vault && vault.isOpen) return status();
        const unlock: UnlockWith =
          'passphrase' in req ? { passphrase: req.passphrase } : { recoveryKey: req.recoveryKey };
        vault = await vaults.open(vaultDir, unlock);
        return status();
      }),
    'vault.lock': () => serial(() => lockNow('user', true)),
    'vault.changePassphrase': async (req) => {
      await requireVault().changePassphrase(req.newPassphrase);
      return null;
    },
    'vault.check': (_req) => requireVault().check(),

    'incidents.list': () => requireVault().listIncidents(),
    'incidents.get': (req) => requireVault().getIncident(req.id),
    'incidents.create': (req) => requireVault().createIncident(req.input),
    'incidents.update': (req) => requireVault().updateIncident(req.id, req.input),
    'incidents.delete': (req) => {
      requireVault().deleteIncident(req.id);
      return null;
    },

    'people.list': () => requireVault().listPeople(),
    'people.create': (req) => requireVault().createPerson(req.input),
    'people.update': (req) => requireVault().updatePerson(req.id, req.input),
    'people.delete': (req) => {
      requireVault().deletePerson(req.id);
      return null;
    },

    'contacts.list': () => requireVault().listContacts(),
    'contacts.create': (req) => requireVault().createContact(req.input),
    'contacts.update': (req) => requireVault().updateContact(req.id, req.input),
    'contacts.delete': (req) => {
      requireVault().deleteContact(req.id);
      return null;
    },

    'settings.get': () => requireVault().getSettings(),
    'settings.update': (req) => requireVault().updateSettings(req.patch),

    'dialog.openFiles': async () => {
      if (!opts.openFileDialog) {
        throw invalid('This window cannot open file dialogs. Choose or drop the files in the window instead.');
      }
      const paths = await opts.openFileDialog();
      const out: FileGrant[] = [];
      for (const p of paths) out.push(await grantPath(p));
      return out;
    },
    'exhibits.import': async (req) => {
      const v = requireVault();
      const grantSources = req.sources.filter((s) => s.kind === 'grant');
      const byteSources = req.sources.filter((s) => s.kind === 'bytes');
      if (grantSources.length > 0 && byteSources.length > 0) {
        throw invalid('Add chosen files and pasted files separately.');
      }
      const resolved = grantSources.map((s) => resolveGrant(s.grantId));
      const sizes = resolved.length > 0 ? resolved.map((g) => g.size) : byteSources.map((s) => s.data.byteLength);
      const total = sizes.reduce((a, b) => a + b, 0);
      const before = sizes.map((_s, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
      const job = beginJob(req.jobId);
      const onProgress = (p: ImportProgress): void => {
        const done = Math.min(total, (before[p.fileIndex] ?? 0) + p.bytesDone);
        progress(req.jobId, done, total, `Adding ${p.name} (${p.fileIndex + 1} of ${p.fileCount})`);
      };
      try {
        progress(req.jobId, 0, total, 'Adding files');
        const exhibits =
          resolved.length > 0
            ? await v.importExhibits(
                req.incidentId,
                resolved.map((g) => g.path),
                { onProgress, signal: job.signal },
              )
            : await v.importExhibitStreams(
                req.incidentId,
                byteSources.map((s) => ({
                  name: s.name,
                  modifiedAt: s.lastModified === undefined ? undefined : new Date(s.lastModified).toISOString(),
                  stream: Readable.from([Buffer.from(s.data.buffer, s.data.byteOffset, s.data.byteLength)]),
                })),
                { onProgress, signal: job.signal },
              );
        opts.emit('progress', { jobId: req.jobId, done: total, total, label: 'Done' });
        return exhibits;
      } catch (e) {
        if (job.signal.aborted && !(e instanceof VaultError && e.code !== 'INTERNAL')) {
          throw new VaultError('CANCELLED', 'Adding the files was cancelled. Nothing was added.');
        }
        throw e;
      } finally {
        job.end();
      }
    },
    'exhibits.cancel': (req) => {
      jobs.get(req.jobId)?.abort();
      return null;
    },
    'exhibits.read': (req) => requireVault().readExhibit(req.id),
    'exhibits.delete': (req) => {
      requireVault().deleteExhibit(req.id);
      return null;
    },

    'custody.list': () => requireVault().custodyLog(),
  };

  const table: Partial<HandlerTable<ChannelName>> = { ...core, ...packHandlers };

  /** Paths never reach the window: replace any known path in a message by its last part. */
  function scrub(message: string): string {
    let out = message;
    const known = [vaultDir, ...[...grants.values()].map((g) => g.path)].sort((a, b) => b.length - a.length);
    for (const p of known) if (p.length > 1) out = out.split(p).join(path.basename(p));
    return out;
  }

  async function dispatch(channel: string, request: unknown): Promise<IpcResult<unknown>> {
    try {
      if (disposed) throw new VaultError('VAULT_LOCKED', 'Evidence Vault is closing.');
      if (typeof channel !== 'string' || !isChannelName(channel)) {
        throw invalid(`Unknown request “${String(channel).slice(0, 60)}”.`);
      }
      if (!isPlainData(request)) throw invalid(`The request for ${channel} is not plain data.`);
      const schema = channels[channel].req;
      const parsed = schema.safeParse(request ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        throw invalid(`The request for ${channel} is not valid: ${where}${issue?.message ?? 'invalid'}.`);
      }
      const extra = findExtraKey(request, parsed.data);
      if (extra) throw invalid(`The request for ${channel} has an unexpected field “${extra}”.`);
      const handler = table[channel] as ChannelHandler<typeof channel> | undefined;
      if (!handler) throw new VaultError('INTERNAL', `${channel} is not available here.`);
      const value = await handler(parsed.data as never, ctx);
      return { ok: true, value };
    } catch (e) {
      const payload = toErrorPayload(e);
      if (payload.code === 'INTERNAL') opts.onInternalError?.(e, channel);
      return { ok: false, error: { code: payload.code, message: scrub(payload.message) } };
    }
  }

  return {
    dispatch,
    lock: (reason) => serial(() => lockNow(reason, true)),
    grantPath,
    status,
    switchVault: (dir) =>
      serial(async () => {
        await lockNow('switching vault', true);
        vaultDir = path.resolve(dir);
        return status();
      }),
    dispose: async () => {
      await serial(() => lockNow('closing', true));
      disposed = true;
    },
  };
}
