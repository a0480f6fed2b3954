/**
 * The importing process of bench/extract.ts: one import of real evidence files, with or without reading
 * what they say (ImportOptions.extract), in its own process so the two runs do not share warm caches.
 * Bundled by bench/extract.ts with esbuild into CommonJS (as dist/cli.cjs is) and run with plain node.
 *
 * Usage: node extract-child.cjs <vault-dir> <list-file> <warm-up-list> <extract|plain>
 *   Creates a vault (cheap test KDF), one incident, imports the warm-up files (one of each kind) in the
 *   same mode (starts the crypto worker and, when extracting, loads the libraries once, as a running app
 *   has after its first import), then times ONE
 *   Vault.importExhibits call over every listed path. Prints one JSON line:
 *   { seconds, cpuSeconds, warmSeconds, files, extracted, problems }.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TEST_KDF, Vault } from '../../electron/core/index.js';

async function main(): Promise<void> {
  const [dir, listFile, warmList, mode] = process.argv.slice(2);
  if (!dir || !listFile || !warmList || (mode !== 'extract' && mode !== 'plain')) {
    throw new Error('usage: extract-child <vault-dir> <list-file> <warm-up-list> <extract|plain>');
  }
  const extract = mode === 'extract';
  const lines = (f: string): string[] => readFileSync(f, 'utf8').split('\n').filter(Boolean);
  const paths = lines(listFile);
  const { vault } = await Vault.create(dir, 'bench passphrase, not secret', { kdf: TEST_KDF });
  try {
    const incident = vault.createIncident({ title: 'Benchmark', occurredAt: { date: '2024-05-01' } });
    const w0 = performance.now();
    await vault.importExhibits(incident.id, lines(warmList), { extract });
    const warmSeconds = (performance.now() - w0) / 1000;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const exhibits = await vault.importExhibits(incident.id, paths, { extract });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    process.stdout.write(
      `${JSON.stringify({
        seconds,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        warmSeconds,
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
