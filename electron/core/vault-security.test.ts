/**
 * The security promises of the vault core, tested against real files:
 * no plaintext at rest (also while open, WAL included); any changed bit of a record or a blob is
 * caught by check() and by reading; the custody chain detects edits, removals and reordering.
 */
import { copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VaultError } from '../../shared/errors.js';
import type { CheckReport } from '../../shared/model.js';
import { BLOB_DIR, Vault } from './vault.js';
import { openRecordBody, type RecordRow } from './store/record-body.js';
import { BLOB_CHUNK_BYTES, BLOB_HEADER_BYTES } from './exhibits/blobs/index.js';
import { openEach } from './crypto/index.js';
import {
  PASS,
  cleanupTemp,
  errorOf,
  fixtureCopies,
  fixtureNames,
  flipBit,
  incident,
  listFiles,
  newVault,
  rawDb,
  tempDir,
} from '../../test/support/core.js';
import { FIXTURES } from '../../test/fixtures.js';

afterAll(cleanupTemp);

const SECRETS = {
  title: 'Quokka-Zanzibar threat at the allotment gate',
  description: 'He said the purple giraffe would come for me, 0xDEADBEEF-description',
  location: 'Honeysuckle Lane allotments plot 47b',
  notes: 'Notes: marmalade-walrus-notes',
  personName: 'Mallory Fitzgerald-Quintessence',
  handle: '@quintessence_troll_1987',
  witness: 'Walter Whitethorn-Abernathy',
  contact: 'Detective Constable Persephone Umbridge-Smythe',
  reportRef: 'CAD-REF-99887766-XQ',
  settingsName: 'Alexandra Bartholomew-Crane',
  category: 'malicious-communication',
  category2: 'election-offence',
};

/**
 * Every 32-byte window of every fixture, as latin1 strings (1 char per byte) — except runs of
 * padding (fewer than 4 distinct byte values, e.g. 32 zero bytes), which any SQLite page has too
 * and which carry no evidence.
 */
function fixtureWindows(): { windows: Set<string>; skipped: number } {
  const windows = new Set<string>();
  let skipped = 0;
  for (const n of fixtureNames) {
    const b = readFileSync(join(FIXTURES, n));
    for (let i = 0; i + 32 <= b.length; i++) {
      if (new Set(b.subarray(i, i + 32)).size < 4) {
        skipped++;
        continue;
      }
      windows.add(b.toString('latin1', i, i + 32));
    }
  }
  return { windows, skipped };
}

/** What plaintext is found in the files of dir: needles (UTF-8 and UTF-16LE) and fixture windows. */
function findPlaintext(dir: string, needles: string[], windows: Set<string>): string[] {
  const found: string[] = [];
  for (const file of listFiles(dir)) {
    const b = readFileSync(file);
    for (const n of needles) {
      if (b.includes(Buffer.from(n, 'utf8')) || b.includes(Buffer.from(n, 'utf16le'))) found.push(`${file}: "${n}"`);
    }
    const text = b.toString('latin1');
    for (let i = 0; i + 32 <= text.length; i++) {
      if (windows.has(text.slice(i, i + 32))) {
        found.push(`${file}: 32-byte window of a fixture at offset ${i}`);
        break;
      }
    }
  }
  return found;
}

