/**
 * Helpers for the CLI end-to-end tests: they run the BUILT binary (node dist/cli.cjs) as a child
 * process against real temporary folders and files. Build first: `node scripts/build.mjs --no-renderer`
 * (`npm test` does it).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli.cjs');
import { FIXTURES } from '../fixtures.js';
export { FIXTURES };
export const PASSPHRASE = 'correct horse battery staple 42';

export function assertBuilt(): void {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: build it first with "node scripts/build.mjs --no-renderer" (npm test does).`);
  }
}

/**
 * The environment every run gets: no inherited secrets, cheap Argon2id for vaults the tests create
 * (the test switch, honoured because EVIDENCE_VAULT_TEST_RUN=1 marks a test run).
 */
export function baseEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    LANG: 'C.UTF-8',
    EVIDENCE_VAULT_TEST_KDF: '1',
    EVIDENCE_VAULT_TEST_RUN: '1',
    EVIDENCE_VAULT_PASSPHRASE: PASSPHRASE,
  };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  spawn?: SpawnOptions;
}

/** Run `node dist/cli.cjs ...args` to completion. */
export function run(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const child = start(args, opts);
  return finished(child, opts.timeoutMs ?? 60_000);
}

/** Start `node dist/cli.cjs ...args`; stdout/stderr are collected on the child. */
export function start(args: string[], opts: RunOptions = {}): CollectingChild {
  return startCommand(process.execPath, [CLI, ...args], opts);
}

export type CollectingChild = ChildProcess & {
  out: string;
  err: string;
  /** Settles when the process has ended and its output is read (even if that happened long ago). */
  result: Promise<RunResult>;
};

/** Start any command with the test environment; stdout/stderr are collected on the child. */
export function startCommand(command: string, args: string[], opts: RunOptions = {}): CollectingChild {
  const child = spawn(command, args, {
    env: baseEnv(opts.env),
    stdio: ['pipe', 'pipe', 'pipe'],
    ...opts.spawn,
  }) as CollectingChild;
  child.out = '';
  child.err = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (child.out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (child.err += d));
  child.result = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: child.out, stderr: child.err }));
  });
  if (opts.input !== undefined) child.stdin?.end(opts.input);
  else child.stdin?.end();
  return child;
}

export async function finished(child: CollectingChild, timeoutMs = 60_000): Promise<RunResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`evidence-vault did not finish within ${timeoutMs} ms; stderr: ${child.err}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([child.result, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The process failed with exactly one clear line on stderr, the given exit code, and no stack trace. */
export function expectOneLineError(r: RunResult, exitCode: number, pattern: RegExp): void {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, `stderr was: ${r.stderr}`).toHaveLength(1);
  const line = lines[0] ?? '';
  expect(line).toMatch(/^evidence-vault: \S/);
  expect(line).toMatch(pattern);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/Error:|TypeError|ReferenceError|node:internal/);
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(exitCode);
}

export function expectOk(r: RunResult): void {
  expect(r.stderr, `stdout: ${r.stdout}`).toBe('');
  expect(r.code).toBe(0);
}

export function tempDir(prefix = 'ev-cli-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every file under dir (relative paths, sorted), with its size. */
export function fileList(dir: string): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else out.push({ path: r, size: statSync(path.join(dir, r)).size });
    }
  };
  walk('');
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every file under dir with its SHA-256: a byte-exact picture of the folder. */
export function folderDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fileList(dir)) out[f.path] = sha256File(path.join(dir, f.path));
  return out;
}

export interface ListedExhibit {
  id: string;
  name: string;
  size: number;
  sha256: string;
}
export interface ListedIncident {
  id: string;
  title: string;
  occurredAt: string;
  categories: string[];
  description: string;
  exhibits: ListedExhibit[];
}

export async function listJson(dir: string, env?: Record<string, string | undefined>): Promise<ListedIncident[]> {
  const r = await run(['list', dir, '--json'], { env });
  expectOk(r);
  return JSON.parse(r.stdout) as ListedIncident[];
}

export interface CustodyRow {
  seq: number;
  action: string;
  subjectKind: string;
  subjectId: string | null;
  details: Record<string, unknown>;
}

export async function custodyLog(dir: string): Promise<CustodyRow[]> {
  const r = await run(['log', dir, '--json']);
  expectOk(r);
  return JSON.parse(r.stdout) as CustodyRow[];
}

/** Custody entries that change the record (not unlock/view/check, which reading the vault adds). */
export function changes(log: CustodyRow[]): CustodyRow[] {
  return log.filter((e) => !['unlock', 'view', 'check'].includes(e.action));
}

export async function initVault(dir: string): Promise<string> {
  const r = await run(['init', dir]);
  expectOk(r);
  const line = r.stdout.split('\n').find((l) => l.startsWith('Recovery key:'));
  expect(line).toBeDefined();
  return (line ?? '').slice('Recovery key:'.length).trim();
}

export async function addIncident(dir: string, extra: string[] = []): Promise<string> {
  const r = await run(['add', dir, '--title', 'Incident', '--occurred-at', '2024-05-03T21:40+01:00', ...extra]);
  expectOk(r);
  const id = r.stdout.trim().split('\n').pop() ?? '';
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  return id;
}

/** A picture of a vault for "nothing changed" comparisons: its incidents and exhibits, and its record-changing custody entries. */
export async function vaultState(dir: string) {
  const list = await listJson(dir);
  const log = changes(await custodyLog(dir));
  return { list, log };
}

export async function expectCheckPasses(dir: string): Promise<void> {
  const r = await run(['check', dir]);
  expect(r.stderr, r.stdout).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^All verified/);
}

/** A new vault at <work>/vault with one incident, "Threatening letter" (12/11/2019 20:15 UTC), and letter.pdf attached. */
export async function vaultWithLetter(work: string): Promise<string> {
  const vault = path.join(work, 'vault');
  expectOk(await run(['init', vault]));
  expectOk(
    await run([
      'add',
      vault,
      '--title',
      'Threatening letter',
      '--occurred-at',
      '2019-11-12T20:15Z',
      '--attach',
      path.join(FIXTURES, 'letter.pdf'),
    ]),
  );
  return vault;
}
