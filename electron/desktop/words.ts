/**
 * The desktop shell's own words (the application menu, its folder and file dialogs) in the window's
 * language: the window tells the shell its language through 'vault.language' (main.ts). Items with
 * an Electron role (Copy, Paste, Zoom…) are worded by the system, in its language.
 */
import type { Language } from '../../shared/language.js';

const en = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  newIncident: 'New Incident',
  exportPack: 'Export Case Pack…',
  lock: 'Lock Vault',
  quickExit: 'Quick Exit',
  openVault: 'Open Another Vault…',
  newVault: 'New Vault in Another Folder…',
  defaultVault: 'Use the Vault in the Usual Place',
  quit: 'Quit',
  openTitle: 'Open a vault',
  openButton: 'Open Vault',
  createTitle: 'Choose a folder for the new vault',
  createButton: 'Use This Folder',
  addExhibitsTitle: 'Add exhibits',
  addButton: 'Add',
  ok: 'OK',
};

export type ShellWords = typeof en;

const cy: ShellWords = {
  file: 'Ffeil',
  edit: 'Golygu',
  view: 'Gweld',
  window: 'Ffenestr',
  newIncident: 'Digwyddiad Newydd',
  exportPack: 'Allforio Pecyn Achos…',
  lock: 'Cloi’r Gladdgell',
  quickExit: 'Gadael yn Gyflym',
  openVault: 'Agor Claddgell Arall…',
  newVault: 'Claddgell Newydd mewn Ffolder Arall…',
  defaultVault: 'Defnyddio’r Gladdgell yn y Lle Arferol',
  quit: 'Gadael',
  openTitle: 'Agor claddgell',
  openButton: 'Agor y Gladdgell',
  createTitle: 'Dewiswch ffolder ar gyfer y gladdgell newydd',
  createButton: 'Defnyddio’r Ffolder Hon',
  addExhibitsTitle: 'Ychwanegu arddangosion',
  addButton: 'Ychwanegu',
  ok: 'Iawn',
};

export const SHELL_WORDS: Record<Language, ShellWords> = { en, cy };
