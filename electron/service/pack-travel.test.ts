/**
 * The travel formats and the key card through the real handler table and core: 'both' and
 * 'portal' to the default exports folder and to a folder from the folder dialog (the window sees
 * names, never paths), verify of what was exported, pack.keyCard returned and saved.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVaultService, type VaultService } from './handlers.js';
import { DEFAULT_EXPORTS_FOLDER } from './pack.js';
import { TEST_KDF } from '../core/index.js';
import type { KeyCard, PackReceipt, PackVerifyReport } from '../../shared/ipc-pack.js';
import type { Incident } from '../../shared/model.js';
import { FIXTURES, cleanup, tempDir } from '../../test/support/pack.js';

let root: string;
let service: VaultService;
let folderChoice: string | null = null;

async function call<T>(channel: string, req: unknown): Promise<T> {
  const r = await service.dispatch(channel, req);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}
const jobId = (): string => randomBytes(16).toString('hex');

beforeAll(async () => {
  root = tempDir('ev-travel-ipc-');
  service = createVaultService({
    vaultDir: path.join(root, 'My vault'),
    kdf: TEST_KDF,
    nativeDialogs: true,
    chooseFolderDialog: () => Promise.resolve(folderChoice),
    emit: () => undefined,
  });
  await call('vault.create', { passphrase: 'ipc travel test' });
  const inc = await call<Incident>('incidents.create', {
    input: { title: 'Posts', occurredAt: { date: '2024-05-20', approximate: false }, categories: ['online-abuse'] },
  });
  await call('exhibits.import', {
    incidentId: inc.id,
    jobId: jobId(),
    sources: [
      { kind: 'bytes', name: 'post-1.png', data: new Uint8Array(readFileSync(path.join(FIXTURES, 'post-1.png'))) },
    ],
  });
  await call('settings.update', { patch: { producerName: 'Alex Brown', producerInitials: 'AB' } });
}, 120_000);
afterAll(async () => {
  await service.dispose();
  cleanup();
});

describe('travel formats through the service', () => {
  it("'both' to the exports folder: the folder and its ZIP named by the pack id; the window gets no path", async () => {
    const r = await call<PackReceipt>('pack.export', { jobId: jobId(), options: { format: 'both' } });
    expect(r.name).toBe(`case-pack-${r.packId}`);
    expect(r.zipName).toBe(`case-pack-${r.packId}.zip`);
    expect(r.location).toBe(`${DEFAULT_EXPORTS_FOLDER}/${r.name}`);
    expect(JSON.stringify(r)).not.toContain(root);
    const dir = path.join(root, DEFAULT_EXPORTS_FOLDER);
    expect(readdirSync(dir).sort()).toEqual([r.name, `${r.zipName}`, `${r.zipName}.sha256`]);
    const v = await call<PackVerifyReport>('pack.verify', { pack: { kind: 'exported', packId: r.packId } });
    expect(v.ok).toBe(true);
    expect(v.sshSignatureValid).toBe(true);
    expect(v.location).toBe(r.name);
  });

  it("'portal' into a folder from the dialog: parts; verify of the exported pack checks every part", async () => {
    folderChoice = path.join(root, 'chosen', 'portal');
    const g = await call<{ grantId: string; name: string } | null>('pack.chooseDestination', {
      format: 'portal',
      suggestedName: 'x',
    });
    expect(g?.name).toBe('portal');
    const r = await call<PackReceipt>('pack.export', {
      jobId: jobId(),
      options: { format: 'portal' },
      destination: { kind: 'grant', grantId: g?.grantId },
    });
    expect(r.location).toBe('portal');
    expect(r.parts?.map((p) => p.name)).toEqual(['part-1']);
    expect(existsSync(path.join(folderChoice, 'part-1', 'part-1-of-1-manifest-sha256.txt'))).toBe(true);
    const v = await call<PackVerifyReport>('pack.verify', { pack: { kind: 'exported', packId: r.packId } });
    expect(v.ok, JSON.stringify(v.problems)).toBe(true);
    expect(v.portal?.parts).toHaveLength(1);
    expect(v.signingKeyIsThisVault).toBe(true);
    folderChoice = null;
    expect(await call('pack.chooseDestination', { format: 'both', suggestedName: 'x' })).toBeNull();
  });

  it('pack.keyCard returns the PDF and saves it beside the vault, never over another', async () => {
    const a = await call<KeyCard & { savedAs: string | null }>('pack.keyCard', {});
    expect(a.savedAs).toBeNull();
    expect(Buffer.from(a.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.sshFingerprint).toMatch(/^SHA256:/);
    const b = await call<KeyCard & { savedAs: string | null }>('pack.keyCard', { destination: { kind: 'default' } });
    const c = await call<KeyCard & { savedAs: string | null }>('pack.keyCard', { destination: { kind: 'default' } });
    expect(b.savedAs).toMatch(new RegExp(`^${DEFAULT_EXPORTS_FOLDER}/key-card-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    expect(c.savedAs).toMatch(/-2\.pdf$/);
    expect(JSON.stringify([b, c].map((x) => x.savedAs))).not.toContain(root);
    const saved = path.join(root, DEFAULT_EXPORTS_FOLDER, path.basename(b.savedAs ?? ''));
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('bad requests are refused', async () => {
    const r = await service.dispatch('pack.export', { jobId: jobId(), options: { format: 'tarball' } });
    expect(r.ok).toBe(false);
    const k = await service.dispatch('pack.keyCard', { destination: { kind: 'somewhere' } });
    expect(k.ok).toBe(false);
  });
});
