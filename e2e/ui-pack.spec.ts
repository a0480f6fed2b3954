/**
 * The case-pack screens in real Chromium against the real core (browser host): the export wizard
 * with the GPS choice, progress and the receipt; the pack on disk checked with our verifier and
 * sha256sum; then "Check a case pack" on it. Screenshots of each step in test-results/screens.
 */
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { UK_USER, nav, shot } from './ui-helpers.js';
import { verifyPack } from '../electron/core/pack/verify.js';

test.use({
  ...UK_USER,
  vaultSeed: {
    incidents: [
      {
        title: 'Abusive replies on X',
        occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00' },
        categories: ['online-abuse'],
      },
      { title: 'Campaign poster damaged', occurredAt: { date: '2024-05-20' }, categories: ['criminal-damage'] },
    ],
    attach: [
      { incident: 0, files: ['post-1.png', 'post-2.png'] },
      { incident: 1, files: ['damage.jpg'] },
    ],
  },
});

async function axe(page: import('@playwright/test').Page, name: string): Promise<void> {
  await shot(page, name);
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    name,
  ).toEqual([]);
}

test('make a ZIP case pack, leave out the GPS picture, get a receipt, and check the pack', async ({ page, vault }) => {
  await vault.unlock();
  await nav(page, 'Case pack').click();
  await page.getByRole('button', { name: 'Make a case pack' }).click();
  await expect(page.getByRole('heading', { name: 'Make a case pack: which incidents?' })).toBeVisible();
  await expect(page.getByText('Incidents (2 of 2 chosen)')).toBeVisible();
  await axe(page, 'pack-1-choose');
  await page.getByRole('button', { name: 'Next' }).click();
  // The summary for police asks for what it lacks (issue 14).
  await expect(page.getByRole('heading', { name: 'Make a case pack: for the summary for police' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Make a case pack: details' })).toBeVisible();
  await expect(page.getByText('2 incidents and 3 exhibits')).toBeVisible();
  await expect(page.getByText('Pictures that show where they were taken')).toBeVisible();
  await page.getByLabel('Your initials').fill('ab');
  await page.getByLabel(/Leave out damage\.jpg/).check();
  await page.getByLabel(/^One ZIP file/).check(); // the default is the folder and its ZIP (ui-pack-travel.spec.ts)
  await axe(page, 'pack-2-details');
  await page.getByRole('button', { name: 'Make the case pack' }).click();

  await expect(page.getByRole('heading', { name: 'Your case pack is ready' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Saved as Evidence Vault exports\/case-pack-AB-\d{4}-\d{2}-\d{2}\.zip/)).toBeVisible();
  await expect(page.getByText('damage.jpg: you left it out')).toBeVisible();
  await axe(page, 'pack-3-receipt');

  // The ZIP on disk: its SHA-256 is the one on screen; the bag verifies with our verifier and with unzip + sha256sum.
  const exportsDir = path.join(path.dirname(vault.dir), 'Evidence Vault exports');
  const zipName = readdirSync(exportsDir).find((n) => n.endsWith('.zip'));
  expect(zipName).toBeDefined();
  const zip = path.join(exportsDir, zipName ?? '');
  const hex = createHash('sha256').update(readFileSync(zip)).digest('hex');
  await expect(page.locator('.pack-receipt')).toContainText(hex.match(/.{4}/g)?.join(' ') ?? '');
  expect((await verifyPack(zip)).ok).toBe(true);
  const unpacked = path.join(exportsDir, 'unzipped');
  execFileSync('unzip', ['-q', zip, '-d', unpacked]);
  const bag = path.join(unpacked, zipName?.replace(/\.zip$/, '') ?? '');
  expect(execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: bag, encoding: 'utf8' })).not.toContain(
    'FAILED',
  );
  expect(readdirSync(path.join(bag, 'data/exhibits')).sort()).toEqual(['AB-01-post-1.png', 'AB-02-post-2.png']);

  // Check the pack from the app.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Check a case pack' }).click();
  await page.getByRole('button', { name: /^Check EVP-/ }).click();
  await expect(
    page.getByText(/All good: \d+ files match their fingerprints and the signature is valid\./),
  ).toBeVisible();
  // Which key signed it, and (a vault being unlocked) that it is this vault's.
  await expect(
    page.locator('p', { hasText: /^Signed by key [0-9a-f]{4}( [0-9a-f]{4}){15}: this vault’s own key\.$/ }),
  ).toBeVisible();
  await axe(page, 'pack-4-verified');
  expect(vault.requests.filter((r) => r.external)).toEqual([]);
});

test('the offline viewer shows the timeline and checks every hash with WebCrypto, with no network', async ({
  page,
  vault,
  browser,
}) => {
  await vault.unlock();
  const res = await page.evaluate(async () => {
    const r = await window.vault?.invoke('pack.export', {
      jobId: '0123456789abcdef0123456789abcdef',
      options: { initials: 'AB', format: 'folder' },
    });
    return r;
  });
  expect(res?.ok).toBe(true);
  const exportsDir = path.join(path.dirname(vault.dir), 'Evidence Vault exports');
  const folder = path.join(exportsDir, readdirSync(exportsDir)[0] ?? '');
  // A context of its own: the fixture's context only lets the host's origin through.
  const context = await browser.newContext();
  const viewer = await context.newPage();
  const external: string[] = [];
  viewer.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('blob:')) external.push(r.url());
  });
  await viewer.goto(`file://${path.join(folder, 'data/viewer.html')}`);
  await expect(viewer.getByText('Abusive replies on X')).toBeVisible();
  await expect(viewer.getByText('Exhibit AB/1 — post-1.png')).toBeVisible();
  await viewer.locator('#folder').setInputFiles(folder);
  await expect(viewer.getByText(/^All \d+ files match the lists in this pack, and every exhibit matches/)).toBeVisible({
    timeout: 20_000,
  });
  await expect(viewer.getByRole('img', { name: /Exhibit AB\/1: post-1\.png/ })).toBeVisible();
  // The tag manifest and the Ed25519 signature are checked too, and the page says which key signed it.
  await expect(viewer.locator('#problems li')).toHaveCount(0);
  await expect(viewer.locator('#signing-key')).toHaveText(
    /^Signed by key [0-9a-f]{4}( [0-9a-f]{4}){15}; compare it with the producer’s key card\. A valid signature shows only/,
  );
  await shot(viewer, 'pack-5-viewer');
  // A signing key swapped for another: named, and the signature fails.
  const forged = path.join(exportsDir, 'forged');
  cpSync(folder, forged, { recursive: true });
  writeFileSync(
    path.join(forged, 'signing-key.pem'),
    generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }),
  );
  await viewer.locator('#folder').setInputFiles(forged);
  await expect(
    viewer.getByText(/^SIGNING KEY: signing-key\.pem is key [0-9a-f ]+, not key [0-9a-f ]+ that this page names$/),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect(
    viewer.getByText('SIGNATURE: the signature over tagmanifest-sha256.txt is not valid for signing-key.pem'),
  ).toBeVisible();
  expect(external).toEqual([]);
  await context.close();
});

