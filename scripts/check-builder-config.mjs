// Checks the electron-builder configuration without downloading anything (npm run check:builder).
//
//  1. Loads build/electron-builder.yml the way electron-builder does (app-builder-lib's getConfig)
//     and validates it against electron-builder's own JSON schema (validateConfiguration).
//  2. Asserts what the desktop app needs: app id, product name, Linux AppImage + deb, Windows nsis,
//     macOS dmg, icons made from build/icon.svg, asar with better-sqlite3 unpacked, better-sqlite3
//     rebuilt for Electron, the afterPack hook that flips the fuses, Electron's version.
//  3. With --pack: packages the app for Linux as a folder (`--linux dir`) against a stand-in
//     Electron program (a file with Electron's fuse wire, since the real one cannot be downloaded
//     here) and checks the result: what is inside app.asar, what is unpacked, and that the
//     afterPack hook flipped the fuses. npmRebuild is off for this run only (it would download
//     Electron's headers).
// Usage: node scripts/check-builder-config.mjs [--pack] [--config path]
import { createRequire } from 'node:module';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const configArg = argv.indexOf('--config');
const configFile = configArg >= 0 ? path.resolve(argv[configArg + 1]) : path.join(root, 'build/electron-builder.yml');

const problems = [];
const passed = [];
function check(ok, what) {
  if (ok) passed.push(what);
  else problems.push(what);
  return ok;
}

// electron-builder logs through builder-util; keep its chatter to errors.
process.env.DEBUG ??= '';
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');

const config = await getConfig(root, configFile, null);
try {
  await validateConfiguration(config, { isEnabled: false, add() {} });
  passed.push("valid against electron-builder's schema");
} catch (e) {
  problems.push(`not valid against electron-builder's schema: ${e.message.split('\n')[0]}`);
}

const targets = (platformConfig) =>
  (platformConfig?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target)).map((t) => t.toLowerCase());
const asArray = (v) => (Array.isArray(v) ? v : v == null ? [] : [v]);

check(config.appId === 'org.evidencevault.desktop', `app id is org.evidencevault.desktop (got ${config.appId})`);
check(config.productName === 'Evidence Vault', `product name is "Evidence Vault" (got ${config.productName})`);
check(
  ['appimage', 'deb'].every((t) => targets(config.linux).includes(t)),
  `Linux targets include AppImage and deb (got ${targets(config.linux).join(', ')})`,
);
check(targets(config.win).includes('nsis'), `Windows target is nsis (got ${targets(config.win).join(', ')})`);
check(targets(config.mac).includes('dmg'), `macOS target is dmg (got ${targets(config.mac).join(', ')})`);

// Icons: one SVG source and what is made from it.
const electronPkg = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'));
check(
  config.electronVersion === electronPkg.version,
  `electronVersion ${config.electronVersion} is the installed electron ${electronPkg.version}`,
);
function pngSize(file) {
  const b = readFileSync(file);
  if (b.readUInt32BE(0) !== 0x89504e47) return null;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}
const buildDir = path.join(root, config.directories?.buildResources ?? 'build');
check(existsSync(path.join(buildDir, 'icon.svg')), 'build/icon.svg (the icon source) exists');
const linuxIcons = path.join(root, config.linux?.icon ?? '');
if (
  check(existsSync(linuxIcons) && statSync(linuxIcons).isDirectory(), `Linux icon folder ${config.linux?.icon} exists`)
) {
  for (const size of [16, 32, 48, 128, 256, 512]) {
    const f = path.join(linuxIcons, `${size}x${size}.png`);
    const got = existsSync(f) ? pngSize(f) : null;
    check(got && got[0] === size && got[1] === size, `Linux icon ${size}x${size}.png is a ${size}×${size} PNG`);
  }
}
const png = path.join(buildDir, 'icon.png');
const pngDims = existsSync(png) ? pngSize(png) : null;
check(pngDims && pngDims[0] >= 512 && pngDims[0] === pngDims[1], 'build/icon.png is a square PNG of 512 px or more');
const ico = path.join(root, config.win?.icon ?? 'missing');
if (check(existsSync(ico), `Windows icon ${config.win?.icon} exists`)) {
  const b = readFileSync(ico);
  const count = b.readUInt16LE(4);
  const sizes = Array.from({ length: count }, (_, i) => b[6 + i * 16] || 256);
  check(
    b.readUInt16LE(0) === 0 && b.readUInt16LE(2) === 1 && sizes.includes(256) && sizes.includes(16),
    `the ICO holds 16 to 256 px (${sizes.join(', ')})`,
  );
}
const icns = path.join(root, config.mac?.icon ?? 'missing');
if (check(existsSync(icns), `macOS icon ${config.mac?.icon} exists`)) {
  const b = readFileSync(icns);
  check(b.toString('latin1', 0, 4) === 'icns' && b.readUInt32BE(4) === b.length, 'the ICNS file is well formed');
}

