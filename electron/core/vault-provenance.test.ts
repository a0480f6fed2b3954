/**
 * Issue 13, items 2 and 4 in the core: an exhibit's provenance (each save keeps the version before
 * and logs the fields changed) and physical items (no file: read refuses plainly, check expects no
 * blob, delete removes no file). Real vaults in temporary folders, real files.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Vault, BLOB_DIR } from './vault.js';
import { PASS, cleanupTemp, errorOf, fixtureCopies, incident, newVault } from '../../test/support/core.js';

afterAll(cleanupTemp);

function blobFiles(dir: string): string[] {
  return existsSync(join(dir, BLOB_DIR)) ? readdirSync(join(dir, BLOB_DIR)) : [];
}

const letter = {
  description: 'Letter pushed through the office door, with its envelope',
  originalLocation: 'Office safe',
};

describe('physical items', () => {
  test('added with no file: listed, kept across a reopen, check passes, read refuses plainly, delete works', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Threatening letter'));
    const before = blobFiles(dir);
    const item = vault.addPhysicalExhibit(inc.id, 'Letter and envelope', letter, {
      keptAt: 'Office safe, brown paper envelope',
      handledBy: 'Me, then my agent Sam Jones',
    });
    expect(item).toMatchObject({
      kind: 'physical',
      incidentId: inc.id,
      name: 'Letter and envelope',
      size: 0,
      sha256: '',
      mediaType: '',
      physical: { keptAt: 'Office safe, brown paper envelope', handledBy: 'Me, then my agent Sam Jones' },
      warnings: [],
    });
    expect(item.details).toMatchObject(letter);
    expect(blobFiles(dir)).toEqual(before); // no blob
    expect(vault.getIncident(inc.id).exhibits.map((e) => e.id)).toEqual([item.id]);
    const created = vault.custodyLog().filter((e) => e.subjectId === item.id);
    expect(created.map((e) => e.action)).toEqual(['create']);
    expect(created[0]!.details).toMatchObject({ name: 'Letter and envelope', kind: 'physical', incidentId: inc.id });

    const readErr = await errorOf(() => vault.readExhibit(item.id));
    expect(readErr.code).toBe('INVALID_INPUT');
    expect(readErr.message).toBe(
      '"Letter and envelope" is a physical item: there is no file to open. It is kept where its details say.',
    );
    expect((await errorOf(() => vault.openExhibitStream(item.id))).code).toBe('INVALID_INPUT');
    expect(vault.custodyLog().filter((e) => e.action === 'view')).toHaveLength(0);

    // With a file beside it, check verifies the file and expects no blob for the item.
    const [file] = await vault.importExhibits(inc.id, fixtureCopies().slice(0, 1));
    const report = await vault.check();
    expect(report).toMatchObject({ ok: true, blobs: 1, problems: [] });
    vault.close();

    const again = await Vault.open(dir, { passphrase: PASS });
    expect(again.getExhibit(item.id)).toEqual(item);
    again.deleteExhibit(item.id, 'Added by mistake');
    expect(again.getIncident(inc.id).exhibits.map((e) => e.id)).toEqual([file!.id]);
    expect(blobFiles(dir)).toHaveLength(1); // the file's blob stays
    const del = again.custodyLog().filter((e) => e.subjectId === item.id && e.action === 'delete');
    expect(del[0]!.details).toMatchObject({ name: 'Letter and envelope', kind: 'physical' });
    expect(await again.check()).toMatchObject({ ok: true, blobs: 1, problems: [] });
    // Deleting the incident with a physical item in it removes only real blobs.
    const item2 = again.addPhysicalExhibit(inc.id, 'Envelope', {}, { keptAt: 'Safe' });
    again.deleteIncident(inc.id, 'Entered twice');
    expect((await errorOf(() => again.getExhibit(item2.id))).code).toBe('NOT_FOUND');
    expect(await again.check()).toMatchObject({ ok: true, problems: [] });
    again.close();
  });

  test('bad input: a clear error, nothing added', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Letter'));
    const log = vault.custodyLog().length;
    const cases: [() => unknown, RegExp][] = [
      [() => vault.addPhysicalExhibit(inc.id, '  ', {}, { keptAt: 'Safe' }), /Give the item a short name/],
      [() => vault.addPhysicalExhibit(inc.id, 'Letter', {}, { keptAt: ' ' }), /Say where the item is kept/],
      [() => vault.addPhysicalExhibit(inc.id, 'Letter', {}, { keptAt: 'x'.repeat(2001) }), /physical item: keptAt/],
      [
        () => vault.addPhysicalExhibit(inc.id, 'Letter', { description: 'd'.repeat(10_001) }, { keptAt: 'Safe' }),
        /exhibit details: description/,
      ],
      [
        () => vault.addPhysicalExhibit(inc.id, 'Letter', { obtainedHow: 'stolen' as never }, { keptAt: 'Safe' }),
        /Unknown way of obtaining an exhibit "stolen". Use one of: screenshot, phone-photo/,
      ],
      [
        () => vault.addPhysicalExhibit(inc.id, 'Letter', { obtainedAt: '2024-02-30' }, { keptAt: 'Safe' }),
        /Invalid date the exhibit was obtained: impossible date/,
      ],
      [() => vault.addPhysicalExhibit('0'.repeat(32), 'Letter', {}, { keptAt: 'Safe' }), /There is no incident/],
    ];
    for (const [fn, message] of cases) {
      const e = await errorOf(fn);
      expect(e.message).toMatch(message);
      expect(e.message.split('\n')).toHaveLength(1);
    }
    expect(vault.getIncident(inc.id).exhibits).toEqual([]);
    expect(vault.custodyLog()).toHaveLength(log);
    vault.close();
  });
});

describe('provenance', () => {
  test('an edit saves the details, keeps the earlier version and logs the fields changed', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Post'));
    const [ex] = await vault.importExhibits(inc.id, fixtureCopies().slice(0, 1));
    expect(ex!.details).toMatchObject({ description: '', source: { url: '' } });

    const first = vault.updateExhibitDetails(ex!.id, {
      description: 'Screenshot of the post',
      obtainedHow: 'screenshot',
      obtainedAt: '2024-05-03T21:45+01:00',
      source: { url: 'https://example.social/p/1', handle: '@someone' },
    });
    expect(first.details).toMatchObject({
      description: 'Screenshot of the post',
      obtainedHow: 'screenshot',
      obtainedAt: '2024-05-03T21:45+01:00',
      source: { url: 'https://example.social/p/1', handle: '@someone', platform: '' },
    });
    const second = vault.updateExhibitDetails(ex!.id, {
      ...first.details,
      changedByMe: 'Cropped in Photos',
      source: { ...first.details.source, accountId: '12345' },
    });
    expect(second.details.changedByMe).toBe('Cropped in Photos');
    // The file itself is untouched by describing it.
    expect(second).toMatchObject({ sha256: ex!.sha256, size: ex!.size, name: ex!.name });

    const edits = vault.custodyLog().filter((e) => e.subjectId === ex!.id && e.action === 'edit');
    expect(edits.map((e) => e.details.changed)).toEqual([
      [
        'details.description',
        'details.obtainedAt',
        'details.obtainedHow',
        'details.source.handle',
        'details.source.url',
      ],
      ['details.changedByMe', 'details.source.accountId'],
    ]);
    // Saving the same again changes nothing and logs nothing.
    vault.updateExhibitDetails(ex!.id, second.details);
    expect(vault.custodyLog().filter((e) => e.action === 'edit')).toHaveLength(2);
    vault.close();

    const again = await Vault.open(dir, { passphrase: PASS });
    const history = again.exhibitDetailsHistory(ex!.id);
    expect(history.map((h) => h.current)).toEqual([false, false, true]);
    expect(history[0]!.details.description).toBe('');
    expect(history[0]!.writtenAt).toBe(ex!.importedAt);
    expect(history[1]!.details).toEqual(first.details);
    expect(history[2]!.details).toEqual(second.details);
    expect(again.getExhibit(ex!.id).details).toEqual(second.details);
    expect(await again.check()).toMatchObject({ ok: true });
    again.close();
  });

  test('a physical item: where it is kept changes with its details, logged as physical.keptAt', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Letter'));
    const item = vault.addPhysicalExhibit(inc.id, 'Letter', {}, { keptAt: 'Office safe' });
    const moved = vault.updateExhibitDetails(item.id, item.details, {
      keptAt: 'Handed to PC Smith',
      handledBy: 'PC Smith',
    });
    expect(moved.physical).toEqual({ keptAt: 'Handed to PC Smith', handledBy: 'PC Smith' });
    const edit = vault.custodyLog().find((e) => e.action === 'edit' && e.subjectId === item.id);
    expect(edit!.details.changed).toEqual(['physical.handledBy', 'physical.keptAt']);
    // Without `physical`, where it is kept stays as it was.
    const described = vault.updateExhibitDetails(item.id, { description: 'A4 letter' });
    expect(described.physical).toEqual(moved.physical);
    expect(vault.exhibitDetailsHistory(item.id).map((h) => h.physical?.keptAt)).toEqual([
      'Office safe',
      'Handed to PC Smith',
      'Handed to PC Smith',
    ]);
    vault.close();
  });

  test('bad input: an over-long field, an unknown kind, a bad date, physical on a file, an unknown or deleted exhibit', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Post'));
    const [ex, other] = await vault.importExhibits(inc.id, fixtureCopies().slice(0, 2));
    vault.updateExhibitDetails(ex!.id, { description: 'Kept' });
    vault.deleteExhibit(other!.id, 'Added by mistake');
    const exhibitBefore = vault.getExhibit(ex!.id);
    const historyBefore = vault.exhibitDetailsHistory(ex!.id);
    const logBefore = vault.custodyLog().length;
    const cases: [() => unknown, string, RegExp][] = [
      [
        () => vault.updateExhibitDetails(ex!.id, { source: { url: 'u'.repeat(2001) } }),
        'INVALID_INPUT',
        /^Invalid exhibit details: source\.url: /,
      ],
      [
        () => vault.updateExhibitDetails(ex!.id, { obtainedHow: 'found' as never }),
        'INVALID_INPUT',
        /Use one of: screenshot, phone-photo, app-export, saved-email, paper-scan, recording, other\.$/,
      ],
      [
        () => vault.updateExhibitDetails(ex!.id, { obtainedAt: '2024-05-03T21:40' }),
        'INVALID_INPUT',
        /has a time but no UTC offset/,
      ],
      [
        () => vault.updateExhibitDetails(ex!.id, {}, { keptAt: 'Safe' }),
        'INVALID_INPUT',
        /is a file, not a physical item/,
      ],
      [() => vault.updateExhibitDetails('0'.repeat(32), {}), 'NOT_FOUND', /There is no exhibit with id 0{32}\./],
      [() => vault.updateExhibitDetails(other!.id, { description: 'x' }), 'NOT_FOUND', /There is no exhibit/],
    ];
    for (const [fn, code, message] of cases) {
      const e = await errorOf(fn);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    }
    expect(vault.getExhibit(ex!.id)).toEqual(exhibitBefore);
    expect(vault.exhibitDetailsHistory(ex!.id)).toEqual(historyBefore);
    expect(vault.custodyLog()).toHaveLength(logBefore);
    vault.close();
  });
});
