/**
 * 'exhibits.import' through the handler table against the real core: the same bytes twice are refused
 * with DUPLICATE_EXHIBIT (nothing added) until allowDuplicates; the warnings come back with the exhibits,
 * and what the file says a moment later (extractPending until then; an 'exhibitsRead' event and an
 * activity-log entry when it is written); a bad allowDuplicates is INVALID_INPUT.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVaultService, type VaultService } from './handlers.js';
import type { Exhibit, Incident } from '../../shared/model.js';
import { TEST_KDF, countingFactory, tempDir } from '../../test/support/ipc.js';

const FIXTURES = path.resolve(import.meta.dirname, '../core/exhibits/extract/fixtures');

let root: { dir: string; cleanup: () => Promise<void> };
let service: VaultService;
let events: { event: string; payload: unknown }[];

beforeEach(async () => {
  root = await tempDir();
  events = [];
  service = createVaultService({
    vaultDir: path.join(root.dir, 'vault'),
    kdf: TEST_KDF,
    nativeDialogs: false,
    vaults: countingFactory(),
    emit: (event, payload) => void events.push({ event, payload }),
  });
  const r = await service.dispatch('vault.create', { passphrase: 'correct horse battery staple' });
  expect(r.ok).toBe(true);
});

afterEach(async () => {
  await service.dispose();
  await root.cleanup();
});

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
function ok<T>(r: Result): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe("'exhibits.import' and the same file twice", () => {
  it('refused with DUPLICATE_EXHIBIT, nothing added; then added with allowDuplicates', async () => {
    const incident = ok<Incident>(
      await service.dispatch('incidents.create', { input: { title: 'Car keyed', occurredAt: { date: '2019-11-12' } } }),
    );
    const data = new Uint8Array(await readFile(path.join(FIXTURES, 'damage.jpg')));
    const request = (jobId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      incidentId: incident.id,
      jobId,
      sources: [{ kind: 'bytes', name: 'damage.jpg', data }],
      ...extra,
    });
    const [first] = ok<Exhibit[]>(await service.dispatch('exhibits.import', request('a'.repeat(16))));
    // The import returns before what the file says is read: the exhibit says it is still being read.
    expect(first?.extractPending).toBe(true);
    expect(first?.extracted).toBeUndefined();
    expect(first?.warnings).toEqual([]);
    await expect
      .poll(() => events.filter((e) => e.event === 'exhibitsRead'), { timeout: 10_000 })
      .toEqual([{ event: 'exhibitsRead', payload: { incidentId: incident.id, exhibitIds: [first?.id] } }]);
    const read = ok<Exhibit>(await service.dispatch('exhibits.get', { id: first!.id }));
    expect(read.extracted?.camera?.model).toBe('iPhone 11');
    expect(read.extractPending).toBeUndefined();
    const entries = ok<{ action: string; subjectId: string | null; details: Record<string, unknown> }[]>(
      await service.dispatch('custody.list', {}),
    );
    expect(entries.at(-1)).toMatchObject({
      action: 'edit',
      subjectId: first?.id,
      details: { name: 'damage.jpg', sha256: first?.sha256, extracted: true },
    });
    const log = entries.length;

    const again = await service.dispatch('exhibits.import', request('b'.repeat(16)));
    expect(again).toMatchObject({ ok: false, error: { code: 'DUPLICATE_EXHIBIT' } });
    expect(again.ok ? '' : again.error.message).toMatch(
      /^"damage\.jpg" is already in the vault \(in "Car keyed", added \d\d\/\d\d\/\d{4}\)\. Add it again only if you mean to\.$/,
    );
    expect(ok<Incident>(await service.dispatch('incidents.get', { id: incident.id })).exhibits).toHaveLength(1);
    expect(ok<unknown[]>(await service.dispatch('custody.list', {}))).toHaveLength(log);

    const bad = await service.dispatch('exhibits.import', request('c'.repeat(16), { allowDuplicates: 'yes' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const added = ok<Exhibit[]>(
      await service.dispatch('exhibits.import', request('d'.repeat(16), { allowDuplicates: true })),
    );
    expect(added[0]?.sha256).toBe(first?.sha256);
    expect(ok<Incident>(await service.dispatch('incidents.get', { id: incident.id })).exhibits).toHaveLength(2);
  });

  it('locked the moment the import returns: after the unlock the exhibit is read, never left "still being read"', async () => {
    const incident = ok<Incident>(
      await service.dispatch('incidents.create', { input: { title: 'Car keyed', occurredAt: { date: '2019-11-12' } } }),
    );
    const data = new Uint8Array(await readFile(path.join(FIXTURES, 'damage.jpg')));
    const [x] = ok<Exhibit[]>(
      await service.dispatch('exhibits.import', {
        incidentId: incident.id,
        jobId: 'f'.repeat(16),
        sources: [{ kind: 'bytes', name: 'damage.jpg', data }],
      }),
    );
    expect(x?.extractPending).toBe(true);
    ok(await service.dispatch('vault.lock', {}));
    ok(await service.dispatch('vault.unlock', { passphrase: 'correct horse battery staple' }));
    const read = ok<Exhibit>(await service.dispatch('exhibits.get', { id: x!.id }));
    expect(read.extractPending).toBeUndefined();
    expect(read.extracted?.camera?.model).toBe('iPhone 11');
  });

  it('a Windows program pasted as a .png comes back with its warning', async () => {
    const incident = ok<Incident>(
      await service.dispatch('incidents.create', { input: { title: 'Odd paste', occurredAt: { date: '2019-11-12' } } }),
    );
    const data = new Uint8Array(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), Buffer.alloc(100)]));
    const [x] = ok<Exhibit[]>(
      await service.dispatch('exhibits.import', {
        incidentId: incident.id,
        jobId: 'e'.repeat(16),
        sources: [{ kind: 'bytes', name: 'pasted.png', data }],
      }),
    );
    expect(x?.warnings).toEqual(['This is a Windows program named .png: it is kept sealed and never opened.']);
  });
});
