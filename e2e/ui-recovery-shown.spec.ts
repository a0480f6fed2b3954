/**
 * A vault made in the window counts its recovery key as shown only after "I have saved it": one
 * whose window is closed on the recovery key page says so on its next open; one confirmed does not.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures.js';
import { NEW_PASSPHRASE, UK_USER, unlockThroughUi } from './ui-helpers.js';

test.use(UK_USER);

async function createUpToTheKey(page: import('@playwright/test').Page): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
}

async function recoveryShownFlag(dir: string): Promise<unknown> {
  return (JSON.parse(await readFile(path.join(dir, 'vault.json'), 'utf8')) as { recoveryShown?: unknown })
    .recoveryShown;
}

test('the window closed on the recovery key page: the next open says the key was never shown', async ({
  page,
  context,
  vault,
}) => {
  await createUpToTheKey(page);
  expect(await recoveryShownFlag(vault.dir)).toBe(false);
  // The window goes away before "I have saved it"; the app ends (the vault is closed).
  await page.close();
  await vault.host.service.dispatch('vault.lock', {});

  const next = await context.newPage();
  await vault.open(next);
  await unlockThroughUi(next, NEW_PASSPHRASE);
  const notice = next.getByRole('region', { name: 'When your vault opened' });
  await expect(notice).toContainText("This vault's recovery key was never shown");
  expect(await recoveryShownFlag(vault.dir)).toBe(false);
});

test('the key confirmed with "I have saved it": the next open says nothing about it', async ({ page, vault }) => {
  await createUpToTheKey(page);
  await page.getByLabel('I have saved my recovery key somewhere safe').check();
  await page.getByRole('button', { name: 'Continue to my vault' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  expect(await recoveryShownFlag(vault.dir)).toBeUndefined();

  await vault.host.service.dispatch('vault.lock', {});
  await page.reload();
  await unlockThroughUi(page, NEW_PASSPHRASE);
  await expect(page.getByRole('region', { name: 'When your vault opened' })).toHaveCount(0);
  await expect(page.getByText('recovery key was never shown')).toHaveCount(0);
});
