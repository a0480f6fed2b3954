/**
 * An axe-core scan of every screen, in light and dark, in English and Welsh, at 1280 and 800 wide (every
 * pair of these scanned; see scan): no serious or critical violation. Each screen is also saved as a
 * screenshot in SCREENS_DIR (<theme>-<screen>.png; see ui-helpers.ts) for a person to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { NEW_PASSPHRASE, UK_USER, nav, screenshotsTaken, setLanguage, shot, typeBackGroups } from './ui-helpers.js';

/**
 * One screen, in English and in Welsh, at its own size and at the other (1280×800 or 800×700): a
 * screenshot of each (when screenshots are taken), and axe on half of them, chosen so that every pair of
 * theme, language and size is scanned (pairwise): light at its own size in English and at the other in
 * Welsh, dark at its own size in Welsh and at the other in English. What axe finds turns on the theme
 * (contrast), the language (longer words, lang attributes) and the size (reflow, hidden controls), and on
 * any two of them together; the full eight per screen cost twice the time for no pair not already seen.
 * The language is switched on the screen itself (setLanguage), so dialogs and half-filled forms keep
 * their state; the page is left as found.
 */
async function scan(page: Page, name: string): Promise<void> {
  const own = page.viewportSize() ?? { width: 1280, height: 720 };
  const other = own.width >= 1000 ? { width: 800, height: 700 } : { width: 1280, height: 800 };
  const dark = await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
  for (const size of [own, other]) {
    for (const language of ['en', 'cy'] as const) {
      // Light: own size in English, the other in Welsh; dark: the other way round.
      const axe = (size === own) === (language === (dark ? 'cy' : 'en'));
      if (!axe && !screenshotsTaken()) continue;
      await page.setViewportSize(size);
      await setLanguage(page, language);
      const variant = `${name}${language === 'cy' ? '-cy' : ''}${size === own ? '' : `-${size.width}`}`;
      await scanOne(page, variant, axe);
    }
  }
  await setLanguage(page, 'en');
  await page.setViewportSize(own);
}

