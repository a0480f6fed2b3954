/**
 * The receipt screen after an export, and "Check a case pack" from the start screen with no vault
 * unlocked, in real Chromium against the real core (browser host). The browser version has no
 * file dialogs of its own: its receipt offers "Save a copy (for a USB stick)…" (the desktop's
 * "Show in folder" and "Copy to a USB stick…" are tested through the service in
 * electron/service/pack-receipt.test.ts). Screenshots light and dark at 1280 and 800 wide into
 * /work/wt/shots/d (EV_SHOTS_DIR).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, seedVault, TEST_PASSPHRASE } from './fixtures.js';
import { UK_USER, nav } from './ui-helpers.js';
import { Vault } from '../electron/core/index.js';
import { exportCasePack } from '../electron/core/pack/exporter.js';
import { PackOptionsSchema, type PackReceipt } from '../shared/ipc-pack.js';
import { groupHex } from '../shared/format.js';

const SHOTS = process.env.EV_SHOTS_DIR ?? '/work/wt/shots/d';

async function shots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-${colorScheme}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function axe(page: Page, name: string): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    name,
  ).toEqual([]);
}

test.describe('the receipt', () => {
  test.use({
    ...UK_USER,
    vaultSeed: {
      incidents: [
        {
          title: 'Abusive replies on X',
          occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00' },
          categories: ['online-abuse'],
        },
      ],
      attach: [{ incident: 0, files: ['post-1.png'] }],
    },
  });

  test('Save a copy, Print receipt (the SHA-256 in large type and as a QR code), no "write down"', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await nav(page, 'Case pack').click();
    await expect(page.getByText(/anyone can check that nothing was altered after the pack was made/)).toBeVisible();
    await shots(page, 'case-pack');
    await page.getByRole('button', { name: 'Make a case pack' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { name: 'Make a case pack: for the summary for police' })).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Your initials').fill('AB');
    await page.getByLabel(/^One ZIP file/).check();
    await page.getByRole('button', { name: 'Make the case pack' }).click();
    await expect(page.getByRole('heading', { name: 'Your case pack is ready' })).toBeVisible({ timeout: 30_000 });

    const exportsDir = path.join(path.dirname(vault.dir), 'Evidence Vault exports');
    const zipName = readdirSync(exportsDir).find((n) => n.endsWith('.zip')) ?? '';
    const zipBytes = readFileSync(path.join(exportsDir, zipName));
    const hex = createHash('sha256').update(zipBytes).digest('hex');
    await expect(page.getByTestId('receipt-hash')).toHaveText(groupHex(hex));
    await expect(page.getByRole('img', { name: 'QR code of the SHA-256 of the ZIP file' })).toHaveAttribute(
      'data-qr-text',
      hex,
    );
    await expect(page.locator('.qr-code rect').nth(10)).toBeAttached();
    await expect(page.getByText(/write down/i)).toHaveCount(0);
    await expect(page.getByText(/64 characters/)).toHaveCount(0);
    // The browser version has no folder of its own to show: no "Show in folder", no "Copy to a USB stick…".
    await expect(page.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy to a USB stick…' })).toHaveCount(0);
    await axe(page, 'receipt');
    await shots(page, 'receipt');

    // Save a copy: the browser saves the ZIP itself, byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save a copy (for a USB stick)…' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(zipName);
    const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'ev-dl-')), zipName);
    await download.saveAs(saved);
    expect(createHash('sha256').update(readFileSync(saved)).digest('hex')).toBe(hex);
    rmSync(path.dirname(saved), { recursive: true, force: true });
    await expect(page.getByRole('status').filter({ hasText: `Your browser is saving ${zipName}.` })).toBeVisible();

    // Print receipt: the print dialog is asked for; printed, only the receipt shows, buttons left off.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole('button', { name: 'Print receipt' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText('Evidence Vault: case pack receipt')).toBeVisible();
    await expect(page.getByTestId('receipt-hash')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Print receipt' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Done' })).toBeHidden();
    await page.pdf({ path: path.join(SHOTS, 'receipt-print.pdf'), format: 'A4' });
    await page.screenshot({ path: path.join(SHOTS, 'receipt-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(vault.requests.filter((r) => r.external)).toEqual([]);
  });
});

/** A pack made by someone else's vault (the producer's), as an officer would be handed it. */
let packRoot = '';
let zip = '';
let folder = '';
let receipt: PackReceipt;
test.beforeAll(async () => {
  packRoot = mkdtempSync(path.join(os.tmpdir(), 'ev-start-check-'));
  const dir = path.join(packRoot, 'producer vault');
  await seedVault(dir, {
    incidents: [{ title: 'Poster damaged', occurredAt: { date: '2024-05-20' }, categories: ['criminal-damage'] }],
    attach: [{ incident: 0, files: ['post-1.png', 'email-1.eml'] }],
  });
  const v = await Vault.open(dir, { passphrase: TEST_PASSPHRASE });
  try {
    zip = path.join(packRoot, 'case-pack-AB.zip');
    receipt = await exportCasePack(v, PackOptionsSchema.parse({ initials: 'AB', format: 'zip' }), { out: zip });
    folder = path.join(packRoot, 'case-pack-AB');
    await exportCasePack(v, PackOptionsSchema.parse({ initials: 'AB', format: 'folder' }), { out: folder });
  } finally {
    v.close();
  }
});
test.afterAll(() => {
  if (packRoot) rmSync(packRoot, { recursive: true, force: true });
});

