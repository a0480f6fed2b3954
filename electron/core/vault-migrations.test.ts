import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { Vault } from './vault.js';
import { PASS, cleanupTemp, incident, newVault, rawDb, tempDir } from '../../test/support/core.js';
import { rebuildAtSchema } from '../../test/support/old-schema.js';

afterAll(cleanupTemp);

import { FIXTURES } from '../../test/fixtures.js';

describe('migrations', () => {
  test('are numbered 1..N without gaps, and there are at least two', () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(2);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  test('an empty vault is created at the latest schema version', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const db = rawDb(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(['custody', 'records']);
    db.close();
  });

  for (let from = 1; from < SCHEMA_VERSION; from++) {
    test(`a vault with data at schema version ${from} opens with the current code, data intact`, async () => {
      const { vault, dir } = await newVault();
      const person = vault.createPerson({ name: 'Mallory' });
      const inc = vault.createIncident(
        incident('Written by an older version', { perpetratorIds: [person.id], categories: ['stalking'] }),
      );
      vault.createContact({ kind: 'spoc', name: 'DC Jones' });
      vault.updateSettings({ producerInitials: 'AB' });
      const src = join(tempDir(), 'letter.pdf');
      copyFileSync(join(FIXTURES, 'letter.pdf'), src);
      const [ex] = await vault.importExhibits(inc.id, [src]);
      const logLength = vault.custodyLog().length;
      vault.close();
      rebuildAtSchema(dir, from);

      const old = rawDb(dir);
      expect(old.pragma('user_version', { simple: true })).toBe(from);
      old.close();

      const now = await Vault.open(dir, { passphrase: PASS });
      expect(now.getIncident(inc.id)).toMatchObject({
        title: 'Written by an older version',
        perpetratorIds: [person.id],
      });
      expect(now.getIncident(inc.id).exhibits.map((e) => e.name)).toEqual(['letter.pdf']);
      expect(Buffer.from(await now.readExhibit(ex!.id)).equals(readFileSync(src))).toBe(true);
      expect(now.listPeople().map((p) => p.name)).toEqual(['Mallory']);
      expect(now.listContacts().map((c) => c.name)).toEqual(['DC Jones']);
      expect(now.getSettings().producerInitials).toBe('AB');
      expect(now.custodyLog().length).toBeGreaterThan(logLength); // unlock + view appended to the same chain
      const report = await now.check();
      expect(report.problems).toEqual([]);
      now.close();

      const db = rawDb(dir);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      // Migration 3 filled the blob id column from the encrypted exhibit bodies.
      const row = db.prepare(`SELECT blob_id FROM records WHERE id = ?`).get(ex!.id) as { blob_id: string | null };
      expect(row.blob_id).toMatch(/^[0-9a-f]{32}$/);
      expect(readdirSync(join(dir, 'blobs'))).toContain(row.blob_id);
      db.close();
    });
  }
});
