/**
 * Metadata extraction benchmark (`npm run bench -- extract`, or `npx tsx bench/extract.ts`).
 *
 * Issue 13: reading what the files say (EXIF/XMP, e-mail headers, PDF dates, content credentials) must
 * never slow an import by more than 10%. In one run, on the same files, this imports a set of real
 * evidence files (the photo, the screenshots, the e-mails, the PDF letter: COPIES copies of each, every
 * copy made unique by a few bytes after its end, so none is refused as a duplicate) with extraction and
 * without it (ImportOptions.extract = false), alternating, each in a fresh child process on a fresh
 * vault, and reports the medians, the overhead and the load average before and after.
 *
 * What is timed: for the CLI, the whole process a user runs, as its `attach` of a set of files, from the
 * child's spawn to its exit (node's start, the bundle's load, the vault's unlock at the Argon2id cost every
 * host writes, the libraries extraction loads, the import, the close); for the app, the import call in a
 * process where the vault is already open (what the app's user waits for; the app reads what the files say
 * once the import has returned, ImportOptions.extract 'after', and when that was written is printed
 * beside it). See CASES. The child
 * (bench/lib/extract-child.ts) is the core bundled with esbuild into CommonJS, as dist/cli.cjs is. The
 * import call alone is printed too. Every vault is kept until its case ends (deleting vaults between runs
 * makes later runs' file creation slower, which would flatter the ratio).
 *
 * Options (environment): EV_BENCH_REPEAT=n (11) runs of each mode; EV_BENCH_COPIES=n (60) copies of
 * each fixture; EV_BENCH_CASES=cli,app,cli-cheap (all) the cases to run; EV_BENCH_STRICT=1 exits 1 on a MISS.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bundleChild, log, machineLine, median, MiB, REPO, syncDisks, verdict } from './lib/util.js';

const REPEAT = Math.max(1, Number(process.env.EV_BENCH_REPEAT ?? 11) || 11);
const COPIES = Math.max(1, Number(process.env.EV_BENCH_COPIES ?? 60) || 60);
const TARGET_OVERHEAD = 0.1;
const GNU_TIME = '/usr/bin/time';
const FIXTURES = fileURLToPath(new URL('../electron/core/exhibits/extract/fixtures/', import.meta.url));

interface ChildResult {
  /** The whole process, spawn to exit. */
  seconds: number;
  /** Its user + system CPU (GNU time), or NaN. */
  cpuSeconds: number;
  /** The import call alone, inside it. */
  importSeconds: number;
  /** The app's case: from the import's start until what the files say was written (0 otherwise). */
  readSeconds: number;
  files: number;
  extracted: number;
  problems: number;
}

/** A copy made unique after the end of its content (past JPEG EOI, PNG IEND, PDF %%EOF, an e-mail's body). */
function uniqueCopy(bytes: Buffer, name: string, i: number): Buffer {
  const tail = name.endsWith('.eml') ? `\ncopy ${i}\n` : `\n%copy ${i}\n`;
  return Buffer.concat([bytes, Buffer.from(tail)]);
}

/** Random bytes after an image's end (JPEG EOI, PNG IEND) up to `size`: the metadata is untouched. */
function padTo(b: Buffer, size: number): Buffer {
  return b.length >= size ? b : Buffer.concat([b, randomBytes(size - b.length)]);
}

interface DataSet {
  label: string;
  folder: string;
  copies: number;
  pad: (b: Buffer, name: string) => Buffer;
}

/**
 * The fixtures as they are (small: the worst case, since extraction costs the same whatever the size), and
 * at everyday sizes: a phone photo of 3 MiB, screenshots of 600 KiB (e-mails and the PDF as they are).
 */
const SETS: DataSet[] = [
  { label: 'The fixtures as they are', folder: 'as-is', copies: COPIES, pad: (b) => b },
  {
    label: 'At everyday sizes (photo 3 MiB, screenshots 600 KiB)',
    folder: 'everyday',
    copies: Math.max(1, Math.round(COPIES / 4)),
    pad: (b, name) => (name.endsWith('.jpg') ? padTo(b, 3 * MiB) : name.endsWith('.png') ? padTo(b, 600 * 1024) : b),
  },
];

interface Case {
  id: string;
  label: string;
  /** What is timed, in words. */
  timed: string;
  command: 'attach' | 'app';
  kdf: 'user' | 'test';
  /** The data sets (folders) it runs on. */
  sets: string[];
  /** Whether its figure is judged against the target (a process a user runs) or shown for comparison. */
  counts: boolean;
}

/**
 * What a user runs, each judged: the CLI's attach, on a vault at the Argon2id cost every host writes (a
 * user's vault is never cheaper), from the process's start; and the app's import, in a process where the
 * vault is already open. For comparison, not judged: the CLI's attach on a vault at the test suites'
 * cheapest cost, whose unlock takes next to nothing (no user's vault is like that; extraction then has
 * almost nothing to work beside, so this is the harder figure).
 */
