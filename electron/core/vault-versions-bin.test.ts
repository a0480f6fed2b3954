/**
 * Issue 12, items 1, 3 and 7 in the core: every saved version kept (written when, fields changed),
 * drafts (encrypted, survive a lock, a damaged one named), the bin (a reason, 30 days, restore,
 * purge on open, a tombstone for good). Real vaults, real SQLite, real libsodium.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { BLOB_DIR, Vault } from './vault.js';
import { recordSha256 } from './records/bin.js';
import { draftId } from './records/drafts.js';
import { setClock } from './store/store.js';
import {
  CHEAP,
  PASS,
  cleanupTemp,
  errorOf,
  fixtureCopies,
  incident,
  listFiles,
  newVault,
  rawDb,
  tempDir,
} from '../../test/support/core.js';

afterAll(cleanupTemp);
afterEach(() => setClock(undefined));

const DAY = 24 * 60 * 60 * 1000;

/** The core's clock moved by `ms` from the real time. */
function shiftClock(ms: number): void {
  setClock(() => new Date(Date.now() + ms));
}

function blobFiles(dir: string): string[] {
  return listFiles(join(dir, BLOB_DIR))
    .map((f) => f.slice(dir.length + BLOB_DIR.length + 2))
    .filter((n) => !n.startsWith('.'))
    .sort();
}

describe('every saved version is kept', () => {
  test('create and two edits: three versions, oldest first, each with when and what changed; survives a reopen', async () => {
    const { vault, dir } = await newVault();
    const first = vault.createIncident(incident('Shouting at the door', { description: 'A man shouted.' }));
    expect(first.writtenAt).toBe(first.createdAt);
    expect(first.changedAt).toBeUndefined();

    shiftClock(60_000);
    const second = vault.updateIncident(first.id, { ...first, description: 'A man shouted and kicked the door.' });
    shiftClock(120_000);
    const third = vault.updateIncident(first.id, {
      ...second,
      location: 'Campaign office',
      title: 'Shouting and kicking at the door',
    });
    expect(third.writtenAt).toBe(first.createdAt);
    expect(third.changedAt).toBe(third.updatedAt);
    expect(third.changedFields).toEqual(['title', 'location']);

    const history = vault.incidentHistory(first.id);
    expect(history.map((v) => [v.version, v.changed])).toEqual([
      [1, []],
      [2, ['description']],
      [3, ['title', 'location']],
    ]);
    expect(history[0]!.writtenAt).toBe(first.createdAt);
    expect(history[0]!.incident.description).toBe('A man shouted.');
    expect(history[1]!.incident.description).toBe('A man shouted and kicked the door.');
    expect(history[2]!.incident.title).toBe('Shouting and kicking at the door');
    expect(Date.parse(history[1]!.writtenAt)).toBeGreaterThan(Date.parse(history[0]!.writtenAt));
    expect(Date.parse(history[2]!.writtenAt)).toBeGreaterThan(Date.parse(history[1]!.writtenAt));
    // The generic form, for any subject.
    expect(vault.revisions(first.id).map((r) => r.version)).toEqual([1, 2, 3]);

    // A custody 'edit' per save names the fields changed.
    const edits = vault.custodyLog().filter((e) => e.subjectId === first.id && e.action === 'edit');
    expect(edits.map((e) => e.details.changed)).toEqual([['description'], ['title', 'location']]);

    vault.close();
    const again = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    expect(again.incidentHistory(first.id)).toEqual(history);
    expect(again.getIncident(first.id).changedFields).toEqual(['title', 'location']);
    expect((await again.check()).ok).toBe(true);
    again.close();
  });

  test('people keep their versions too; deleting a person is a new version of each incident naming them', async () => {
    const { vault } = await newVault();
    const p = vault.createPerson({ name: 'Mallory' });
    vault.updatePerson(p.id, { name: 'Mallory M.', description: 'tall' });
    expect(vault.personHistory(p.id).map((v) => [v.version, v.changed, v.person.name])).toEqual([
      [1, [], 'Mallory'],
      [2, ['name', 'description'], 'Mallory M.'],
    ]);
    const inc = vault.createIncident(incident('With Mallory', { perpetratorIds: [p.id] }));
    vault.deletePerson(p.id, 'added by mistake');
    expect(vault.incidentHistory(inc.id).map((v) => [v.version, v.changed])).toEqual([
      [1, []],
      [2, ['perpetratorIds']],
    ]);
    expect(vault.incidentHistory(inc.id)[0]!.incident.perpetratorIds).toEqual([p.id]);
    vault.close();
  });

  test('an unknown id has no history: NOT_FOUND', async () => {
    const { vault } = await newVault();
    expect((await errorOf(() => vault.incidentHistory('0'.repeat(32)))).code).toBe('NOT_FOUND');
    vault.close();
  });

  test('a vault made by release 0.1.0: each incident and person becomes version 1, written at its creation time', async () => {
    const dir = join(tempDir(), 'old');
    cpSync(resolve(import.meta.dirname, '../../test/fixtures/vault-0.1.0'), dir, {
      recursive: true,
      filter: (p) => !p.endsWith('README.md'),
    });
    const vault = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    const incidents = vault.listIncidents();
    expect(incidents).toHaveLength(3);
    for (const i of incidents) {
      const h = vault.incidentHistory(i.id);
      expect(h).toHaveLength(1);
      expect(h[0]).toMatchObject({ version: 1, writtenAt: i.createdAt, changed: [] });
      expect(h[0]!.incident.title).toBe(i.title);
      expect(i.writtenAt).toBe(i.createdAt);
    }
    for (const p of vault.listPeople()) expect(vault.personHistory(p.id)).toHaveLength(1);
    expect((await vault.check()).ok).toBe(true);
    const records = vault.damagedRecords().length;
    vault.close();
    // Running it again writes nothing: the same versions after another open.
    const again = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    for (const i of again.listIncidents()) expect(again.incidentHistory(i.id)).toHaveLength(1);
    expect(again.damagedRecords()).toHaveLength(records);
    expect((await again.check()).ok).toBe(true);
    again.close();
  });
});

