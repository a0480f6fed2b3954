/**
 * The cards view is dense enough to read a record at a glance: at 1280×800 at least six incidents
 * are wholly in view (with the To do panel and the filters above them), each card still showing
 * its number, time, title, exhibit references and both report states; at 800×700 no badge is cut
 * off; in Welsh, whose words are longer, nothing is cut off and six or more are in view too.
 * Screenshots go to EV_CARDS_SHOTS.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { UK_USER, setLanguage } from './ui-helpers.js';
import { axeClean } from './g-shots.js';

test.use(UK_USER);

const SHOTS = process.env.EV_CARDS_SHOTS ?? '';

async function shots(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const [w, h] of [
      [1280, 800],
      [800, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${theme}-${w}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
}

/** The cards wholly inside the window. */
async function fullyVisible(cards: Locator): Promise<number> {
  return cards.evaluateAll(
    (els) =>
      els.filter((el) => {
        const r = el.getBoundingClientRect();
        return (
          r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth
        );
      }).length,
  );
}

/** Badges whose text is cut off (wider than their own box, or out of their card). */
async function clippedBadges(page: Page): Promise<string[]> {
  return page.locator('.scroller').evaluate((root) => {
    const bad: string[] = [];
    for (const b of Array.from(root.querySelectorAll<HTMLElement>('.entry .badge'))) {
      const card = b.closest<HTMLElement>('.entry')!;
      const r = b.getBoundingClientRect();
      const c = card.getBoundingClientRect();
      if (b.scrollWidth > b.clientWidth || r.left < c.left - 1 || r.right > c.right + 1) {
        bad.push(`${b.textContent ?? ''} (${Math.round(r.width)} px)`);
      }
    }
    return bad;
  });
}

test.describe('eight incidents as cards', () => {
  test.use({
    vaultSeed: {
      incidents: [
        {
          title: 'Leaflets torn down',
          occurredAt: { date: '2000-01-01', time: '10:00', offset: 'Z', approximate: false },
          description: 'All the leaflets on the board outside the office were torn down overnight.',
          categories: ['criminal-damage'],
          reports: [{ kind: 'police', force: 'Kent Police', reference: '46/1/24', officer: '', date: '' }],
        },
        {
          title: 'Threatening letter',
          occurredAt: { date: '2000-01-02', approximate: false },
          description: 'Said I would regret standing.',
          categories: ['threatening-behaviour'],
          escalationSignals: ['imminent-violence'],
        },
        {
          title: 'Abusive reply on X',
          occurredAt: { date: '2000-01-02', time: '21:40', offset: 'Z', approximate: true },
          categories: ['online-abuse'],
          channel: { kind: 'social-media', detail: 'X' },
          reports: [{ kind: 'platform', platform: 'X', reference: 'X-REPORT-9', date: '', outcome: '' }],
        },
      ],
      attach: [{ incident: 0, files: ['post-1.png', 'letter.pdf'] }],
      generated: { incidents: 5, people: 3, exhibitsPerIncident: 1 },
    },
  });

  test('at 1280×800 six or more cards are wholly in view, each with its number, exhibits and both report states; at 800×700 no badge is cut off; in Welsh too', async ({
    page,
    vault,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await vault.unlock();
    // Exhibit references need the producer's initials.
    await page.evaluate(() => window.vault!.invoke('settings.update', { patch: { producerInitials: 'AB' } }));
    await page.reload();
    await expect(page.locator('.result-count')).toHaveText('8 incidents');
    await expect(page.getByRole('region', { name: /To do/ })).toBeVisible();
    const cards = page.getByRole('article');

    // What each card must still show.
    const leaflets = page.getByRole('article', { name: 'Leaflets torn down', exact: true });
    await expect(leaflets.locator('.entry-no')).toHaveText('Number 1');
    await expect(leaflets).toContainText('10:00 (UTC)');
    await expect(leaflets).toContainText(/2 exhibits: .* · AB\/\d+, AB\/\d+/);
    await expect(leaflets).toContainText('Told the police 46/1/24, Kent Police');
    await expect(leaflets).toContainText('Not told a platform');
    await expect(leaflets).toContainText('All the leaflets on the board');
    await expect(page.getByRole('article', { name: 'Threatening letter' })).toContainText(
      'Escalated: not yet told the police',
    );
    await expect(page.getByRole('article', { name: 'Abusive reply on X' })).toContainText(
      'Told the platform X: X-REPORT-9',
    );
    // The day's heading beside its first card; a second incident that day has none of its own.
    await expect(page.getByRole('heading', { name: 'Saturday 1 January 2000', level: 3 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sunday 2 January 2000', level: 3 })).toHaveCount(1);

    const seen = await fullyVisible(cards);
    console.log(`cards wholly in view at 1280×800: ${seen}`);
    expect(seen).toBeGreaterThanOrEqual(6);
    expect(await clippedBadges(page)).toEqual([]);
    await shots(page, 'cards-en');
    await axeClean(page, 'dense cards');

    await page.setViewportSize({ width: 800, height: 700 });
    await page.waitForTimeout(150);
    expect(await clippedBadges(page)).toEqual([]);
    await expect(page.getByRole('heading', { name: 'Saturday 1 January 2000', level: 3 })).toBeVisible();

    // In Welsh: the same cards, the same density, nothing cut off.
    await page.setViewportSize({ width: 1280, height: 800 });
    await setLanguage(page, 'cy');
    await expect(page.getByRole('heading', { name: 'Llinell amser', level: 1 })).toBeVisible();
    await expect(page.locator('.result-count')).toHaveText('8 digwyddiad');
    await expect(leaflets.locator('.entry-no')).toHaveText('Rhif 1');
    await expect(leaflets).toContainText('Wedi dweud wrth yr heddlu 46/1/24, Kent Police');
    await expect(page.getByRole('article', { name: 'Threatening letter' })).toContainText(
      'Gwaethygu: heb ddweud wrth yr heddlu eto',
    );
    await expect(page.getByRole('heading', { name: 'Dydd Sadwrn 1 Ionawr 2000', level: 3 })).toBeVisible();
    const seenCy = await fullyVisible(cards);
    console.log(`cards wholly in view at 1280×800 in Welsh: ${seenCy}`);
    // Welsh is longer (the To do panel takes a line more, some cards one more): still six.
    expect(seenCy).toBeGreaterThanOrEqual(6);
    expect(await clippedBadges(page)).toEqual([]);
    await page.setViewportSize({ width: 800, height: 700 });
    await page.waitForTimeout(150);
    expect(await clippedBadges(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await shots(page, 'cards-cy');
    await axeClean(page, 'dense cards in Welsh');

    expect(vault.pageErrors).toEqual([]);
    expect(vault.consoleErrors).toEqual([]);
  });
});
