/**
 * Rollback of vault.db (a restored backup, a sync client's older copy): the newer exhibits' files
 * are never deleted, check() names them, and the rollback anchor outside vault.db shows that the
 * database is older than the vault last saw.
 */
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FIXTURES } from '../../test/fixtures.js';
import { PASS, cleanupTemp, incident, newVault, tempDir } from '../../test/support/core.js';
import { ANCHOR_FILE } from './custody/anchor.js';
import { BLOB_DIR, DB_FILE, Vault } from './vault.js';

afterAll(cleanupTemp);

const OLD_VAULT = join(import.meta.dirname, '../../test/fixtures/vault-0.1.0');

function blobFiles(dir: string): string[] {
  return readdirSync(join(dir, BLOB_DIR)).sort();
}

function putBack(dir: string, saved: string): void {
  copyFileSync(saved, join(dir, DB_FILE));
  rmSync(join(dir, `${DB_FILE}-wal`), { force: true });
}

describe('a rolled-back vault.db', () => {
  test('keeps the newer exhibit file, and open and check say the database is older', async () => {
    const { vault, dir } = await newVault();
    vault.createIncident(incident('Before the backup'));
    vault.close();
    const saved = join(tempDir(), 'vault.db.old');
    copyFileSync(join(dir, DB_FILE), saved);

    const v1 = await Vault.open(dir, { passphrase: PASS });
    const photo = join(tempDir(), 'photo.jpg');
    writeFileSync(photo, 'a photo of the damage to the car');
    await v1.createIncidentWithExhibits(incident('After the backup'), [photo]);
    v1.close();
    const newer = blobFiles(dir);
    expect(newer).toHaveLength(1);

    putBack(dir, saved);
    const v2 = await Vault.open(dir, { passphrase: PASS });
    expect(blobFiles(dir)).toEqual(newer); // never deleted as an "orphan"
    expect(v2.listIncidents().map((i) => i.title)).toEqual(['Before the backup']);
    expect(v2.openWarnings().join('\n')).toContain('the database is older than the vault last saw');
    const report = await v2.check();
    expect(report.ok).toBe(false);
    const messages = report.problems.map((p) => p.message);
    expect(messages).toContainEqual(
      expect.stringContaining(
        '1 exhibit file not referenced by the database: the database may be older than the files',
      ),
    );
    expect(messages).toContainEqual(expect.stringContaining('the database is older than the vault last saw'));
    v2.close();

    // Kept in the vault: a later open and check still say so, and the file is still there.
    const v3 = await Vault.open(dir, { passphrase: PASS });
    const again = (await v3.check()).problems.map((p) => p.message).join('\n');
    expect(again).toContain('the database is older than the vault last saw');
    expect(again).toContain('1 exhibit file not referenced by the database');
    v3.close();
    expect(blobFiles(dir)).toEqual(newer);
  });

  test('another copy of vault.db with the same length of log is told apart', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const saved = join(tempDir(), 'vault.db.old');
    copyFileSync(join(dir, DB_FILE), saved);
    const a = await Vault.open(dir, { passphrase: PASS });
    a.createIncident(incident('Only in the newer copy'));
    a.close();
    // The older copy, opened elsewhere twice (two unlock entries): as many entries, another chain.
    const other = join(tempDir(), 'other');
    cpSync(dir, other, { recursive: true });
    putBack(other, saved);
    rmSync(join(other, ANCHOR_FILE));
    (await Vault.open(other, { passphrase: PASS })).close();
    (await Vault.open(other, { passphrase: PASS })).close();
    putBack(dir, join(other, DB_FILE));
    const b = await Vault.open(dir, { passphrase: PASS });
    expect(b.openWarnings().join('\n')).toContain('the database is not the one the vault last saw');
    b.close();
  });

  test('a damaged anchor is reported, never trusted', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const text = readFileSync(join(dir, ANCHOR_FILE), 'utf8');
    writeFileSync(
      join(dir, ANCHOR_FILE),
      text.replace(/"seq":(\d+)/, (_, n: string) => `"seq":${Number(n) + 5}`),
    );
    const v = await Vault.open(dir, { passphrase: PASS });
    expect(v.openWarnings().join('\n')).toContain(`the rollback anchor ${ANCHOR_FILE} is damaged or was altered`);
    v.close();
  });

  test('an ordinary open, action and close keeps check clean, and the anchor follows each commit', async () => {
    const { vault, dir } = await newVault();
    const seqOf = (): number => (JSON.parse(readFileSync(join(dir, ANCHOR_FILE), 'utf8')) as { seq: number }).seq;
    const before = seqOf();
    vault.createIncident(incident('One more'));
    expect(seqOf()).toBe(before + 1);
    expect((await vault.check()).problems).toEqual([]);
    vault.close();
    const again = await Vault.open(dir, { passphrase: PASS });
    expect(again.openWarnings()).toEqual([]);
    expect((await again.check()).problems).toEqual([]);
    again.close();
  });

  test('a vault made by 0.1.0 (no anchor yet) opens cleanly and gets one', async () => {
    void FIXTURES;
    const dir = join(tempDir(), 'old');
    cpSync(OLD_VAULT, dir, { recursive: true });
    expect(existsSync(join(dir, ANCHOR_FILE))).toBe(false);
    const v = await Vault.open(dir, { passphrase: PASS });
    expect(v.openWarnings()).toEqual([]);
    expect((await v.check()).problems).toEqual([]);
    v.close();
    expect(existsSync(join(dir, ANCHOR_FILE))).toBe(true);
    const again = await Vault.open(dir, { passphrase: PASS });
    expect((await again.check()).problems).toEqual([]);
    again.close();
  });
});
