/**
 * Issue 11, Medium 6, in the core: an export in progress is recorded in the vault (an encrypted
 * 'export-in-progress' record naming its temporary paths); the next open removes exactly the
 * recorded paths of the sink's temporary form, says so once, and drops the record. An export that
 * fails in-process cleans up and leaves no record. (test/cli/export-leftovers.test.ts kills a real one.)
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PASS, cleanupTemp, incident, newVault, rawDb, tempDir } from '../../test/support/core.js';
import { exportPack } from './pack/exporter.js';
import { Vault } from './vault.js';

afterAll(cleanupTemp);

/** How many 'export-in-progress' records vault.db holds (the vault must be closed). */
function recordsInProgress(dir: string): number {
  const db = rawDb(dir);
  try {
    const row = db.prepare(`SELECT count(*) AS n FROM records WHERE kind = 'export-in-progress'`).get() as {
      n: number;
    };
    return row.n;
  } finally {
    db.close();
  }
}

describe('exports in progress, recorded in the vault', () => {
  test('the next open removes what a stopped export left, names it once, and touches nothing else', async () => {
    const { vault, dir } = await newVault();
    const out = tempDir('ev-packs-');
    const partialDir = path.join(out, '.pack.partial-0123abcd');
    mkdirSync(path.join(partialDir, 'data'), { recursive: true });
    writeFileSync(path.join(partialDir, 'data', 'evidence.txt'), 'readable evidence');
    const partialSide = path.join(out, '.pack.zip.sha256.partial-89abcdef'); // recorded, never written
    const notPartial = path.join(out, 'my-notes.txt'); // recorded by a damaged record: not our form
    writeFileSync(notPartial, 'mine');
    const decoy = path.join(out, '.pack.partial-fedcba98'); // similar name, never recorded
    writeFileSync(decoy, 'mine too');
    vault.beginExport([partialDir, partialSide, notPartial]);
    vault.close(); // as if killed: the record stays
    expect(recordsInProgress(dir)).toBe(1);

    const again = await Vault.open(dir, { passphrase: PASS });
    const notices = again.openNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Removed an unfinished case pack left by an export that was stopped: /);
    expect(notices[0]).toContain(partialDir);
    expect(notices[0]).not.toContain(notPartial);
    expect(existsSync(partialDir)).toBe(false);
    expect(readdirSync(out).sort()).toEqual(['.pack.partial-fedcba98', 'my-notes.txt']);
    expect((await again.check()).ok).toBe(true);
    again.close();

    const third = await Vault.open(dir, { passphrase: PASS });
    expect(third.openNotices()).toEqual([]);
    third.close();
    expect(recordsInProgress(dir)).toBe(0);
  });

  test('an export that fails in-process removes its files and its record', async () => {
    const { vault, dir } = await newVault();
    vault.createIncident(incident('One'));
    const out = tempDir('ev-packs-');
    const controller = new AbortController();
    let sawPartial = false;
    const failed = exportPack(vault, {
      out: path.join(out, 'pack.zip'),
      format: 'zip',
      initials: 'AB',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase !== 'finishing') return;
        sawPartial ||= readdirSync(out).some((n) => n.includes('.partial-'));
        controller.abort();
      },
    });
    await expect(failed).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(sawPartial).toBe(true);
    expect(readdirSync(out)).toEqual([]);
    expect((await vault.check()).ok).toBe(true);
    vault.close();
    expect(recordsInProgress(dir)).toBe(0);
  });
});