// asar, native modules, rebuild.
check(config.asar !== false, 'asar is on');
const unpack = asArray(config.asarUnpack);
check(
  unpack.some((p) => p.includes('better-sqlite3')),
  `asarUnpack includes better-sqlite3 (${unpack.join(', ')})`,
);
check(
  unpack.some((p) => p.includes('.node')),
  'asarUnpack includes native .node files',
);
check(config.npmRebuild !== false, 'npmRebuild is on (better-sqlite3 rebuilt for Electron)');
check(config.buildDependenciesFromSource !== true, 'prebuilt native binaries may be used');

// Files: the built app, nothing else of ours.
const files = asArray(config.files).flatMap((f) => (typeof f === 'string' ? [f] : asArray(f.filter)));
for (const needed of ['dist/main.cjs', 'dist/preload.cjs', 'dist/vault-process.cjs', 'package.json']) {
  check(files.includes(needed), `files include ${needed}`);
}
check(
  files.some((f) => f.startsWith('dist/renderer')),
  'files include the built renderer',
);
check(files.includes('!**/*.map'), 'source maps are left out');
const extra = asArray(config.extraResources).map((r) => (typeof r === 'string' ? { from: r, to: r } : r));
const fonts = extra.find((r) => r.to === 'pack-fonts');
check(
  fonts !== undefined && existsSync(path.join(root, fonts.from, 'DejaVuSans.ttf')),
  "the case pack's PDF fonts go to resources/pack-fonts",
);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
check(pkg.main === 'dist/main.cjs', `package.json main is dist/main.cjs (got ${pkg.main})`);

// Fuses hook.
const hookPath = typeof config.afterPack === 'string' ? path.resolve(root, config.afterPack) : null;
if (check(hookPath !== null && existsSync(hookPath), `afterPack hook ${config.afterPack} exists`)) {
  const hook = require(hookPath);
  const { FuseV1Options } = require('@electron/fuses');
  check(typeof hook === 'function' || typeof hook.default === 'function', 'the afterPack hook exports a function');
  const F = hook.FUSES ?? {};
  check(F[FuseV1Options.RunAsNode] === false, 'fuse RunAsNode is off');
  check(F[FuseV1Options.EnableNodeOptionsEnvironmentVariable] === false, 'fuse NODE_OPTIONS is off');
  check(F[FuseV1Options.EnableNodeCliInspectArguments] === false, 'fuse --inspect is off');
  check(F[FuseV1Options.OnlyLoadAppFromAsar] === true, 'fuse OnlyLoadAppFromAsar is on');
  check(
    F[FuseV1Options.EnableEmbeddedAsarIntegrityValidation] === true,
    'fuse EnableEmbeddedAsarIntegrityValidation is on',
  );
  check(F[FuseV1Options.EnableCookieEncryption] === true, 'fuse cookie encryption is on');
}
check(!config.electronFuses, 'fuses are set in one place (the afterPack hook, not electronFuses too)');

if (argv.includes('--pack')) await packCheck();

for (const p of passed) console.log(`  ok    ${p}`);
for (const p of problems) console.log(`  FAIL  ${p}`);
if (problems.length > 0) {
  console.error(`check:builder: ${problems.length} problem(s) in ${path.relative(root, configFile)}`);
  process.exit(1);
}
console.log(`check:builder: ${path.relative(root, configFile)} is valid (${passed.length} checks)`);

