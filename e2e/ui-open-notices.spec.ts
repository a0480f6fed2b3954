/** What the unlock found is said on the first screen: here, a passphrase protected below the default cost. */
import { test, expect } from './fixtures.js';
import { UK_USER, shotsAndAxe, unlockThroughUi } from './ui-helpers.js';

test.use({ ...UK_USER, vaultSeed: {}, hostKdf: 'default' });

test('a weakly protected vault says so after unlocking, with a way to Settings; Dismiss hides it', async ({
  page,
  vault,
}) => {
  await unlockThroughUi(page, vault.seed?.passphrase ?? '');
  const notice = page.getByRole('region', { name: 'When your vault opened' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('protected more weakly than it should be');
  await shotsAndAxe(page, 'open-notices');
  await notice.getByRole('button', { name: 'Go to Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('region', { name: 'When your vault opened' })).toHaveCount(0);
});
