/** Helpers for the UI specs: create/unlock through the real forms, screenshots of every screen. */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Where screenshots go: EV_SCREENS_DIR, else <tmp>/ev-screens (not test-results/, which every
 * Playwright run empties at its start — and several runs may share this work tree).
 */
export const SCREENS_DIR = process.env.EV_SCREENS_DIR ?? path.join(os.tmpdir(), 'ev-screens');
export const NEW_PASSPHRASE = 'lantern orchard pebble kettle';

/** Whether shot() saves screenshots: always, but not in CI unless EV_SCREENS_DIR asks for them. */
export function screenshotsTaken(): boolean {
  return !process.env.CI || Boolean(process.env.EV_SCREENS_DIR);
}

/**
 * Save a full-page screenshot to SCREENS_DIR/<name>.png (look at them!). Not in CI (nobody looks at
 * them there, and a full page costs as much as its axe scan) unless EV_SCREENS_DIR asks for them.
 */
export async function shot(page: Page, name: string): Promise<void> {
  if (!screenshotsTaken()) return;
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
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
  await typeBackGroups(page.locator('body'), key);
  await page.getByRole('button', { name: 'Continue to my vault' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  return key;
}

/** The groups the recovery key's type-back check asks for (1-based), in order. */
export async function askedGroups(scope: Locator): Promise<number[]> {
  const inputs = scope.locator('input[data-group]');
  await expect(inputs).toHaveCount(2);
  return await inputs.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-group'))));
}

/** Fill the type-back check with the right groups of `key` (or `wrong` ones when asked). */
export async function typeBackGroups(scope: Locator, key: string, opts: { wrong?: boolean } = {}): Promise<number[]> {
  const groups = key.split('-');
  const asked = await askedGroups(scope);
  for (const n of asked) {
    const right = groups[n - 1] ?? '';
    await scope
      .getByLabel(`Group ${n}`, { exact: true })
      .fill(opts.wrong ? right.split('').reverse().join('') + 'Z' : right);
  }
  return asked;
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

/** Copy shared fixtures to a fresh temporary folder (the originals are read-only); returns their paths. */
export async function copyFixtures(names: string[]): Promise<{ dir: string; paths: string[] }> {
  const { mkdtemp, copyFile } = await import('node:fs/promises');
  const os = await import('node:os');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ev-ui-files-'));
  const paths: string[] = [];
  for (const n of names) {
    const to = path.join(dir, n);
    await copyFile(path.join(FIXTURES, n), to);
    paths.push(to);
  }
  return { dir, paths };
}
import { FIXTURES } from '../test/fixtures.js';
export { FIXTURES };

export async function sha256File(p: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { createHash } = await import('node:crypto');
  return createHash('sha256')
    .update(await readFile(p))
    .digest('hex');
}

/**
 * Drop files on an element the way a desktop drag does: a DataTransfer holding File objects,
 * with dragenter/dragover/drop events.
 */
export async function dropFiles(
  page: Page,
  selector: string,
  files: { name: string; mimeType: string; base64: string }[],
): Promise<void> {
  const dt = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      transfer.items.add(new File([bytes], f.name, { type: f.mimeType }));
    }
    return transfer;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent(selector, type, { dataTransfer: dt });
  }
}

export async function fileForDrop(p: string, mimeType: string) {
  const { readFile } = await import('node:fs/promises');
  return { name: path.basename(p), mimeType, base64: (await readFile(p)).toString('base64') };
}

type BridgeIncident = import('../shared/model.js').IncidentInput & { perpetrators?: string[]; witnesses?: string[] };

/**
 * Add people and incidents through window.vault (the real core, unlocked), naming people by name;
 * then reload so the app shows them. For specs that need people linked to incidents.
 */
export async function addThroughBridge(
  page: Page,
  data: { people?: string[]; incidents?: BridgeIncident[]; contacts?: import('../shared/model.js').ContactInput[] },
): Promise<void> {
  const err = await page.evaluate(async (d) => {
    const v = window.vault!;
    const ids = new Map<string, string>();
    for (const name of d.people ?? []) {
      const r = await v.invoke('people.create', { input: { name } });
      if (!r.ok) return r.error.message;
      ids.set(name, r.value.id);
    }
    for (const c of d.contacts ?? []) {
      const r = await v.invoke('contacts.create', { input: c });
      if (!r.ok) return r.error.message;
    }
    for (const { perpetrators, witnesses, ...input } of d.incidents ?? []) {
      const r = await v.invoke('incidents.create', {
        input: {
          ...input,
          perpetratorIds: (perpetrators ?? []).map((n) => ids.get(n)!),
          witnessIds: (witnesses ?? []).map((n) => ids.get(n)!),
        },
      });
      if (!r.ok) return r.error.message;
    }
    return null;
  }, data);
  if (err) throw new Error(err);
  await page.reload();
}

/**
 * Types digits into a React Aria date or time field (components/DateTimeField.tsx), from its first
 * segment: "18112019" for 18/11/2019, "2015" for 20:15. The field is found by its label.
 */
export async function typeDateTime(page: Page, label: 'Date' | 'Time (if known)', digits: string): Promise<void> {
  const group = page.getByRole('group', { name: label, exact: true });
  await group.getByRole('spinbutton').first().click();
  await page.keyboard.type(digits);
}

/**
 * The screen as it is now, light and dark, at 1280×800 and 800×700: a screenshot of each
 * (SCREENS_DIR/<theme>-<width>-<name>.png, when screenshots are taken) and an axe scan at WCAG AA with no
 * serious or critical violation on two of them, light at 1280 and dark at 800, so that each theme and each
 * width is scanned (ui-axe.spec.ts scans every pair of theme, language and width of the main screens).
 * Leaves the page light at 1280×800.
 */
export async function shotsAndAxe(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    for (const [w, h] of [
      [1280, 800],
      [800, 700],
    ] as const) {
      const axe = (theme === 'light') === (w === 1280);
      if (!axe && !screenshotsTaken()) continue;
      await setTheme(page, theme);
      await page.setViewportSize({ width: w, height: h });
      await shot(page, `${theme}-${w}-${name}`);
      if (!axe) continue;
      // The e-mail frame is sandboxed without scripts, so axe cannot run inside it (ui-axe.spec.ts).
      const results = await new AxeBuilder({ page })
        .exclude('iframe.email-frame')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .options({ resultTypes: ['violations'] }) // violations in full; passes not detailed
        .analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
        `axe, ${name}, ${theme} ${w}`,
      ).toEqual([]);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await setTheme(page, 'light');
}

/** Switch the window's language on the screen it is on (the renderer listens for 'ev:language'). */
export async function setLanguage(page: Page, language: 'en' | 'cy'): Promise<void> {
  await page.evaluate((l) => window.dispatchEvent(new CustomEvent('ev:language', { detail: l })), language);
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'cy' ? 'cy' : 'en-GB');
}
