/**
 * Focus after every action (issue 15, item 5), by keyboard alone (no clicks): after adding and
 * removing a contact, adding, deleting and linking a police case, opening and saving a person's
 * details, and closing a dialog, the focus is somewhere sensible, never the page body.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { UK_USER, nav } from './ui-helpers.js';
import { shotsAt4 } from './g-shots.js';

test.use({
  ...UK_USER,
  vaultSeed: {
    people: [{ name: 'Alan Example', role: 'perpetrator' }],
    incidents: [{ title: 'Leaflets torn down', occurredAt: { date: '2024-05-03', approximate: false } }],
  },
});

/** Press Enter on a control reached by the keyboard (focus() stands for the Tab presses to it). */
async function activate(page: Page, name: string | RegExp): Promise<void> {
  await page
    .getByRole('button', { name, exact: typeof name === 'string' })
    .first()
    .focus();
  await page.keyboard.press('Enter');
}

const bodyHasFocus = (page: Page) => page.evaluate(() => document.activeElement === document.body);

test('contacts, police cases, a person and dialogs: the focus always lands somewhere sensible', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await nav(page, 'Contacts').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeFocused();

  // Add a contact: the form's first field, then the saved contact's card.
  await activate(page, 'Add a contact');
  await expect(page.getByLabel('Kind of contact')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await page.keyboard.type('PC Jane Smith');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'PC Jane Smith', level: 2 })).toBeFocused();

  // Remove it: the safe choice first; Escape gives the focus back; removed, "Add a contact".
  await activate(page, 'Remove PC Jane Smith');
  const remove = page.getByRole('dialog', { name: /Remove PC Jane Smith/ });
  await expect(remove.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Remove PC Jane Smith' })).toBeFocused();
  // The dialog has gone (its close has settled) before the same button opens it again, from the keyboard.
  await expect(remove).toHaveCount(0);
  await activate(page, 'Remove PC Jane Smith');
  await expect(remove.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await remove.getByLabel(/Why are you deleting it/).focus();
  await page.keyboard.type('Wrong person');
  await remove.getByRole('button', { name: 'Remove contact' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Add a contact' })).toBeFocused();

  // A police case: its first field, then its name in the list.
  await activate(page, 'Add a police case');
  await expect(page.getByLabel('Police force')).toBeFocused();
  await page.keyboard.type('Kent Police');
  await page.keyboard.press('Tab');
  await page.keyboard.type('46/1234/24');
  await page.keyboard.press('Enter');
  await expect(page.getByText('46/1234/24 (Kent Police)')).toBeFocused();

  // Cancel on an unchanged form gives the focus back to what opened it.
  await activate(page, 'Edit police case 46/1234/24');
  await expect(page.getByLabel('Police force')).toBeFocused();
  await activate(page, 'Cancel');
  await expect(page.getByText('46/1234/24 (Kent Police)')).toBeFocused();

  // On the incident page: added to the case, then taken off it.
  await nav(page, 'Timeline').focus();
  await page.keyboard.press('Enter');
  await activate(page, 'Leaflets torn down');
  await expect(page.getByRole('heading', { name: 'Leaflets torn down', level: 1 })).toBeFocused();
  await page.getByLabel('Add to a police case').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Add to a police case')).not.toHaveValue('');
  await activate(page, 'Add to this case');
  await expect(page.getByRole('button', { name: 'Take off police case 46/1234/24' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Add to a police case')).toBeFocused();

  // Delete the case deliberately: safe choice first, then "Add a police case".
  await nav(page, 'Contacts').focus();
  await page.keyboard.press('Enter');
  await activate(page, 'Delete police case 46/1234/24');
  const del = page.getByRole('dialog', { name: 'Delete police case 46/1234/24?' });
  await expect(del.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByText('46/1234/24 (Kent Police)')).toBeFocused();
  await activate(page, 'Delete police case 46/1234/24');
  await del.getByLabel(/Why are you deleting it/).focus();
  await page.keyboard.type('Entered by mistake');
  await del.getByRole('button', { name: 'Delete police case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Add a police case' })).toBeFocused();

  // A person's details: the name field, then back to "Edit details".
  await nav(page, 'Course of conduct').focus();
  await page.keyboard.press('Enter');
  await activate(page, 'Edit details of Alan Example');
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' Senior');
  await shotsAt4(page, 'person-form-focused', page.getByRole('textbox', { name: 'Name', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Edit details of Alan Example Senior' })).toBeFocused();

  // The history dialog: Close gives the focus back to its button.
  await activate(page, 'History of Alan Example Senior');
  await expect(page.getByRole('dialog', { name: /History of/ }).getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'History of Alan Example Senior' })).toBeFocused();
  expect(await bodyHasFocus(page)).toBe(false);
  expect(vault.pageErrors).toEqual([]);
});
