/**
 * Names the shell's security rules are built on. No Electron import here, so the guards that use
 * them can be tested in plain Node.
 */

/** The privileged scheme that serves the app's own files (and nothing else: exhibits come by IPC). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'evidence-vault';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The app page's Content-Security-Policy: the same for every host (electron/service/app-page.ts). */
export { APP_CSP } from '../service/app-page.js';

/**
 * An in-memory session (no "persist:" prefix): Chromium keeps no HTTP cache, cookies, local storage
 * or IndexedDB on disk for the window, so nothing the window sees is left behind.
 */
export const SESSION_PARTITION = 'evidence-vault';

/** IPC channel names between preload and main (the only ones the preload uses). */
export const IPC_INVOKE = 'vault:invoke';
export const IPC_GRANT_DROPPED = 'vault:grant-dropped';
export const IPC_EVENT = 'vault:event';

/** Schemes the window may request. Everything else (http, https, ws, file, ftp, ...) is cancelled. */
export const ALLOWED_REQUEST_SCHEMES: readonly string[] = [`${APP_SCHEME}:`, 'blob:', 'data:'];
/** Extra schemes allowed only in development (DevTools front-end). */
export const DEV_REQUEST_SCHEMES: readonly string[] = ['devtools:', 'chrome-extension:'];

/** Quick exit: Escape twice within this many milliseconds (also Ctrl/Cmd+Shift+X and the menu). */
export const QUICK_EXIT_DOUBLE_ESCAPE_MS = 600;
