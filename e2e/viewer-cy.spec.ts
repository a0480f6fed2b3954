/**
 * The offline viewer of a Welsh pack (export --language cy) in real Chromium: the page says it is
 * in Welsh (lang="cy"), its words and day names are Welsh, it checks the pack and says so in Welsh,
 * names a changed exhibit in Welsh, and stays axe-clean. Screenshots light and dark at 1280 and
 * 800 wide into /work/wt/shots/packlang (EV_SHOTS_DIR).
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Vault } from '../electron/core/index.js';
import { exportCasePack } from '../electron/core/pack/exporter.js';
import { PackOptionsSchema } from '../shared/ipc-pack.js';
import { seedVault, TEST_PASSPHRASE } from './support/seed.js';

const SHOTS = process.env.EV_SHOTS_DIR ?? '/work/wt/shots/packlang';
let root = '';
let pack = '';

test.beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ev-viewer-cy-'));
  const dir = path.join(root, 'vault');
  await seedVault(dir, {
    incidents: [
      {
        title: 'Abusive replies on X',
        occurredAt: { date: '2019-11-12', time: '20:15', offset: 'Z' },
        categories: ['online-abuse'],
        description: 'Replies under my post about the hustings.',
      },
      { title: 'Letter', occurredAt: { date: '2019-11-20' }, categories: ['harassment'] },
    ],
    attach: [
      { incident: 0, files: ['post-1.png'] },
      { incident: 1, files: ['letter.pdf'] },
    ],
  });
  const vault = await Vault.open(dir, { passphrase: TEST_PASSPHRASE });
  try {
    pack = path.join(root, 'pecyn');
    await exportCasePack(vault, PackOptionsSchema.parse({ initials: 'AB', format: 'folder', language: 'cy' }), {
      out: pack,
    });
  } finally {
    vault.close();
  }
});

test.afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

async function choose(page: Page, bag: string): Promise<void> {
  await page.locator('#folder').setInputFiles(bag);
  await expect(page.locator('#result')).not.toHaveText(/^(Heb ei wirio eto\.|Wrthi’n gwirio)/, { timeout: 20_000 });
}

test('in Welsh, the viewer is marked cy, reads in Welsh and checks the pack', async ({ page }) => {
  await page.goto(`file://${path.join(pack, 'data/viewer.html')}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page).toHaveTitle('Gwyliwr y pecyn achos');
  await expect(page.locator('#title')).toHaveText(/^Pecyn achos EVP-/);
  await expect(page.getByText('1. Maw 12/11/2019 20:15 GMT')).toBeVisible();
  await expect(page.getByText('2. Mer 20/11/2019 (dyddiad yn unig)')).toBeVisible();
  await expect(page.locator('#result')).toHaveText('Heb ei wirio eto.');
  await expect(page.getByRole('button', { name: 'Argraffu’r dudalen hon' })).toBeVisible();
  await choose(page, pack);
  await expect(page.locator('#result')).toHaveText(
    /^Mae pob un o’r \d+ ffeil yn cyfateb i’r rhestrau yn y pecyn hwn, ac mae pob arddangosyn yn cyfateb i’r SHA-256 y gwnaed y dudalen hon gydag ef\.$/,
  );
  await expect(page.locator('#result-signature')).toHaveText(
    /^Llofnod: dilys, gan yr allwedd [0-9a-f]{4}( [0-9a-f]{4}){15}\./,
  );
  await expect(page.getByRole('img', { name: 'Arddangosyn AB/1: post-1.png' })).toBeVisible();
  await expect(
    page.locator('.exhibit', { hasText: 'letter.pdf' }).getByRole('link', { name: 'Agor y copi a wiriwyd' }),
  ).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 700 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SHOTS, `viewer-cy-${width}-${colorScheme}.png`), fullPage: true });
    }
  }
});

test('in Welsh, a changed exhibit is named as changed', async ({ page }) => {
  const bag = path.join(root, 'wedi-newid');
  cpSync(pack, bag, { recursive: true });
  appendFileSync(path.join(bag, 'data/exhibits/AB-01-post-1.png'), 'x');
  await page.goto(`file://${path.join(bag, 'data/viewer.html')}`);
  await choose(page, bag);
  await expect(page.locator('#result')).toHaveText(
    /^Cafwyd 1 broblem: nid yw’r pecyn hwn fel yr oedd pan gafodd ei wneud\./,
  );
  await expect(page.locator('#problems li').first()).toHaveText(
    /^WEDI NEWID: data\/exhibits\/AB-01-post-1\.png \(mae ei SHA-256 yn wahanol i manifest-sha256\.txt\)$/,
  );
});
