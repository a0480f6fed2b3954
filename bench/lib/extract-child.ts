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
 *   node extract-child.cjs setup <vault-dir>                         creates the vault (cheap test KDF) and
 *                                                                    one incident; prints its id
 *   node extract-child.cjs attach <vault-dir> <incident> <list-file> <extract|plain>
 *     prints one JSON line: { importSeconds, files, extracted, problems }
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
// As the CLI does (electron/cli/files.ts prepareToRead): only the extraction modules are loaded before the
// thread starts and the files are read ahead; the core is loaded after (a dynamic import), beside that work.
import { readAheadForExtraction } from '../../electron/core/exhibits/extract/index.js';

const PASSPHRASE = 'bench passphrase, not secret';

async function main(): Promise<void> {
  const [command, dir, incidentId, listFile, mode] = process.argv.slice(2);
  if (command === 'setup' && dir) {
    const { TEST_KDF, Vault } = await import('../../electron/core/index.js');
    const { vault } = await Vault.create(dir, PASSPHRASE, { kdf: TEST_KDF });
    try {
      process.stdout.write(`${vault.createIncident({ title: 'Benchmark', occurredAt: { date: '2024-05-01' } }).id}\n`);
    } finally {
      vault.close();
    }
    return;
  }
  if (command !== 'attach' || !dir || !incidentId || !listFile || (mode !== 'extract' && mode !== 'plain')) {
    throw new Error(
      'usage: extract-child setup <vault-dir> | attach <vault-dir> <incident> <list-file> <extract|plain>',
    );
  }
  const paths = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  // As the CLI's attach does (electron/cli/files.ts prepareToRead): the extraction thread starts, and the
  // files are read ahead, before the core is loaded and the vault unlocked.
  if (mode === 'extract') readAheadForExtraction(paths);
  const { Vault } = await import('../../electron/core/index.js');
  const vault = await Vault.open(dir, { passphrase: PASSPHRASE });
  try {
    const t0 = performance.now();
    const exhibits = await vault.importExhibits(incidentId, paths, { extract: mode === 'extract' });
    const importSeconds = (performance.now() - t0) / 1000;
    process.stdout.write(
      `${JSON.stringify({
        importSeconds,
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
