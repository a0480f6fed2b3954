/**
 * Quick add with a person and a pasted picture, and the agent's own passphrase from Settings
 * (issue 15, item 4): the agent unlocks with it and what they enter says "by Sam (agent)".
 * Screenshots light and dark at 1280×800 and 800×700 (EV_SHOTS_F).
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { CustodyEntry, Incident, Person } from '../shared/model.js';
import { test, expect, TEST_PASSPHRASE } from './fixtures.js';
import { axeClean } from './g-shots.js';
import { FIXTURES, UK_USER, dropFiles, fileForDrop, nav, setTheme, sha256File, typeDateTime } from './ui-helpers.js';

const SHOTS = process.env.EV_SHOTS_F;
const AGENT = 'tulip harbour lantern seventy';

test.use({ ...UK_USER, vaultSeed: { people: [{ name: 'Alice Troll', role: 'perpetrator' }] } });

async function invoke<T>(page: Page, channel: 'people.list' | 'incidents.list' | 'custody.list'): Promise<T> {
  const r = await page.evaluate((c) => window.vault!.invoke(c, {}), channel);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

async function shots(page: Page, name: string, show?: import('@playwright/test').Locator) {
  if (!SHOTS) return;
  for (const [w, h] of [
    [1280, 800],
    [800, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      if (show) await show.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${SHOTS}/${name}-${w}-${theme}.png` });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await setTheme(page, 'light');
}

/** The unlock form (a fresh vault process starts at each unlock: slow on a busy machine). */
async function unlockThroughUi(page: Page, passphrase: string) {
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible({ timeout: 30_000 });
}

async function pastePicture(page: Page, target: 'textarea' | 'body') {
  const png = await fileForDrop(path.join(FIXTURES, 'post-2.png'), 'image/png');
  await page.evaluate(
    ([f, where]) => {
      const bin = atob(f.base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      const el = where === 'textarea' ? document.querySelector('#inc-description')! : document.body;
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    [png, target] as const,
  );
}

test('quick add with a person and a pasted picture: one incident, its exhibit, the person linked', async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'Quick add' }).click();
  await expect(page.getByRole('heading', { name: 'Quick add', level: 1 })).toBeFocused();
  await typeDateTime(page, 'Date', '18112024');
  const what = page.getByLabel('What happened');
  await what.fill('Reply on X saying he knows where I live');

  const who = page.getByRole('group', { name: 'Who you believe is responsible (if you know)' });
  await who.getByLabel('Someone already recorded').selectOption({ label: 'Alice Troll' });
  await expect(who.getByRole('button', { name: 'Remove Alice Troll' })).toBeVisible();
  await who.getByLabel('New person: name or online handle').fill('@troll_123');
  await page.keyboard.press('Enter');
  await expect(who.getByRole('button', { name: 'Remove @troll_123' })).toBeVisible();
  // Removing one keeps the focus in the picker, not on the page body.
  await who.getByRole('button', { name: 'Remove @troll_123' }).click();
  await expect(who.getByLabel('New person: name or online handle')).toBeFocused();
  await who.getByLabel('Someone already recorded').selectOption({ label: '@troll_123' });

  // A picture pasted while typing (the clipboard has no text): taken as a file, the focus stays.
  await what.focus();
  await pastePicture(page, 'textarea');
  const files = page.getByRole('list', { name: 'Files to add when you save' });
  await expect(files.getByRole('listitem')).toHaveCount(1);
  await expect(files).toContainText(/pasted-image-\d{8}-\d{6}\.png/);
  await expect(what).toBeFocused();
  await expect(what).toHaveValue('Reply on X saying he knows where I live');
  // A second one, then removed: the focus goes back to "Choose files…".
  await pastePicture(page, 'body');
  await expect(files.getByRole('listitem')).toHaveCount(2);
  await files
    .getByRole('button', { name: /^Remove pasted-image/ })
    .last()
    .click();
  await expect(files.getByRole('listitem')).toHaveCount(1);
  await expect(files.getByRole('button', { name: /^Remove pasted-image/ })).toBeFocused();
  // A file dropped on the box joins them.
  await dropFiles(page, '[data-testid="quick-dropzone"]', [
    await fileForDrop(path.join(FIXTURES, 'letter.pdf'), 'application/pdf'),
  ]);
  await expect(files.getByRole('listitem')).toHaveCount(2);
  await expect(files).toContainText('letter.pdf');
  await axeClean(page, 'quick add with a person and files');
  await shots(page, 'quick-add');

  await page.getByRole('button', { name: 'Save incident' }).click();
  const title = 'Reply on X saying he knows where I live';
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Exhibits (2)' })).toBeVisible();

  const incidents = await invoke<Incident[]>(page, 'incidents.list');
  expect(incidents).toHaveLength(1);
  const [inc] = incidents;
  const people = await invoke<Person[]>(page, 'people.list');
  const alice = people.find((p) => p.name === 'Alice Troll')!;
  const troll = people.find((p) => p.handles.includes('@troll_123'))!;
  expect(inc!.perpetratorIds).toEqual([alice.id, troll.id]);
  expect(inc!.exhibits).toHaveLength(2);
  expect(inc!.exhibits[0]).toMatchObject({
    mediaType: 'image/png',
    sha256: await sha256File(path.join(FIXTURES, 'post-2.png')),
  });
  expect(inc!.exhibits[0]!.name).toMatch(/^pasted-image-\d{8}-\d{6}\.png$/);
  // One incident entry and one import: the file went in with the saved incident.
  const log = await invoke<CustodyEntry[]>(page, 'custody.list');
  expect(log.filter((e) => e.action === 'create' && e.subjectKind === 'incident')).toHaveLength(1);
  expect(log.filter((e) => e.action === 'import')).toHaveLength(2);
  expect(vault.pageErrors).toEqual([]);
});

