/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions shape), so it can be
 * checked without Electron. No remote links, no "Learn more" web pages, no DevTools when packaged.
 */
import { QUICK_EXIT_ACCELERATOR } from './lifecycle.js';
import { SHELL_WORDS, type ShellWords } from './words.js';

export interface MenuCommands {
  newIncident(): void;
  exportPack(): void;
  lock(): void;
  openVault(): void;
  newVaultElsewhere(): void;
  useDefaultVault(): void;
  quickExit(): void;
}

export interface MenuItem {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu' | 'normal';
  accelerator?: string;
  id?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

export function buildMenuTemplate(options: {
  platform: string;
  packaged: boolean;
  appName: string;
  commands: MenuCommands;
  /** The menu's words (default English): the window's language. */
  words?: ShellWords;
}): MenuItem[] {
  const { commands } = options;
  const w = options.words ?? SHELL_WORDS.en;
  // Windows and Linux underline a menu's access key: the first letter.
  const top = (label: string) => (isMac ? label : `&${label}`);
  const isMac = options.platform === 'darwin';
  const sep: MenuItem = { type: 'separator' };

  const vaultMenu: MenuItem = {
    label: top(w.file),
    submenu: [
      { id: 'new-incident', label: w.newIncident, accelerator: 'CmdOrCtrl+N', click: commands.newIncident },
      { id: 'export', label: w.exportPack, accelerator: 'CmdOrCtrl+E', click: commands.exportPack },
      sep,
      { id: 'lock', label: w.lock, accelerator: 'CmdOrCtrl+L', click: commands.lock },
      { id: 'quick-exit', label: w.quickExit, accelerator: QUICK_EXIT_ACCELERATOR, click: commands.quickExit },
      sep,
      { id: 'open-vault', label: w.openVault, accelerator: 'CmdOrCtrl+O', click: commands.openVault },
      { id: 'new-vault', label: w.newVault, click: commands.newVaultElsewhere },
      { id: 'default-vault', label: w.defaultVault, click: commands.useDefaultVault },
      ...(isMac ? [] : [sep, { role: 'quit', label: w.quit }]),
    ],
  };

  const editMenu: MenuItem = {
    label: top(w.edit),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItem = {
    label: top(w.view),
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
      ...(options.packaged ? [] : [sep, { role: 'reload' }, { role: 'toggleDevTools' }]),
    ],
  };

  const windowMenu: MenuItem = {
    label: top(w.window),
    submenu: isMac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }],
  };

  const template: MenuItem[] = [vaultMenu, editMenu, viewMenu, windowMenu];
  if (isMac) {
    template.unshift({
      label: options.appName,
      submenu: [
        { role: 'about' },
        sep,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        sep,
        { role: 'quit' },
      ],
    });
  }
  return template;
}
