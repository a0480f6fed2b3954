/**
 * electron/desktop/main.ts's wiring, run in plain Node with Electron's modules stood in by plain objects
 * (Electron's program cannot run here), around the real vault service and the real core in a
 * temporary folder: what is registered before and after ready, the window's webPreferences, IPC
 * refused from anything but the app's main frame, the app:// protocol (app files, no exhibits), locks on suspend, quick
 * exit and the menu, and the lock before quitting. (Where Electron exists, e2e/electron/ runs the
 * real thing.)
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc.js';
import type { Exhibit, Incident } from '../../shared/model.js';
import { FIXTURES } from '../fixtures.js';
import { utilityProcessStandIn } from '../support/utility-process-stand-in.js';

type AnyFn = (...args: unknown[]) => unknown;

const E = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, AnyFn[]>();
    on(event: string, l: AnyFn) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
      return this;
    }
    once(event: string, l: AnyFn) {
      return this.on(event, l);
    }
    emit(event: string, ...args: unknown[]) {
      for (const l of this.listeners.get(event) ?? []) l(...args);
      return true;
    }
  }
  const paths = new Map<string, string>();
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((r) => (readyResolve = r));
  const calls: string[] = [];

  class StandInSession extends Emitter {
    handlers: Record<string, AnyFn> = {};
    protocolHandlers = new Map<string, (r: Request) => Promise<Response>>();
    setPermissionRequestHandler(h: AnyFn) {
      this.handlers.permissionRequest = h;
    }
    setPermissionCheckHandler(h: AnyFn) {
      this.handlers.permissionCheck = h;
    }
    setDevicePermissionHandler(h: AnyFn) {
      this.handlers.device = h;
    }
    setSpellCheckerEnabled(on: boolean) {
      calls.push(`spellchecker:${on}`);
    }
    webRequest = {
      onBeforeRequest: (_f: unknown, h: AnyFn) => {
        this.handlers.beforeRequest = h;
      },
    };
    protocol = {
      handle: (scheme: string, h: (r: Request) => Promise<Response>) => this.protocolHandlers.set(scheme, h),
    };
    async clearCache() {
      calls.push('clearCache');
    }
  }
  const sessions = new Map<string, StandInSession>();
  const defaultSession = new StandInSession();

  let nextId = 1;
  class StandInWebContents extends Emitter {
    id = nextId++;
    sent: unknown[][] = [];
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    reload() {
      calls.push('reload');
    }
    setWindowOpenHandler() {}
    closeDevTools() {}
  }
  class StandInWindow extends Emitter {
    static all: StandInWindow[] = [];
    webContents = new StandInWebContents();
    visible = false;
    url = '';
    constructor(public options: Record<string, unknown>) {
      super();
      StandInWindow.all.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    show() {
      this.visible = true;
    }
    hide() {
      this.visible = false;
    }
    focus() {}
    restore() {}
    isVisible() {
      return this.visible;
    }
    isDestroyed() {
      return false;
    }
    isFocused() {
      return true;
    }
    isMinimized() {
      return false;
    }
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    enableSandbox: () => calls.push('enableSandbox'),
    setName: (n: string) => calls.push(`setName:${n}`),
    setPath: (k: string, v: string) => paths.set(k, v),
    getPath: (k: string) => paths.get(k) ?? path_join(os_tmp(), k),
    requestSingleInstanceLock: () => (calls.push('singleInstanceLock'), true),
    whenReady: () => ready,
    quit: () => calls.push('quit'),
    hide: () => calls.push('app.hide'),
  });
  function os_tmp() {
    return process.env.EV_TEST_TMP ?? '/tmp';
  }
  function path_join(a: string, b: string) {
    return `${a}/${b}`;
  }

  return {
    Emitter,
    StandInWindow,
    StandInWebContents,
    calls,
    readyResolve: () => readyResolve(),
    sessions,
    defaultSession,
    privileged: [] as unknown[],
    ipc: new Map<string, AnyFn>(),
    menus: [] as { template: unknown }[],
    dialogAnswers: { open: [] as string[] },
    module: {
      app,
      BrowserWindow: StandInWindow,
      protocol: { registerSchemesAsPrivileged: (_s: unknown[]) => undefined },
      session: {
        fromPartition: (name: string) => {
          if (!sessions.has(name)) sessions.set(name, new StandInSession());
          return sessions.get(name)!;
        },
        defaultSession,
      },
      ipcMain: { handle: (_c: string, _h: AnyFn) => undefined },
      dialog: {
        showOpenDialog: async () => ({ canceled: false, filePaths: [] as string[] }),
        showSaveDialog: async () => ({ canceled: true }),
        showMessageBox: async () => ({ response: 0 }),
      },
      Menu: {
        buildFromTemplate: (template: unknown) => ({ template }),
        setApplicationMenu: (_m: unknown) => undefined,
      },
      powerMonitor: Object.assign(new Emitter(), { getSystemIdleTime: () => 0 }),
    },
  };
});
E.module.protocol.registerSchemesAsPrivileged = (s: unknown[]) => void E.privileged.push(...s);
E.module.ipcMain.handle = (c: string, h: AnyFn) => void E.ipc.set(c, h);
E.module.Menu.setApplicationMenu = (m: unknown) => void E.menus.push(m as { template: unknown });
E.module.dialog.showOpenDialog = async () => ({ canceled: false, filePaths: E.dialogAnswers.open });
// The vault process: a real child running the vault process program (Electron's utilityProcess stood in).
(E.module as Record<string, unknown>).utilityProcess = utilityProcessStandIn();

vi.mock('electron', () => E.module);

let tmp: string;
let win: InstanceType<typeof E.StandInWindow>;
const PASSPHRASE = 'lantern orchard pebble kettle';
/** The vault runs in a child process (started from source here: it takes a moment after each lock). */
const WAIT = { timeout: 15_000 };
const APP_FRAME = { url: 'app://evidence-vault/index.html', parent: null };

