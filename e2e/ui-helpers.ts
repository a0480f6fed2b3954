/** Helpers for the UI specs: create/unlock through the real forms, screenshots of every screen. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const SCREENS_DIR = path.resolve('test-results/screens');
export const NEW_PASSPHRASE = 'lantern orchard pebble kettle';

/** Save a full-page screenshot to test-results/screens/<name>.png (look at them!). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/** First run through the real screens; returns the recovery key shown. */
export async function createVaultThroughUi(page: Page, passphrase = NEW_PASSPHRASE): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type the passphrase again').fill(passphrase);
  await expect(page.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
  await page.getByLabel('I have saved my recovery key somewhere safe').check();
  await page.getByRole('button', { name: 'Continue to my vault' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  return key;
}

export async function unlockThroughUi(page: Page, passphrase: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
}

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
}

/** A main navigation item ("Timeline", "Contacts", …). */
export function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
}

/** A British user: dates in inputs as dd/mm/yyyy, the UK time zone (deterministic offsets). */
export const UK_USER = { locale: 'en-GB', timezoneId: 'Europe/London' } as const;
