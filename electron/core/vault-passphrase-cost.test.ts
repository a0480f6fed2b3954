/**
 * A passphrase change writes the default Argon2id cost (or the one it is given), so a vault made
 * with a weak cost is strengthened by it; the activity log names the new cost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { PASS, cleanupTemp, errorOf, newVault } from '../../test/support/core.js';
import { DEFAULT_KDF, TEST_KDF } from './crypto/index.js';
import { HEADER_FILE } from './keys/header.js';
import { Vault } from './vault.js';

afterAll(cleanupTemp);

const stored = (dir: string) => (JSON.parse(readFileSync(join(dir, HEADER_FILE), 'utf8')) as { kdf: object }).kdf;

test('a weak vault changed to the same passphrase gets the default cost and still opens with it', async () => {
  const { vault, dir, recoveryKey } = await newVault(); // the cheap test cost
  expect(vault.kdf).toEqual(TEST_KDF);
  await vault.changePassphrase(PASS);
  expect(vault.kdf).toEqual(DEFAULT_KDF);
  expect(stored(dir)).toMatchObject(DEFAULT_KDF);
  expect(vault.custodyLog().at(-1)).toMatchObject({ action: 'passphrase-change', details: DEFAULT_KDF });
  expect((await vault.check()).problems).toEqual([]);
  vault.close();
  const again = await Vault.open(dir, { passphrase: PASS });
  expect(again.kdf).toEqual(DEFAULT_KDF);
  again.close();
  (await Vault.open(dir, { recoveryKey })).close();
}, 30_000);

test('a cost given to changePassphrase is written, and one outside the bounds is refused', async () => {
  const { vault, dir } = await newVault();
  await vault.changePassphrase('another passphrase', TEST_KDF);
  expect(stored(dir)).toMatchObject(TEST_KDF);
  expect(vault.custodyLog().at(-1)).toMatchObject({ action: 'passphrase-change', details: {} });
  const e = await errorOf(() => vault.changePassphrase('a third one', { opsLimit: 50, memLimit: 8192 }));
  expect(e.code).toBe('INVALID_INPUT');
  expect(e.message).toContain('opsLimit 50 is outside');
  expect(stored(dir)).toMatchObject(TEST_KDF);
  vault.close();
});