describe('the bin', () => {
  test('deleting an incident needs a reason; without one nothing changes', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Kept'));
    const log = vault.custodyLog().length;
    for (const reason of ['', '   ']) {
      const e = await errorOf(() => vault.deleteIncident(inc.id, reason));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/Say why it is being deleted/);
    }
    expect(vault.getIncident(inc.id).title).toBe('Kept');
    expect(vault.listBin()).toEqual([]);
    expect(vault.custodyLog()).toHaveLength(log);
    vault.close();
  });

  test('an incident and its exhibits go to the bin (files kept, check ok), a tombstone stays, and come back on restore', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Posters defaced', { description: 'Torn down overnight.' }));
    const exhibits = await vault.importExhibits(inc.id, fixtureCopies().slice(0, 2));
    const stored = vault.getIncident(inc.id);
    const blobs = blobFiles(dir);

    vault.deleteIncident(inc.id, 'Entered twice');
    expect(vault.listIncidents()).toEqual([]);
    expect((await errorOf(() => vault.getExhibit(exhibits[0]!.id))).code).toBe('NOT_FOUND');
    const [item, ...others] = vault.listBin();
    expect(others).toEqual([]);
    expect(item).toMatchObject({
      id: inc.id,
      kind: 'incident',
      label: 'Posters defaced',
      reason: 'Entered twice',
      exhibits: 2,
    });
    expect(Date.parse(item!.expiresAt) - Date.parse(item!.deletedAt)).toBe(30 * DAY);
    await new Promise((r) => setTimeout(r, 50));
    expect(blobFiles(dir)).toEqual(blobs);
    const check = await vault.check();
    expect(check.problems).toEqual([]);

    // The tombstone: what, when, its hash over the canonical record body, the reason.
    const tomb = vault.custodyLog().find((e) => e.action === 'delete' && e.subjectId === inc.id);
    const { id: _id, exhibits: _x, writtenAt: _w, changedAt: _c, ...body } = stored;
    expect(tomb).toMatchObject({
      subjectKind: 'incident',
      details: { title: 'Posters defaced', reason: 'Entered twice', sha256: recordSha256(body), exhibits: 2 },
    });
    expect(tomb!.details.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Its versions stay with it.
    expect(vault.incidentHistory(inc.id)).toHaveLength(1);

    // Survives a lock, and restores whole.
    vault.close();
    const again = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    const restored = again.restoreFromBin(inc.id);
    expect(restored).toMatchObject({ id: inc.id, kind: 'incident', exhibits: 2 });
    expect(again.getIncident(inc.id)).toMatchObject({ title: 'Posters defaced', description: 'Torn down overnight.' });
    expect(again.getIncident(inc.id).exhibits.map((x) => x.id)).toEqual(exhibits.map((x) => x.id));
    expect(Buffer.from(await again.readExhibit(exhibits[0]!.id))).toBeTruthy();
    expect(again.listBin()).toEqual([]);
    const restores = again.custodyLog().filter((e) => e.action === 'restore');
    expect(restores[0]).toMatchObject({ subjectKind: 'incident', subjectId: inc.id });
    expect(
      restores
        .slice(1)
        .map((e) => [e.subjectKind, e.subjectId])
        .sort(),
    ).toEqual(exhibits.map((x) => ['exhibit', x.id]).sort());
    expect((await again.check()).ok).toBe(true);
    // Nothing left to restore.
    expect((await errorOf(() => again.restoreFromBin(inc.id))).code).toBe('NOT_FOUND');
    again.close();
  });

  test('restoring after the 30 days: a clear error, nothing changed; the next open removes it for good, the tombstone stays', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Old entry'));
    const [ex] = await vault.importExhibits(inc.id, fixtureCopies().slice(0, 1));
    vault.saveDraft(`incident:${inc.id}`, JSON.stringify({ description: 'an edit never saved' }));
    // Drafts of the other forms about it: the exhibit's account, a physical item being added.
    vault.saveDraft(`exhibit:${ex!.id}`, JSON.stringify({ v: 1, form: { draft: { description: 'never saved' } } }));
    vault.saveDraft(`physical:${inc.id}`, JSON.stringify({ v: 1, form: { name: 'Letter' } }));
    vault.deleteIncident(inc.id, 'Not needed');
    const blobs = blobFiles(dir);
    expect(blobs).toHaveLength(1);

    shiftClock(31 * DAY);
    const log = vault.custodyLog().length;
    const e = await errorOf(() => vault.restoreFromBin(inc.id));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/"Old entry" was deleted on \d\d\/\d\d\/\d{4} and its 30 days in the bin have passed/);
    expect(e.message).toMatch(/nothing was changed/);
    expect(vault.listBin().map((b) => b.id)).toEqual([inc.id]);
    expect(vault.custodyLog()).toHaveLength(log);
    expect(vault.listIncidents()).toEqual([]);
    vault.close();

    // The next open (still 31 days on) purges it: record, versions and file gone; the tombstone stays.
    const again = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    expect(again.listBin()).toEqual([]);
    expect(again.revisions(inc.id)).toEqual([]);
    expect(again.getDraft(`incident:${inc.id}`)).toBeNull();
    expect(again.listDrafts()).toEqual([]);
    const report = await again.check(); // waits for the file removal
    expect(report.problems).toEqual([]);
    expect(blobFiles(dir)).toEqual([]);
    const log2 = again.custodyLog();
    expect(log2.find((x) => x.action === 'delete' && x.subjectId === inc.id)?.details.reason).toBe('Not needed');
    expect(log2.find((x) => x.action === 'purge' && x.subjectId === inc.id)).toMatchObject({
      subjectKind: 'incident',
      details: { exhibits: 1 },
    });
    expect((await errorOf(() => again.restoreFromBin(inc.id))).code).toBe('NOT_FOUND');
    again.close();
  });

  test('check() verifies the files of exhibits in the bin too: a damaged one is named', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Binned with a file'));
    const [ex] = await vault.importExhibits(inc.id, fixtureCopies().slice(0, 1));
    vault.deleteIncident(inc.id, 'Testing the bin');
    const [blob] = blobFiles(dir);
    const file = join(dir, BLOB_DIR, blob!);
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1]! ^= 0x01;
    writeFileSync(file, bytes);
    const report = await vault.check();
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'blob', id: ex!.id, message: expect.stringContaining('in the bin') }),
    );
    vault.close();
  });

  test('within the 30 days an open keeps the bin as it is', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Recent'));
    vault.deleteIncident(inc.id, 'Testing');
    vault.close();
    shiftClock(29 * DAY);
    const again = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    expect(again.listBin().map((b) => b.id)).toEqual([inc.id]);
    again.restoreFromBin(inc.id);
    expect(again.getIncident(inc.id).title).toBe('Recent');
    again.close();
  });

  test('a person, a contact and a lone exhibit: to the bin with a reason and back; a person is named again where they were', async () => {
    const { vault } = await newVault();
    const p = vault.createPerson({ name: 'Mallory' });
    const w = vault.createPerson({ name: 'Pat', role: 'witness' });
    const inc = vault.createIncident(incident('Both', { perpetratorIds: [p.id], witnessIds: [w.id] }));
    const [ex] = await vault.importExhibits(inc.id, fixtureCopies().slice(0, 1));
    const c = vault.createContact({ kind: 'spoc', name: 'DC Jones' });

    vault.deletePerson(p.id, 'Wrong person');
    vault.deleteContact(c.id, 'Moved force');
    vault.deleteExhibit(ex!.id, 'Wrong file');
    expect(vault.listPeople().map((x) => x.name)).toEqual(['Pat']);
    expect(vault.listContacts()).toEqual([]);
    expect(vault.getIncident(inc.id)).toMatchObject({ perpetratorIds: [], witnessIds: [w.id], exhibits: [] });
    expect(vault.listBin().map((b) => [b.kind, b.label, b.reason])).toEqual(
      expect.arrayContaining([
        ['person', 'Mallory', 'Wrong person'],
        ['contact', 'DC Jones', 'Moved force'],
        ['exhibit', ex!.name, 'Wrong file'],
      ]),
    );
    for (const [kind, id] of [
      ['person', p.id],
      ['contact', c.id],
      ['exhibit', ex!.id],
    ] as const) {
      const tomb = vault.custodyLog().find((e) => e.action === 'delete' && e.subjectId === id);
      expect(tomb?.subjectKind).toBe(kind);
      expect(tomb?.details.recordSha256).toMatch(/^[0-9a-f]{64}$/);
    }
    // An exhibit's tombstone keeps the file's SHA-256 as before.
    expect(vault.custodyLog().find((e) => e.action === 'delete' && e.subjectId === ex!.id)?.details.sha256).toBe(
      ex!.sha256,
    );
    expect((await vault.check()).ok).toBe(true);

    vault.restoreFromBin(p.id);
    vault.restoreFromBin(c.id);
    vault.restoreFromBin(ex!.id);
    expect(vault.getIncident(inc.id)).toMatchObject({ perpetratorIds: [p.id], witnessIds: [w.id] });
    expect(vault.getIncident(inc.id).exhibits.map((x) => x.id)).toEqual([ex!.id]);
    expect(vault.listContacts().map((x) => x.name)).toEqual(['DC Jones']);
    expect(vault.listBin()).toEqual([]);
    expect((await vault.check()).ok).toBe(true);
    vault.close();
  });

  test('an exhibit deleted with its incident comes back only with it; one whose incident is deleted waits for it', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Parent'));
    const [a, b] = await vault.importExhibits(inc.id, fixtureCopies().slice(0, 2));
    vault.deleteExhibit(a!.id, 'Blurred');
    vault.deleteIncident(inc.id, 'Duplicate');
    const log = vault.custodyLog().length;
    const alone = await errorOf(() => vault.restoreFromBin(b!.id));
    expect(alone.message).toMatch(/deleted with its incident/);
    const orphan = await errorOf(() => vault.restoreFromBin(a!.id));
    expect(orphan.message).toMatch(/restore the incident .* first/);
    expect(vault.custodyLog()).toHaveLength(log);
    vault.restoreFromBin(inc.id);
    expect(vault.getIncident(inc.id).exhibits.map((x) => x.id)).toEqual([b!.id]);
    vault.restoreFromBin(a!.id);
    expect(vault.getIncident(inc.id).exhibits).toHaveLength(2);
    vault.close();
  });
});

