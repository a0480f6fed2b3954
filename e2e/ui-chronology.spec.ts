/**
 * Issue 15 (items 3 and 7, and the home "to do"): the timeline as a numbered chronology, a layout
 * that works at 800 px (the navigation behind "Menu", badges never cut off), the To do panel, and
 * the three-step start after a vault is made. Screenshots light and dark at 1280×800 and 800×700
 * go to /work/wt/shots/e (EV_E_SHOTS).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { UK_USER, addThroughBridge, createVaultThroughUi, nav } from './ui-helpers.js';
import { axeClean } from './g-shots.js';

test.use(UK_USER);

const SHOTS = process.env.EV_E_SHOTS ?? '/work/wt/shots/e';

async function shots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const [w, h] of [
      [1280, 800],
      [800, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(120);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${theme}-${w}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
}

/** How many of these are wholly inside the window (and not under the sticky header of the list). */
async function fullyVisible(rows: Locator): Promise<number> {
  return rows.evaluateAll((els) => {
    const h = window.innerHeight;
    const w = window.innerWidth;
    return els.filter((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= h && r.left >= 0 && r.right <= w;
    }).length;
  });
}

/** Badges whose text is cut off: wider than their box, or sticking out of the card or cell they are in. */
async function clippedBadges(page: Page): Promise<string[]> {
  return page.locator('.scroller').evaluate((root) => {
    const bad: string[] = [];
    for (const b of Array.from(root.querySelectorAll<HTMLElement>('.badge'))) {
      const box = b.closest<HTMLElement>('[role="cell"], .entry') ?? root;
      const r = b.getBoundingClientRect();
      const c = box.getBoundingClientRect();
      if (
        b.scrollWidth > b.clientWidth + 1 ||
        r.left < c.left - 1 ||
        r.right > c.right + 1 ||
        box.scrollWidth > box.clientWidth + 1
      ) {
        bad.push(`${b.textContent ?? ''} (${Math.round(r.width)} px in ${Math.round(c.width)} px)`);
      }
    }
    return bad;
  });
}

/** Name a person believed responsible on an incident, through window.vault (the real core). */
async function believe(page: Page, title: string, name: string): Promise<void> {
  const err = await page.evaluate(
    async ({ title, name }) => {
      const v = window.vault!;
      const p = await v.invoke('people.create', { input: { name } });
      if (!p.ok) return p.error.message;
      const list = await v.invoke('incidents.list', {});
      if (!list.ok) return list.error.message;
      const inc = list.value.find((i) => i.title === title)!;
      const { id, createdAt, updatedAt, writtenAt, changedAt, changedFields, exhibits, ...input } = inc;
      void [createdAt, updatedAt, writtenAt, changedAt, changedFields, exhibits];
      const r = await v.invoke('incidents.update', { id, input: { ...input, perpetratorIds: [p.value.id] } });
      return r.ok ? null : r.error.message;
    },
    { title, name },
  );
  if (err) throw new Error(err);
}

