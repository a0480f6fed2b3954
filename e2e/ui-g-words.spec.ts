/**
 * Words for people (issue 12's UK time, issue 15 item 6), in a browser set to New York time and US
 * English against the real core: history, bin and activity log times in UK time (GMT/BST) at a BST
 * and a GMT date; the activity log as sentences with the raw entry in a disclosure; an over-long
 * title's counter and its plain error (never schema text); dir="auto" on user text.
 */
import type { Page } from '@playwright/test';
import { test, expect, TEST_PASSPHRASE } from './fixtures.js';
import { nav, typeDateTime } from './ui-helpers.js';
import { axeClean, shotsAt4 } from './g-shots.js';
import { Vault } from '../electron/core/vault.js';
import { setClock } from '../electron/core/store/store.js';
import { writtenLabel } from '../shared/history-labels.js';

// Not the UK: the computer's own zone must play no part in what is shown.
test.use({ locale: 'en-US', timezoneId: 'America/New_York', vaultSeed: { people: [] } });

async function withCore<T>(dir: string, work: (v: Vault, at: (iso: string) => void) => T): Promise<T> {
  const v = await Vault.open(dir, { passphrase: TEST_PASSPHRASE });
  try {
    return work(v, (iso) => setClock(() => new Date(iso)));
  } finally {
    setClock(undefined);
    v.close();
  }
}

const INPUT = {
  title: 'Leaflets torn down',
  occurredAt: { date: '2019-07-16', approximate: false },
  description: 'Someone tore down our leaflets.',
};

async function seedHistory(page: Page, dir: string): Promise<{ id: string; deletedAt: string }> {
  const deletedAt = new Date(Date.now() - 86_400_000).toISOString();
  const id = await withCore(dir, (v, at) => {
    at('2019-07-16T20:31:00Z'); // BST: 21:31 in the UK, 16:31 in New York
    const first = v.createIncident(INPUT);
    at('2019-11-12T20:31:00Z'); // GMT: 20:31 in the UK, 15:31 in New York
    v.updateIncident(first.id, { ...INPUT, description: 'A man in a grey hood tore down every leaflet.' });
    at(new Date(Date.parse(deletedAt) - 60_000).toISOString());
    const other = v.createIncident({ ...INPUT, title: 'Entered twice' });
    at(deletedAt);
    v.deleteIncident(other.id, 'Duplicate');
    return first.id;
  });
  return { id, deletedAt };
}

test('history, bin and activity log show UK time (GMT/BST) whatever the computer’s zone; the log reads as sentences', async ({
  page,
  vault,
}) => {
  const { id, deletedAt } = await seedHistory(page, vault.dir);
  await vault.unlock();
  await page.getByRole('button', { name: 'Leaflets torn down' }).click();
  const line = page.getByTestId('written-line');
  await expect(line).toContainText('First written Tue 16/07/2019 21:31 · changed Tue 12/11/2019 20:31 (what happened)');

  // When it was recorded: UK time, the zone named (BST in July), not New York's.
  await expect(page.getByText('16 July 2019 at 21:31 BST')).toBeVisible();
  await line.getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: 'History of “Leaflets torn down”' });
  await expect(dialog).toContainText('Times are UK time (GMT/BST).');
  const versions = dialog.getByRole('list', { name: 'Saved versions, oldest first' }).getByRole('listitem');
  await expect(versions.nth(0)).toContainText('Version 1: first written Tue 16/07/2019 21:31');
  await expect(versions.nth(1)).toContainText('Version 2: changed Tue 12/11/2019 20:31');
  await shotsAt4(page, 'history-uk-time', versions.nth(0));
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(line.getByRole('button', { name: 'History' })).toBeFocused();

  // The bin: when it was deleted, in UK time (not New York's).
  await nav(page, 'Bin').click();
  const row = page.getByRole('list', { name: 'Deleted items' }).getByRole('listitem');
  await expect(row).toContainText(`Deleted${writtenLabel(deletedAt)}`);
  await expect(page.getByText('Times are UK time (GMT/BST).')).toBeVisible();

  // The activity log, as sentences; the raw entry (ids, hashes) in each entry's details.
  await nav(page, 'Settings').click();
  await page.getByRole('button', { name: 'Show the activity log' }).click();
  const log = page.getByRole('list', { name: 'Activity log, newest first' });
  await expect(log).toBeFocused();
  await expect(log).toContainText('Tue 16/07/2019 21:31 — you recorded the incident “Leaflets torn down”');
  await expect(log).toContainText(
    'Tue 12/11/2019 20:31 — you changed the incident “Leaflets torn down” (what happened)',
  );
  await expect(log).toContainText(
    `— you deleted the incident “Entered twice”, because: “Duplicate” (kept in the bin for 30 days)`,
  );
  await expect(log).not.toContainText(/\b(create|edit) incident\b/);
  const first = log.getByRole('listitem').filter({ hasText: 'you recorded the incident “Leaflets torn down”' });
  const raw = first.locator('details');
  await expect(raw.getByText(id)).toBeHidden();
  await raw.locator('summary').click();
  await expect(raw.getByText(`incident ${id}`)).toBeVisible();
  await expect(raw).toContainText('2019-07-16T20:31:00.000Z');
  await shotsAt4(page, 'activity-log', first);
  await axeClean(page, 'activity log');
  expect(vault.pageErrors).toEqual([]);
});

