/** What the unlock found is said on the first screen: here, a passphrase protected below the default cost. */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { UK_USER, setTheme, shot, unlockThroughUi } from './ui-helpers.js';

test.use({ ...UK_USER, vaultSeed: {}, hostKdf: 'default' });

test('a weakly protected vault says so after unlocking, with a way to Settings; Dismiss hides it', async ({
  page,
  vault,
}) => {
  await unlockThroughUi(page, vault.seed?.passphrase ?? '');
  const notice = page.getByRole('region', { name: 'When your vault opened' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('protected more weakly than it should be');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const [w, h] of [
      [1280, 800],
      [800, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await shot(page, `${theme}-${w}-open-notices`);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v) => `${v.id}: ${v.help}`),
        `axe, ${theme} ${w}`,
      ).toEqual([]);
    }
  }
  await notice.getByRole('button', { name: 'Go to Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('region', { name: 'When your vault opened' })).toHaveCount(0);
});