test.describe('check a case pack from the start screen, no vault', () => {
  test.use({ ...UK_USER });

  test('Create screen: a good ZIP checks out and its key is compared with the key card', async ({ page, vault }) => {
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await shots(page, 'start-create');
    await page.getByRole('button', { name: 'Check a case pack' }).click();
    await expect(page.getByRole('heading', { name: 'Check a case pack' })).toBeVisible();
    await page.getByLabel('The case pack’s ZIP file').setInputFiles(zip);
    await expect(
      page.getByText(/^All good: \d+ files match their fingerprints and the signature is valid\.$/),
    ).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Nothing in it has changed since it was signed.')).toBeVisible();
    await expect(
      page.locator('p', { hasText: /^Signed by key [0-9a-f ]+; compare it with the producer’s key card\.$/ }),
    ).toBeVisible();
    await expect(page.getByTestId('verify-fingerprint')).toHaveText(groupHex(receipt.signingKeyFingerprint));
    // The key card's fingerprint as printed: groups of four, upper case, spaces.
    const field = page.getByLabel(/Fingerprint on the key card/);
    await field.fill(groupHex(receipt.signingKeyFingerprint).toUpperCase());
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(
      page.getByText('It matches the key card: this pack was signed with the producer’s key.'),
    ).toBeVisible();
    await axe(page, 'start-check-good');
    await shots(page, 'start-check-good');
    await field.fill(receipt.signingKeyFingerprint.replace(/^./, (c) => (c === '0' ? '1' : '0')));
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(
      page.getByText(/^It does not match the key card: this pack was not signed with the producer’s key\./),
    ).toBeVisible();
    await field.fill('e24e df2d');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByText(/^A fingerprint is 64 characters/)).toBeVisible();
    // Back to the start screen; still no vault.
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    expect(readdirSync(path.dirname(vault.dir))).not.toContain('vault');
    expect(vault.requests.filter((r) => r.external)).toEqual([]);
  });

  test.describe('on the Unlock screen', () => {
    test.use({ vaultSeed: { incidents: [{ title: 'Mine', occurredAt: { date: '2024-01-02' } }] } });

    test('a tampered folder pack is named, with plain-English problems; the vault stays locked', async ({
      page,
      vault,
    }) => {
      const bad = path.join(packRoot, 'tampered', 'case-pack-AB');
      cpSync(folder, bad, { recursive: true });
      const exhibits = path.join(bad, 'data', 'exhibits');
      const first = readdirSync(exhibits).sort()[0] ?? '';
      writeFileSync(
        path.join(exhibits, first),
        Buffer.concat([readFileSync(path.join(exhibits, first)), Buffer.from('x')]),
      );

      await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
      await shots(page, 'start-unlock');
      await page.getByRole('button', { name: 'Check a case pack' }).click();
      await page.getByLabel('Or its folder (the one holding bagit.txt)').setInputFiles(bad);
      await expect(page.getByText(/^This pack has \d+ problems?\.$/)).toBeVisible({ timeout: 20_000 });
      await expect(
        page.getByText(
          'It is not as it was when it was made: do not rely on it. Ask the person who made it for a fresh copy.',
        ),
      ).toBeVisible();
      await expect(page.locator('.problems li').filter({ hasText: first })).not.toHaveCount(0);
      await axe(page, 'start-check-tampered');
      await shots(page, 'start-check-tampered');
      // Not a pack at all: one plain line.
      await page.getByLabel('The case pack’s ZIP file').setInputFiles({
        name: 'holiday.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from('not a zip'),
      });
      await expect(page.getByRole('alert')).toContainText(/./, { timeout: 20_000 });
      await page.getByRole('button', { name: 'Back' }).click();
      await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
      expect((await vault.host.service.status()).state).toBe('locked');
      expect(vault.requests.filter((r) => r.external)).toEqual([]);
    });
  });
});
