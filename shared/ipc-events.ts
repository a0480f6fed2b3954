/**
 * The event names of shared/ipc.ts's VaultEvents as a value, for the hosts that check a
 * subscription at run time: the Electron preload (electron/desktop/preload.ts) and the browser
 * host's bridge (electron/host/bridge.ts). It imports only types, so those small bundles stay free
 * of zod and the channel schemas. The `satisfies` keeps the list exactly VaultEvents' keys.
 */
import type { VaultEventName } from './ipc.js';

const NAMES = { progress: true, locked: true, menu: true, exhibitsRead: true } satisfies Record<VaultEventName, true>;

export const VAULT_EVENT_NAMES: readonly VaultEventName[] = Object.freeze(Object.keys(NAMES) as VaultEventName[]);

/** The application menu commands the desktop app sends to the window as a 'menu' event. */
export const MENU_COMMANDS = ['new-incident', 'export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
