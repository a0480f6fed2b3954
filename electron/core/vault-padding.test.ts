/**
 * Metadata at rest through the vault: what vault.db shows of record and activity-log bodies is their
 * size class only; a vault made before padding (release 0.1.0) opens, lists and checks, and takes
 * padded records beside its unpadded ones; no canary text reaches vault.db or its WAL.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DB_FILE, Vault } from './vault.js';
import { SEAL_OVERHEAD, sizeClass } from './crypto/padding.js';
import { CHEAP, PASS, cleanupTemp, incident, newVault, rawDb, tempDir } from '../../test/support/core.js';

afterAll(cleanupTemp);

const FIXTURE = resolve(import.meta.dirname, '../../test/fixtures/vault-0.1.0');

function isClass(n: number): boolean {
  return sizeClass(n) === n;
}

function storedBodies(dir: string): {
  records: { id: string; len: number }[];
  custody: { seq: number; len: number }[];
} {
  const db = rawDb(dir);
  try {
    const records = db.prepare(`SELECT id, length(body) AS len FROM records ORDER BY id`).all() as {
      id: string;
      len: number;
    }[];
    const custody = db.prepare(`SELECT seq, length(body) AS len FROM custody ORDER BY seq`).all() as {
      seq: number;
      len: number;
    }[];
    return { records, custody };
  } finally {
    db.close();
  }
}

function file(dir: string, name: string, bytes: number): string {
  const p = join(dir, name);
  writeFileSync(p, Buffer.alloc(bytes, 7));
  return p;
}

describe('size classes at rest', () => {
  test('activity-log entries for viewing two exhibits with very different names seal to the same length', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Exhibits viewed'));
    const src = tempDir();
    const names = ['a.png', 'screenshot of the message he sent on the community forum at 21.40 on Friday.png'];
    const [short, long] = await vault.importExhibits(inc.id, [file(src, names[0]!, 100), file(src, names[1]!, 5000)]);
    await vault.readExhibit(short!.id);
    await vault.readExhibit(long!.id);
    const views = vault.custodyLog().filter((e) => e.action === 'view');
    expect(views.map((e) => e.details.name)).toEqual(names);
    vault.close();

    const { records, custody } = storedBodies(dir);
    const len = (seq: number): number => custody.find((c) => c.seq === seq)!.len;
    expect(len(views[0]!.seq)).toBe(len(views[1]!.seq));
    // Every body in the database, record or entry, is exactly a size class.
    for (const r of records) expect(isClass(r.len), `record ${r.id}: ${r.len} bytes`).toBe(true);
    for (const c of custody) expect(isClass(c.len), `custody entry ${c.seq}: ${c.len} bytes`).toBe(true);
    // The two exhibit records too, whatever their names and sizes.
    const lenOf = (id: string): number => records.find((r) => r.id === id)!.len;
    expect(lenOf(short!.id)).toBe(lenOf(long!.id));
  });

  test('incident descriptions of 0 to 100 characters give one stored length', async () => {
    const { vault, dir } = await newVault();
    const ids = [0, 1, 20, 60, 100].map((n) => vault.createIncident(incident('T', { description: 'd'.repeat(n) })).id);
    vault.close();
    const { records } = storedBodies(dir);
    const lengths = new Set(records.filter((r) => ids.includes(r.id)).map((r) => r.len));
    expect(lengths.size).toBe(1);
  });
});

describe('a vault made by release 0.1.0 (unpadded)', () => {
  test('opens, lists and checks; new records are padded beside the old ones, and it still checks', async () => {
    const dir = join(tempDir('ev-release-'), 'vault');
    cpSync(FIXTURE, dir, { recursive: true, filter: (p) => !p.endsWith('README.md') });
    const before = storedBodies(dir);
    // The fixture really is unpadded: its bodies are JSON length + overhead, mostly not a class.
    expect(before.records.filter((r) => !isClass(r.len)).length).toBeGreaterThan(before.records.length / 2);
    expect(before.custody.filter((c) => !isClass(c.len)).length).toBeGreaterThan(before.custody.length / 2);

    const vault = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    expect(vault.listIncidents().map((i) => i.title)).toEqual([
      'Leaflet torn down and note left',
      'Threatening e-mail',
      'Car scratched outside the office',
    ]);
    expect(vault.listPeople()).toHaveLength(1);
    expect(vault.listContacts()).toHaveLength(1);
    const first = await vault.check();
    expect(first.problems).toEqual([]);
    expect(first.ok).toBe(true);
    const added = vault.createIncident(incident('Added after padding', { description: 'new' }));
    vault.close();

    const after = storedBodies(dir);
    expect(isClass(after.records.find((r) => r.id === added.id)!.len)).toBe(true);
    const oldSeqs = new Set(before.custody.map((c) => c.seq));
    const newEntries = after.custody.filter((c) => !oldSeqs.has(c.seq));
    expect(newEntries.length).toBeGreaterThan(0);
    for (const c of newEntries) expect(isClass(c.len)).toBe(true);
    // Old entries are untouched.
    for (const c of before.custody) expect(after.custody.find((x) => x.seq === c.seq)!.len).toBe(c.len);

    const again = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    expect(again.listIncidents().map((i) => i.title)).toContain('Added after padding');
    expect(again.custodyLog().length).toBe(after.custody.length + 1); // + this unlock
    const second = await again.check();
    expect(second.problems).toEqual([]);
    expect(second.ok).toBe(true);
    again.close();
  });
});

describe('no plaintext in vault.db or its WAL', () => {
  test('after adding and viewing, the canary is nowhere in the files (the padding hides nothing readable)', async () => {
    const CANARY = 'Canary-Pelican-7731-zebra';
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(
      incident(`${CANARY} title`, { description: `${CANARY} description`, location: `${CANARY} place` }),
    );
    vault.createPerson({ name: `${CANARY} person` });
    const src = tempDir();
    const [ex] = await vault.importExhibits(inc.id, [file(src, `${CANARY}.txt`, 300)]);
    await vault.readExhibit(ex!.id);
    vault.updateIncident(inc.id, { ...vault.getIncident(inc.id), notes: `${CANARY} notes` });

    const files = [join(dir, DB_FILE), join(dir, `${DB_FILE}-wal`)];
    expect(existsSync(files[1]!)).toBe(true);
    const scan = (): string[] =>
      files
        .filter((f) => existsSync(f))
        .filter((f) => {
          const b = readFileSync(f);
          return b.includes(Buffer.from(CANARY, 'utf8')) || b.includes(Buffer.from(CANARY, 'utf16le'));
        });
    expect(scan()).toEqual([]);
    vault.close();
    expect(scan()).toEqual([]);
    // The scan would see it: a planted copy is found.
    writeFileSync(join(dir, `${DB_FILE}-wal`), `xx${CANARY}xx`);
    expect(scan()).toEqual([files[1]]);
  });
});

test('the overhead constant matches the sealed format', () => {
  expect(SEAL_OVERHEAD).toBe(40);
});
