/**
 * The shell's navigation, window, webview, permission and request guards, with Electron's
 * WebContents and Session stood in by plain objects that record what the guards do.
 */
import { describe, expect, it } from 'vitest';
import { APP_CSP, APP_ENTRY_URL, APP_ORIGIN } from './constants.js';
import { isAllowedDownload } from './downloads.js';
import {
  forbiddenSwitchesPresent,
  guardSession,
  guardWebContents,
  isAllowedFrameNavigation,
  isAllowedNavigation,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  secureWebPreferences,
  shouldBlockRequest,
  type GuardableContents,
  type GuardableSession,
  type PermissionRequestDetailsLike,
} from './security.js';

type Listener = (...args: never[]) => void;

/** A stand-in WebContents: records listeners and the window-open handler. */
function standInContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  let devToolsClosed = 0;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }) {
      openHandler = h;
    },
    closeDevTools() {
      devToolsClosed++;
    },
  };
  function fire(event: string, ...args: unknown[]) {
    for (const l of listeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }
  function navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    fire(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
  /** Electron's will-frame-navigate: one event object carrying the URL and whether it is the main frame. */
  function frameNavigate(url: string, isMainFrame: boolean): boolean {
    let prevented = false;
    fire('will-frame-navigate', { url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  }
  return {
    contents: contents as unknown as GuardableContents,
    listeners,
    fire,
    navigate,
    frameNavigate,
    openWindow: (url: string) => openHandler?.({ url }),
    get devToolsClosed() {
      return devToolsClosed;
    },
  };
}

/** A stand-in Session: records the handlers the guards install. */
function standInSession() {
  const s = {
    request: null as
      null | ((wc: unknown, p: string, cb: (g: boolean) => void, d: PermissionRequestDetailsLike) => void),
    check: null as null | ((wc: unknown, p: string, origin: string) => boolean),
    filter: null as null | { urls: string[] },
    before: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  };
  const session: GuardableSession = {
    setPermissionRequestHandler: (h) => void (s.request = h),
    setPermissionCheckHandler: (h) => void (s.check = h),
    webRequest: {
      onBeforeRequest: (filter, listener) => {
        s.filter = filter;
        s.before = listener;
      },
    },
  };
  function requestPermission(permission: string, requestingUrl: string): boolean {
    let granted: boolean | null = null;
    s.request?.(null, permission, (g) => (granted = g), { requestingUrl });
    if (granted === null) throw new Error('the permission request handler never answered');
    return granted;
  }
  function sendRequest(url: string): boolean {
    let cancel: boolean | null = null;
    s.before?.({ url }, (r) => (cancel = r.cancel));
    if (cancel === null) throw new Error('the request filter never answered');
    return cancel;
  }
  return { session, s, requestPermission, sendRequest };
}

describe('webPreferences', () => {
  it('isolate, sandbox and keep Node out of every window; DevTools only when not packaged', () => {
    const prefs = secureWebPreferences({ preload: '/app/preload.cjs', packaged: true, partition: 'p' });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      preload: '/app/preload.cjs',
      partition: 'p',
    });
    expect(secureWebPreferences({ preload: 'x', packaged: false, partition: 'p' }).devTools).toBe(true);
  });
});

describe('navigation', () => {
  it('knows the app’s own URLs', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/exhibits/0123`)).toBe(true);
    expect(isAppUrl('app://other-host/index.html')).toBe(false);
    expect(isAppUrl('app://user:pw@evidence-vault/index.html')).toBe(false);
    expect(isAppUrl('https://evidence-vault/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('allows only a reload of the entry page', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_ORIGIN}/`)).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'file:///home/me/Desktop/post-1.png',
      `${APP_ORIGIN}/exhibits/0123456789abcdef0123456789abcdef`,
      'app://elsewhere/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('the guards prevent navigation, redirects, new windows and webviews', () => {
    const logged: string[] = [];
    const w = standInContents();
    guardWebContents(w.contents, { packaged: false, log: (m) => logged.push(m) });

    expect(w.navigate('will-navigate', 'https://evil.example/phish?x=secret')).toBe(true);
    expect(w.navigate('will-navigate', 'file:///home/me/Desktop/post-1.png')).toBe(true);
    expect(w.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(w.navigate('will-navigate', APP_ENTRY_URL)).toBe(false);

    expect(w.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(w.openWindow(APP_ENTRY_URL)).toEqual({ action: 'deny' });

    let webviewPrevented = false;
    w.fire('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);

    // The log names only scheme and host, never a path or query that could hold data.
    expect(logged).toContain('blocked navigation to https://evil.example');
    expect(logged.join('\n')).not.toContain('secret');
    expect(logged.join('\n')).not.toContain('post-1.png');
  });

  it('subframes may show only what the app made (srcdoc, about:blank, its own blob:)', () => {
    expect(isAllowedFrameNavigation('about:srcdoc', false)).toBe(true);
    expect(isAllowedFrameNavigation('about:blank', false)).toBe(true);
    expect(isAllowedFrameNavigation(`blob:${APP_ORIGIN}/0b1c2d3e-aaaa-bbbb-cccc-0123456789ab`, false)).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'blob:https://evil.example/0b1c2d3e',
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
      APP_ENTRY_URL,
    ]) {
      expect(isAllowedFrameNavigation(url, false), url).toBe(false);
    }
    // The main frame follows the top-level rule.
    expect(isAllowedFrameNavigation(APP_ENTRY_URL, true)).toBe(true);
    expect(isAllowedFrameNavigation('about:srcdoc', true)).toBe(false);
    expect(isAllowedFrameNavigation('https://example.com/', true)).toBe(false);
  });

  it('will-frame-navigate is guarded for the main frame and every subframe', () => {
    const logged: string[] = [];
    const w = standInContents();
    guardWebContents(w.contents, { packaged: false, log: (m) => logged.push(m) });
    expect(w.frameNavigate('https://evil.example/track?id=secret', false)).toBe(true);
    expect(w.frameNavigate('file:///home/me/Desktop/post-1.png', false)).toBe(true);
    expect(w.frameNavigate('https://evil.example/', true)).toBe(true);
    expect(w.frameNavigate('about:srcdoc', false)).toBe(false);
    expect(w.frameNavigate(APP_ENTRY_URL, true)).toBe(false);
    expect(logged).toContain('blocked a frame navigating to https://evil.example');
    expect(logged).toContain('blocked navigation to https://evil.example');
    expect(logged.join('\n')).not.toContain('secret');
    expect(logged.join('\n')).not.toContain('post-1.png');
  });

  it('closes DevTools at once in a packaged build', () => {
    const packaged = standInContents();
    guardWebContents(packaged.contents, { packaged: true });
    packaged.fire('devtools-opened');
    expect(packaged.devToolsClosed).toBe(1);

    const dev = standInContents();
    guardWebContents(dev.contents, { packaged: false });
    expect(dev.listeners.has('devtools-opened')).toBe(false);
  });
});

