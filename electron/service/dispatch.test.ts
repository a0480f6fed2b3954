/**
 * The handler table (electron/service/handlers.ts) against the real core in a temporary folder: every bad
 * request is refused with INVALID_INPUT before any call reaches the vault; good ones work;
 * errors come back as payloads with no paths in them.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVaultService, findExtraKey, type VaultService } from './handlers.js';
import type { VaultEventName } from '../../shared/ipc.js';
import type { Exhibit, Incident } from '../../shared/model.js';
import { FIXTURES, TEST_KDF, countingFactory, tempDir, type CountingFactory } from '../../test/support/ipc.js';

const PASS = 'correct horse battery staple';
const incidentInput = {
  title: 'Leaflet torn, note left',
  occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00' },
};

let root: { dir: string; cleanup: () => Promise<void> };
let vaultDir: string;
let factory: CountingFactory;
let service: VaultService;
let events: { event: VaultEventName; payload: unknown }[];

beforeEach(async () => {
  root = await tempDir();
  vaultDir = path.join(root.dir, 'My vault');
  factory = countingFactory();
  events = [];
  service = createVaultService({
    vaultDir,
    kdf: TEST_KDF,
    nativeDialogs: false,
    vaults: factory,
    emit: (event, payload) => events.push({ event, payload }),
  });
});

afterEach(async () => {
  await service.dispose();
  await root.cleanup();
});

async function created(): Promise<void> {
  const r = await service.dispatch('vault.create', { passphrase: PASS });
  expect(r.ok).toBe(true);
  factory.calls.length = 0;
}

function ok<T>(r: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('validation: refused with INVALID_INPUT, no vault call', () => {
  const bad: [string, unknown, string][] = [
    ['an unknown channel', undefined, 'vault.deleteEverything'],
    ['a prototype key as channel', {}, '__proto__'],
    ['toString as channel', {}, 'toString'],
    ['constructor as channel', {}, 'constructor'],
  ];
  for (const [what, request, channel] of bad) {
    it(`refuses ${what}`, async () => {
      await created();
      const r = await service.dispatch(channel, request);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(factory.calls).toEqual([]);
    });
  }

  const badRequests: [string, string, unknown][] = [
    ['a number for an id', 'incidents.get', { id: 42 }],
    ['an id that is not a record id', 'incidents.get', { id: '../../etc/passwd' }],
    ['a missing id', 'incidents.delete', {}],
    ['an extra key at the top', 'incidents.list', { all: true }],
    ['a string instead of an object', 'incidents.list', 'everything'],
    ['an array instead of an object', 'incidents.create', [incidentInput]],
    ['a title of the wrong type', 'incidents.create', { input: { ...incidentInput, title: 5 } }],
    ['an extra key inside the incident', 'incidents.create', { input: { ...incidentInput, sql: 'DROP TABLE' } }],
    [
      'an extra key deep inside the date',
      'incidents.create',
      { input: { ...incidentInput, occurredAt: { ...incidentInput.occurredAt, tz: 'Europe/London' } } },
    ],
    ['an unknown category', 'incidents.create', { input: { ...incidentInput, categories: ['arson'] } }],
    [
      'an impossible time',
      'incidents.create',
      { input: { ...incidentInput, occurredAt: { date: '2024-05-03', time: '9pm' } } },
    ],
    ['settings of the wrong type', 'settings.update', { patch: { autoLockMinutes: 'never' } }],
    ['an unknown setting', 'settings.update', { patch: { dataDir: '/tmp' } }],
    ['a passphrase that is not a string', 'vault.unlock', { passphrase: ['a'] }],
    ['both passphrase and recovery key', 'vault.unlock', { passphrase: PASS, recoveryKey: 'x' }],
    ['a bad job id', 'exhibits.cancel', { jobId: 'job-1' }],
    [
      'a path where a grant is expected',
      'exhibits.import',
      { incidentId: 'a'.repeat(32), jobId: 'b'.repeat(16), sources: [{ kind: 'grant', grantId: '/etc/passwd' }] },
    ],
    [
      'a path source',
      'exhibits.import',
      { incidentId: 'a'.repeat(32), jobId: 'b'.repeat(16), sources: [{ kind: 'path', path: '/etc/passwd' }] },
    ],
    [
      'a path beside a grant',
      'exhibits.import',
      {
        incidentId: 'a'.repeat(32),
        jobId: 'b'.repeat(16),
        sources: [{ kind: 'grant', grantId: 'c'.repeat(32), path: '/etc/passwd' }],
      },
    ],
    [
      'bytes that are not bytes',
      'exhibits.import',
      {
        incidentId: 'a'.repeat(32),
        jobId: 'b'.repeat(16),
        sources: [{ kind: 'bytes', name: 'x.png', data: [1, 2, 3] }],
      },
    ],
    ['no sources', 'exhibits.import', { incidentId: 'a'.repeat(32), jobId: 'b'.repeat(16), sources: [] }],
    ['a non-plain object', 'incidents.list', new Map([['a', 1]])],
    ['a date object', 'incidents.get', { id: new Date() }],
  ];
  for (const [what, channel, request] of badRequests) {
    it(`refuses ${what} (${channel})`, async () => {
      await created();
      const before = ok<unknown[]>(await service.dispatch('custody.list', {})).length;
      factory.calls.length = 0;
      const r = await service.dispatch(channel, request);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(factory.calls).toEqual([]);
      expect(ok<unknown[]>(await service.dispatch('custody.list', {}))).toHaveLength(before);
    });
  }

  it('refuses an unknown but well-formed grant without reaching the import', async () => {
    await created();
    const incident = ok<Incident>(await service.dispatch('incidents.create', { input: incidentInput }));
    factory.calls.length = 0;
    const r = await service.dispatch('exhibits.import', {
      incidentId: incident.id,
      jobId: 'b'.repeat(16),
      sources: [{ kind: 'grant', grantId: 'c'.repeat(32) }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(factory.calls).toEqual([]);
  });

  it('refuses native dialogs in a host without them', async () => {
    await created();
    const r = await service.dispatch('dialog.openFiles', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(factory.calls).toEqual([]);
  });

  it('findExtraKey names the first unknown key at any depth', () => {
    expect(findExtraKey({ a: 1 }, { a: 1, b: 2 })).toBeNull();
    expect(findExtraKey({ a: { b: [{ c: 1, d: 2 }] } }, { a: { b: [{ c: 1 }] } })).toBe('a.b[0].d');
  });
});

describe('the vault through the table', () => {
  it('goes none → unlocked → locked, and the window sees no paths', async () => {
    expect(ok(await service.dispatch('vault.status', {}))).toEqual({
      state: 'none',
      location: 'My vault',
      nativeDialogs: false,
    });
    const made = ok<{ recoveryKey: string }>(await service.dispatch('vault.create', { passphrase: PASS }));
    expect(made.recoveryKey.length).toBeGreaterThan(20);
    expect(ok(await service.dispatch('vault.status', {}))).toMatchObject({ state: 'unlocked' });

    const again = await service.dispatch('vault.create', { passphrase: PASS });
    expect(again.ok).toBe(false);

    expect(ok(await service.dispatch('vault.lock', {}))).toMatchObject({ state: 'locked' });
    expect(events).toContainEqual({ event: 'locked', payload: { reason: 'user' } });
    const locked = await service.dispatch('incidents.list', {});
    expect(locked).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });

    const wrong = await service.dispatch('vault.unlock', { passphrase: 'not it' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(ok(await service.dispatch('vault.unlock', { recoveryKey: made.recoveryKey }))).toMatchObject({
      state: 'unlocked',
    });
    // Nothing that crossed mentions the real folder.
    const everything = JSON.stringify(events) + JSON.stringify(again);
    expect(everything).not.toContain(root.dir);
  });

  it('creates, edits, lists and deletes an incident; unknown ids are NOT_FOUND', async () => {
    await created();
    const incident = ok<Incident>(await service.dispatch('incidents.create', { input: incidentInput }));
    expect(incident.title).toBe('Leaflet torn, note left');
    const edited = ok<Incident>(
      await service.dispatch('incidents.update', { id: incident.id, input: { ...incidentInput, title: 'Edited' } }),
    );
    expect(edited.title).toBe('Edited');
    expect(ok<Incident[]>(await service.dispatch('incidents.list', {})).map((i) => i.title)).toEqual(['Edited']);
    expect(await service.dispatch('incidents.get', { id: 'f'.repeat(32) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(ok(await service.dispatch('incidents.delete', { id: incident.id, reason: 'entered twice' }))).toBeNull();
    expect(ok<Incident[]>(await service.dispatch('incidents.list', {}))).toEqual([]);
  });

  it('imports bytes with progress, reads them back, and a host can serve them', async () => {
    await created();
    const incident = ok<Incident>(await service.dispatch('incidents.create', { input: incidentInput }));
    const { readFile } = await import('node:fs/promises');
    const png = new Uint8Array(await readFile(path.join(FIXTURES, 'post-1.png')));
    const exhibits = ok<Exhibit[]>(
      await service.dispatch('exhibits.import', {
        incidentId: incident.id,
        jobId: '0123456789abcdef',
        sources: [{ kind: 'bytes', name: 'post-1.png', lastModified: 1714768800000, data: png }],
      }),
    );
    expect(exhibits).toHaveLength(1);
    expect(exhibits[0]).toMatchObject({ name: 'post-1.png', mediaType: 'image/png', size: png.byteLength });
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ jobId: '0123456789abcdef', done: png.byteLength, total: png.byteLength });
    const bytes = ok<Uint8Array>(await service.dispatch('exhibits.read', { id: exhibits[0]!.id }));
    expect(Buffer.from(bytes).equals(Buffer.from(png))).toBe(true);
  });

  it('imports a granted file by its grant, and a lock revokes grants', async () => {
    await created();
    const incident = ok<Incident>(await service.dispatch('incidents.create', { input: incidentInput }));
    const local = path.join(root.dir, 'letter.pdf');
    await copyFile(path.join(FIXTURES, 'letter.pdf'), local);
    const grant = await service.grantPath(local);
    expect(grant).toMatchObject({ name: 'letter.pdf' });
    expect(JSON.stringify(grant)).not.toContain(root.dir);
    const exhibits = ok<Exhibit[]>(
      await service.dispatch('exhibits.import', {
        incidentId: incident.id,
        jobId: 'fedcba9876543210',
        sources: [{ kind: 'grant', grantId: grant.grantId }],
      }),
    );
    expect(exhibits[0]).toMatchObject({ name: 'letter.pdf', mediaType: 'application/pdf' });

    await service.lock('test');
    ok(await service.dispatch('vault.unlock', { passphrase: PASS }));
    const revoked = await service.dispatch('exhibits.import', {
      incidentId: incident.id,
      jobId: 'fedcba9876543211',
      sources: [{ kind: 'grant', grantId: grant.grantId }],
    });
    expect(revoked).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('cancels an import by its job id: CANCELLED, nothing added', async () => {
    await created();
    const incident = ok<Incident>(await service.dispatch('incidents.create', { input: incidentInput }));
    const big = new Uint8Array(24 * 1024 * 1024).fill(7);
    const pending = service.dispatch('exhibits.import', {
      incidentId: incident.id,
      jobId: 'aaaaaaaaaaaaaaaa',
      sources: [{ kind: 'bytes', name: 'big.bin', data: big }],
    });
    expect(ok(await service.dispatch('exhibits.cancel', { jobId: 'aaaaaaaaaaaaaaaa' }))).toBeNull();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(ok<Incident>(await service.dispatch('incidents.get', { id: incident.id })).exhibits).toEqual([]);
  });
});
