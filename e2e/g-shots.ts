/** Screenshots of a changed screen, light and dark, at 1280×800 and 800×700, into SCREENS_DIR (or EV_G_SHOTS). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { SCREENS_DIR } from './ui-helpers.js';

const DIR = process.env.EV_G_SHOTS ?? SCREENS_DIR;

export async function shotsAt4(page: Page, name: string, focus?: Locator): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const before = page.viewportSize();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const [w, h] of [
      [1280, 800],
      [800, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(60);
      await page.screenshot({ path: path.join(DIR, `${name}-${theme}-${w}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
}

/** axe at WCAG AA: no serious or critical violation, in light and dark. */
export async function axeClean(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.waitForTimeout(60);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad, `axe on ${name} (${theme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
