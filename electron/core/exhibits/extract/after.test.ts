/**
 * Reading what the files say after the import (ImportOptions.extract 'after', the app's way), against a
 * real vault: the import returns its exhibits with extractPending; a moment later the same readings as an
 * import that reads in line are written, each with its activity-log entry, and onRead hears of them. A
 * vault locked before the reading is written keeps the exhibits waiting and reads them (from the vault)
 * at the next open; an exhibit deleted meanwhile is left alone; a case pack made at once has the readings.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { CustodyEntry, Exhibit } from '../../../../shared/model.js';
import { activitySentence, activitySentenceIn } from '../../../../shared/activity-log.js';
import { CHEAP, PASS, cleanupTemp, incident, newVault, tempDir } from '../../../../test/support/core.js';
import { Vault } from '../../vault.js';
import { exportPack } from '../../pack/exporter.js';
import { EXTRACT_HEAD_BYTES } from './index.js';

afterAll(cleanupTemp);

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const NAMES = ['damage.jpg', 'email-1.eml', 'email-2.eml', 'email-received.eml', 'letter.pdf', 'post-1.png'];

/** The fixtures, and the photo again at 600 KiB (random bytes after its end): more than the head kept. */
function sources(): string[] {
  const src = tempDir('ev-after-');
  const paths = NAMES.map((n) => {
    const p = join(src, n);
    copyFileSync(join(FIXTURES, n), p);
    return p;
  });
  const photo = readFileSync(join(FIXTURES, 'damage.jpg'));
  const big = join(src, 'damage-big.jpg');
  writeFileSync(big, Buffer.concat([photo, randomBytes(600 * 1024 - photo.length)]));
  expect(600 * 1024).toBeGreaterThan(EXTRACT_HEAD_BYTES);
  return [...paths, big];
}

const byName = (list: Exhibit[]): Map<string, Exhibit> => new Map(list.map((e) => [e.name, e]));
const readEntries = (log: CustodyEntry[]): CustodyEntry[] =>
  log.filter((e) => e.action === 'edit' && e.subjectKind === 'exhibit' && e.details.extracted === true);

/** The same files imported reading in line: what the reading after must come to. */
async function inLine(paths: string[]): Promise<Map<string, Exhibit>> {
  const { vault } = await newVault();
  try {
    const inc = vault.createIncident(incident('In line'));
    return byName(await vault.importExhibits(inc.id, paths));
  } finally {
    vault.close();
  }
}

