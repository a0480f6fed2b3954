/**
 * The incident screens in Welsh: record an incident through the full form, finding every field by
 * its Welsh name, and read it back on the incident page in Welsh, dates as dd/mm/yyyy. Quick add
 * too. Light and dark, 1280×800 and 800×700, axe-clean (SCREENS_DIR/*-cy-*.png).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { setLanguage, shotsAndAxe, UK_USER } from './ui-helpers.js';
import { words } from '../shared/words.js';

test.use(UK_USER);
test.use({ vaultSeed: { people: [{ name: 'Pat Neighbour', role: 'witness' }] } });

const cy = words('cy');

/** Type a date or time (day / month / year, 24-hour) into the field with that Welsh name. */
async function typeInto(page: Page, label: string, digits: string): Promise<void> {
  await page.getByRole('group', { name: label, exact: true }).getByRole('spinbutton').first().click();
  await page.keyboard.type(digits);
}

test('in Welsh, an incident is recorded through the full form and read back on its page', async ({ page, vault }) => {
  await vault.unlock();
  await setLanguage(page, 'cy');
  await page.getByRole('button', { name: 'Digwyddiad newydd', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Digwyddiad newydd', level: 1 })).toBeVisible();

  // Nothing written: the problems are said in Welsh, and tied to their fields.
  await page.getByRole('button', { name: 'Cadw’r digwyddiad' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Gwiriwch hyn:');
  await expect(summary).toContainText('Rhowch deitl byr i’r digwyddiad');
  await expect(page.getByLabel('Teitl', { exact: true })).toHaveAccessibleDescription(/Rhowch deitl byr/);

  // A date in the future, said in Welsh.
  await typeInto(page, 'Dyddiad', '25122030');
  await page.getByRole('button', { name: 'Cadw’r digwyddiad' }).click();
  await expect(summary).toContainText('Mae’r dyddiad hwn yn y dyfodol');
  await expect(summary).toContainText('Gwiriwch y rhain:');

  await page.getByLabel('Teitl', { exact: true }).fill('Gweiddi y tu allan i’r swyddfa');
  await typeInto(page, 'Dyddiad', '03052024');
  await typeInto(page, 'Amser (os yw’n hysbys)', '2140');
  await expect(page.getByLabel('Cylchfa amser')).toHaveValue('uk');
  await page.getByLabel('Beth ddigwyddodd', { exact: true }).fill('Gwaeddodd dyn arnaf y tu allan i’r swyddfa.');
  await page
    .getByLabel('Sut effeithiodd hyn arnaf, a beth wnes i ei newid o’i herwydd')
    .fill('Rwy’n mynd adref ffordd arall.');
  await page.getByRole('group', { name: 'Pa fath o ddigwyddiad' }).getByLabel(cy.category.harassment).check();
  await page.getByLabel('Sut y daeth atoch').selectOption('in-person');
  await page.getByLabel('Platfform, ap neu rif').fill('Wyneb yn wyneb');
  await page.getByLabel('Ble y digwyddodd').fill('12 Stryd Fawr');

  const seen = page.getByRole('group', { name: 'Beth a welwyd', exact: true });
  await seen.getByRole('button', { name: 'Ychwanegu beth a welwyd' }).click();
  await seen.getByLabel('Fel yr ymddangosodd').fill('@shouty');
  await expect(seen.getByRole('group', { name: 'Beth a welwyd 1' })).toBeVisible();

  const who = page.getByRole('group', { name: 'Y person y credir ei fod yn gyfrifol' });
  await who.getByLabel('Person newydd: enw neu enw defnyddiwr ar-lein').fill('Dyn tal mewn cot lwyd');
  await who.getByRole('button', { name: 'Ychwanegu person newydd' }).click();
  await expect(who.getByRole('button', { name: 'Tynnu Dyn tal mewn cot lwyd' })).toBeVisible();
  const saw = page.getByRole('group', { name: 'Pwy a’i gwelodd' });
  await saw.getByLabel('Rhywun sydd eisoes wedi’i gofnodi').selectOption({ label: 'Pat Neighbour' });
  await expect(saw.getByRole('button', { name: 'Tynnu Pat Neighbour' })).toBeVisible();

  await page.getByRole('button', { name: 'Ychwanegu adroddiad i’r heddlu' }).click();
  const report = page.getByRole('group', { name: 'Adroddiad 1: yr heddlu' });
  await report.getByLabel('Heddlu', { exact: true }).fill('Heddlu Dyfed-Powys');
  await report.getByLabel('Cyfeirnod trosedd neu ddigwyddiad').fill('DP-2024-0042');
  await page.getByLabel('Nodiadau', { exact: true }).fill('Es i mewn a chloi’r drws.');
  await page.getByLabel('Dydw i ddim yn siŵr o’r union amser').check();
  await shotsAndAxe(page, 'cy-incident-editor');
  await page.getByRole('button', { name: 'Cadw’r digwyddiad' }).click();

  // The incident page, in Welsh.
  await expect(page.getByRole('heading', { name: 'Gweiddi y tu allan i’r swyddfa', level: 1 })).toBeVisible();
  await expect(page.getByText('Dydd Gwener 3 Mai 2024', { exact: true })).toBeVisible();
  await expect(page.getByText('Tua 21:40 (UTC+01:00)')).toBeVisible();
  await expect(page.getByTestId('written-line')).toContainText(
    /^Ysgrifennwyd gyntaf .*\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
  );
  await expect(page.getByText('Wedi dweud wrth yr heddlu', { exact: true })).toBeVisible();
  const details = page.getByRole('region', { name: 'Beth ddigwyddodd' });
  await expect(details).toContainText('Sut effeithiodd hyn arnaf');
  await expect(details).toContainText('Y person y credir ei fod yn gyfrifolDyn tal mewn cot lwyd');
  await expect(details).toContainText('Pwy a’i gweloddPat Neighbour');
  await expect(details).toContainText(`Sut y daeth atoch${cy.channel['in-person']}: Wyneb yn wyneb`);
  await expect(details).toContainText('Ble12 Stryd Fawr');
  await expect(details).toContainText('Beth a welwyd');
  await expect(details).toContainText('Arwyddion gwaethygu' + 'Dim');
  await expect(page.getByRole('region', { name: 'Ble rydych wedi rhoi gwybod amdano' })).toContainText(
    'Yr heddlu (Heddlu Dyfed-Powys), cyfeirnod DP-2024-0042',
  );
  await expect(page.getByRole('button', { name: 'Golygu', exact: true })).toBeVisible();
  await shotsAndAxe(page, 'cy-incident-view');

  // What was saved: the date, time and offset as entered, whatever the language.
  const stored = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
  expect(stored.ok && stored.value[0]!.occurredAt).toEqual({
    date: '2024-05-03',
    time: '21:40',
    offset: '+01:00',
    approximate: true,
  });

  // Deleting asks first, in Welsh.
  await page.getByRole('button', { name: 'Dileu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Dileu’r digwyddiad hwn?' });
  await expect(dialog).toContainText(
    'Bydd “Gweiddi y tu allan i’r swyddfa” a’i 0 arddangosyn yn cael eu symud i’r bin',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(vault.pageErrors).toEqual([]);
});

test('in Welsh, quick add says what to write and saves it', async ({ page, vault }) => {
  await vault.unlock();
  await setLanguage(page, 'cy');
  await page.getByRole('button', { name: 'Cofnod cyflym', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cofnod cyflym', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Cadw’r digwyddiad' }).click();
  await expect(page.getByRole('alert')).toContainText('Ysgrifennwch beth ddigwyddodd');
  await expect(page.getByRole('group', { name: 'Sgrinluniau, lluniau neu ffeiliau eraill' })).toBeVisible();
  await page.getByRole('button', { name: 'Nawr', exact: true }).click();
  await page.getByLabel('Beth ddigwyddodd', { exact: true }).fill('Neges gas ar-lein');
  await shotsAndAxe(page, 'cy-quick-add');
  await page.getByRole('button', { name: 'Cadw’r digwyddiad' }).click();
  await expect(page.getByRole('heading', { name: 'Neges gas ar-lein', level: 1 })).toBeVisible();
  await expect(page.getByText('Heb ddweud wrth yr heddlu eto')).toBeVisible();
  expect(vault.pageErrors).toEqual([]);
});
