/** Small helpers shared by the benchmarks in bench/. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { blobWorkerDefine } from '../../scripts/blob-worker.mjs';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const MiB = 1024 * 1024;

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

export function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

export interface Timing {
  /** Wall-clock seconds. */
  seconds: number;
  /** User + system CPU seconds of the command, when GNU time (/usr/bin/time) is there to tell. */
  cpuSeconds: number | null;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command to completion, returns its wall time in seconds; throws if it fails. */
export function timeCommand(cmd: string, args: string[], cwd?: string): number {
  return timeCommandCpu(cmd, args, cwd).seconds;
}

/** Runs a command to completion and times it (wall and, where possible, CPU); throws if it fails. */
export function timeCommandCpu(cmd: string, args: string[], cwd?: string): Timing {
  const report = join(tmpdir(), `ev-bench-time-${process.pid}-${Date.now()}.txt`);
  const gnu = existsSync(GNU_TIME);
  const [exe, argv] = gnu ? [GNU_TIME, ['-f', '%U %S', '-o', report, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = spawnSync(exe, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MiB });
  const seconds = (performance.now() - t0) / 1000;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.toString().slice(0, 500)}`);
  let cpuSeconds: number | null = null;
  if (gnu) {
    try {
      const [u, s] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
      if (Number.isFinite(u) && Number.isFinite(s)) cpuSeconds = (u ?? 0) + (s ?? 0);
    } catch {
      /* no report */
    }
    rmSync(report, { force: true });
  }
  return { seconds, cpuSeconds };
}

/** Flushes dirty pages so one measurement's write-back does not land in the next one. */
export function syncDisks(): void {
  spawnSync('sync', [], { stdio: 'ignore' });
}

/** "2 CPUs, load 0.31 0.40 0.52" — to judge how quiet the machine was. */
export function machineLine(): string {
  const l = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  let model = '';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? '';
  } catch {
    /* not Linux */
  }
  return `${availableParallelism()} CPUs${model ? ` (${model})` : ''}, load average ${l}`;
}

/**
 * Bundles a benchmark's child program the way scripts/build.mjs bundles dist/*.cjs (CommonJS, the
 * package's dependencies external), into outDir — inside node_modules/.cache, so the externals
 * resolve as they do for dist/. Returns the bundle's path.
 */
export async function bundleChild(entry: string, outDir: string): Promise<string> {
  const outfile = join(outDir, entry.replace(/^.*\//, '').replace(/\.ts$/, '.cjs'));
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  await build({
    entryPoints: [join(REPO, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
    define: { 'import.meta.url': 'importMetaUrl', ...(await blobWorkerDefine(REPO)) },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
    absWorkingDir: REPO,
  });
  return outfile;
}
