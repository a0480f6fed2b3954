/**
 * Drafts never lost (issue 12, item 3), in the window against the real core: every incident form
 * autosaves an encrypted draft; auto-lock in the middle of typing, then unlock, brings it back;
 * "Use the full form instead" carries the text; leaving a changed form asks; saving leaves no
 * draft; a damaged draft is named; the draft text is never in the vault folder's files.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test, expect, TEST_PASSPHRASE } from './fixtures.js';
import { UK_USER, nav } from './ui-helpers.js';
import { DB_FILE } from '../electron/core/vault.js';

test.use({
  ...UK_USER,
  vaultSeed: { incidents: [{ title: 'Leaflets torn down', occurredAt: { date: '2024-05-03', approximate: false } }] },
});

const SHOTS = '/work/wt/shots/h1';

/** Screenshots light and dark at 1280 and 800 wide, then axe (serious and critical fail). */
async function look(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.screenshot({ path: path.join(SHOTS, `${name}-${theme}-${width}.png`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    `axe on ${name}`,
  ).toEqual([]);
}

async function drafts(page: Page): Promise<unknown[]> {
  return await page.evaluate(async () => {
    const r = await window.vault!.invoke('drafts.list', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
}

/** Every file in the vault folder (WAL and journal included) that holds `text`, as UTF-8 or UTF-16. */
function filesHolding(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (needles.some((n) => readFileSync(p).includes(n))) out.push(p);
    }
  };
  walk(dir);
  return out;
}

async function unlockForm(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

test('auto-lock in the middle of typing, then unlock: the quick add comes back with its draft; never in plaintext on disk', async ({
  page,
  vault,
}) => {
  await page.clock.install();
  await vault.unlock();
  await page.evaluate(() => window.vault!.invoke('settings.update', { patch: { autoLockMinutes: 1 } }));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Quick add' }).click();
  const secret = 'He waited by my car at the school gate zq7';
  const what = page.getByLabel('What happened');
  await what.fill(secret);
  // Autosaved a moment after typing stops: only through the vault, encrypted.
  await page.clock.fastForward(2000);
  await expect.poll(() => drafts(page)).toEqual([expect.objectContaining({ key: 'quick-add' })]);
  expect(filesHolding(vault.dir, 'school gate zq7')).toEqual([]);

  // More typing, then nothing for a minute: the vault locks itself (the draft is saved first).
  await what.pressSequentially(' and followed me', { delay: 5 });
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  expect(filesHolding(vault.dir, 'school gate zq7')).toEqual([]);
  expect(filesHolding(vault.dir, 'followed me')).toEqual([]);

  await unlockForm(page);
  await expect(page.getByRole('heading', { name: 'Quick add', level: 1 })).toBeVisible();
  await expect(page.getByLabel('What happened')).toHaveValue(`${secret} and followed me`);
  await expect(page.getByText(/^Restored what you were writing at \d\d:\d\d\./)).toBeVisible();
  await look(page, 'quick-add-restored');

  // Saving the record leaves no draft.
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { name: /He waited by my car/, level: 1 })).toBeVisible();
  // The draft goes once the record is saved, queued behind any autosave still on its way (the form need not wait).
  await expect.poll(() => drafts(page)).toEqual([]);
  expect(vault.pageErrors).toEqual([]);
});

test('the Lock button in the middle of typing: the edit is kept as a draft and comes back after the unlock', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'Leaflets torn down' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit incident' })).toBeVisible();
  await page.getByLabel('What happened').fill('Every leaflet on Mill Lane was torn down overnight');
  // Straight away, before the autosave: the lock saves the draft first.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlockForm(page);
  await expect(page.getByRole('heading', { name: 'Edit incident' })).toBeVisible();
  await expect(page.getByLabel('What happened')).toHaveValue('Every leaflet on Mill Lane was torn down overnight');
  const id = vault.seed!.incidentIds[0]!;
  expect(await drafts(page)).toEqual([expect.objectContaining({ key: `incident:${id}` })]);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Leaflets torn down', level: 1 })).toBeVisible();
  await expect(page.getByText('Every leaflet on Mill Lane was torn down overnight')).toBeVisible();
  // The draft goes once the record is saved, queued behind any autosave still on its way (the form need not wait).
  await expect.poll(() => drafts(page)).toEqual([]);
});

test('"Use the full form instead" carries the text across; the saved incident leaves no draft', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'Quick add' }).click();
  await page.getByLabel('What happened').fill('A man shouted at me outside the count');
  await page.getByRole('button', { name: 'Use the full form instead' }).click();
  await expect(page.getByRole('heading', { name: 'New incident', level: 1 })).toBeVisible();
  await expect(page.getByLabel('What happened')).toHaveValue('A man shouted at me outside the count');
  await expect(page.getByText('What you wrote in quick add is here.')).toBeVisible();
  await look(page, 'full-form-carried');
  await expect.poll(async () => (await drafts(page)).map((d) => (d as { key: string }).key)).toEqual(['incident:new']);
  await page.getByLabel('Title').fill('Shouted at outside the count');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { name: 'Shouted at outside the count', level: 1 })).toBeVisible();
  // The draft goes once the record is saved, queued behind any autosave still on its way (the form need not wait).
  await expect.poll(() => drafts(page)).toEqual([]);
  // A new form is blank again.
  await page.getByRole('button', { name: 'New incident' }).click();
  await expect(page.getByLabel('What happened')).toHaveValue('');
  await expect(page.getByText(/Restored what you were writing/)).toHaveCount(0);
});

