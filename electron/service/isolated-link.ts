/**
 * The link between the isolated service (./isolated.ts, in the host's process) and the vault
 * process (./vault-process.ts, the child that runs the core): frames of bytes, each
 *   [u8 kind][u32 id][payload]
 * where the payload is v8-serialised data for control messages, or the raw wire bytes
 * (shared/wire.ts) of a browser-host request or its reply.
 *
 * Two transports carry the frames:
 *   - a Node child (the browser host; tests): a socket pair on the child's fd 3, each frame
 *     prefixed by its length (FrameReader below). Nothing goes on the command line or in the
 *     environment but the program to run.
 *   - an Electron utility process (the desktop app, whose packaged binary cannot run as Node):
 *     postMessage of one Buffer per frame (./isolated-electron.ts).
 *
 * Buffers that carried record content are zeroed (`fill(0)`) once they are used: JS strings
 * cannot be wiped, so on the host's side the wire bytes never become strings.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net, { type Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { VaultServiceOptions } from './context.js';

export const Kind = {
  // host -> vault process
  INIT: 1,
  OP: 2,
  WIRE: 3,
  ANSWER: 4,
  // vault process -> host
  RESULT: 11,
  WIRE_RESULT: 12,
  EVENT: 13,
  ASK: 14,
  INTERNAL: 15,
  /** The vault process locked and will end once its requests are answered: send new ones elsewhere. */
  RETIRING: 16,
  /** The request reached a process that had already locked: send it again to a fresh one. */
  RESEND: 17,
} as const;
export type KindValue = (typeof Kind)[keyof typeof Kind];

export const HEADER_BYTES = 5;

/** What the host sends first: the plain-data options (functions stay in the host: `has` says which exist). */
export interface InitMessage {
  options: Pick<VaultServiceOptions, 'vaultDir' | 'kdf' | 'confirmsRecoveryKey' | 'deferUnlockEntry' | 'nativeDialogs'>;
  has: {
    openFileDialog: boolean;
    saveDialog: boolean;
    chooseFolderDialog: boolean;
    onInternalError: boolean;
    showInFolder?: boolean;
  };
}

export type OpName = 'dispatch' | 'call' | 'lock' | 'grantPath' | 'recordUnlock' | 'status' | 'switchVault' | 'dispose';
export interface OpMessage {
  op: OpName;
  args: unknown[];
}

export type DialogName = 'openFileDialog' | 'saveDialog' | 'chooseFolderDialog' | 'showInFolder';

export interface ErrorShape {
  name: string;
  code?: string;
  message: string;
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: ErrorShape };

/** A frame with room for `payloadBytes` after its header; the caller fills the payload. */
export function allocFrame(kind: KindValue, id: number, payloadBytes: number): Buffer {
  const frame = Buffer.allocUnsafeSlow(HEADER_BYTES + payloadBytes);
  frame.writeUInt8(kind, 0);
  frame.writeUInt32BE(id >>> 0, 1);
  return frame;
}

/** A frame carrying `value` v8-serialised (structured-clone data: Uint8Array, plain objects). */
export function dataFrame(kind: KindValue, id: number, value: unknown): Buffer {
  const body = v8.serialize(value);
  const frame = allocFrame(kind, id, body.length);
  body.copy(frame, HEADER_BYTES);
  body.fill(0);
  return frame;
}

/** A frame carrying bytes as they are, copied from one or more chunks (each chunk is zeroed once copied). */
export function bytesFrame(kind: KindValue, id: number, chunks: readonly Uint8Array[]): Buffer {
  const size = chunks.reduce((n, c) => n + c.byteLength, 0);
  const frame = allocFrame(kind, id, size);
  let at = HEADER_BYTES;
  for (const c of chunks) {
    frame.set(c, at);
    at += c.byteLength;
    c.fill(0);
  }
  return frame;
}

export function frameKind(frame: Uint8Array): number {
  return frame[0] ?? 0;
}

export function frameId(frame: Uint8Array): number {
  return Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).readUInt32BE(1);
}

/** The payload as a view (no copy): zeroing the frame zeroes it. */
export function framePayload(frame: Uint8Array): Buffer {
  return Buffer.from(frame.buffer, frame.byteOffset + HEADER_BYTES, frame.byteLength - HEADER_BYTES);
}

/**
 * The v8-serialised payload of a control frame. Deserialised from a copy: v8.deserialize makes
 * byte arrays views into its input, and the frame is zeroed once read.
 */
export function frameData(frame: Uint8Array): unknown {
  return v8.deserialize(Buffer.from(framePayload(frame)));
}

