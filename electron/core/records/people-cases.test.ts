/**
 * Issue 12, items 4–6 in the core: the effect on me and what was seen on an incident, people with
 * identifiers and their merge, police cases at vault level. Real vaults in temporary folders.
 */
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { Vault } from '../vault.js';
import { recordSha256 } from './bin.js';
import { setClock } from '../store/store.js';
import { PASS, cleanupTemp, errorOf, incident, newVault, tempDir } from '../../../test/support/core.js';

afterAll(cleanupTemp);
afterEach(() => setClock(undefined));

const OLD_VAULT = resolve(import.meta.dirname, '../../../test/fixtures/vault-0.1.0');

/** What must not change when a request is refused: records and the activity log. */
function state(v: Vault) {
  return {
    incidents: v.listIncidents(),
    people: v.listPeople(),
    cases: v.listCases(),
    log: v.custodyLog().length,
  };
}

describe('incidents: effect on me, what was seen', () => {
  test('keeps the effect and the identifiers as they appeared, apart from who is believed responsible', async () => {
    const { vault } = await newVault();
    const p = vault.createPerson({ name: 'Alan Example' });
    const inc = vault.createIncident(
      incident('Reply on X', {
        effect: 'I stopped walking home alone and changed my route.',
        identifiers: [
          { kind: 'handle', value: '@troll_123', platform: 'X' },
          { kind: 'phone', value: '07700 900123' },
        ],
        perpetratorIds: [p.id],
      }),
    );
    const back = vault.getIncident(inc.id);
    expect(back.effect).toBe('I stopped walking home alone and changed my route.');
    expect(back.identifiers).toEqual([
      { kind: 'handle', value: '@troll_123', platform: 'X' },
      { kind: 'phone', value: '07700 900123' },
    ]);
    expect(back.perpetratorIds).toEqual([p.id]);
    expect(back.privateFields).toEqual([]);
    vault.close();
  });

  test('an identifier of an unknown kind, or with no text, is refused and nothing is added', async () => {
    const { vault } = await newVault();
    const before = state(vault);
    const bad = await errorOf(() =>
      vault.createIncident(incident('X', { identifiers: [{ kind: 'licence' as 'other', value: 'AB12 CDE' }] })),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toMatch(/identifiers\.0\.kind/);
    const empty = await errorOf(() =>
      vault.createIncident(incident('X', { identifiers: [{ kind: 'other', value: ' ' }] })),
    );
    expect(empty.message).toMatch(/An identifier needs its text/);
    expect(state(vault)).toEqual(before);
    vault.close();
  });

  test('a vault made by 0.1.0 opens with the new fields at their defaults', async () => {
    const dir = join(tempDir(), 'old');
    cpSync(OLD_VAULT, dir, { recursive: true });
    const v = await Vault.open(dir, { passphrase: PASS });
    const [inc] = v.listIncidents();
    expect(inc).toMatchObject({ effect: '', identifiers: [] });
    const [person] = v.listPeople();
    expect(person).toMatchObject({ identifiers: [], basis: '', contact: '', sawWhat: '', knowsNamed: false });
    expect(person?.handles.length).toBeGreaterThan(0);
    expect(v.listCases()).toEqual([]);
    v.close();
  });
});

describe('people: identifiers, basis, witnesses, merge', () => {
  test('a person holds every identifier and why they are believed to be one person; a witness their details', async () => {
    const { vault } = await newVault();
    const p = vault.createPerson({
      name: 'Alan Example',
      identifiers: [
        {
          platform: 'X',
          handle: '@troll_123',
          accountId: '1234567890',
          url: 'https://x.com/troll_123',
          firstSeen: '2024-01-02',
        },
      ],
      basis: 'Same profile photo, and he named the account in a leaflet.',
    });
    expect(p.identifiers[0]).toEqual({
      platform: 'X',
      handle: '@troll_123',
      accountId: '1234567890',
      url: 'https://x.com/troll_123',
      firstSeen: '2024-01-02',
      lastSeen: '',
    });
    const w = vault.createPerson({
      name: 'Sam Jones',
      role: 'witness',
      contact: '07700 900456',
      sawWhat: 'Saw him tear the posters',
      knowsNamed: true,
    });
    expect(vault.listPeople().find((x) => x.id === w.id)).toMatchObject({
      contact: '07700 900456',
      sawWhat: 'Saw him tear the posters',
      knowsNamed: true,
    });
    const bad = await errorOf(() => vault.createPerson({ name: 'X', identifiers: [{ firstSeen: '02/01/2024' }] }));
    expect(bad.message).toMatch(/identifiers\.0\.firstSeen: use a date as YYYY-MM-DD/);
    vault.close();
  });

  test('merge: incidents name the one kept, identifiers and handles combined, the other gone with a custody entry naming both', async () => {
    const { vault } = await newVault();
    const keep = vault.createPerson({
      name: 'Alan Example',
      handles: ['@alan'],
      identifiers: [{ platform: 'X', handle: '@troll_123' }],
      basis: 'Same photo.',
    });
    const dup = vault.createPerson({
      name: '',
      handles: ['@Alan', '@alan_two'],
      identifiers: [
        { platform: 'X', handle: '@troll_123' },
        { platform: 'Facebook', handle: 'alan.ex' },
      ],
      basis: 'He signed a message "A".',
    });
    const other = vault.createPerson({ name: 'Someone else' });
    const i1 = vault.createIncident(incident('One', { perpetratorIds: [dup.id] }));
    const i2 = vault.createIncident(incident('Two', { perpetratorIds: [keep.id, dup.id], witnessIds: [other.id] }));
    const i3 = vault.createIncident(incident('Three', { witnessIds: [dup.id] }));
    const i4 = vault.createIncident(incident('Four', { perpetratorIds: [other.id] }));
    const seq = vault.custodyLog().length;

    const merged = vault.mergePeople(dup.id, keep.id);
    expect(merged.id).toBe(keep.id);
    expect(merged.handles).toEqual(['@alan', '@alan_two']);
    expect(merged.identifiers.map((i) => `${i.platform}:${i.handle}`)).toEqual(['X:@troll_123', 'Facebook:alan.ex']);
    expect(merged.basis).toBe('Same photo.\n\nHe signed a message "A".');
    expect(vault.listPeople().map((p) => p.id)).toEqual([keep.id, other.id]);
    expect(vault.getIncident(i1.id).perpetratorIds).toEqual([keep.id]);
    expect(vault.getIncident(i2.id).perpetratorIds).toEqual([keep.id]);
    expect(vault.getIncident(i2.id).witnessIds).toEqual([other.id]);
    expect(vault.getIncident(i3.id).witnessIds).toEqual([keep.id]);
    expect(vault.getIncident(i4.id).perpetratorIds).toEqual([other.id]);

    const added = vault.custodyLog().slice(seq);
    expect(added.map((e) => [e.action, e.subjectKind, e.subjectId])).toEqual([
      ['edit', 'incident', i1.id],
      ['edit', 'incident', i2.id],
      ['edit', 'incident', i3.id],
      ['edit', 'person', keep.id],
      ['delete', 'person', dup.id],
    ]);
    expect(added[2]?.details).toMatchObject({
      changed: ['witnessIds'],
      reason: 'people merged',
      from: dup.id,
      into: keep.id,
    });
    expect(added[4]?.details).toEqual({
      reason: 'merged',
      from: dup.id,
      into: keep.id,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      recordSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // Kept in the bin (restorable for 30 days), and each incident's change is a new version.
    expect(vault.listBin().map((b) => b.id)).toContain(dup.id);
    expect(vault.incidentHistory(i2.id).length).toBe(2);
    expect((await vault.check()).ok).toBe(true);
    vault.close();
  });

  test('merging a person into themselves, or an unknown person: a clear error, nothing changed', async () => {
    const { vault } = await newVault();
    const p = vault.createPerson({ name: 'Alan' });
    vault.createIncident(incident('One', { perpetratorIds: [p.id] }));
    const before = state(vault);
    const self = await errorOf(() => vault.mergePeople(p.id, p.id));
    expect(self.code).toBe('INVALID_INPUT');
    expect(self.message).toBe(
      'A person cannot be merged into themselves: choose two different people. Nothing was changed.',
    );
    const unknown = 'f'.repeat(32);
    expect((await errorOf(() => vault.mergePeople(unknown, p.id))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => vault.mergePeople(p.id, unknown))).message).toBe(
      `There is no person with id ${unknown}: nothing was changed. Check the id in the list of people.`,
    );
    expect(state(vault)).toEqual(before);
    vault.close();
  });
});

describe('police cases', () => {
  test('a case at vault level links many incidents; each change one custody entry', async () => {
    const { vault } = await newVault();
    const a = vault.createIncident(incident('A'));
    const b = vault.createIncident(incident('B'));
    const c = vault.createCase({
      force: 'Metropolitan Police',
      reference: 'CAD 1234/18NOV19',
      officer: 'PC Jane Smith',
      collarNumber: '1234',
      firstReportedOn: '2019-11-18',
      incidentIds: [a.id],
    });
    expect(c).toMatchObject({
      force: 'Metropolitan Police',
      reference: 'CAD 1234/18NOV19',
      spoc: '',
      incidentIds: [a.id],
    });
    const linked = vault.linkCase(c.id, [b.id, a.id, b.id], true);
    expect(linked.incidentIds).toEqual([a.id, b.id]);
    expect(vault.linkCase(c.id, [a.id], false).incidentIds).toEqual([b.id]);
    const updated = vault.updateCase(c.id, { ...vault.listCases()[0]!, spoc: 'DS Khan' });
    expect(updated.spoc).toBe('DS Khan');
    expect(
      vault
        .custodyLog()
        .filter((e) => e.subjectKind === 'case')
        .map((e) => [e.action, e.details.changed ?? null]),
    ).toEqual([
      ['create', null],
      ['edit', ['incidentIds']],
      ['edit', ['incidentIds']],
      ['edit', ['spoc']],
    ]);
    expect((await vault.check()).ok).toBe(true);
    vault.close();
    const again = await Vault.open(vault.dir, { passphrase: PASS });
    expect(again.listCases().map((x) => x.incidentIds)).toEqual([[b.id]]);
    again.close();
  });

  test('an unknown case or incident, a future or impossible date: a clear error, nothing changed', async () => {
    const { vault } = await newVault();
    const a = vault.createIncident(incident('A'));
    const c = vault.createCase({ force: 'Kent Police', reference: '46/1234/24' });
    const before = state(vault);
    const ghost = 'e'.repeat(32);
    const noIncident = await errorOf(() => vault.linkCase(c.id, [a.id, ghost], true));
    expect(noIncident.code).toBe('NOT_FOUND');
    expect(noIncident.message).toMatch(new RegExp(`There is no incident with id ${ghost}: nothing was changed`));
    expect((await errorOf(() => vault.linkCase(ghost, [a.id], true))).message).toMatch(
      `There is no police case with id ${ghost}: nothing was changed`,
    );
    expect((await errorOf(() => vault.createCase({ force: 'Kent', reference: 'R', incidentIds: [ghost] }))).code).toBe(
      'NOT_FOUND',
    );
    const future = await errorOf(() =>
      vault.createCase({ force: 'Kent', reference: 'R', firstReportedOn: '2999-01-01' }),
    );
    expect(future.message).toMatch(/in the future/);
    const impossible = await errorOf(() =>
      vault.createCase({ force: 'Kent', reference: 'R', firstReportedOn: '2024-02-31' }),
    );
    expect(impossible.message).toMatch(/not a real date \(February has no day 31\)/);
    const noForce = await errorOf(() => vault.createCase({ force: ' ', reference: 'R' }));
    expect(noForce.message).toMatch(/force: Name the police force/);
    const notCovered = await errorOf(() => vault.linkCase(c.id, [a.id], false));
    expect(notCovered.message).toMatch(/does not cover incident/);
    expect(state(vault)).toEqual(before);
    vault.close();
  });

  test('deleting a case asks why, moves it to the bin with a tombstone; restoring brings it back with its incidents', async () => {
    const { vault } = await newVault();
    const a = vault.createIncident(incident('A'));
    const b = vault.createIncident(incident('B'));
    const c = vault.createCase({ force: 'Kent Police', reference: '46/1234/24', incidentIds: [a.id, b.id] });
    const before = state(vault);
    for (const reason of ['', '   ']) {
      const e = await errorOf(() => vault.deleteCase(c.id, reason));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/^Say why it is being deleted/);
    }
    expect((await errorOf(() => vault.deleteCase('e'.repeat(32), 'typo'))).code).toBe('NOT_FOUND');
    expect(state(vault)).toEqual(before);

    const body = vault.listCases()[0]!;
    vault.deleteCase(c.id, 'Entered twice');
    expect(vault.listCases()).toEqual([]);
    expect(vault.listBin()).toMatchObject([
      { id: c.id, kind: 'case', label: '46/1234/24 (Kent Police)', reason: 'Entered twice' },
    ]);
    const tomb = vault.custodyLog().at(-1)!;
    const { id: _id, ...stored } = body;
    expect(tomb).toMatchObject({
      action: 'delete',
      subjectKind: 'case',
      subjectId: c.id,
      details: { reason: 'Entered twice', reference: '46/1234/24', sha256: recordSha256(stored) },
    });
    // An incident deleted while the case is in the bin is not covered by it when it comes back.
    vault.deleteIncident(b.id, 'Not needed');
    const back = vault.restoreFromBin(c.id);
    expect(back.kind).toBe('case');
    expect(vault.listCases().map((x) => [x.id, x.incidentIds])).toEqual([[c.id, [a.id]]]);
    expect(vault.custodyLog().at(-1)).toMatchObject({ action: 'restore', subjectKind: 'case', subjectId: c.id });
    expect((await vault.check()).ok).toBe(true);
    vault.close();
  });

  test('restoring a case whose bin time passed: a clear error, nothing changed', async () => {
    const { vault } = await newVault();
    const c = vault.createCase({ force: 'Kent Police', reference: 'OLD/1' });
    vault.deleteCase(c.id, 'Closed');
    setClock(() => new Date(Date.now() + 31 * 24 * 3_600_000));
    const log = vault.custodyLog().length;
    const e = await errorOf(() => vault.restoreFromBin(c.id));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(
      /"OLD\/1 \(Kent Police\)" was deleted on \d\d\/\d\d\/\d{4} and its 30 days in the bin have passed/,
    );
    expect(vault.listCases()).toEqual([]);
    expect(vault.custodyLog()).toHaveLength(log);
    vault.close();
  });
});
