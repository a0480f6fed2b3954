/**
 * Drafts on every form (issue 12, item 3), beyond the incident forms, in the window against the
 * real core: a person's details, a contact, a police case and an exhibit's account autosave an
 * encrypted draft, come back after a lock and unlock (the page opens the form again), and a
 * changed form asks before it closes. Police cases can be changed and deleted (a reason, the safe
 * choice focused, the bin). Nothing typed is ever in the vault folder's files.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, TEST_PASSPHRASE } from './fixtures.js';
import { UK_USER, nav } from './ui-helpers.js';
import { axeClean, shotsAt4 } from './g-shots.js';

test.use({
  ...UK_USER,
  vaultSeed: {
    people: [{ name: 'Alan Example', role: 'perpetrator' }],
    contacts: [{ kind: 'spoc', name: 'PC Jane Smith', phone: '01632 960001' }],
    incidents: [{ title: 'Leaflets torn down', occurredAt: { date: '2024-05-03', approximate: false } }],
    attach: [{ incident: 0, files: ['post-1.png'] }],
  },
});

async function invoke<T>(page: Page, channel: string, req: unknown): Promise<T> {
  return (await page.evaluate(
    async ([c, r]) => {
      const out = await window.vault!.invoke(c as never, r as never);
      if (!out.ok) throw new Error(out.error.message);
      return out.value as unknown;
    },
    [channel, req] as const,
  )) as T;
}

const draftKeys = async (page: Page) =>
  (await invoke<{ key: string | null }[]>(page, 'drafts.list', {})).map((d) => d.key);

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

async function lockAndUnlock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

test("a person's details: kept as a draft across a lock, the form opens again with it; saving leaves none", async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await nav(page, 'Course of conduct').click();
  await page.getByRole('button', { name: 'Edit details of Alan Example' }).click();
  await page.getByLabel('Description').fill('Tall, grey van, seen at the station qv4');
  await lockAndUnlock(page);
  await expect(page.getByRole('heading', { name: 'Course of conduct', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Description')).toHaveValue('Tall, grey van, seen at the station qv4');
  await expect(page.getByText(/^Restored what you were writing at \d\d:\d\d\./)).toBeVisible();
  expect(filesHolding(vault.dir, 'station qv4')).toEqual([]);
  expect(await draftKeys(page)).toEqual([`person:${vault.seed!.personIds[0]}`]);
  await shotsAt4(page, 'person-draft-restored', page.getByLabel('Description'));
  await axeClean(page, 'person-draft-restored');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('button', { name: 'Edit details of Alan Example' })).toBeFocused();
  expect(await draftKeys(page)).toEqual([]);
});

test('a contact: auto-lock in the middle of typing, then unlock, brings the form back; Cancel asks first', async ({
  page,
  vault,
}) => {
  await page.clock.install();
  await vault.unlock();
  await invoke(page, 'settings.update', { patch: { autoLockMinutes: 1 } });
  await page.reload();
  await nav(page, 'Contacts').click();
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByLabel('Name').fill('Sgt Rahman');
  await page.getByLabel('Notes').fill('Call after 6pm, ask for the election team xk9');
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  expect(filesHolding(vault.dir, 'election team xk9')).toEqual([]);
  await page.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New contact' })).toBeVisible();
  await expect(page.getByLabel('Notes')).toHaveValue('Call after 6pm, ask for the election team xk9');
  await expect(page.getByLabel('Name')).toHaveValue('Sgt Rahman');

  // Cancel on a changed form asks: keep as a draft (focused), discard, stay.
  await page.getByRole('button', { name: 'Cancel' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave this form?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep this as a draft' })).toBeFocused();
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByLabel('Notes')).toHaveValue('Call after 6pm, ask for the election team xk9');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('button', { name: 'Add a contact' })).toBeFocused();
  expect(await draftKeys(page)).toEqual([]);
});

test("an exhibit's account: kept across a lock; leaving the page asks; the timeline names the draft", async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'Leaflets torn down' }).click();
  await page
    .getByRole('button', { name: /post-1\.png/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Describe this exhibit' }).click();
  await page.getByLabel('Description').fill('The post with my home street in it wb2');
  await lockAndUnlock(page);
  await expect(page.getByRole('heading', { name: 'Describe this exhibit' })).toBeVisible();
  await expect(page.getByLabel('Description')).toHaveValue('The post with my home street in it wb2');
  expect(filesHolding(vault.dir, 'home street in it wb2')).toEqual([]);
  // Leaving the page with changes asks; kept, the timeline names it and opens it again.
  await nav(page, 'Timeline').click();
  await page
    .getByRole('dialog', { name: 'Leave this form?' })
    .getByRole('button', { name: 'Keep this as a draft' })
    .click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  const notice = page.getByRole('region', { name: 'Unfinished writing' });
  await expect(notice).toContainText(/Your account of exhibit .+, not saved yet: draft kept at \d\d:\d\d\./);
  await notice.getByRole('button', { name: 'Open it' }).click();
  await expect(page.getByLabel('Description')).toHaveValue('The post with my home street in it wb2');
  await page.getByRole('button', { name: 'Save description' }).click();
  await expect(page.getByRole('button', { name: 'Describe this exhibit' })).toBeFocused();
  expect(await draftKeys(page)).toEqual([]);
});

test('police cases: changed (a draft across a lock) and deleted deliberately (a reason, the safe choice focused, the bin)', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await invoke(page, 'cases.create', {
    input: { force: 'Kent Police', reference: '46/1234/24', incidentIds: [vault.seed!.incidentIds[0]] },
  });
  await page.reload();
  await nav(page, 'Contacts').click();
  await page.getByRole('button', { name: 'Edit police case 46/1234/24' }).click();
  await expect(page.getByLabel('Police force')).toBeFocused();
  await page.getByLabel('Officer', { exact: true }).fill('DC Owens');
  await lockAndUnlock(page);
  await expect(page.getByRole('heading', { name: 'Change police case' })).toBeVisible();
  await expect(page.getByLabel('Officer', { exact: true })).toHaveValue('DC Owens');
  await page.getByRole('button', { name: 'Save police case' }).click();
  const cases = page.getByRole('list', { name: 'Police cases' });
  await expect(cases).toContainText('46/1234/24 (Kent Police), officer DC Owens — 1 incident');
  await expect(page.getByText('46/1234/24 (Kent Police)')).toBeFocused();
  expect(await draftKeys(page)).toEqual([]);
  await shotsAt4(page, 'police-cases-list', cases);
  await axeClean(page, 'police cases');

  await page.getByRole('button', { name: 'Delete police case 46/1234/24' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete police case 46/1234/24?' });
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Delete police case' })).toBeDisabled();
  await shotsAt4(page, 'case-delete-dialog');
  await dialog.getByLabel(/why/i).fill('Entered twice');
  await dialog.getByRole('button', { name: 'Delete police case' }).click();
  await expect(page.getByText('No police cases yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a police case' })).toBeFocused();
  const log = await invoke<{ action: string; subjectKind: string; details: Record<string, unknown> }[]>(
    page,
    'custody.list',
    {},
  );
  expect(log.at(-1)).toMatchObject({ action: 'delete', subjectKind: 'case', details: { reason: 'Entered twice' } });

  await nav(page, 'Bin').click();
  await expect(page.getByRole('heading', { name: /Police case 46\/1234\/24 \(Kent Police\)/ })).toBeVisible();
  await shotsAt4(page, 'bin-police-case');
  await page.getByRole('button', { name: 'Restore police case 46/1234/24 (Kent Police)' }).click();
  await nav(page, 'Contacts').click();
  await expect(cases).toContainText('46/1234/24 (Kent Police), officer DC Owens — 1 incident');
  expect(vault.pageErrors).toEqual([]);
});

test('your details in Settings: kept as a draft across a lock, restored after the unlock; saving leaves none', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await nav(page, 'Settings').click();
  await page.getByLabel('A safe way for the police to contact you').fill('Text my agent first zx8');
  await lockAndUnlock(page);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByLabel('A safe way for the police to contact you')).toHaveValue('Text my agent first zx8');
  await expect(page.getByText(/^Restored what you were writing at \d\d:\d\d\./)).toBeVisible();
  expect(filesHolding(vault.dir, 'agent first zx8')).toEqual([]);
  expect(await draftKeys(page)).toEqual(['settings:details']);
  await page.getByRole('button', { name: 'Save my details' }).click();
  await expect(page.getByText('Your details were saved.')).toBeVisible();
  await expect.poll(() => draftKeys(page)).toEqual([]);
  const settings = await invoke<{ safeContact: string }>(page, 'settings.get', {});
  expect(settings.safeContact).toBe('Text my agent first zx8');
});
