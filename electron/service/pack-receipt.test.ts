/**
 * The receipt's channels and checking a pack without a vault, through the real handler table and
 * the real core, with real files: "Show in folder" (the host's file manager callback), "Copy to a
 * USB stick…" (a folder dialog, a copy that is checked, nothing overwritten, nothing left behind
 * when it fails), the browser version's "Save a copy" (the ZIP's bytes), and 'pack.verify' of a
 * pack the window sent as bytes (ZIP or folder) with the vault LOCKED, in place and through the
 * isolated service the browser host and desktop use.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVaultService, type VaultService } from './handlers.js';
import { createIsolatedVaultService } from './isolated.js';
import { TEST_KDF } from '../core/index.js';
import type { PackCopyResult, PackReceipt, PackVerifyReport } from '../../shared/ipc-pack.js';
import type { Incident } from '../../shared/model.js';
import { FIXTURES, cleanup, tempDir } from '../../test/support/pack.js';

let root: string;
let service: VaultService;
let folderChoice: string | null = null;
const shownInFolder: string[] = [];
let zipReceipt: PackReceipt;
let folderReceipt: PackReceipt;

async function dispatch(s: VaultService, channel: string, req: unknown): Promise<unknown> {
  const r = await s.dispatch(channel, req);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}
const call = <T>(channel: string, req: unknown): Promise<T> => dispatch(service, channel, req) as Promise<T>;
const jobId = (): string => randomBytes(16).toString('hex');
async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

/** Every file under dir, as "a/b" paths with their bytes (what the browser's folder chooser sends). */
function filesOf(dir: string, prefix = path.basename(dir)): { path: string; data: Uint8Array }[] {
  const out: { path: string; data: Uint8Array }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesOf(p, `${prefix}/${name}`));
    else out.push({ path: `${prefix}/${name}`, data: new Uint8Array(readFileSync(p)) });
  }
  return out;
}
const checkDirsInTmp = () => readdirSync(os.tmpdir()).filter((n) => n.startsWith('ev-check-'));

beforeAll(async () => {
  root = tempDir('ev-pack-receipt-');
  service = createVaultService({
    vaultDir: path.join(root, 'My vault'),
    kdf: TEST_KDF,
    nativeDialogs: true,
    chooseFolderDialog: () => Promise.resolve(folderChoice),
    showInFolder: (p) => {
      shownInFolder.push(p);
      return Promise.resolve();
    },
    emit: () => undefined,
  });
  await call('vault.create', { passphrase: 'receipt test pass' });
  const inc = await call<Incident>('incidents.create', {
    input: { title: 'Poster damaged', occurredAt: { date: '2024-05-20', approximate: false }, categories: ['other'] },
  });
  await call('exhibits.import', {
    incidentId: inc.id,
    jobId: jobId(),
    sources: [
      { kind: 'bytes', name: 'post-1.png', data: new Uint8Array(readFileSync(path.join(FIXTURES, 'post-1.png'))) },
    ],
  });
  zipReceipt = await call<PackReceipt>('pack.export', { jobId: jobId(), options: { initials: 'AB', format: 'zip' } });
  folderReceipt = await call<PackReceipt>('pack.export', {
    jobId: jobId(),
    options: { initials: 'AB', format: 'folder' },
  });
}, 120_000);
afterAll(async () => {
  await service.dispose();
  cleanup();
});

const exportsDir = () => path.join(root, 'Evidence Vault exports');

