/**
 * The vault process: the program the isolated service (./isolated.ts) starts as a child. It runs
 * the ordinary service (./handlers.ts: the handler table, every request validated by its schema)
 * over the core, and answers the host's frames (./isolated-link.ts). It holds the keys, the
 * passphrase and the vault's contents; when the vault locks it closes the vault as always, then
 * ENDS, so nothing it held (JS strings included, which cannot be wiped) outlives the lock.
 *
 * It gets no secrets on its command line or in its environment: the options come in its first
 * frame. Built as dist/vault-process.cjs (scripts/build.mjs); from source it runs through tsx.
 * Transport: Electron's utility process (process.parentPort) when there is one, else fd 3.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { VaultError, toErrorPayload } from '../../shared/errors.js';
import type { ChannelName, RequestOf, VaultEventName, VaultEvents } from '../../shared/ipc.js';
import { createVaultService, type VaultService, type VaultServiceOptions } from './handlers.js';
import { parentPortLink, type ParentPortLike } from './isolated-electron.js';
import {
  Kind,
  bytesFrame,
  dataFrame,
  frameData,
  frameId,
  frameKind,
  framePayload,
  NONCE_BYTES,
  socketLink,
  type DialogName,
  type Handshake,
  type ErrorShape,
  type InitMessage,
  type Link,
  type OpMessage,
  type Outcome,
} from './isolated-link.js';
import { dispatchWireMessage } from './isolated-wire.js';

function errorShape(e: unknown): ErrorShape {
  if (e instanceof VaultError) return { name: 'VaultError', code: e.code, message: e.message };
  const payload = toErrorPayload(e);
  return { name: e instanceof Error ? e.name : 'Error', code: payload.code, message: payload.message };
}

export function runVaultProcess(link: Link, exit: (code: number) => void): void {
  let service: VaultService | null = null;
  let retiring = false;
  let inFlight = 0;
  let nextAsk = 1;
  const asks = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  function retire(): void {
    if (retiring) return;
    retiring = true;
    link.send(dataFrame(Kind.RETIRING, 0, null));
    maybeEnd();
  }

  function maybeEnd(): void {
    if (!retiring || inFlight > 0) return;
    // Answered everything: the vault is closed (lockNow ran); end, and everything held goes with it.
    setImmediate(() => exit(0));
  }

  function ask(fn: DialogName, args: unknown[]): Promise<unknown> {
    const id = nextAsk++;
    return new Promise((resolve, reject) => {
      asks.set(id, { resolve, reject });
      link.send(dataFrame(Kind.ASK, id, { fn, args }));
    });
  }

  function start(init: InitMessage): VaultService {
    const emit = <E extends VaultEventName>(event: E, payload: VaultEvents[E]) => {
      link.send(dataFrame(Kind.EVENT, 0, { event, payload }));
      if (event === 'locked') retire();
    };
    const options: VaultServiceOptions = { ...init.options, emit };
    if (init.has.openFileDialog)
      options.openFileDialog = (o) => ask('openFileDialog', o ? [o] : []) as Promise<string[]>;
    if (init.has.saveDialog) options.saveDialog = (o) => ask('saveDialog', [o]) as Promise<string | null>;
    if (init.has.chooseFolderDialog)
      options.chooseFolderDialog = (o) => ask('chooseFolderDialog', [o]) as Promise<string | null>;
    if (init.has.showInFolder) options.showInFolder = async (p) => void (await ask('showInFolder', [p]));
    if (init.has.onInternalError) {
      // The error's name only: its message may carry record content.
      options.onInternalError = (error, channel) =>
        link.send(dataFrame(Kind.INTERNAL, 0, { channel, name: error instanceof Error ? error.name : typeof error }));
    }
    return createVaultService(options);
  }

  async function runOp(svc: VaultService, msg: OpMessage): Promise<unknown> {
    const a = msg.args;
    switch (msg.op) {
      case 'dispatch':
        return svc.dispatch(a[0] as string, a[1]);
      case 'call':
        return svc.call(a[0] as ChannelName, a[1] as RequestOf<ChannelName>);
      case 'lock':
        return svc.lock(a[0] as string);
      case 'grantPath':
        return svc.grantPath(a[0] as string, a[1] as { mustExist?: boolean } | undefined);
      case 'recordUnlock':
        return svc.recordUnlock();
      case 'status':
        return svc.status();
      case 'switchVault':
        return svc.switchVault(a[0] as string);
      case 'dispose':
        return svc.dispose();
    }
  }

  /** After these the vault is locked: this process ends. */
  function locks(msg: OpMessage): boolean {
    if (msg.op === 'lock' || msg.op === 'switchVault' || msg.op === 'dispose') return true;
    return (msg.op === 'dispatch' || msg.op === 'call') && msg.args[0] === 'vault.lock';
  }

  async function handle(frame: Buffer): Promise<void> {
    const kind = frameKind(frame);
    const id = frameId(frame);
    if (kind === Kind.ANSWER) {
      const outcome = frameData(frame) as Outcome;
      frame.fill(0);
      const waiting = asks.get(id);
      asks.delete(id);
      if (!waiting) return;
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(new Error(outcome.error.message));
      return;
    }
    if (kind === Kind.INIT) {
      service ??= start(frameData(frame) as InitMessage);
      frame.fill(0);
      return;
    }
    if (kind !== Kind.OP && kind !== Kind.WIRE) return;
    if (retiring || !service) {
      // Sent before the host heard this process lock: the host sends it again to a fresh one.
      frame.fill(0);
      link.send(dataFrame(Kind.RESEND, id, null));
      return;
    }
    const svc = service;
    inFlight++;
    try {
      if (kind === Kind.WIRE) {
        const body = framePayload(frame);
        const answer = await dispatchWireMessage(svc, body);
        frame.fill(0);
        if (answer.bad) {
          link.send(bytesFrame(Kind.WIRE_RESULT, id, [Uint8Array.of(0)]));
        } else {
          if (answer.channel === 'vault.lock') retire();
          link.send(bytesFrame(Kind.WIRE_RESULT, id, [Uint8Array.of(1), answer.reply]));
        }
        return;
      }
      const msg = frameData(frame) as OpMessage;
      frame.fill(0);
      let outcome: Outcome;
      try {
        outcome = { ok: true, value: await runOp(svc, msg) };
      } catch (e) {
        outcome = { ok: false, error: errorShape(e) };
      }
      if (locks(msg)) retire();
      link.send(dataFrame(Kind.RESULT, id, outcome));
    } finally {
      inFlight--;
      maybeEnd();
    }
  }

  link.onFrame((frame) => {
    handle(frame).catch((e: unknown) => {
      // Never with content: the error's name.
      process.stderr.write(`[evidence-vault] vault process: ${e instanceof Error ? e.name : 'error'}\n`);
    });
  });
  link.onClose(() => {
    // The host is gone: lock (close the vault as always) and end.
    const svc = service;
    service = null;
    void (svc ? svc.dispose() : Promise.resolve()).finally(() => exit(0));
  });
}

