/**
 * The desktop app's scripts, run as the user runs them: `npm start` where Electron's program cannot
 * be obtained (the plain message, the browser fallback, the question on a terminal), the offline
 * electronegativity run, the electron-builder config check and the fuses hook.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ev-shell-scripts-'));
  // `npm test` builds first; a lone run of this file builds what it needs.
  const needed = ['dist/main.cjs', 'dist/preload.cjs', 'dist/host.cjs', 'dist/renderer/index.html'];
  if (!needed.every((f) => existsSync(path.join(root, f)))) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
  }
}, 180_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** GET as a browser's address bar would (no Origin, no fetch metadata). */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
}

describe('npm start without an Electron program', () => {
  it('says plainly what failed and how to get Electron, offers the browser, and starts nothing', () => {
    const nowhere = path.join(tmp, 'no-electron-here');
    const started = Date.now();
    const r = run(['scripts/start.mjs', '--no-build'], {
      ELECTRON_OVERRIDE_DIST_PATH: nowhere,
      XDG_CONFIG_HOME: path.join(tmp, 'config-1'),
    });
    expect(r.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.stderr).toContain('Evidence Vault could not open its desktop window.');
    expect(r.stderr).toContain(
      `What failed: ELECTRON_OVERRIDE_DIST_PATH is set to ${nowhere}, but there is no Electron program at ${path.join(nowhere, 'electron')}.`,
    );
    expect(r.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder npm start');
    expect(r.stderr).toContain('ELECTRON_MIRROR=');
    expect(r.stderr).toContain('npm start -- --browser');
    // Not a terminal and no --browser: no question, no server.
    expect(r.stdout).not.toContain('http://127.0.0.1');
    expect(r.stdout).not.toContain('[y/N]');
  });

  it('--browser opens the same app on a loopback address with a one-time link, for the vault the desktop app would use, and stops when the terminal closes', async () => {
    const config = path.join(tmp, 'config-2');
    const chosenVault = path.join(tmp, 'external-drive', 'vault');
    await mkdir(path.join(config, 'evidence-vault'), { recursive: true });
    await writeFile(
      path.join(config, 'evidence-vault', 'vault-location.json'),
      JSON.stringify({ vaultDir: chosenVault }),
    );
    const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--browser', '--no-open'], {
      cwd: root,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(tmp, 'none'), XDG_CONFIG_HOME: config },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const deadline = Date.now() + 30_000;
    const link = /http:\/\/127\.\d+\.\d+\.\d+:\d+\/\?ticket=\S+/;
    while (!link.test(out) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = link.exec(out)?.[0];
    expect(url, `no address printed:\n${out}\n${err}`).toBeDefined();
    expect(err).toContain('Evidence Vault could not open its desktop window.');
    expect(out).toContain(`Vault folder: ${chosenVault}`);

    const origin = new URL(url!).origin;
    // The one-time ticket is exchanged for the cookie (a redirect to the app), once.
    expect(await statusOf(url!)).toBe(303);
    expect(await statusOf(url!)).toBe(403);
    expect(await statusOf(`${origin}/`)).toBe(403);

    // The terminal closes: stdin ends. The host locks and stops; so does npm start.
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(err).toContain('the vault is locked');
    await expect(statusOf(`${origin}/`)).rejects.toThrow();
  });

  it.skipIf(!existsSync('/usr/bin/script'))('asks y/N on a terminal; the answer "no" starts nothing', () => {
    // util-linux `script` gives the command a pseudo-terminal.
    const r = spawnSync('/usr/bin/script', ['-qec', `${process.execPath} scripts/start.mjs --no-build`, '/dev/null'], {
      cwd: root,
      encoding: 'utf8',
      input: 'n\n',
      env: {
        ...process.env,
        ELECTRON_OVERRIDE_DIST_PATH: path.join(tmp, 'none'),
        XDG_CONFIG_HOME: path.join(tmp, 'config-3'),
      },
      timeout: 60_000,
    });
    expect(r.stdout).toContain("Open Evidence Vault in this computer's web browser instead? [y/N]");
    expect(r.stdout).not.toContain('http://127.0.0.1');
    expect(r.status).toBe(1);
  });
});

describe('the app folder npm start gives Electron', () => {
  it('stages the built app in dist/electron with its own package.json, reusing a better-sqlite3 already built for this Electron', async () => {
    const { prepareElectronApp, electronVersion } = await import('../../scripts/start.mjs');
    const appDir = path.join(root, 'dist', 'electron');
    const target = path.join(appDir, 'node_modules', 'better-sqlite3');
    const sqlite = JSON.parse(await readFile(path.join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')) as {
      version: string;
    };
    // As if an earlier `npm start` had rebuilt it for this Electron (the rebuild itself needs the network).
    await mkdir(target, { recursive: true });
    await writeFile(
      path.join(target, '.built-for-electron'),
      `electron ${electronVersion()} ${process.platform}-${process.arch} better-sqlite3 ${sqlite.version}`,
    );
    try {
      const logged: string[] = [];
      const r = await prepareElectronApp({ log: (m) => logged.push(m) });
      expect(r).toEqual({ ok: true, appDir });
      expect(logged).toEqual([]); // no rebuild
      for (const f of ['main.cjs', 'preload.cjs', 'renderer/index.html', 'pack-fonts/DejaVuSans.ttf']) {
        expect(existsSync(path.join(appDir, f)), f).toBe(true);
      }
      const pkg = JSON.parse(await readFile(path.join(appDir, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(pkg).toMatchObject({ main: 'main.cjs', dependencies: { 'better-sqlite3': sqlite.version } });
      // The CLI and the browser host in dist/ still find the Node.js build (nothing in dist/node_modules).
      expect(existsSync(path.join(root, 'dist', 'node_modules'))).toBe(false);

      // The staged bundle loads: every require resolves from dist/electron (Electron stood in by a
      // plain object, since its program cannot run here), and its first steps run in order.
      const standIn = path.join(tmp, 'electron-stand-in.cjs');
      await writeFile(
        standIn,
        `const Module = require('node:module');
const { EventEmitter } = require('node:events');
const steps = [];
const app = Object.assign(new EventEmitter(), {
  isPackaged: false, enableSandbox: () => steps.push('enableSandbox'), setName: () => {},
  setPath: (k) => steps.push('setPath ' + k), getPath: (k) => ${JSON.stringify(tmp)} + '/' + k,
  requestSingleInstanceLock: () => (steps.push('singleInstanceLock'), true), whenReady: () => new Promise(() => {}),
  quit: () => {}, commandLine: { hasSwitch: () => false },
});
const electron = { app, protocol: { registerSchemesAsPrivileged: (s) => steps.push('privileged ' + s[0].scheme) },
  BrowserWindow: class {}, dialog: {}, ipcMain: { handle() {} }, Menu: {}, powerMonitor: new EventEmitter(), session: {} };
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };
process.on('exit', () => console.log(JSON.stringify(steps)));
`,
      );
      const smoke = spawnSync(process.execPath, ['-r', standIn, path.join(appDir, 'main.cjs')], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(smoke.stderr).toBe('');
      expect(JSON.parse(smoke.stdout.trim().split('\n').at(-1)!)).toEqual([
        'privileged app',
        'enableSandbox',
        'setPath userData',
        'singleInstanceLock',
      ]);
    } finally {
      // Never leave a fake "built" copy behind.
      await rm(path.join(appDir, 'node_modules'), { recursive: true, force: true });
    }
  });
});

describe('electronegativity (npm run lint:electron)', () => {
  it('finds no HIGH or MEDIUM issue in the built main process, preload and page, and never uses the network', () => {
    const r = run(['scripts/electronegativity.mjs', '--json']);
    const report = JSON.parse(r.stdout.slice(0, r.stdout.lastIndexOf('}') + 1)) as {
      findings: { id: string; severity: string }[];
      failing: unknown[];
      parseErrors: unknown[];
      networkAttempts: string[];
    };
    expect(report.failing).toEqual([]);
    expect(report.parseErrors).toEqual([]);
    expect(report.networkAttempts).toEqual([]);
    expect(r.status).toBe(0);
    // The checks saw our guards: no "missing" navigation or permission findings.
    const ids = report.findings.map((f) => f.id);
    expect(ids).not.toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(ids).not.toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
  });

  it('does fail an insecure window (the scan is real)', async () => {
    const dir = path.join(tmp, 'insecure');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'main.js'),
      `const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => {
  const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
  w.loadURL('http://example.com/');
});
`,
    );
    await writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'x', devDependencies: { electron: '45.4.1' } }),
    );
    const config = path.join(dir, 'electronegativity.json');
    const ours = JSON.parse(await readFile(path.join(root, 'build/electronegativity.json'), 'utf8')) as object;
    await writeFile(
      config,
      JSON.stringify({
        ...ours,
        base: 'config',
        scan: [
          { from: 'main.js', as: 'main.js' },
          { from: 'package.json', as: 'package.json' },
        ],
      }),
    );
    const r = run(['scripts/electronegativity.mjs', '--json', '--config', config]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout.slice(0, r.stdout.lastIndexOf('}') + 1)) as {
      failing: { id: string }[];
      networkAttempts: string[];
    };
    const failing = report.failing.map((f) => f.id);
    expect(failing).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(failing).toContain('SANDBOX_JS_CHECK');
    expect(failing).toContain('WEB_SECURITY_JS_CHECK');
    expect(failing).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(report.networkAttempts).toEqual([]);
  });
});

describe('electron-builder config (npm run check:builder)', () => {
  it('is valid and has what the installers need', () => {
    const r = run(['scripts/check-builder-config.mjs']);
    expect(r.stdout).not.toContain('FAIL');
    expect(r.stdout).toContain('valid against electron-builder');
    expect(r.status).toBe(0);
  });

  it('fails on an option electron-builder does not know, and on a missing target or unpack rule', async () => {
    const ours = await readFile(path.join(root, 'build/electron-builder.yml'), 'utf8');
    const unknown = path.join(tmp, 'unknown-option.yml');
    await writeFile(unknown, `${ours}\nautoUpdateFromTheInternet: true\n`);
    const a = run(['scripts/check-builder-config.mjs', '--config', unknown]);
    expect(a.status).toBe(1);
    expect(a.stdout).toContain("FAIL  not valid against electron-builder's schema");

    const weakened = path.join(tmp, 'weakened.yml');
    await writeFile(
      weakened,
      ours.replace("  - '**/node_modules/better-sqlite3/**/*'\n", '').replace('    - dmg', '    - zip'),
    );
    const b = run(['scripts/check-builder-config.mjs', '--config', weakened]);
    expect(b.status).toBe(1);
    expect(b.stdout).toContain('FAIL  asarUnpack includes better-sqlite3');
    expect(b.stdout).toContain('FAIL  macOS target is dmg');
  });

  it('the afterPack hook flips the fuses in the packaged program', async () => {
    const hook = require(path.join(root, 'build/after-pack.cjs')) as ((ctx: unknown) => Promise<void>) & {
      FUSES: Record<number, boolean>;
    };
    const { SENTINEL, FuseState } = require('@electron/fuses/dist/constants.js') as {
      SENTINEL: string;
      FuseState: Record<string, number>;
    };
    const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as {
      getCurrentFuseWire: (p: string) => Promise<Record<number, number>>;
      FuseV1Options: Record<string, number>;
    };
    const appOutDir = path.join(tmp, 'linux-unpacked');
    await mkdir(appOutDir, { recursive: true });
    // Electron's fuse wire as shipped: RunAsNode on, cookie encryption off, NODE_OPTIONS on, ...
    const wire = Buffer.from([1, 8, 49, 48, 49, 49, 48, 48, 48, 49]);
    await writeFile(
      path.join(appOutDir, 'evidence-vault'),
      Buffer.concat([Buffer.alloc(32), Buffer.from(SENTINEL), wire]),
    );
    await hook({
      electronPlatformName: 'linux',
      arch: 1,
      appOutDir,
      packager: { appInfo: { productFilename: 'Evidence Vault' }, executableName: 'evidence-vault' },
    });
    const fuses = await getCurrentFuseWire(path.join(appOutDir, 'evidence-vault'));
    expect(fuses[FuseV1Options.RunAsNode!]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable!]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments!]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar!]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption!]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges!]).toBe(FuseState.DISABLE);
  });
});