describe('no plaintext at rest', () => {
  test('no record text, name, category, file name or 32-byte window of an exhibit in any vault file, open or closed', async () => {
    const { vault, dir } = await newVault();
    const p = vault.createPerson({ name: SECRETS.personName, handles: [SECRETS.handle], description: 'tall, beard' });
    const w = vault.createPerson({ name: SECRETS.witness, role: 'witness' });
    const inc = vault.createIncident(
      incident(SECRETS.title, {
        description: SECRETS.description,
        location: SECRETS.location,
        notes: SECRETS.notes,
        categories: [SECRETS.category as 'other', SECRETS.category2 as 'other'],
        perpetratorIds: [p.id],
        witnessIds: [w.id],
        reports: [{ kind: 'police', force: 'Met', reference: SECRETS.reportRef, officer: '', date: '' }],
      }),
    );
    vault.createContact({ kind: 'spoc', name: SECRETS.contact });
    vault.updateSettings({ producerName: SECRETS.settingsName });
    const exhibits = await vault.importExhibits(inc.id, fixtureCopies());
    expect(exhibits).toHaveLength(fixtureNames.length);
    for (const ex of exhibits) await vault.readExhibit(ex.id);
    vault.updateIncident(inc.id, { ...vault.getIncident(inc.id), description: SECRETS.description + ' (edited)' });

    const needles = [...Object.values(SECRETS), ...fixtureNames];
    const { windows, skipped } = fixtureWindows();
    expect(windows.size).toBeGreaterThan(50_000);
    expect(skipped).toBeLessThan(windows.size / 20);

    // While open: the WAL holds the latest pages.
    const openFiles = listFiles(dir).map((f) => f.slice(dir.length + 1));
    expect(openFiles).toContain('vault.db-wal');
    expect(findPlaintext(dir, needles, windows)).toEqual([]);

    vault.close();
    expect(findPlaintext(dir, needles, windows)).toEqual([]);
    // And the scan itself works: a file with a fixture inside would be found.
    copyFileSync(join(FIXTURES, 'letter.pdf'), join(dir, 'planted'));
    expect(findPlaintext(dir, needles, windows).length).toBeGreaterThan(0);
  });
});

/** A closed vault with one record of every kind and three exhibits, to copy for each tampering trial. */
let pristine: string;
let recordsKey: Uint8Array;
let vaultId: string;
let ids: { incident: string; person: string; contact: string; exhibit: string; exhibitName: string };

beforeAll(async () => {
  const { vault, dir } = await newVault();
  const p = vault.createPerson({ name: 'Mallory' });
  const inc = vault.createIncident(incident('A', { perpetratorIds: [p.id], description: 'x'.repeat(300) }));
  vault.createIncident(incident('B'));
  const c = vault.createContact({ kind: 'police', name: 'PC 1' });
  vault.updateSettings({ producerInitials: 'AB' });
  const big = join(tempDir(), 'recording.bin');
  writeFileSync(big, nodeRandomBytes(3 * BLOB_CHUNK_BYTES + 12345));
  const paths = fixtureCopies();
  const exhibits = await vault.importExhibits(inc.id, [paths[0]!, paths[3]!, big]);
  recordsKey = new Uint8Array((vault as unknown as { keys: { records: Uint8Array } }).keys.records);
  vaultId = vault.vaultId;
  ids = { incident: inc.id, person: p.id, contact: c.id, exhibit: exhibits[0]!.id, exhibitName: exhibits[0]!.name };
  vault.close();
  pristine = dir;
});

function copyOfPristine(): string {
  const d = join(tempDir('ev-trial-'), 'vault');
  cpSync(pristine, d, { recursive: true });
  return d;
}

function rows(dir: string): RecordRow[] {
  const db = rawDb(dir);
  const out = (db.prepare(`SELECT id, kind, version, body FROM records ORDER BY kind, id`).all() as RecordRow[]).map(
    (r) => ({
      ...r,
      body: new Uint8Array(r.body),
    }),
  );
  db.close();
  return out;
}

function messages(report: CheckReport): string {
  return report.problems.map((p) => `${p.kind}: ${p.message}`).join('\n');
}

