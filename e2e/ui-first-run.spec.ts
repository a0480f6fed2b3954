/** First run: create a vault with a strength meter, the recovery key shown once, then an empty timeline. */
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.js';
import { NEW_PASSPHRASE, shot, typeBackGroups, UK_USER } from './ui-helpers.js';

test.use(UK_USER);

test('create a vault: passphrase twice, strength meter, recovery key saved, then the empty timeline', async ({
  page,
  vault,
}) => {
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await shot(page, 'create-vault');

  // Too weak, then not the same twice: clear messages tied to the fields.
  await page.getByLabel('Passphrase', { exact: true }).fill('password1');
  await expect(page.getByText(/Strength: (Very weak|Weak)/)).toBeVisible();
  await page.getByRole('button', { name: 'Create vault' }).click();
  const pass = page.getByLabel('Passphrase', { exact: true });
  await expect(pass).toHaveAttribute('aria-invalid', 'true');
  await expect(pass).toHaveAccessibleDescription(/at least 10 characters/);
  await shot(page, 'create-vault-errors');

  await pass.fill(NEW_PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(NEW_PASSPHRASE + 'x');
  await expect(page.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByLabel('Type the passphrase again')).toHaveAccessibleDescription(
    'The two passphrases are not the same.',
  );
  await page.getByLabel('Type the passphrase again').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();

  // The recovery key, shown once; continuing needs two of its groups typed back.
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
  expect(key.length).toBeGreaterThan(20);
  await shot(page, 'recovery-key');
  const cont = page.getByRole('button', { name: 'Continue to my vault' });
  // Continuing needs two groups typed back; an empty or wrong one is refused and she stays here.
  await cont.click();
  await expect(page.getByRole('alert')).toContainText(/^Group \d+ does not match your recovery key\./);
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as a text file' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('evidence-vault-recovery-key.txt');
  const saved = await readFile(await download.path(), 'utf8');
  expect(saved).toContain(key);
  await expect(page.getByText(/Move it off this computer/)).toBeVisible();

  // Printing shows only the recovery key sheet.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('recovery-key')).toBeVisible();
  await expect(page.getByText(/Keep this sheet somewhere safe, away from the\s+computer\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print the recovery key' })).toBeHidden();
  await expect(cont).toBeHidden();
  await shot(page, 'recovery-key-print');
  await page.emulateMedia({ media: 'screen' });

  await typeBackGroups(page.locator('body'), key);
  await cont.click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing recorded yet' })).toBeVisible();
  await shot(page, 'timeline-empty');
  expect(vault.pageErrors).toEqual([]);
  expect(vault.requests.filter((r) => r.external)).toEqual([]);
});
