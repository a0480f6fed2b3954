/**
 * The isolated service: the same VaultService as createVaultService (./handlers.ts), but the
 * unlocked core runs in a child process (./vault-process.ts) that is ENDED whenever the vault
 * locks, so keys, the passphrase, record text and exhibit bytes (JS strings included, which
 * nothing can wipe) do not outlive the lock in any process. The browser host and the desktop app
 * use it; the CLI, a short-lived process, runs the service in place.
 *
 * - Every request is forwarded as it is (channel name + request), so channels added to
 *   shared/ipc.ts work through it untouched; the child validates each one by its schema before
 *   the core, exactly as in place.
 * - The host's callbacks stay here: events (progress, locked, menu) come back to options.emit,
 *   the native dialogs are reverse calls, onInternalError gets the error's name.
 * - Lock: 'vault.lock', lock(), the auto-locks (they call lock()), switchVault, dispose and the
 *   child's own 'locked' event make the child close the vault as always, answer what it was
 *   asked, and exit; SIGKILL follows after a short grace. The next request starts a fresh child.
 * - A child that dies unexpectedly: its pending requests are answered VAULT_LOCKED (never a hang)
 *   and the window is told the vault locked.
 * - dispatchWire: the browser host's bytes path. The raw body of POST api/invoke goes to the child,
 *   the encoded answer comes back as bytes; the host writes them and zeroes them. Neither becomes
 *   a string here.
 */
import path from 'node:path';
import { VaultError } from '../../shared/errors.js';
import type { ChannelName, IpcResult, ResponseOf, VaultEventName, VaultEvents, VaultStatus } from '../../shared/ipc.js';
import { encodeWire } from '../../shared/wire.js';
import type { VaultService, VaultServiceOptions } from './handlers.js';
import type { OpenFileDialogOptions } from './context.js';
import {
  Kind,
  bytesFrame,
  dataFrame,
  frameData,
  frameId,
  frameKind,
  framePayload,
  spawnNodeChild,
  type ChildLink,
  type DialogName,
  type InitMessage,
  type OpMessage,
  type OpName,
  type Outcome,
} from './isolated-link.js';

export interface IsolatedVaultService extends VaultService {
  /**
   * One browser-host request as bytes (the `{ channel, request }` body, shared/wire.ts encoding),
   * given as the chunks read; each chunk is zeroed once copied. Resolves to the encoded IpcResult,
   * which the caller writes and then zeroes (`fill(0)`), or null when the body is not such a
   * message (the host answers 400). Validated in the child, before the core.
   */
  dispatchWire(body: readonly Uint8Array[]): Promise<Buffer | null>;
  /** The vault process now running, if any (for tests). */
  readonly childPid: number | undefined;
}

export interface IsolatedOptions {
  /** Starts the vault process; default a Node child (Electron: ./isolated-electron.ts's forkUtilityChild). */
  startChild?: () => ChildLink;
  /** How long a locking child may take to end before SIGKILL (ms). Default 2000. */
  graceMs?: number;
  /** Start the first vault process at once (default), not at the first request. */
  prestart?: boolean;
}

const GONE_MESSAGE = 'The vault stopped unexpectedly and is locked. Unlock it again.';
const CLOSING_MESSAGE = 'Evidence Vault is closing.';
const LOCKED_MESSAGE = 'The vault was locked before this finished. Unlock it and try again.';

/** Why a request got no answer: its process was locking, died, or the service was disposed. */
type NoAnswer = 'locked' | 'gone' | 'closing';
const NO_ANSWER_MESSAGE: Record<NoAnswer, string> = {
  locked: LOCKED_MESSAGE,
  gone: GONE_MESSAGE,
  closing: CLOSING_MESSAGE,
};

interface Pending {
  resend: () => void;
  settle: (frame: Buffer | NoAnswer) => void;
}

interface Child {
  link: ChildLink;
  pending: Map<number, Pending>;
  retiring: boolean;
  graceTimer: NodeJS.Timeout | null;
  exitedPromise: Promise<void>;
}

function toError(shape: { name: string; code?: string; message: string }): Error {
  if (shape.name === 'VaultError' && shape.code) return new VaultError(shape.code as never, shape.message);
  const e = new Error(shape.message);
  e.name = shape.name;
  return e;
}

