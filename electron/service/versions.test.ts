/**
 * Issue 12 through the handler table and the real core: versions, drafts and the bin as the
 * window sends them. Bad input gets a clear error and changes nothing; an edit racing a lock is
 * saved whole (incident, version and 'edit' entry together) or not at all.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BinItem, CustodyEntry, Draft, DraftInfo, Incident, IncidentVersion } from '../../shared/model.js';
import { TEST_KDF, tempDir } from '../../test/support/ipc.js';
import { createVaultService, type VaultService } from './handlers.js';

const PASS = 'correct horse battery staple';

let root: { dir: string; cleanup: () => Promise<void> };
let service: VaultService;

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function ok<T>(r: Result): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const input = {
  title: 'Shouting outside the office',
  occurredAt: { date: '2024-05-03' },
  description: 'First wording',
};

beforeEach(async () => {
  root = await tempDir();
  service = createVaultService({
    vaultDir: path.join(root.dir, 'vault'),
    kdf: TEST_KDF,
    nativeDialogs: false,
    emit: () => {},
  });
  ok(await service.dispatch('vault.create', { passphrase: PASS }));
});

afterEach(async () => {
  await service.dispose();
  await root.cleanup();
});

async function relock(): Promise<void> {
  await service.lock('test');
  ok(await service.dispatch('vault.unlock', { passphrase: PASS }));
}

describe('versions, drafts and the bin through the service', () => {
  it('incidents.history gives every version oldest first; drafts survive a lock; no custody entry per draft', async () => {
    const inc = ok<Incident>(await service.dispatch('incidents.create', { input }));
    ok(await service.dispatch('incidents.update', { id: inc.id, input: { ...input, description: 'Second wording' } }));
    const history = ok<IncidentVersion[]>(await service.dispatch('incidents.history', { id: inc.id }));
    expect(history.map((v) => [v.version, v.changed, v.incident.description])).toEqual([
      [1, [], 'First wording'],
      [2, ['description'], 'Second wording'],
    ]);

    const log = ok<CustodyEntry[]>(await service.dispatch('custody.list', {})).length;
    const text = JSON.stringify({ title: 'Half-written', description: 'He came back' });
    ok(await service.dispatch('drafts.save', { key: 'quick-add', text }));
    ok(await service.dispatch('drafts.save', { key: `incident:${inc.id}`, text: '{"description":"x"}' }));
    expect(ok<CustodyEntry[]>(await service.dispatch('custody.list', {}))).toHaveLength(log);
    await relock();
    expect(ok<Draft | null>(await service.dispatch('drafts.get', { key: 'quick-add' }))?.text).toBe(text);
    expect(
      ok<DraftInfo[]>(await service.dispatch('drafts.list', {}))
        .map((d) => d.key)
        .sort(),
    ).toEqual([`incident:${inc.id}`, 'quick-add']);
    ok(await service.dispatch('drafts.discard', { key: 'quick-add' }));
    expect(ok<Draft | null>(await service.dispatch('drafts.get', { key: 'quick-add' }))).toBeNull();
  });

  it('bad requests are INVALID_INPUT and change nothing', async () => {
    const inc = ok<Incident>(await service.dispatch('incidents.create', { input }));
    ok(await service.dispatch('drafts.save', { key: 'quick-add', text: '{"a":1}' }));
    const before = ok<CustodyEntry[]>(await service.dispatch('custody.list', {}));
    const bad: [string, unknown][] = [
      ['incidents.delete', { id: inc.id }],
      ['incidents.delete', { id: inc.id, reason: '' }],
      ['incidents.delete', { id: inc.id, reason: '   ' }],
      ['exhibits.delete', { id: inc.id }],
      ['people.delete', { id: inc.id }],
      ['contacts.delete', { id: inc.id }],
      ['drafts.save', { key: 'quick-add', text: 'not json' }],
      ['drafts.save', { key: 'quick-add', text: JSON.stringify('x'.repeat(1024 * 1024)) }],
      ['drafts.save', { key: '../../etc', text: '{}' }],
      ['drafts.get', { key: '' }],
      ['bin.restore', { id: 'not an id' }],
    ];
    for (const [channel, req] of bad) {
      const r = (await service.dispatch(channel, req)) as Result;
      expect(r.ok, `${channel} ${JSON.stringify(req).slice(0, 80)}`).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
    expect(ok<Incident>(await service.dispatch('incidents.get', { id: inc.id })).title).toBe(input.title);
    expect(ok<Draft>(await service.dispatch('drafts.get', { key: 'quick-add' })).text).toBe('{"a":1}');
    expect(ok<CustodyEntry[]>(await service.dispatch('custody.list', {}))).toEqual(before);
  });

  it('bin.list and bin.restore: deleted with a reason, listed, restored, logged', async () => {
    const inc = ok<Incident>(await service.dispatch('incidents.create', { input }));
    ok(await service.dispatch('incidents.delete', { id: inc.id, reason: 'Entered twice' }));
    const [item] = ok<BinItem[]>(await service.dispatch('bin.list', {}));
    expect(item).toMatchObject({ id: inc.id, kind: 'incident', reason: 'Entered twice', exhibits: 0 });
    await relock();
    ok(await service.dispatch('bin.restore', { id: inc.id }));
    expect(ok<Incident>(await service.dispatch('incidents.get', { id: inc.id })).description).toBe('First wording');
    const log = ok<CustodyEntry[]>(await service.dispatch('custody.list', {}));
    expect(log.filter((e) => e.subjectId === inc.id).map((e) => e.action)).toEqual(['create', 'delete', 'restore']);
    const again = (await service.dispatch('bin.restore', { id: inc.id })) as Result;
    expect(again.ok ? '' : again.error.code).toBe('NOT_FOUND');
  });

  it('an edit racing a lock is saved whole or not at all', async () => {
    const incidents: Incident[] = [];
    for (let i = 0; i < 6; i++) {
      incidents.push(ok<Incident>(await service.dispatch('incidents.create', { input: { ...input, title: `T${i}` } })));
    }
    // Edits sent one after another over several ticks of the event loop, and a lock landing among them.
    const later = <T>(ms: number, fn: () => Promise<T>): Promise<T> =>
      new Promise((resolve, reject) => setTimeout(() => fn().then(resolve, reject), ms));
    const sends = [...incidents, ...incidents].map((inc, i) =>
      later(i * 2, () =>
        service.dispatch('incidents.update', {
          id: inc.id,
          input: { ...input, title: inc.title, description: `Edited ${i}` },
        }),
      ),
    );
    const lock = later(11, () => service.lock('idle'));
    const results = (await Promise.all(sends)) as Result[];
    await lock;
    const outcome = results.map((r) => (r.ok ? 'saved' : r.error.code));
    expect(outcome).toContain('saved');
    expect(outcome).toContain('VAULT_LOCKED');
    expect(new Set(outcome)).toEqual(new Set(['saved', 'VAULT_LOCKED']));

    ok(await service.dispatch('vault.unlock', { passphrase: PASS }));
    const log = ok<CustodyEntry[]>(await service.dispatch('custody.list', {}));
    for (const inc of incidents) {
      const now = ok<Incident>(await service.dispatch('incidents.get', { id: inc.id }));
      const history = ok<IncidentVersion[]>(await service.dispatch('incidents.history', { id: inc.id }));
      const editEntries = log.filter((e) => e.subjectId === inc.id && e.action === 'edit');
      // Each committed edit left its version and its entry; the current body is the last version.
      expect(history).toHaveLength(1 + editEntries.length);
      expect(history[history.length - 1]!.incident.description).toBe(now.description);
      expect(now.description).toMatch(/^(First wording|Edited \d+)$/);
    }
    const check = ok<{ ok: boolean; problems: unknown[] }>(await service.dispatch('vault.check', {}));
    expect(check.problems).toEqual([]);
  });
});