/**
 * One end of the link. send() takes ownership of the frame: the transport zeroes it once it has
 * left this process (written to the socket, or cloned by postMessage). Frames handed to onFrame
 * belong to the listener (it zeroes them when done).
 */
export interface Link {
  /** keep: the caller zeroes the frame itself, later (it may send it again). */
  send(frame: Buffer, keep?: boolean): void;
  onFrame(listener: (frame: Buffer) => void): void;
  /** The other end is gone (the child exited, or the parent closed the link). */
  onClose(listener: () => void): void;
}

/** The host's end: the link plus the process behind it. */
export interface ChildLink extends Link {
  readonly pid: number | undefined;
  /** Whether the process has ended. */
  readonly exited: boolean;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** End the process now (SIGKILL where there are signals). */
  kill(): void;
}

/**
 * Length-prefixed frames out of a byte stream. Every chunk read is copied into its frame and
 * zeroed at once, so no copy of a frame is left behind in the stream's read buffers.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private need = -1;

  constructor(private readonly onFrame: (frame: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.need < 0) {
        if (this.buffered < 4) return;
        this.need = this.take(4).readUInt32BE(0);
      }
      if (this.buffered < this.need) return;
      const frame = this.take(this.need);
      this.need = -1;
      this.onFrame(frame);
    }
  }

  /** The next n bytes as a new buffer; what was copied out of the chunks is zeroed. */
  private take(n: number): Buffer {
    const out = Buffer.allocUnsafeSlow(n);
    let at = 0;
    while (at < n) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, n - at);
      c.copy(out, at, 0, k);
      c.fill(0, 0, k);
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
      at += k;
    }
    this.buffered -= n;
    return out;
  }

  /** Zero whatever is left (the link closed mid-frame). */
  discard(): void {
    for (const c of this.chunks) c.fill(0);
    this.chunks = [];
    this.buffered = 0;
  }
}

/** Write one frame with its length prefix; the frame is zeroed once written (unless kept). */
function writeFrame(socket: Socket, frame: Buffer, keep = false): void {
  const length = Buffer.allocUnsafe(4);
  length.writeUInt32BE(frame.length, 0);
  socket.cork();
  socket.write(length);
  socket.write(frame, () => {
    if (!keep) frame.fill(0);
  });
  socket.uncork();
}

/**
 * A Link over a stream socket (the vault process's end): length-prefixed frames, each zeroed once
 * written. `first` is what was read before the link began (after the handshake).
 */
export function socketLink(socket: Socket, first?: Buffer): Link {
  const frameListeners: ((frame: Buffer) => void)[] = [];
  const closeListeners: (() => void)[] = [];
  const reader = new FrameReader((frame) => {
    for (const l of frameListeners) l(frame);
  });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    reader.discard();
    for (const l of closeListeners) l();
  };
  socket.on('data', (chunk: Buffer) => reader.push(chunk));
  socket.on('end', close);
  socket.on('close', close);
  socket.on('error', close);
  // Once the caller has its listeners on (they are added right after this returns).
  setImmediate(() => {
    if (first && first.length > 0) reader.push(first);
    socket.resume();
  });
  return {
    send(frame, keep) {
      if (closed || socket.destroyed) {
        if (!keep) frame.fill(0);
        return;
      }
      writeFrame(socket, frame, keep);
    },
    onFrame: (l) => void frameListeners.push(l),
    onClose: (l) => void closeListeners.push(l),
  };
}

/** The vault process's first line on fd 3: where it listens, and the one-time proof to connect with. */
export interface Handshake {
  path: string;
  nonce: string;
}

export const NONCE_BYTES = 32;

/** Where the vault process's program is, and how to run it. */
export interface VaultProcessEntry {
  file: string;
  /** Node options before the file (the TypeScript loader when it runs from source). */
  execArgv: string[];
  cwd?: string;
}

/**
 * The built child (dist/vault-process.cjs beside the bundle that imports this: scripts/build.mjs
 * builds it) or, from source (vitest, tsx, Playwright), ./vault-process.ts through tsx.
 */
export function vaultProcessEntry(): VaultProcessEntry {
  const built = fileURLToPath(new URL('./vault-process.cjs', import.meta.url));
  if (existsSync(built)) return { file: built, execArgv: [] };
  const source = fileURLToPath(new URL('./vault-process.ts', import.meta.url));
  if (existsSync(source)) {
    // tsx is a devDependency, present wherever the source runs; resolved from the project's root.
    return { file: source, execArgv: ['--import', 'tsx'], cwd: path.resolve(path.dirname(source), '..', '..') };
  }
  throw new Error(
    `The vault process program was not found beside ${fileURLToPath(import.meta.url)}: run npm run build.`,
  );
}