describe('permissions', () => {
  const EVERY_PERMISSION = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'hid',
    'idle-detection',
    'media',
    'mediaKeySystem',
    'midi',
    'notifications',
    'openExternal',
    'pointerLock',
    'serial',
    'usb',
    'window-management',
    'unknown',
  ];

  it('denies every request except a clipboard write from the app itself', () => {
    const { session, requestPermission, s } = standInSession();
    guardSession(session, { dev: false });
    for (const p of EVERY_PERMISSION) {
      expect(requestPermission(p, APP_ENTRY_URL), p).toBe(p === 'clipboard-sanitized-write');
      expect(requestPermission(p, 'https://evil.example/'), p).toBe(false);
      expect(s.check?.(null, p, 'https://evil.example'), p).toBe(false);
      expect(s.check?.(null, p, APP_ORIGIN), p).toBe(p === 'clipboard-sanitized-write');
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
    expect(isPermissionAllowed('clipboard-read', APP_ENTRY_URL)).toBe(false);
  });
});

describe('requests', () => {
  it('cancels every request that is not the app’s own scheme, blob: or data:', () => {
    const { session, sendRequest, s } = standInSession();
    guardSession(session, { dev: false });
    expect(s.filter).toEqual({ urls: ['<all_urls>'] });
    for (const url of [
      'https://example.com/tracker.gif',
      'http://127.0.0.1:9222/json',
      'ws://localhost/',
      'wss://example.com/',
      'ftp://example.com/',
      'file:///etc/passwd',
      'app://other/index.html',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
      'not a url',
    ]) {
      expect(sendRequest(url), url).toBe(true);
    }
    for (const url of [
      APP_ENTRY_URL,
      `${APP_ORIGIN}/assets/index-abc.js`,
      `${APP_ORIGIN}/exhibits/0123456789abcdef0123456789abcdef`,
      'blob:app://evidence-vault/6f1c0a6e-8c5b-4b0e-9b4a-5f0d1f0e2a11',
      'data:image/png;base64,iVBORw0KGgo=',
    ]) {
      expect(sendRequest(url), url).toBe(false);
    }
  });

  it('lets DevTools load only while developing', () => {
    expect(shouldBlockRequest('devtools://devtools/bundled/inspector.html', { dev: true })).toBe(false);
    expect(shouldBlockRequest('devtools://devtools/bundled/inspector.html', { dev: false })).toBe(true);
    expect(shouldBlockRequest('https://example.com/', { dev: true })).toBe(true);
  });

  it('downloads only what the app made itself (a blob: of its own origin)', () => {
    expect(isAllowedDownload('blob:app://evidence-vault/6f1c0a6e-8c5b-4b0e-9b4a-5f0d1f0e2a11')).toBe(true);
    expect(isAllowedDownload('blob:https://evil.example/6f1c')).toBe(false);
    expect(isAllowedDownload('https://evil.example/malware.exe')).toBe(false);
    expect(isAllowedDownload(`${APP_ORIGIN}/exhibits/0123456789abcdef0123456789abcdef`)).toBe(false);
  });
});

describe('IPC senders', () => {
  it('trusts only the main frame of an app page', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ENTRY_URL}#/incidents`, parent: null })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('the app policy allows no remote origin, no inline script and no eval', () => {
    const directives = new Map(
      APP_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('command line', () => {
  it('names the remote-debugging and inspector switches a packaged build refuses', () => {
    const argv = new Set(['remote-debugging-port', 'inspect', 'no-sandbox']);
    expect(forbiddenSwitchesPresent((s) => argv.has(s))).toEqual(['remote-debugging-port', 'inspect']);
    expect(forbiddenSwitchesPresent(() => false)).toEqual([]);
  });
});
