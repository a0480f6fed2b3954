/**
 * The exhibit page's "History" (issue 13): every earlier version of the producer's account of an exhibit,
 * from 'exhibits.history', in a dialog like the incident's; and physical items counted as items, not
 * files, on the timeline and the incident. Against the real core; axe-clean; screenshots light and dark
 * at 1280 and 800 wide (SCREENS_DIR).
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { SCREENS_DIR, UK_USER, setTheme, shot } from './ui-helpers.js';

const INCIDENT = { title: 'Posters defaced', occurredAt: { date: '2019-11-15', approximate: false } };

test.use({ ...UK_USER, vaultSeed: { incidents: [INCIDENT], attach: [{ incident: 0, files: ['damage.jpg'] }] } });

async function axeClean(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `axe on ${name}`).toEqual([]);
}

async function exhibitIds(page: Page): Promise<{ incidentId: string; photo: string }> {
  const r = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
  if (!r.ok) throw new Error('incidents.list failed');
  const inc = r.value[0]!;
  return { incidentId: inc.id, photo: inc.exhibits.find((e) => e.name === 'damage.jpg')!.id };
}

/** Saves the producer's account through window.vault, as the form does ('exhibits.update'). */
async function saveAccount(
  page: Page,
  id: string,
  details: { description?: string; originalLocation?: string; obtainedHow?: 'phone-photo' },
  physical?: { keptAt: string; handledBy?: string },
): Promise<void> {
  const r = await page.evaluate(
    ([i, d, p]) => window.vault!.invoke('exhibits.update', { id: i, details: d, ...(p ? { physical: p } : {}) }),
    [id, details, physical] as const,
  );
  expect(r.ok).toBe(true);
}

async function openExhibit(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: INCIDENT.title }).click();
  await page.getByRole('button', { name: `View ${name}` }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('the exhibit page shows every earlier version of the account: first in full, then each change before and after', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  const { photo } = await exhibitIds(page);
  await openExhibit(page, 'damage.jpg');

  // Never described: one version, from the import.
  const account = page.getByRole('region', { name: 'Your account of it' });
  const history = account.getByRole('button', { name: 'History' });
  await history.click();
  let dialog = page.getByRole('dialog', { name: 'History of your account of damage.jpg' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText([
    /^Version 1: added \w{3} \d\d\/\d\d\/\d{4} \d\d:\d\d$/,
  ]);
  await expect(dialog).toContainText('Not described then.');
  await expect(dialog).toContainText('It has not been changed since.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(history).toBeFocused();

  // Two saves: the description written, then corrected and the original's place added.
  await saveAccount(page, photo, { description: 'Photo of the scratch on the car door.', obtainedHow: 'phone-photo' });
  await saveAccount(page, photo, {
    description: 'Photo of the key scratch along the driver’s door.',
    obtainedHow: 'phone-photo',
    originalLocation: 'On my phone, in the album "Car"',
  });
  await page.reload();
  await openExhibit(page, 'damage.jpg');
  await expect(page.getByTestId('exhibit-account')).toContainText('Photo of the key scratch along the driver’s door.');
  await account.getByRole('button', { name: 'History' }).click();
  dialog = page.getByRole('dialog', { name: 'History of your account of damage.jpg' });
  const versions = dialog.getByTestId('exhibit-history').getByRole('listitem');
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(0)).toContainText('Not described then.');
  await expect(versions.nth(1).getByRole('heading')).toHaveText(/^Version 2: changed /);
  await expect(versions.nth(1)).toContainText('Changed: description, how you got it.');
  const v2 = versions.nth(1).getByRole('definition').first();
  await expect(v2.locator('.history-before')).toHaveText('Before (not given)');
  await expect(v2.locator('.history-after')).toHaveText('After Photo of the scratch on the car door.');
  await expect(versions.nth(1)).toContainText('Photo or screenshot taken on a phone');
  await expect(versions.nth(2).getByRole('heading')).toHaveText(/^Version 3: changed .*\(as it reads now\)$/);
  await expect(versions.nth(2)).toContainText('Changed: description, where the original is now.');
  await expect(versions.nth(2)).toContainText('Before Photo of the scratch on the car door.');
  await expect(versions.nth(2)).toContainText('After Photo of the key scratch along the driver’s door.');
  await expect(versions.nth(2)).toContainText('After On my phone, in the album "Car"');
  await axeClean(page, 'exhibit history dialog');

  const shots = [
    ['light', 1280],
    ['dark', 1280],
    ['light', 800],
    ['dark', 800],
  ] as const;
  for (const [theme, width] of shots) {
    await setTheme(page, theme);
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(100);
    mkdirSync(SCREENS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS_DIR, `exhibit-history-${theme}-${width}.png`) });
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  for (const [theme, width] of shots) {
    await setTheme(page, theme);
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `exhibit-page-${theme}-${width}`);
  }
  expect(vault.pageErrors).toEqual([]);
});

test('a physical item: its history says where it was kept before; it is counted as an item, never as a file', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  const { incidentId } = await exhibitIds(page);
  const added = await page.evaluate(
    (incident) =>
      window.vault!.invoke('exhibits.addPhysical', {
        incidentId: incident,
        name: 'Letter and envelope',
        details: { description: 'Handwritten letter pushed through the office door.' },
        physical: { keptAt: 'office desk drawer' },
      }),
    incidentId,
  );
  expect(added.ok).toBe(true);
  const itemId = added.ok ? added.value.id : '';
  await saveAccount(
    page,
    itemId,
    { description: 'Handwritten letter pushed through the office door.' },
    { keptAt: 'office safe, brown paper envelope', handledBy: 'Me and my agent Sam Jones' },
  );
  await page.reload();

  // The timeline: one picture and one physical item (not "1 file").
  const row = page.getByRole('article', { name: INCIDENT.title });
  await expect(row).toContainText('2 exhibits: 1 picture, 1 physical item');
  await expect(row).not.toContainText('file');
  // The incident: two exhibits, one file and one item.
  await page.getByRole('button', { name: INCIDENT.title }).click();
  await expect(page.getByRole('heading', { name: 'Exhibits (2)' })).toBeVisible();
  await expect(page.getByTestId('exhibit-counts')).toHaveText('1 file, 1 physical item');

  await page.getByRole('button', { name: 'View Letter and envelope' }).click();
  await page.getByRole('region', { name: 'Your account of it' }).getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: 'History of your account of Letter and envelope' });
  const versions = dialog.getByTestId('exhibit-history').getByRole('listitem');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0).getByRole('heading')).toHaveText(/^Version 1: recorded /);
  await expect(versions.nth(0)).toContainText('Where it is kept');
  await expect(versions.nth(0)).toContainText('office desk drawer');
  await expect(versions.nth(1)).toContainText('Changed: where it is kept, who has handled it.');
  await expect(versions.nth(1)).toContainText('Before office desk drawer');
  await expect(versions.nth(1)).toContainText('After office safe, brown paper envelope');
  await expect(versions.nth(1)).toContainText('Before (not given)');
  await expect(versions.nth(1)).toContainText('After Me and my agent Sam Jones');
  await shot(page, 'exhibit-history-physical');
  expect(vault.pageErrors).toEqual([]);
});
