/** Settings: your details for case packs, change the passphrase (then unlock with it), check the vault. */
import { test, expect } from './fixtures.js';
import { UK_USER, nav, shot } from './ui-helpers.js';

test.use({
  ...UK_USER,
  vaultSeed: {
    incidents: [{ title: 'Leaflets torn down', occurredAt: { date: '2024-05-03', approximate: false } }],
    attach: [{ incident: 0, files: ['post-1.png'] }],
  },
});

test('save my details, change the passphrase, check the vault', async ({ page, vault }) => {
  await vault.unlock();
  await nav(page, 'Settings').click();
  await page.getByLabel('Your name').fill('Sam Candidate');
  await page.getByLabel('Your initials').fill('sc');
  await expect(page.getByLabel('Your initials')).toHaveValue('SC');
  await page.getByRole('button', { name: 'Save my details' }).click();
  await expect(page.getByText('Your details were saved.')).toBeVisible();

  // Check the vault: every record, file and custody entry.
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText(/All is well: \d+ records, 1 file and \d+ custody entries checked\./)).toBeVisible();

  // The activity log (the custody log) in sentences names the imported picture, its hash kept in
  // each entry's details for the officer, and the unlocks.
  await page.getByRole('button', { name: 'Show the activity log' }).click();
  const log = page.getByRole('list', { name: 'Activity log, newest first' });
  await expect(log).toBeFocused();
  await expect(log).toContainText(/— you added the picture( [A-Z]+\/1)? \(“post-1\.png”\)/);
  await expect(log).toContainText('post-1.png');
  await expect(log).toContainText('— you unlocked the vault');

  // Change the passphrase: the current one first, the same rule as when the vault was made, and the two must match.
  await page.getByLabel('Current passphrase').fill(vault.seed!.passphrase);
  await page.getByLabel('New passphrase').fill('short');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('alert')).toHaveText('Use at least 10 characters.');
  await page.getByLabel('New passphrase').fill('meadow lantern quiet harbour');
  await page.getByLabel('Type it again').fill('meadow lantern quiet harbor');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two passphrases are not the same.');
  await page.getByLabel('Type it again').fill('meadow lantern quiet harbour');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Your passphrase was changed. Your recovery key still works.')).toBeVisible();
  await shot(page, 'settings-after');

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(vault.seed!.passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase is not right');
  await page.getByLabel('Passphrase', { exact: true }).fill('meadow lantern quiet harbour');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Leaflets torn down' })).toBeVisible();

  await nav(page, 'Settings').click();
  await expect(page.getByLabel('Your name')).toHaveValue('Sam Candidate');
  await expect(page.getByLabel('Your initials')).toHaveValue('SC');
  expect(vault.pageErrors).toEqual([]);
});