describe('the receipt', () => {
  it('"Show in folder" hands the pack to the host’s file manager; a host without one says shown: false', async () => {
    expect(await call('pack.showInFolder', { packId: zipReceipt.packId })).toEqual({ shown: true });
    expect(shownInFolder).toEqual([path.join(exportsDir(), zipReceipt.name)]);
    const bare = createVaultService({
      vaultDir: path.join(root, 'other'),
      nativeDialogs: false,
      emit: () => undefined,
    });
    const e = await failure(dispatch(bare, 'pack.showInFolder', { packId: zipReceipt.packId }));
    expect(e.code).toBe('NOT_FOUND');
    await bare.dispose();
  });

  it('"Copy to a USB stick…" copies the ZIP and its .sha256 to the chosen folder and checks the copy', async () => {
    const stick = path.join(root, 'USB STICK');
    mkdirSync(stick);
    folderChoice = stick;
    const r = await call<PackCopyResult>('pack.copyToFolder', { packId: zipReceipt.packId, jobId: jobId() });
    expect(r).toEqual({
      name: zipReceipt.name,
      location: `USB STICK/${zipReceipt.name}`,
      checked: true,
      problems: [],
    });
    expect(readdirSync(stick).sort()).toEqual([zipReceipt.name, `${zipReceipt.name}.sha256`].sort());
    expect(readFileSync(path.join(stick, zipReceipt.name))).toEqual(
      readFileSync(path.join(exportsDir(), zipReceipt.name)),
    );
    expect(JSON.stringify(r)).not.toContain(root);

    // Again to the same stick: refused, the copy there untouched.
    const before = readFileSync(path.join(stick, zipReceipt.name));
    const e = await failure(call('pack.copyToFolder', { packId: zipReceipt.packId }));
    expect(e.code).toBe('OUTPUT_EXISTS');
    expect(e.message).toBe(
      `“${zipReceipt.name}” is already in “USB STICK”: choose another folder, or remove it there first. Nothing was copied.`,
    );
    expect(readFileSync(path.join(stick, zipReceipt.name))).toEqual(before);
  });

  it('copies a folder pack whole; a cancelled dialog copies nothing', async () => {
    const stick = path.join(root, 'STICK2');
    mkdirSync(stick);
    folderChoice = stick;
    const r = await call<PackCopyResult>('pack.copyToFolder', { packId: folderReceipt.packId });
    expect(r?.problems).toEqual([]);
    expect(existsSync(path.join(stick, folderReceipt.name, 'bagit.txt'))).toBe(true);
    folderChoice = null;
    expect(await call('pack.copyToFolder', { packId: folderReceipt.packId })).toBeNull();
  });

  it('a folder that cannot be written to: one plain line, nothing left there', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere: the permission cannot be shown here
    const ro = path.join(root, 'READ ONLY');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    folderChoice = ro;
    const e = await failure(call('pack.copyToFolder', { packId: zipReceipt.packId }));
    chmodSync(ro, 0o700);
    expect(e.message).toMatch(/^The app cannot write to “READ ONLY” .*Nothing was left there\.$/);
    expect(readdirSync(ro)).toEqual([]);
  });

  it('"Save a copy" (browser version) gives the ZIP’s bytes; a folder pack is refused plainly', async () => {
    const r = await call<{ name: string; data: Uint8Array }>('pack.download', { packId: zipReceipt.packId });
    expect(r.name).toBe(zipReceipt.name);
    expect(Buffer.from(r.data)).toEqual(readFileSync(path.join(exportsDir(), zipReceipt.name)));
    const e = await failure(call('pack.download', { packId: folderReceipt.packId }));
    expect(e.message).toBe('Only a ZIP case pack can be saved from here: make the pack as one ZIP file.');
  });

  it('bad requests: an unknown pack id, a malformed one', async () => {
    expect((await failure(call('pack.copyToFolder', { packId: 'EVP-20240101-00000000' }))).code).toBe('NOT_FOUND');
    expect((await failure(call('pack.showInFolder', { packId: '../etc' }))).code).toBe('INVALID_INPUT');
  });
});

