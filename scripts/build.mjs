// Builds main, preload and CLI with esbuild (CommonJS, for Electron and plain Node) and the
// renderer with Vite. Usage: node scripts/build.mjs [--no-renderer]
import { build } from 'esbuild';
import { readFileSync, mkdirSync, chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { blobWorkerDefine } from './blob-worker.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];
mkdirSync(path.join(root, 'dist'), { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
  absWorkingDir: root,
  // import.meta.url is used by the core to find its siblings; give CJS bundles a real one. The blob
  // crypto worker goes inside each bundle as text (see electron/core/exhibits/blobs/worker-code.ts).
  define: { 'import.meta.url': 'importMetaUrl', ...(await blobWorkerDefine(root)) },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/desktop/main.ts'], outfile: 'dist/main.cjs' }),
  // A sandboxed preload may require only 'electron' (and a few built-ins): bundle everything else.
  build({
    ...common,
    entryPoints: ['electron/desktop/preload.ts'],
    outfile: 'dist/preload.cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/cli/bin.ts'],
    outfile: 'dist/cli.cjs',
    banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
  }),
  // The vault process: the unlocked core in a child of the browser host and the desktop app, ended
  // on every lock (electron/service/isolated.ts finds it beside the bundle that starts it).
  build({ ...common, entryPoints: ['electron/service/vault-process.ts'], outfile: 'dist/vault-process.cjs' }),
  // The browser host (electron/host/): `node dist/host.cjs`, and window.vault for it.
  build({
    ...common,
    entryPoints: ['electron/host/cli.ts'],
    outfile: 'dist/host.cjs',
    banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
  }),
  build({
    entryPoints: ['electron/host/bridge.ts'],
    outfile: 'dist/host-bridge.js',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
    absWorkingDir: root,
  }),
]);
chmodSync(path.join(root, 'dist/cli.cjs'), 0o755);

if (!process.argv.includes('--no-renderer')) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
console.log('built dist/');