export function createIsolatedVaultService(
  options: Omit<VaultServiceOptions, 'vaults'>,
  isolated: IsolatedOptions = {},
): IsolatedVaultService {
  if ('vaults' in options && options.vaults) {
    throw new Error('The isolated service runs the core in its own process: a vaults factory cannot be passed to it.');
  }
  const startChild = isolated.startChild ?? (() => spawnNodeChild());
  const graceMs = isolated.graceMs ?? 2000;
  let vaultDir = path.resolve(options.vaultDir);
  let current: Child | null = null;
  let nextId = 1;
  let disposed = false;
  const dying = new Set<Child>();

  const init = (): InitMessage => ({
    options: {
      vaultDir,
      nativeDialogs: options.nativeDialogs,
      ...(options.kdf ? { kdf: options.kdf } : {}),
      ...(options.confirmsRecoveryKey !== undefined ? { confirmsRecoveryKey: options.confirmsRecoveryKey } : {}),
      ...(options.deferUnlockEntry !== undefined ? { deferUnlockEntry: options.deferUnlockEntry } : {}),
    },
    has: {
      openFileDialog: Boolean(options.openFileDialog),
      saveDialog: Boolean(options.saveDialog),
      chooseFolderDialog: Boolean(options.chooseFolderDialog),
      onInternalError: Boolean(options.onInternalError),
      showInFolder: Boolean(options.showInFolder),
    },
  });

  function retire(child: Child): void {
    if (child.retiring) return;
    child.retiring = true;
    if (current === child) current = null;
    dying.add(child);
    child.graceTimer = setTimeout(() => child.link.kill(), graceMs);
    child.graceTimer.unref();
    // A fresh process, holding nothing yet, is ready for the next request (starting one takes a
    // moment: the window asks for the status at once after a lock).
    setImmediate(() => {
      if (!disposed && !current) current = spawnChild();
    });
  }

  async function answerAsk(child: Child, id: number, fn: DialogName, args: unknown[]): Promise<void> {
    let outcome: Outcome;
    try {
      let value: unknown;
      if (fn === 'openFileDialog' && options.openFileDialog)
        value = await (args[0] ? options.openFileDialog(args[0] as OpenFileDialogOptions) : options.openFileDialog());
      else if (fn === 'saveDialog' && options.saveDialog)
        value = await options.saveDialog(args[0] as Parameters<NonNullable<VaultServiceOptions['saveDialog']>>[0]);
      else if (fn === 'chooseFolderDialog' && options.chooseFolderDialog)
        value = await options.chooseFolderDialog(args[0] as { title: string });
      else if (fn === 'showInFolder' && options.showInFolder) value = await options.showInFolder(String(args[0]));
      else throw new Error(`No ${fn} in this host.`);
      outcome = { ok: true, value };
    } catch (e) {
      outcome = { ok: false, error: { name: 'Error', message: e instanceof Error ? e.message : String(e) } };
    }
    if (!child.link.exited) child.link.send(dataFrame(Kind.ANSWER, id, outcome));
  }

  function onFrame(child: Child, frame: Buffer): void {
    const kind = frameKind(frame);
    const id = frameId(frame);
    switch (kind) {
      case Kind.RESULT:
      case Kind.WIRE_RESULT: {
        const p = child.pending.get(id);
        child.pending.delete(id);
        if (p) p.settle(frame);
        else frame.fill(0);
        return;
      }
      case Kind.RESEND: {
        frame.fill(0);
        const p = child.pending.get(id);
        child.pending.delete(id);
        retire(child);
        p?.resend();
        return;
      }
      case Kind.RETIRING:
        frame.fill(0);
        retire(child);
        return;
      case Kind.EVENT: {
        const { event, payload } = frameData(frame) as { event: VaultEventName; payload: VaultEvents[VaultEventName] };
        frame.fill(0);
        options.emit(event, payload as never);
        return;
      }
      case Kind.ASK: {
        const { fn, args } = frameData(frame) as { fn: DialogName; args: unknown[] };
        frame.fill(0);
        void answerAsk(child, id, fn, args);
        return;
      }
      case Kind.INTERNAL: {
        const { channel, name } = frameData(frame) as { channel: string; name: string };
        frame.fill(0);
        const e = new Error('An internal error in the vault process.');
        e.name = name;
        options.onInternalError?.(e, channel);
        return;
      }
      default:
        frame.fill(0);
    }
  }

  function spawnChild(): Child {
    const link = startChild();
    let resolveExit: () => void = () => undefined;
    const exitedPromise = new Promise<void>((r) => (resolveExit = r));
    const child: Child = { link, pending: new Map(), retiring: false, graceTimer: null, exitedPromise };
    link.onFrame((frame) => onFrame(child, frame));
    link.onExit(() => {
      if (child.graceTimer) clearTimeout(child.graceTimer);
      dying.delete(child);
      const unexpected = !child.retiring && !disposed;
      const why: NoAnswer = disposed ? 'closing' : unexpected ? 'gone' : 'locked';
      if (current === child) current = null;
      child.retiring = true;
      const pending = [...child.pending.values()];
      child.pending.clear();
      for (const p of pending) p.settle(why);
      if (unexpected) options.emit('locked', { reason: 'the vault stopped unexpectedly' });
      resolveExit();
    });
    link.send(dataFrame(Kind.INIT, 0, init()));
    return child;
  }

  function live(): Child {
    if (current && !current.retiring && !current.link.exited) return current;
    current = spawnChild();
    return current;
  }

  /**
   * Send one request frame (built fresh for each try by make()) and wait for its answer frame,
   * or null when the child died first. A request that reached a child already locking goes again
   * to a fresh one.
   */
  function request(make: (id: number) => Buffer, keep = false): Promise<Buffer | NoAnswer> {
    return new Promise((resolve) => {
      const attempt = (triesLeft: number) => {
        if (disposed) return resolve('closing');
        const child = live();
        const id = nextId;
        nextId = nextId >= 0xfffffff0 ? 1 : nextId + 1;
        child.pending.set(id, {
          resend: () => (triesLeft > 0 ? attempt(triesLeft - 1) : resolve('locked')),
          settle: (frame) => {
            resolve(frame);
            if (child.retiring && child.pending.size === 0 && child.graceTimer) {
              // Everything answered: a short grace to exit on its own, then SIGKILL.
              clearTimeout(child.graceTimer);
              child.graceTimer = setTimeout(() => child.link.kill(), Math.min(graceMs, 500));
              child.graceTimer.unref();
            }
          },
        });
        child.link.send(make(id), keep);
      };
      attempt(3);
    });
  }

  async function op(name: OpName, args: unknown[]): Promise<unknown> {
    if (disposed) throw new VaultError('VAULT_LOCKED', CLOSING_MESSAGE);
    const message: OpMessage = { op: name, args };
    const frame = await request((id) => dataFrame(Kind.OP, id, message));
    if (typeof frame === 'string') throw new VaultError('VAULT_LOCKED', NO_ANSWER_MESSAGE[frame]);
    const outcome = frameData(frame) as Outcome;
    frame.fill(0);
    if (!outcome.ok) throw toError(outcome.error);
    return outcome.value;
  }

  /** Wait until every child that is locking has gone. */
  async function drained(): Promise<void> {
    await Promise.all([...dying].map((c) => c.exitedPromise));
  }

  // Started at once, holding nothing yet: the window asks for the status as soon as it loads.
  if (isolated.prestart !== false) current = spawnChild();

  const service: IsolatedVaultService = {
    get childPid() {
      return current && !current.link.exited ? current.link.pid : undefined;
    },
    async dispatch(channel, request) {
      try {
        return (await op('dispatch', [channel, request])) as IpcResult<unknown>;
      } catch (e) {
        const error = e instanceof VaultError ? e : new VaultError('INTERNAL', 'Something went wrong. Try again.');
        return { ok: false, error: { code: error.code, message: error.message } };
      }
    },
    call: <C extends ChannelName>(channel: C, req: unknown) => op('call', [channel, req]) as Promise<ResponseOf<C>>,
    lock: async (reason) => {
      if (!current) {
        // No vault process: nothing is unlocked. Answer as the service does.
        await drained();
        return (await op('status', [])) as VaultStatus;
      }
      return (await op('lock', [reason])) as VaultStatus;
    },
    grantPath: (p, o) => op('grantPath', o === undefined ? [p] : [p, o]) as ReturnType<VaultService['grantPath']>,
    recordUnlock: async () => {
      await op('recordUnlock', []);
    },
    status: () => op('status', []) as Promise<VaultStatus>,
    switchVault: async (dir) => {
      vaultDir = path.resolve(dir);
      const status = (await op('switchVault', [vaultDir])) as VaultStatus;
      return status;
    },
    async dispose() {
      if (disposed) return;
      const child = current;
      if (child && !child.link.exited) {
        try {
          await op('dispose', []);
        } catch {
          // It is ending anyway.
        }
      }
      disposed = true;
      await drained();
    },
    async dispatchWire(body) {
      if (disposed) {
        for (const c of body) c.fill(0);
        return Buffer.from(encodeWire({ ok: false, error: { code: 'VAULT_LOCKED', message: CLOSING_MESSAGE } }));
      }
      // One frame holds the request for every try (a resend): kept, not copied, and zeroed once answered.
      const held = bytesFrame(Kind.WIRE, 0, body);
      try {
        const frame = await request((id) => {
          held.writeUInt32BE(id, 1);
          return held;
        }, true);
        if (typeof frame === 'string') {
          const message = NO_ANSWER_MESSAGE[frame];
          return Buffer.from(encodeWire({ ok: false, error: { code: 'VAULT_LOCKED', message } }));
        }
        const payload = framePayload(frame);
        if (payload[0] !== 1) {
          frame.fill(0);
          return null;
        }
        return payload.subarray(1);
      } finally {
        held.fill(0);
      }
    },
  };
  return service;
}
