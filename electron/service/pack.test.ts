/**
 * The case-pack channels through the real handler table (createVaultService) and the real core:
 * preview with the GPS warning, export to the default folder beside the vault and to a path from
 * a save dialog (the window sees grants and names, never paths), verify, cancel, bad requests.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVaultService, type VaultService } from './handlers.js';
import { DEFAULT_EXPORTS_FOLDER } from './pack.js';
import { TEST_KDF } from '../core/index.js';
import type { PackPreview, PackReceipt, PackVerifyReport } from '../../shared/ipc-pack.js';
import type { Incident } from '../../shared/model.js';
import { FIXTURES, cleanup, tempDir } from '../../test/support/pack.js';

let root: string;
let service: VaultService;
let savePath: string | null = null;
const events: { jobId: string; done: number; total: number; label: string }[] = [];

async function call<T>(channel: string, req: unknown): Promise<T> {
  const r = await service.dispatch(channel, req);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}
const jobId = (): string => randomBytes(16).toString('hex');

beforeAll(async () => {
  root = tempDir('ev-pack-ipc-');
  service = createVaultService({
    vaultDir: path.join(root, 'My vault'),
    kdf: TEST_KDF,
    nativeDialogs: true,
    saveDialog: () => Promise.resolve(savePath),
    emit: (event, payload) => {
      if (event === 'progress') events.push(payload as (typeof events)[number]);
    },
  });
  await call('vault.create', { passphrase: 'ipc pack test' });
  const inc = await call<Incident>('incidents.create', {
    input: {
      title: 'Poster damaged',
      occurredAt: { date: '2024-05-20', approximate: false },
      categories: ['criminal-damage'],
    },
  });
  await call('exhibits.import', {
    incidentId: inc.id,
    jobId: jobId(),
    sources: [
      { kind: 'bytes', name: 'damage.jpg', data: new Uint8Array(readFileSync(path.join(FIXTURES, 'damage.jpg'))) },
      { kind: 'bytes', name: 'big.bin', data: new Uint8Array(randomBytes(20 * 1024 * 1024)) },
    ],
  });
  await call('settings.update', { patch: { producerName: 'Alex Brown', producerInitials: 'AB' } });
}, 120_000);
afterAll(async () => {
  await service.dispose();
  cleanup();
});

describe('pack channels', () => {
  it('pack.preview counts the selection and warns about the GPS image', async () => {
    const p = await call<PackPreview>('pack.preview', { selection: {} });
    expect(p).toMatchObject({ incidents: 1, exhibits: 2, initials: 'AB', firstDate: '2024-05-20' });
    expect(p.gpsWarnings.map((w) => w.name)).toEqual(['damage.jpg']);
  });

  it('pack.export without a dialog goes to the exports folder beside the vault; the window gets no path', async () => {
    const id = jobId();
    const r = await call<PackReceipt>('pack.export', {
      jobId: id,
      options: { initials: 'ab', excludeGpsExhibits: true },
    });
    expect(r.location).toBe(`${DEFAULT_EXPORTS_FOLDER}/${r.name}`);
    expect(JSON.stringify(r)).not.toContain(root);
    expect(r.omitted.map((o) => o.name)).toEqual(['damage.jpg']);
    expect(existsSync(path.join(root, DEFAULT_EXPORTS_FOLDER, r.name, 'bagit.txt'))).toBe(true);
    expect(events.some((e) => e.jobId === id && e.label.startsWith('Copying exhibits'))).toBe(true);
    const v = await call<PackVerifyReport>('pack.verify', { pack: { kind: 'exported', packId: r.packId } });
    expect(v.ok).toBe(true);
    expect(v.location).toBe(r.name);
    expect(v.signingKeyIsThisVault).toBe(true);
  });

  it('pack.chooseDestination gives a grant for the save dialog path; pack.export writes a ZIP there', async () => {
    savePath = path.join(root, 'chosen', 'for-police');
    const g = await call<{ grantId: string; name: string } | null>('pack.chooseDestination', {
      format: 'zip',
      suggestedName: 'case pack',
    });
    expect(g?.name).toBe('for-police.zip');
    const r = await call<PackReceipt>('pack.export', {
      jobId: jobId(),
      options: { initials: 'AB', format: 'zip' },
      destination: { kind: 'grant', grantId: g?.grantId },
    });
    expect(r.packSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path.join(root, 'chosen', 'for-police.zip.sha256'), 'utf8')).toContain(r.packSha256 ?? 'x');
    savePath = null;
    expect(await call('pack.chooseDestination', { format: 'folder', suggestedName: 'x' })).toBeNull();
  });

  it('pack.cancel stops an export half-way and nothing is left', async () => {
    const id = jobId();
    const before = readdirSync(path.join(root, DEFAULT_EXPORTS_FOLDER));
    const p = service.dispatch('pack.export', { jobId: id, options: { initials: 'AB' } });
    const t0 = Date.now();
    while (!events.some((e) => e.jobId === id && e.label.startsWith('Copying')) && Date.now() - t0 < 20_000) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await call('pack.cancel', { jobId: id });
    const r = await p;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CANCELLED');
    expect(readdirSync(path.join(root, DEFAULT_EXPORTS_FOLDER))).toEqual(before);
  });

  it('bad requests are refused before reaching the exporter', async () => {
    for (const req of [
      { jobId: jobId(), options: { initials: 'A1' } },
      { jobId: jobId(), options: { initials: 'AB', out: '/etc' } },
      { jobId: jobId(), options: { initials: 'AB' }, destination: { kind: 'path', path: '/tmp/x' } },
      { jobId: 'nope', options: { initials: 'AB' } },
    ]) {
      const r = await service.dispatch('pack.export', req);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
    const v = await service.dispatch('pack.verify', { pack: { kind: 'exported', packId: 'EVP-20240101-00000000' } });
    expect(v.ok).toBe(false);
  });

  it('pack.verify with the vault locked checks the pack but cannot say whether the key is this vault’s', async () => {
    const r = await call<PackReceipt>('pack.export', { jobId: jobId(), options: { initials: 'AB' } });
    await call('vault.lock', {});
    const v = await call<PackVerifyReport>('pack.verify', { pack: { kind: 'exported', packId: r.packId } });
    expect(v.ok).toBe(true);
    expect(v.signingKeyFingerprint).toBe(r.signingKeyFingerprint);
    expect(v).not.toHaveProperty('signingKeyIsThisVault');
  });
});
