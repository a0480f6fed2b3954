/**
 * Import benchmark (`npm run bench`, or `npx tsx bench/import.ts`).
 *
 * Makes, in a temporary folder under /tmp, one 1 GiB file and 1,000 files of 500 KiB of random bytes,
 * then, in one run on the same files:
 *   1. imports the 1 GiB file into a new vault with Vault.importExhibits ("end to end": read, SHA-256,
 *      content sniffing, crypto_secretstream encryption, fsynced blob, exhibit record + custody entry
 *      committed), in a child process whose peak RSS is read afterwards (maxRSS and VmHWM);
 *   2. the same for the 1,000 files, as one importExhibits batch;
 *   3. for each, `sha256sum` followed by `7z a -p<pw> -mx=0` over the same files (AES-256, stored),
 *      and the ratio of the two wall times.
 * Targets (issue 2, on the 2-CPU reference machine): one large file ≥ 250 MiB/s; the 1,000 files
 * faster than sha256sum + 7z; peak RSS < 200 MiB. PASS/MISS is printed beside each figure.
 *
 * The importing child is the core bundled with esbuild into CommonJS and run with plain node, as
 * dist/cli.cjs is. Its crypto worker is started by a small warm-up import before the timing.
 * `sync` runs before every measurement so that one measurement's write-back does not land in another.
 *
 * Options (environment): EV_BENCH_REPEAT=n (1) repeats each measurement and reports the median;
 * EV_BENCH_QUICK=1 uses 128 MiB and 100 files (a smoke run; targets still printed);
 * EV_BENCH_STRICT=1 exits 1 on any MISS.
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  bundleChild,
  log,
  machineLine,
  median,
  MiB,
  REPO,
  syncDisks,
  timeCommandCpu,
  verdict,
  type Timing,
} from './lib/util.js';

const QUICK = process.env.EV_BENCH_QUICK === '1';
const REPEAT = Math.max(1, Number(process.env.EV_BENCH_REPEAT ?? 1) || 1);
const BIG_BYTES = QUICK ? 128 * MiB : 1024 * MiB;
const SMALL_COUNT = QUICK ? 100 : 1000;
const SMALL_BYTES = 500 * 1024;
const TARGET_BIG_MIBS = 250;
const TARGET_RSS_MIB = 200;
const SEVEN_ZIP_PASSWORD = 'bench-password-not-secret';

interface ChildResult {
  seconds: number;
  cpuSeconds: number;
  bytes: number;
  files: number;
  maxRssKiB: number;
  hwmKiB: number | null;
}

function writeRandomFile(path: string, size: number): void {
  const fd = openSync(path, 'w');
  try {
    const block = Buffer.allocUnsafe(Math.min(size, 16 * MiB));
    for (let done = 0; done < size;) {
      const n = Math.min(block.length, size - done);
      randomFillSync(block, 0, n);
      writeSync(fd, block, 0, n);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
}

function runChild(child: string, vaultDir: string, paths: string[], listFile: string, warmFile: string): ChildResult {
  writeFileSync(listFile, paths.join('\n'));
  const r = spawnSync(process.execPath, [child, vaultDir, listFile, warmFile], {
    encoding: 'utf8',
    maxBuffer: 16 * MiB,
  });
  if (r.status !== 0) throw new Error(`the import child failed (${r.status}): ${r.stderr.trim()}`);
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as ChildResult;
}

function baseline(paths: string[], cwd: string, archive: string): Timing {
  const sha = timeCommandCpu('sha256sum', ['--', ...paths], cwd);
  const zip = timeCommandCpu(
    '7z',
    ['a', '-bd', '-y', `-p${SEVEN_ZIP_PASSWORD}`, '-mx=0', archive, '--', ...paths],
    cwd,
  );
  rmSync(archive, { force: true });
  const cpu = sha.cpuSeconds !== null && zip.cpuSeconds !== null ? sha.cpuSeconds + zip.cpuSeconds : null;
  return { seconds: sha.seconds + zip.seconds, cpuSeconds: cpu };
}

const mibs = (bytes: number, seconds: number): string => `${(bytes / MiB / seconds).toFixed(0)} MiB/s`;

async function main(): Promise<void> {
  const spawnCheck = spawnSync('7z', ['i'], { stdio: 'ignore' });
  if (spawnCheck.error) throw new Error('7z is not installed (Debian package p7zip-full).');
  const tmp = mkdtempSync('/tmp/ev-bench-import-');
  const cleanup = (): void => rmSync(tmp, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    log(`Import benchmark — ${machineLine()}${QUICK ? ' — QUICK run (smaller data)' : ''}`);
    const cacheDir = join(REPO, 'node_modules/.cache/evidence-vault-bench');
    mkdirSync(cacheDir, { recursive: true });
    const child = await bundleChild('bench/lib/import-child.ts', cacheDir);

    const data = join(tmp, 'data');
    const many = join(data, 'many');
    mkdirSync(many, { recursive: true });
    const big = join(data, 'big.bin');
    writeRandomFile(big, BIG_BYTES);
    const smallPaths: string[] = [];
    for (let i = 0; i < SMALL_COUNT; i++) {
      const p = join(many, `file-${String(i).padStart(4, '0')}.bin`);
      writeRandomFile(p, SMALL_BYTES);
      smallPaths.push(p);
    }
    const warm = join(data, 'warm-up.txt');
    writeFileSync(warm, 'warm-up exhibit\n');
    syncDisks();
    const bigLabel = QUICK ? '128 MiB file' : '1 GiB file';
    const smallLabel = `${SMALL_COUNT.toLocaleString('en-GB')} files of 500 KiB`;
    log(`Data: ${bigLabel} and ${smallLabel} in ${data}; ${REPEAT} run(s) each, median reported.`);

    const bigOurs: number[] = [];
    const bigBase: number[] = [];
    const smallOurs: number[] = [];
    const smallBase: number[] = [];
    const rss: number[] = [];
    const cpu = {
      bigOurs: [] as number[],
      bigBase: [] as number[],
      smallOurs: [] as number[],
      smallBase: [] as number[],
    };
    const hwm: number[] = [];
    for (let run = 0; run < REPEAT; run++) {
      const v1 = join(tmp, `vault-big-${run}`);
      syncDisks();
      const r1 = runChild(child, v1, [big], join(tmp, 'list-big'), warm);
      if (r1.bytes !== BIG_BYTES) throw new Error(`imported ${r1.bytes} bytes, expected ${BIG_BYTES}`);
      bigOurs.push(r1.seconds);
      cpu.bigOurs.push(r1.cpuSeconds);
      rss.push(r1.maxRssKiB / 1024);
      if (r1.hwmKiB !== null) hwm.push(r1.hwmKiB / 1024);
      rmSync(v1, { recursive: true, force: true });
      syncDisks();
      const b1 = baseline([big], data, join(tmp, 'big.7z'));
      bigBase.push(b1.seconds);
      if (b1.cpuSeconds !== null) cpu.bigBase.push(b1.cpuSeconds);

      const v2 = join(tmp, `vault-many-${run}`);
      syncDisks();
      const r2 = runChild(child, v2, smallPaths, join(tmp, 'list-many'), warm);
      if (r2.files !== SMALL_COUNT) throw new Error(`imported ${r2.files} files, expected ${SMALL_COUNT}`);
      smallOurs.push(r2.seconds);
      cpu.smallOurs.push(r2.cpuSeconds);
      rmSync(v2, { recursive: true, force: true });
      syncDisks();
      const b2 = baseline(
        smallPaths.map((p) => p.slice(data.length + 1)),
        data,
        join(tmp, 'many.7z'),
      );
      smallBase.push(b2.seconds);
      if (b2.cpuSeconds !== null) cpu.smallBase.push(b2.cpuSeconds);
    }

    const bo = median(bigOurs);
    const bb = median(bigBase);
    const so = median(smallOurs);
    const sb = median(smallBase);
    const smallBytes = SMALL_COUNT * SMALL_BYTES;
    const bigRate = BIG_BYTES / MiB / bo;
    const peak = Math.max(...rss, ...hwm);
    const lines = [
      `${bigLabel}: Evidence Vault ${mibs(BIG_BYTES, bo)} (${bo.toFixed(2)} s) | sha256sum + 7z ${mibs(BIG_BYTES, bb)} (${bb.toFixed(2)} s) | ${(bb / bo).toFixed(2)}× the speed of sha256sum + 7z | target ≥ ${TARGET_BIG_MIBS} MiB/s: ${verdict(bigRate >= TARGET_BIG_MIBS)}`,
      `${smallLabel}: Evidence Vault ${mibs(smallBytes, so)} (${so.toFixed(2)} s, ${((so * 1000) / SMALL_COUNT).toFixed(2)} ms/file) | sha256sum + 7z ${mibs(smallBytes, sb)} (${sb.toFixed(2)} s) | ${(sb / so).toFixed(2)}× the speed of sha256sum + 7z | target faster than sha256sum + 7z: ${verdict(so < sb)}`,
      `Peak RSS of the process importing the ${bigLabel}: ${median(rss).toFixed(0)} MiB maxRSS${hwm.length ? `, ${median(hwm).toFixed(0)} MiB VmHWM` : ''} | target < ${TARGET_RSS_MIB} MiB: ${verdict(peak < TARGET_RSS_MIB)}`,
    ];
    for (const l of lines) log(l);
    const cpuLine = (ours: number[], base: number[]): string =>
      `${median(ours).toFixed(2)} s${base.length ? ` vs ${median(base).toFixed(2)} s for sha256sum + 7z` : ''}`;
    log(
      `CPU time (user + system; what a busy machine shares out): ${bigLabel} ${cpuLine(cpu.bigOurs, cpu.bigBase)}; ` +
        `${smallLabel} ${cpuLine(cpu.smallOurs, cpu.smallBase)}.`,
    );
    if (REPEAT > 1) {
      log(
        `Runs (s): big ours ${bigOurs.map((x) => x.toFixed(2)).join(' ')}; big baseline ${bigBase.map((x) => x.toFixed(2)).join(' ')}; ` +
          `small ours ${smallOurs.map((x) => x.toFixed(2)).join(' ')}; small baseline ${smallBase.map((x) => x.toFixed(2)).join(' ')}`,
      );
    }
    log(`After: ${machineLine()}`);
    const missed = lines.some((l) => l.endsWith('MISS'));
    if (missed && process.env.EV_BENCH_STRICT === '1') process.exitCode = 1;
  } finally {
    cleanup();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench/import: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(2);
});
