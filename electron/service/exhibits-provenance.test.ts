/**
 * The provenance and physical-item channels (issue 13) through the service, against the real core
 * in a temporary folder: exhibits.addPhysical, exhibits.get, exhibits.update, exhibits.history,
 * and the refusals (schema and core) that change nothing.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVaultService, type VaultService } from './handlers.js';
import { TEST_KDF, tempDir } from '../../test/support/ipc.js';

let root: { dir: string; cleanup: () => Promise<void> };
let service: VaultService;
let incidentId = '';

beforeEach(async () => {
  root = await tempDir('ev-provenance-');
  service = createVaultService({
    vaultDir: path.join(root.dir, 'vault'),
    kdf: TEST_KDF,
    nativeDialogs: false,
    emit: () => undefined,
  });
  await service.call('vault.create', { passphrase: 'provenance test passphrase' });
  incidentId = (
    await service.call('incidents.create', { input: { title: 'Letter', occurredAt: { date: '2024-05-03' } } })
  ).id;
});

afterEach(async () => {
  await service.dispose();
  await root.cleanup();
});

describe('exhibit provenance channels', () => {
  it('a physical item round-trips: add, get, update, history, read refused, delete', async () => {
    const item = await service.call('exhibits.addPhysical', {
      incidentId,
      name: 'Letter and envelope',
      details: { description: 'Pushed through the door', obtainedHow: 'other', obtainedHowOther: 'By hand' },
      physical: { keptAt: 'Office safe' },
    });
    expect(item).toMatchObject({
      kind: 'physical',
      size: 0,
      sha256: '',
      physical: { keptAt: 'Office safe', handledBy: '' },
    });
    expect(await service.call('exhibits.get', { id: item.id })).toEqual(item);
    const updated = await service.call('exhibits.update', {
      id: item.id,
      details: { ...item.details, originalLocation: 'Office safe' },
      physical: { keptAt: 'Handed to the police', handledBy: 'PC 123 Smith' },
    });
    expect(updated.physical).toEqual({ keptAt: 'Handed to the police', handledBy: 'PC 123 Smith' });
    const history = await service.call('exhibits.history', { id: item.id });
    expect(history.map((h) => [h.current, h.physical?.keptAt])).toEqual([
      [false, 'Office safe'],
      [true, 'Handed to the police'],
    ]);
    await expect(service.call('exhibits.read', { id: item.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/is a physical item: there is no file to open/),
    });
    const listed = await service.call('incidents.get', { id: incidentId });
    expect(listed.exhibits).toEqual([updated]);
    await service.call('exhibits.delete', { id: item.id, reason: 'Added by mistake' });
    await expect(service.call('exhibits.get', { id: item.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await service.call('vault.check', { jobId: 'a'.repeat(32) })).ok).toBe(true);
  });

  it('bad requests are refused with one line and change nothing', async () => {
    const item = await service.call('exhibits.addPhysical', {
      incidentId,
      name: 'Letter',
      details: {},
      physical: { keptAt: 'Safe' },
    });
    const before = await service.call('incidents.list', {});
    const custody = (await service.call('custody.list', {})).length;
    const bad: [string, Promise<unknown>, RegExp][] = [
      [
        'unknown obtained-how',
        service.call('exhibits.update', { id: item.id, details: { obtainedHow: 'stolen' as never } }),
        /“How you got it” is not one of the choices/,
      ],
      [
        'over-long description',
        service.call('exhibits.update', { id: item.id, details: { description: 'x'.repeat(10_001) } }),
        /The description can be up to 10,000 characters; it has 10,001\./,
      ],
      ['unknown exhibit', service.call('exhibits.update', { id: 'f'.repeat(32), details: {} }), /no exhibit/],
      [
        'an empty place kept',
        service.call('exhibits.addPhysical', { incidentId, name: 'Envelope', details: {}, physical: { keptAt: '' } }),
        /Say where the item is kept/,
      ],
      [
        'no name',
        service.call('exhibits.addPhysical', { incidentId, name: ' ', details: {}, physical: { keptAt: 'Safe' } }),
        /Give the item a short name/,
      ],
      [
        'an unknown field',
        service.call('exhibits.update', { id: item.id, details: { colour: 'red' } as never }),
        /The app sent something this version does not know/,
      ],
    ];
    for (const [what, p, message] of bad) {
      const e = (await p.then(
        () => new Error(`${what}: accepted`),
        (err: unknown) => err,
      )) as Error;
      expect(e.message, what).toMatch(message);
      expect(e.message.split('\n'), what).toHaveLength(1);
    }
    expect(await service.call('incidents.list', {})).toEqual(before);
    expect(await service.call('custody.list', {})).toHaveLength(custody);
  });
});
