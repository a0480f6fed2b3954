/**
 * The exporting process of bench/export.ts, run as its own child so its peak RSS is the export's.
 * Bundled with esbuild into CommonJS (as dist/cli.cjs is) and run with plain node.
 *
 * Usage: node export-child.cjs <vault-dir> <out> <format|email|drain>   (a format of PACK_FORMATS; email: the
 * e-mail mode's one PDF of at most 10 MB at <out>; drain: only read the exhibits)
 * Opens the vault, times ONE exportPack call, prints one JSON line:
 * { seconds, cpuSeconds (process-wide, worker threads included), bytes, maxRssKiB, hwmKiB, packSha256 }.
 */
import { performance } from 'node:perf_hooks';
import { vmHwmKiB } from './proc.js';
import { Vault } from '../../electron/core/index.js';
import { exportPack, SOFTWARE } from '../../electron/core/pack/exporter.js';
import { exportEmailPdf } from '../../electron/core/pack/bundle/email-pdf.js';
import { PACK_FORMATS, PackOptionsSchema, type PackFormat } from '../../shared/ipc-pack.js';

export const BENCH_PASSPHRASE = 'bench passphrase, not secret';

async function main(): Promise<void> {
  const [dir, out, format] = process.argv.slice(2);
  const isFormat = (f: string | undefined): f is PackFormat => (PACK_FORMATS as readonly string[]).includes(f ?? '');
  if (!dir || !out || (format !== 'drain' && format !== 'email' && !isFormat(format))) {
    throw new Error(`usage: export-child <vault-dir> <out> <${PACK_FORMATS.join('|')}|email|drain>`);
  }
  const vault = await Vault.open(dir, { passphrase: BENCH_PASSPHRASE });
  try {
    if (format === 'drain') {
      // The floor: only read every exhibit through the vault's decrypting, hash-checking stream.
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      let bytes = 0;
      for (const e of vault.listIncidents().flatMap((i) => i.exhibits)) {
        for await (const chunk of vault.openExhibitStream(e.id)) bytes += (chunk as Buffer).length;
      }
      const c = process.cpuUsage(c0);
      const out = { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, bytes };
      process.stdout.write(
        `${JSON.stringify({ ...out, maxRssKiB: process.resourceUsage().maxRSS, hwmKiB: vmHwmKiB(), packSha256: null })}\n`,
      );
      return;
    }
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r =
      format === 'email'
        ? await exportEmailPdf(vault, PackOptionsSchema.parse({ initials: 'BM' }), {
            out,
            maxMb: 10,
            software: SOFTWARE,
          }).then((e) => ({ payloadBytes: e.bytes, packSha256: null }))
        : isFormat(format)
          ? await exportPack(vault, { out, initials: 'BM', format })
          : null;
    if (!r) throw new Error(`unknown format ${format}`);
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const cpuSeconds = (c.user + c.system) / 1e6;
    process.stdout.write(
      `${JSON.stringify({
        seconds,
        cpuSeconds,
        bytes: r.payloadBytes,
        maxRssKiB: process.resourceUsage().maxRSS,
        hwmKiB: vmHwmKiB(),
        packSha256: r.packSha256,
      })}\n`,
    );
  } finally {
    vault.close();
  }
}

if (process.argv[1] && /export-child\.(c?js|ts)$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    process.stderr.write(`export-child: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
