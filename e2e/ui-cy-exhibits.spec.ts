/**
 * The exhibit screens in Welsh, against the real core: an incident's exhibits, a photo's page with
 * what its camera said, the producer's account filled and saved through the Welsh form, its history,
 * an e-mail's and a PDF's pages and the physical-item form; each axe-clean in light and dark at 1280
 * and 800 wide (screenshots in SCREENS_DIR, cy-exhibits-*).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { UK_USER, setLanguage, shotsAndAxe as sharedShotsAndAxe } from './ui-helpers.js';

const INCIDENT = { title: 'Posters defaced', occurredAt: { date: '2019-11-15', approximate: false } };

/** Light and dark, 1280×800 and 800×700: a screenshot of each and no serious axe violation. */
/** The shared shots-and-axe (light and dark, 1280 and 800), named for this spec. */
const shotsAndAxe = (page: Page, name: string) => sharedShotsAndAxe(page, `cy-exhibits-${name}`);

test.use({
  ...UK_USER,
  vaultSeed: { incidents: [INCIDENT], attach: [{ incident: 0, files: ['damage.jpg', 'email-2.eml', 'letter.pdf'] }] },
});

test('in Welsh, an exhibit page says what the file says and saves the account given in the Welsh form', async ({
  page,
  vault,
}) => {
  test.setTimeout(240_000);
  await vault.unlock();
  await setLanguage(page, 'cy');
  await page.getByRole('button', { name: INCIDENT.title }).click();

  // The incident's exhibits.
  const section = page.getByRole('region', { name: 'Arddangosion (3)' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('button', { name: 'Dewis ffeiliau…' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Ychwanegu eitem ffisegol' })).toBeVisible();
  await expect(section.getByRole('img', { name: 'Llun bach o damage.jpg' })).toBeVisible();
  await expect(section).toContainText('Ychwanegwyd ');
  await expect(section).not.toContainText('Added ');
  await shotsAndAxe(page, 'incident');

  // The physical-item form, in Welsh, then closed without adding anything.
  await section.getByRole('button', { name: 'Ychwanegu eitem ffisegol' }).click();
  const physical = page.getByRole('form', { name: 'Ychwanegu eitem ffisegol' });
  await expect(physical.getByLabel('Enw byr')).toBeFocused();
  await expect(physical.getByTestId('handling-advice')).toContainText('Sut i’w chadw ar gyfer yr heddlu:');
  await physical.getByRole('button', { name: 'Ychwanegu’r eitem' }).click();
  await expect(physical.getByText('Rhowch enw byr i’r eitem, er enghraifft “Llythyr ac amlen”.')).toBeVisible();
  await shotsAndAxe(page, 'physical-form');
  await physical.getByRole('button', { name: 'Canslo' }).click();
  await expect(physical).toBeHidden();

  // The photo's page: its facts and what its camera said, each labelled in Welsh.
  await section.getByRole('button', { name: 'Gweld damage.jpg' }).click();
  await expect(page.getByRole('heading', { name: 'damage.jpg', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tynnu’r arddangosyn' })).toBeVisible();
  await expect(page.getByText('Ychwanegwyd at y gladdgell')).toBeVisible();
  const says = page.getByRole('region', { name: 'Beth mae’r ffeil yn ei ddweud amdani ei hun' });
  await expect(says.getByText('Yn ôl cloc y camera')).toBeVisible();
  await expect(page.getByTestId('captured-at')).toHaveText('13/11/2019 08:05');
  await expect(
    says.getByText('Lleoliad a gofnodwyd yn y llun (sensitif: gall ddangos ble roeddech chi)'),
  ).toBeVisible();
  await expect(page.getByTestId('gps')).toContainText('Lledred 52.48620, hydred -1.89040');
  await expect(says.getByText('Newidiwyd ddiwethaf ar y cyfrifiadur y daeth ohono')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Llun: damage.jpg' })).toBeVisible();
  await expect(page.getByText('What the file says about itself')).toHaveCount(0);
  const account = page.getByRole('region', { name: 'Eich adroddiad amdano' });
  await expect(account).toContainText('Heb ei ddisgrifio eto.');
  await shotsAndAxe(page, 'photo');

  // The account, given through the Welsh form and saved.
  await account.getByRole('button', { name: 'Disgrifio’r arddangosyn hwn' }).click();
  const form = page.getByRole('form', { name: 'Disgrifio’r arddangosyn hwn' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Disgrifiad')).toHaveAccessibleDescription(/yn eich geiriau eich hun/);
  await form.getByLabel('Enw’r cyfrif a ddangosir').fill('@angry_voter_1');
  await form.getByLabel('Platfform neu ap').fill('X');
  await shotsAndAxe(page, 'describe-form');
  await form.getByRole('button', { name: 'Cadw’r disgrifiad' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('button', { name: 'Disgrifio’r arddangosyn hwn' })).toBeFocused();
  const shown = page.getByTestId('exhibit-account');
  await expect(shown).toContainText('FfynhonnellX, @angry_voter_1');
  const listed = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
  const ex = listed.ok ? listed.value[0]!.exhibits.find((e) => e.name === 'damage.jpg') : undefined;
  expect(ex?.details.source).toMatchObject({ platform: 'X', handle: '@angry_voter_1' });

  // Its history, in Welsh.
  await page.getByRole('button', { name: 'Hanes', exact: true }).click();
  const history = page.getByRole('dialog', { name: /^Hanes eich adroddiad am / });
  await expect(history.getByTestId('exhibit-history')).toContainText('Fersiwn 2: newidiwyd');
  await expect(history.getByTestId('exhibit-history')).toContainText('Newidiwyd: ffynhonnell.');
  await shotsAndAxe(page, 'history');
  await history.getByRole('button', { name: 'Cau' }).click();
  await expect(history).toBeHidden();

  // The e-mail's page: its own headers and the message, labelled in Welsh.
  await page.getByRole('button', { name: `← Yn ôl i “${INCIDENT.title}”` }).click();
  await page.getByRole('button', { name: 'Gweld email-2.eml' }).click();
  await expect(page.getByRole('heading', { name: 'Penawdau’r e-bost ei hun' })).toBeVisible();
  await expect(page.getByText('Dyddiad (yn ôl cyfrifiadur yr anfonwr)')).toBeVisible();
  const email = page.getByTestId('email-view');
  await expect(email.getByRole('heading', { name: 'E-bost', exact: true })).toBeVisible();
  await expect(email.getByText('Oddi wrth', { exact: true })).toBeVisible();
  await expect(email.getByRole('note')).toContainText('Ni lwythwyd 1 llun neu arddull o’r rhyngrwyd');
  await shotsAndAxe(page, 'email');

  // The PDF's page: its pages, named in Welsh.
  await page.getByRole('button', { name: `← Yn ôl i “${INCIDENT.title}”` }).click();
  await page.getByRole('button', { name: 'Gweld letter.pdf' }).click();
  const pdf = page.getByTestId('pdf-view');
  await expect(pdf.getByRole('heading', { name: 'Dogfen', exact: true })).toBeVisible();
  await expect(pdf.getByRole('img', { name: 'Tudalen 1 o 1 o letter.pdf' })).toBeVisible();
  await expect(pdf).toContainText('1 tudalen');
  await shotsAndAxe(page, 'pdf');

  expect(vault.requests.filter((r) => r.external)).toEqual([]);
  expect(vault.pageErrors).toEqual([]);
});
