/**
 * Safety in view (issue 15): the strip "In danger now? Call 999" on every screen, with the SPOC
 * once stored; focus after adding a contact; the escalation ticks in quick add lead to "what to do
 * now", where "I've told my SPOC" records a police report on the incident.
 */
import { test, expect } from './fixtures.js';
import { UK_USER, nav } from './ui-helpers.js';
import { axeClean, shotsAt4 } from './g-shots.js';

test.use({
  ...UK_USER,
  vaultSeed: { incidents: [{ title: 'Leaflets torn down', occurredAt: { date: '2024-05-03', approximate: false } }] },
});

test('the strip says call 999; once a SPOC is added (focus on the new contact) it shows her name and phone', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  const strip = page.getByRole('complementary', { name: 'Safety' });
  await expect(strip).toContainText('In danger now? Call 999');
  await expect(strip.getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999');
  await expect(strip.getByRole('button', { name: 'Store your SPOC’s number' })).toBeVisible();

  // Add the SPOC by keyboard: the form's first field gets the focus, then the saved card does.
  await strip.getByRole('button', { name: 'Store your SPOC’s number' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Add a contact' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Kind of contact')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('PS Alex Morgan');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Thames Valley Police');
  await page.keyboard.press('Tab');
  await page.keyboard.type('01865 555 0101');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'PS Alex Morgan', level: 2 })).toBeFocused();
  await expect(strip.getByTestId('strip-spoc')).toHaveText('SPOC: PS Alex Morgan, 01865 555 0101');
  await expect(strip.getByRole('link', { name: '01865 555 0101' })).toHaveAttribute('href', 'tel:018655550101');

  // Cancel and remove also leave the focus somewhere sensible, never on the page body.
  await page.getByRole('button', { name: 'Add a contact' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Add a contact' })).toBeFocused();
  await axeClean(page, 'contacts with the strip');
  await shotsAt4(page, 'contacts-strip-spoc');

  // On every screen.
  for (const screen of ['Timeline', 'Case pack', 'Settings']) {
    await nav(page, screen).click();
    await expect(strip).toContainText('SPOC: PS Alex Morgan, 01865 555 0101');
  }
  await nav(page, 'Timeline').click();
  await shotsAt4(page, 'timeline-strip');
  expect(vault.pageErrors).toEqual([]);
});

test('quick add with an escalation tick: what to do now, and "I’ve told my SPOC" records a police report', async ({
  page,
  vault,
}) => {
  await page.evaluate(() => undefined);
  await vault.unlock();
  await page.evaluate(() =>
    window.vault!.invoke('contacts.create', {
      input: { kind: 'spoc', name: 'PS Alex Morgan', organisation: 'Thames Valley Police', phone: '01865 555 0101' },
    }),
  );
  await page.reload();
  await page.getByRole('button', { name: 'Quick add' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Quick add', level: 1 })).toBeVisible();
  const ticks = page.getByRole('group', { name: 'Is it escalating?' });
  await expect(ticks.getByRole('checkbox')).toHaveCount(3);
  await page.getByLabel('What happened').fill('My home address was posted on a local Facebook group.');
  await ticks.getByLabel('Release of personal information not already public').focus();
  await page.keyboard.press('Space');
  await axeClean(page, 'quick add with escalation ticks');
  await shotsAt4(page, 'quick-add-escalation');
  await page.getByRole('button', { name: 'Save incident' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'What to do now', level: 1 })).toBeFocused();
  await expect(page.getByRole('region', { name: '1. If you are in danger now, call 999' })).toBeVisible();
  const spoc = page.getByRole('region', { name: '2. Tell your SPOC' });
  await expect(spoc).toContainText('Your SPOC: PS Alex Morgan, Thames Valley Police — phone 01865 555 0101');
  await expect(spoc.getByLabel('Whom you told')).toHaveValue('PS Alex Morgan');
  await spoc.getByLabel('Reference they gave (if any)').fill('TVP-24-118812');
  await axeClean(page, 'what to do now');
  await shotsAt4(page, 'what-to-do-now');
  await spoc.getByRole('button', { name: 'I’ve told my SPOC' }).click();
  await expect(page.getByRole('heading', { name: 'Recorded: you told your SPOC' })).toBeFocused();
  await shotsAt4(page, 'what-to-do-now-recorded');

  const list = (await page.evaluate(() => window.vault!.invoke('incidents.list', {}))) as {
    value: { title: string; escalationSignals: string[]; reports: unknown[]; description: string }[];
  };
  const saved = list.value.find((i) => i.escalationSignals.length > 0)!;
  expect(saved.description).toBe('My home address was posted on a local Facebook group.');
  expect(saved.escalationSignals).toEqual(['personal-information-released']);
  const today = new Date();
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  expect(saved.reports).toEqual([
    { kind: 'police', force: 'Thames Valley Police', officer: 'PS Alex Morgan', reference: 'TVP-24-118812', date: iso },
  ]);
  await page.getByRole('button', { name: 'Go to the incident' }).click();
  await expect(page.getByTestId('escalation-banner')).toBeVisible();
  expect(vault.pageErrors).toEqual([]);
});

test('an incident without escalation goes straight to the incident, as before', async ({ page, vault }) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'Quick add' }).click();
  await page.getByLabel('What happened').fill('A rude leaflet through the door.');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { name: 'What to do now' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /A rude leaflet/, level: 1 })).toBeVisible();
});