/** Package for Linux as a folder against a stand-in Electron program; check what came out. */
async function packCheck() {
  for (const f of ['dist/main.cjs', 'dist/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, f))) {
      problems.push(`--pack needs the build (${f} is missing): run npm run build`);
      return;
    }
  }
  const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
  const { SENTINEL, FuseState } = require('@electron/fuses/dist/constants.js');
  const work = mkdtempSync(path.join(tmpdir(), 'evidence-vault-pack-'));
  try {
    // A stand-in Electron dist: an "electron" file carrying a fuse wire as Electron 45 ships it.
    const fakeDist = path.join(work, 'electron-dist');
    mkdirSync(path.join(fakeDist, 'resources'), { recursive: true });
    const wire = Buffer.from([1, 8, 49, 48, 49, 49, 48, 48, 48, 49]); // version 1, 8 fuses, Electron's defaults
    writeFileSync(
      path.join(fakeDist, 'electron'),
      Buffer.concat([Buffer.alloc(64, 0x7f), Buffer.from(SENTINEL), wire]),
      {
        mode: 0o755,
      },
    );
    writeFileSync(path.join(fakeDist, 'version'), electronPkg.version);
    writeFileSync(path.join(fakeDist, 'LICENSE'), 'stand-in');

    const builder = require('electron-builder');
    const out = path.join(work, 'out');
    await builder.build({
      projectDir: root,
      targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
      publish: 'never',
      config: {
        ...config,
        electronDist: fakeDist,
        npmRebuild: false,
        directories: { ...config.directories, output: out },
      },
    });
    const appDir = path.join(out, 'linux-unpacked');
    const asarFile = path.join(appDir, 'resources', 'app.asar');
    if (!check(existsSync(asarFile), 'packed: resources/app.asar exists')) return;
    const asar = require('@electron/asar');
    const listed = new Set(asar.listPackage(asarFile).map((p) => p.replace(/\\/g, '/')));
    for (const f of [
      '/package.json',
      '/dist/main.cjs',
      '/dist/preload.cjs',
      '/dist/vault-process.cjs',
      '/dist/renderer/index.html',
    ]) {
      check(listed.has(f), `packed: app.asar has ${f}`);
    }
    check(![...listed].some((f) => f.endsWith('.map')), 'packed: no source maps in app.asar');
    check(!listed.has('/dist/cli.cjs') && !listed.has('/dist/host.cjs'), 'packed: no CLI or browser host in app.asar');
    check(
      ![...listed].some((f) => f.startsWith('/electron/') || f.startsWith('/renderer/src')),
      'packed: no TypeScript sources',
    );
    check(
      listed.has('/node_modules/libsodium-wrappers-sumo/package.json'),
      'packed: production dependencies are in app.asar',
    );
    check(
      ![...listed].some((f) => f.startsWith('/node_modules/electron/')),
      'packed: electron itself is not a dependency',
    );
    const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    const nodeFiles = existsSync(unpacked) ? findFiles(unpacked, '.node') : [];
    check(
      nodeFiles.length > 0,
      `packed: better-sqlite3's native module is unpacked (${nodeFiles.length} .node file(s))`,
    );
    check(
      existsSync(path.join(appDir, 'resources', 'pack-fonts', 'DejaVuSans.ttf')),
      'packed: the PDF fonts are in resources/pack-fonts',
    );
    const exe = path.join(appDir, config.executableName ?? 'evidence-vault');
    if (check(existsSync(exe), `packed: the program is named ${path.basename(exe)}`)) {
      const fuses = await getCurrentFuseWire(exe);
      check(fuses[FuseV1Options.RunAsNode] === FuseState.DISABLE, 'packed: fuse RunAsNode is off');
      check(
        fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable] === FuseState.DISABLE,
        'packed: fuse NODE_OPTIONS is off',
      );
      check(fuses[FuseV1Options.OnlyLoadAppFromAsar] === FuseState.ENABLE, 'packed: fuse OnlyLoadAppFromAsar is on');
      check(
        fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation] === FuseState.ENABLE,
        'packed: fuse EnableEmbeddedAsarIntegrityValidation is on',
      );
      check(fuses[FuseV1Options.EnableCookieEncryption] === FuseState.ENABLE, 'packed: fuse cookie encryption is on');
    }
  } catch (e) {
    if (process.env.DEBUG_PACK) console.error(e);
    problems.push(`--pack: packaging failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function findFiles(dir, ext) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(p, ext));
    else if (entry.name.endsWith(ext)) found.push(p);
  }
  return found;
}
