/**
 * The browser host reads the test suites' KDF switch through the service's one reader: outside a
 * test run (no EVIDENCE_VAULT_TEST_RUN=1, no vitest) EVIDENCE_VAULT_TEST_KDF=1 is ignored with one
 * warning line on stderr; inside one it is honoured silently.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: string;
let rendererDir: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ev-host-kdf-'));
  rendererDir = path.join(tmp, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** Start the host with exactly this environment; resolves with its stderr once it has printed its address, then stops it. */
async function hostStderr(env: Record<string, string>): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/host/cli.ts',
      '--vault',
      path.join(tmp, 'vault'),
      '--renderer',
      rendererDir,
      '--json',
    ],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmp, ...env },
    },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`host exited early (${code}): ${stderr}`)));
  });
  child.stdin!.end();
  expect(await exited).toBe(0);
  return stderr;
}

describe('the browser host and EVIDENCE_VAULT_TEST_KDF', () => {
  it('outside a test run: ignored, with one warning line', async () => {
    const stderr = await hostStderr({ EVIDENCE_VAULT_TEST_KDF: '1' });
    const lines = stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: EVIDENCE_VAULT_TEST_KDF is ignored outside the test suites/);
  }, 30_000);

  it('with the test-run marker: honoured, nothing said', async () => {
    expect(await hostStderr({ EVIDENCE_VAULT_TEST_KDF: '1', EVIDENCE_VAULT_TEST_RUN: '1' })).toBe('');
  }, 30_000);
});