describe('any changed bit of a record is caught', () => {
  test('exhaustively: every bit of every stored record body fails authentication', () => {
    const all = rows(pristine);
    expect(new Set(all.map((r) => r.kind))).toEqual(
      // 'revision': each incident's and person's saved versions (records/revisions.ts).
      new Set([
        'incident',
        'person',
        'exhibit',
        'contact',
        'settings',
        'signing-key',
        'meta',
        'exhibit-numbers',
        'revision',
      ]),
    );
    let flips = 0;
    for (const row of all) {
      expect(openRecordBody(recordsKey, vaultId, row)).toBeDefined();
      for (let bit = 0; bit < row.body.length * 8; bit++) {
        expect(openRecordBody(recordsKey, vaultId, { ...row, body: flipBit(row.body, bit) })).toBeUndefined();
        flips++;
      }
      // The plain columns are bound too: a body cannot move to another id, kind or version.
      expect(openRecordBody(recordsKey, vaultId, { ...row, version: row.version + 1 })).toBeUndefined();
      expect(
        openRecordBody(recordsKey, vaultId, { ...row, kind: row.kind === 'person' ? 'contact' : 'person' }),
      ).toBeUndefined();
      expect(openRecordBody(recordsKey, vaultId, { ...row, id: 'f'.repeat(32) })).toBeUndefined();
      expect(openRecordBody(recordsKey, '0'.repeat(32), row)).toBeUndefined();
    }
    expect(flips).toBeGreaterThan(10_000);
  });

  test('exhaustively, through the bulk decryption used at unlock and by check() (openEach)', () => {
    const all = rows(pristine);
    const items: { sealed: Uint8Array; ad: Uint8Array; ok: boolean }[] = [];
    for (const row of all) {
      const ad = new TextEncoder().encode(`evidence-vault record|${vaultId}|${row.id}|${row.kind}|${row.version}`);
      items.push({ sealed: row.body, ad, ok: true });
      for (let bit = 0; bit < row.body.length * 8; bit++) items.push({ sealed: flipBit(row.body, bit), ad, ok: false });
      items.push({ sealed: row.body, ad: flipBit(ad, 7), ok: false });
      items.push({ sealed: row.body.subarray(0, row.body.length - 1), ad, ok: false });
    }
    const results: boolean[] = [];
    const texts: string[] = [];
    openEach(
      recordsKey,
      items.length,
      (i) => items[i]!,
      (i, pt) => {
        results.push(pt !== null);
        if (items[i]!.ok && pt) texts.push(new TextDecoder().decode(pt));
      },
    );
    expect(results).toEqual(items.map((x) => x.ok));
    // And the good ones decrypt to exactly what the one-at-a-time path gives.
    expect(texts.map((t) => JSON.parse(t) as unknown)).toEqual(all.map((r) => openRecordBody(recordsKey, vaultId, r)));
  });

  test('through the vault: flips across every region of every record are named by check() and refused on reading', async () => {
    const all = rows(pristine);
    for (const row of all) {
      const n = row.body.length;
      // nonce start/end, ciphertext start/middle/end, tag start/end
      const bytes = [...new Set([0, 23, 24, n >> 1, n - 17, n - 16, n - 1])];
      for (const byte of bytes) {
        const dir = copyOfPristine();
        const db = rawDb(dir);
        db.prepare(`UPDATE records SET body = ? WHERE id = ?`).run(flipBit(row.body, byte * 8 + (byte % 8)), row.id);
        db.close();
        const vault = await Vault.open(dir, { passphrase: PASS });
        const report = await vault.check();
        expect(report.ok, `${row.kind} byte ${byte}`).toBe(false);
        expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'record', id: row.id }));
        expect(messages(report)).toContain(`${row.kind} ${row.id}: fails authentication`);
        if (row.kind === 'meta') expect(messages(report)).toMatch(/chain head \(meta record\) was missing or failed/);
        expect(vault.damagedRecords()).toContainEqual({ id: row.id, kind: row.kind });
        const read = {
          incident: () => vault.getIncident(row.id),
          exhibit: () => vault.getExhibit(row.id),
          settings: () => vault.getSettings(),
          'signing-key': () => vault.signingPublicKey(),
          person: () => {
            if (vault.listPeople().some((p) => p.id === row.id)) throw new Error('damaged person listed');
            throw new (class extends Error {})('not listed');
          },
          contact: () => {
            if (vault.listContacts().some((c) => c.id === row.id)) throw new Error('damaged contact listed');
            throw new (class extends Error {})('not listed');
          },
          meta: null,
        }[row.kind as 'incident'];
        if (row.kind === 'person' || row.kind === 'contact') {
          expect(read).toThrow('not listed');
        } else if (read) {
          expect((await errorOf(read)).code).toBe('TAMPERED');
        }
        if (row.kind === 'exhibit') expect((await errorOf(() => vault.readExhibit(row.id))).code).toBe('TAMPERED');
        vault.close();
      }
    }
  });

  test('flips in the SQLite file itself: inside any record is named; anywhere else gives a clear error or nothing', async () => {
    const all = rows(pristine);
    const file = readFileSync(join(pristine, 'vault.db'));
    let located = 0;
    for (const row of all) {
      // Stale copies of a body can stay in freed pages (bodies padded to a size class fill pages
      // sooner, so pages split and move): flip the same bit in every copy, the live one among them.
      // A body of 1 KiB or more continues on overflow pages (records is a WITHOUT ROWID table): its
      // first 256 bytes always stay in the cell, so that is where it is found and flipped.
      const body = Buffer.from(row.body).subarray(0, 256);
      let flipped: Uint8Array = file;
      for (let at = file.indexOf(body); at >= 0; at = file.indexOf(body, at + 1)) {
        flipped = flipBit(flipped, (at + (body.length >> 1)) * 8 + 3);
      }
      if (flipped === file) continue;
      located++;
      const dir = copyOfPristine();
      writeFileSync(join(dir, 'vault.db'), flipped);
      const vault = await Vault.open(dir, { passphrase: PASS });
      const report = await vault.check();
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'record', id: row.id }));
      vault.close();
    }
    // A body of 1 KiB or more spills onto an overflow page (a WITHOUT ROWID table keeps ~1000 bytes
    // in its cell), so it is not found whole: incident A and its version are such bodies.
    expect(located).toBeGreaterThanOrEqual(all.filter((r) => r.body.length < 1000).length);
    // Anywhere in the file (page headers, b-tree cells, free space): never a crash or a raw SQLite error.
    for (let k = 0; k < 24; k++) {
      const pos = Math.floor(((k + 0.5) * file.length) / 24);
      const dir = copyOfPristine();
      writeFileSync(join(dir, 'vault.db'), flipBit(file, pos * 8 + (k % 8)));
      try {
        const vault = await Vault.open(dir, { passphrase: PASS });
        await vault.check();
        vault.close();
      } catch (e) {
        expect(e, `byte ${pos}`).toBeInstanceOf(VaultError);
      }
    }
  });

  test('a body moved to another row, or a changed version column, is caught', async () => {
    const dir = copyOfPristine();
    const all = rows(dir);
    const [a, b] = all.filter((r) => r.kind === 'incident');
    const titleOfB = (openRecordBody(recordsKey, vaultId, b!) as { title: string }).title;
    const db = rawDb(dir);
    db.prepare(`UPDATE records SET body = ? WHERE id = ?`).run(b!.body, a!.id);
    db.prepare(`UPDATE records SET version = version + 1 WHERE id = ?`).run(ids.contact);
    db.close();
    const vault = await Vault.open(dir, { passphrase: PASS });
    const report = await vault.check();
    expect(
      report.problems
        .filter((p) => p.id)
        .map((p) => p.id)
        .sort(),
    ).toEqual([a!.id, ids.contact].sort());
    expect((await errorOf(() => vault.getIncident(a!.id))).code).toBe('TAMPERED');
    expect(vault.getIncident(b!.id).title).toBe(titleOfB);
    vault.close();
  });
});

