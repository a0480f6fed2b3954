import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { Vault, BLOB_DIR } from './vault.js';
import {
  PASS,
  cleanupTemp,
  errorOf,
  fixtureCopies,
  fixtureNames,
  incident,
  newVault,
  tempDir,
} from '../../test/support/core.js';
import { FIXTURES } from '../../test/fixtures.js';

afterAll(cleanupTemp);

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function blobFiles(dir: string): string[] {
  return existsSync(join(dir, BLOB_DIR)) ? readdirSync(join(dir, BLOB_DIR)) : [];
}

describe('exhibits', () => {
  test('import every fixture: listed with name, size, SHA-256, sniffed type; read back exactly; custody entries', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Posts and letters'));
    const paths = fixtureCopies();
    const progress: number[] = [];
    const exhibits = await vault.importExhibits(inc.id, paths, { onProgress: (p) => progress.push(p.bytesDone) });
    expect(exhibits.map((e) => e.name)).toEqual(fixtureNames);
    expect(progress.length).toBeGreaterThan(0);
    for (const [i, ex] of exhibits.entries()) {
      const original = readFileSync(paths[i]!);
      expect(ex).toMatchObject({ incidentId: inc.id, size: original.length, sha256: sha256(original) });
      expect(ex.fileModifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const back = await vault.readExhibit(ex.id);
      expect(Buffer.from(back).equals(original)).toBe(true);
    }
    const byName = Object.fromEntries(exhibits.map((e) => [e.name, e.mediaType]));
    expect(byName['post-1.png']).toBe('image/png');
    expect(byName['damage.jpg']).toBe('image/jpeg');
    expect(byName['letter.pdf']).toBe('application/pdf');
    expect(vault.getIncident(inc.id).exhibits.map((e) => e.id)).toEqual(exhibits.map((e) => e.id));
    expect(blobFiles(dir)).toHaveLength(exhibits.length);

    const log = vault.custodyLog();
    const imports = log.filter((e) => e.action === 'import');
    expect(imports.map((e) => e.details.name)).toEqual(fixtureNames);
    expect(imports[0]!.details).toMatchObject({ size: exhibits[0]!.size, sha256: exhibits[0]!.sha256 });
    expect(log.filter((e) => e.action === 'view')).toHaveLength(exhibits.length);
    const report = await vault.check();
    expect(report).toMatchObject({ ok: true, blobs: exhibits.length, problems: [] });
    vault.close();

    const again = await Vault.open(dir, { passphrase: PASS });
    expect(again.listIncidents()[0]!.exhibits.map((e) => e.name)).toEqual(fixtureNames);
    again.close();
  });

  test('import from streams (paste, drop)', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Pasted'));
    const png = readFileSync(join(FIXTURES, 'post-2.png'));
    const [ex] = await vault.importExhibitStreams(inc.id, [
      {
        name: 'clipboard.png',
        modifiedAt: '2024-05-03T20:00:00.000Z',
        stream: Readable.from([png.subarray(0, 100), png.subarray(100)]),
      },
    ]);
    expect(ex).toMatchObject({ name: 'clipboard.png', size: png.length, sha256: sha256(png), mediaType: 'image/png' });
    expect(Buffer.from(await vault.readExhibit(ex!.id)).equals(png)).toBe(true);
    vault.close();
  });

  test('a batch with a missing file adds nothing and leaves no blob', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Batch'));
    const paths = fixtureCopies();
    const logBefore = vault.custodyLog().length;
    const err = await errorOf(() => vault.importExhibits(inc.id, [...paths, join(tempDir(), 'gone.png')]));
    expect(err.code).toBe('FILE_MISSING');
    expect(err.message).toContain('gone.png');
    expect(vault.getIncident(inc.id).exhibits).toEqual([]);
    expect(vault.custodyLog()).toHaveLength(logBefore);
    expect(blobFiles(dir)).toEqual([]);
    // Importing into an incident that does not exist is refused before any blob is written.
    expect((await errorOf(() => vault.importExhibits('0'.repeat(32), paths))).code).toBe('NOT_FOUND');
    expect(blobFiles(dir)).toEqual([]);
    vault.close();
  });

  test('deleting an exhibit or an incident is recorded and keeps the blobs in the bin (referenced, not orphans)', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('To delete'));
    const paths = fixtureCopies();
    const exhibits = await vault.importExhibits(inc.id, paths.slice(0, 3));
    const blobsBefore = blobFiles(dir);
    vault.deleteExhibit(exhibits[0]!.id, 'the wrong screenshot');
    expect((await errorOf(() => vault.getExhibit(exhibits[0]!.id))).code).toBe('NOT_FOUND');
    expect(vault.getIncident(inc.id).exhibits).toHaveLength(2);
    vault.deleteIncident(inc.id, 'entered twice');
    await new Promise((r) => setTimeout(r, 100));
    // The bin keeps the files for 30 days (records/bin.ts); they go when the bin is purged.
    expect(blobFiles(dir)).toEqual(blobsBefore);
    const deletes = vault
      .custodyLog()
      .filter((e) => e.action === 'delete')
      .map((e) => [e.subjectKind, e.details.name ?? e.details.title]);
    expect(deletes).toEqual([
      ['exhibit', exhibits[0]!.name],
      ['exhibit', exhibits[1]!.name],
      ['exhibit', exhibits[2]!.name],
      ['incident', 'To delete'],
    ]);
    expect((await vault.check()).ok).toBe(true);
    vault.close();
  });

  test('temp files are removed on open; an unreferenced sealed blob is kept and check names it; listed blobs stay', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Orphans'));
    const [ex] = await vault.importExhibits(inc.id, fixtureCopies().slice(0, 1));
    vault.close();
    const [kept] = blobFiles(dir);
    const unreferenced = 'ab'.repeat(16);
    copyFileSync(join(dir, BLOB_DIR, kept!), join(dir, BLOB_DIR, unreferenced));
    writeFileSync(join(dir, BLOB_DIR, '.tmp-deadbeefdeadbeef'), 'partial');
    const again = await Vault.open(dir, { passphrase: PASS });
    // Never deleted automatically: the database may be older than the files.
    expect(blobFiles(dir)).toEqual([kept, unreferenced].sort());
    expect(again.getIncident(inc.id).exhibits.map((e) => e.id)).toEqual([ex!.id]);
    expect((await again.check()).problems.map((p) => p.message)).toEqual([
      '1 exhibit file not referenced by the database: the database may be older than the files (kept in blobs/, never deleted automatically)',
    ]);
    again.close();
  });
});
