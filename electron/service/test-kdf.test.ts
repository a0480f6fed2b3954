/**
 * The test suites' KDF switch, read in one place (./test-kdf.ts), and weak vaults: a vault stored
 * below the default Argon2id cost says so when unlocked (weakKdf), and a passphrase change writes
 * the default cost (or the test cost the host asked for). Real core, real files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KDF, TEST_KDF, Vault } from '../core/index.js';
import { createVaultService, type VaultService } from './handlers.js';
import { isWeakKdf, testKdfFromEnv } from './test-kdf.js';
import { tempDir } from '../../test/support/ipc.js';

const PASS = 'correct horse battery staple';

describe('testKdfFromEnv: one spelling, only under a test runner', () => {
  it('is honoured with the test-run marker, or under vitest', () => {
    expect(testKdfFromEnv({ EVIDENCE_VAULT_TEST_KDF: '1', EVIDENCE_VAULT_TEST_RUN: '1' })).toEqual({ kdf: TEST_KDF });
    expect(testKdfFromEnv({ EVIDENCE_VAULT_TEST_KDF: '1', VITEST: 'true' })).toEqual({ kdf: TEST_KDF });
  });

  it('without the marker it is ignored, with one warning line', () => {
    const r = testKdfFromEnv({ EVIDENCE_VAULT_TEST_KDF: '1' });
    expect(r.kdf).toBeUndefined();
    expect(r.warning).toMatch(/^warning: EVIDENCE_VAULT_TEST_KDF is ignored outside the test suites/);
    expect(r.warning).toContain('EVIDENCE_VAULT_TEST_RUN=1');
    expect(r.warning).not.toContain('\n');
  });

  it('the old spelling "fast" is no switch: ignored, with the warning naming the one spelling', () => {
    const r = testKdfFromEnv({ EVIDENCE_VAULT_TEST_KDF: 'fast', EVIDENCE_VAULT_TEST_RUN: '1' });
    expect(r.kdf).toBeUndefined();
    expect(r.warning).toMatch(/EVIDENCE_VAULT_TEST_KDF=fast is ignored .*EVIDENCE_VAULT_TEST_KDF=1/);
  });

  it('a packaged app never honours it, and has nothing to say', () => {
    const env = { EVIDENCE_VAULT_TEST_KDF: '1', EVIDENCE_VAULT_TEST_RUN: '1', VITEST: 'true' };
    expect(testKdfFromEnv(env, { packaged: true })).toEqual({});
  });

  it('unset or empty: nothing', () => {
    expect(testKdfFromEnv({})).toEqual({});
    expect(testKdfFromEnv({ EVIDENCE_VAULT_TEST_KDF: '' })).toEqual({});
  });

  it('weak means either parameter below the cost the host writes', () => {
    expect(isWeakKdf(TEST_KDF)).toBe(true);
    expect(isWeakKdf({ opsLimit: DEFAULT_KDF.opsLimit, memLimit: DEFAULT_KDF.memLimit / 2 })).toBe(true);
    expect(isWeakKdf({ opsLimit: 1, memLimit: DEFAULT_KDF.memLimit })).toBe(true);
    expect(isWeakKdf(DEFAULT_KDF)).toBe(false);
    expect(isWeakKdf({ opsLimit: 4, memLimit: DEFAULT_KDF.memLimit })).toBe(false);
    expect(isWeakKdf(TEST_KDF, TEST_KDF)).toBe(false);
  });
});

describe('a vault stored below the default cost', () => {
  let root: { dir: string; cleanup: () => Promise<void> };
  let vaultDir: string;
  let service: VaultService;

  beforeEach(async () => {
    root = await tempDir('ev-kdf-');
    vaultDir = path.join(root.dir, 'vault');
    // Made by a test run (the cheap cost), then opened by a host that writes the default.
    (await Vault.create(vaultDir, PASS, { kdf: TEST_KDF })).vault.close();
    service = createVaultService({ vaultDir, nativeDialogs: false, emit: () => {} });
  });

  afterEach(async () => {
    await service.dispose();
    await root.cleanup();
  });

  const storedKdf = () =>
    (
      JSON.parse(readFileSync(path.join(vaultDir, 'vault.json'), 'utf8')) as {
        kdf: { opsLimit: number; memLimit: number };
      }
    ).kdf;

  it('unlocks with weakKdf: true, and status says it too', async () => {
    expect(await service.call('vault.unlock', { passphrase: PASS })).toMatchObject({
      state: 'unlocked',
      weakKdf: true,
    });
    expect(await service.call('vault.status', {})).toMatchObject({ weakKdf: true });
  });

  it('a passphrase change writes the default cost; the vault opens with it and is no longer weak', async () => {
    await service.call('vault.unlock', { passphrase: PASS });
    await service.call('vault.changePassphrase', { newPassphrase: PASS, currentPassphrase: PASS });
    expect(storedKdf()).toMatchObject(DEFAULT_KDF);
    expect(await service.call('vault.status', {})).not.toHaveProperty('weakKdf');
    await service.call('vault.lock', {});
    const status = await service.call('vault.unlock', { passphrase: PASS });
    expect(status.state).toBe('unlocked');
    expect(status).not.toHaveProperty('weakKdf');
  }, 30_000);

  it('a host given the test cost (the switch honoured) keeps it, and calls nothing weak', async () => {
    await service.dispose();
    service = createVaultService({ vaultDir, kdf: TEST_KDF, nativeDialogs: false, emit: () => {} });
    expect(await service.call('vault.unlock', { passphrase: PASS })).not.toHaveProperty('weakKdf');
    await service.call('vault.changePassphrase', { newPassphrase: 'another passphrase', currentPassphrase: PASS });
    expect(storedKdf()).toMatchObject(TEST_KDF);
  });
});