describe('any changed bit of a blob is caught', () => {
  test('flips in the header, first, middle and last chunk and final tag of every blob; truncation; extension', async () => {
    const dir = copyOfPristine();
    const vault = await Vault.open(dir, { passphrase: PASS });
    const exhibits = vault.getIncident(ids.incident).exhibits;
    expect(exhibits).toHaveLength(3);
    const blobDir = join(dir, BLOB_DIR);
    const blobOf = new Map<string, string>();
    // Find each exhibit's blob file by elimination: break one file at a time and see which exhibit fails.
    for (const f of readdirSync(blobDir)) {
      const p = join(blobDir, f);
      const orig = readFileSync(p);
      writeFileSync(p, flipBit(orig, (BLOB_HEADER_BYTES + 1) * 8));
      for (const ex of exhibits) {
        const e = await vault.readExhibit(ex.id).then(
          () => null,
          (err: unknown) => err,
        );
        if (e) blobOf.set(ex.id, p);
      }
      writeFileSync(p, orig);
    }
    expect(blobOf.size).toBe(3);

    let trials = 0;
    for (const ex of exhibits) {
      const p = blobOf.get(ex.id)!;
      const orig = readFileSync(p);
      const n = orig.length;
      const chunk = BLOB_CHUNK_BYTES + 17;
      const positions = new Set<number>();
      for (let i = 0; i < BLOB_HEADER_BYTES; i++) positions.add(i); // every header byte
      const chunks = Math.ceil((n - BLOB_HEADER_BYTES) / chunk);
      for (let c = 0; c < chunks; c++) {
        const start = BLOB_HEADER_BYTES + c * chunk;
        const end = Math.min(start + chunk, n);
        for (const off of [0, 1, 16, 17, (end - start) >> 1, end - start - 17, end - start - 1])
          positions.add(start + off);
      }
      for (let k = 1; k < 24; k++) positions.add(Math.floor((n * k) / 24)); // spread across the file
      for (const pos of [...positions].filter((x) => x >= 0 && x < n)) {
        writeFileSync(p, flipBit(orig, pos * 8 + (pos % 8)));
        const err = await errorOf(() => vault.readExhibit(ex.id));
        expect(err.code, `${ex.name} byte ${pos}`).toBe('TAMPERED');
        expect(err.message).toContain(ex.name);
        if (trials++ % 8 === 0 || pos === n - 1 || pos === 0) {
          const report = await vault.check();
          expect(report.problems).toEqual([expect.objectContaining({ kind: 'blob', id: ex.id })]);
          expect(report.problems[0]!.message).toContain(`exhibit ${ex.name} (${ex.id})`);
        }
      }
      for (const bad of [orig.subarray(0, n - 17), orig.subarray(0, n - 1), Buffer.concat([orig, Buffer.alloc(17)])]) {
        writeFileSync(p, bad);
        expect((await errorOf(() => vault.readExhibit(ex.id))).code).toBe('TAMPERED');
        expect((await vault.check()).problems).toEqual([expect.objectContaining({ kind: 'blob', id: ex.id })]);
      }
      writeFileSync(p, orig);
    }
    expect(trials).toBeGreaterThan(150);
    expect((await vault.check()).ok).toBe(true);
    vault.close();
  });

  test('a missing blob is named with its exhibit', async () => {
    const dir = copyOfPristine();
    const vault = await Vault.open(dir, { passphrase: PASS });
    for (const f of readdirSync(join(dir, BLOB_DIR))) writeFileSync(join(dir, BLOB_DIR, f), '');
    const report = await vault.check();
    expect(report.problems).toHaveLength(3);
    expect(report.problems.map((p) => p.kind)).toEqual(['blob', 'blob', 'blob']);
    expect(messages(report)).toContain(ids.exhibitName);
    vault.close();
  });
});

