/**
 * The agent's bulk tools on the timeline (issue 15, item 4): choose several incidents (checkboxes,
 * Shift-click, Ctrl-A) and set the person believed responsible and a report on each; each change
 * is one saved version per incident (one activity-log entry each). With the mouse, and with the
 * keyboard alone. Screenshots light and dark at 1280×800 and 800×700.
 */
import type { Page } from '@playwright/test';
import type { CustodyEntry, Incident, Person } from '../shared/model.js';
import { test, expect } from './fixtures.js';
import { UK_USER, setTheme, shot } from './ui-helpers.js';
import { axeClean } from './g-shots.js';

const SHOTS = process.env.EV_SHOTS_F;

test.use({
  ...UK_USER,
  vaultSeed: {
    people: [{ name: 'Alice Troll', role: 'perpetrator' }],
    incidents: [
      { title: 'Abusive reply on X', occurredAt: { date: '2024-03-02', time: '21:40', offset: 'Z' } },
      { title: 'Leaflets torn down', occurredAt: { date: '2024-05-01', time: '10:00', offset: '+01:00' } },
      { title: 'Egg thrown at the window', occurredAt: { date: '2024-06-10' } },
      { title: 'Letter through the door', occurredAt: { date: '2024-06-12' } },
    ],
  },
});

