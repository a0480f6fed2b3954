/**
 * The importing process of bench/extract.ts, shaped like the CLI's `attach`: a fresh process that opens an
 * existing vault, imports every listed file into one incident with or without reading what they say
 * (ImportOptions.extract), closes the vault and exits. bench/extract.ts times it from spawn to exit (the
 * whole process a user waits for: node's start, the bundle's load, the vault's opening, any library
 * extraction loads, the import, the close). With extraction, the extraction thread is started and the files
 * read ahead before the core is loaded and the vault opened, as the CLI does. Bundled by bench/extract.ts with esbuild into CommonJS (as
 * dist/cli.cjs is) and run with plain node.
 *
 * Usage:
 *   node extract-child.cjs setup <vault-dir> <user|test>  creates the vault and one incident; prints its id.
 *     user: at the Argon2id cost every host writes (DEFAULT_KDF), as a user's vault is; test: at the
 *     test suites' cheapest cost (TEST_KDF), so that the unlock costs next to nothing.
 *   node extract-child.cjs attach <vault-dir> <incident> <list-file> <extract|plain>
 *     prints one JSON line: { importSeconds, files, extracted, problems }
 *   node extract-child.cjs app <vault-dir> <incident> <list-file> <extract|plain>
 *     as the app: the vault is opened first, then, a moment later (the user choosing the files), the
 *     import, reading what the files say after it returns (extract 'after', as the app's service asks);
 *     the same JSON line, where importSeconds is what the app's user waits for, and readSeconds how long
 *     from the import's start until what the files say was written (0 without extraction).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
// As the CLI does (electron/cli/files.ts prepareToRead): only the extraction modules are loaded before the
// thread starts and the files are read ahead; the core is loaded after (a dynamic import), beside that work.
import { readAheadForExtraction } from '../../electron/core/exhibits/extract/index.js';

const PASSPHRASE = 'bench passphrase, not secret';
const APP_PAUSE_MS = 1500;

async function main(): Promise<void> {
  const [command, dir, incidentId, listFile, mode] = process.argv.slice(2);
  // setup's third argument is the vault's cost, not an incident.
  const cost = command === 'setup' ? incidentId : undefined;
  if (command === 'setup' && dir && (cost === 'user' || cost === 'test')) {
    const { DEFAULT_KDF, TEST_KDF, Vault } = await import('../../electron/core/index.js');
    const { vault } = await Vault.create(dir, PASSPHRASE, { kdf: cost === 'user' ? DEFAULT_KDF : TEST_KDF });
    try {
      process.stdout.write(`${vault.createIncident({ title: 'Benchmark', occurredAt: { date: '2024-05-01' } }).id}\n`);
    } finally {
      vault.close();
    }
    return;
  }
  const app = command === 'app';
  if ((command !== 'attach' && !app) || !dir || !incidentId || !listFile || (mode !== 'extract' && mode !== 'plain')) {
    throw new Error(
      'usage: extract-child setup <vault-dir> <user|test> | attach|app <vault-dir> <incident> <list-file> <extract|plain>',
    );
  }
  const paths = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  // As the CLI's attach does (electron/cli/files.ts prepareToRead): the extraction thread starts, and the
  // files are read ahead, before the core is loaded and the vault unlocked.
  if (mode === 'extract' && !app) readAheadForExtraction(paths);
  const { Vault } = await import('../../electron/core/index.js');
  const vault = await Vault.open(dir, { passphrase: PASSPHRASE });
  try {
    // The app's user unlocks, looks at the timeline, then chooses the files: a second or so.
    if (app) await new Promise((resolve) => setTimeout(resolve, APP_PAUSE_MS));
    const t0 = performance.now();
    const extract = mode === 'plain' ? false : app ? ('after' as const) : true;
    const imported = await vault.importExhibits(incidentId, paths, { extract });
    const importSeconds = (performance.now() - t0) / 1000;
    await vault.whenRead();
    const readSeconds = extract === 'after' ? (performance.now() - t0) / 1000 : 0;
    const ids = new Set(imported.map((e) => e.id));
    const exhibits = vault.getIncident(incidentId).exhibits.filter((e) => ids.has(e.id));
    if (exhibits.some((e) => e.extractPending)) throw new Error('some exhibits were never read');
    process.stdout.write(
      `${JSON.stringify({
        importSeconds,
        readSeconds,
        files: exhibits.length,
        extracted: exhibits.filter((e) => e.extracted && !e.extracted.problems).length,
        problems: exhibits.filter((e) => e.extracted?.problems).length,
      })}\n`,
    );
  } finally {
    vault.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`extract-child: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
