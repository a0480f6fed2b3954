/**
 * case.json holds what the record holds (issue 14): each incident's effect and the identifiers
 * seen, each exhibit's account (how and when obtained, source, where the original is) and what
 * the file says about itself, each person's identifiers and the basis for linking them, and the
 * police cases covering the pack's incidents (only those incidents). Valid against its schema.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPack } from './exporter.js';
import type { CaseFile } from './casefile.js';
import { TEST_KDF } from '../crypto/index.js';
import { Vault } from '../vault.js';
import { FIXTURES, PASS, cleanup, tempDir } from '../../../test/support/pack.js';

let c: CaseFile;
let ids: { person: string; shown: string; hidden: string; photo: string };

beforeAll(async () => {
  const { vault } = await Vault.create(path.join(tempDir(), 'vault'), PASS, { kdf: TEST_KDF });
  try {
    const person = vault.createPerson({
      name: 'Alex Troll',
      identifiers: [{ platform: 'X', handle: '@troll123', accountId: '1234567890', firstSeen: '2024-05-01' }],
      basis: 'The same picture and wording on both accounts.',
    });
    const shown = vault.createIncident({
      title: 'Threatening post',
      occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00' },
      effect: 'I stopped canvassing alone.',
      identifiers: [{ kind: 'handle', value: '@troll123', platform: 'X' }],
      perpetratorIds: [person.id],
    });
    const hidden = vault.createIncident({ title: 'Not in this pack', occurredAt: { date: '2024-06-01' } });
    vault.createCase({ force: 'Kent Police', reference: '46/1234/24', incidentIds: [shown.id, hidden.id] });
    const [photo] = await vault.importExhibits(shown.id, [path.join(FIXTURES, 'damage.jpg')]);
    vault.updateExhibitDetails(photo!.id, {
      description: 'Photo of the scratched car door',
      obtainedHow: 'phone-photo',
      originalLocation: 'My phone',
    });
    ids = { person: person.id, shown: shown.id, hidden: hidden.id, photo: photo!.id };
    const out = path.join(tempDir(), 'pack');
    await exportPack(vault, { out, initials: 'AB', selection: { incidentIds: [shown.id] } });
    c = JSON.parse(readFileSync(path.join(out, 'data', 'case.json'), 'utf8')) as CaseFile;
  } finally {
    vault.close();
  }
});
afterAll(() => cleanup());

describe('case.json holds what the record holds', () => {
  it('is valid against its schema', () => {
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'case.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
  });

  it("each incident's effect and the identifiers seen", () => {
    expect(c.incidents[0]).toMatchObject({
      effect: 'I stopped canvassing alone.',
      identifiers: [{ kind: 'handle', value: '@troll123', platform: 'X' }],
    });
  });

  it("each exhibit's account and what the file says", () => {
    const photo = c.exhibits.find((x) => x.exhibitId === ids.photo);
    expect(photo?.details).toMatchObject({
      description: 'Photo of the scratched car door',
      obtainedHow: 'phone-photo',
      originalLocation: 'My phone',
    });
    expect(photo?.extracted?.capturedAt).toBeTruthy();
  });

  it("each person's identifiers and the basis for linking them", () => {
    expect(c.people.find((p) => p.id === ids.person)).toMatchObject({
      identifiers: [{ platform: 'X', handle: '@troll123', accountId: '1234567890', firstSeen: '2024-05-01' }],
      basis: 'The same picture and wording on both accounts.',
    });
  });

  it('the police cases covering the pack, with only its incidents', () => {
    expect(c.policeCases).toEqual([
      expect.objectContaining({ force: 'Kent Police', reference: '46/1234/24', incidentIds: [ids.shown] }),
    ]);
  });
});
