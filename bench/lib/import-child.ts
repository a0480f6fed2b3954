/**
 * The importing process of bench/import.ts, run as its own child so its peak RSS is the import's.
 * bench/import.ts bundles this file with esbuild into CommonJS (as dist/cli.cjs is built) and runs it
 * with plain node.
 *
 * Usage: node import-child.cjs <vault-dir> <list-file> <warm-up-file>
 *   list-file: the paths to import, one a line. Creates a vault (cheap test KDF: unlock time is not
 *   what is measured), one incident, imports <warm-up-file> (starts the crypto worker), then times ONE
 *   Vault.importExhibits call over every listed path: blobs written and fsynced, the exhibit records and
 *   custody entries committed. Prints one JSON line: { seconds, cpuSeconds, bytes, files, maxRssKiB, hwmKiB }.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { vmHwmKiB } from './proc.js';
import { TEST_KDF, Vault } from '../../electron/core/index.js';

async function main(): Promise<void> {
  const [dir, listFile, warmFile] = process.argv.slice(2);
  if (!dir || !listFile || !warmFile) throw new Error('usage: import-child <vault-dir> <list-file> <warm-up-file>');
  const paths = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const { vault } = await Vault.create(dir, 'bench passphrase, not secret', { kdf: TEST_KDF });
  try {
    const incident = vault.createIncident({
      title: 'Benchmark',
      occurredAt: { date: '2024-05-01', time: '09:30', offset: '+01:00' },
    });
    await vault.importExhibits(incident.id, [warmFile]);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const exhibits = await vault.importExhibits(incident.id, paths);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0); // the whole process: main thread, crypto workers, thread pool
    const bytes = exhibits.reduce((a, e) => a + e.size, 0);
    process.stdout.write(
      `${JSON.stringify({
        seconds,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        bytes,
        files: exhibits.length,
        maxRssKiB: process.resourceUsage().maxRSS,
        hwmKiB: vmHwmKiB(),
      })}\n`,
    );
  } finally {
    vault.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`import-child: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