describe('drafts', () => {
  test('saved, read, listed and discarded; no custody entry; they survive a lock', async () => {
    const { vault, dir } = await newVault();
    const log = vault.custodyLog().length;
    const text = JSON.stringify({ title: 'Half-written', description: 'He said' });
    const saved = vault.saveDraft('incident:new', text);
    vault.saveDraft('quick-add', JSON.stringify({ title: 'x' }));
    vault.saveDraft('incident:new', JSON.stringify({ title: 'Half-written', description: 'He said he would' }));
    expect(vault.getDraft('incident:new')?.text).toContain('he would');
    expect(vault.getDraft('incident:' + 'a'.repeat(32))).toBeNull();
    expect(
      vault
        .listDrafts()
        .map((d) => d.key)
        .sort(),
    ).toEqual(['incident:new', 'quick-add']);
    expect(vault.custodyLog()).toHaveLength(log);
    expect(saved.savedAt).toMatch(/Z$/);

    vault.close();
    const again = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    expect(JSON.parse(again.getDraft('incident:new')!.text)).toEqual({
      title: 'Half-written',
      description: 'He said he would',
    });
    again.discardDraft('quick-add');
    again.discardDraft('quick-add'); // nothing there: nothing happens
    expect(again.listDrafts().map((d) => d.key)).toEqual(['incident:new']);
    expect((await again.check()).ok).toBe(true);
    again.close();
  });

  test('bad drafts are refused and nothing changes: not JSON, over 1 MiB', async () => {
    const { vault } = await newVault();
    vault.saveDraft('quick-add', '{"a":1}');
    expect((await errorOf(() => vault.saveDraft('quick-add', 'not json'))).code).toBe('INVALID_INPUT');
    const big = JSON.stringify('x'.repeat(1024 * 1024));
    expect((await errorOf(() => vault.saveDraft('quick-add', big))).message).toMatch(/larger than 1 MiB/);
    expect(vault.getDraft('quick-add')?.text).toBe('{"a":1}');
    vault.close();
  });

  test('a draft that fails to decrypt is named, never dropped; discarding it removes it and the vault checks again', async () => {
    const { vault, dir } = await newVault();
    vault.saveDraft('incident:new', JSON.stringify({ title: 'Will be damaged' }));
    vault.saveDraft('quick-add', JSON.stringify({ title: 'Fine' }));
    const id = draftId(vault.store, 'incident:new');
    vault.close();
    const db = rawDb(dir);
    const row = db.prepare(`SELECT body FROM records WHERE id = ? AND kind = 'draft'`).get(id) as { body: Buffer };
    const flipped = Buffer.from(row.body);
    flipped[flipped.length >> 1]! ^= 0x10;
    db.prepare(`UPDATE records SET body = ? WHERE id = ?`).run(flipped, id);
    db.close();
    const v = await Vault.open(dir, { passphrase: PASS }, CHEAP);
    const list = v.listDrafts();
    expect(list).toHaveLength(2);
    const damaged = list.find((d) => d.damaged === true);
    expect(damaged).toMatchObject({ key: null, id, damaged: true });
    expect(damaged && 'message' in damaged ? damaged.message : '').toMatch(/failed authentication.*Discard it/);
    expect(list.find((d) => d.key === 'quick-add')).toBeTruthy();
    const e = await errorOf(() => v.getDraft('incident:new'));
    expect(e.code).toBe('TAMPERED');
    expect(e.message).toMatch(/draft .* failed authentication/);
    expect((await v.check()).ok).toBe(false);
    // Discarding it (by key, as the form would) removes it; the vault checks again.
    v.discardDraft('incident:new');
    expect(v.listDrafts().map((d) => d.key)).toEqual(['quick-add']);
    expect(v.getDraft('incident:new')).toBeNull();
    expect((await v.check()).ok).toBe(true);
    v.close();
  });
});