test("the agent's own passphrase from Settings: they unlock with it and their entries say so", async ({
  page,
  vault,
}) => {
  await vault.unlock();
  await nav(page, 'Settings').click();
  const section = page.getByRole('region', { name: 'Who can open this vault' });
  await expect(
    section.getByRole('list', { name: 'Passphrases that open this vault' }).getByRole('listitem'),
  ).toHaveCount(2);
  await section.getByRole('button', { name: 'Add a passphrase for someone else…' }).click();
  await expect(page.getByLabel('Their name, as entries will show it')).toBeFocused();
  await page.getByLabel('Their name, as entries will show it').fill('Sam (agent)');
  await page.getByLabel('Their passphrase', { exact: true }).fill(AGENT);
  await page.getByLabel('Their passphrase again').fill(AGENT);
  // A wrong owner passphrase: refused, nothing changed.
  await page.getByLabel('Your current passphrase').fill('not my passphrase at all');
  await section.getByRole('button', { name: 'Add their passphrase' }).click();
  await expect(section.getByRole('alert')).toContainText("That is not the owner's current passphrase.");
  await expect(page.getByLabel('Your current passphrase')).toBeFocused();
  const slots = await page.evaluate(() => window.vault!.invoke('slots.list', {}));
  expect(slots.ok && slots.value.length).toBe(2);
  await axeClean(page, 'settings: add a passphrase');
  await shots(page, 'settings-add-passphrase', section);

  await page.getByLabel('Your current passphrase').fill(TEST_PASSPHRASE);
  await section.getByRole('button', { name: 'Add their passphrase' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Sam (agent) can now open this vault' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Add a passphrase for someone else…' })).toBeFocused();
  await expect(section.getByText('Sam (agent)', { exact: true })).toBeVisible();
  await shots(page, 'settings-passphrases', section);

  // The agent unlocks with their own passphrase and adds an incident.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlockThroughUi(page, AGENT);
  await page.getByRole('button', { name: 'Quick add' }).click();
  await typeDateTime(page, 'Date', '19112024');
  await page.getByLabel('What happened').fill('Posters torn down on Mill Lane');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByTestId('written-line')).toContainText('by Sam (agent)');
  await page.getByTestId('written-line').getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('dialog').getByText('Entered by Sam (agent)')).toBeVisible();
  await shots(page, 'history-entered-by');
  await page.keyboard.press('Escape');

  // The agent cannot remove anyone; the owner can.
  await nav(page, 'Settings').click();
  await expect(section.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlockThroughUi(page, TEST_PASSPHRASE);
  await nav(page, 'Settings').click();
  await section.getByRole('button', { name: 'Remove Sam (agent)’s passphrase' }).click();
  await expect(section.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await section.getByRole('button', { name: 'Remove it' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'no longer opens this vault' })).toBeVisible();
  await expect(
    section.getByRole('list', { name: 'Passphrases that open this vault' }).getByRole('listitem'),
  ).toHaveCount(2);
  const log = await invoke<CustodyEntry[]>(page, 'custody.list');
  expect(log.filter((e) => 'passphraseSlot' in e.details).map((e) => e.details.passphraseSlot)).toEqual([
    'added',
    'removed',
  ]);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(AGENT);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
});
