/** English and Welsh: the language chosen in Settings changes the words at once, is remembered, and stays axe-clean. */
import { test, expect } from './fixtures.js';
import type { Page } from '@playwright/test';
import { UK_USER, nav, shot, shotsAndAxe } from './ui-helpers.js';

/** The main navigation in Welsh ("Prif"). */
const navCy = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Prif' }).getByRole('button', { name, exact: true });

test.use({
  ...UK_USER,
  vaultSeed: {
    incidents: [{ title: 'Leaflets torn down', occurredAt: { date: '2024-05-03', approximate: false } }],
  },
});

test('choose Cymraeg in Settings: the checklist and shortcuts are in Welsh, remembered after a reload', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await nav(page, 'Settings').click();
  await page.getByLabel('Language').selectOption('cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('button', { name: 'Cofnod cyflym' })).toBeVisible();
  await expect(page).toHaveTitle('Gosodiadau — Evidence Vault');
  // The picker itself now speaks Welsh.
  await expect(page.getByLabel('Iaith')).toHaveValue('cy');

  // The safety strip, always in view.
  await expect(page.getByRole('complementary', { name: 'Diogelwch' })).toContainText('Mewn perygl nawr? Ffoniwch 999');
  await navCy(page, 'Cadw’n ddiogel').click();
  await expect(page.getByRole('heading', { name: 'Cadw’n ddiogel' })).toBeVisible();
  await expect(page.getByText('Ffoniwch 999 mewn argyfwng')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'wedi’u gwneud' })).toHaveText(/^0 o 6 wedi’u gwneud$/);
  await page.getByRole('checkbox', { name: 'Cadwch gofnod o bopeth' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'wedi’u gwneud' })).toHaveText('1 o 6 wedi’u gwneud');

  await shotsAndAxe(page, 'language-cy-guidance');

  // The course of conduct, with its dates through Intl in Welsh.
  await navCy(page, 'Cwrs ymddygiad').click();
  await expect(page.getByRole('heading', { name: 'Cwrs ymddygiad', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('button', {
      name: /^Dydd Gwener 3 Mai 2024, Dyddiad yn unig, amser ddim yn hysbys: Leaflets torn down$/,
    }),
  ).toBeVisible();
  await shot(page, 'language-cy-conduct');

  await page.keyboard.press('?');
  await expect(page.getByRole('heading', { name: 'Llwybrau byr bysellfwrdd' })).toBeVisible();
  await page.getByRole('button', { name: 'Cau' }).click();

  await page.reload();
  await vault.unlock();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await navCy(page, 'Cadw’n ddiogel').click();
  await expect(page.getByRole('heading', { name: 'Cadw’n ddiogel' })).toBeVisible();

  // Back to English.
  await navCy(page, 'Gosodiadau').click();
  await page.getByLabel('Iaith').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await nav(page, 'Staying safe').click();
  await expect(page.getByRole('heading', { name: 'Staying safe' })).toBeVisible();
  expect(vault.pageErrors).toEqual([]);
});
