/**
 * 'settings.update' changes only the settings given: the others keep their values (zod 4 fills a
 * partial schema's missing fields with their defaults, which reset every other setting).
 */
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SettingsPatchSchema } from '../../shared/model.js';
import { createVaultService, type VaultService } from './handlers.js';
import { TEST_KDF, countingFactory, tempDir } from '../../test/support/ipc.js';

let root: { dir: string; cleanup: () => Promise<void> };
let service: VaultService;

beforeEach(async () => {
  root = await tempDir('ev-settings-');
  service = createVaultService({
    vaultDir: path.join(root.dir, 'vault'),
    kdf: TEST_KDF,
    nativeDialogs: false,
    vaults: countingFactory(),
    emit: () => undefined,
  });
  await service.call('vault.create', { passphrase: 'settings patch passphrase' });
});

afterEach(async () => {
  await service.dispose();
  await root.cleanup();
});

it('a patch holds only the fields given', () => {
  expect(SettingsPatchSchema.parse({ firstRunSteps: ['spoc'] })).toEqual({ firstRunSteps: ['spoc'] });
  expect(() => SettingsPatchSchema.parse({ timelineView: 'grid' })).toThrow();
});

it('changing one setting keeps every other one', async () => {
  await service.call('settings.update', {
    patch: { theme: 'dark', producerName: 'Alex Brown', recoveryKeyMadeAt: '2024-05-03T10:00:00.000Z' },
  });
  await service.call('settings.update', { patch: { guidanceDone: ['keep-records'] } });
  await service.call('settings.update', { patch: { timelineView: 'chronology', firstRunSteps: ['spoc'] } });
  expect(await service.call('settings.get', {})).toMatchObject({
    theme: 'dark',
    producerName: 'Alex Brown',
    recoveryKeyMadeAt: '2024-05-03T10:00:00.000Z',
    guidanceDone: ['keep-records'],
    timelineView: 'chronology',
    firstRunSteps: ['spoc'],
  });
  // A bad value is refused and nothing changes.
  await expect(service.call('settings.update', { patch: { timelineView: 'grid' as 'cards' } })).rejects.toMatchObject({
    code: 'INVALID_INPUT',
  });
  expect(await service.call('settings.get', {})).toMatchObject({ timelineView: 'chronology', theme: 'dark' });
});
