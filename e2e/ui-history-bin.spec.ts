/**
 * Issue 12, items 1 and 7 in the window, against the real core: an edited incident says when it
 * was first written and when it changed (which fields, in plain words); its history lists every
 * version oldest first and shows the first wording; a person's history likewise; a deletion with
 * a reason lands in the bin (what, when, why, days left) and Restore brings it back to the
 * timeline (a person comes back linked to their incidents); an item past its 30 days shows the
 * core's plain error and stays in the bin. Screenshots light and dark at 1280 and 800 wide into
 * /work/wt/shots/h2 (EV_G_SHOTS), and axe.
 */
import type { Page } from '@playwright/test';
import { BIN_DAYS, type BinItem, type Incident } from '../shared/model.js';
import { Vault } from '../electron/core/index.js';
import { setClock } from '../electron/core/store/store.js';
import { test, expect, TEST_PASSPHRASE } from './fixtures.js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { axeClean } from './g-shots.js';
import { UK_USER, nav } from './ui-helpers.js';

const SHOTS = process.env.EV_H2_SHOTS ?? '/work/wt/shots/h2';

/** Light and dark, 1280x800 and 800x700, scrolled to what changed. */
async function shotsAt4(page: Page, name: string, focus?: import('@playwright/test').Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const [w, h] of [
      [1280, 800],
      [800, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(60);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${theme}-${w}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.use({ ...UK_USER, vaultSeed: { people: [] } });

async function invoke<T>(page: Page, channel: string, req: object = {}): Promise<T> {
  const r = (await page.evaluate(([c, q]) => window.vault!.invoke(c as 'bin.list', q as Record<string, never>), [
    channel,
    req,
  ] as const)) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Write into the (locked, not yet open in the host) vault with the real core, at chosen times. */
async function withCore<T>(dir: string, work: (v: Vault, at: (iso: string) => void) => T): Promise<T> {
  const v = await Vault.open(dir, { passphrase: TEST_PASSPHRASE });
  try {
    return work(v, (iso) => setClock(() => new Date(iso)));
  } finally {
    setClock(undefined);
    v.close();
  }
}

test('an edited incident says when it was first written and changed; its history shows the first wording', async ({
  page,
  vault,
}) => {
  const id = await withCore(vault.dir, (v, at) => {
    at('2019-11-12T20:31:00Z');
    const first = v.createIncident({
      title: 'Leaflets torn down',
      occurredAt: { date: '2019-11-12', time: '19:40', offset: 'Z', approximate: false },
      description: 'Someone tore down our leaflets on the High Street.',
      location: 'High Street',
    });
    at('2019-11-13T09:02:00Z');
    v.updateIncident(first.id, {
      title: 'Leaflets torn down',
      occurredAt: { date: '2019-11-12', time: '19:40', offset: 'Z', approximate: false },
      description: 'A man in a grey hood tore down every leaflet on the High Street and shouted at the volunteer.',
      location: 'High Street, outside the library',
    });
    return first.id;
  });
  await vault.unlock();
  await page.getByRole('button', { name: 'Leaflets torn down' }).click();
  const line = page.getByTestId('written-line');
  await expect(line).toContainText(
    'First written Tue 12/11/2019 20:31 · changed Wed 13/11/2019 09:02 (what happened, place)',
  );
  await shotsAt4(page, 'incident-written-line', line);
  await axeClean(page, 'incident page');

  const historyButton = line.getByRole('button', { name: 'History' });
  await historyButton.click();
  const dialog = page.getByRole('dialog', { name: 'History of “Leaflets torn down”' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const versions = dialog.getByRole('list', { name: 'Saved versions, oldest first' }).getByRole('listitem');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('Version 1: first written Tue 12/11/2019 20:31');
  await expect(versions.nth(0)).toContainText('Someone tore down our leaflets on the High Street.');
  await expect(versions.nth(1)).toContainText('Version 2: changed Wed 13/11/2019 09:02');
  await expect(versions.nth(1)).toContainText('Changed: what happened, place.');
  // The earlier wording beside the new one.
  await expect(versions.nth(1).locator('.history-before').first()).toHaveText(
    /Someone tore down our leaflets on the High Street\./,
  );
  await expect(versions.nth(1).locator('.history-after').first()).toHaveText(/A man in a grey hood/);
  await shotsAt4(page, 'incident-history', versions.nth(1));
  await axeClean(page, 'incident history');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(historyButton).toBeFocused();

  // An edit in the window: the line names the field it changed, and the history grows.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Where it happened').fill('Market Square');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Leaflets torn down', level: 1 })).toBeVisible();
  await expect(line).toContainText(
    /First written Tue 12\/11\/2019 20:31 · changed \w{3} \d\d\/\d\d\/\d{4} \d\d:\d\d \(place\)/,
  );
  await line.getByRole('button', { name: 'History' }).click();
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(2)).toContainText('Changed: place.');
  await expect(versions.nth(2).locator('.history-before')).toHaveText(/High Street, outside the library/);
  await expect(versions.nth(2).locator('.history-after')).toHaveText(/Market Square/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const history = await invoke<unknown[]>(page, 'incidents.history', { id });
  expect(history).toHaveLength(3);
  expect(vault.pageErrors).toEqual([]);
});

test('a person has a history too, from the course of conduct', async ({ page, vault }) => {
  await withCore(vault.dir, (v, at) => {
    at('2024-05-01T10:00:00Z');
    const p = v.createPerson({ name: 'J. Smith', description: 'Tall, grey hood.' });
    at('2024-05-02T11:15:00Z');
    v.updatePerson(p.id, { name: 'John Smith', description: 'Tall, grey hood, drives a red van.' });
  });
  await vault.unlock();
  await nav(page, 'Course of conduct').click();
  await page.getByRole('button', { name: 'History of John Smith' }).click();
  const dialog = page.getByRole('dialog', { name: 'History of “John Smith”' });
  const versions = dialog.getByRole('listitem');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('Version 1: first written Wed 01/05/2024 11:00');
  await expect(versions.nth(0)).toContainText('J. Smith');
  await expect(versions.nth(1)).toContainText('Changed: name, description.');
  await expect(versions.nth(1).locator('.history-before').first()).toHaveText(/J\. Smith/);
  await shotsAt4(page, 'person-history', versions.nth(1));
  await axeClean(page, 'person history');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'History of John Smith' })).toBeFocused();
});

test('delete with a reason, the bin lists it, Restore brings it back; a person comes back linked', async ({
  page,
  vault,
}) => {
  await withCore(vault.dir, (v) => {
    const p = v.createPerson({ name: 'John Smith' });
    v.createIncident({
      title: 'Shouted at the volunteer',
      occurredAt: { date: '2024-05-03', approximate: false },
      perpetratorIds: [p.id],
    });
    v.createIncident({ title: 'Leaflets torn down', occurredAt: { date: '2024-05-01', approximate: false } });
  });
  await vault.unlock();

  // Delete an incident, with a reason.
  await page.getByRole('button', { name: 'Leaflets torn down' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this incident?' });
  await confirm.getByLabel(/Why are you deleting it/).fill('Entered twice by mistake');
  await confirm.getByRole('button', { name: 'Delete incident' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Leaflets torn down' })).toHaveCount(0);

  // Remove the person (unlinked from the incident naming them).
  await nav(page, 'Course of conduct').click();
  await page.getByRole('button', { name: 'Remove person: John Smith' }).click();
  const removeDialog = page.getByRole('dialog', { name: 'Remove John Smith?' });
  await removeDialog.getByLabel(/Why are you deleting it/).fill('Wrong man');
  await removeDialog.getByRole('button', { name: 'Remove person' }).click();
  await expect(removeDialog).toBeHidden();
  const unlinked = (await invoke<Incident[]>(page, 'incidents.list')).find(
    (i) => i.title === 'Shouted at the volunteer',
  );
  expect(unlinked?.perpetratorIds).toEqual([]);

  // The bin lists both: what, when, why, days left.
  await nav(page, 'Bin').click();
  await expect(page.getByRole('heading', { name: 'Bin', level: 1 })).toBeVisible();
  const items = page.getByRole('list', { name: 'Deleted items' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  const incidentRow = items.filter({ hasText: 'Leaflets torn down' });
  await expect(incidentRow).toContainText('Entered twice by mistake');
  await expect(incidentRow).toContainText(/30 days \(until \w{3} \d\d\/\d\d\/\d{4} \d\d:\d\d\)/);
  await expect(items.filter({ hasText: 'John Smith' })).toContainText('Wrong man');
  await shotsAt4(page, 'bin');
  await axeClean(page, 'bin');

  // Restore the incident: focus moves to the next Restore; the incident is back on the timeline.
  await page.getByRole('button', { name: 'Restore incident Leaflets torn down' }).click();
  await expect(page.getByRole('status')).toHaveText('Incident “Leaflets torn down” restored.');
  await expect(items).toHaveCount(1);
  const personRestore = page.getByRole('button', { name: 'Restore person John Smith' });
  await expect(personRestore).toBeFocused();

  // Restore the person: linked again; the bin is empty and its heading has the focus.
  await personRestore.click();
  await expect(page.getByText('The bin is empty.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bin', level: 1 })).toBeFocused();
  await shotsAt4(page, 'bin-empty');
  const relinked = (await invoke<Incident[]>(page, 'incidents.list')).find(
    (i) => i.title === 'Shouted at the volunteer',
  );
  expect(relinked?.perpetratorIds).toHaveLength(1);

  await nav(page, 'Timeline').click();
  await expect(page.getByRole('button', { name: 'Leaflets torn down' })).toBeVisible();
  await nav(page, 'Course of conduct').click();
  await expect(page.getByRole('heading', { name: 'John Smith', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: /Shouted at the volunteer/ })).toBeVisible();
  expect(vault.pageErrors).toEqual([]);
});

test('an item whose 30 days pass while the bin is open cannot be restored: the plain error, it stays', async ({
  page,
  vault,
}) => {
  // Deleted 30 days ago less a few seconds: still in the bin at unlock, past its time moments later.
  const deletedAt = Date.now() - BIN_DAYS * 86_400_000 + 12_000;
  await withCore(vault.dir, (v, at) => {
    at(new Date(deletedAt - 60_000).toISOString());
    const old = v.createIncident({ title: 'Old duplicate', occurredAt: { date: '2024-01-09', approximate: false } });
    at(new Date(deletedAt).toISOString());
    v.deleteIncident(old.id, 'Duplicate of another entry');
  });
  await vault.unlock();
  await nav(page, 'Bin').click();
  const row = page.getByRole('list', { name: 'Deleted items' }).getByRole('listitem');
  await expect(row).toContainText('1 day (until');
  await page.waitForTimeout(Math.max(0, deletedAt + BIN_DAYS * 86_400_000 - Date.now() + 1500));
  await page.getByRole('button', { name: 'Restore incident Old duplicate' }).click();
  await expect(page.getByRole('alert')).toContainText(
    /"Old duplicate" was deleted on .+ and its 30 days in the bin have passed, so it can no longer be restored; nothing was changed/,
  );
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('None: its 30 days have passed');
  expect((await invoke<BinItem[]>(page, 'bin.list')).map((b) => b.label)).toEqual(['Old duplicate']);
  expect((await invoke<Incident[]>(page, 'incidents.list')).map((i) => i.title)).toEqual([]);
  await shotsAt4(page, 'bin-past-30-days');
  await axeClean(page, 'bin with error');
});