describe('checking a pack with the vault locked (uploaded by the window)', () => {
  let zipBytes: Uint8Array;
  let folderFiles: { path: string; data: Uint8Array }[];
  beforeAll(async () => {
    zipBytes = new Uint8Array(readFileSync(path.join(exportsDir(), zipReceipt.name)));
    folderFiles = filesOf(path.join(exportsDir(), folderReceipt.name));
    await service.lock('test');
  });

  it('a good ZIP and a good folder check out; no vault is asked for, the temporary copy is removed', async () => {
    const before = checkDirsInTmp();
    const z = await call<PackVerifyReport>('pack.verify', {
      pack: { kind: 'upload', files: [{ path: zipReceipt.name, data: zipBytes }] },
    });
    expect(z.ok).toBe(true);
    expect(z.packId).toBe(zipReceipt.packId);
    expect(z.signingKeyFingerprint).toBe(zipReceipt.signingKeyFingerprint);
    expect(z.signingKeyIsThisVault).toBeUndefined();
    const f = await call<PackVerifyReport>('pack.verify', { pack: { kind: 'upload', files: folderFiles } });
    expect(f.ok).toBe(true);
    expect(f.location).toBe(folderReceipt.name);
    expect(checkDirsInTmp()).toEqual(before);
  });

  it('a tampered exhibit is named; a file that is not a pack and an unsafe path are refused plainly', async () => {
    const tampered = folderFiles.map((f) =>
      f.path.includes('/data/exhibits/') ? { ...f, data: new Uint8Array([...f.data, 1]) } : f,
    );
    const r = await call<PackVerifyReport>('pack.verify', { pack: { kind: 'upload', files: tampered } });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.kind)).toContain('changed');
    const notPack = await failure(
      call('pack.verify', { pack: { kind: 'upload', files: [{ path: 'notes.txt', data: new Uint8Array([1]) }] } }),
    );
    expect(notPack.message).toBe(
      'That is not a case pack: choose the pack’s ZIP file, or its folder (the one holding bagit.txt).',
    );
    const unsafe = await failure(
      call('pack.verify', { pack: { kind: 'upload', files: [{ path: '../x/bagit.txt', data: new Uint8Array([1]) }] } }),
    );
    expect(unsafe.code).toBe('INVALID_INPUT');
    expect(unsafe.message).toContain('A file in the pack has a name that cannot be used.');
  });

  it('the desktop’s "Show in folder" and folder dialog reach the host through the isolated service', async () => {
    const shown: string[] = [];
    const stick = path.join(root, 'ISO STICK');
    mkdirSync(stick);
    const iso = createIsolatedVaultService({
      vaultDir: path.join(root, 'iso desktop vault'),
      kdf: TEST_KDF,
      nativeDialogs: true,
      chooseFolderDialog: () => Promise.resolve(stick),
      showInFolder: (p) => {
        shown.push(p);
        return Promise.resolve();
      },
      emit: () => undefined,
    });
    try {
      await dispatch(iso, 'vault.create', { passphrase: 'isolated receipt pass' });
      const inc = (await dispatch(iso, 'incidents.create', {
        input: { title: 'One', occurredAt: { date: '2024-05-20', approximate: false }, categories: ['other'] },
      })) as Incident;
      await dispatch(iso, 'exhibits.import', {
        incidentId: inc.id,
        jobId: jobId(),
        sources: [{ kind: 'bytes', name: 'a.txt', data: new TextEncoder().encode('hello') }],
      });
      const r = (await dispatch(iso, 'pack.export', {
        jobId: jobId(),
        options: { initials: 'AB', format: 'zip' },
      })) as PackReceipt;
      expect(await dispatch(iso, 'pack.showInFolder', { packId: r.packId })).toEqual({ shown: true });
      expect(shown).toEqual([path.join(root, 'Evidence Vault exports', r.name)]);
      const c = (await dispatch(iso, 'pack.copyToFolder', { packId: r.packId })) as PackCopyResult;
      expect(c.problems).toEqual([]);
      expect(readdirSync(stick)).toContain(r.name);
    } finally {
      await iso.dispose();
    }
  }, 60_000);

  it('the desktop, locked: a ZIP chosen in its own dialog (titled for checking, one ZIP) is checked', async () => {
    const asked: unknown[] = [];
    const iso = createIsolatedVaultService({
      vaultDir: path.join(root, 'locked desktop vault'),
      kdf: TEST_KDF,
      nativeDialogs: true,
      openFileDialog: (o) => {
        asked.push(o);
        return Promise.resolve([path.join(exportsDir(), zipReceipt.name)]);
      },
      emit: () => undefined,
    });
    try {
      const g = (await dispatch(iso, 'pack.chooseToVerify', { format: 'zip' })) as { grantId: string; name: string };
      expect(g.name).toBe(zipReceipt.name);
      expect(asked).toEqual([
        {
          title: 'Choose the case pack’s ZIP file to check',
          buttonLabel: 'Check',
          filters: [{ name: 'ZIP file', extensions: ['zip'] }],
          single: true,
        },
      ]);
      const r = (await dispatch(iso, 'pack.verify', {
        pack: { kind: 'grant', grantId: g.grantId },
      })) as PackVerifyReport;
      expect(r.ok).toBe(true);
      expect(JSON.stringify(r)).not.toContain(root);
    } finally {
      await iso.dispose();
    }
  }, 60_000);

  it('through the isolated service (browser host, desktop), with no vault unlocked', async () => {
    const dir = path.join(root, 'isolated vault');
    const iso = createIsolatedVaultService({
      vaultDir: dir,
      kdf: TEST_KDF,
      nativeDialogs: false,
      emit: () => undefined,
    });
    try {
      expect((await iso.status()).state).toBe('none');
      const r = (await dispatch(iso, 'pack.verify', {
        pack: { kind: 'upload', files: [{ path: zipReceipt.name, data: zipBytes }] },
      })) as PackVerifyReport;
      expect(r.ok).toBe(true);
      const bad = new Uint8Array(zipBytes);
      const mid = Math.floor(bad.length / 2);
      bad[mid] = (bad[mid] ?? 0) ^ 0xff;
      const r2 = (await dispatch(iso, 'pack.verify', {
        pack: { kind: 'upload', files: [{ path: zipReceipt.name, data: bad }] },
      })) as PackVerifyReport;
      expect(r2.ok).toBe(false);
      expect(r2.problems.length).toBeGreaterThan(0);
    } finally {
      await iso.dispose();
    }
  }, 60_000);
});