test('the offline viewer shows a reference left out where it would be, with why (permanent references)', async ({
  page,
  vault,
  browser,
}) => {
  await vault.unlock();
  const res = await page.evaluate(async () => {
    const list = await window.vault?.invoke('incidents.list', {});
    const incidents = (list?.ok ? list.value : []) as { exhibits: { id: string; name: string }[] }[];
    const post2 = incidents.flatMap((i) => i.exhibits).find((e) => e.name === 'post-2.png');
    return window.vault?.invoke('pack.export', {
      jobId: '0123456789abcdef0123456789abcdee',
      options: { initials: 'AB', format: 'folder', excludeExhibitIds: post2 ? [post2.id] : [] },
    });
  });
  expect(res?.ok).toBe(true);
  const exportsDir = path.join(path.dirname(vault.dir), 'Evidence Vault exports');
  const folder = path.join(exportsDir, readdirSync(exportsDir)[0] ?? '');
  expect(readdirSync(path.join(folder, 'data/exhibits')).sort()).toEqual(['AB-01-post-1.png', 'AB-03-damage.jpg']);
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await viewer.goto(`file://${path.join(folder, 'data/viewer.html')}`);
  await expect(viewer.getByText('Exhibit AB/1 — post-1.png')).toBeVisible();
  await expect(viewer.getByText('Exhibit AB/2: withheld by the producer')).toBeVisible();
  await expect(viewer.getByText('Exhibit AB/3 — damage.jpg')).toBeVisible();
  await expect(viewer.getByRole('heading', { name: 'References not in this pack' })).toBeVisible();
  for (const width of [1280, 800]) {
    await viewer.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await viewer.emulateMedia({ colorScheme });
      await shot(viewer, `pack-6-viewer-withheld-${width}-${colorScheme}`);
    }
  }
  await context.close();
});
