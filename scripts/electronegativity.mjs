// Electronegativity over the built Electron code, offline (npm run lint:electron).
//
// Why a script and not the CLI: the CLI fetches translations from S3 and Electron's release list
// from GitHub on every run, and scans only *.js/*.html (our bundles are *.cjs). This script:
//   - copies dist/main.cjs, dist/preload.cjs, dist/renderer/index.html and package.json into a
//     temporary folder under the names Electronegativity scans (build/electronegativity.json),
//   - sets up its English messages locally and runs its runner with `-e <electron version>`,
//   - forbids any network use while it runs (DNS or socket use fails the run),
//   - prints every finding and fails on any HIGH or MEDIUM one.
// Usage: node scripts/electronegativity.mjs [--json] [--config other.json]
import Module, { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import dns from 'node:dns';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const configArg = process.argv.indexOf('--config');
const configPath =
  configArg > 0 ? path.resolve(process.argv[configArg + 1]) : path.join(root, 'build/electronegativity.json');
const config = JSON.parse(readFileSync(configPath, 'utf8'));
// Paths in the config are relative to the project, or to the config's folder with "base": "config".
const base = config.base === 'config' ? path.dirname(configPath) : root;

// --- no network, ever -------------------------------------------------------------------------
const networkAttempts = [];
function refuse(what) {
  return function () {
    networkAttempts.push(what);
    throw new Error(`electronegativity tried to use the network (${what}); this run is offline`);
  };
}
net.Socket.prototype.connect = refuse('socket connect');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
dns.promises.lookup = refuse('dns.promises.lookup');

// --- what to scan -----------------------------------------------------------------------------
const scanDir = mkdtempSync(path.join(tmpdir(), 'evidence-vault-electronegativity-'));
try {
  for (const { from, as } of config.scan) {
    const src = path.join(base, from);
    if (!existsSync(src)) {
      console.error(`lint:electron: ${from} is missing. Run \`npm run build\` first.`);
      process.exit(2);
    }
    copyFileSync(src, path.join(scanDir, as));
  }

  // --- run ------------------------------------------------------------------------------------
  const require = createRequire(import.meta.url);
  const enRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  // Its message loader fetches translations from S3 before every run: replace it with the same
  // set-up, from the English messages it ships, and no fetch.
  const i18n = enRequire('i18n');
  const setUpMessages = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(enRequire.resolve('./dist/locales/i18n.js')),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  const loaderPath = enRequire.resolve('./dist/locales/i18n.js');
  const loader = new Module(loaderPath);
  loader.filename = loaderPath;
  loader.loaded = true;
  loader.exports = setUpMessages;
  require.cache[loaderPath] = loader;
  await setUpMessages();
  const runner = enRequire('./dist/runner.js');
  const run = runner.default ?? runner;

  const excluded = config.exclude.map((e) => e.check.toLowerCase());
  const result = await run(
    {
      input: scanDir,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: excluded,
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: config.electronVersion,
      parserPlugins: [],
    },
    false,
  );

  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file,
    line: i.location?.line ?? 0,
    manualReview: Boolean(i.manualReview),
    description: i.description,
  }));
  const failing = findings.filter((f) => config.failOn.includes(f.severity));
  const parseErrors = result.errors.filter((e) => !e.tolerable);

  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ findings, failing, parseErrors, networkAttempts }, null, 2));
  } else {
    console.log(
      `electronegativity ${enRequire('./package.json').version}, Electron ${config.electronVersion}: ` +
        `${result.atomicChecks} atomic and ${result.globalChecks} global checks over ${config.scan.map((s) => s.as).join(', ')}`,
    );
    for (const e of config.exclude) console.log(`  excluded ${e.check}: ${e.reason}`);
    for (const f of findings) {
      console.log(
        `  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id} ${f.file}:${f.line}${f.manualReview ? ' (review)' : ''}`,
      );
    }
  }
  if (parseErrors.length > 0) {
    for (const e of parseErrors) console.error(`lint:electron: could not parse ${e.file}: ${e.message}`);
    process.exitCode = 1;
  }
  if (networkAttempts.length > 0) {
    console.error(`lint:electron: network use was attempted (${networkAttempts.join(', ')})`);
    process.exitCode = 1;
  }
  if (failing.length > 0) {
    console.error(`lint:electron: ${failing.length} HIGH or MEDIUM finding(s)`);
    process.exitCode = 1;
  } else if (!process.exitCode) {
    console.log('lint:electron: no HIGH or MEDIUM finding');
  }
} finally {
  rmSync(scanDir, { recursive: true, force: true });
}
