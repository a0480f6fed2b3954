/**
 * The built CLI and the Argon2id cost: the test suites' switch is honoured only with the test-run
 * marker (otherwise ignored with one warning line), a vault stored below the default cost warns
 * after unlocking, and `upgrade-kdf` raises it to the default under the same passphrase.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_KDF, TEST_KDF } from '../../electron/core/index.js';
import { assertBuilt, expectOk, initVault, listJson, removeDir, run, tempDir } from './helpers.js';

/** A run outside the test suites: no switch, no marker. */
const REAL = { EVIDENCE_VAULT_TEST_KDF: undefined, EVIDENCE_VAULT_TEST_RUN: undefined };

let root: string;
beforeAll(() => {
  assertBuilt();
  root = tempDir('ev-cli-kdf-');
});
afterAll(() => removeDir(root));

function storedKdf(dir: string): { opsLimit: number; memLimit: number } {
  return (
    JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8')) as { kdf: { opsLimit: number; memLimit: number } }
  ).kdf;
}

function warnings(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '');
}

describe('the test-suite switch', () => {
  test('without the test-run marker it is ignored, with one warning line, and the vault gets the default cost', async () => {
    const dir = path.join(root, 'no-marker');
    const r = await run(['init', dir], { env: { EVIDENCE_VAULT_TEST_KDF: '1', EVIDENCE_VAULT_TEST_RUN: undefined } });
    expect(r.code).toBe(0);
    const lines = warnings(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: EVIDENCE_VAULT_TEST_KDF is ignored outside the test suites/);
    expect(r.stdout).not.toContain('WARNING: EVIDENCE_VAULT_TEST_KDF is set');
    expect(storedKdf(dir)).toMatchObject(DEFAULT_KDF);
  }, 60_000);

  test('the old spelling "fast" is ignored too, with the warning', async () => {
    const dir = path.join(root, 'fast');
    const r = await run(['init', dir], { env: { EVIDENCE_VAULT_TEST_KDF: 'fast' } });
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([expect.stringMatching(/EVIDENCE_VAULT_TEST_KDF=fast is ignored/)]);
    expect(storedKdf(dir)).toMatchObject(DEFAULT_KDF);
  }, 60_000);

  test('with the marker (as the suites run) it is honoured', async () => {
    const dir = path.join(root, 'marked');
    await initVault(dir);
    expect(storedKdf(dir)).toMatchObject(TEST_KDF);
  });
});

describe('a vault stored below the default cost', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(root, 'weak');
    await initVault(dir); // the suite's cheap cost
  });

  test('warns with one line on stderr after unlocking, and the command still works', async () => {
    const r = await run(['list', dir, '--json'], { env: REAL });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const lines = warnings(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: the passphrase protection of .* is weaker than the default/);
    expect(lines[0]).toContain(`evidence-vault upgrade-kdf ${dir}`);
  });

  test('upgrade-kdf writes the default cost; the same passphrase opens it, with no warning', async () => {
    const r = await run(['upgrade-kdf', dir], { env: REAL });
    expectOk(r);
    expect(r.stdout).toMatch(/^Strengthened the passphrase protection of the vault in .* to the default cost/);
    expect(storedKdf(dir)).toMatchObject(DEFAULT_KDF);
    expectOk(await run(['list', dir], { env: REAL }));
    expect(await listJson(dir, REAL)).toEqual([]);
    const again = await run(['upgrade-kdf', dir], { env: REAL });
    expectOk(again);
    expect(again.stdout).toMatch(/already has the default passphrase protection; nothing was changed/);
  }, 60_000);

  test('upgrade-kdf with a wrong passphrase changes nothing', async () => {
    const other = path.join(root, 'weak-2');
    await initVault(other);
    const before = readFileSync(path.join(other, 'vault.json'), 'utf8');
    const r = await run(['upgrade-kdf', other], { env: { ...REAL, EVIDENCE_VAULT_PASSPHRASE: 'not the passphrase' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/does not open this vault/);
    expect(readFileSync(path.join(other, 'vault.json'), 'utf8')).toBe(before);
  });
});
