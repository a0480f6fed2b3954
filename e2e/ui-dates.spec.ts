/**
 * Dates the UK way and times never invented (issue 12, item 2), on a US-English computer in New
 * York: day / month / year whatever the browser's language, echoed in words; no time unless she
 * types one or chooses "Just now"; the hour that happens twice when the clocks go back asked; a
 * time that never happened and a future date refused, with nothing saved.
 */
import { test, expect } from './fixtures.js';
import { shot, setTheme, typeDateTime } from './ui-helpers.js';
import type { Page } from '@playwright/test';

test.use({ locale: 'en-US', timezoneId: 'America/New_York', vaultSeed: {} });

async function quickAdd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Quick add' }).click();
  await expect(page.getByRole('heading', { name: 'Quick add', level: 1 })).toBeVisible();
}

async function stored(page: Page) {
  const r = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

test('typing 18/11/2019 on an en-US browser saves 18 November 2019, with no time', async ({ page, vault }) => {
  await vault.unlock();
  await quickAdd(page);
  // No time is filled in for her.
  const time = page.getByRole('group', { name: 'Time (if known)', exact: true });
  await expect(time.getByRole('spinbutton', { name: /hour/i })).toHaveText(/^(––|--|hh)$/);
  await typeDateTime(page, 'Date', '18112019');
  await expect(page.getByText('Monday 18 November 2019')).toBeVisible();
  await page.getByLabel('What happened').fill('Leaflets torn down on the high street');
  await page.getByRole('button', { name: 'Save incident' }).click();

  await expect(page.getByRole('heading', { name: 'Leaflets torn down on the high street', level: 1 })).toBeVisible();
  await expect(page.getByText('Monday 18 November 2019')).toBeVisible();
  await expect(page.getByText('Date only, time not known')).toBeVisible();
  const [saved] = await stored(page);
  expect(saved!.occurredAt).toEqual({ date: '2019-11-18', approximate: false });

  await page.getByRole('button', { name: 'Timeline', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  await expect(page.getByText('Monday 18 November 2019')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^November 2019/, level: 2 })).toBeVisible();
  await expect(page.getByText('Date only, time not known')).toBeVisible();
  expect(vault.pageErrors).toEqual([]);
});

test('a time typed in November is UK time, GMT (+00:00)', async ({ page, vault }) => {
  await vault.unlock();
  await quickAdd(page);
  await typeDateTime(page, 'Date', '18112019');
  await typeDateTime(page, 'Time (if known)', '2015');
  await expect(page.getByLabel('Time zone')).toHaveValue('uk');
  await expect(page.getByLabel('Time zone').locator('option:checked')).toHaveText('UK time (GMT/BST)');
  await page.getByLabel('What happened').fill('Phone call, no number shown');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByText('20:15 (UTC)')).toBeVisible();
  const [saved] = await stored(page);
  expect(saved!.occurredAt).toEqual({ date: '2019-11-18', time: '20:15', offset: 'Z', approximate: false });
});

test('01:30 on 27/10/2024 happened twice: she is asked which, and nothing is saved until she says', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await quickAdd(page);
  await typeDateTime(page, 'Date', '27102024');
  await typeDateTime(page, 'Time (if known)', '0130');
  const question = page.getByRole('radiogroup', {
    name: '01:30 happened twice that night: the first time (BST, +01:00) or the second (GMT, +00:00)?',
  });
  await expect(question).toBeVisible();
  await page.getByLabel('What happened').fill('Banging on the door in the night');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await shot(page, `${theme}-${width}-quick-add-twice`);
    }
  }
  await setTheme(page, 'light');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('alert')).toContainText('01:30 happened twice that night');
  await expect(question).toContainText('Choose the first or the second time.');
  expect(await stored(page)).toEqual([]);

  await question.getByLabel('The second time (GMT, +00:00)').check();
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { name: 'Banging on the door in the night', level: 1 })).toBeVisible();
  const [saved] = await stored(page);
  expect(saved!.occurredAt).toEqual({ date: '2024-10-27', time: '01:30', offset: 'Z', approximate: false });
});

test('01:30 on 31/03/2024 never happened in the UK: refused with a plain line, nothing saved', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await quickAdd(page);
  await typeDateTime(page, 'Date', '31032024');
  await typeDateTime(page, 'Time (if known)', '0130');
  await page.getByLabel('What happened').fill('Car alarm');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('alert')).toContainText(
    '01:30 on 31/03/2024 never happened in the UK: the clocks went forward an hour that night. Check the time.',
  );
  expect(await stored(page)).toEqual([]);
});

test('a future date is refused and nothing is saved', async ({ page, vault }) => {
  await vault.unlock();
  await quickAdd(page);
  const nextYear = new Date().getUTCFullYear() + 1;
  await typeDateTime(page, 'Date', `0101${nextYear}`);
  await page.getByLabel('What happened').fill('Not yet');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('alert')).toContainText('This date is in the future. Check the day, month and year.');
  const date = page.getByRole('group', { name: 'Date', exact: true });
  await expect(date.getByRole('spinbutton').first()).toHaveAttribute('aria-invalid', 'true');
  expect(await stored(page)).toEqual([]);
});

test('"Just now" fills today and the time; another date then clears that time', async ({ page, vault }) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'New incident' }).click();
  await expect(page.getByRole('heading', { name: 'New incident', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Just now' }).click();
  const hour = page.getByRole('group', { name: 'Time (if known)', exact: true }).getByRole('spinbutton').first();
  await expect(hour).toHaveText(/^\d{2}$/);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await shot(page, `${theme}-${width}-new-incident-just-now`);
    }
  }
  await setTheme(page, 'light');
  await typeDateTime(page, 'Date', '12112019');
  await expect(page.getByText('Tuesday 12 November 2019')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The time from “Just now” was cleared' })).toBeVisible();
  await expect(hour).not.toHaveText(/^\d{2}$/);
  await page.getByLabel('Title').fill('Letter through the door');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { name: 'Letter through the door', level: 1 })).toBeVisible();
  const [saved] = await stored(page);
  expect(saved!.occurredAt).toEqual({ date: '2019-11-12', approximate: false });
});
