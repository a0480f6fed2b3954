/**
 * The preload bridge (sandboxed: it may require only 'electron'). It exposes window.vault —
 * VaultBridge of shared/ipc.ts — through contextBridge and nothing else: one invoke channel that
 * the main process validates request by request, event subscription, and grants for dropped files (the path goes to the main process, never to the
 * page).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { FileGrant, VaultBridge } from '../../shared/ipc.js';
import { VAULT_EVENT_NAMES } from '../../shared/ipc-events.js';
import { IPC_EVENT, IPC_GRANT_DROPPED, IPC_INVOKE } from './constants.js';

const EVENT_NAMES: ReadonlySet<string> = new Set(VAULT_EVENT_NAMES);

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
    let filePath = '';
    try {
      filePath = webUtils.getPathForFile(file);
    } catch {
      return null;
    }
    if (!filePath) return null;
    return (await ipcRenderer.invoke(IPC_GRANT_DROPPED, filePath)) as FileGrant | null;
  },
};

contextBridge.exposeInMainWorld('vault', bridge);