describe('the custody chain detects tampering', () => {
  async function tamper(sql: (db: ReturnType<typeof rawDb>) => void): Promise<CheckReport> {
    const dir = copyOfPristine();
    const db = rawDb(dir);
    sql(db);
    db.close();
    const vault = await Vault.open(dir, { passphrase: PASS });
    const report = await vault.check();
    vault.close();
    return report;
  }
  const count = (): number => {
    const db = rawDb(pristine);
    const n = (db.prepare(`SELECT count(*) AS n FROM custody`).get() as { n: number }).n;
    db.close();
    return n;
  };

  test('untouched, the chain verifies', async () => {
    expect((await tamper(() => undefined)).problems).toEqual([]);
  });

  test('an edited entry', async () => {
    const r = await tamper((db) => {
      const row = db.prepare(`SELECT body FROM custody WHERE seq = 4`).get() as { body: Buffer };
      db.prepare(`UPDATE custody SET body = ? WHERE seq = 4`).run(flipBit(row.body, 200));
    });
    expect(messages(r)).toMatch(/entry 4 fails authentication/);
    expect(messages(r)).toMatch(/chain broken at entry 4/);
  });

  test('an entry with a recomputed-looking MAC (MAC replaced)', async () => {
    const r = await tamper((db) => db.prepare(`UPDATE custody SET mac = ? WHERE seq = 3`).run(Buffer.alloc(32, 7)));
    expect(messages(r)).toMatch(/chain broken at entry (3|4)/);
  });

  test('a deleted middle entry', async () => {
    const r = await tamper((db) => db.prepare(`DELETE FROM custody WHERE seq = 5`).run());
    expect(messages(r)).toMatch(/entry 5 is missing/);
  });

  test('deleted tail entries', async () => {
    const n = count();
    const r = await tamper((db) => db.prepare(`DELETE FROM custody WHERE seq > ?`).run(n - 2));
    // The unlock that follows is numbered after the true head, so the gap names the removed entries.
    expect(messages(r)).toMatch(new RegExp(`entries ${n - 1}–${n} are missing`));
  });

  test('the tail deleted and renumbered entries appended cannot pass', async () => {
    const r = await tamper((db) => {
      const row = db.prepare(`SELECT body, mac FROM custody WHERE seq = 2`).get() as { body: Buffer; mac: Buffer };
      const n = (db.prepare(`SELECT max(seq) AS n FROM custody`).get() as { n: number }).n;
      db.prepare(`DELETE FROM custody WHERE seq = ?`).run(n);
      db.prepare(`INSERT INTO custody (seq, body, mac) VALUES (?, ?, ?)`).run(n, row.body, row.mac);
    });
    expect(r.ok).toBe(false);
    expect(messages(r)).toMatch(/custody log/);
  });

  test('reordered entries', async () => {
    const r = await tamper((db) => {
      const a = db.prepare(`SELECT body, mac FROM custody WHERE seq = 3`).get() as { body: Buffer; mac: Buffer };
      const b = db.prepare(`SELECT body, mac FROM custody WHERE seq = 4`).get() as { body: Buffer; mac: Buffer };
      db.prepare(`UPDATE custody SET body = ?, mac = ? WHERE seq = 3`).run(b.body, b.mac);
      db.prepare(`UPDATE custody SET body = ?, mac = ? WHERE seq = 4`).run(a.body, a.mac);
    });
    expect(messages(r)).toMatch(/entry 3 fails authentication/);
    expect(messages(r)).toMatch(/chain broken at entry 3/);
  });

  test('the chain head record deleted', async () => {
    const r = await tamper((db) => db.prepare(`DELETE FROM records WHERE kind = 'meta'`).run());
    expect(messages(r)).toMatch(/chain head \(meta record\) was missing/);
  });

  test('a record deleted outside the app is named, with or without its custody entry', async () => {
    const r = await tamper((db) => db.prepare(`DELETE FROM records WHERE id = ?`).run(ids.incident));
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'record', id: ids.incident }));
    expect(messages(r)).toMatch(/incident [0-9a-f]{32} \("A"\): missing, removed outside Evidence Vault/);
    const r2 = await tamper((db) => {
      db.prepare(`DELETE FROM records WHERE id = ?`).run(ids.person);
      db.prepare(`DELETE FROM custody WHERE seq = 2`).run();
    });
    expect(messages(r2)).toMatch(/entry 2 is missing/);
    expect(messages(r2)).toMatch(/set of records differs .* \(\d+ expected, \d+ found\)/);
  });

  test('a record rolled back to an older version (older body and version) is detected', async () => {
    const dir = copyOfPristine();
    const db0 = rawDb(dir);
    const old = db0.prepare(`SELECT version, body FROM records WHERE kind = 'settings'`).get() as {
      version: number;
      body: Buffer;
    };
    db0.close();
    const v = await Vault.open(dir, { passphrase: PASS });
    v.updateSettings({ producerInitials: 'ZZ' });
    v.close();
    const db = rawDb(dir);
    db.prepare(`UPDATE records SET version = ?, body = ? WHERE kind = 'settings'`).run(old.version, old.body);
    db.close();
    const again = await Vault.open(dir, { passphrase: PASS });
    expect(again.getSettings().producerInitials).toBe('AB'); // the old copy authenticates on its own...
    const report = await again.check();
    expect(messages(report)).toMatch(/set of records differs/); // ...but the record set does not match
    again.close();
  });
});
