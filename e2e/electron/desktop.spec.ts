/**
 * The desktop app itself, under Playwright's _electron: launch (hardened), create a vault, add an
 * incident with an exhibit through the native dialog, lock on inactivity / screen lock / quick exit,
 * export a case pack through the native save dialog, and open another vault from the menu.
 *
 * These need Electron's program, which is downloaded from GitHub, not from the npm registry. They
 * run where one exists (ELECTRON_OVERRIDE_DIST_PATH, or node_modules/electron/dist) and are skipped,
 * with one line saying why, where none does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { createVaultThroughUi, FIXTURES, NEW_PASSPHRASE, unlockThroughUi } from '../ui-helpers.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Electron's program, found the way `electron`'s own index.js finds it, or null. */
function electronProgram(): string | null {
  const pkg = path.join(root, 'node_modules', 'electron');
  let exe =
    process.platform === 'win32'
      ? 'electron.exe'
      : process.platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron';
  try {
    exe = readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim() || exe;
  } catch {
    // not installed by electron's install script
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override ? path.join(override, exe) : path.join(pkg, 'dist', exe);
  return existsSync(full) ? full : null;
}

const program = electronProgram();
const SKIP_REASON =
  'no Electron program here (it is downloaded from GitHub, not npm): set ELECTRON_OVERRIDE_DIST_PATH to run the Electron specs';
test.skip(program === null, SKIP_REASON);
// The list reporter does not print skip reasons: say it once, plainly.
if (program === null) console.log(`Electron specs skipped: ${SKIP_REASON}`);

let userData: string;
let appDir: string;

test.beforeAll(async () => {
  // The app as `npm start` runs it: dist/electron/, with better-sqlite3 rebuilt for Electron.
  const { prepareElectronApp } = await import('../../scripts/start.mjs');
  const prepared = await prepareElectronApp();
  if (!prepared.ok) throw new Error(prepared.failure);
  appDir = prepared.appDir;
});
let app: ElectronApplication;
let page: Page;

async function launch(env: Record<string, string> = {}): Promise<void> {
  app = await electron.launch({
    executablePath: program!,
    args: [appDir],
    cwd: root,
    env: {
      ...(process.env as Record<string, string>),
      EVIDENCE_VAULT_USER_DATA: userData,
      EVIDENCE_VAULT_TEST_KDF: '1',
      EVIDENCE_VAULT_TEST_RUN: '1', // the test-run marker: without it the switch is ignored
      ...env,
    },
    timeout: 60_000,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
}

/** Make the next native open/save dialog answer with these paths (the user's choice). */
async function answerOpenDialog(paths: string[]): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: chosen })) as typeof dialog.showOpenDialog;
  }, paths);
}
async function answerSaveDialog(filePath: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
  }, filePath);
}

/** post-1.png copied into `dir` (the fixtures are read-only); returns the copy's path. */
async function copyPng(dir: string): Promise<string> {
  const png = path.join(dir, 'post-1.png');
  await copyFile(path.join(FIXTURES, 'post-1.png'), png);
  return png;
}

/** Save an incident of 3 May 2024 through the Quick add form. */
async function quickAdd(description: string): Promise<void> {
  await page.getByRole('button', { name: 'Quick add' }).click();
  // The date field is day / month / year segments (components/DateTimeField.tsx).
  await page.getByRole('group', { name: 'Date', exact: true }).getByRole('spinbutton').first().click();
  await page.keyboard.type('03052024');
  await page.getByLabel('What happened').fill(description);
  await page.getByRole('button', { name: 'Save incident' }).click();
}

test.beforeEach(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'ev-electron-'));
});
test.afterEach(async () => {
  await app?.close().catch(() => undefined);
  await rm(userData, { recursive: true, force: true });
});

test('launches one hardened window on app:// with window.vault and no Node, network or navigation', async () => {
  await launch();
  expect(page.url()).toBe('app://evidence-vault/index.html');
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  // One window; its webPreferences come from secureWebPreferences (unit-tested in electron/desktop/).
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

  const inPage = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const csp = (await fetch('app://evidence-vault/index.html')).headers.get('content-security-policy');
    let remote = 'loaded';
    try {
      await fetch('https://example.com/');
    } catch {
      remote = 'blocked';
    }
    return {
      require: typeof w.require,
      process: typeof w.process,
      vault: Object.keys(window.vault ?? {}).sort(),
      csp,
      remote,
      popup: window.open('https://example.com/') === null,
    };
  });
  expect(inPage).toEqual({
    require: 'undefined',
    process: 'undefined',
    vault: ['grantForDroppedFile', 'invoke', 'on'],
    csp: expect.stringContaining("default-src 'none'"),
    remote: 'blocked',
    popup: true,
  });

  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://evidence-vault/index.html');
  expect(app.windows()).toHaveLength(1);

  // The vault lives in userData/vault.
  await createVaultThroughUi(page);
  expect(existsSync(path.join(userData, 'vault', 'vault.json'))).toBe(true);
});

