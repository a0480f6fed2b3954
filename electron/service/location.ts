/**
 * Where the vault lives: the one answer for the desktop app (electron/desktop/main.ts), the browser
 * host (electron/host/cli.ts) and so `npm start -- --browser` (scripts/start.mjs runs the host).
 * By default in the app's data folder (Electron's userData: <appData>/evidence-vault); the user may
 * open or create a vault elsewhere (an external drive, say) and switch back. The choice is kept in
 * userData/vault-location.json: a folder path and nothing else (no content of any vault).
 * Plain Node (no Electron import).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Language } from '../../shared/language.js';

/** The data folder's name under appData (the desktop app sets userData to it). */
export const DATA_FOLDER = 'evidence-vault';
export const LOCATION_FILE = 'vault-location.json';
/** The vault's folder inside userData. */
export const DEFAULT_VAULT_FOLDER = 'vault';
/** Name of the folder made inside a chosen folder that already holds other things. */
export const NEW_VAULT_FOLDER = 'Evidence Vault';

export function defaultVaultDir(userDataDir: string): string {
  return path.join(userDataDir, DEFAULT_VAULT_FOLDER);
}

export interface Environment {
  env?: NodeJS.ProcessEnv;
  platform?: string;
  home?: string;
}

/**
 * The desktop app's data folder, worked out without Electron: Electron's appData (%APPDATA% on
 * Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere) and
 * DATA_FOLDER under it. The desktop app itself asks Electron for appData; the two agree.
 */
export function userDataDirFor({
  env = process.env,
  platform = process.platform,
  home = os.homedir(),
}: Environment = {}): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, DATA_FOLDER);
}

/**
 * The vault folder the desktop app would open: EVIDENCE_VAULT_DIR if set, else the folder
 * remembered in vault-location.json, else userData/vault.
 */
export function vaultDirInUse(environment: Environment = {}): string {
  const env = environment.env ?? process.env;
  if (env.EVIDENCE_VAULT_DIR) return env.EVIDENCE_VAULT_DIR;
  return createLocationStore(userDataDirFor(environment)).current();
}

export type FolderKind = 'vault' | 'empty' | 'missing' | 'other' | 'not-a-folder';

/** What a folder the user chose holds. A vault folder has vault.json. */
export function classifyFolder(dir: string): FolderKind {
  let st;
  try {
    st = statSync(dir);
  } catch {
    return 'missing';
  }
  if (!st.isDirectory()) return 'not-a-folder';
  if (existsSync(path.join(dir, 'vault.json'))) return 'vault';
  return readdirSync(dir).length === 0 ? 'empty' : 'other';
}

/**
 * The vault folder to use for a folder the user chose. "open": it must be a vault. "create": an
 * empty or new folder is used as it is; a folder with other things in it gets an "Evidence Vault"
 * folder inside (so a vault's files never mix with the user's); a vault folder is opened.
 */
export function vaultDirForChoice(
  chosen: string,
  mode: 'open' | 'create',
  lang: Language = 'en',
): { ok: true; dir: string } | { ok: false; message: string } {
  const kind = classifyFolder(chosen);
  const name = path.basename(chosen);
  const cy = lang === 'cy';
  if (mode === 'open') {
    if (kind === 'vault') return { ok: true, dir: chosen };
    return {
      ok: false,
      message: cy
        ? `Nid yw’r ffolder “${name}” yn dal claddgell Evidence Vault.`
        : `The folder “${name}” does not hold an Evidence Vault.`,
    };
  }
  if (kind === 'vault' || kind === 'empty' || kind === 'missing') return { ok: true, dir: chosen };
  if (kind === 'not-a-folder') {
    return { ok: false, message: cy ? `Ffeil yw “${name}”, nid ffolder.` : `“${name}” is a file, not a folder.` };
  }
  const inside = path.join(chosen, NEW_VAULT_FOLDER);
  const insideKind = classifyFolder(inside);
  if (insideKind === 'vault' || insideKind === 'empty' || insideKind === 'missing') return { ok: true, dir: inside };
  return {
    ok: false,
    message: cy
      ? `Mae gan y ffolder “${name}” ffolder o’r enw “${NEW_VAULT_FOLDER}” yn barod, gyda ffeiliau eraill ynddi.`
      : `The folder “${name}” already has a folder called “${NEW_VAULT_FOLDER}” with other files in it.`,
  };
}

export interface LocationStore {
  /** The vault folder in use (the default unless the user chose another). */
  current(): string;
  /** Remember `dir` as the vault in use (written at once, atomically). */
  use(dir: string): void;
  isDefault(): boolean;
}

export function createLocationStore(userDataDir: string): LocationStore {
  const file = path.join(userDataDir, LOCATION_FILE);
  const fallback = defaultVaultDir(userDataDir);
  let current = fallback;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { vaultDir?: unknown };
    if (typeof saved.vaultDir === 'string' && path.isAbsolute(saved.vaultDir)) current = saved.vaultDir;
  } catch {
    // No choice saved yet (or unreadable): the default.
  }
  return {
    current: () => current,
    isDefault: () => path.resolve(current) === path.resolve(fallback),
    use(dir: string) {
      current = path.resolve(dir);
      mkdirSync(userDataDir, { recursive: true });
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, JSON.stringify({ vaultDir: current }) + '\n', { mode: 0o600 });
      renameSync(tmp, file);
    },
  };
}
