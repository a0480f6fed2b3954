/**
 * The core's hardening through the built CLI: a rolled-back vault.db (the newer exhibit file is
 * kept and check names it), a damaged recovery slot named by check, an edited opsLimit refused
 * at once in one line, and the vault folder's modes.
 */
import { copyFileSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIXTURES,
  addIncident,
  assertBuilt,
  expectCheckPasses,
  expectOneLineError,
  initVault,
  removeDir,
  run,
  tempDir,
} from './helpers.js';

let work = '';
beforeAll(() => {
  assertBuilt();
  work = tempDir();
});
afterAll(() => removeDir(work));

const blobs = (dir: string): string[] => readdirSync(path.join(dir, 'blobs')).sort();

describe('hardening, through the CLI', () => {
  test('a vault.db put back from an older copy: the newer exhibit file stays and check names the rollback', async () => {
    const dir = path.join(work, 'rollback');
    await initVault(dir);
    await addIncident(dir);
    copyFileSync(path.join(dir, 'vault.db'), path.join(work, 'vault.db.old'));
    const photo = path.join(FIXTURES, readdirSync(FIXTURES).sort()[0]!);
    await addIncident(dir, ['--attach', photo]);
    const newer = blobs(dir);
    expect(newer).toHaveLength(1);
    copyFileSync(path.join(work, 'vault.db.old'), path.join(dir, 'vault.db'));
    rmSync(path.join(dir, 'vault.db-wal'), { force: true });

    // The first command after the rollback says so at once, whatever it is.
    const listed = await run(['list', dir]);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toContain('the database is older than the vault last saw');

    const r = await run(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/^All verified/);
    const all = r.stdout + r.stderr;
    expect(all).toContain('1 exhibit file not referenced by the database: the database may be older than the files');
    expect(all).toContain('the database is older than the vault last saw');
    expect(blobs(dir)).toEqual(newer);
  });

  test("a command that fails after unlocking leaves no 'unlock' entry in the activity log", async () => {
    const dir = path.join(work, 'unlock-entry');
    await initVault(dir);
    const unlocks = async (): Promise<number> => {
      const r = await run(['log', dir, '--json']);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { action: string }[]).filter((e) => e.action === 'unlock').length;
    };
    const before = await unlocks(); // this log's own unlock goes in after it printed
    const photo = path.join(FIXTURES, readdirSync(FIXTURES).sort()[0]!);
    const failed = await run(['attach', dir, '0'.repeat(32), photo]);
    expect(failed.code).not.toBe(0);
    expect(await unlocks()).toBe(before + 1); // the first log's, not the failed attach's
  });

  test('a damaged recovery slot is named by check; the passphrase still opens', async () => {
    const dir = path.join(work, 'header');
    await initVault(dir);
    await expectCheckPasses(dir);
    const file = path.join(dir, 'vault.json');
    const h = JSON.parse(readFileSync(file, 'utf8')) as { slots: { type: string; wrappedKey: string }[] };
    const slot = h.slots.find((s) => s.type === 'recovery')!;
    slot.wrappedKey = (slot.wrappedKey[0] === 'A' ? 'B' : 'A') + slot.wrappedKey.slice(1);
    writeFileSync(file, JSON.stringify(h, null, 2));
    const r = await run(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('the vault header vault.json is damaged');
  });

  test('an edited opsLimit is refused at once, in one line', async () => {
    const dir = path.join(work, 'kdf');
    await initVault(dir);
    const file = path.join(dir, 'vault.json');
    const h = JSON.parse(readFileSync(file, 'utf8')) as { kdf: { opsLimit: number; memLimit: number } };
    h.kdf.opsLimit = 100000;
    h.kdf.memLimit = 256 * 1024 * 1024;
    writeFileSync(file, JSON.stringify(h, null, 2));
    const t0 = performance.now();
    const r = await run(['list', dir], { timeoutMs: 20_000 });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expectOneLineError(r, 1, /opsLimit 100000 is outside 1–10/);
  }, 30_000);

  test.skipIf(process.platform === 'win32')('init makes the folder 0700 and its files 0600', async () => {
    const dir = path.join(work, 'modes');
    await initVault(dir);
    await addIncident(dir);
    expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
    for (const n of readdirSync(dir)) {
      const st = statSync(path.join(dir, n));
      expect(`${n} ${(st.mode & 0o777).toString(8)}`).toBe(`${n} ${st.isDirectory() ? '700' : '600'}`);
    }
  });

  test('recovery test and recovery replace', async () => {
    const dir = path.join(work, 'recovery');
    const oldKey = await initVault(dir);
    const env = { EVIDENCE_VAULT_PASSPHRASE: undefined, EVIDENCE_VAULT_RECOVERY_KEY: oldKey };
    const ok = await run(['recovery', 'test', dir], { env });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('The recovery key opens the vault');

    const r = await run(['recovery', 'replace', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('Recovery key:')) ?? '';
    const newKey = line.slice('Recovery key:'.length).trim();
    expect(newKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){13}$/);
    expect(newKey).not.toBe(oldKey);

    expectOneLineError(await run(['recovery', 'test', dir], { env }), 3, /recovery key does not open this vault/);
    const now = await run(['recovery', 'test', dir], { env: { ...env, EVIDENCE_VAULT_RECOVERY_KEY: newKey } });
    expect(now.code).toBe(0);
    await expectCheckPasses(dir);
    expectOneLineError(await run(['recovery', 'forget', dir]), 2, /"forget" is not test or replace/);
  });
});
