// npm start: build, then open Evidence Vault in Electron.
//
// Where Electron's program cannot be obtained (it is downloaded from GitHub, not from the npm
// registry), say so plainly — what failed, and the ELECTRON_OVERRIDE_DIST_PATH and ELECTRON_MIRROR
// variables — and offer to open the same app (the same renderer, the same core, the same vault) in
// this computer's web browser instead, through the browser host (dist/host.cjs): a loopback
// address only, the browser opened (in a private window where it has one) with a one-time link
// that expires in seconds, the Origin checked on every request, stopped when the terminal closes.
// The host works out the vault folder itself (electron/service/location.ts), as the desktop app.
//
// Usage: npm start [-- --browser] [-- --no-build] [-- --no-download] [-- --no-open]
//   --browser      if Electron cannot be started, open the browser without asking
//   --no-build     do not build first (dist/ must be there)
//   --no-download  do not try to download Electron when it is missing
//   --no-open      print a one-time link instead of opening the browser
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const electronDir = path.join(root, 'node_modules', 'electron');

export function electronVersion() {
  try {
    return JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** The executable's path inside an Electron dist folder, as electron/install.js writes it to path.txt. */
export function executableInDist(platform = process.platform) {
  try {
    const fromPathTxt = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    if (fromPathTxt) return fromPathTxt;
  } catch {
    // not installed
  }
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Find Electron's executable. Returns { ok: true, executable } or { ok: false, failure } where
 * failure is a plain sentence saying what went wrong.
 */
export function findElectron({ env = process.env, download = true } = {}) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const exe = executableInDist();
  if (override) {
    const full = path.join(override, exe);
    if (existsSync(full)) return { ok: true, executable: full };
    return {
      ok: false,
      failure: `ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but there is no Electron program at ${full}.`,
    };
  }
  if (!existsSync(electronDir)) {
    return { ok: false, failure: 'The electron package is not installed (run npm ci).' };
  }
  const installed = path.join(electronDir, 'dist', exe);
  if (existsSync(installed)) return { ok: true, executable: installed };
  if (!download) {
    return { ok: false, failure: `Electron's program is not in ${path.join(electronDir, 'dist')}.` };
  }
  console.log(`Electron's program is missing; trying to download Electron ${electronVersion()}…`);
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const installedNow = path.join(electronDir, 'dist', executableInDist());
  if (r.status === 0 && existsSync(installedNow)) return { ok: true, executable: installedNow };
  const detail =
    r.error?.code === 'ETIMEDOUT'
      ? 'it timed out after 2 minutes'
      : firstErrorLine(`${r.stderr ?? ''}\n${r.stdout ?? ''}`) || `the installer exited with code ${r.status}`;
  const from = env.ELECTRON_MIRROR ? `from ${env.ELECTRON_MIRROR}` : 'from GitHub (github.com)';
  const why = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET/i.test(detail)
    ? `the download server could not be reached (${detail})`
    : detail;
  return { ok: false, failure: `Downloading Electron ${electronVersion()} ${from} failed: ${why}.` };
}

function firstErrorLine(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN|ETIMEDOUT|403|404/i.test(l)) ?? lines[0] ?? '';
  return line.replace(/\.$/, '').slice(0, 300);
}

/** The plain message shown when Electron cannot be started. */
export function fallbackMessage(failure) {
  return [
    '',
    'Evidence Vault could not open its desktop window.',
    '',
    `What failed: ${failure}`,
    '',
    "Electron's program is downloaded from GitHub when it is first needed, not from the npm registry.",
    'To use it anyway:',
    '  - If you already have Electron (for example unpacked from electron-v' +
      `${electronVersion()}-${process.platform}-${process.arch}.zip), point to its folder:`,
    '      ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder npm start',
    '  - Or download it from a mirror you can reach:',
    '      ELECTRON_MIRROR=https://your-mirror.example/electron/ npm start',
    '',
    "Or open the same app in this computer's web browser instead (the same vault; reachable from this",
    'computer only; it stops when you close this terminal):',
    '      npm start -- --browser',
    '',
  ].join('\n');
}

/**
 * The folder Electron runs in development: dist/electron/, holding copies of the built main
 * process, preload and renderer, a package.json, and better-sqlite3 rebuilt for Electron in its
 * own node_modules. better-sqlite3 in the project's node_modules is built for Node.js (tests, the
 * CLI, the browser host) and Electron has its own ABI; keeping Electron's copy here, where only
 * dist/electron/main.cjs finds it, lets both work. The rebuild (@electron/rebuild: a prebuilt
 * binary, or Electron's headers) needs the network once per Electron and better-sqlite3 version.
 * Packaged builds get theirs from electron-builder.
 */
export async function prepareElectronApp({ version = electronVersion(), log = console.log } = {}) {
  const dist = path.join(root, 'dist');
  const appDir = path.join(dist, 'electron');
  for (const f of ['main.cjs', 'preload.cjs', 'renderer/index.html']) {
    if (!existsSync(path.join(dist, f))) return { ok: false, failure: `dist/${f} is missing: run npm run build.` };
  }
  mkdirSync(appDir, { recursive: true });
  for (const f of [
    'main.cjs',
    'main.cjs.map',
    'preload.cjs',
    'preload.cjs.map',
    'vault-process.cjs',
    'vault-process.cjs.map',
  ]) {
    if (existsSync(path.join(dist, f))) cpSync(path.join(dist, f), path.join(appDir, f));
  }
  // The case pack's PDF fonts, where electron/core/pack/pdf.ts looks beside the bundle.
  cpSync(path.join(root, 'electron', 'core', 'pack', 'fonts'), path.join(appDir, 'pack-fonts'), { recursive: true });
  rmSync(path.join(appDir, 'renderer'), { recursive: true, force: true });
  cpSync(path.join(dist, 'renderer'), path.join(appDir, 'renderer'), { recursive: true });

  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')).version;
  writeFileSync(
    path.join(appDir, 'package.json'),
    JSON.stringify(
      {
        name: pkg.name,
        productName: 'Evidence Vault',
        version: pkg.version,
        private: true,
        main: 'main.cjs',
        dependencies: { 'better-sqlite3': sqliteVersion },
      },
      null,
      2,
    ) + '\n',
  );

  const target = path.join(appDir, 'node_modules', 'better-sqlite3');
  const marker = path.join(target, '.built-for-electron');
  const want = `electron ${version} ${process.platform}-${process.arch} better-sqlite3 ${sqliteVersion}`;
  try {
    if (readFileSync(marker, 'utf8') === want) return { ok: true, appDir };
  } catch {
    // not built yet
  }
  log(`Building better-sqlite3 ${sqliteVersion} for Electron ${version} (once)…`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true, filter: (src) => !src.startsWith(path.join(source, 'build')) });
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: appDir, electronVersion: version, onlyModules: ['better-sqlite3'], force: true });
  } catch (e) {
    rmSync(target, { recursive: true, force: true });
    const detail = firstErrorLine(e instanceof Error ? e.message : String(e)) || 'unknown error';
    return {
      ok: false,
      failure:
        `Building better-sqlite3 for Electron ${version} failed: ${detail}. ` +
        "(It needs a prebuilt binary from GitHub or Electron's headers from electronjs.org, once.)",
    };
  }
  if (!existsSync(path.join(target, 'build', 'Release', 'better_sqlite3.node'))) {
    rmSync(target, { recursive: true, force: true });
    return { ok: false, failure: `Building better-sqlite3 for Electron ${version} produced no native module.` };
  }
  writeFileSync(marker, want);
  return { ok: true, appDir };
}

