/**
 * Issue 11, Medium 5, in the core: a vault created with recoveryPending says on every open that
 * its recovery key was never shown, until the host confirms it (or the key is replaced); the
 * reminder survives a passphrase change and leaves the header's checksum and MAC whole.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CHEAP, PASS, cleanupTemp, newVault } from '../../test/support/core.js';
import { Vault } from './vault.js';

afterAll(cleanupTemp);

const NEVER = /^This vault's recovery key was never shown: run "evidence-vault recovery replace .+" to make one\.$/;

function headerOf(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8')) as Record<string, unknown>;
}

async function noticesOf(dir: string, passphrase = PASS): Promise<string[]> {
  const v = await Vault.open(dir, { passphrase });
  try {
    expect((await v.check()).ok).toBe(true);
    return v.openNotices();
  } finally {
    v.close();
  }
}

describe('a recovery key never shown', () => {
  test('said on every open until the host confirms; then the header has no reminder', async () => {
    const { vault, dir } = await newVault({ ...CHEAP, recoveryPending: true });
    expect(headerOf(dir).recoveryShown).toBe(false);
    vault.close(); // as if killed before the key was shown
    expect(await noticesOf(dir)).toEqual([expect.stringMatching(NEVER)]);
    expect(await noticesOf(dir)).toEqual([expect.stringMatching(NEVER)]);

    const v = await Vault.open(dir, { passphrase: PASS });
    await v.changePassphrase('a new passphrase, long enough');
    v.close();
    expect(await noticesOf(dir, 'a new passphrase, long enough')).toEqual([expect.stringMatching(NEVER)]);

    const w = await Vault.open(dir, { passphrase: 'a new passphrase, long enough' });
    w.confirmRecoveryKeyShown();
    w.close();
    expect(headerOf(dir)).not.toHaveProperty('recoveryShown');
    expect(await noticesOf(dir, 'a new passphrase, long enough')).toEqual([]);
  });

  test('a replaced recovery key clears it (or, pending, once confirmed); a vault made without recoveryPending never says it', async () => {
    const pending = await newVault({ ...CHEAP, recoveryPending: true });
    const key = pending.vault.replaceRecoveryKey();
    pending.vault.close();
    expect(headerOf(pending.dir)).not.toHaveProperty('recoveryShown');
    expect(await noticesOf(pending.dir)).toEqual([]);
    await Vault.testRecoveryKey(pending.dir, key);

    // A host that confirms: the replaced key, too, is "never shown" until it says it showed it.
    const again = await Vault.open(pending.dir, { passphrase: PASS });
    const third = again.replaceRecoveryKey({ recoveryPending: true });
    again.close();
    expect(headerOf(pending.dir).recoveryShown).toBe(false);
    expect(await noticesOf(pending.dir)).toEqual([expect.stringMatching(NEVER)]);
    const confirm = await Vault.open(pending.dir, { passphrase: PASS });
    confirm.confirmRecoveryKeyShown();
    confirm.close();
    expect(await noticesOf(pending.dir)).toEqual([]);
    await Vault.testRecoveryKey(pending.dir, third);

    const plain = await newVault();
    plain.vault.close();
    expect(headerOf(plain.dir)).not.toHaveProperty('recoveryShown');
    expect(await noticesOf(plain.dir)).toEqual([]);
  });
});
