/**
 * When the vault locks by itself (inactivity, suspend, screen lock, quick exit), the application
 * menu, and where the vault lives — with powerMonitor and the clock stood in by plain values and
 * real folders on disk.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTO_LOCK_MINUTES,
  POWER_LOCK_EVENTS,
  autoLockOverrideMs,
  createAutoLock,
  createInactivityLock,
  createQuickExitDetector,
  lockOnPowerEvents,
  type KeyInputLike,
} from './lifecycle.js';
import {
  LOCATION_FILE,
  NEW_VAULT_FOLDER,
  classifyFolder,
  createLocationStore,
  defaultVaultDir,
  userDataDirFor,
  vaultDirForChoice,
  vaultDirInUse,
} from '../service/location.js';
import { buildMenuTemplate, type MenuItem } from './menu.js';
import { SHELL_WORDS } from './words.js';

describe('power events', () => {
  it('locks on suspend, screen lock, user switch and shutdown', () => {
    const listeners = new Map<string, () => void>();
    const locks: string[] = [];
    lockOnPowerEvents({ on: (event, l) => listeners.set(event, l) }, (reason) => locks.push(reason));
    expect([...listeners.keys()].sort()).toEqual(['lock-screen', 'shutdown', 'suspend', 'user-did-resign-active']);
    listeners.get('suspend')!();
    listeners.get('lock-screen')!();
    expect(locks).toEqual([POWER_LOCK_EVENTS.suspend, POWER_LOCK_EVENTS['lock-screen']]);
  });
});

describe('inactivity', () => {
  function setup(opts: { timeoutMs?: number; focused?: boolean; unlocked?: boolean } = {}) {
    const state = {
      t: 1_000_000,
      idleSeconds: 0,
      focused: opts.focused ?? true,
      unlocked: opts.unlocked ?? true,
      timeout: opts.timeoutMs ?? 60_000,
      locks: [] as string[],
    };
    const lock = createInactivityLock({
      timeoutMs: () => state.timeout,
      systemIdleSeconds: () => state.idleSeconds,
      windowFocused: () => state.focused,
      isUnlocked: () => state.unlocked,
      lock: (r) => {
        state.locks.push(r);
        state.unlocked = false;
      },
      now: () => state.t,
    });
    return { state, lock };
  }

  it('locks once nobody has used the window for the set time', async () => {
    const { state, lock } = setup();
    state.t += 59_000;
    state.idleSeconds = 59;
    expect(await lock.tick()).toBe(false);
    state.t += 1_000;
    state.idleSeconds = 60;
    expect(await lock.tick()).toBe(true);
    expect(state.locks).toEqual(['nobody used Evidence Vault for a while']);
  });

  it('input to the focused window (system idle clock) keeps it open', async () => {
    const { state, lock } = setup();
    for (let i = 0; i < 10; i++) {
      state.t += 30_000;
      state.idleSeconds = 5; // the user moved the mouse 5 s ago, in our window
      expect(await lock.tick()).toBe(false);
    }
    expect(state.locks).toEqual([]);
  });

  it('time spent in other applications counts as inactivity', async () => {
    const { state, lock } = setup({ focused: false });
    state.t += 30_000;
    state.idleSeconds = 0; // busy elsewhere
    expect(await lock.tick()).toBe(false);
    state.t += 30_000;
    expect(await lock.tick()).toBe(true);
  });

  it('a key reaching the window (touch) keeps it open', async () => {
    const { state, lock } = setup({ focused: false });
    state.t += 50_000;
    lock.touch();
    state.t += 50_000;
    expect(await lock.tick()).toBe(false);
  });

  it('never locks with the setting at 0, and does nothing while locked', async () => {
    const never = setup({ timeoutMs: 0 });
    never.state.t += 10 * 3_600_000;
    never.state.idleSeconds = 36_000;
    expect(await never.lock.tick()).toBe(false);

    const locked = setup({ unlocked: false });
    locked.state.t += 10 * 3_600_000;
    expect(await locked.lock.tick()).toBe(false);
    // Unlocking starts a fresh period.
    locked.state.unlocked = true;
    locked.state.idleSeconds = 0;
    locked.state.t += 1_000;
    expect(await locked.lock.tick()).toBe(false);
  });
});

describe('auto-lock (all of the main process’s automatic locking)', () => {
  function setup(opts: { minutes?: number | null; overrideMs?: number } = {}) {
    const state = { t: 0, minutes: opts.minutes ?? 5, reads: 0, locks: [] as string[], unlocked: true };
    const power = new Map<string, () => void>();
    const auto = createAutoLock({
      readMinutes: async () => {
        state.reads++;
        return state.minutes;
      },
      systemIdleSeconds: () => 0,
      windowFocused: () => false,
      isUnlocked: () => state.unlocked,
      lock: (r) => void state.locks.push(r),
      powerMonitor: { on: (event, l) => power.set(event, l) },
      now: () => state.t,
      ...(opts.overrideMs !== undefined ? { overrideMs: opts.overrideMs } : {}),
    });
    return { state, auto, power };
  }

  it('starts at the default, and re-reads the setting only after requests that may change it', async () => {
    const { state, auto } = setup({ minutes: 2 });
    expect(auto.timeoutMs()).toBe(DEFAULT_AUTO_LOCK_MINUTES * 60_000);
    await auto.afterRequest('incidents.list');
    expect(state.reads).toBe(0);
    for (const channel of ['vault.unlock', 'settings.get', 'settings.update']) await auto.afterRequest(channel);
    expect(state.reads).toBe(3);
    expect(auto.timeoutMs()).toBe(2 * 60_000);
    state.t += 2 * 60_000;
    expect(await auto.tick()).toBe(true);
    expect(state.locks).toEqual(['nobody used Evidence Vault for a while']);
  });

  it('keeps the last timeout when the setting cannot be read; the override wins over the setting', async () => {
    const unreadable = setup({ minutes: null });
    await unreadable.auto.afterRequest('settings.get');
    expect(unreadable.auto.timeoutMs()).toBe(DEFAULT_AUTO_LOCK_MINUTES * 60_000);

    const fast = setup({ minutes: 30, overrideMs: 3_000 });
    await fast.auto.afterRequest('settings.update');
    expect(fast.auto.timeoutMs()).toBe(3_000);
    expect(autoLockOverrideMs({ EVIDENCE_VAULT_AUTOLOCK_SECONDS: '3' }, false)).toBe(3_000);
    expect(autoLockOverrideMs({ EVIDENCE_VAULT_AUTOLOCK_SECONDS: '3' }, true)).toBeUndefined();
    expect(autoLockOverrideMs({ EVIDENCE_VAULT_AUTOLOCK_SECONDS: 'soon' }, false)).toBeUndefined();
    expect(autoLockOverrideMs({}, false)).toBeUndefined();
  });

  it('start() locks on the power events and runs the check timer', async () => {
    const { state, auto, power } = setup();
    const stop = auto.start();
    try {
      expect([...power.keys()].sort()).toEqual(['lock-screen', 'shutdown', 'suspend', 'user-did-resign-active']);
      power.get('suspend')!();
      expect(state.locks).toEqual([POWER_LOCK_EVENTS.suspend]);
    } finally {
      stop();
    }
  });
});

describe('quick exit', () => {
  const key = (k: string, mods: Partial<KeyInputLike> = {}): KeyInputLike => ({
    type: 'keyDown',
    key: k,
    control: false,
    meta: false,
    shift: false,
    alt: false,
    ...mods,
  });

  it('Escape twice within 600 ms', () => {
    let t = 0;
    const quick = createQuickExitDetector({ platform: 'linux', now: () => t });
    /** Press `k` `ms` milliseconds after the last press: does it quit? */
    const pressAfter = (ms: number, k: string): boolean => {
      t += ms;
      return quick(key(k));
    };
    expect(pressAfter(0, 'Escape')).toBe(false);
    expect(pressAfter(400, 'Escape')).toBe(true);
    // A third press starts over.
    expect(pressAfter(100, 'Escape')).toBe(false);
    // Too slow.
    expect(pressAfter(700, 'Escape')).toBe(false);
    expect(pressAfter(700, 'Escape')).toBe(false);
    // Another key in between starts over.
    expect(pressAfter(100, 'a')).toBe(false);
    expect(pressAfter(100, 'Escape')).toBe(false);
    // Key repeat and key-up do not count.
    t += 100;
    expect(quick({ ...key('Escape'), isAutoRepeat: true })).toBe(false);
    expect(quick({ ...key('Escape'), type: 'keyUp' })).toBe(false);
  });

  it('Ctrl+Shift+X, or Cmd+Shift+X on a Mac', () => {
    const linux = createQuickExitDetector({ platform: 'linux' });
    expect(linux(key('X', { control: true, shift: true }))).toBe(true);
    expect(linux(key('x', { control: true, shift: true }))).toBe(true);
    expect(linux(key('x', { control: true }))).toBe(false);
    expect(linux(key('x', { meta: true, shift: true }))).toBe(false);
    const mac = createQuickExitDetector({ platform: 'darwin' });
    expect(mac(key('x', { meta: true, shift: true }))).toBe(true);
    expect(mac(key('x', { control: true, shift: true }))).toBe(false);
  });
});

