/**
 * The service: ONE handler table, every channel of shared/ipc.ts mapped to the core with its
 * request validated, serving every host — Electron's ipcMain (electron/desktop/main.ts), the
 * browser host (electron/host/) and the CLI (electron/cli/) — through createVaultService().
 *
 * The table is combined from one file per domain (./vault.ts, ./incidents.ts, ./people.ts,
 * ./cases.ts, ./contacts.ts, ./settings.ts, ./exhibits.ts, ./custody.ts, ./pack.ts, ./records.ts) over the context in
 * ./context.ts (grants, the one job registry, progress). Its type is complete: a channel without a
 * handler does not compile. Domain files import only ./context.ts (and ./exhibits.ts's runImport),
 * never this file.
 *
 * Rules it keeps:
 * - Every request passes the channel's schema, whichever host sends it: unknown channels, invalid
 *   requests (wrong types, extra keys at any depth, a path where a grant is expected) get
 *   INVALID_INPUT and reach no vault call.
 * - dispatch (for the window) never throws: VaultError becomes its ErrorPayload, anything else
 *   INTERNAL; messages are scrubbed of every path the service knows. call (for the CLI, whose user
 *   typed the paths) throws the error as it is.
 * - The window never receives keys or paths: file paths live in grants (random ids) that only
 *   the host creates (native dialogs, drops, the CLI's arguments: grantPath).
 * - Does not import 'electron'.
 */
import path from 'node:path';
import { VaultError, toErrorPayload } from '../../shared/errors.js';
import { issueDetail, plainIssue, plainSystemText } from '../../shared/plain-errors.js';
import {
  channels,
  isChannelName,
  type ChannelName,
  type FileGrant,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
  type ValidRequestOf,
  type VaultStatus,
} from '../../shared/ipc.js';
import { Vault } from '../core/index.js';
import { Session, invalid, type ChannelHandler, type HandlerTable, type VaultServiceOptions } from './context.js';
import { caseHandlers } from './cases.js';
import { contactHandlers } from './contacts.js';
import { custodyHandlers } from './custody.js';
import { exhibitHandlers } from './exhibits.js';
import { incidentHandlers } from './incidents.js';
import { packHandlers } from './pack.js';
import { peopleHandlers } from './people.js';
import { recordHandlers } from './records.js';
import { settingsHandlers } from './settings.js';
import { slotHandlers } from './slots.js';
import { vaultHandlers } from './vault.js';

export type {
  ChannelHandler,
  EmitFn,
  HandlerContext,
  HandlerTable,
  VaultFactory,
  OpenFileDialogOptions,
  VaultServiceOptions,
} from './context.js';

/** Every channel's handler: a missing one (or one too many) is a type error. */
export const handlerTable: HandlerTable = {
  ...vaultHandlers,
  ...incidentHandlers,
  ...peopleHandlers,
  ...caseHandlers,
  ...contactHandlers,
  ...settingsHandlers,
  ...slotHandlers,
  ...exhibitHandlers,
  ...custodyHandlers,
  ...packHandlers,
  ...recordHandlers,
};

export interface VaultService {
  /** Validate and run one request; for the window. Never throws; error messages carry no paths. */
  dispatch(channel: string, request: unknown): Promise<IpcResult<unknown>>;
  /**
   * Validate and run one request exactly as dispatch does, for a host in this process that shows
   * errors itself (the CLI): resolves to the response, or throws the error as it is.
   */
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Lock: cancel jobs, wipe keys (close the vault), revoke grants, emit 'locked'. Idempotent. */
  lock(reason: string): Promise<VaultStatus>;
  /**
   * A grant for a path the host chose: a native dialog's, a drop's (Electron's preload hands
   * dropped files' paths here), a CLI argument. { mustExist: false } for a pack to be written.
   */
  grantPath(filePath: string, opts?: { mustExist?: boolean }): Promise<FileGrant>;
  /**
   * For a host that opened with deferUnlockEntry (the CLI): its command succeeded, so the held-back
   * custody 'unlock' entry is committed now (nothing when no vault is open or it is already in).
   */
  recordUnlock(): Promise<void>;
  /** Current state without touching the vault's contents. */
  status(): Promise<VaultStatus>;
  /** Point the service at another vault folder (locks the current one first). */
  switchVault(vaultDir: string): Promise<VaultStatus>;
  /** Lock and forget everything; the service is unusable afterwards. */
  dispose(): Promise<void>;
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

/** The request checked against its channel's schema, as every request is before its handler runs; throws INVALID_INPUT. */
function checkRequest<C extends ChannelName>(channel: C, request: unknown): ValidRequestOf<C> {
  if (!isPlainData(request)) throw invalid(`The request for ${channel} is not plain data.`);
  const parsed = channels[channel].req.safeParse(request ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Our own rules (refinements) are worded for people already.
    // The detail lets the window say it in Welsh (shared/plain-errors.ts plainIssueIn).
    if (issue?.code === 'custom') throw invalid(issue.message, { issue: issueDetail(issue, request) });
    // Never schema text: the field in words, what is wrong and what to do (shared/plain-errors.ts).
    if (!issue) throw invalid(`The request for ${channel} could not be read. Try again.`);
    throw invalid(plainIssue(issue, request), { issue: issueDetail(issue, request) });
  }
  const extra = findExtraKey(request, parsed.data);
  if (extra) {
    throw invalid(
      `The app sent something this version does not know (“${extra}”). Reload the window (Ctrl+R), then try again; nothing was changed.`,
    );
  }
  return parsed.data as ValidRequestOf<C>;
}

export function createVaultService(options: VaultServiceOptions): VaultService {
  const session = new Session({ ...options }, options.vaults ?? Vault);
  const ctx = session.context();
  let disposed = false;

  async function run(channel: string, request: unknown): Promise<unknown> {
    if (disposed) throw new VaultError('VAULT_LOCKED', 'Evidence Vault is closing.');
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      throw invalid(`Unknown request “${String(channel).slice(0, 60)}”.`);
    }
    const valid = checkRequest(channel, request);
    const handler = handlerTable[channel] as ChannelHandler<typeof channel>;
    return await handler(valid as never, ctx);
  }

  /** Paths never reach the window: replace any known path in a message by its last part. */
  function scrub(message: string): string {
    let out = plainSystemText(message);
    for (const p of session.knownPaths()) if (p.length > 1) out = out.split(p).join(path.basename(p));
    return out;
  }

  return {
    async dispatch(channel, request) {
      try {
        return { ok: true, value: await run(channel, request) };
      } catch (e) {
        const payload = toErrorPayload(e);
        if (payload.code === 'INTERNAL') options.onInternalError?.(e, channel);
        const error = { code: payload.code, message: scrub(payload.message) };
        return { ok: false, error: payload.detail ? { ...error, detail: payload.detail } : error };
      }
    },
    call: (channel, request) => run(channel, request) as Promise<ResponseOf<typeof channel>>,
    lock: (reason) => session.serial(() => session.lockNow(reason, true)),
    grantPath: (p, o) => session.grantPath(p, o),
    recordUnlock: () =>
      session.serial(async () => {
        if (session.current?.isOpen) session.current.recordUnlock();
      }),
    status: () => session.status(),
    switchVault: (dir) =>
      session.serial(async () => {
        await session.lockNow('switching vault', true);
        session.dir = path.resolve(dir);
        return session.status();
      }),
    dispose: async () => {
      await session.serial(() => session.lockNow('closing', true));
      disposed = true;
    },
  };
}