test('create a vault, add an incident, attach an exhibit with the native dialog; exhibits read only while unlocked', async () => {
  const files = await mkdtemp(path.join(os.tmpdir(), 'ev-electron-files-'));
  try {
    const png = await copyPng(files);
    await launch();
    await createVaultThroughUi(page);

    await quickAdd('Poster of me defaced outside the office');
    await expect(
      page.getByRole('heading', { name: 'Poster of me defaced outside the office', level: 1 }),
    ).toBeVisible();

    await answerOpenDialog([png]);
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await expect(page.getByRole('heading', { name: 'Exhibits (1)' })).toBeVisible();
    await expect
      .poll(() =>
        page.getByRole('img', { name: 'Thumbnail of post-1.png' }).evaluate((i: HTMLImageElement) => i.naturalWidth),
      )
      .toBe(600);

    // The decrypted bytes reach the window only through exhibits.read (app:// serves no exhibit),
    // while unlocked, and nothing once locked.
    const served = await page.evaluate(async () => {
      const list = await window.vault!.invoke('incidents.list', {});
      if (!list.ok) throw new Error(list.error.message);
      const id = list.value[0]!.exhibits[0]!.id;
      const read = await window.vault!.invoke('exhibits.read', { id });
      const viaProtocol = (await fetch(`app://evidence-vault/exhibits/${id}`)).status;
      return { id, size: read.ok ? read.value.byteLength : -1, viaProtocol };
    });
    expect(served.size).toBe(readFileSync(png).length);
    expect(served.viaProtocol).toBe(404);

    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('lock')!.click());
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    const afterLock = await page.evaluate(
      async (id) => (await window.vault!.invoke('exhibits.read', { id })).ok,
      served.id,
    );
    expect(afterLock).toBe(false);
  } finally {
    await rm(files, { recursive: true, force: true });
  }
});

test('locks on inactivity, on screen lock and on quick exit (Escape twice), wiping the keys', async () => {
  await launch({ EVIDENCE_VAULT_AUTOLOCK_SECONDS: '3' });
  await createVaultThroughUi(page);

  // Inactivity (the main process's own timer, checked every 5 s).
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible({ timeout: 30_000 });
  const status = await page.evaluate(() => window.vault!.invoke('vault.status', {}));
  expect(status).toMatchObject({ ok: true, value: { state: 'locked' } });

  // Screen lock (powerMonitor).
  await unlockThroughUi(page, NEW_PASSPHRASE);
  await app.evaluate(({ powerMonitor }) => powerMonitor.emit('lock-screen'));
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();

  // Quick exit: hidden at once, and locked.
  await unlockThroughUi(page, NEW_PASSPHRASE);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible()))
    .toBe(false);
  expect(await page.evaluate(() => window.vault!.invoke('vault.status', {}))).toMatchObject({
    ok: true,
    value: { state: 'locked' },
  });
});

test('export a case pack through the menu and the native save dialog; it verifies with sha256sum', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'ev-electron-pack-'));
  const files = await mkdtemp(path.join(os.tmpdir(), 'ev-electron-files-'));
  try {
    const png = await copyPng(files);
    await launch();
    await createVaultThroughUi(page);
    await quickAdd('Threatening letter');
    await answerOpenDialog([png]);
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await expect(page.getByRole('heading', { name: 'Exhibits (1)' })).toBeVisible();

    // File → Export Case Pack… opens the case pack screen.
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('export')!.click());
    await expect(page.getByRole('heading', { name: 'Case pack', level: 1 })).toBeVisible();

    const target = path.join(out, 'case-pack-AB');
    await answerSaveDialog(target);
    const receipt = await page.evaluate(async () => {
      const dest = await window.vault!.invoke('pack.chooseDestination', {
        format: 'folder',
        suggestedName: 'case-pack-AB',
      });
      if (!dest.ok || !dest.value) throw new Error('no destination');
      const r = await window.vault!.invoke('pack.export', {
        jobId: '0123456789abcdef',
        options: { initials: 'AB', format: 'folder' },
        destination: { kind: 'grant', grantId: dest.value.grantId },
      });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
    expect(receipt).toMatchObject({ incidents: 1, exhibits: 1, format: 'folder' });
    expect(await readdir(target)).toEqual(
      expect.arrayContaining(['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt', 'data']),
    );
    const check = spawnSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: target, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  } finally {
    await rm(out, { recursive: true, force: true });
    await rm(files, { recursive: true, force: true });
  }
});

test('open another vault from the menu (an external drive, say) and come back to the usual one', async () => {
  const drive = await mkdtemp(path.join(os.tmpdir(), 'ev-electron-drive-'));
  try {
    await launch();
    await createVaultThroughUi(page);
    const empty = path.join(drive, 'Evidence');
    await mkdir(empty);
    await answerOpenDialog([empty]);
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('new-vault')!.click());
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await createVaultThroughUi(page);
    expect(existsSync(path.join(empty, 'vault.json'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(userData, 'vault-location.json'), 'utf8'))).toEqual({ vaultDir: empty });

    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('default-vault')!.click());
    await unlockThroughUi(page, NEW_PASSPHRASE);
  } finally {
    await rm(drive, { recursive: true, force: true });
  }
});