const CASES: Case[] = [
  {
    id: 'cli',
    label: "The CLI's attach, a vault at the usual Argon2id cost",
    timed: 'The whole attach (spawn to exit)',
    command: 'attach',
    kdf: 'user',
    sets: ['as-is', 'everyday'],
    counts: true,
  },
  {
    id: 'app',
    label:
      "The app's import (the vault already open, the extraction thread not yet started; what the files say read once it returns)",
    timed: 'The import call',
    command: 'app',
    kdf: 'test',
    sets: ['as-is'],
    counts: true,
  },
  {
    id: 'cli-cheap',
    label: "The CLI's attach, a vault at the tests' cheapest Argon2id cost (no user's vault is so cheap)",
    timed: 'The whole attach (spawn to exit)',
    command: 'attach',
    kdf: 'test',
    sets: ['as-is'],
    counts: false,
  },
];

function runChild(child: string, args: string[]): ChildResult {
  const report = join(tmpdir(), `ev-bench-extract-time-${process.pid}.txt`);
  const gnu = existsSync(GNU_TIME);
  const argv = [child, ...args];
  const t0 = performance.now();
  const r = gnu
    ? spawnSync(GNU_TIME, ['-f', '%U %S', '-o', report, process.execPath, ...argv], {
        encoding: 'utf8',
        maxBuffer: 16 * MiB,
      })
    : spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 16 * MiB });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`the import child failed (${r.status}): ${r.stderr.trim()}`);
  let cpuSeconds = Number.NaN;
  if (gnu) {
    const [u, sys] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
    cpuSeconds = (u ?? NaN) + (sys ?? NaN);
    rmSync(report, { force: true });
  }
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as Omit<ChildResult, 'seconds' | 'cpuSeconds'>;
  return { ...out, seconds, cpuSeconds };
}