describe('application menu', () => {
  function flatten(items: MenuItem[]): MenuItem[] {
    return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
  }
  function template(platform: string, packaged: boolean) {
    const clicked: string[] = [];
    const c = (name: string) => () => void clicked.push(name);
    const items = flatten(
      buildMenuTemplate({
        platform,
        packaged,
        appName: 'Evidence Vault',
        commands: {
          newIncident: c('new-incident'),
          exportPack: c('export'),
          lock: c('lock'),
          openVault: c('open-vault'),
          newVaultElsewhere: c('new-vault'),
          useDefaultVault: c('default-vault'),
          quickExit: c('quick-exit'),
        },
      }),
    );
    return { items, clicked };
  }

  it('has new incident, export, lock, quick exit and vault switching, each wired to its command', () => {
    const { items, clicked } = template('linux', true);
    const byId = new Map(items.filter((i) => i.id).map((i) => [i.id!, i]));
    for (const id of ['new-incident', 'export', 'lock', 'quick-exit', 'open-vault', 'new-vault', 'default-vault']) {
      const item = byId.get(id);
      expect(item, id).toBeDefined();
      item!.click!();
    }
    expect(clicked).toEqual([
      'new-incident',
      'export',
      'lock',
      'quick-exit',
      'open-vault',
      'new-vault',
      'default-vault',
    ]);
    expect(byId.get('quick-exit')!.accelerator).toBe('CmdOrCtrl+Shift+X');
    expect(byId.get('lock')!.accelerator).toBe('CmdOrCtrl+L');
  });

  it('offers DevTools and reload only when not packaged; a Mac gets its app menu', () => {
    const roles = (items: MenuItem[]) => items.map((i) => i.role).filter(Boolean);
    expect(roles(template('linux', true).items)).not.toContain('toggleDevTools');
    expect(roles(template('linux', true).items)).not.toContain('reload');
    expect(roles(template('linux', false).items)).toContain('toggleDevTools');
    const mac = template('darwin', true).items;
    expect(mac[0]!.label).toBe('Evidence Vault');
    expect(roles(mac)).toContain('hideOthers');
  });

  it('in Welsh when the window is: every label of ours, the access-key letters kept', () => {
    const items = flatten(
      buildMenuTemplate({
        platform: 'linux',
        packaged: true,
        appName: 'Evidence Vault',
        words: SHELL_WORDS.cy,
        commands: {
          newIncident: () => undefined,
          exportPack: () => undefined,
          lock: () => undefined,
          openVault: () => undefined,
          newVaultElsewhere: () => undefined,
          useDefaultVault: () => undefined,
          quickExit: () => undefined,
        },
      }),
    );
    const byId = new Map(items.filter((i) => i.id).map((i) => [i.id!, i.label]));
    expect(byId.get('new-incident')).toBe('Digwyddiad Newydd');
    expect(byId.get('quick-exit')).toBe('Gadael yn Gyflym');
    expect(items.map((i) => i.label).filter(Boolean)).toContain('&Ffeil');
    // Every label that is ours has its Welsh, and none is left the same as the English.
    const english = new Set(Object.values(SHELL_WORDS.en));
    const ours = items.filter((i) => i.label && !i.role).map((i) => i.label!.replace(/^&/, ''));
    expect(ours.filter((l) => english.has(l))).toEqual([]);
    expect(Object.keys(SHELL_WORDS.cy).sort()).toEqual(Object.keys(SHELL_WORDS.en).sort());
  });
});