test.describe('a record of 15 incidents', () => {
  test.use({
    vaultSeed: {
      incidents: [
        {
          title: 'Leaflets torn down',
          occurredAt: { date: '2000-01-01', time: '10:00', offset: 'Z', approximate: false },
          categories: ['criminal-damage'],
          reports: [{ kind: 'police', force: 'Kent Police', reference: '46/1/24', officer: '', date: '' }],
        },
        {
          title: 'Threatening letter',
          occurredAt: { date: '2000-01-02', approximate: false },
          categories: ['threatening-behaviour'],
          escalationSignals: ['imminent-violence'],
        },
        {
          title: 'Abusive reply on X',
          occurredAt: { date: '2000-01-03', time: '21:40', offset: '+01:00', approximate: true },
          categories: ['online-abuse'],
          channel: { kind: 'social-media', detail: 'X' },
          reports: [{ kind: 'platform', platform: 'X', reference: 'X-REPORT-9', date: '', outcome: '' }],
        },
      ],
      attach: [{ incident: 0, files: ['post-1.png', 'letter.pdf'] }],
      generated: { incidents: 12, people: 3, exhibitsPerIncident: 1 },
    },
  });

  test('the chronology: numbers, UK dates, references, both report states; 6 rows at 1280×800; kept; printable', async ({
    page,
    vault,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await vault.unlock();
    await page.evaluate(() => window.vault!.invoke('settings.update', { patch: { producerInitials: 'AB' } }));
    await believe(page, 'Leaflets torn down', 'Bob Shouter');
    await page.reload();
    await expect(page.locator('.result-count')).toHaveText('15 incidents');

    // The cards: each shows its number, its exhibits by reference and both report states.
    const leafletsCard = page.getByRole('article', { name: 'Leaflets torn down', exact: true });
    await expect(leafletsCard.locator('.entry-no')).toHaveText('Number 1');
    await expect(leafletsCard.locator('.entry-no')).toHaveAttribute('title', /whole record, oldest first/);
    await expect(leafletsCard).toContainText(/2 exhibits: .* · AB\/\d+, AB\/\d+/);
    await expect(leafletsCard).toContainText('Believed responsible: Bob Shouter');
    await expect(leafletsCard).toContainText('Told the police 46/1/24, Kent Police');
    await expect(leafletsCard).toContainText('Not told a platform');
    await expect(page.getByRole('article', { name: 'Abusive reply on X' })).toContainText(
      'Told the platform X: X-REPORT-9',
    );
    const cardsSeen = await fullyVisible(page.getByRole('article'));
    console.log(`cards fully in view at 1280×800: ${cardsSeen}`);
    expect(cardsSeen).toBeGreaterThanOrEqual(6);
    await shots(page, 'timeline-cards');

    // The chronology view, beside the cards.
    const chronoButton = page.getByRole('button', { name: 'Chronology', exact: true });
    await chronoButton.click();
    await expect(chronoButton).toHaveAttribute('aria-pressed', 'true');
    const table = page.getByRole('table', { name: 'Chronology' });
    await expect(table).toBeVisible();
    const headings = await table.getByRole('columnheader').allTextContents();
    // The first column holds each row's tick box for the bulk tools (agent/SelectBox).
    expect(headings).toEqual([
      'Selected',
      'No.',
      'Date and time',
      'What happened',
      'Believed responsible',
      'Exhibits',
      'Told police',
      'Told platform',
    ]);
    const row = (title: string) =>
      table.getByRole('row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
    const cells = async (title: string) =>
      (await row(title).getByRole('cell').allInnerTexts()).slice(1).map((t) => t.replace(/\u00a0/g, ' ').trim());
    const leaflets = await cells('Leaflets torn down');
    expect(leaflets.slice(0, 4)).toEqual(['1', '01/01/2000 10:00\n(UTC)', 'Leaflets torn down', 'Bob Shouter']);
    expect(leaflets[4]).toMatch(/^AB\/\d+, AB\/\d+$/);
    expect(leaflets.slice(5)).toEqual(['Yes\n46/1/24, Kent Police', 'No']);
    expect(await cells('Threatening letter')).toEqual([
      '2',
      '02/01/2000\ntime not known',
      'Threatening letter Escalation signal',
      'Not named',
      'None',
      'Not yet: escalated',
      'No',
    ]);
    expect(await cells('Abusive reply on X')).toEqual([
      '3',
      'About 03/01/2000 21:40\n(UTC+01:00)',
      'Abusive reply on X',
      'Not named',
      'None',
      'Not yet',
      'Yes\nX: X-REPORT-9',
    ]);
    await expect(row('Leaflets torn down').getByRole('cell').nth(1)).toHaveAttribute(
      'title',
      'Incident 1: its place in your whole record, oldest first. Filtering or sorting never changes it.',
    );

    // At least 6 incidents wholly in view at 1280×800, with the To do panel and the filters above.
    await expect(page.getByRole('region', { name: 'To do' })).toBeVisible();
    const seen = await fullyVisible(table.locator('.vlist [role="row"]'));
    console.log(`chronology rows fully in view at 1280×800: ${seen}`);
    expect(seen).toBeGreaterThanOrEqual(6);
    await shots(page, 'timeline-chronology');

    // Numbers are the place in the whole record: the same when filtered or shown newest first.
    await page.getByLabel('Search', { exact: true }).fill('abusive reply on x');
    await expect(table.locator('.vlist [role="row"]')).toHaveCount(1);
    expect((await cells('Abusive reply on X'))[0]).toBe('3');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await page.getByLabel('Order').selectOption('newest-first');
    await expect(table.locator('.vlist [role="row"]').first()).not.toContainText('Leaflets torn down');
    expect((await cells('Threatening letter'))[0]).toBe('2');
    await page.getByLabel('Order').selectOption('oldest-first');

    // The choice is kept in the vault's settings (never in the browser's storage).
    await page.reload();
    await expect(page.getByRole('button', { name: 'Chronology', exact: true })).toHaveAttribute('aria-pressed', 'true');
    const settings = await page.evaluate(() => window.vault!.invoke('settings.get', {}));
    expect(settings).toMatchObject({ ok: true, value: { timelineView: 'chronology' } });
    // Not in the browser's storage (which is a file on disk): only the colour theme is there.
    const stored = await page.evaluate(() =>
      [localStorage, sessionStorage].flatMap((st) => Object.keys(st).map((k) => `${k}=${st.getItem(k) ?? ''}`)),
    );
    expect(stored.filter((e) => /chronology|cards|timeline/i.test(e))).toEqual([]);

    // Printing: the whole chronology as one table, and nothing else of the app.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const print = page.locator('.print-chronology');
    await expect(print).toBeVisible();
    await expect(print.locator('tbody tr')).toHaveCount(15);
    await expect(print.locator('tbody tr').first()).toContainText('Leaflets torn down');
    await expect(print.locator('tbody tr').first()).toContainText('Yes; 46/1/24, Kent Police');
    await expect(page.locator('.shell')).toBeHidden();
    await page.screenshot({ path: path.join(SHOTS, 'timeline-chronology-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(print).toHaveCount(0);

    await axeClean(page, 'chronology');
    expect(vault.pageErrors).toEqual([]);
    expect(vault.consoleErrors).toEqual([]);
  });

  test('at 800×700: the navigation folds behind Menu (keyboard), filters in one row, no badge cut off', async ({
    page,
    vault,
  }) => {
    await page.setViewportSize({ width: 800, height: 700 });
    await vault.unlock();
    await expect(page.locator('.result-count')).toHaveText('15 incidents');
    const main = page.getByRole('navigation', { name: 'Main' });
    await expect(main).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(await page.locator('#main').evaluate((el) => Math.round(el.getBoundingClientRect().left))).toBe(0);

    // Keyboard only: Tab to Menu, Enter opens it with the focus on the current screen, Escape closes it.
    await page.locator('body').focus();
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab');
    await expect(menu).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(main).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav(page, 'Timeline')).toBeFocused();
    await shots(page, 'menu-open');
    await axeClean(page, 'menu open at 800');
    await page.setViewportSize({ width: 800, height: 700 });
    await page.keyboard.press('Escape');
    await expect(main).toBeHidden();
    await expect(menu).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(nav(page, 'Timeline')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(nav(page, 'Contacts')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
    await expect(main).toBeHidden();
    await menu.click();
    await nav(page, 'Timeline').click();

    // One row of search; the other filters behind "More filters".
    await expect(page.getByLabel('Category')).toBeHidden();
    await page.getByRole('button', { name: 'More filters' }).click();
    await expect(page.getByLabel('Category')).toBeVisible();
    await expect(page.getByLabel('How it reached you')).toBeVisible();
    await page.getByRole('button', { name: 'More filters' }).click();

    // No badge cut off, in either view.
    expect(await clippedBadges(page)).toEqual([]);
    await page.getByRole('button', { name: 'Chronology', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Chronology' })).toBeVisible();
    expect(await clippedBadges(page)).toEqual([]);
    console.log(`chronology rows fully in view at 800×700: ${await fullyVisible(page.locator('.vlist [role="row"]'))}`);
    expect(vault.pageErrors).toEqual([]);
  });
});

test.describe('the To do panel', () => {
  test.use({
    vaultSeed: {
      incidents: [
        { title: 'Followed home', occurredAt: { date: '2024-01-05' }, escalationSignals: ['fixated-ideas'] },
        {
          title: 'Home address posted',
          occurredAt: { date: '2024-01-06' },
          escalationSignals: ['personal-information-released'],
        },
        {
          title: 'Threat to burn the office',
          occurredAt: { date: '2024-01-07' },
          escalationSignals: ['imminent-violence'],
        },
        {
          title: 'Brick through the window',
          occurredAt: { date: '2024-01-08' },
          escalationSignals: ['imminent-violence'],
          reports: [{ kind: 'police', force: 'Kent Police', reference: 'KP/1', officer: '', date: '' }],
        },
        { title: 'Rude comment', occurredAt: { date: '2024-01-09' } },
      ],
    },
  });

  test('counts escalations not told the police and shows them; each item goes only once done', async ({
    page,
    vault,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await vault.unlock();
    const todo = page.getByRole('region', { name: /To do/ });
    await expect(todo).toContainText('3 incidents with escalation signals have not been told to the police.');
    await expect(todo).toContainText('No police SPOC stored yet.');
    await expect(todo).toContainText('Recovery key not tested yet.');
    await expect(todo).toContainText('Checklist: 0 of 6 steps done.');
    // Nothing to dismiss it with: only the ways to do each thing.
    expect(await todo.getByRole('button').allTextContents()).toEqual([
      'Show them',
      'Add your SPOC',
      'Test it now',
      'Open the checklist',
    ]);
    // No first-run start for a vault the window did not make.
    await expect(page.getByRole('region', { name: /Getting started/ })).toHaveCount(0);
    await shots(page, 'todo');
    await axeClean(page, 'to do');

    // "Show them": the three, filtered; the focus on the list.
    await todo.getByRole('button', { name: 'Show them' }).click();
    await expect(page.locator('.result-count')).toHaveText('Showing 3 of 5 incidents');
    expect(await page.getByRole('article').locator('h4').allTextContents()).toEqual([
      'Followed home',
      'Home address posted',
      'Threat to burn the office',
    ]);
    await expect(page.getByRole('region', { name: 'Incidents' })).toBeFocused();
    await expect(page.getByLabel('Told the police')).toHaveValue('no');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();

    // The recovery key, tested from here (keyboard only): a wrong one is refused and the item stays.
    await todo.getByRole('button', { name: 'Test it now' }).focus();
    await page.keyboard.press('Enter');
    const keyField = page.getByLabel(/Your recovery key/);
    await expect(keyField).toBeFocused();
    await page.keyboard.type('AAAA-BBBB-CCCC-DDDD');
    await page.keyboard.press('Enter');
    await expect(todo).toContainText('That recovery key does not open this vault.');
    await expect(keyField).toHaveAttribute('aria-invalid', 'true');
    let s = await page.evaluate(() => window.vault!.invoke('settings.get', {}));
    expect(s).toMatchObject({ ok: true, value: { recoveryKeyCheckedAt: '' } });
    await keyField.fill(vault.seed!.recoveryKey);
    await page.keyboard.press('Enter');
    await expect(todo.getByText('Your recovery key works.')).toBeFocused();
    s = await page.evaluate(() => window.vault!.invoke('settings.get', {}));
    expect((s as { value: { recoveryKeyCheckedAt: string } }).value.recoveryKeyCheckedAt).not.toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Done
    await expect(todo).not.toContainText('Recovery key');

    // The SPOC: stored, and the item goes; the checklist done, and it goes; then the panel goes.
    await todo.getByRole('button', { name: 'Add your SPOC' }).click();
    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
    await addThroughBridge(page, { contacts: [{ kind: 'spoc', name: 'DC Jane Smith', phone: '01234 567890' }] });
    await expect(todo).not.toContainText('SPOC');
    await todo.getByRole('button', { name: 'Open the checklist' }).click();
    await expect(page.getByRole('heading', { name: 'Staying safe', level: 1 })).toBeVisible();
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await nav(page, 'Timeline').click();
    await expect(todo).not.toContainText('Checklist');
    await expect(todo).toContainText('3 incidents with escalation signals');

    // Telling the police about all three empties the panel.
    const err = await page.evaluate(async () => {
      const v = window.vault!;
      const list = await v.invoke('incidents.list', {});
      if (!list.ok) return list.error.message;
      const ids = list.value.filter((i) => i.escalationSignals.length > 0).map((i) => i.id);
      const c = await v.invoke('cases.create', {
        input: { force: 'Kent Police', reference: 'KP/2', incidentIds: ids },
      });
      return c.ok ? null : c.error.message;
    });
    expect(err).toBeNull();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: /To do/ })).toHaveCount(0);
    expect(vault.pageErrors).toEqual([]);
  });
});

test('first run: three steps after making a vault, each skippable, progress kept in the vault', async ({
  page,
  vault,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // The first screen can take a while on a busy machine.
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible({ timeout: 20_000 });
  await createVaultThroughUi(page);
  const start = page.getByRole('region', { name: /Getting started/ });
  await expect(start.getByRole('heading')).toHaveText('Getting started: step 1 of 3, store your spoc');
  await expect(start.getByRole('listitem')).toHaveText([
    'Store your SPOC (now)',
    'Record what happened',
    'Look at the checklist',
  ]);
  await expect(page.getByRole('region', { name: /To do/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Nothing recorded yet' })).toBeVisible();
  await shots(page, 'first-run-step-1');
  await axeClean(page, 'first run');

  // Skip the first step, by keyboard: the focus goes to the start's heading, now step 2.
  await start.getByRole('button', { name: 'Skip this step' }).focus();
  await page.keyboard.press('Enter');
  await expect(start.getByRole('heading')).toHaveText('Getting started: step 2 of 3, record what happened');
  await expect(start.getByRole('heading')).toBeFocused();
  await expect(start.getByRole('listitem').first()).toHaveText('Store your SPOC (skipped)');

  // Kept in the vault: still step 2 after a reload.
  await page.reload();
  await expect(start.getByRole('heading')).toHaveText('Getting started: step 2 of 3, record what happened');
  let s = await page.evaluate(() => window.vault!.invoke('settings.get', {}));
  expect(s).toMatchObject({ ok: true, value: { firstRunSteps: ['spoc'] } });

  // Record what happened: quick add; once saved the step is done.
  await start.getByRole('button', { name: 'Record what happened' }).click();
  await expect(page.getByRole('heading', { name: 'Quick add', level: 1 })).toBeVisible();
  await page.getByLabel('What happened').fill('Leaflets torn down outside the office');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Quick add');
  await nav(page, 'Timeline').click();
  await expect(start.getByRole('heading')).toHaveText('Getting started: step 3 of 3, look at the checklist');
  await expect(start.getByRole('listitem').nth(1)).toHaveText('Record what happened (done)');
  await shots(page, 'first-run-step-3');

  // The checklist: opening it finishes the start; the To do panel follows.
  await start.getByRole('button', { name: 'Open the checklist' }).click();
  await expect(page.getByRole('heading', { name: 'Staying safe', level: 1 })).toBeVisible();
  await nav(page, 'Timeline').click();
  await expect(start).toHaveCount(0);
  await expect(page.getByRole('region', { name: /To do/ })).toContainText('No police SPOC stored yet.');
  s = await page.evaluate(() => window.vault!.invoke('settings.get', {}));
  expect(s).toMatchObject({ ok: true, value: { firstRunSteps: ['spoc', 'checklist'] } });
  expect(vault.pageErrors).toEqual([]);
});

test('first run skipped step by step with the keyboard ends on the timeline heading', async ({ page, vault }) => {
  // The first screen can take a while on a busy machine.
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible({ timeout: 20_000 });
  await createVaultThroughUi(page);
  const start = page.getByRole('region', { name: /Getting started/ });
  for (const n of [1, 2, 3]) {
    await expect(start.getByRole('heading')).toContainText(`step ${n} of 3`);
    await start.getByRole('button', { name: 'Skip this step' }).focus();
    await page.keyboard.press('Enter');
  }
  await expect(start).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeFocused();
  const s = await page.evaluate(() => window.vault!.invoke('settings.get', {}));
  expect(s).toMatchObject({ ok: true, value: { firstRunSteps: ['spoc', 'record', 'checklist'] } });
  expect(vault.pageErrors).toEqual([]);
});

test.describe('an empty vault', () => {
  test.use({ vaultSeed: { incidents: [{ title: 'No files yet', occurredAt: { date: '2024-01-05' } }] } });

  test('helpful empty states: contacts, people, bin, exhibits, timeline', async ({ page, vault }) => {
    await vault.unlock();
    await nav(page, 'Contacts').click();
    await expect(page.getByText('Start with your police single point of contact (SPOC)')).toBeVisible();
    await shots(page, 'empty-contacts');
    await nav(page, 'Bin').click();
    await expect(page.getByText('The bin is empty.')).toBeVisible();
    await expect(page.getByText(/it waits here for 30 days/)).toBeVisible();
    await shots(page, 'empty-bin');
    await nav(page, 'Timeline').click();
    await page.getByRole('button', { name: 'No files yet' }).click();
    await expect(page.getByTestId('no-exhibits')).toContainText('No exhibits yet.');
    const err = await page.evaluate(async () => {
      const v = window.vault!;
      const list = await v.invoke('incidents.list', {});
      if (!list.ok) return list.error.message;
      const r = await v.invoke('incidents.delete', { id: list.value[0]!.id, reason: 'Test' });
      return r.ok ? null : r.error.message;
    });
    expect(err).toBeNull();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Nothing recorded yet' })).toBeVisible();
    await shots(page, 'empty-timeline');
    await nav(page, 'Course of conduct').click();
    await expect(page.getByText(/their incidents are gathered here/)).toBeVisible();
    await shots(page, 'empty-people');
    await axeClean(page, 'empty course of conduct');
    expect(vault.pageErrors).toEqual([]);
  });
});
