/**
 * The Electron main process: one hardened window around the renderer, the vault service of
 * electron/service/handlers.ts behind one validated IPC channel, the app:// protocol (the app's own
 * files; exhibits reach the window only through `exhibits.read`), the application menu, and the locks
 * (inactivity, suspend, screen lock, quick exit). The security rules live in electron/desktop/.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  session,
  shell,
  utilityProcess,
  type MenuItemConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IpcResult, VaultEventName, VaultEvents } from '../../shared/ipc.js';
import type { MenuCommand } from '../../shared/ipc-events.js';
import type { Settings } from '../../shared/model.js';
import { createIsolatedVaultService, forkUtilityChild, testKdfFromEnv, type VaultService } from '../service/index.js';
import { APP_ENTRY_URL, APP_SCHEME, IPC_EVENT, IPC_GRANT_DROPPED, IPC_INVOKE, SESSION_PARTITION } from './constants.js';
import { isAllowedDownload } from './downloads.js';
import { autoLockOverrideMs, createAutoLock, createQuickExitDetector } from './lifecycle.js';
import { DATA_FOLDER, createLocationStore, defaultVaultDir, vaultDirForChoice } from '../service/location.js';
import { buildMenuTemplate } from './menu.js';
import { SHELL_WORDS } from './words.js';
import { LanguageSchema, type Language } from '../../shared/language.js';
import { createAppProtocolHandler } from './protocol.js';
import {
  forbiddenSwitchesPresent,
  guardSession,
  guardWebContents,
  isTrustedSender,
  secureWebPreferences,
  type FrameLike,
} from './security.js';

const PRODUCT_NAME = 'Evidence Vault';
const packaged = app.isPackaged;
const log = (message: string) => console.log(`[evidence-vault] ${message}`);

// Before anything else: the app's scheme is privileged (standard, secure, fetch) and every
// renderer is sandboxed whatever its webPreferences say. corsEnabled stays unset on purpose: the
// app only reads its own origin (same-origin on a standard scheme works without it), and leaving it
// unset keeps app:// (and so the exhibits) unreadable from any other origin.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
app.enableSandbox();
app.setName(PRODUCT_NAME);
// The data folder: <appData>/evidence-vault (location.ts's userDataDirFor says the same without
// Electron, for the browser host); tests (unpackaged only) may point it elsewhere.
const userDataOverride = !packaged ? process.env.EVIDENCE_VAULT_USER_DATA : undefined;
app.setPath(
  'userData',
  userDataOverride ? path.resolve(userDataOverride) : path.join(app.getPath('appData'), DATA_FOLDER),
);

// A packaged build never runs with remote debugging or an inspector: nobody drives the window.
const forbidden = packaged ? forbiddenSwitchesPresent((s) => app.commandLine.hasSwitch(s)) : [];
if (forbidden.length > 0) {
  console.error(`Evidence Vault does not run with --${forbidden.join(', --')}.`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // Another Evidence Vault is running: it shows its window (second-instance) and this one leaves.
  app.quit();
} else {
  main();
}

function main(): void {
  let win: BrowserWindow | null = null;
  /** The window's language, as it last said ('vault.language'): the menu's and the shell's dialogs' words. */
  let language: Language = 'en';
  let service: VaultService | null = null;
  let quitting = false;
  const locations = createLocationStore(app.getPath('userData'));
  const quickExitKey = createQuickExitDetector({ platform: process.platform });

  const emit = <E extends VaultEventName>(event: E, payload: VaultEvents[E]) => {
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT, event, payload);
  };
  const isUnlocked = async () => (service ? (await service.status()).state === 'unlocked' : false);
  const lock = (reason: string) => {
    if (!service) return;
    void service.lock(reason).then(() => {
      const ses = session.fromPartition(SESSION_PARTITION);
      void ses.clearCache();
    });
  };

  // Every WebContents, of any kind, gets the navigation/window/webview guards.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { packaged, log });
  });

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  const autoLock = createAutoLock({
    readMinutes: async () => {
      const r = service ? await service.dispatch('settings.get', {}) : null;
      return r?.ok ? (r.value as Settings).autoLockMinutes : null;
    },
    systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
    windowFocused: () => Boolean(win && !win.isDestroyed() && win.isFocused()),
    isUnlocked,
    lock,
    powerMonitor,
    overrideMs: autoLockOverrideMs(process.env, packaged),
  });

  function quickExit(): void {
    // Hide first (at once), then lock: nobody looking over a shoulder sees the vault.
    if (win && !win.isDestroyed()) win.hide();
    if (process.platform === 'darwin') app.hide();
    lock('quick exit');
  }

  async function chooseVaultFolder(mode: 'open' | 'create'): Promise<void> {
    if (!service || !win) return;
    const w = SHELL_WORDS[language];
    const answer = await dialog.showOpenDialog(win, {
      title: mode === 'open' ? w.openTitle : w.createTitle,
      buttonLabel: mode === 'open' ? w.openButton : w.createButton,
      properties: mode === 'open' ? ['openDirectory'] : ['openDirectory', 'createDirectory'],
    });
    const chosen = answer.filePaths[0];
    if (answer.canceled || !chosen) return;
    const choice = vaultDirForChoice(chosen, mode, language);
    if (!choice.ok) {
      await dialog.showMessageBox(win, { type: 'warning', message: choice.message, buttons: [w.ok] });
      return;
    }
    await switchTo(choice.dir);
  }

  async function switchTo(dir: string): Promise<void> {
    if (!service || !win) return;
    await service.switchVault(dir);
    locations.use(dir);
    win.webContents.reload();
  }

  function createWindow(): BrowserWindow {
    // Development only (dist/ or dist/electron/): the icon from build/; packaged builds carry their own.
    const devIcon = [path.join(__dirname, '..'), path.join(__dirname, '..', '..')]
      .map((dir) => path.join(dir, 'build', 'icons', '512x512.png'))
      .find((p) => existsSync(p));
    const w = new BrowserWindow({
      width: 1200,
      height: 820,
      minWidth: 720,
      minHeight: 520,
      show: false,
      title: PRODUCT_NAME,
      backgroundColor: '#f6f7f9',
      ...(!packaged && devIcon ? { icon: devIcon } : {}),
      webPreferences: secureWebPreferences({
        preload: path.join(__dirname, 'preload.cjs'),
        packaged,
        partition: SESSION_PARTITION,
      }),
    });
    w.once('ready-to-show', () => w.show());
    w.webContents.on('before-input-event', (event, input) => {
      autoLock.touch();
      if (quickExitKey(input)) {
        event.preventDefault();
        quickExit();
      }
    });
    w.webContents.on('render-process-gone', () => {
      lock('the window stopped unexpectedly');
      if (!w.isDestroyed()) w.webContents.reload();
    });
    w.on('closed', () => {
      if (win === w) win = null;
    });
    void w.loadURL(APP_ENTRY_URL);
    return w;
  }

  function installMenu(): void {
    const send = (command: MenuCommand) => () => emit('menu', { command });
    const template = buildMenuTemplate({
      platform: process.platform,
      packaged,
      appName: PRODUCT_NAME,
      words: SHELL_WORDS[language],
      commands: {
        newIncident: send('new-incident'),
        exportPack: send('export'),
        lock: () => lock('you locked it'),
        openVault: () => void chooseVaultFolder('open'),
        newVaultElsewhere: () => void chooseVaultFolder('create'),
        useDefaultVault: () => void switchTo(defaultVaultDir(app.getPath('userData'))),
        quickExit,
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
  }

  function hardenSession(ses: Session): void {
    guardSession(ses, { dev: !packaged, log });
    ses.setDevicePermissionHandler(() => false);
    ses.setSpellCheckerEnabled(false);
    ses.on('will-download', (event, item) => {
      if (!isAllowedDownload(item.getURL())) {
        event.preventDefault();
        log('blocked a download');
      }
    });
  }

  /** An IPC message from the app's own window, from its main frame on app:// (and nothing else). */
  function fromTheApp(event: { sender: WebContents; senderFrame: FrameLike | null }): boolean {
    const ours = Boolean(win && !win.isDestroyed() && event.sender.id === win.webContents.id);
    return ours && isTrustedSender(event.senderFrame);
  }

  app.whenReady().then(() => {
    const ses = session.fromPartition(SESSION_PARTITION);
    hardenSession(ses);
    hardenSession(session.defaultSession);

    const testKdf = testKdfFromEnv(process.env, { packaged });
    if (testKdf.warning) log(testKdf.warning);
    // The unlocked core runs in a utility process that ends on every lock (electron/service/isolated.ts).
    service = createIsolatedVaultService(
      {
        vaultDir: locations.current(),
        // Tests only (never packaged, only under a test runner): a fast, weak KDF, as every host reads it.
        ...(testKdf.kdf ? { kdf: testKdf.kdf } : {}),
        nativeDialogs: true,
        // The window shows a new vault's recovery key, then says so ('vault.recoveryKeyShown').
        confirmsRecoveryKey: true,
        emit,
        openFileDialog: async (opts) => {
          if (!win) return [];
          const r = await dialog.showOpenDialog(win, {
            title: opts?.title ?? SHELL_WORDS[language].addExhibitsTitle,
            buttonLabel: opts?.buttonLabel ?? SHELL_WORDS[language].addButton,
            ...(opts?.filters ? { filters: opts.filters } : {}),
            properties: opts?.single ? ['openFile'] : ['openFile', 'multiSelections'],
          });
          return r.canceled ? [] : r.filePaths;
        },
        saveDialog: async ({ title, defaultName, filters }) => {
          if (!win) return null;
          const r = await dialog.showSaveDialog(win, {
            title,
            defaultPath: path.join(app.getPath('documents'), defaultName),
            ...(filters ? { filters } : {}),
            properties: ['createDirectory', 'showOverwriteConfirmation'],
          });
          return r.canceled || !r.filePath ? null : r.filePath;
        },
        chooseFolderDialog: async ({ title }) => {
          if (!win) return null;
          const r = await dialog.showOpenDialog(win, { title, properties: ['openDirectory', 'createDirectory'] });
          return r.canceled ? null : (r.filePaths[0] ?? null);
        },
        showInFolder: (filePath) => {
          shell.showItemInFolder(filePath);
          return Promise.resolve();
        },
        onInternalError: (error, channel) => {
          // The error's name only: messages may carry record content.
          log(`internal error in ${channel}: ${error instanceof Error ? error.name : typeof error}`);
        },
      },
      { startChild: () => forkUtilityChild(utilityProcess) },
    );
    const svc = service;

    ses.protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        rootDir: path.join(__dirname, 'renderer'),
        log,
      }),
    );

    ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, request: unknown): Promise<IpcResult<unknown>> => {
      if (!fromTheApp(event)) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'This request did not come from the app.' } };
      }
      autoLock.touch();
      const name = typeof channel === 'string' ? channel : '';
      const result = await svc.dispatch(name, request);
      if (result.ok) void autoLock.afterRequest(name);
      // The window's language (validated by the service's schema, and again here): the menu follows it.
      if (result.ok && name === 'vault.language') {
        const said = LanguageSchema.safeParse((request as { language?: unknown } | null)?.language);
        if (said.success && said.data !== language) {
          language = said.data;
          installMenu();
        }
      }
      return result;
    });
    ipcMain.handle(IPC_GRANT_DROPPED, async (event, filePath: unknown) => {
      if (!fromTheApp(event)) return null;
      if (typeof filePath !== 'string' || !path.isAbsolute(filePath)) return null;
      try {
        return await svc.grantPath(filePath);
      } catch {
        return null;
      }
    });

    autoLock.start();

    installMenu();
    win = createWindow();

    app.on('activate', () => {
      if (!win) win = createWindow();
      else win.show();
    });
  });

  app.on('window-all-closed', () => {
    app.quit();
  });

  // Lock (wipe keys, close SQLite) before the process ends.
  app.on('will-quit', (event) => {
    if (quitting || !service) return;
    event.preventDefault();
    quitting = true;
    const svc = service;
    service = null;
    void svc.dispose().finally(() => app.quit());
  });
}
