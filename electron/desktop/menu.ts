/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions shape), so it can be
 * checked without Electron. No remote links, no "Learn more" web pages, no DevTools when packaged.
 */
import { QUICK_EXIT_ACCELERATOR } from './lifecycle.js';

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
}): MenuItem[] {
  const { commands } = options;
  const isMac = options.platform === 'darwin';
  const sep: MenuItem = { type: 'separator' };

  const vaultMenu: MenuItem = {
    label: isMac ? 'File' : '&File',
    submenu: [
      { id: 'new-incident', label: 'New Incident', accelerator: 'CmdOrCtrl+N', click: commands.newIncident },
      { id: 'export', label: 'Export Case Pack…', accelerator: 'CmdOrCtrl+E', click: commands.exportPack },
      sep,
      { id: 'lock', label: 'Lock Vault', accelerator: 'CmdOrCtrl+L', click: commands.lock },
      { id: 'quick-exit', label: 'Quick Exit', accelerator: QUICK_EXIT_ACCELERATOR, click: commands.quickExit },
      sep,
      { id: 'open-vault', label: 'Open Another Vault…', accelerator: 'CmdOrCtrl+O', click: commands.openVault },
      { id: 'new-vault', label: 'New Vault in Another Folder…', click: commands.newVaultElsewhere },
      { id: 'default-vault', label: 'Use the Vault in the Usual Place', click: commands.useDefaultVault },
      ...(isMac ? [] : [sep, { role: 'quit', label: 'Quit' }]),
    ],
  };

  const editMenu: MenuItem = {
    label: isMac ? 'Edit' : '&Edit',
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
    label: isMac ? 'View' : '&View',
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
    label: isMac ? 'Window' : '&Window',
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
