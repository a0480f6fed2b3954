/**
 * A vault made in the window counts its recovery key as shown only after "I have saved it": one
 * whose window is closed on the recovery key page says so on its next open; one confirmed does not.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures.js';
import { NEW_PASSPHRASE, SCREENS_DIR, UK_USER, nav, setTheme, typeBackGroups, unlockThroughUi } from './ui-helpers.js';

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

test('the window closed on the recovery key page: the next open says the key was never shown; Settings makes a new one', async ({
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

  // Settings makes a new one; it counts as shown only after "I have saved it".
  await nav(next, 'Settings').click();
  const card = next.getByRole('region', { name: 'Recovery key' });
  await card.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(card.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await card.getByRole('button', { name: 'Make a new key' }).click();
  const key = ((await card.getByTestId('new-recovery-key').textContent()) ?? '').trim();
  expect(key.length).toBeGreaterThan(20);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(next, theme);
    for (const width of [1280, 800]) {
      await next.setViewportSize({ width, height: 900 });
      await card.scrollIntoViewIfNeeded();
      await next.screenshot({ path: path.join(SCREENS_DIR, `${theme}-${width}-settings-new-recovery-key.png`) });
    }
  }
  await setTheme(next, 'light');
  expect(await recoveryShownFlag(vault.dir)).toBe(false);
  await card.getByRole('button', { name: 'I have saved it — done' }).click();
  await expect(card.getByRole('alert')).toContainText(/does not match your recovery key/);
  expect(await recoveryShownFlag(vault.dir)).toBe(false);
  await typeBackGroups(card, key);
  await card.getByRole('button', { name: 'I have saved it — done' }).click();
  await expect(card.getByRole('status')).toContainText('Your new recovery key is saved');
  expect(await recoveryShownFlag(vault.dir)).toBeUndefined();
  const tested = await next.evaluate((k) => window.vault!.invoke('vault.testRecoveryKey', { recoveryKey: k }), key);
  expect(tested).toEqual({ ok: true, value: null });

  await vault.host.service.dispatch('vault.lock', {});
  await next.reload();
  await unlockThroughUi(next, NEW_PASSPHRASE);
  await expect(next.getByText('recovery key was never shown')).toHaveCount(0);
});

test('the key confirmed with "I have saved it": the next open says nothing about it', async ({ page, vault }) => {
  await createUpToTheKey(page);
  await typeBackGroups(page.locator('body'), (await page.getByTestId('recovery-key').textContent())?.trim() ?? '');
  await page.getByRole('button', { name: 'Continue to my vault' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  expect(await recoveryShownFlag(vault.dir)).toBeUndefined();

  await vault.host.service.dispatch('vault.lock', {});
  await page.reload();
  await unlockThroughUi(page, NEW_PASSPHRASE);
  await expect(page.getByRole('region', { name: 'When your vault opened' })).toHaveCount(0);
  await expect(page.getByText('recovery key was never shown')).toHaveCount(0);
});
