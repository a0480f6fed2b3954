/**
 * Permanent exhibit references (issue 13): each exhibit gets its number once, in order of
 * assignment, never reused; the reference text takes the initials set when it is first given and
 * keeps them; old vaults are numbered once in chronological order; a collision is named by check().
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { Vault } from './vault.js';
import type { ExhibitBody } from './records/exhibits.js';
import { PASS, cleanupTemp, errorOf, incident, newVault, rawDb, tempDir } from '../../test/support/core.js';

afterAll(cleanupTemp);

const OLD_VAULT = join(import.meta.dirname, '../../test/fixtures/vault-0.1.0');

const file = (name: string, text = name): { name: string; stream: Readable } => ({
  name,
  stream: Readable.from([Buffer.from(`${text}\n`)]),
});

function refs(vault: Vault): Record<string, string | undefined> {
  return Object.fromEntries(vault.listIncidents().flatMap((i) => i.exhibits.map((e) => [e.name, e.ref])));
}

describe('exhibit references', () => {
  test('numbers follow the order of assignment; deleting an exhibit never frees its number; a later, earlier-dated exhibit gets the next free one', async () => {
    const { vault, dir } = await newVault();
    vault.updateSettings({ producerInitials: 'AB' });
    const may = vault.createIncident(incident('May', { occurredAt: { date: '2024-05-03', approximate: false } }));
    const [a, b] = await vault.importExhibitStreams(may.id, [file('a.png'), file('b.png')]);
    expect([a?.ref, b?.ref, a?.refNumber, b?.refNumber]).toEqual(['AB/1', 'AB/2', 1, 2]);
    vault.deleteExhibit(b!.id, 'Added by mistake');
    const [c] = await vault.importExhibitStreams(may.id, [file('c.png')]);
    expect(c?.ref).toBe('AB/3'); // AB/2 stays gone
    const april = vault.createIncident(incident('April', { occurredAt: { date: '2024-04-01', approximate: false } }));
    const [d] = await vault.importExhibitStreams(april.id, [file('d.png')]);
    expect(d?.ref).toBe('AB/4'); // earlier date, next free number
    // Deleting the newest exhibit does not free its number either.
    vault.deleteExhibit(d!.id, 'Added by mistake');
    const [e] = await vault.importExhibitStreams(april.id, [file('e.png')]);
    expect(e?.ref).toBe('AB/5');
    vault.close();

    const again = await Vault.open(dir, { passphrase: PASS });
    expect(refs(again)).toEqual({ 'e.png': 'AB/5', 'a.png': 'AB/1', 'c.png': 'AB/3' });
    expect(again.getExhibit(c!.id).ref).toBe('AB/3');
    expect((await again.check()).problems).toEqual([]);
    again.close();
  });

  test('without initials the number is kept and the reference waits; setting initials gives it, changing them later leaves it', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Before initials'));
    const [a] = await vault.importExhibitStreams(inc.id, [file('a.png')]);
    expect(a?.ref).toBeUndefined();
    expect(a?.refNumber).toBe(1);
    vault.updateSettings({ producerInitials: 'ab' }); // small letters are made capitals
    expect(vault.getSettings().producerInitials).toBe('AB');
    expect(vault.getExhibit(a!.id).ref).toBe('AB/1');
    const log = vault.custodyLog();
    expect(log[log.length - 1]).toMatchObject({ details: { exhibitReferencesGiven: 1, initials: 'AB' } });
    vault.updateSettings({ producerInitials: 'CD' });
    const [b] = await vault.importExhibitStreams(inc.id, [file('b.png')]);
    expect(vault.getExhibit(a!.id).ref).toBe('AB/1');
    expect(b?.ref).toBe('CD/2');
    vault.updateSettings({ producerInitials: '' });
    const [c] = await vault.importExhibitStreams(inc.id, [file('c.png')]);
    expect(c?.ref).toBeUndefined();
    vault.close();
    const again = await Vault.open(dir, { passphrase: PASS });
    expect(refs(again)).toEqual({ 'a.png': 'AB/1', 'b.png': 'CD/2', 'c.png': undefined });
    again.updateSettings({ producerInitials: 'EF' });
    expect(refs(again)).toEqual({ 'a.png': 'AB/1', 'b.png': 'CD/2', 'c.png': 'EF/3' });
    again.close();
  });

  test('bad initials ("a.b", "ÄB", "12", six letters) are refused in one line and change nothing', async () => {
    const { vault } = await newVault();
    vault.updateSettings({ producerInitials: 'AB', producerName: 'Alex Brown' });
    const log = vault.custodyLog().length;
    for (const bad of ['a.b', 'ÄB', '12', 'ABCDEF', 'A B']) {
      const e = await errorOf(() => vault.updateSettings({ producerInitials: bad, producerName: 'Changed' }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/^Initials ".*" cannot be used: give 1 to 5 letters A to Z, e\.g\. AB/);
      expect(e.message).not.toContain('\n');
    }
    expect(vault.getSettings()).toMatchObject({ producerInitials: 'AB', producerName: 'Alex Brown' });
    expect(vault.custodyLog().length).toBe(log);
    vault.close();
  });

  test('initials stored before the rule ("J.S") stay until changed: other settings still save', async () => {
    const { vault } = await newVault();
    const s = vault.store;
    const [id, body] = s.all<Record<string, unknown>>('settings')[0]!;
    s.transact(() => s.put(id, 'settings', { ...body, producerInitials: 'J.S' }));
    expect(vault.updateSettings({ producerName: 'Jo Smith', producerInitials: 'J.S' }).producerName).toBe('Jo Smith');
    expect((await errorOf(() => vault.updateSettings({ producerInitials: 'J.S.' }))).code).toBe('INVALID_INPUT');
    expect(vault.updateSettings({ producerInitials: 'JS' }).producerInitials).toBe('JS');
    vault.close();
  });

  test('producerRole is a setting, default empty', async () => {
    const { vault } = await newVault();
    expect(vault.getSettings().producerRole).toBe('');
    expect(vault.updateSettings({ producerRole: 'Election agent' }).producerRole).toBe('Election agent');
    vault.close();
  });

  test('a vault made by release 0.1.0 gets its references once, in chronological order, and keeps them', async () => {
    const dir = join(tempDir(), 'vault');
    cpSync(OLD_VAULT, dir, { recursive: true, filter: (p) => !p.endsWith('README.md') });
    const v = await Vault.open(dir, { passphrase: 'correct horse battery staple' });
    // Incidents of 3, 5 and 9 May 2024: post-1.png, email-2.eml, damage.jpg and letter.pdf.
    const order = v.listIncidents().flatMap((i) => i.exhibits.map((e) => [e.ref, e.name]));
    expect(order.map(([ref]) => ref)).toEqual(['AB/1', 'AB/2', 'AB/3', 'AB/4']);
    const before = refs(v);
    const log = v.custodyLog();
    expect(log.filter((e) => e.details.exhibitNumbersGiven === 4)).toHaveLength(1);
    expect((await v.check()).problems).toEqual([]);
    const inc = v.listIncidents()[0]!;
    const [n] = await v.importExhibitStreams(inc.id, [file('new.png')]);
    expect(n?.ref).toBe('AB/5');
    v.close();
    const again = await Vault.open(dir, { passphrase: 'correct horse battery staple' });
    expect(refs(again)).toEqual({ ...before, 'new.png': 'AB/5' });
    expect(again.custodyLog().filter((e) => e.details.exhibitNumbersGiven !== undefined)).toHaveLength(1);
    again.close();
    const db = rawDb(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    db.close();
  });

  test('after the migration of a 0.1.0 vault: a collision is one clear line, and no reopen renumbers or reuses a number', async () => {
    const dir = join(tempDir(), 'vault');
    cpSync(OLD_VAULT, dir, { recursive: true, filter: (p) => !p.endsWith('README.md') });
    const v = await Vault.open(dir, { passphrase: 'correct horse battery staple' });
    const byName = Object.fromEntries(v.listIncidents().flatMap((i) => i.exhibits.map((e) => [e.name, e.id])));
    const s = v.store;
    s.transact(() => {
      // As a hand-merged copy would have it: letter.pdf says number 1 too (post-1.png has it) ...
      const letter = byName['letter.pdf']!;
      s.put(letter, 'exhibit', { ...s.get<ExhibitBody>(letter, 'exhibit'), refNumber: 1, ref: 'AB/1' });
      // ... and damage.jpg lost its number, as if the numbering had stopped half-way.
      const { refNumber: _n, ref: _r, ...bare } = s.get<ExhibitBody>(byName['damage.jpg']!, 'exhibit');
      s.put(byName['damage.jpg']!, 'exhibit', bare);
    });
    v.close();
    const again = await Vault.open(dir, { passphrase: 'correct horse battery staple' });
    // The one without a number gets the next free one (never a number given before), the others keep theirs.
    expect(refs(again)).toEqual({
      'post-1.png': 'AB/1',
      'email-2.eml': 'AB/2',
      'damage.jpg': 'AB/5',
      'letter.pdf': 'AB/1',
    });
    const lines = (await again.check()).problems.map((p) => p.message);
    expect(lines).toEqual([
      `exhibit reference AB/1 is held by 2 exhibits: "post-1.png" (${byName['post-1.png']}), "letter.pdf" (${byName['letter.pdf']}); nothing was changed. ` +
        'Keep the case packs you have given out, and ask for help before exporting again.',
    ]);
    again.close();
    const third = await Vault.open(dir, { passphrase: 'correct horse battery staple' });
    expect(refs(third)).toEqual({
      'post-1.png': 'AB/1',
      'email-2.eml': 'AB/2',
      'damage.jpg': 'AB/5',
      'letter.pdf': 'AB/1',
    });
    third.close();
  });

  test('a reference collision (two exhibits with one number) is one clear line from check(), and nothing changes', async () => {
    const { vault, dir } = await newVault();
    vault.updateSettings({ producerInitials: 'AB' });
    const inc = vault.createIncident(incident('Two the same'));
    const [a, b] = await vault.importExhibitStreams(inc.id, [file('a.png'), file('b.png')]);
    // Craft it as a hand-merged vault would have it: b's body says number 1 too.
    const s = vault.store;
    s.transact(() => {
      s.put(b!.id, 'exhibit', { ...s.get<ExhibitBody>(b!.id, 'exhibit'), refNumber: 1, ref: 'AB/1' });
    });
    vault.close();
    const again = await Vault.open(dir, { passphrase: PASS });
    const report = await again.check();
    expect(report.ok).toBe(false);
    const lines = report.problems.map((p) => p.message);
    expect(lines).toEqual([
      `exhibit reference AB/1 is held by 2 exhibits: "a.png" (${a!.id}), "b.png" (${b!.id}); nothing was changed. ` +
        'Keep the case packs you have given out, and ask for help before exporting again.',
    ]);
    expect(refs(again)).toEqual({ 'a.png': 'AB/1', 'b.png': 'AB/1' });
    // The next number is still past every number ever given.
    const [c] = await again.importExhibitStreams(inc.id, [file('c.png')]);
    expect(c?.ref).toBe('AB/3');
    again.close();
  });
});
