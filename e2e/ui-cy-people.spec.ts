/**
 * The people screens in Welsh, against the real core: a person's details (role "believed
 * responsible", an identifier) on the course of conduct, the SPOC and a police case on Contacts,
 * and a setting changed in Settings; every field found by its Welsh label, everything read back.
 */
import type { Page } from '@playwright/test';
import type { Contact, Person, PoliceCase, Settings } from '../shared/model.js';
import { test, expect } from './fixtures.js';
import { UK_USER, setLanguage, shotsAndAxe } from './ui-helpers.js';

test.use({
  ...UK_USER,
  vaultSeed: {
    people: [{ name: 'Alex Troll', role: 'other' }],
    incidents: [{ title: 'Leaflets torn down', occurredAt: { date: '2024-05-03', approximate: false } }],
  },
});

/** The main navigation in Welsh ("Prif"). */
const navCy = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Prif' }).getByRole('button', { name, exact: true });

async function invoke<T>(page: Page, channel: 'people.list' | 'contacts.list' | 'cases.list' | 'settings.get') {
  const r = await page.evaluate((c) => window.vault!.invoke(c, {}), channel);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

test('in Welsh: a person believed responsible with an identifier, the SPOC, a police case and a setting', async ({
  page,
  vault,
}) => {
  // Four screens, each shot and scanned in two themes at two sizes.
  test.setTimeout(240_000);
  await vault.unlock();
  await setLanguage(page, 'cy');

  // The person: role and an identifier, on the course of conduct.
  await navCy(page, 'Cwrs ymddygiad').click();
  const alex = page.getByRole('region', { name: 'Alex Troll' });
  await alex.getByRole('button', { name: 'Golygu manylion Alex Troll' }).click();
  const form = alex.getByRole('form', { name: 'Manylion Alex Troll' });
  await form.getByLabel('Rôl').selectOption({ label: 'Y credir ei fod yn gyfrifol' });
  await form.getByRole('button', { name: 'Ychwanegu dynodydd' }).click();
  const id1 = form.getByRole('group', { name: 'Dynodydd 1' });
  await id1.getByLabel('Platfform').fill('X');
  await id1.getByLabel('Enw defnyddiwr').fill('@alex_t');
  await id1.getByLabel('Cyfeiriad gwe (URL)').fill('https://x.com/alex_t');
  await form.getByLabel('Pam rwy’n credu mai’r un person yw’r rhain').fill('Yr un llun proffil.');
  await expect(form.getByRole('button', { name: 'Tynnu dynodydd 1: @alex_t' })).toBeVisible();
  await shotsAndAxe(page, 'cy-people-person-form');
  await form.getByRole('button', { name: 'Cadw’r manylion' }).click();
  await expect(alex.getByRole('button', { name: 'Golygu manylion Alex Troll' })).toBeFocused();
  await expect(alex).toContainText('Pam rwy’n credu mai’r un person yw’r rhain: Yr un llun proffil.');
  const [person] = await invoke<Person[]>(page, 'people.list');
  expect(person).toMatchObject({
    name: 'Alex Troll',
    role: 'perpetrator',
    identifiers: [{ platform: 'X', handle: '@alex_t', url: 'https://x.com/alex_t' }],
    basis: 'Yr un llun proffil.',
  });

  // The SPOC, on Contacts: the first contact offered is the SPOC.
  await navCy(page, 'Cysylltiadau').click();
  await expect(page.getByRole('heading', { name: 'Cysylltiadau', level: 1 })).toBeVisible();
  await expect(page.getByText('Dim cysylltiadau eto.')).toBeVisible();
  await page.getByRole('button', { name: 'Ychwanegu cyswllt' }).click();
  const kind = page.getByLabel('Math o gyswllt');
  await expect(kind).toBeFocused();
  await expect(kind.locator('option:checked')).toHaveText('Pwynt cyswllt unigol yr heddlu (SPOC)');
  await page.getByRole('button', { name: 'Cadw’r cyswllt' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Ychwanegwch o leiaf enw, sefydliad, rhif ffôn neu gyfeiriad e-bost.',
  );
  await page.getByLabel('Enw', { exact: true }).fill('DC Jane Smith');
  await page.getByLabel('Sefydliad').fill('Heddlu Dyfed-Powys');
  await page.getByLabel('Ffôn', { exact: true }).fill('01234 567890');
  await page.getByLabel('E-bost', { exact: true }).fill('jane.smith@example.org');
  await shotsAndAxe(page, 'cy-people-contact-form');
  await page.getByRole('button', { name: 'Cadw’r cyswllt' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'DC Jane Smith' }) });
  await expect(page.getByRole('heading', { name: 'DC Jane Smith' })).toBeFocused();
  await expect(card).toContainText('Pwynt cyswllt unigol yr heddlu (SPOC)');
  await expect(card.getByRole('definition')).toHaveText([
    'Heddlu Dyfed-Powys',
    '01234 567890',
    'jane.smith@example.org',
  ]);
  await expect(card.getByRole('term')).toHaveText(['Sefydliad', 'Ffôn', 'E-bost']);
  await expect(card.getByRole('button', { name: 'Golygu DC Jane Smith' })).toBeVisible();
  expect(await invoke<Contact[]>(page, 'contacts.list')).toMatchObject([
    { kind: 'spoc', name: 'DC Jane Smith', phone: '01234 567890', email: 'jane.smith@example.org' },
  ]);

  // A police case, on the same page.
  await page.getByRole('button', { name: 'Ychwanegu achos heddlu' }).click();
  await page.getByRole('button', { name: 'Cadw’r achos heddlu' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enwch yr heddlu, er enghraifft Thames Valley Police.');
  await page.getByLabel('Llu heddlu').fill('Heddlu Dyfed-Powys');
  await page.getByLabel('Cyfeirnod trosedd neu ddigwyddiad').fill('DP-2024-0042');
  await page.getByLabel('Swyddog', { exact: true }).fill('DC Jane Smith');
  await page.getByRole('button', { name: 'Cadw’r achos heddlu' }).click();
  const cases = page.getByRole('list', { name: 'Achosion heddlu' });
  await expect(cases).toContainText('DP-2024-0042 (Heddlu Dyfed-Powys), swyddog DC Jane Smith — 0 digwyddiad');
  await expect(cases.getByRole('button', { name: 'Dileu achos heddlu DP-2024-0042' })).toBeVisible();
  await shotsAndAxe(page, 'cy-people-contacts');
  expect(await invoke<PoliceCase[]>(page, 'cases.list')).toMatchObject([
    { force: 'Heddlu Dyfed-Powys', reference: 'DP-2024-0042', officer: 'DC Jane Smith', incidentIds: [] },
  ]);

  // Settings: the automatic lock and your name, then the check of the vault.
  await navCy(page, 'Gosodiadau').click();
  await expect(page.getByRole('heading', { name: 'Gosodiadau', level: 1 })).toBeVisible();
  const autolock = page.getByLabel('Cloi’r gladdgell os yw’n segur am');
  await autolock.selectOption({ label: '15 munud' });
  await expect(page.getByRole('status').filter({ hasText: 'Cloi awtomatig wedi’i newid.' })).toBeVisible();
  await page.getByLabel('Eich enw').fill('Sam Ymgeisydd');
  await page.getByRole('button', { name: 'Cadw fy manylion' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cafodd eich manylion eu cadw.' })).toBeVisible();
  await page.getByRole('button', { name: 'Gwirio nawr' }).click();
  await expect(
    page.getByText(/^Mae popeth yn iawn\. Wedi gwirio: \d+ cofnod, 0 ffeil, \d+ cofnod cadwraeth\.$/),
  ).toBeVisible();
  await shotsAndAxe(page, 'cy-people-settings');
  expect(await invoke<Settings>(page, 'settings.get')).toMatchObject({
    autoLockMinutes: 15,
    producerName: 'Sam Ymgeisydd',
  });

  // Read back after a reload: still Welsh, still saved.
  await page.reload();
  await vault.unlock();
  await navCy(page, 'Gosodiadau').click();
  await expect(page.getByLabel('Cloi’r gladdgell os yw’n segur am')).toHaveValue('15');
  await expect(page.getByLabel('Eich enw')).toHaveValue('Sam Ymgeisydd');
  expect(vault.pageErrors).toEqual([]);
});