async function invoke<T>(page: Page, channel: 'people.list' | 'incidents.list' | 'custody.list'): Promise<T> {
  const r = await page.evaluate((c) => window.vault!.invoke(c, {}), channel);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

const THREE = ['Abusive reply on X', 'Leaflets torn down', 'Egg thrown at the window'];

async function expectThreeChanged(page: Page, person: string, force: string) {
  const people = await invoke<Person[]>(page, 'people.list');
  const pid = people.find((p) => p.name === person)?.id;
  expect(pid).toBeDefined();
  const incidents = await invoke<Incident[]>(page, 'incidents.list');
  for (const i of incidents) {
    const chosen = THREE.includes(i.title);
    expect(i.perpetratorIds.includes(pid!), i.title).toBe(chosen);
    expect(
      i.reports.some((r) => r.kind === 'police' && r.force === force),
      i.title,
    ).toBe(chosen);
  }
  // One saved version per incident per change: one 'edit' entry each.
  const log = await invoke<CustodyEntry[]>(page, 'custody.list');
  const edits = log.filter((e) => e.action === 'edit' && e.subjectKind === 'incident');
  expect(edits).toHaveLength(6);
  const ids = incidents.filter((i) => THREE.includes(i.title)).map((i) => i.id);
  for (const id of ids) expect(edits.filter((e) => e.subjectId === id)).toHaveLength(2);
}

test('with the mouse: Shift-click three, set the person and the report on each', async ({ page, vault }) => {
  await vault.unlock();
  await page.setViewportSize({ width: 1280, height: 800 });
  const box = (title: string) => page.getByRole('checkbox', { name: `Choose “${title}”` });
  await box('Abusive reply on X').click();
  await box('Egg thrown at the window').click({ modifiers: ['Shift'] });
  for (const t of THREE) await expect(box(t)).toBeChecked();
  await expect(box('Letter through the door')).not.toBeChecked();
  const bar = page.getByTestId('bulk-bar');
  await expect(bar.getByRole('heading', { name: '3 incidents chosen' })).toBeVisible();

  await bar.getByRole('button', { name: 'Believed responsible…' }).click();
  await expect(page.getByLabel('Someone already recorded')).toBeFocused();
  await page.getByLabel('Someone already recorded').selectOption({ label: 'Alice Troll' });
  await axeClean(page, 'timeline with the bulk bar open');
  if (SHOTS) {
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await page.screenshot({ path: `${SHOTS}/bulk-person-1280-${theme}.png` });
    }
    await setTheme(page, 'light');
  }
  await bar.getByRole('button', { name: 'Save on 3 incidents' }).click();
  await expect(bar.getByText('Alice Troll recorded as believed responsible on 3 incidents.')).toBeFocused();

  await bar.getByRole('button', { name: 'Reported to…' }).click();
  await expect(page.getByLabel('Reported to', { exact: true })).toBeFocused();
  await page.getByLabel('Police force').fill('Kent Police');
  await page.getByLabel('Reference (if given)').fill('46/12345/24');
  await bar.getByRole('button', { name: 'Save on 3 incidents' }).click();
  await expect(bar.getByText('Told the police (Kent Police) recorded on 3 incidents.')).toBeVisible();
  await expectThreeChanged(page, 'Alice Troll', 'Kent Police');

  // Saying the same again changes nothing and says so.
  await bar.getByRole('button', { name: 'Reported to…' }).click();
  await page.getByLabel('Police force').fill('Kent Police');
  await page.getByLabel('Reference (if given)').fill('46/12345/24');
  await bar.getByRole('button', { name: 'Save on 3 incidents' }).click();
  await expect(bar.getByText('Nothing changed: all 3 incidents already had it.')).toBeVisible();
  await expectThreeChanged(page, 'Alice Troll', 'Kent Police');

  if (SHOTS) {
    for (const [w, h] of [
      [1280, 800],
      [800, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(page, theme);
        await page.screenshot({ path: `${SHOTS}/bulk-done-${w}-${theme}.png` });
      }
    }
  }
  await shot(page, 'bulk-done');
});

test('with the keyboard alone: Ctrl-A in the list, a new person and a report on three', async ({ page, vault }) => {
  await vault.unlock();
  await page.setViewportSize({ width: 1280, height: 800 });
  // Tab to the first incident's checkbox.
  const first = page.getByRole('checkbox', { name: 'Choose “Abusive reply on X”' });
  for (let i = 0; i < 40 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(first).toBeFocused();
  // Space ticks one; Ctrl-A every incident listed; Space on the first unticks it again.
  await page.keyboard.press('Control+a');
  const bar = page.getByTestId('bulk-bar');
  await expect(bar.getByRole('heading', { name: '4 incidents chosen' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await page.keyboard.press('Space');
  // Shift+Space on the third: the range from the first.
  await page.keyboard.press('Tab'); // the next title
  await page.keyboard.press('Tab'); // its checkbox
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const third = page.getByRole('checkbox', { name: 'Choose “Egg thrown at the window”' });
  await expect(third).toBeFocused();
  await page.keyboard.press('Shift+Space');
  await expect(bar.getByRole('heading', { name: '3 incidents chosen' })).toBeVisible();

  // To the bar: Shift+Tab back past the list reaches its buttons.
  const personButton = bar.getByRole('button', { name: 'Believed responsible…' });
  for (let i = 0; i < 20 && !(await personButton.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(personButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Someone already recorded')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Or someone new: name or online handle')).toBeFocused();
  await page.keyboard.type('Bob Shouter');
  await page.keyboard.press('Enter');
  const done = bar.getByText('Bob Shouter recorded as believed responsible on 3 incidents.');
  await expect(done).toBeFocused();

  const report = bar.getByRole('button', { name: 'Reported to…' });
  for (let i = 0; i < 10 && !(await report.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(report).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Reported to', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sussex Police');
  await page.keyboard.press('Enter');
  await expect(bar.getByText('Told the police (Sussex Police) recorded on 3 incidents.')).toBeFocused();
  await expectThreeChanged(page, 'Bob Shouter', 'Sussex Police');

  // Escape in a panel closes it and gives the focus back to its button.
  await page.keyboard.press('Shift+Tab');
  const category = bar.getByRole('button', { name: 'Category…' });
  for (let i = 0; i < 10 && !(await category.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Category', { exact: true }).last()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(category).toBeFocused();
});

test('put the chosen incidents in a case pack: the wizard opens with only them ticked', async ({ page, vault }) => {
  await vault.unlock();
  await page.getByRole('checkbox', { name: 'Choose “Leaflets torn down”' }).click();
  await page.getByRole('checkbox', { name: 'Choose “Letter through the door”' }).click();
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Put in a case pack' }).click();
  await expect(page.getByRole('heading', { name: /case pack/i, level: 1 }).first()).toBeVisible();
  const ticked = page.getByRole('checkbox', { checked: true });
  await expect(ticked.filter({ hasText: /./ })).toHaveCount(0);
  for (const t of ['Leaflets torn down', 'Letter through the door']) {
    await expect(page.getByRole('checkbox', { name: new RegExp(t) })).toBeChecked();
  }
  for (const t of ['Abusive reply on X', 'Egg thrown at the window']) {
    await expect(page.getByRole('checkbox', { name: new RegExp(t) })).not.toBeChecked();
  }
});
