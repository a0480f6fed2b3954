/**
 * The vault process in the desktop app: an Electron utility process (the packaged binary has the
 * RunAsNode fuse off, so it cannot run a Node child). Frames travel as one Buffer per postMessage
 * (cloned; the sender zeroes its copy at once). Written against the few members of Electron's
 * utilityProcess used here, so this file does not import 'electron' and is tested with stand-ins;
 * electron/desktop/main.ts passes the real `utilityProcess`.
 */
import { vaultProcessEntry, type ChildLink, type Link, type VaultProcessEntry } from './isolated-link.js';

/** What of Electron's UtilityProcess is used. */
export interface UtilityProcessLike {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** What of Electron's `utilityProcess` module is used. */
export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args?: string[],
    options?: { serviceName?: string; stdio?: 'inherit' | 'ignore' | 'pipe'; env?: NodeJS.ProcessEnv },
  ): UtilityProcessLike;
}

/** Electron's process.parentPort in a utility process (what of it is used). */
export interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

function asBuffer(data: unknown): Buffer | null {
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** The vault process's end, in a utility process. The host's end closing ends the process (Electron does it). */
export function parentPortLink(port: ParentPortLike): Link {
  const listeners: ((frame: Buffer) => void)[] = [];
  port.on('message', (event) => {
    const frame = asBuffer(event.data);
    if (frame) for (const l of listeners) l(frame);
  });
  return {
    send(frame, keep) {
      port.postMessage(frame);
      if (!keep) frame.fill(0);
    },
    onFrame: (l) => void listeners.push(l),
    onClose: () => undefined,
  };
}

/** Start the vault process as a utility process of the desktop app. */
export function forkUtilityChild(
  api: UtilityProcessApi,
  entry: VaultProcessEntry = vaultProcessEntry(),
  env: NodeJS.ProcessEnv = process.env,
): ChildLink {
  const child = api.fork(entry.file, [], { serviceName: 'Evidence Vault core', stdio: 'inherit', env: { ...env } });
  const frameListeners: ((frame: Buffer) => void)[] = [];
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  const closeListeners: (() => void)[] = [];
  let exited = false;
  child.on('message', (message) => {
    const frame = asBuffer(message);
    if (frame) for (const l of frameListeners) l(frame);
  });
  child.on('exit', (code) => {
    if (exited) return;
    exited = true;
    for (const l of closeListeners) l();
    for (const l of exitListeners) l(code, null);
  });
  return {
    get pid() {
      return child.pid;
    },
    get exited() {
      return exited;
    },
    send(frame, keep) {
      if (!exited) child.postMessage(frame);
      if (!keep) frame.fill(0);
    },
    onFrame: (l) => void frameListeners.push(l),
    onClose: (l) => void closeListeners.push(l),
    onExit: (l) => void exitListeners.push(l),
    kill() {
      if (exited) return;
      const pid = child.pid;
      // SIGKILL where there are signals; utilityProcess.kill() (SIGTERM) otherwise.
      if (pid !== undefined && process.platform !== 'win32') {
        try {
          process.kill(pid, 'SIGKILL');
          return;
        } catch {
          // already gone
        }
      }
      child.kill();
    },
  };
}
