/**
 * An exhibit's warnings and extraction problems in a Welsh window: stored in English by the core at
 * import, shown in Welsh (shared/exhibit-notices.ts). A Windows program named .png and a photo with a
 * damaged EXIF block, imported through the window, then the window switched to Welsh: the card's and the
 * page's warning and the problem line read in Welsh, with no English left; axe-clean in light and dark at
 * 1280 and 800 wide (screenshots in SCREENS_DIR, *-cy-warnings-*).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures.js';
import { FIXTURES, UK_USER, copyFixtures, setLanguage, shotsAndAxe } from './ui-helpers.js';

const INCIDENT = { title: 'Posters defaced', occurredAt: { date: '2019-11-15', approximate: false } };

const WARNING_CY =
  'Rhaglen Windows yw’r ffeil hon, ond mae ei henw’n gorffen â .png: caiff ei chadw dan sêl ac ni chaiff ei hagor byth.';
const PROBLEM_CY = 'Mae bloc EXIF y llun wedi’i ddifrodi: ni ddarllenwyd amser tynnu’r llun, y camera na’r lleoliad.';

test.use({ ...UK_USER, vaultSeed: { incidents: [INCIDENT] } });

test('in Welsh, a program named .png is warned about in Welsh, and a damaged EXIF block is said in Welsh', async ({
  page,
  vault,
}) => {
  test.setTimeout(240_000);
  const { dir } = await copyFixtures([]);
  const evil = path.join(dir, 'holiday.png');
  // A Windows program's first bytes ("MZ", then the PE header) under a picture's name.
  const exe = Buffer.alloc(4096);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  await writeFile(evil, exe);
  const damagedPath = path.join(dir, 'damaged-exif.jpg');
  const damaged = Buffer.from(await readFile(path.join(FIXTURES, 'damage.jpg')));
  damaged.writeUInt16BE(0xffff, 38); // IFD0 claims 65,535 entries
  await writeFile(damagedPath, damaged);
  try {
    await vault.unlock();
    await page.getByRole('button', { name: INCIDENT.title }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles([evil, damagedPath]);
    await expect(page.getByRole('heading', { name: 'Exhibits (2)' })).toBeVisible();

    // The English window shows the English as stored.
    const card = page.getByRole('listitem').filter({ hasText: 'holiday.png' });
    await expect(card.getByTestId('exhibit-warnings')).toHaveText(
      'This is a Windows program named .png: it is kept sealed and never opened.',
    );

    // In Welsh: the card's warning.
    await setLanguage(page, 'cy');
    await expect(page.getByRole('heading', { name: 'Arddangosion (2)' })).toBeVisible();
    await expect(card.getByTestId('exhibit-warnings')).toHaveText(WARNING_CY);
    await shotsAndAxe(page, 'cy-warnings-incident');

    // The program's page: the warning in Welsh, still never opened.
    await card.getByRole('button', { name: 'Gweld holiday.png' }).click();
    const warning = page.getByTestId('exhibit-warnings');
    await expect(warning).toContainText(WARNING_CY);
    await expect(warning).not.toContainText('kept sealed');
    await expect(page.getByTestId('not-opened')).toBeVisible();
    await expect(page.getByRole('img')).toHaveCount(0);
    await shotsAndAxe(page, 'cy-warnings-program');

    // The damaged photo's page: the problem line in Welsh.
    await setLanguage(page, 'en');
    await page.getByRole('button', { name: /Back to “Posters defaced”/ }).click();
    await page.getByRole('button', { name: 'View damaged-exif.jpg' }).click();
    await expect(page.getByTestId('extract-problems')).toContainText("The photo's EXIF block is damaged");
    await setLanguage(page, 'cy');
    const problems = page.getByTestId('extract-problems');
    await expect(problems).toContainText(PROBLEM_CY);
    await expect(problems).not.toContainText('damaged');
    await shotsAndAxe(page, 'cy-warnings-problem');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(vault.pageErrors).toEqual([]);
});
