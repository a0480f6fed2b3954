/**
 * The people.merge and cases.* channels through the handler table, against the real core: bad
 * requests refused before the vault, errors as payloads, good ones answered.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVaultService, type VaultService } from './handlers.js';
import { TEST_KDF, countingFactory, tempDir, type CountingFactory } from '../../test/support/ipc.js';

let root: { dir: string; cleanup: () => Promise<void> };
let factory: CountingFactory;
let service: VaultService;

beforeEach(async () => {
  root = await tempDir();
  factory = countingFactory();
  service = createVaultService({
    vaultDir: path.join(root.dir, 'vault'),
    kdf: TEST_KDF,
    nativeDialogs: false,
    vaults: factory,
    emit: () => undefined,
  });
  expect((await service.dispatch('vault.create', { passphrase: 'correct horse battery staple' })).ok).toBe(true);
});

afterEach(async () => {
  await service.dispose();
  await root.cleanup();
});

describe('people.merge and cases', () => {
  it('merges two people and links a case, through the channels', async () => {
    const a = await service.call('people.create', { input: { name: 'A', handles: ['@a'] } });
    const b = await service.call('people.create', { input: { name: '', handles: ['@b'] } });
    const inc = await service.call('incidents.create', {
      input: { title: 'T', occurredAt: { date: '2024-05-03' }, perpetratorIds: [b.id], effect: 'I moved my office' },
    });
    const merged = await service.call('people.merge', { fromId: b.id, intoId: a.id });
    expect(merged.handles).toEqual(['@a', '@b']);
    expect((await service.call('incidents.get', { id: inc.id })).perpetratorIds).toEqual([a.id]);

    const c = await service.call('cases.create', { input: { force: 'Kent Police', reference: '46/1/24' } });
    const linked = await service.call('cases.link', { caseId: c.id, incidentIds: [inc.id] });
    expect(linked.incidentIds).toEqual([inc.id]);
    expect((await service.call('cases.unlink', { caseId: c.id, incidentIds: [inc.id] })).incidentIds).toEqual([]);
    expect((await service.call('cases.list', {})).map((x) => x.reference)).toEqual(['46/1/24']);
  });

  it('refuses bad requests before the vault, and answers core errors as payloads', async () => {
    const p = await service.call('people.create', { input: { name: 'A' } });
    factory.calls.length = 0;
    const extra = await service.dispatch('cases.link', { caseId: p.id, incidentIds: [p.id], why: 1 });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const none = await service.dispatch('cases.link', { caseId: p.id, incidentIds: [] });
    expect(none).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(factory.calls).toEqual([]);
    const self = await service.dispatch('people.merge', { fromId: p.id, intoId: p.id });
    expect(self).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'A person cannot be merged into themselves: choose two different people. Nothing was changed.',
      },
    });
    const noCase = await service.dispatch('cases.link', { caseId: 'a'.repeat(32), incidentIds: ['b'.repeat(32)] });
    expect(noCase).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
