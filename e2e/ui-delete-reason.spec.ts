/**
 * Issue 12, item 7 in the window: deleting asks why (required), the safe choice has the focus,
 * and contacts (the SPOC included) ask before removal. The reason reaches the activity log.
 * Screenshots light and dark at 1280 and 800 wide, with axe.
 */
import type { Contact, CustodyEntry } from '../shared/model.js';
import { test, expect } from './fixtures.js';
import { UK_USER, nav, shot, shotsAndAxe } from './ui-helpers.js';

test.use({
  ...UK_USER,
  vaultSeed: {
    contacts: [{ kind: 'spoc', name: 'DC Jane Jones', organisation: 'Metropolitan Police', phone: '020 7946 0000' }],
    incidents: [{ title: 'Leaflets torn down', occurredAt: { date: '2024-05-01', approximate: false } }],
  },
});

async function invoke<T>(page: import('@playwright/test').Page, channel: string): Promise<T> {
  const r = (await page.evaluate((c) => window.vault!.invoke(c as 'contacts.list', {}), channel)) as {
    ok: boolean;
    value: T;
  };
  expect(r.ok).toBe(true);
  return r.value;
}

test('removing a contact asks first, and why; Cancel has the focus; the reason is in the activity log', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await nav(page, 'Contacts').click();
  await page.getByRole('button', { name: 'Remove DC Jane Jones' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove DC Jane Jones?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('moved to the bin, kept for 30 days');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Remove contact' })).toBeDisabled();

  await shotsAndAxe(page, 'delete-reason-contact');

  // Enter on the focused choice keeps the contact; so does Escape.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Remove DC Jane Jones' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await invoke<Contact[]>(page, 'contacts.list')).map((c) => c.name)).toEqual(['DC Jane Jones']);

  // A blank reason keeps the red button disabled; a real one removes it.
  await page.getByRole('button', { name: 'Remove DC Jane Jones' }).click();
  const reason = dialog.getByLabel(/Why are you deleting it/);
  await reason.fill('   ');
  await expect(dialog.getByRole('button', { name: 'Remove contact' })).toBeDisabled();
  await reason.fill('She moved to another force');
  await shot(page, 'light-1280-delete-reason-contact-filled');
  await dialog.getByRole('button', { name: 'Remove contact' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Contact removed.');
  expect(await invoke<Contact[]>(page, 'contacts.list')).toEqual([]);
  const log = await invoke<CustodyEntry[]>(page, 'custody.list');
  const tomb = log.find((e) => e.action === 'delete' && e.subjectKind === 'contact');
  expect(tomb?.details.reason).toBe('She moved to another force');
  expect(vault.pageErrors).toEqual([]);
});

test('the incident delete dialog, light and dark, 1280 and 800 wide', async ({ page, vault }) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'Leaflets torn down' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this incident?' });
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await dialog.getByLabel(/Why are you deleting it/).fill('Entered twice');
  await shotsAndAxe(page, 'delete-reason-incident');
  await dialog.getByRole('button', { name: 'Delete incident' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  const log = await invoke<CustodyEntry[]>(page, 'custody.list');
  expect(log.find((e) => e.action === 'delete' && e.subjectKind === 'incident')?.details.reason).toBe('Entered twice');
});
