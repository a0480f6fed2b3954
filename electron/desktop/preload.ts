/**
 * The preload bridge (sandboxed: it may require only 'electron'). It exposes window.vault —
 * VaultBridge of shared/ipc.ts — through contextBridge and nothing else: one invoke channel that
 * the main process validates request by request, event subscription, and grants for dropped files.
 *
 * Dropped files: the preload itself watches the window's drop events (capture phase, trusted
 * events only, i.e. a real drop by the user) and takes each file's path with
 * webUtils.getPathForFile. grantForDroppedFile sends a path to the main process only if the user
 * dropped that very file in the last minute, once; the page never sees a path and cannot make the
 * main process read any other file (a pasted or page-made File has no path; a file from a page's
 * <input type=file> was not dropped).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { FileGrant, VaultBridge } from '../../shared/ipc.js';
import { VAULT_EVENT_NAMES } from '../../shared/ipc-events.js';
import { IPC_EVENT, IPC_GRANT_DROPPED, IPC_INVOKE } from './constants.js';

const EVENT_NAMES: ReadonlySet<string> = new Set(VAULT_EVENT_NAMES);
/** How long after a drop its files may be granted (the window imports them one after another). */
const DROP_GRANT_MS = 60_000;
/** At most this many dropped files are remembered (the import takes at most 1000 sources). */
const MAX_DROPPED = 1000;

/** Paths of files the user really dropped on the window, with when they stop being grantable. */
const dropped = new Map<string, number>();

function pathOf(file: unknown): string {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
}

window.addEventListener(
  'drop',
  (event: DragEvent) => {
    if (!event.isTrusted) return;
    const until = Date.now() + DROP_GRANT_MS;
    for (const file of Array.from(event.dataTransfer?.files ?? [])) {
      const p = pathOf(file);
      if (!p) continue;
      dropped.delete(p);
      dropped.set(p, until);
    }
    while (dropped.size > MAX_DROPPED) dropped.delete(dropped.keys().next().value as string);
  },
  { capture: true },
);

/** Whether `filePath` was dropped by the user a moment ago; it is forgotten as it is taken. */
function takeDropped(filePath: string): boolean {
  const until = dropped.get(filePath);
  dropped.delete(filePath);
  return until !== undefined && until >= Date.now();
}

const bridge: VaultBridge = {
  invoke(channel, request) {
    return ipcRenderer.invoke(IPC_INVOKE, channel, request);
  },
  on(event, listener) {
    if (!EVENT_NAMES.has(event)) throw new TypeError(`Unknown event “${String(event)}”.`);
    if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
    const wrapped = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, wrapped);
    };
  },
  async grantForDroppedFile(file) {
    const filePath = pathOf(file);
    if (!filePath || !takeDropped(filePath)) return null;
    return (await ipcRenderer.invoke(IPC_GRANT_DROPPED, filePath)) as FileGrant | null;
  },
};

contextBridge.exposeInMainWorld('vault', bridge);