/** A fresh vault with one incident (made by the child, untimed); returns the incident's id. */
function setupVault(child: string, vaultDir: string, kdf: 'user' | 'test'): string {
  const r = spawnSync(process.execPath, [child, 'setup', vaultDir, kdf], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the setup child failed (${r.status}): ${r.stderr.trim()}`);
  return r.stdout.trim();
}

async function main(): Promise<void> {
  const tmp = mkdtempSync('/tmp/ev-bench-extract-');
  const cleanup = (): void => rmSync(tmp, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    log(`Extraction benchmark — before: ${machineLine()}`);
    const cacheDir = join(REPO, '.bench');
    mkdirSync(cacheDir, { recursive: true });
    const child = await bundleChild('bench/lib/extract-child.ts', cacheDir);

    const names = readdirSync(FIXTURES).sort();
    let missed = false;
    const summary: string[] = [];
    for (const set of SETS) {
      const data = join(tmp, set.folder);
      mkdirSync(data, { recursive: true });
      const paths: string[] = [];
      let bytes = 0;
      for (const name of names) {
        const original = readFileSync(join(FIXTURES, name));
        for (let i = 0; i < set.copies; i++) {
          const p = join(data, `${String(i).padStart(3, '0')}-${name}`);
          const b = set.pad(uniqueCopy(original, name, i), name);
          writeFileSync(p, b);
          paths.push(p);
          bytes += b.length;
        }
      }
      const list = join(tmp, `${set.folder}.list`);
      writeFileSync(list, paths.join('\n'));
      log('');
      log(
        `${set.label}: ${paths.length} files (${set.copies} unique copies of each of ${names.join(', ')}), ` +
          `${(bytes / MiB).toFixed(1)} MiB; ${REPEAT} runs of each mode, alternating; the overhead is the median of each pair's ratio.`,
      );

      for (const c of CASES) {
        if (!c.sets.includes(set.folder)) continue;
        if (process.env.EV_BENCH_CASES && !process.env.EV_BENCH_CASES.split(',').includes(c.id)) continue;
        const loadAtStart = loadavg()[0] ?? 0;
        const runs = { extract: [] as ChildResult[], plain: [] as ChildResult[] };
        // Every vault is kept until the case ends: deleting one makes the next vault's files slower to
        // create (the file system passes over the inodes just freed), a drift that falls on later runs.
        const vaults: string[] = [];
        for (let run = 0; run < REPEAT; run++) {
          // Alternate which mode goes first, so a drift in the machine's load falls on both alike.
          const order: ('extract' | 'plain')[] = run % 2 === 0 ? ['plain', 'extract'] : ['extract', 'plain'];
          for (const mode of order) {
            const v = join(tmp, `vault-${c.id}-${mode}-${run}`);
            vaults.push(v);
            const incident = setupVault(child, v, c.kdf);
            syncDisks();
            const r = runChild(child, [c.command, v, incident, list, mode]);
            if (r.files !== paths.length) throw new Error(`imported ${r.files} files, expected ${paths.length}`);
            runs[mode].push(r);
          }
        }
        for (const v of vaults) rmSync(v, { recursive: true, force: true });
        const timed = (r: ChildResult): number => (c.command === 'app' ? r.importSeconds : r.seconds);
        const med = (rs: ChildResult[], f: (r: ChildResult) => number): number => median(rs.map(f));
        const withS = med(runs.extract, timed);
        const withoutS = med(runs.plain, timed);
        // Paired: each run's two processes ran back to back, so a drift in the machine's speed falls on both;
        // the median of the pairs' ratios is steadier than the ratio of two medians on a shared machine.
        const pairRatio = median(
          runs.extract.map((r, i) => {
            const p = runs.plain[i];
            return p ? timed(r) / timed(p) : Number.NaN;
          }),
        );
        const overhead = pairRatio - 1;
        const cpuWith = med(runs.extract, (r) => r.cpuSeconds);
        const cpuWithout = med(runs.plain, (r) => r.cpuSeconds);
        const perFile = (x: number): string => `${((x * 1000) / paths.length).toFixed(2)} ms/file`;
        const sample = runs.extract[0];
        const ok = overhead <= TARGET_OVERHEAD;
        if (c.counts) missed ||= !ok;
        const judged = c.counts ? `target ≤ ${TARGET_OVERHEAD * 100}%: ${verdict(ok)}` : 'for comparison, not judged';
        const load = loadavg()[0] ?? 0;
        log(`  ${c.label}:`);
        log(
          `    ${c.timed}: with extraction ${withS.toFixed(3)} s (${perFile(withS)}), without ${withoutS.toFixed(3)} s ` +
            `(${perFile(withoutS)}) (medians) | paired ratio ${pairRatio.toFixed(3)}, overhead ${(overhead * 100).toFixed(1)}% | ` +
            `${judged} (load ${loadAtStart.toFixed(2)} → ${load.toFixed(2)})`,
        );
        summary.push(
          `  ${set.folder.padEnd(9)} ${c.id.padEnd(9)} paired ratio ${pairRatio.toFixed(3)} (${overhead >= 0 ? '+' : ''}${(overhead * 100).toFixed(1)}%) ` +
            `${c.counts ? verdict(ok) : '(not judged)'}; CPU ${cpuWith.toFixed(3)} / ${cpuWithout.toFixed(3)} s; load ${loadAtStart.toFixed(2)} → ${load.toFixed(2)}`,
        );
        log(
          `    Load average now: ${loadavg()
            .map((x) => x.toFixed(2))
            .join(' ')}` +
            (load > availableParallelism()
              ? ` (above the ${availableParallelism()} CPUs: every thread waits its turn, so the wall times follow the CPU ` +
                'time and work moved off the main thread cannot overlap; judge the figure on a quiet machine)'
              : ''),
        );
        log(
          `    CPU time of the whole process (user + system): with ${cpuWith.toFixed(3)} s, without ${cpuWithout.toFixed(3)} s ` +
            `(+${((cpuWith / cpuWithout - 1) * 100).toFixed(1)}%, ${(((cpuWith - cpuWithout) * 1000) / paths.length).toFixed(2)} ms a file).`,
        );
        log(
          `    Read: ${sample?.extracted ?? 0} of ${paths.length} files gave metadata, ${sample?.problems ?? 0} a problem line ` +
            `(screenshots without metadata give none). The import call alone: ` +
            `${med(runs.extract, (r) => r.importSeconds).toFixed(3)} s with extraction vs ` +
            `${med(runs.plain, (r) => r.importSeconds).toFixed(3)} s without.`,
        );
        if (c.command === 'app') {
          log(
            `    What the files say, read once the import has returned: written ${med(runs.extract, (r) => r.readSeconds).toFixed(3)} s ` +
              `after the import began (median; the user is not waiting for it: each exhibit shows "Reading what the file says…" until then).`,
          );
        }
        log(
          `    Runs (s): with ${runs.extract.map((r) => timed(r).toFixed(3)).join(' ')}; without ${runs.plain.map((r) => timed(r).toFixed(3)).join(' ')}`,
        );
      }
      rmSync(data, { recursive: true, force: true });
    }
    log('');
    log(`Summary (${REPEAT} alternating pairs; the median of with / without extraction, whole process):`);
    for (const line of summary) log(line);
    log(`After: ${machineLine()}`);
    if (missed && process.env.EV_BENCH_STRICT === '1') process.exitCode = 1;
  } finally {
    cleanup();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench/extract: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(2);
});
