/**
 * Issue 14, how a pack travels, in real Chromium against the real core (browser host): the
 * wizard's default makes the folder and its ZIP with one pack id, both on disk and both verifying;
 * Settings shows the key card (the fingerprint of the key that signed the pack, its QR code),
 * prints it alone on the page and saves it as a PDF beside the vault. Screenshots light and dark at
 * 1280 and 800 wide into /work/wt/shots/c (or EV_C_SHOTS).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { UK_USER, nav } from './ui-helpers.js';
import { verifyPack } from '../electron/core/pack/verify.js';

const SHOTS = process.env.EV_C_SHOTS ?? '/work/wt/shots/c';

test.use({
  ...UK_USER,
  vaultSeed: {
    incidents: [{ title: 'Abusive replies on X', occurredAt: { date: '2024-05-03' }, categories: ['online-abuse'] }],
    attach: [{ incident: 0, files: ['post-1.png', 'post-2.png'] }],
  },
});

async function shots(page: Page, name: string, focus?: Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const [w, h] of [
      [1280, 800],
      [800, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(80);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${theme}-${w}.png`) });
    }
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      `${name} ${theme}`,
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the wizard makes the folder and its ZIP with one pack id; the key card in Settings matches its key', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await nav(page, 'Case pack').click();
  await page.getByRole('button', { name: 'Make a case pack' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Make a case pack: for the summary for police' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Make a case pack: details' })).toBeVisible();
  await page.getByLabel('Your initials').fill('AB');
  await expect(page.getByLabel(/^A folder and its ZIP file, with the same pack id/)).toBeChecked();
  await shots(page, 'pack-details-formats', page.getByRole('group', { name: 'Save as' }));
  await page.getByRole('button', { name: 'Make the case pack' }).click();
  await expect(page.getByRole('heading', { name: 'Your case pack is ready' })).toBeVisible({ timeout: 30_000 });
  const saved = page.locator('.notice-ok', { hasText: 'Saved as' });
  await expect(saved).toContainText(
    /Saved as Evidence Vault exports\/case-pack-(EVP-\d{8}-[0-9A-F]{8}) and its ZIP case-pack-\1\.zip/,
  );
  await shots(page, 'pack-receipt-both');

  const exportsDir = path.join(path.dirname(vault.dir), 'Evidence Vault exports');
  const names = readdirSync(exportsDir).sort();
  expect(names).toHaveLength(3);
  const id = /^case-pack-(EVP-\d{8}-[0-9A-F]{8})$/.exec(names[0] ?? '')?.[1] ?? '';
  expect(names).toEqual([`case-pack-${id}`, `case-pack-${id}.zip`, `case-pack-${id}.zip.sha256`]);
  const folder = await verifyPack(path.join(exportsDir, `case-pack-${id}`));
  const zip = await verifyPack(path.join(exportsDir, `case-pack-${id}.zip`));
  expect([folder.ok, zip.ok, folder.packId, zip.packId]).toEqual([true, true, id, id]);
  expect(folder.sshSignatureValid).toBe(true);

  // Settings: the key card shows the fingerprint of the key that signed the pack.
  await page.getByRole('button', { name: 'Done' }).click();
  await nav(page, 'Settings').click();
  const card = page.getByTestId('key-card');
  await expect(card).toBeVisible();
  const groups = (folder.signingKeyFingerprint ?? '').match(/.{4}/g) ?? [];
  for (let i = 0; i < 16; i += 4) await expect(card).toContainText(groups.slice(i, i + 4).join(' '));
  await expect(card).toContainText(
    'Hand this to your SPOC at the first report; every later pack can be checked against it.',
  );
  await expect(card.getByRole('img', { name: 'QR code of the fingerprint' })).toBeVisible();
  await shots(page, 'settings-key-card', card);

  // Printed, the card is alone on the page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print key card' })).toBeHidden();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'settings-key-card-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Saved as a PDF beside the vault.
  await page.getByRole('button', { name: 'Save as a PDF' }).click();
  await expect(
    page.getByText(
      /^Saved as Evidence Vault exports\/key-card-\d{4}-\d{2}-\d{2}\.pdf, in the folder beside your vault\.$/,
    ),
  ).toBeVisible();
  const pdf = readdirSync(exportsDir).find((n) => n.startsWith('key-card-'));
  expect(
    readFileSync(path.join(exportsDir, pdf ?? ''))
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  expect(vault.requests.filter((r) => r.external)).toEqual([]);
});
