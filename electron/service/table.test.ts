/**
 * The combined handler table and what the CLI and the wizard rely on, against the real core in a
 * temporary folder: every channel has its handler; 'incidents.create' with exhibits is one action;
 * 'vault.check' reports progress with a job id; call throws the error as it is; a preview and the
 * export after it decrypt each image's head once.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type VaultEvents } from '../../shared/ipc.js';
import type { PackPreview, PackReceipt } from '../../shared/ipc-pack.js';
import type { CustodyEntry, Exhibit, Incident } from '../../shared/model.js';
import { createVaultService, handlerTable, type VaultService } from './handlers.js';
import { FIXTURES, TEST_KDF, countingFactory, tempDir, type CountingFactory } from '../../test/support/ipc.js';

const input = { title: 'Leaflet torn, note left', occurredAt: { date: '2024-05-03' } };

let root: { dir: string; cleanup: () => Promise<void> };
let factory: CountingFactory;
let service: VaultService;
let progress: VaultEvents['progress'][];

beforeEach(async () => {
  root = await tempDir('ev-table-');
  factory = countingFactory();
  progress = [];
  service = createVaultService({
    vaultDir: path.join(root.dir, 'vault'),
    kdf: TEST_KDF,
    nativeDialogs: false,
    vaults: factory,
    emit: (event, payload) => {
      if (event === 'progress') progress.push(payload as VaultEvents['progress']);
    },
  });
  await service.call('vault.create', { passphrase: 'table test passphrase' });
});

afterEach(async () => {
  await service.dispose();
  await root.cleanup();
});

describe('the table', () => {
  it('has a handler for every channel and nothing else', () => {
    expect(Object.keys(handlerTable).sort()).toEqual(Object.keys(channels).sort());
  });

  it('call validates as dispatch does, and throws the error as it is: with the path its user typed', async () => {
    await expect(service.call('incidents.get', { id: 'nope' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await service.call('incidents.create', { input });
    const occupied = path.join(root.dir, 'occupied');
    mkdirSync(occupied);
    writeFileSync(path.join(occupied, 'other.txt'), 'not a pack');
    const { grantId } = await service.grantPath(occupied, { mustExist: false });
    const request = {
      jobId: randomBytes(16).toString('hex'),
      options: { initials: 'AB' },
      destination: { kind: 'grant' as const, grantId },
    };
    const thrown = await service.call('pack.export', request).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect((thrown as Error).message).toContain(occupied);
    const answered = await service.dispatch('pack.export', { ...request, jobId: randomBytes(16).toString('hex') });
    expect(answered).toMatchObject({ ok: false, error: { code: 'OUTPUT_EXISTS' } });
    expect(JSON.stringify(answered)).not.toContain(root.dir);
  });
});

describe('what the CLI relies on', () => {
  it('a batch whose files finish out of order: the batch bytes only grow and end at the total', async () => {
    // One 12 MiB file first, then small ones: the small ones finish while the big one is written.
    const big = path.join(root.dir, 'big.bin');
    writeFileSync(big, randomBytes(12 * 1024 * 1024));
    const small = [1, 2, 3].map((n) => {
      const p = path.join(root.dir, `small-${n}.txt`);
      writeFileSync(p, `small file ${n}\n`.repeat(200));
      return p;
    });
    const { id } = await service.call('incidents.create', { input });
    const grants = await Promise.all([big, ...small].map((p) => service.grantPath(p)));
    const jobId = randomBytes(16).toString('hex');
    await service.call('exhibits.import', {
      incidentId: id,
      jobId,
      sources: grants.map((g) => ({ kind: 'grant' as const, grantId: g.grantId })),
    });
    const mine = progress.filter((p) => p.jobId === jobId);
    const total = [big, ...small].reduce((a, p) => a + readFileSync(p).byteLength, 0);
    let last = 0;
    for (const p of mine) {
      expect(p.total).toBe(total);
      expect(p.done).toBeGreaterThanOrEqual(last);
      expect(p.done).toBeLessThanOrEqual(total);
      last = p.done;
    }
    expect(mine.at(-1)?.done).toBe(total);
    // Some small file was reported done while the big one was still going.
    const finishedSmallEarly = mine.some(
      (p) =>
        p.detail?.phase === 'importing' &&
        p.detail.fileIndex > 0 &&
        p.detail.fileDone === p.detail.fileSize &&
        p.done < total,
    );
    expect(finishedSmallEarly).toBe(true);
  });

  it("'incidents.create' with exhibits: one action, with progress in bytes naming the file", async () => {
    const png = path.join(FIXTURES, 'post-1.png');
    const g = await service.grantPath(png);
    const jobId = randomBytes(16).toString('hex');
    const made = await service.call('incidents.create', {
      input,
      exhibits: { jobId, sources: [{ kind: 'grant', grantId: g.grantId }] },
    });
    expect(made.exhibits.map((x: Exhibit) => x.name)).toEqual(['post-1.png']);
    const size = readFileSync(png).byteLength;
    const last = progress.filter((p) => p.jobId === jobId && p.detail).at(-1);
    expect(last).toMatchObject({ done: size, total: size, detail: { phase: 'importing', name: 'post-1.png' } });
    expect(last?.detail).toMatchObject({ fileIndex: 0, fileCount: 1, fileDone: size, fileSize: size });

    // A grant the service does not know: refused before anything is written, no incident.
    const before = await service.call('incidents.list', {});
    const refused = await service.dispatch('incidents.create', {
      input,
      exhibits: { jobId, sources: [{ kind: 'grant', grantId: 'f'.repeat(32) }] },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Bytes are not accepted there (only files the host granted).
    const bytes = await service.dispatch('incidents.create', {
      input,
      exhibits: { jobId, sources: [{ kind: 'bytes', name: 'x.txt', data: new Uint8Array([1]) }] },
    });
    expect(bytes).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await service.call('incidents.list', {})).toEqual(before);
  });

  it("'incidents.create' with exhibits, cancelled by its job id: neither the incident nor a file is kept", async () => {
    const big = path.join(root.dir, 'big.bin');
    writeFileSync(big, Buffer.alloc(48 * 1024 * 1024, 7));
    const g = await service.grantPath(big);
    const jobId = randomBytes(16).toString('hex');
    const pending = service.dispatch('incidents.create', {
      input,
      exhibits: { jobId, sources: [{ kind: 'grant', grantId: g.grantId }] },
    });
    await service.call('exhibits.cancel', { jobId });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await service.call('incidents.list', {})).toEqual([]);
  });

  it('an import of several files reports the end of each file, however fast they go', async () => {
    const inc = await service.call('incidents.create', { input });
    const jobId = randomBytes(16).toString('hex');
    const sources = ['a', 'b', 'c'].map((n) => ({
      kind: 'bytes' as const,
      name: `${n}.txt`,
      data: new TextEncoder().encode(`file ${n}\n`),
    }));
    await service.call('exhibits.import', { incidentId: inc.id, jobId, sources });
    const ends = progress
      .filter((p) => p.jobId === jobId)
      .flatMap((p) =>
        p.detail?.phase === 'importing' && p.detail.fileDone >= p.detail.fileSize ? [p.detail.name] : [],
      );
    expect([...new Set(ends)].sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it("'vault.check' with a job id reports its progress; without one it reports none", async () => {
    await service.call('incidents.create', { input });
    const jobId = randomBytes(16).toString('hex');
    const report = await service.call('vault.check', { jobId });
    expect(report.ok).toBe(true);
    const mine = progress.filter((p) => p.jobId === jobId);
    expect(mine.at(-1)).toMatchObject({ detail: { phase: 'checking' } });
    expect(mine.at(-1)?.done).toBe(mine.at(-1)?.total);
    const count = progress.length;
    await service.call('vault.check', {});
    expect(progress).toHaveLength(count);
  });

  it('the status names no damaged records in a healthy vault', async () => {
    expect(await service.call('vault.status', {})).toEqual({
      state: 'unlocked',
      location: 'vault',
      nativeDialogs: false,
    });
  });
});

describe('export', () => {
  it('a preview and the export after it decrypt each image head once; the exported copies are read once each', async () => {
    const inc: Incident = await service.call('incidents.create', { input });
    const sources = [];
    for (const name of ['damage.jpg', 'post-1.png']) {
      sources.push({ kind: 'grant' as const, grantId: (await service.grantPath(path.join(FIXTURES, name))).grantId });
    }
    await service.call('exhibits.import', { incidentId: inc.id, jobId: randomBytes(16).toString('hex'), sources });
    // An exhibit read as a stream or as chunks (the pack's copies are written from chunks).
    const streams = (): number =>
      factory.calls.filter((c) => c === 'vault.openExhibitStream' || c === 'vault.openExhibitChunks').length;

    const before = streams();
    const preview: PackPreview = await service.call('pack.preview', { selection: {} });
    expect(preview.gpsWarnings.map((w) => w.name)).toEqual(['damage.jpg']);
    expect(streams() - before).toBe(2); // the two images' heads

    const mid = streams();
    const receipt: PackReceipt = await service.call('pack.export', {
      jobId: randomBytes(16).toString('hex'),
      options: { initials: 'AB' },
    });
    expect(receipt.exhibits).toBe(2);
    expect(receipt.gpsIncluded.map((g) => g.name)).toEqual(['damage.jpg']);
    // Each exhibit copied once and read once more to draw it in the exhibit bundle; no head read again.
    expect(streams() - mid).toBe(4);

    // Its activity log entries: one per exhibit and incident, and one for the pack.
    const log: CustodyEntry[] = await service.call('custody.list', {});
    const exports = log.filter((e) => e.action === 'export' && e.details.packId === receipt.packId);
    expect(exports.map((e) => e.subjectKind).sort()).toEqual(['exhibit', 'exhibit', 'incident', 'pack']);

    // A lock forgets what the heads said.
    await service.lock('test');
    await service.call('vault.unlock', { passphrase: 'table test passphrase' });
    const again = streams();
    await service.call('pack.preview', { selection: {} });
    expect(streams() - again).toBe(2);
  });

  it('initials come from the settings when none are given, and the export is refused when there are none', async () => {
    await service.call('incidents.create', { input });
    const none = await service.dispatch('pack.export', { jobId: randomBytes(16).toString('hex'), options: {} });
    expect(none).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!none.ok) expect(none.error.message).toMatch(/initials/);
    await service.call('settings.update', { patch: { producerInitials: 'cd' } });
    const r = await service.call('pack.export', { jobId: randomBytes(16).toString('hex'), options: {} });
    expect(r.name).toMatch(/^case-pack-CD-\d{4}-\d{2}-\d{2}$/);
  });

  it('a date range back to front is refused by the schema, in words', async () => {
    const r = await service.dispatch('pack.preview', { selection: { from: '2024-06-01', to: '2024-05-01' } });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The date range is back to front: 2024-06-01 is after 2024-05-01.' },
    });
  });
});