describe('data location', () => {
  const dirs: string[] = [];
  async function temp(): Promise<string> {
    const d = await mkdtemp(path.join(os.tmpdir(), 'ev-shell-location-'));
    dirs.push(d);
    return d;
  }
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('the vault lives in userData/vault until the user chooses another, and the choice is kept', async () => {
    const userData = await temp();
    const store = createLocationStore(userData);
    expect(store.current()).toBe(defaultVaultDir(userData));
    expect(store.isDefault()).toBe(true);

    const external = path.join(await temp(), 'USB', 'Evidence');
    store.use(external);
    expect(store.current()).toBe(external);
    expect(store.isDefault()).toBe(false);
    // The file holds the folder and nothing else.
    expect(JSON.parse(await readFile(path.join(userData, LOCATION_FILE), 'utf8'))).toEqual({ vaultDir: external });
    // A new start remembers it.
    expect(createLocationStore(userData).current()).toBe(external);
  });

  it('the data folder is worked out as Electron does, for hosts without Electron', () => {
    const home = '/home/me';
    expect(userDataDirFor({ env: {}, platform: 'linux', home })).toBe(path.join(home, '.config', 'evidence-vault'));
    expect(userDataDirFor({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home })).toBe(
      path.join('/cfg', 'evidence-vault'),
    );
    expect(userDataDirFor({ env: {}, platform: 'darwin', home })).toBe(
      path.join(home, 'Library', 'Application Support', 'evidence-vault'),
    );
    expect(userDataDirFor({ env: { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, platform: 'win32', home })).toBe(
      path.join('C:\\Users\\me\\AppData\\Roaming', 'evidence-vault'),
    );
  });

  it('the vault in use: EVIDENCE_VAULT_DIR, else the remembered choice, else the default', async () => {
    const config = await temp();
    const env = { XDG_CONFIG_HOME: config };
    const userData = path.join(config, 'evidence-vault');
    expect(vaultDirInUse({ env, platform: 'linux' })).toBe(defaultVaultDir(userData));
    const external = path.join(await temp(), 'USB', 'Evidence');
    createLocationStore(userData).use(external);
    expect(vaultDirInUse({ env, platform: 'linux' })).toBe(external);
    expect(vaultDirInUse({ env: { ...env, EVIDENCE_VAULT_DIR: '/elsewhere' }, platform: 'linux' })).toBe('/elsewhere');
  });

  it('a damaged or relative saved location falls back to the default', async () => {
    const userData = await temp();
    await writeFile(path.join(userData, LOCATION_FILE), '{"vaultDir": "relative/path"}');
    expect(createLocationStore(userData).current()).toBe(defaultVaultDir(userData));
    await writeFile(path.join(userData, LOCATION_FILE), 'not json');
    expect(createLocationStore(userData).current()).toBe(defaultVaultDir(userData));
  });

  it('opens only folders that hold a vault; creates in empty folders or a new folder inside', async () => {
    const base = await temp();
    const vault = path.join(base, 'vault');
    await mkdir(vault);
    await writeFile(path.join(vault, 'vault.json'), '{}');
    const empty = path.join(base, 'empty');
    await mkdir(empty);
    const full = path.join(base, 'documents');
    await mkdir(full);
    await writeFile(path.join(full, 'letter.txt'), 'x');
    const file = path.join(base, 'file.txt');
    await writeFile(file, 'x');

    expect(classifyFolder(vault)).toBe('vault');
    expect(classifyFolder(empty)).toBe('empty');
    expect(classifyFolder(full)).toBe('other');
    expect(classifyFolder(file)).toBe('not-a-folder');
    expect(classifyFolder(path.join(base, 'nope'))).toBe('missing');

    expect(vaultDirForChoice(vault, 'open')).toEqual({ ok: true, dir: vault });
    expect(vaultDirForChoice(empty, 'open')).toEqual({
      ok: false,
      message: 'The folder “empty” does not hold an Evidence Vault.',
    });
    expect(vaultDirForChoice(empty, 'create')).toEqual({ ok: true, dir: empty });
    expect(vaultDirForChoice(vault, 'create')).toEqual({ ok: true, dir: vault });
    expect(vaultDirForChoice(full, 'create')).toEqual({ ok: true, dir: path.join(full, NEW_VAULT_FOLDER) });
    expect(vaultDirForChoice(file, 'create').ok).toBe(false);
    await mkdir(path.join(full, NEW_VAULT_FOLDER));
    await writeFile(path.join(full, NEW_VAULT_FOLDER, 'other.txt'), 'x');
    expect(vaultDirForChoice(full, 'create').ok).toBe(false);
  });
});
