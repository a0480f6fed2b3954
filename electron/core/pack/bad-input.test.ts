/**
 * Bad input for an export: each gives a clear error and nothing half-made that looks whole.
 * Output exists; an exhibit whose stored copy fails its hash (stop, or leave it out on request);
 * cancel half-way (folder and ZIP); unsafe file names. (A full disk is in cli.test.ts, with a
 * real file-size limit on a child process.)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_KDF, Vault } from '../index.js';
import { exportPack } from './exporter.js';
import { safeFileName, exhibitFileName } from './names.js';
import { verifyPack } from './verify.js';
import { blobFiles, cleanup, FIXTURES, PASS, run, seedVault, tempDir } from '../../../test/support/pack.js';

afterAll(cleanup);

describe('output path', () => {
  it('a folder that exists and is not empty is refused, and left as it was', async () => {
    const s = await seedVault();
    try {
      const out = tempDir();
      writeFileSync(path.join(out, 'keep.txt'), 'mine');
      await expect(exportPack(s.vault, { out, initials: 'AB' })).rejects.toMatchObject({
        code: 'OUTPUT_EXISTS',
        message: expect.stringContaining('not empty'),
      });
      expect(readdirSync(out)).toEqual(['keep.txt']);
      expect(readdirSync(path.dirname(out)).filter((n) => n.includes('.partial-'))).toEqual([]);
      // An existing empty folder is fine.
      const empty = tempDir();
      await exportPack(s.vault, { out: empty, initials: 'AB' });
      expect(readdirSync(empty)).toContain('bagit.txt');
      // A ZIP that exists is refused.
      const zip = path.join(tempDir(), 'p.zip');
      writeFileSync(zip, 'old');
      await expect(exportPack(s.vault, { out: zip, initials: 'AB', format: 'zip' })).rejects.toMatchObject({
        code: 'OUTPUT_EXISTS',
      });
      expect(readFileSync(zip, 'utf8')).toBe('old');
    } finally {
      s.vault.close();
    }
  });

  it('a pack is never written inside the vault folder', async () => {
    const s = await seedVault();
    try {
      await expect(exportPack(s.vault, { out: path.join(s.dir, 'pack'), initials: 'AB' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('outside the vault folder'),
      });
      expect(readdirSync(s.dir)).not.toContain('pack');
    } finally {
      s.vault.close();
    }
  });

  it('initials must be letters', async () => {
    const s = await seedVault();
    try {
      await expect(exportPack(s.vault, { out: path.join(tempDir(), 'x'), initials: 'A1' })).rejects.toThrow(/initials/);
    } finally {
      s.vault.close();
    }
  });
});

describe('an exhibit whose stored copy fails its hash', () => {
  async function damagedVault(): Promise<{ vault: Vault; close(): void }> {
    const dir = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(dir, PASS, { kdf: TEST_KDF });
    const a = vault.createIncident({ title: 'First', occurredAt: { date: '2024-01-01' } });
    const b = vault.createIncident({ title: 'Second', occurredAt: { date: '2024-01-02' } });
    const c = vault.createIncident({ title: 'Third', occurredAt: { date: '2024-01-03' } });
    await vault.importExhibits(a.id, [path.join(FIXTURES, 'post-1.png')]);
    const before = blobFiles(dir);
    await vault.importExhibits(b.id, [path.join(FIXTURES, 'letter.pdf')]);
    const blob = [...blobFiles(dir)].find((n) => !before.has(n));
    await vault.importExhibits(c.id, [path.join(FIXTURES, 'post-2.png')]);
    const f = path.join(dir, 'blobs', blob ?? '');
    const bytes = readFileSync(f);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0x10;
    writeFileSync(f, bytes);
    return { vault, close: () => vault.close() };
  }

  it('stops the export, naming the exhibit, and keeps nothing', async () => {
    const v = await damagedVault();
    try {
      for (const format of ['folder', 'zip'] as const) {
        const parent = tempDir();
        const out = path.join(parent, format === 'zip' ? 'p.zip' : 'p');
        const err = exportPack(v.vault, { out, initials: 'AB', format });
        await expect(err).rejects.toMatchObject({ code: 'TAMPERED' });
        await expect(err).rejects.toThrow(/Exhibit AB\/2 "letter\.pdf" failed its SHA-256 check/);
        expect(readdirSync(parent)).toEqual([]);
      }
    } finally {
      v.close();
    }
  });

  it('on request, leaves it out and records that in the pack (its reference stays reserved)', async () => {
    const v = await damagedVault();
    try {
      const out = path.join(tempDir(), 'p');
      const r = await exportPack(v.vault, { out, initials: 'AB', skipDamaged: true });
      expect(r.omitted).toEqual([expect.objectContaining({ ref: 'AB/2', name: 'letter.pdf', reason: 'damaged' })]);
      expect(readdirSync(path.join(out, 'data/exhibits')).sort()).toEqual(['AB-01-post-1.png', 'AB-03-post-2.png']);
      const c = JSON.parse(readFileSync(path.join(out, 'data/case.json'), 'utf8')) as {
        omittedExhibits: { reason: string }[];
      };
      expect(c.omittedExhibits).toEqual([expect.objectContaining({ ref: 'AB/2', reason: 'damaged' })]);
      expect(readFileSync(path.join(out, 'data/README.txt'), 'utf8')).toContain(
        'AB/2 "letter.pdf": left out because the stored copy failed its SHA-256 check',
      );
      const pdf = (await run('pdftotext', [path.join(out, 'data/chronology.pdf'), '-'])).stdout.replace(/\s+/g, ' ');
      expect(pdf).toContain('Exhibit AB/2 “letter.pdf” is not included: its stored copy failed its SHA-256 check');
      expect((await verifyPack(out)).ok).toBe(true);
      expect(readdirSync(path.dirname(out))).toEqual(['p']);
    } finally {
      v.close();
    }
  });
});

describe('cancel half-way', () => {
  it('removes the temporary output, folder and ZIP', async () => {
    const dir = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(dir, PASS, { kdf: TEST_KDF });
    try {
      const i = vault.createIncident({ title: 'Big', occurredAt: { date: '2024-01-01' } });
      await vault.importExhibitStreams(i.id, [
        { name: 'video-1.bin', stream: Readable.from([randomBytes(12 * 1024 * 1024)]) },
        { name: 'video-2.bin', stream: Readable.from([randomBytes(12 * 1024 * 1024)]) },
      ]);
      for (const format of ['folder', 'zip'] as const) {
        const parent = tempDir();
        const out = path.join(parent, format === 'zip' ? 'p.zip' : 'p');
        const ac = new AbortController();
        let seen = 0;
        const p = exportPack(vault, {
          out,
          initials: 'AB',
          format,
          signal: ac.signal,
          onProgress: (pr) => {
            if (pr.phase === 'exhibits') {
              seen = pr.done;
              if (pr.done > 4 * 1024 * 1024) ac.abort();
            }
          },
        });
        await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
        expect(seen).toBeLessThan(24 * 1024 * 1024);
        expect(readdirSync(parent)).toEqual([]);
      }
      // The vault records no export for a cancelled pack.
      expect(vault.custodyLog().filter((e) => e.action === 'export')).toEqual([]);
    } finally {
      vault.close();
    }
  });
});

describe('file names made safe', () => {
  it.each([
    ['CON', 'CON_'],
    ['con.txt', 'con_.txt'],
    ['LPT1.log', 'LPT1_.log'],
    ['a<b>c:d"e/f\\g|h?i*j.png', 'a_b_c_d_e_f_g_h_i_j.png'],
    ['trailing dot.', 'trailing dot'],
    ['trailing space ', 'trailing space'],
    ['...', 'file'],
    ['', 'file'],
    ['50% off.txt', '50_ off.txt'],
    ['line\nbreak\ttab.txt', 'line_break_tab.txt'],
    ['invoice\u202Efdp.exe', 'invoice_fdp.exe'],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('long names are cut to 120 bytes of UTF-8, keeping the extension and whole characters', () => {
    const long = `${'ü'.repeat(200)}.jpeg`;
    const safe = safeFileName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(120);
    expect(safe.endsWith('.jpeg')).toBe(true);
    expect(safe).not.toContain('\uFFFD');
    const withRef = exhibitFileName('ABCDE-1234', long);
    expect(Buffer.byteLength(withRef)).toBeLessThanOrEqual(120);
    expect(withRef.startsWith('ABCDE-1234-')).toBe(true);
  });

  it('a pack with such names unpacks on this file system', () => {
    const d = tempDir();
    for (const n of ['CON.txt', `${'x'.repeat(300)}.txt`, 'a:b?.txt']) {
      mkdirSync(path.join(d, 'sub'), { recursive: true });
      writeFileSync(path.join(d, 'sub', exhibitFileName('AB-1', n)), 'x');
    }
    expect(readdirSync(path.join(d, 'sub'))).toHaveLength(3);
  });
});
