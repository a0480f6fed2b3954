/**
 * vault.json and vault-anchor.json that are a FIFO or a device: open and check refuse them at
 * once with one line, and never block on a read (the desktop app and the browser host reach the
 * same Vault.open and check as the CLI). A watchdog writes to each FIFO after a few seconds, so a
 * regression shows as a slow test failing its time bound, never as a hung run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { PASS, cleanupTemp, errorOf, newVault } from '../../test/support/core.js';
import { ANCHOR_FILE } from './custody/anchor.js';
import { HEADER_FILE } from './keys/header.js';
import { Vault } from './vault.js';

afterAll(cleanupTemp);

const WATCHDOG_S = 4;
const watchdogs: ChildProcess[] = [];
afterEach(() => {
  for (const w of watchdogs.splice(0)) w.kill('SIGKILL');
});

/** Puts a FIFO where `name` was, with a watchdog that unblocks any reader after WATCHDOG_S seconds. */
function fifoInstead(dir: string, name: string): void {
  const path = join(dir, name);
  renameSync(path, path + '.real');
  execFileSync('mkfifo', [path]);
  watchdogs.push(spawn('sh', ['-c', `sleep ${WATCHDOG_S}; : > "$1"`, 'sh', path], { stdio: 'ignore' }));
}

async function closedVault(): Promise<string> {
  const { vault, dir } = await newVault();
  vault.close();
  return dir;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t0 = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - t0 };
}

describe('vault files that are not regular files', () => {
  test('a FIFO vault.json: open refuses it at once with one line', async () => {
    const dir = await closedVault();
    fifoInstead(dir, HEADER_FILE);
    const { result: e, ms } = await timed(() => errorOf(() => Vault.open(dir, { passphrase: PASS })));
    expect(ms).toBeLessThan(WATCHDOG_S * 1000 - 1000);
    expect(e.code).toBe('TAMPERED');
    expect(e.message).toBe(
      `${join(dir, HEADER_FILE)} is not a regular file (a folder, pipe, socket or device), so it cannot be read as part of the vault; move it away or choose the vault's real folder.`,
    );
    expect(e.message).not.toContain('\n');
    // Put back, the vault opens as before: nothing was changed.
    rmSync(join(dir, HEADER_FILE));
    renameSync(join(dir, HEADER_FILE + '.real'), join(dir, HEADER_FILE));
    (await Vault.open(dir, { passphrase: PASS })).close();
  });

  test('a vault.json that is a device (a link to /dev/zero) is refused, not read without end', async () => {
    const dir = await closedVault();
    renameSync(join(dir, HEADER_FILE), join(dir, HEADER_FILE + '.real'));
    symlinkSync('/dev/zero', join(dir, HEADER_FILE));
    const e = await errorOf(() => Vault.open(dir, { passphrase: PASS }));
    expect(e.code).toBe('TAMPERED');
    expect(e.message).toContain('is not a regular file');
  });

  test('a FIFO vault-anchor.json: open refuses it at once, and the database is left as it was', async () => {
    const dir = await closedVault();
    fifoInstead(dir, ANCHOR_FILE);
    const { result: e, ms } = await timed(() => errorOf(() => Vault.open(dir, { passphrase: PASS })));
    expect(ms).toBeLessThan(WATCHDOG_S * 1000 - 1000);
    expect(e.code).toBe('TAMPERED');
    expect(e.message).toBe(
      `${join(dir, ANCHOR_FILE)} is not a regular file (a folder, pipe, socket or device), so it cannot be read as part of the vault; move it away or choose the vault's real folder.`,
    );
    rmSync(join(dir, ANCHOR_FILE));
    renameSync(join(dir, ANCHOR_FILE + '.real'), join(dir, ANCHOR_FILE));
    const v = await Vault.open(dir, { passphrase: PASS });
    try {
      expect((await v.check()).ok).toBe(true);
    } finally {
      v.close();
    }
  });

  test('check on an open vault whose anchor became a FIFO names it, without blocking', async () => {
    const { vault, dir } = await newVault();
    try {
      fifoInstead(dir, ANCHOR_FILE);
      const { result: report, ms } = await timed(() => vault.check());
      expect(ms).toBeLessThan(WATCHDOG_S * 1000 - 1000);
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.message)).toContainEqual(
        expect.stringContaining(`${join(dir, ANCHOR_FILE)} is not a regular file`),
      );
    } finally {
      vault.close();
    }
  });

  test('check on an open vault whose vault.json became a FIFO names it, without blocking', async () => {
    const { vault, dir } = await newVault();
    try {
      fifoInstead(dir, HEADER_FILE);
      const { result: report, ms } = await timed(() => vault.check());
      expect(ms).toBeLessThan(WATCHDOG_S * 1000 - 1000);
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.message)).toContainEqual(
        expect.stringContaining(`${join(dir, HEADER_FILE)} is not a regular file`),
      );
    } finally {
      vault.close();
    }
  });
});
