/**
 * The same file twice: refused with DUPLICATE_EXHIBIT saying where it already is, nothing added and no
 * blob left behind; added on purpose with allowDuplicates (the activity log names the exhibit it repeats).
 * Real vault, real files.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { cleanupTemp, errorOf, incident, newVault, tempDir } from '../../../test/support/core.js';
import type { ExhibitBody } from '../records/exhibits.js';
import { BLOB_DIR, type Vault } from '../vault.js';

afterAll(cleanupTemp);

const FIXTURES = fileURLToPath(new URL('./extract/fixtures/', import.meta.url));

function copy(name: string, as = name): string {
  const p = join(tempDir('ev-dup-'), as);
  copyFileSync(join(FIXTURES, name), p);
  return p;
}

/** What must not change when an import is refused: records, activity log, blob files (no stray temp file). */
function state(vault: Vault, dir: string): { incidents: string; custody: number; blobs: string[] } {
  return {
    incidents: JSON.stringify(vault.listIncidents()),
    custody: vault.custodyLog().length,
    blobs: readdirSync(join(dir, BLOB_DIR)).sort(),
  };
}

const ukToday = (): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());

describe('duplicates', () => {
  test('a file already in the vault (under another name, in another incident) is refused, then added with allowDuplicates', async () => {
    const { vault, dir } = await newVault();
    const car = vault.createIncident(incident('Car keyed'));
    const [first] = await vault.importExhibits(car.id, [copy('post-1.png', 'post.png')]);
    const other = vault.createIncident(incident('Leaflets torn down'));
    const before = state(vault, dir);

    const e = await errorOf(() => vault.importExhibits(other.id, [copy('post-1.png', 'copy of post.png')]));
    expect(e.code).toBe('DUPLICATE_EXHIBIT');
    expect(e.message).toBe(
      `"copy of post.png" is already in the vault as "post.png" (in "Car keyed", added ${ukToday()}). Add it again only if you mean to.`,
    );
    expect(state(vault, dir)).toEqual(before);

    const [again] = await vault.importExhibits(other.id, [copy('post-1.png', 'copy of post.png')], {
      allowDuplicates: true,
    });
    expect(again?.sha256).toBe(first?.sha256);
    expect(vault.getIncident(other.id).exhibits.map((x) => x.id)).toEqual([again?.id]);
    const entry = vault.custodyLog().find((c) => c.action === 'import' && c.subjectId === again?.id);
    expect(entry?.details.duplicateOf).toBe(first?.id);
    expect((await vault.check()).problems).toEqual([]);
    vault.close();
  });

  test("the message gives the exhibit's reference when it has one, and the same name plainly", async () => {
    const { vault } = await newVault();
    const car = vault.createIncident(incident('Car keyed'));
    const [first] = await vault.importExhibits(car.id, [copy('damage.jpg')]);
    // References are assigned elsewhere (issue 13, item 1): give this one a reference as that code will.
    const body = vault.store.get<ExhibitBody>(first!.id, 'exhibit');
    vault.store.transact(() => vault.store.put(first!.id, 'exhibit', { ...body, ref: 'AB/3' }));
    const e = await errorOf(() => vault.importExhibits(car.id, [copy('damage.jpg')]));
    expect(e.message).toBe(
      `"damage.jpg" is already in the vault (AB/3 in "Car keyed", added ${ukToday()}). Add it again only if you mean to.`,
    );
    vault.close();
  });

  test('twice in one batch: refused, nothing added; allowed, both added', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Two of the same'));
    const before = state(vault, dir);
    const paths = [copy('email-1.eml', 'a.eml'), copy('letter.pdf'), copy('email-1.eml', 'b.eml')];
    const e = await errorOf(() => vault.importExhibits(inc.id, paths));
    expect(e.code).toBe('DUPLICATE_EXHIBIT');
    expect(e.message).toBe('"b.eml" is the same file as "a.eml", also being added. Add it again only if you mean to.');
    expect(state(vault, dir)).toEqual(before);
    const added = await vault.importExhibits(inc.id, paths, { allowDuplicates: true });
    expect(added.map((x) => x.name)).toEqual(['a.eml', 'letter.pdf', 'b.eml']);
    vault.close();
  });

  test('several duplicates: the first named, the others counted', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Many'));
    await vault.importExhibits(inc.id, [copy('post-1.png'), copy('post-2.png'), copy('letter.pdf')]);
    const e = await errorOf(() =>
      vault.importExhibits(inc.id, [copy('email-2.eml'), copy('post-1.png'), copy('post-2.png'), copy('letter.pdf')]),
    );
    expect(e.message).toMatch(
      /^"post-1\.png" is already in the vault \(in "Many", added .+\)\. 2 more of these files are copies too\. Add them again only if you mean to\.$/,
    );
    expect(vault.getIncident(inc.id).exhibits).toHaveLength(3);
    vault.close();
  });

  test('a new incident with a duplicate exhibit: neither is added', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('First'));
    await vault.importExhibits(inc.id, [copy('letter.pdf')]);
    const before = state(vault, dir);
    const e = await errorOf(() =>
      vault.createIncidentWithExhibits(incident('Second'), [copy('letter.pdf', 'letter (1).pdf')]),
    );
    expect(e.code).toBe('DUPLICATE_EXHIBIT');
    expect(state(vault, dir)).toEqual(before);
    const made = await vault.createIncidentWithExhibits(incident('Second'), [copy('letter.pdf', 'letter (1).pdf')], {
      allowDuplicates: true,
    });
    expect(made.exhibits.map((x) => x.name)).toEqual(['letter (1).pdf']);
    vault.close();
  });

  test('pasted bytes (streams) are checked the same way', async () => {
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Pasted'));
    const bytes = Buffer.from('a pasted note, the same twice\n');
    await vault.importExhibitStreams(inc.id, [{ name: 'note.txt', stream: Readable.from([bytes]) }]);
    const before = state(vault, dir);
    const e = await errorOf(() =>
      vault.importExhibitStreams(inc.id, [{ name: 'pasted.txt', stream: Readable.from([bytes]) }]),
    );
    expect(e.code).toBe('DUPLICATE_EXHIBIT');
    expect(state(vault, dir)).toEqual(before);
    vault.close();
  });
});