async function scanOne(page: Page, name: string, axe: boolean): Promise<void> {
  await page.waitForTimeout(150); // let fades, lazy loads and focus settle
  await shot(page, name);
  if (!axe) return;
  // The e-mail frame is sandboxed without scripts, so axe cannot run inside it (which is the point);
  // its content is sanitised static HTML. Everything else is scanned.
  const results = await new AxeBuilder({ page })
    .exclude('iframe.email-frame')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    // Every violation is still listed in full; the passes are not detailed (about a tenth less time).
    .options({ resultTypes: ['violations'] })
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = (vs: typeof results.violations) =>
    vs.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  const minor = results.violations.filter((v) => !bad.includes(v));
  if (minor.length > 0) console.log(`[${name}] minor:`, summary(minor).join('\n  '));
  expect(summary(bad), `axe on ${name}`).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ ...UK_USER, colorScheme: theme });

    test.describe('first run', () => {
      test('create vault and recovery key screens', async ({ page, vault }) => {
        void vault;
        test.setTimeout(300_000);
        await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
        await scan(page, `${theme}-create-vault`);
        await page.getByLabel('Passphrase', { exact: true }).fill('short');
        await page.getByRole('button', { name: 'Create vault' }).click();
        await scan(page, `${theme}-create-vault-errors`);
        await page.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
        await page.getByLabel('Type the passphrase again').fill(NEW_PASSPHRASE);
        await expect(page.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
        await page.getByRole('button', { name: 'Create vault' }).click();
        await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
        await scan(page, `${theme}-recovery-key`);
        // The three-step start on the timeline, then its second step.
        const key = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
        await typeBackGroups(page.locator('body'), key);
        await page.getByRole('button', { name: 'Continue to my vault' }).click();
        await expect(page.getByRole('region', { name: /Getting started/ })).toBeVisible();
        await scan(page, `${theme}-first-run`);
        await page.getByRole('button', { name: 'Skip this step' }).click();
        await expect(page.getByRole('heading', { name: /step 2 of 3/ })).toBeVisible();
        await scan(page, `${theme}-first-run-step-2`);
      });
    });

    test.describe('with a record', () => {
      test.use({
        vaultSeed: {
          people: [{ name: 'Alice Troll', handles: ['@alice99'] }],
          contacts: [
            { kind: 'spoc', name: 'DC Jane Smith', organisation: 'Example Constabulary', phone: '01234 567890' },
          ],
          incidents: [
            {
              title: 'Threatening e-mail',
              occurredAt: { date: '2019-11-14', time: '23:59', offset: '-05:00', approximate: false },
              description: 'An e-mail saying “we’re watching”, with a tracking picture.',
              categories: ['malicious-communication', 'harassment'],
              channel: { kind: 'email' },
              escalationSignals: ['fixated-ideas'],
              reports: [
                { kind: 'police', force: 'Example Constabulary', reference: 'EX/123', officer: '', date: '2019-11-15' },
              ],
            },
            {
              title: 'Posters defaced',
              occurredAt: { date: '2019-11-15', approximate: true },
              description: 'Posters on Church Road torn and sprayed.',
              categories: ['criminal-damage'],
              channel: { kind: 'in-person' },
              location: 'Church Road',
            },
          ],
          attach: [
            { incident: 0, files: ['email-2.eml'] },
            { incident: 1, files: ['post-1.png', 'letter.pdf', 'damage.jpg'] },
          ],
        },
      });

      test('every screen behind the lock', async ({ page, vault }) => {
        // About 25 screens, each scanned four times (two languages, two sizes): minutes, more when the machine is shared.
        test.setTimeout(900_000);
        await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
        await scan(page, `${theme}-unlock`);
        await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase here');
        await page.getByRole('button', { name: 'Unlock', exact: true }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        await scan(page, `${theme}-unlock-wrong`);
        await page.getByLabel('Passphrase', { exact: true }).fill(vault.seed!.passphrase);
        await page.getByRole('button', { name: 'Unlock', exact: true }).click();

        await expect(page.getByRole('article', { name: 'Posters defaced' })).toBeVisible();
        await scan(page, `${theme}-timeline`);
        // The chronology view (and its To do panel), then back to the cards.
        await page.getByRole('button', { name: 'Chronology', exact: true }).click();
        await expect(page.getByRole('table', { name: 'Chronology' })).toBeVisible();
        await scan(page, `${theme}-timeline-chronology`);
        await page.getByRole('button', { name: 'Test it now' }).click();
        await scan(page, `${theme}-timeline-todo-key`);
        await page.getByRole('button', { name: 'Not now' }).click();
        await page.getByRole('button', { name: 'Cards', exact: true }).click();
        await expect(page.getByRole('article', { name: 'Posters defaced' })).toBeVisible();
        // At 800 px: the navigation behind Menu, open.
        await page.setViewportSize({ width: 800, height: 700 });
        await page.getByRole('button', { name: 'Menu' }).click();
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
        await scan(page, `${theme}-timeline-800-menu`);
        await page.keyboard.press('Escape');
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.getByText('More filters').click();
        await page.getByLabel('Search', { exact: true }).fill('posters');
        await expect(page.locator('.result-count')).toHaveText('Showing 1 of 2 incidents');
        await scan(page, `${theme}-timeline-filtered`);
        await page.getByRole('button', { name: 'Clear search and filters' }).click();

        await page.getByRole('button', { name: 'Threatening e-mail' }).click();
        await expect(page.getByTestId('escalation-banner')).toBeVisible();
        await scan(page, `${theme}-incident-escalation`);
        // Recorded at 23:59 -05:00; the UK reader also sees their own time.
        await expect(page.getByText('23:59 (UTC-05:00)')).toBeVisible();
        await expect(page.getByText('(04:59 on Friday 15 November 2019 in your time zone)')).toBeVisible();
        await expect(page).toHaveTitle('Incident — Evidence Vault');
        await page.getByRole('button', { name: 'View email-2.eml' }).click();
        await expect(page.getByTestId('email-view')).toBeVisible();
        await expect(page.frameLocator('iframe.email-frame').locator('body')).toContainText('Your posters');
        await scan(page, `${theme}-exhibit-email`);

        await nav(page, 'Timeline').click();
        await page.getByRole('button', { name: 'Posters defaced' }).click();
        await expect(page.getByRole('img', { name: 'Thumbnail of post-1.png' })).toBeVisible();
        await scan(page, `${theme}-incident-exhibits`);
        await page.getByRole('button', { name: 'View damage.jpg' }).click();
        await expect(page.getByRole('img', { name: 'Picture: damage.jpg' })).toBeVisible();
        await scan(page, `${theme}-exhibit-image`);
        await page.getByRole('button', { name: /Back to/ }).click();
        await page.getByRole('button', { name: 'View letter.pdf' }).click();
        await expect(page.getByRole('img', { name: /Page 1 of 1/ })).toBeVisible();
        await scan(page, `${theme}-exhibit-pdf`);
        await page.getByRole('button', { name: /Back to/ }).click();
        await page.getByRole('button', { name: 'Delete' }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await scan(page, `${theme}-delete-dialog`);
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: 'Edit' }).click();
        await expect(page.getByRole('heading', { name: 'Edit incident' })).toBeVisible();
        await scan(page, `${theme}-incident-editor`);
        await page.getByRole('button', { name: 'Quick add' }).click();
        await page.getByRole('button', { name: 'Save incident' }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        await scan(page, `${theme}-quick-add-errors`);
        await page.getByRole('button', { name: 'New incident' }).click();
        await expect(page.getByRole('heading', { name: 'New incident' })).toBeVisible();
        await scan(page, `${theme}-new-incident`);

        for (const [item, heading, file] of [
          ['Course of conduct', 'Course of conduct', 'conduct'],
          ['Contacts', 'Contacts', 'contacts'],
          ['Staying safe', 'Staying safe', 'guidance'],
          ['Case pack', 'Case pack', 'case-pack'],
          ['Settings', 'Settings', 'settings'],
        ] as const) {
          await nav(page, item).click();
          await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
          await scan(page, `${theme}-${file}`);
        }
        await nav(page, 'Course of conduct').click();
        await page.getByRole('button', { name: 'Edit details of Alice Troll' }).click();
        await scan(page, `${theme}-conduct-person-form`);
        await page.getByRole('button', { name: 'Cancel' }).click();
        await page.getByRole('button', { name: 'Remove person: Alice Troll' }).click();
        await expect(page.getByRole('dialog', { name: 'Remove Alice Troll?' })).toBeVisible();
        await scan(page, `${theme}-conduct-remove-person`);
        await page.keyboard.press('Escape');
        await nav(page, 'Contacts').click();
        await page.getByRole('button', { name: 'Add a contact' }).click();
        await scan(page, `${theme}-contacts-form`);
        await nav(page, 'Case pack').click();
        await page.getByRole('button', { name: 'Make a case pack' }).click();
        await expect(page.getByText('Opening…')).toHaveCount(0);
        await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Case pack');
        await scan(page, `${theme}-case-pack-export`);
        await nav(page, 'Timeline').click();
        await nav(page, 'Case pack').click();
        await page.getByRole('button', { name: 'Check a case pack' }).click();
        await expect(page.getByText('Opening…')).toHaveCount(0);
        await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Case pack');
        await scan(page, `${theme}-case-pack-verify`);
        expect(vault.pageErrors).toEqual([]);
        expect(vault.consoleErrors).toEqual([]); // no CSP violation, no failed load
      });
    });
  });
}

test.describe('theme setting', () => {
  test.use({ ...UK_USER, colorScheme: 'light', vaultSeed: {} });
  test('the Colours setting overrides the system theme and is kept', async ({ page, vault }) => {
    await vault.unlock();
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await nav(page, 'Settings').click();
    await page.getByLabel('Colours').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await bg()).not.toBe(light);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('"Same as my computer" follows the system colours as they change, with the one dark palette', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    const light = await bg();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
    const dark = await bg();
    expect(dark).not.toBe(light);
    // A chosen theme wins over the system's.
    await nav(page, 'Settings').click();
    await page.getByLabel('Colours').selectOption('light');
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(await bg()).toBe(light);
    await page.getByLabel('Colours').selectOption('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await bg()).toBe(dark);
  });
});