test('leaving a changed form asks first: keep as a draft (focused), discard, stay; the timeline names kept drafts', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  // A form without changes leaves without asking.
  await page.getByRole('button', { name: 'New incident' }).click();
  await nav(page, 'Contacts').click();
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'New incident' }).click();
  await page.getByLabel('Title').fill('Car followed me home');
  await nav(page, 'Contacts').click();
  const dialog = page.getByRole('dialog', { name: 'Leave this form?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep this as a draft' })).toBeFocused();
  await look(page, 'leave-dialog');
  // Escape stays, nothing lost.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Title')).toHaveValue('Car followed me home');

  // Cancel asks too; Discard by keyboard.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Discard' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  await expect.poll(() => drafts(page)).toEqual([]);

  // Keep it as a draft: the timeline names it, and it opens again with the text.
  await page.getByRole('button', { name: 'New incident' }).click();
  await page.getByLabel('Title').fill('Car followed me home');
  await nav(page, 'Timeline').click();
  await dialog.getByRole('button', { name: 'Keep this as a draft' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  const notice = page.getByRole('region', { name: 'Unfinished writing' });
  await expect(notice).toContainText(/A new incident, not saved yet: draft kept at \d\d:\d\d\./);
  await look(page, 'timeline-drafts');
  await notice.getByRole('button', { name: 'Open it' }).click();
  await expect(page.getByRole('heading', { name: 'New incident', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Car followed me home');
  // Discard it: the form is blank and the draft is gone.
  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('');
  await expect.poll(() => drafts(page)).toEqual([]);
  await nav(page, 'Contacts').click();
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
});

test('a draft that fails to decrypt is named on the timeline and in the form, and can be discarded', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await page.evaluate(() =>
    window.vault!.invoke('drafts.save', { key: 'incident:new', text: JSON.stringify({ v: 1, form: { title: 'x' } }) }),
  );
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  const db = new Database(path.join(vault.dir, DB_FILE));
  const row = db.prepare(`SELECT id, body FROM records WHERE kind = 'draft'`).get() as { id: string; body: Buffer };
  const flipped = Buffer.from(row.body);
  flipped[flipped.length >> 1]! ^= 0x10;
  db.prepare(`UPDATE records SET body = ? WHERE id = ?`).run(flipped, row.id);
  db.close();

  await unlockForm(page);
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  const notice = page.getByRole('region', { name: 'Unfinished writing' });
  await expect(notice).toContainText('A draft could not be read: it may be damaged.');
  await page.getByRole('button', { name: 'New incident' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'A draft could not be read' });
  await expect(alert).toContainText('A draft could not be read: it may be damaged. Discard it');
  await look(page, 'damaged-draft');
  await alert.getByRole('button', { name: 'Discard it' }).click();
  await expect(alert).toHaveCount(0);
  await expect.poll(() => drafts(page)).toEqual([]);
});
