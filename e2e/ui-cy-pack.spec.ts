/**
 * The case pack and the Bin in Welsh, in real Chromium against the real core (browser host): the
 * export wizard asks which language the pack's documents are in (the window's, Cymraeg, unless
 * changed), says so on its last step, sends `language: 'cy'` in the pack options, and the receipt
 * is in Welsh; the Bin lists a deleted incident in Welsh and Adfer (Restore) brings it back.
 * Screenshots (light and dark, 1280×800 and 800×700) in SCREENS_DIR, each checked with axe.
 */
import type { Page } from '@playwright/test';
import { Vault } from '../electron/core/index.js';
import { test, expect, TEST_PASSPHRASE } from './fixtures.js';
import { UK_USER, nav, setLanguage, shotsAndAxe } from './ui-helpers.js';

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
    attach: [{ incident: 0, files: ['post-1.png'] }],
  },
});

/** The options of the 'pack.export' the window sends next (over the browser host's HTTP bridge). */
function packOptionsSent(page: Page): Promise<Record<string, unknown>> {
  return page
    .waitForRequest((r) => r.url().endsWith('/api/invoke') && (r.postData() ?? '').includes('"pack.export"'))
    .then(
      (r) => (JSON.parse(r.postData() ?? '{}') as { request: { options: Record<string, unknown> } }).request.options,
    );
}

test('in Welsh, the wizard makes a pack with its documents in Cymraeg and the receipt is in Welsh', async ({
  page,
  vault,
}) => {
  test.setTimeout(420_000); // four screenshots and axe scans of each of six screens
  await vault.unlock();
  await nav(page, 'Case pack').click();
  await setLanguage(page, 'cy');
  await expect(page.getByRole('heading', { name: 'Pecyn achos', level: 1 })).toBeVisible();
  await shotsAndAxe(page, 'cy-pack-screen');
  await page.getByRole('button', { name: 'Gwneud pecyn achos' }).click();

  await expect(page.getByRole('heading', { name: 'Gwneud pecyn achos: pa ddigwyddiadau?' })).toBeVisible();
  await expect(page.getByText('Digwyddiadau (2 o 2 wedi’u dewis)')).toBeVisible();
  await shotsAndAxe(page, 'cy-pack-1-choose');
  await page.getByRole('button', { name: 'Nesaf' }).click();

  await expect(page.getByRole('heading', { name: 'Gwneud pecyn achos: ar gyfer y crynodeb i’r heddlu' })).toBeVisible();
  const language = page.getByRole('group', { name: 'Iaith dogfennau’r pecyn' });
  // The window's language is the default.
  await expect(language.getByRole('radio', { name: 'Cymraeg' })).toBeChecked();
  await language.getByRole('radio', { name: 'Saesneg (English)' }).check();
  await language.getByRole('radio', { name: 'Cymraeg' }).check();
  await shotsAndAxe(page, 'cy-pack-2-about');
  await page.getByRole('button', { name: 'Nesaf' }).click();

  await expect(page.getByRole('heading', { name: 'Gwneud pecyn achos: manylion' })).toBeVisible();
  await expect(page.getByText('2 digwyddiad ac 1 arddangosyn')).toBeVisible();
  await expect(page.getByTestId('pack-language')).toHaveText('Bydd dogfennau’r pecyn yn Gymraeg.');
  await page.getByLabel('Eich blaenlythrennau').fill('ab');
  await page.getByLabel(/^Un ffeil ZIP/).check();
  await shotsAndAxe(page, 'cy-pack-3-details');
  const sent = packOptionsSent(page);
  await page.getByRole('button', { name: 'Gwneud y pecyn achos' }).click();

  await expect(page.getByRole('heading', { name: 'Mae eich pecyn achos yn barod' })).toBeVisible({ timeout: 30_000 });
  expect(await sent).toMatchObject({ language: 'cy', initials: 'ab', format: 'zip' });
  await expect(page.getByRole('status').filter({ hasText: 'Wedi’i gadw fel' })).toContainText(
    /Wedi’i gadw fel Evidence Vault exports\/case-pack-AB-\d{4}-\d{2}-\d{2}\.zip: 2 digwyddiad, 1 arddangosyn\./,
  );
  const receipt = page.getByRole('region', { name: 'Derbynneb' });
  await expect(receipt).toContainText('SHA-256 y ffeil ZIP');
  await expect(receipt).toContainText('Ôl bys eich allwedd llofnodi');
  await expect(receipt.getByRole('img', { name: 'Cod QR: SHA-256 y ffeil ZIP' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Argraffu’r dderbynneb' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ei roi i’r heddlu' })).toBeVisible();
  await shotsAndAxe(page, 'cy-pack-4-receipt');
  await page.getByRole('button', { name: 'Gorffen' }).click();

  // Check a case pack, on the pack just made.
  await page.getByRole('button', { name: 'Gwirio pecyn achos' }).click();
  await expect(page.getByRole('heading', { name: 'Gwirio pecyn achos', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /^Gwirio EVP-/ }).click();
  await expect(page.getByText(/^Popeth yn iawn: mae \d+ ffeil yn cyfateb/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /^Nesaf: cymharwch yr allwedd/ })).toBeVisible();
  await shotsAndAxe(page, 'cy-pack-5-verify');
  expect(vault.pageErrors).toEqual([]);
});

test('in Welsh, the Bin lists what was deleted and Adfer brings it back', async ({ page, vault }) => {
  test.setTimeout(180_000);
  const core = await Vault.open(vault.dir, { passphrase: TEST_PASSPHRASE });
  try {
    const id = core.listIncidents().find((i) => i.title === 'Campaign poster damaged')?.id ?? '';
    core.deleteIncident(id, 'Wedi’i gofnodi ddwywaith');
  } finally {
    core.close();
  }
  await vault.unlock();
  await nav(page, 'Bin').click();
  await setLanguage(page, 'cy');
  await expect(page.getByRole('heading', { name: 'Bin', level: 1 })).toBeVisible();
  await expect(page.getByText(/^Mae’r hyn a ddilëwch yn aros yma am 30 diwrnod/)).toBeVisible();
  const row = page.getByRole('list', { name: 'Eitemau wedi’u dileu' }).getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Dilëwyd');
  await expect(row).toContainText('Wedi’i gofnodi ddwywaith');
  await expect(row).toContainText(/Diwrnodau ar ôl\s*30 diwrnod \(tan /);
  await shotsAndAxe(page, 'cy-bin');
  await row.getByRole('button', { name: /^Adfer .+ Campaign poster damaged$/ }).click();
  await expect(page.getByText('Mae’r bin yn wag.')).toBeVisible();
  await shotsAndAxe(page, 'cy-bin-empty');
  expect(vault.pageErrors).toEqual([]);
});
