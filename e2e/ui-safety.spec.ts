/** The escalation banner (with the SPOC's details once stored), the contacts page and the guidance checklist. */
import { test, expect } from './fixtures.js';
import { UK_USER, nav, shot } from './ui-helpers.js';

test.use({
  ...UK_USER,
  vaultSeed: {
    incidents: [
      {
        title: 'Turned up at my surgery again',
        occurredAt: { date: '2024-06-01', time: '18:00', offset: '+01:00', approximate: false },
        description: 'Third time this month. Knew my new address.',
        escalationSignals: ['fixated-ideas', 'personal-information-released'],
      },
      { title: 'Rude comment', occurredAt: { date: '2024-06-02', approximate: false } },
    ],
  },
});

test('escalation banner: call 999, tell the SPOC, with the SPOC details once stored', async ({ page, vault }) => {
  await vault.unlock();
  await expect(page.getByRole('article', { name: 'Turned up at my surgery again' })).toContainText('Escalation signal');
  await expect(page.getByRole('article', { name: 'Rude comment' })).not.toContainText('Escalation signal');

  await page.getByRole('button', { name: 'Rude comment' }).click();
  await expect(page.getByRole('heading', { name: 'Rude comment', level: 1 })).toBeVisible();
  await expect(page.getByTestId('escalation-banner')).toHaveCount(0);

  await nav(page, 'Timeline').click();
  await page.getByRole('button', { name: 'Turned up at my surgery again' }).click();
  const banner = page.getByRole('region', { name: 'This may be escalating' });
  await expect(banner).toContainText('If you are in danger now, call 999.');
  await expect(banner).toContainText('Tell your police single point of contact (SPOC)');
  await expect(banner).toContainText('Fixated ideas; Release of personal information not already public');
  await expect(banner).toContainText('You have not stored your SPOC’s details yet.');
  await banner.getByRole('button', { name: 'Add them on the Contacts page' }).click();

  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await shot(page, 'contacts-empty');
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await expect(page.getByLabel('Kind of contact')).toHaveValue('spoc');
  await page.getByLabel('Name').fill('DC Jane Smith');
  await page.getByLabel('Organisation').fill('Example Constabulary');
  await page.getByLabel('Phone').fill('01234 567890');
  await page.getByLabel('E-mail').fill('jane.smith@police.example');
  await shot(page, 'contacts-form');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('heading', { name: 'DC Jane Smith' })).toBeVisible();

  await page.getByRole('button', { name: 'Add a contact' }).click();
  await expect(page.getByLabel('Kind of contact')).toHaveValue('police');
  await page.getByLabel('Kind of contact').selectOption({ label: 'Platform trust and safety' });
  await page.getByLabel('Organisation').fill('X trust and safety');
  await page.getByLabel('E-mail').fill('safety@x.example');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('heading', { name: 'X trust and safety' })).toBeVisible();
  await shot(page, 'contacts');

  await nav(page, 'Timeline').click();
  await page.getByRole('button', { name: 'Turned up at my surgery again' }).click();
  await expect(banner.getByLabel('Your SPOC')).toContainText(
    'DC Jane Smith, Example Constabulary — phone 01234 567890',
  );
  await shot(page, 'incident-escalation');
  expect(vault.pageErrors).toEqual([]);
});

test('guidance checklist: ticks are kept and can be come back to', async ({ page, vault }) => {
  await vault.unlock();
  await nav(page, 'Staying safe').click();
  await expect(page.getByRole('heading', { name: 'Staying safe', level: 1 })).toBeVisible();
  await expect(page.getByText('0 of 6 done')).toBeVisible();
  for (const item of [
    'Keep a record of everything',
    'Do not canvass or campaign alone',
    'Do an online health check',
    'Report abuse to the platforms',
    'Call 999 in an emergency',
  ]) {
    await expect(page.getByRole('checkbox', { name: item })).toBeVisible();
  }
  await page.getByRole('checkbox', { name: 'Keep a record of everything' }).check();
  await page.getByRole('checkbox', { name: 'Do an online health check' }).check();
  await expect(page.getByText('2 of 6 done')).toBeVisible();
  await shot(page, 'guidance');

  // Lock, unlock: still ticked (kept in the vault's settings).
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(vault.seed!.passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await nav(page, 'Staying safe').click();
  await expect(page.getByRole('checkbox', { name: 'Keep a record of everything' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Do an online health check' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Do not canvass or campaign alone' })).not.toBeChecked();
  const settings = await page.evaluate(() => window.vault!.invoke('settings.get', {}));
  expect(settings).toMatchObject({ ok: true, value: { guidanceDone: ['keep-records', 'online-health-check'] } });
});