async function askYesNo(question) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

function runBrowserFallback() {
  const host = path.join(root, 'dist', 'host.cjs');
  if (!existsSync(host)) {
    console.error('The browser version is not built (dist/host.cjs is missing). Run npm run build.');
    return 1;
  }
  // No --vault: the host opens the vault the desktop app would (electron/service/location.ts).
  const args = [host];
  if (!process.argv.includes('--no-open')) args.push('--open');
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  // The host stops itself when the terminal closes (stdin ends, SIGHUP) or on Ctrl-C; pass on
  // what this process receives so it never outlives us.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

async function main() {
  const argv = process.argv.slice(2);
  if (!argv.includes('--no-build')) {
    const b = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
    if (b.status !== 0) {
      console.error('The build failed; Evidence Vault was not started.');
      return b.status ?? 1;
    }
  }

  let found = findElectron({ download: !argv.includes('--no-download') });
  let appDir = root;
  if (found.ok) {
    const prepared = await prepareElectronApp();
    if (prepared.ok) appDir = prepared.appDir;
    else found = prepared;
  }
  if (found.ok) {
    const child = spawn(found.executable, [appDir], { stdio: 'inherit', cwd: root });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
    return new Promise((resolve) => {
      child.on('error', (e) => {
        console.error(fallbackMessage(`Electron at ${found.executable} could not be started: ${e.message}.`));
        resolve(1);
      });
      child.on('exit', (code) => resolve(code ?? 0));
    });
  }

  console.error(fallbackMessage(found.failure));
  let useBrowser = argv.includes('--browser');
  if (!useBrowser && process.stdin.isTTY && process.stdout.isTTY) {
    useBrowser = await askYesNo("Open Evidence Vault in this computer's web browser instead? [y/N] ");
  }
  if (!useBrowser) return 1;
  return runBrowserFallback();
}

const invokedDirectly = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
