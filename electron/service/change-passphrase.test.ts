/**
 * 'vault.changePassphrase' asks for the current passphrase (issue 15): a wrong or missing one is
 * refused with WRONG_PASSPHRASE and nothing changes (the old passphrase still opens the vault);
 * straight after an unlock with the recovery key she may set a new one without it, once.
 * Real core, real files, real libsodium.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF, Vault } from '../core/index.js';
import { VaultError } from '../../shared/errors.js';
import { createVaultService, type VaultService } from './handlers.js';
import { tempDir } from '../../test/support/ipc.js';

const PASS = 'correct horse battery staple';
const NEW = 'a completely different passphrase';

async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return e instanceof VaultError ? e.code : ((e as { code?: string }).code ?? String(e));
  }
  return 'no error';
}

describe('changing the passphrase needs the current one', () => {
  let root: { dir: string; cleanup: () => Promise<void> };
  let vaultDir: string;
  let recoveryKey: string;
  let service: VaultService;

  beforeEach(async () => {
    root = await tempDir('ev-pass-');
    vaultDir = path.join(root.dir, 'vault');
    const made = await Vault.create(vaultDir, PASS, { kdf: TEST_KDF });
    recoveryKey = made.recoveryKey;
    made.vault.close();
    service = createVaultService({ vaultDir, kdf: TEST_KDF, nativeDialogs: false, emit: () => {} });
  });

  afterEach(async () => {
    await service.dispose();
    await root.cleanup();
  });

  const header = () => readFileSync(path.join(vaultDir, 'vault.json'), 'utf8');
  const opensWith = async (passphrase: string) => {
    await service.call('vault.lock', {});
    return (await service.call('vault.unlock', { passphrase })).state;
  };

  it('a wrong current passphrase is refused, nothing is written, and the old one still unlocks', async () => {
    await service.call('vault.unlock', { passphrase: PASS });
    const before = header();
    const log = (await service.call('custody.list', {})).length;
    expect(
      await codeOf(() =>
        service.call('vault.changePassphrase', { newPassphrase: NEW, currentPassphrase: 'not my passphrase' }),
      ),
    ).toBe('WRONG_PASSPHRASE');
    expect(header()).toBe(before);
    expect((await service.call('custody.list', {})).length).toBe(log);
    expect(await opensWith(PASS)).toBe('unlocked');
    expect(await codeOf(() => opensWith(NEW))).toBe('WRONG_PASSPHRASE');
  });

  it('a missing current passphrase is refused after a passphrase unlock', async () => {
    await service.call('vault.unlock', { passphrase: PASS });
    const before = header();
    expect(await codeOf(() => service.call('vault.changePassphrase', { newPassphrase: NEW }))).toBe('WRONG_PASSPHRASE');
    expect(header()).toBe(before);
    expect(await opensWith(PASS)).toBe('unlocked');
  });

  it('the right current passphrase changes it: the new one unlocks, the old one no longer does', async () => {
    await service.call('vault.unlock', { passphrase: PASS });
    await service.call('vault.changePassphrase', { newPassphrase: NEW, currentPassphrase: PASS });
    expect(await opensWith(NEW)).toBe('unlocked');
    expect(await codeOf(() => opensWith(PASS))).toBe('WRONG_PASSPHRASE');
  });

  it('after a recovery-key unlock a new passphrase may be set without the old one, once', async () => {
    await service.call('vault.unlock', { recoveryKey });
    await service.call('vault.changePassphrase', { newPassphrase: NEW });
    // Once: a second change needs the (new) current passphrase.
    expect(await codeOf(() => service.call('vault.changePassphrase', { newPassphrase: 'third one here' }))).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(await opensWith(NEW)).toBe('unlocked');
  });

  it('a recovery-key unlock followed by a lock and a passphrase unlock needs the current one again', async () => {
    await service.call('vault.unlock', { recoveryKey });
    expect(await opensWith(PASS)).toBe('unlocked');
    expect(await codeOf(() => service.call('vault.changePassphrase', { newPassphrase: NEW }))).toBe('WRONG_PASSPHRASE');
  });
});
