/**
 * The 'slots.*' channels (issue 15, item 4): a further person's passphrase through the service,
 * as the window and the CLI send it. A weak one, a too-long name, a wrong owner passphrase and
 * removing the owner's own are each one plain line, and change nothing; unlocking with either
 * passphrase works, and the window's list says which one opened the vault. Real core, real files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF, Vault } from '../core/index.js';
import { VaultError } from '../../shared/errors.js';
import { createVaultService, type VaultService } from './handlers.js';
import { tempDir } from '../../test/support/ipc.js';

const PASS = 'correct horse battery staple';
const AGENT = 'tulip harbour lantern seventy';

async function errorOf(fn: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof VaultError) return { code: e.code, message: e.message };
    return { code: String((e as { code?: string }).code), message: String((e as Error).message) };
  }
  return { code: 'no error', message: '' };
}

describe('slots through the service', () => {
  let root: { dir: string; cleanup: () => Promise<void> };
  let vaultDir: string;
  let service: VaultService;

  beforeEach(async () => {
    root = await tempDir('ev-slots-');
    vaultDir = path.join(root.dir, 'vault');
    const made = await Vault.create(vaultDir, PASS, { kdf: TEST_KDF });
    made.vault.close();
    service = createVaultService({ vaultDir, kdf: TEST_KDF, nativeDialogs: false, emit: () => {} });
    await service.call('vault.unlock', { passphrase: PASS });
  });

  afterEach(async () => {
    await service.dispose();
    await root.cleanup();
  });

  const header = () => readFileSync(path.join(vaultDir, 'vault.json'), 'utf8');

  it('refuses a weak passphrase, a long name, a wrong owner passphrase and the owner slot, changing nothing', async () => {
    const before = header();
    const weak = await errorOf(() =>
      service.call('slots.add', { name: 'Sam', passphrase: 'password1', ownerPassphrase: PASS }),
    );
    expect(weak.code).toBe('INVALID_INPUT');
    expect(weak.message).toMatch(/^Use at least 10 characters\. Nothing was changed\.$/);
    const easy = await errorOf(() =>
      service.call('slots.add', { name: 'Sam', passphrase: 'password123', ownerPassphrase: PASS }),
    );
    expect(easy.message).toMatch(/too easy to guess/);
    const long = await errorOf(() =>
      service.call('slots.add', { name: 'x'.repeat(101), passphrase: AGENT, ownerPassphrase: PASS }),
    );
    expect(long.code).toBe('INVALID_INPUT');
    expect(long.message).toMatch(/The name can be up to 100 characters; it has 101\./);
    const wrong = await errorOf(() =>
      service.call('slots.add', { name: 'Sam', passphrase: AGENT, ownerPassphrase: 'not the owner one' }),
    );
    expect(wrong).toEqual({
      code: 'WRONG_PASSPHRASE',
      message: "That is not the owner's current passphrase. Nothing was changed.",
    });
    expect((await errorOf(() => service.call('slots.remove', { id: 'owner' }))).code).toBe('INVALID_INPUT');
    expect(header()).toBe(before);
    expect(await service.call('slots.list', {})).toHaveLength(2);
  });

  it('either passphrase unlocks, and the list says which one did', async () => {
    const added = await service.call('slots.add', { name: 'Sam (agent)', passphrase: AGENT, ownerPassphrase: PASS });
    await service.call('vault.lock', {});
    await service.call('vault.unlock', { passphrase: AGENT });
    const slots = await service.call('slots.list', {});
    expect(slots.find((s) => s.current)).toEqual({ ...added, current: true });
    // The agent changes their own passphrase with their current one; the owner's is untouched.
    await service.call('vault.changePassphrase', {
      newPassphrase: 'agent words changed again',
      currentPassphrase: AGENT,
    });
    await service.call('vault.lock', {});
    expect((await service.call('vault.unlock', { passphrase: PASS })).state).toBe('unlocked');
    await service.call('vault.lock', {});
    expect((await service.call('vault.unlock', { passphrase: 'agent words changed again' })).state).toBe('unlocked');
  });
});
