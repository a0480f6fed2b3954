/**
 * The export wizard's questions for the summary for police (issue 14), in real Chromium against
 * the real core: name and role (kept in the settings when asked), who the pack is for and the
 * crime reference, the note that the defence may see the pack; the PDF then prints them. The
 * Settings screen keeps the constituency, election date, safe contact and times to avoid.
 * Screenshots light and dark at 1280 and 800 wide in EV_SHOTS_DIR (default test-results/screens).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { UK_USER, nav } from './ui-helpers.js';

const SHOTS = process.env.EV_SHOTS_DIR ?? path.join('test-results', 'screens');

async function shots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 800]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-${scheme}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

test.use({
  ...UK_USER,
  vaultSeed: {
    incidents: [
      {
        title: 'Threatening post on X',
        occurredAt: { date: '2019-11-12', time: '20:15', offset: 'Z' },
        categories: ['threatening-behaviour'],
      },
    ],
  },
});

test('the wizard asks for the summary’s details, keeps name and role, warns about the defence; the PDF prints them', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await nav(page, 'Settings').click();
  await page.getByLabel('Your initials').fill('JS');
  await page.getByLabel('Constituency or ward').fill('Ashford');
  await page.getByLabel('Election date').fill('2019-12-12');
  await page.getByLabel('A safe way for the police to contact you').fill('Text my agent first');
  await page.getByLabel('Dates or times the police should avoid').fill('Hustings evenings');
  await page.getByRole('button', { name: 'Save my details' }).click();
  await expect(page.getByText('Your details were saved.')).toBeVisible();
  await shots(page, 'settings-about-you');

  await nav(page, 'Case pack').click();
  await page.getByRole('button', { name: 'Make a case pack' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Make a case pack: for the summary for police' })).toBeVisible();
  await page.getByLabel('Your name').fill('Jane Smith');
  await page.getByLabel('Your role').fill('Parliamentary candidate');
  await page.getByLabel('Who it is for').fill('PC 1234 Patel, Kent Police');
  await page.getByLabel('Crime or incident reference').fill('46/12345/19');
  await shots(page, 'pack-wizard-summary-step');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Make a case pack: details' })).toBeVisible();
  await expect(page.getByText(/^The defence may see what you send/)).toBeVisible();
  await shots(page, 'pack-wizard-details-step');
  await page.getByRole('button', { name: 'Make the case pack' }).click();
  await expect(page.getByRole('heading', { name: 'Your case pack is ready' })).toBeVisible({ timeout: 30_000 });

  // Name and role were kept in the settings; the other details are still there.
  await nav(page, 'Settings').click();
  await expect(page.getByLabel('Your name')).toHaveValue('Jane Smith');
  await expect(page.getByLabel('Constituency or ward')).toHaveValue('Ashford');

  // The PDF's summary prints what was given.
  const exportsDir = path.join(path.dirname(vault.dir), 'Evidence Vault exports');
  const zip = path.join(exportsDir, readdirSync(exportsDir).find((n) => n.endsWith('.zip')) ?? '');
  const unpacked = path.join(exportsDir, 'unzipped');
  execFileSync('unzip', ['-q', zip, '-d', unpacked]);
  const bag = path.join(unpacked, readdirSync(unpacked)[0] ?? '');
  const text = execFileSync('pdftotext', ['-layout', path.join(bag, 'data/chronology.pdf'), '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
  expect(text).toContain('Name: Jane Smith');
  expect(text).toContain('Role: Parliamentary candidate, Ashford');
  expect(text).toContain('Election: Thu 12/12/2019');
  expect(text).toContain('Safe way to make contact: Text my agent first');
  expect(text).toContain('Prepared for: PC 1234 Patel, Kent Police');
  expect(text).toContain('Crime reference given for this pack: 46/12345/19');
  expect(vault.requests.filter((r) => r.external)).toEqual([]);
});
