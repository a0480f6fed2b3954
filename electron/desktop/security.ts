/**
 * The window's security rules as small functions over plain values, plus installers that attach
 * them to Electron objects. Every installer takes a structural stand-in (the few methods it uses),
 * so the tests drive them with plain objects where Electron's binary is absent.
 */
import { ALLOWED_REQUEST_SCHEMES, APP_HOST, APP_SCHEME, DEV_REQUEST_SCHEMES } from './constants.js';

/** The webPreferences every window gets. */
export function secureWebPreferences(options: { preload: string; packaged: boolean; partition: string }) {
  return {
    preload: options.preload,
    partition: options.partition,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    plugins: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spellchecker downloads dictionaries from a Google CDN: no remote content, ever.
    spellcheck: false,
    // DevTools only while developing; never in a packaged build.
    devTools: !options.packaged,
  } as const;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A URL of the app itself (app://evidence-vault/...). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/**
 * Whether the top-level page may navigate to `url`. Only a (re)load of the app's own entry page is
 * allowed; in-app routing uses the hash and never fires a navigation event.
 */
export function isAllowedNavigation(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const u = new URL(url);
  return u.pathname === '/' || u.pathname === '/index.html';
}

/**
 * Whether a frame may navigate to `url` (Electron's will-frame-navigate, for the main frame and
 * every subframe). The main frame: as isAllowedNavigation. A subframe: only the documents the app
 * makes itself — an <iframe srcdoc> (the sanitised e-mail), about:blank, or a blob: of the app's
 * own origin; never the web, file:, data: or javascript:.
 */
export function isAllowedFrameNavigation(url: string, isMainFrame: boolean): boolean {
  if (isMainFrame) return isAllowedNavigation(url);
  if (url === 'about:srcdoc' || url === 'about:blank') return true;
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

/** Whether a request from the window must be cancelled: anything not of the app's own schemes. */
export function shouldBlockRequest(url: string, options: { dev: boolean }): boolean {
  const u = parse(url);
  if (!u) return true;
  if (u.protocol === `${APP_SCHEME}:`) return u.host !== APP_HOST;
  if (ALLOWED_REQUEST_SCHEMES.includes(u.protocol)) return false;
  if (options.dev && DEV_REQUEST_SCHEMES.includes(u.protocol)) return false;
  return true;
}

/**
 * Permissions: every request and check is denied except writing plain text to the clipboard from the
 * app's own page ("Copy recovery key"). Reading the clipboard is not needed: pasting an image comes
 * through the paste event's clipboardData, which the user's own keystroke triggers and which needs
 * no permission.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  if (!ALLOWED_PERMISSIONS.includes(permission)) return false;
  if (!requestingUrl) return false;
  // Compared by scheme and host: Node's URL gives custom schemes an opaque ("null") origin.
  return isAppUrl(requestingUrl);
}

/** An IPC sender is trusted only if it is the main frame of an app page. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

// ---------------------------------------------------------------------------------------------
// Installers: attach the rules to a WebContents and a Session (or stand-ins with the same shape).

export interface PreventableEvent {
  preventDefault(): void;
}

/** The bits of Electron's will-frame-navigate event the guard looks at. */
export interface FrameNavigateEventLike extends PreventableEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: FrameNavigateEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  closeDevTools(): void;
}

export interface GuardLog {
  (message: string): void;
}

/** What was blocked, for the log: the scheme and host only (never a path or query that could hold data). */
export function describeUrl(url: string): string {
  const u = parse(url);
  if (!u) return '(unparseable URL)';
  return u.host ? `${u.protocol}//${u.host}` : u.protocol;
}

export function guardWebContents(contents: GuardableContents, options: { packaged: boolean; log?: GuardLog }): void {
  const log = options.log ?? (() => undefined);
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      log(`blocked navigation to ${describeUrl(url)}`);
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedFrameNavigation(event.url, event.isMainFrame)) {
      event.preventDefault();
      log(`blocked ${event.isMainFrame ? 'navigation' : 'a frame navigating'} to ${describeUrl(event.url)}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      log(`blocked redirect to ${describeUrl(url)}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked a new window for ${describeUrl(url)}`);
    return { action: 'deny' };
  });
  if (options.packaged) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

export interface PermissionRequestDetailsLike {
  requestingUrl?: string;
}
export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionRequestDetailsLike,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
  webRequest: {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

export function guardSession(session: GuardableSession, options: { dev: boolean; log?: GuardLog }): void {
  const log = options.log ?? (() => undefined);
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const granted = isPermissionAllowed(permission, details.requestingUrl);
    if (!granted) log(`denied permission ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const cancel = shouldBlockRequest(details.url, { dev: options.dev });
    if (cancel) log(`blocked request to ${describeUrl(details.url)}`);
    callback({ cancel });
  });
}

/**
 * Command-line switches that would let another program drive or inspect the window (Chromium's
 * remote debugging, Node's inspector). A packaged build refuses to start with any of them.
 */
export const FORBIDDEN_SWITCHES: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'js-flags',
];

export function forbiddenSwitchesPresent(hasSwitch: (name: string) => boolean): string[] {
  return FORBIDDEN_SWITCHES.filter((s) => hasSwitch(s));
}