describe("what the files say, read after the import (extract: 'after')", () => {
  test('the import returns them waiting; the same readings as in line follow, each in the activity log', async () => {
    const paths = sources();
    const expected = await inLine(paths);
    const { vault } = await newVault();
    try {
      const inc = vault.createIncident(incident('Car keyed'));
      const heard: Exhibit[][] = [];
      const before = vault.custodyLog().length;
      const exhibits = await vault.importExhibits(inc.id, paths, { extract: 'after', onRead: (x) => heard.push(x) });
      // Every file of a kind that says something waits for its reading; none has one yet.
      for (const e of exhibits) {
        expect(e.extracted, e.name).toBeUndefined();
        expect(e.extractPending, e.name).toBe(true);
      }
      expect(vault.getExhibit(exhibits[0]!.id).extractPending).toBe(true);
      await vault.whenRead();

      const now = byName(vault.getIncident(inc.id).exhibits);
      for (const [name, want] of expected) {
        const got = now.get(name)!;
        expect(got.extracted, name).toEqual(want.extracted);
        expect(got.extractPending, name).toBeUndefined();
      }
      expect(now.get('damage-big.jpg')?.extracted?.gps).toBeDefined();
      expect(now.get('email-received.eml')?.extracted?.email?.received?.length).toBeGreaterThan(0);
      expect(now.get('letter.pdf')?.extracted?.pdf?.createdAt).toBeDefined();
      // onRead heard every exhibit once, in one call.
      expect(heard).toHaveLength(1);
      expect(heard[0]!.map((e) => e.id).sort()).toEqual(exhibits.map((e) => e.id).sort());
      // One entry for each file that said something (the screenshot says nothing: none for it), after the imports.
      const log = vault.custodyLog().slice(before);
      const reads = readEntries(log);
      const said = [...expected.values()].filter((e) => e.extracted).map((e) => e.name);
      expect(reads.map((e) => e.details.name).sort()).toEqual(said.sort());
      expect(said).not.toContain('post-1.png');
      const lastImport = Math.max(...log.filter((e) => e.action === 'import').map((e) => e.seq));
      for (const r of reads) expect(r.seq).toBeGreaterThan(lastImport);
      const photo = now.get('damage.jpg')!;
      const entry = reads.find((e) => e.subjectId === photo.id)!;
      expect(entry.details).toMatchObject({ name: 'damage.jpg', sha256: photo.sha256, extracted: true });
      expect(activitySentence(entry)).toBe(
        'the app read what the picture (“damage.jpg”) says about itself, and kept it',
      );
      expect(activitySentenceIn('cy', entry)).toMatch(
        /^darllenodd yr ap beth mae .*“damage\.jpg”.* yn ei ddweud amdano ei hun, a’i gadw$/,
      );
      // The producer's account and its history are untouched.
      expect(vault.exhibitDetailsHistory(photo.id)).toHaveLength(1);
    } finally {
      vault.close();
    }
  });

  test('locked before the reading is written: the exhibits wait, and are read from the vault at the next open', async () => {
    const paths = sources();
    const expected = await inLine(paths);
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Car keyed'));
    const heard: Exhibit[][] = [];
    await vault.importExhibits(inc.id, paths, { extract: 'after', onRead: (x) => heard.push(x) });
    vault.close(); // at once: the reading has not been written
    await vault.whenRead();
    expect(heard).toEqual([]);

    const again = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    try {
      // Opened: still waiting (nothing was lost), then read from the sealed files themselves.
      expect(again.getIncident(inc.id).exhibits.map((e) => e.extractPending)).toEqual(paths.map(() => true));
      await again.whenRead();
      const now = byName(again.getIncident(inc.id).exhibits);
      for (const [name, want] of expected) {
        expect(now.get(name)?.extracted, name).toEqual(want.extracted);
        expect(now.get(name)?.extractPending, name).toBeUndefined();
      }
      expect(readEntries(again.custodyLog())).toHaveLength([...expected.values()].filter((e) => e.extracted).length);
      expect((await again.check()).ok).toBe(true);
    } finally {
      again.close();
    }
  });

  test('an exhibit deleted before its reading is written is left alone; the others are read', async () => {
    const paths = sources();
    const { vault } = await newVault();
    try {
      const inc = vault.createIncident(incident('Car keyed'));
      const exhibits = await vault.importExhibits(inc.id, paths, { extract: 'after' });
      const gone = exhibits.find((e) => e.name === 'damage.jpg')!;
      vault.deleteExhibit(gone.id, 'added by mistake');
      await vault.whenRead();
      const reads = readEntries(vault.custodyLog());
      expect(reads.map((e) => e.subjectId)).not.toContain(gone.id);
      expect(reads.length).toBeGreaterThan(0);
      expect(vault.getIncident(inc.id).exhibits.every((e) => e.extractPending === undefined)).toBe(true);
    } finally {
      vault.close();
    }
  });

  test('a case pack made the moment the import returns waits for the readings: they are in it, with their log entries', async () => {
    const paths = sources();
    const expected = await inLine(paths);
    const { vault } = await newVault();
    try {
      const inc = vault.createIncident(incident('Car keyed'));
      await vault.importExhibits(inc.id, paths, { extract: 'after' });
      const out = join(tempDir('ev-after-pack-'), 'pack');
      await exportPack(vault, { out, initials: 'AB', format: 'folder' });
      const c = JSON.parse(readFileSync(join(out, 'data/case.json'), 'utf8')) as {
        exhibits: { originalName: string; extracted?: unknown }[];
      };
      for (const x of c.exhibits) expect(x.extracted, x.originalName).toEqual(expected.get(x.originalName)?.extracted);
      const csv = readFileSync(join(out, 'data/custody/custody-log.csv'), 'utf8');
      expect(csv.match(/,what the file says \(read by the app\)\r\n/g)).toHaveLength(
        [...expected.values()].filter((e) => e.extracted).length,
      );
    } finally {
      vault.close();
    }
  });
});