/** The environment for the child: the host's, minus what would make it something else. */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  delete out.NODE_OPTIONS;
  delete out.ELECTRON_RUN_AS_NODE;
  return out;
}

/** How much the host reads from the vault process at a time (into the one buffer it owns). */
const READ_BUFFER_BYTES = 64 * 1024;
/** How long a starting vault process may take to say where it listens. */
const HANDSHAKE_MS = 60_000;

/**
 * Start the vault process as a Node child. fd 3 (a pipe) carries only the handshake and the
 * child's lifetime: the child listens on a private local socket (a 0700 folder, or a random
 * named pipe) and says where, with a one-time nonce; the host connects, proves itself with the
 * nonce, and from then on frames go over that connection. Why not fd 3 itself: Node reads a pipe
 * into a fresh buffer each time and frees it unzeroed, which would leave answers (record text)
 * behind in this process; a connection the host opens can read into one buffer the host owns
 * (net's `onread`), which is zeroed after every read.
 */
export function spawnNodeChild(entry: VaultProcessEntry = vaultProcessEntry()): ChildLink {
  const child = spawn(process.execPath, [...entry.execArgv, entry.file], {
    stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
    env: childEnv(process.env),
    ...(entry.cwd ? { cwd: entry.cwd } : {}),
    windowsHide: true,
  });
  const control = child.stdio[3] as Socket;
  const frameListeners: ((frame: Buffer) => void)[] = [];
  const closeListeners: (() => void)[] = [];
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  const reader = new FrameReader((frame) => {
    for (const l of frameListeners) l(frame);
  });
  const queued: { frame: Buffer; keep: boolean }[] = [];
  let socket: Socket | null = null;
  let exited = false;
  let closed = false;

  const close = () => {
    if (closed) return;
    closed = true;
    reader.discard();
    for (const q of queued.splice(0)) if (!q.keep) q.frame.fill(0);
    socket?.destroy();
    for (const l of closeListeners) l();
  };
  const onGone = (code: number | null, signal: string | null) => {
    if (exited) return;
    exited = true;
    control.destroy();
    close();
    for (const l of exitListeners) l(code, signal);
  };
  child.on('exit', onGone);
  child.on('error', () => onGone(null, null));
  // A child that never says where it listens is ended: its requests are answered, never left hanging.
  const handshakeTimer = setTimeout(() => {
    if (!exited) child.kill('SIGKILL');
  }, HANDSHAKE_MS);
  handshakeTimer.unref();

  let line = '';
  const onControl = (chunk: Buffer) => {
    line += chunk.toString('utf8');
    const nl = line.indexOf('\n');
    if (nl < 0) {
      if (line.length > 4096) child.kill('SIGKILL');
      return;
    }
    control.off('data', onControl);
    clearTimeout(handshakeTimer);
    let hs: Handshake;
    try {
      hs = JSON.parse(line.slice(0, nl)) as Handshake;
    } catch {
      child.kill('SIGKILL');
      return;
    }
    const readBuffer = Buffer.alloc(READ_BUFFER_BYTES);
    const s = net.connect({
      path: hs.path,
      onread: {
        buffer: readBuffer,
        callback: (n: number, buf: Uint8Array) => {
          const copy = Buffer.allocUnsafeSlow(n);
          copy.set(buf.subarray(0, n));
          buf.fill(0, 0, n);
          reader.push(copy);
          return true;
        },
      },
    });
    s.on('end', close);
    s.on('close', () => {
      readBuffer.fill(0);
      close();
    });
    s.on('error', close);
    s.write(Buffer.from(hs.nonce, 'hex'));
    socket = s;
    for (const q of queued.splice(0)) writeFrame(s, q.frame, q.keep);
  };
  control.on('data', onControl);
  control.on('error', () => undefined);

  return {
    send(frame, keep = false) {
      if (closed) {
        if (!keep) frame.fill(0);
      } else if (socket) writeFrame(socket, frame, keep);
      else queued.push({ frame, keep });
    },
    onFrame: (l) => void frameListeners.push(l),
    onClose: (l) => void closeListeners.push(l),
    get pid() {
      return child.pid;
    },
    get exited() {
      return exited;
    },
    onExit: (l) => void exitListeners.push(l),
    kill() {
      if (!exited) child.kill('SIGKILL');
    },
  };
}