/**
 * Node transport: listen on a private local socket, tell the host where (and a one-time nonce) on
 * fd 3, take the one connection that proves the nonce, then stop listening. fd 3 closing means the
 * host is gone.
 */
function connectToHost(): Promise<{ socket: net.Socket; first: Buffer; control: net.Socket }> {
  const control = new net.Socket({ fd: 3, readable: true, writable: true });
  const nonce = randomBytes(NONCE_BYTES);
  const dir = process.platform === 'win32' ? null : mkdtempSync(path.join(os.tmpdir(), 'ev-vault-'));
  const where = dir ? path.join(dir, 's') : `\\\\.\\pipe\\evidence-vault-${randomBytes(16).toString('hex')}`;
  const server = net.createServer();
  const cleanUp = () => {
    server.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    server.on('error', reject);
    // The host gone before the handshake (its write fails with EPIPE): this process ends quietly, never
    // with an unhandled 'error' event. After the handshake, main() watches fd 3 itself.
    control.on('error', (e) => {
      if (settled) return;
      settled = true;
      cleanUp();
      reject(e);
    });
    server.on('connection', (s) => {
      let got = Buffer.alloc(0);
      const onData = (d: Buffer) => {
        got = Buffer.concat([got, d]);
        if (got.length < NONCE_BYTES) return;
        s.off('data', onData);
        s.pause();
        if (!timingSafeEqual(got.subarray(0, NONCE_BYTES), nonce)) {
          s.destroy();
          return;
        }
        settled = true;
        cleanUp();
        resolve({ socket: s, first: got.subarray(NONCE_BYTES), control });
      };
      s.on('data', onData);
    });
    server.listen(where, () => {
      const hs: Handshake = { path: where, nonce: nonce.toString('hex') };
      control.write(`${JSON.stringify(hs)}\n`);
    });
  });
}

function main(): void {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    runVaultProcess(parentPortLink(parentPort), (code) => process.exit(code));
    return;
  }
  connectToHost().then(
    ({ socket, first, control }) => {
      const link = socketLink(socket, first);
      let ending = false;
      const exit = (code: number) => {
        if (ending) return;
        ending = true;
        socket.end(() => process.exit(code));
        // Never linger: the host SIGKILLs a process that does not end after a short grace anyway.
        setTimeout(() => process.exit(code), 500).unref();
      };
      runVaultProcess(link, exit);
      // The host is gone (fd 3 closed): the link's close ends this process (see runVaultProcess).
      control.on('close', () => socket.destroy());
      control.on('error', () => socket.destroy());
      control.resume();
    },
    () => process.exit(1),
  );
}

main();