describe('no plaintext at rest, WAL included', () => {
  test('versions, the bin and drafts leave no record text in any vault file, open or closed', async () => {
    const SECRET = {
      v1: 'canary-first-wording-7d1f',
      v2: 'canary-second-wording-a93c',
      draft: 'canary-draft-text-55e0',
      draftKey: 'canary-draft-key',
      reason: 'canary-delete-reason-0b4e',
      person: 'canary-person-name-c2d8',
    };
    const { vault, dir } = await newVault();
    const p = vault.createPerson({ name: SECRET.person });
    const inc = vault.createIncident(incident('Title', { description: SECRET.v1, perpetratorIds: [p.id] }));
    vault.updateIncident(inc.id, { ...vault.getIncident(inc.id), description: SECRET.v2 });
    vault.saveDraft(`incident:${inc.id}`, JSON.stringify({ description: SECRET.draft }));
    vault.saveDraft(SECRET.draftKey, JSON.stringify({ x: 1 }));
    const other = vault.createIncident(incident('To delete', { description: SECRET.v1 }));
    vault.deleteIncident(other.id, SECRET.reason);
    vault.deletePerson(p.id, SECRET.reason);

    const scan = (): string[] => {
      const found: string[] = [];
      for (const f of listFiles(dir)) {
        const b = readFileSync(f);
        for (const n of [...Object.values(SECRET), inc.id.slice(0, 12) + 'incident:']) {
          if (b.includes(Buffer.from(n, 'utf8')) || b.includes(Buffer.from(n, 'utf16le'))) found.push(`${f}: ${n}`);
        }
      }
      return found;
    };
    expect(listFiles(dir).map((f) => f.slice(dir.length + 1))).toContain('vault.db-wal');
    expect(scan()).toEqual([]);
    vault.close();
    expect(scan()).toEqual([]);
    // The scan itself works: a planted canary is found.
    writeFileSync(join(dir, 'planted'), SECRET.v2);
    expect(scan().length).toBeGreaterThan(0);
  });
});