test('an over-long title: the counter says so, saving gives the limit and its length in words, nothing is saved', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'New incident' }).click();
  const title = page.getByLabel('Title');
  await title.fill('T'.repeat(380));
  await expect(page.getByTestId('char-count').first()).toHaveText('You have 120 characters left.');
  await title.fill('T'.repeat(543));
  const count = page.getByTestId('char-count').first();
  await expect(count).toHaveText('43 characters too many: the limit is 500.');
  // The field keeps every character typed (nothing is cut silently).
  await expect(title).toHaveValue('T'.repeat(543));
  await page.getByLabel('What happened').fill('A man shouted at me.');
  await typeDateTime(page, 'Date', '03052024');
  await page.getByRole('button', { name: 'Save incident' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The title can be up to 500 characters' });
  await expect(alert).toHaveText('The title can be up to 500 characters; it has 543. Shorten it, then save again.');
  await expect(page.getByText(/Too big|expected string|input\.title/)).toHaveCount(0);
  await shotsAt4(page, 'title-too-long', count);
  const list = await page.evaluate(async () => {
    const r = await window.vault!.invoke('incidents.list', {});
    return r.ok ? r.value.length : -1;
  });
  expect(list).toBe(0);
});

test('user text follows its own direction: dir="auto" on titles, descriptions, names, notes and their inputs', async ({
  page,
  vault,
}) => {
  await withCore(vault.dir, (v) => {
    const p = v.createPerson({ name: 'عمر الفاروق', description: 'رجل طويل' });
    v.createIncident({
      title: 'رسالة تهديد',
      occurredAt: { date: '2024-05-03', approximate: false },
      description: 'وصلتني رسالة على الهاتف',
      effect: 'لم أعد أخرج وحدي',
      perpetratorIds: [p.id],
    });
    v.createContact({ kind: 'spoc', name: 'שרה כהן', notes: 'מתקשרת בערב' });
  });
  await vault.unlock();
  await page.getByRole('button', { name: 'رسالة تهديد' }).click();
  const h1 = page.getByRole('heading', { level: 1, name: 'رسالة تهديد' });
  await expect(h1).toHaveAttribute('dir', 'auto');
  expect(await h1.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const description = page.getByText('وصلتني رسالة على الهاتف');
  expect(await description.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const effect = page.getByText('لم أعد أخرج وحدي');
  await expect(effect).toHaveAttribute('dir', 'auto');
  await shotsAt4(page, 'rtl-incident', h1);

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Title')).toHaveAttribute('dir', 'auto');
  expect(await page.getByLabel('Title').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await expect(page.getByLabel('What happened')).toHaveAttribute('dir', 'auto');

  await nav(page, 'Contacts').click();
  const contact = page.getByRole('heading', { name: 'שרה כהן' });
  expect(await contact.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const notes = page.getByText('מתקשרת בערב');
  expect(await notes.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

  await nav(page, 'Course of conduct').click();
  const person = page.getByRole('heading', { level: 2, name: 'عمر الفاروق' });
  expect(await person.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await page.getByRole('button', { name: 'Edit details of عمر الفاروق' }).click();
  await expect(page.getByLabel('Name')).toHaveAttribute('dir', 'auto');
  await expect(page.getByLabel('Description')).toHaveAttribute('dir', 'auto');
  expect(vault.pageErrors).toEqual([]);
});