function invoke<T = unknown>(
  channel: string,
  request: unknown,
  frame: unknown = APP_FRAME,
  sender: unknown = win.webContents,
) {
  return E.ipc.get('vault:invoke')!({ sender, senderFrame: frame }, channel, request) as Promise<IpcResult<T>>;
}
async function ok<T>(p: Promise<IpcResult<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
async function state(): Promise<string> {
  return (await ok<{ state: string }>(invoke('vault.status', {}))).state;
}
function appProtocol() {
  return E.sessions.get('evidence-vault')!.protocolHandlers.get('app')!;
}
type MenuItem = { id?: string; click?: () => void; submenu?: MenuItem[] };
function menuItem(id: string): MenuItem {
  const flat = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
  const item = flat(E.menus.at(-1)!.template as MenuItem[]).find((i) => i.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ev-shell-main-'));
  process.env.EV_TEST_TMP = tmp;
  process.env.EVIDENCE_VAULT_USER_DATA = path.join(tmp, 'userData');
  process.env.EVIDENCE_VAULT_TEST_KDF = '1';
  await import('../../electron/desktop/main.js');
});

afterAll(async () => {
  delete process.env.EVIDENCE_VAULT_USER_DATA;
  delete process.env.EVIDENCE_VAULT_TEST_KDF;
  await rm(tmp, { recursive: true, force: true });
});

describe('electron/desktop/main.ts', () => {
  it('before ready: the app scheme is privileged, every renderer sandboxed, one instance, data in userData', () => {
    expect(E.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(E.calls).toContain('enableSandbox');
    expect(E.calls).toContain('singleInstanceLock');
    expect(E.module.app.getPath('userData')).toBe(path.join(tmp, 'userData'));
    expect(E.StandInWindow.all).toHaveLength(0);
  });

  it('when ready: one hardened window on app://, guards on both sessions, the protocol, IPC and the menu', async () => {
    E.readyResolve();
    await vi.waitFor(() => expect(E.StandInWindow.all).toHaveLength(1));
    win = E.StandInWindow.all[0]!;
    expect(win.url).toBe('app://evidence-vault/index.html');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: true, // not packaged
      partition: 'evidence-vault',
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    for (const ses of [E.sessions.get('evidence-vault')!, E.defaultSession]) {
      expect(Object.keys(ses.handlers).sort()).toEqual([
        'beforeRequest',
        'device',
        'permissionCheck',
        'permissionRequest',
      ]);
    }
    expect(E.calls.filter((c) => c === 'spellchecker:false')).toHaveLength(2);
    expect(appProtocol()).toBeTypeOf('function');
    expect([...E.ipc.keys()].sort()).toEqual(['vault:grant-dropped', 'vault:invoke']);
    expect(E.menus).toHaveLength(1);
    // ready-to-show shows it.
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('every new WebContents gets the navigation guards', () => {
    const contents = new E.StandInWebContents();
    E.module.app.emit('web-contents-created', {}, contents);
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
  });

  it('refuses IPC from anything but the app window’s main frame; validates the rest', async () => {
    const refused = { ok: false, error: { code: 'INVALID_INPUT', message: 'This request did not come from the app.' } };
    expect(await invoke('vault.status', {}, { url: 'https://evil.example/', parent: null })).toEqual(refused);
    expect(await invoke('vault.status', {}, { url: APP_FRAME.url, parent: {} })).toEqual(refused);
    expect(await invoke('vault.status', {}, APP_FRAME, new E.StandInWebContents())).toEqual(refused);
    expect(await invoke('vault.status', {}, null)).toEqual(refused);
    expect(await state()).toBe('none');
    const bad = await invoke('vault.create', { passphrase: PASSPHRASE, extra: true });
    expect(bad.ok).toBe(false);
    expect(await state()).toBe('none');
    expect(await ok(invoke<{ recoveryKey: string }>('vault.create', { passphrase: PASSPHRASE }))).toHaveProperty(
      'recoveryKey',
    );
    expect(await state()).toBe('unlocked');
  });

  it('a dropped file becomes a grant; its exhibit reaches the window only through exhibits.read, only while unlocked', async () => {
    const png = path.join(tmp, 'post-1.png');
    await copyFile(path.join(FIXTURES, 'post-1.png'), png);
    const drop = E.ipc.get('vault:grant-dropped')!;
    expect(
      await drop({ sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } }, png),
    ).toBeNull();
    expect(await drop({ sender: win.webContents, senderFrame: APP_FRAME }, 'relative/path.png')).toBeNull();
    const grant = (await drop({ sender: win.webContents, senderFrame: APP_FRAME }, png)) as {
      grantId: string;
      name: string;
    };
    expect(grant.name).toBe('post-1.png');

    const incident = await ok(
      invoke<Incident>('incidents.create', { input: { title: 'Poster defaced', occurredAt: { date: '2024-05-03' } } }),
    );
    const [exhibit] = await ok(
      invoke<Exhibit[]>('exhibits.import', {
        incidentId: incident.id,
        jobId: '0123456789abcdef',
        sources: [{ kind: 'grant', grantId: grant.grantId }],
      }),
    );
    const bytes = await ok(invoke<Uint8Array>('exhibits.read', { id: exhibit!.id }));
    expect(Buffer.from(bytes).equals(await readFile(png))).toBe(true);
    // app:// serves the app's files only: no exhibit URL.
    expect((await appProtocol()(new Request(`app://evidence-vault/exhibits/${exhibit!.id}`))).status).toBe(404);
    // Progress events went to the window.
    expect(win.webContents.sent.some((s) => s[0] === 'vault:event' && s[1] === 'progress')).toBe(true);

    await ok(invoke('vault.lock', {}));
    expect(await invoke('exhibits.read', { id: exhibit!.id })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    await ok(invoke('vault.unlock', { passphrase: PASSPHRASE }));
  });

  it('locks on system suspend and on screen lock, and tells the window', async () => {
    E.module.powerMonitor.emit('suspend');
    await vi.waitFor(async () => expect(await state()).toBe('locked'), WAIT);
    expect(win.webContents.sent).toContainEqual(['vault:event', 'locked', { reason: 'the computer went to sleep' }]);
    await ok(invoke('vault.unlock', { passphrase: PASSPHRASE }));
    E.module.powerMonitor.emit('lock-screen');
    await vi.waitFor(async () => expect(await state()).toBe('locked'), WAIT);
    await ok(invoke('vault.unlock', { passphrase: PASSPHRASE }));
  });

  it('quick exit (Escape twice) hides the window at once and locks', async () => {
    const key = { type: 'keyDown', key: 'Escape', control: false, meta: false, shift: false, alt: false };
    let prevented = 0;
    const ev = { preventDefault: () => prevented++ };
    win.webContents.emit('before-input-event', ev, key);
    expect(win.visible).toBe(true);
    win.webContents.emit('before-input-event', ev, key);
    expect(win.visible).toBe(false);
    expect(prevented).toBe(1);
    await vi.waitFor(async () => expect(await state()).toBe('locked'), WAIT);
    // Starting the app again shows the (locked) window.
    E.module.app.emit('second-instance');
    expect(win.visible).toBe(true);
    await ok(invoke('vault.unlock', { passphrase: PASSPHRASE }));
  });

  it('the menu locks, and sends new incident and export to the window', async () => {
    menuItem('new-incident').click!();
    menuItem('export').click!();
    expect(win.webContents.sent).toContainEqual(['vault:event', 'menu', { command: 'new-incident' }]);
    expect(win.webContents.sent).toContainEqual(['vault:event', 'menu', { command: 'export' }]);
    menuItem('lock').click!();
    await vi.waitFor(async () => expect(await state()).toBe('locked'), WAIT);
  });

  it('opens another vault from the menu and remembers it', async () => {
    const elsewhere = path.join(tmp, 'usb-drive');
    E.dialogAnswers.open = [elsewhere];
    menuItem('new-vault').click!();
    await vi.waitFor(async () => expect(await state()).toBe('none'), WAIT);
    expect(E.calls).toContain('reload');
    const saved = JSON.parse(
      await (await import('node:fs/promises')).readFile(path.join(tmp, 'userData', 'vault-location.json'), 'utf8'),
    ) as { vaultDir: string };
    expect(saved.vaultDir).toBe(elsewhere);
    menuItem('default-vault').click!();
    await vi.waitFor(async () => expect(await state()).toBe('locked'), WAIT);
  });

  it('locks (closes the vault) before quitting', async () => {
    await ok(invoke('vault.unlock', { passphrase: PASSPHRASE }));
    let prevented = false;
    E.module.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(E.calls).toContain('quit'));
  });
});
