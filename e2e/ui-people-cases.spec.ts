/**
 * Issue 12 items 2 (offers), 5 and 6 in the window, against the real core: what was seen on an
 * incident (separate from "Believed responsible"), a person's identifiers and the basis for linking
 * them, a witness's details, merging two people, police cases linked from the incident page (and
 * "Told the police" on the timeline), and a photo's time offered but applied only on click.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Incident, Person, PoliceCase } from '../shared/model.js';
import { test, expect } from './fixtures.js';
import { UK_USER, addThroughBridge, nav } from './ui-helpers.js';

test.use(UK_USER);

const SHOTS = process.env.EV_H3_SHOTS ?? path.join(process.env.EV_SCREENS_DIR ?? '/tmp/ev-screens', 'h3');

/**
 * Light and dark, 1280×800 and 800×700, scrolled to what changed (`focus`); an axe scan in each
 * theme (no serious or critical violation).
 */
async function shots(page: Page, name: string, focus?: Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.waitForTimeout(150);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      `axe on ${name}, ${theme}`,
    ).toEqual([]);
    for (const [width, height] of [
      [1280, 800],
      [800, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(60);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${theme}-${width}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function invoke<T>(page: Page, channel: 'people.list' | 'incidents.list' | 'cases.list'): Promise<T> {
  const r = await page.evaluate((c) => window.vault!.invoke(c, {}), channel);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

async function openIncident(page: Page, title: string): Promise<void> {
  await nav(page, 'Timeline').click();
  await page.getByRole('article').filter({ hasText: title }).getByRole('button', { name: title }).first().click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

test.describe('what was seen, and a photo time offered', () => {
  test.use({
    vaultSeed: {
      incidents: [
        {
          title: 'Car damaged outside the office',
          occurredAt: { date: '2019-11-13', approximate: false },
        },
      ],
      attach: [{ incident: 0, files: ['damage.jpg', 'email-1.eml'] }],
    },
  });

  test('identifiers as seen are saved and shown; the photo time is applied only when she clicks', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await openIncident(page, 'Car damaged outside the office');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Edit incident' })).toBeVisible();

    // Offered, not applied: the time field is still empty.
    const offer = page.getByRole('button', { name: 'Use 13/11/2019 08:05 from the photo?' });
    await expect(offer).toBeVisible();
    // The e-mail's Date header is offered too, in UK time.
    await expect(page.getByRole('button', { name: 'Use 13/11/2019 19:20 from the e-mail?' })).toBeVisible();
    const time = page.getByRole('group', { name: 'Time (if known)', exact: true });
    await expect(time.getByRole('spinbutton').first()).toHaveAttribute('aria-valuetext', 'Empty');

    // What was seen: a handle as it appeared, and a vehicle. An empty row is dropped on save.
    const seen = page.getByRole('group', { name: 'What was seen', exact: true });
    await expect(page.getByRole('group', { name: 'Believed responsible' })).toBeVisible();
    await seen.getByRole('button', { name: 'Add what was seen' }).click();
    const first = page.getByRole('group', { name: 'What was seen 1' });
    await first.getByLabel('As it appeared').fill('@troll123');
    await first.getByLabel('Platform or app').fill('X');
    await seen.getByRole('button', { name: 'Add what was seen' }).click();
    const second = page.getByRole('group', { name: 'What was seen 2' });
    await second.getByLabel('Kind').selectOption({ label: 'Vehicle' });
    await second.getByLabel('As it appeared').fill('Blue Ford Fiesta, AB12 CDE');
    await seen.getByRole('button', { name: 'Add what was seen' }).click();
    await shots(page, 'incident-editor-offer', offer);
    await shots(page, 'incident-editor-seen', seen);

    await offer.click();
    await expect(offer).toBeHidden();
    await expect(time).toContainText('08');
    // Nothing is saved until she saves.
    const before = (await invoke<Incident[]>(page, 'incidents.list'))[0];
    expect(before?.occurredAt.time).toBeUndefined();
    expect(before?.identifiers).toEqual([]);

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { name: 'Car damaged outside the office', level: 1 })).toBeVisible();
    const saved = (await invoke<Incident[]>(page, 'incidents.list'))[0];
    expect(saved?.occurredAt).toMatchObject({ date: '2019-11-13', time: '08:05' });
    expect(saved?.identifiers).toEqual([
      { kind: 'handle', value: '@troll123', platform: 'X' },
      { kind: 'vehicle', value: 'Blue Ford Fiesta, AB12 CDE' },
    ]);
    await expect(page.getByText('Handle: @troll123 (X); Vehicle: Blue Ford Fiesta, AB12 CDE')).toBeVisible();

    // The time now matches the photo: nothing more is offered.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Edit incident' })).toBeVisible();
    await expect(page.getByRole('button', { name: /from the photo\?/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Use 13/11/2019 19:20 from the e-mail?' })).toBeVisible();
  });
});

test.describe('people, merging, police cases', () => {
  test.use({ vaultSeed: {} });

  test("a person's identifiers, basis and witness details are saved; two people merge and their incidents follow", async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await addThroughBridge(page, {
      people: ['Alice Troll', 'troll_alt', 'Pat Neighbour'],
      incidents: [
        {
          title: 'Abusive reply on X',
          occurredAt: { date: '2024-03-02', time: '21:40', offset: 'Z', approximate: false },
          perpetrators: ['Alice Troll'],
        },
        {
          title: 'New account, same threats',
          occurredAt: { date: '2024-04-10', approximate: false },
          perpetrators: ['troll_alt'],
          witnesses: ['Pat Neighbour'],
        },
      ],
    });
    await nav(page, 'Course of conduct').click();
    const alice = page.getByRole('region', { name: 'Alice Troll' });
    await alice.getByRole('button', { name: 'Edit details of Alice Troll' }).click();
    await alice.getByRole('button', { name: 'Add an identifier' }).click();
    const id1 = alice.getByRole('group', { name: 'Identifier 1' });
    await id1.getByLabel('Platform').fill('X');
    await id1.getByLabel('Handle').fill('@troll123');
    await id1.getByLabel('Numeric account id').fill('1234567890');
    await id1.getByLabel('Web address (URL)').fill('https://x.com/troll123');
    // Dates day / month / year, whatever the computer's language.
    await id1.getByRole('group', { name: 'First seen' }).getByRole('spinbutton').first().click();
    await page.keyboard.type('01032024');
    await id1.getByRole('group', { name: 'Last seen' }).getByRole('spinbutton').first().click();
    await page.keyboard.type('10042024');
    await expect(id1).toContainText('Friday 1 March 2024');
    await expect(id1).toContainText('Wednesday 10 April 2024');
    await alice.getByLabel('Why I believe these are the same person').fill('The same profile photo on both accounts.');
    await shots(page, 'person-form-identifiers', id1);
    await alice.getByRole('button', { name: 'Save details' }).click();
    await expect(alice).toContainText(
      'Why I believe these are the same person: The same profile photo on both accounts.',
    );
    await expect(alice).toContainText('Also known as: @troll123 (X)');

    // A witness: contact details, what they saw, whether they know they are named.
    const pat = page.getByRole('region', { name: 'Pat Neighbour' });
    await pat.getByRole('button', { name: 'Edit details of Pat Neighbour' }).click();
    await pat.getByLabel('Role').selectOption({ label: 'Witness' });
    await pat.getByLabel('Contact details').fill('07700 900123');
    await pat.getByLabel('What they saw or heard').fill('Saw the car parked outside for an hour.');
    await pat.getByLabel('They know they are named in this record').check();
    await shots(page, 'person-form-witness', pat.getByLabel('What they saw or heard'));
    await pat.getByRole('button', { name: 'Save details' }).click();
    await expect(pat.getByRole('button', { name: 'Edit details of Pat Neighbour' })).toBeVisible();

    let people = await invoke<Person[]>(page, 'people.list');
    const byName = (n: string) => people.find((p) => p.name === n);
    expect(byName('Alice Troll')).toMatchObject({
      identifiers: [
        {
          platform: 'X',
          handle: '@troll123',
          accountId: '1234567890',
          url: 'https://x.com/troll123',
          firstSeen: '2024-03-01',
          lastSeen: '2024-04-10',
        },
      ],
      basis: 'The same profile photo on both accounts.',
    });
    expect(byName('Pat Neighbour')).toMatchObject({
      role: 'witness',
      contact: '07700 900123',
      sawWhat: 'Saw the car parked outside for an hour.',
      knowsNamed: true,
    });
    const aliceId = byName('Alice Troll')?.id ?? '';
    const altId = byName('troll_alt')?.id ?? '';

    // Merge troll_alt into Alice: the list never offers troll_alt itself; the dialog names both, Cancel focused.
    const alt = page.getByRole('region', { name: 'troll_alt' });
    await alt.getByRole('button', { name: 'Merge troll_alt into another person' }).click();
    const into = alt.getByLabel('Merge troll_alt into', { exact: true });
    await expect(into.getByRole('option')).toHaveText(['Choose the other person', 'Alice Troll', 'Pat Neighbour']);
    await expect(alt.getByRole('button', { name: 'Merge…' })).toBeDisabled();
    await into.selectOption({ label: 'Alice Troll' });
    await alt.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge troll_alt into Alice Troll?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Every incident that names troll_alt will name Alice Troll instead');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await shots(page, 'merge-dialog');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    expect((await invoke<Person[]>(page, 'people.list')).length).toBe(3);

    await alt.getByRole('button', { name: 'Merge…' }).click();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Merge into Alice Troll' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('region', { name: 'troll_alt' })).toHaveCount(0);
    await expect(alice).toContainText('2 incidents');

    people = await invoke<Person[]>(page, 'people.list');
    expect(people.map((p) => p.name).sort()).toEqual(['Alice Troll', 'Pat Neighbour']);
    const incidents = await invoke<Incident[]>(page, 'incidents.list');
    for (const i of incidents) expect(i.perpetratorIds).toEqual([aliceId]);
    expect(incidents.some((i) => i.perpetratorIds.includes(altId))).toBe(false);
  });

  test('a police case created and linked from the incident page shows "Told the police" on the timeline', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await addThroughBridge(page, {
      incidents: [
        { title: 'Threatening letter', occurredAt: { date: '2019-11-18', approximate: false } },
        { title: 'Leaflets torn down', occurredAt: { date: '2019-11-20', approximate: false } },
      ],
    });
    const letter = page.getByRole('article').filter({ hasText: 'Threatening letter' });
    await expect(letter).toBeVisible();
    await expect(letter.getByText('Told the police', { exact: true })).toHaveCount(0);
    await expect(letter.getByText('Not yet told the police', { exact: true })).toBeVisible();

    await nav(page, 'Contacts').click();
    const section = page.getByRole('region', { name: 'Police cases' });
    await expect(section).toContainText('No police cases yet.');
    await section.getByRole('button', { name: 'Add a police case' }).click();
    // A missing force: a clear error, nothing saved.
    await section.getByLabel('Crime or incident reference').fill('43/123456/19');
    await section.getByRole('button', { name: 'Save police case' }).click();
    await expect(section.getByRole('alert')).toHaveText('Name the police force, for example Thames Valley Police.');
    expect(await invoke<PoliceCase[]>(page, 'cases.list')).toEqual([]);

    await section.getByLabel('Police force').fill('Thames Valley Police');
    await section.getByLabel('Officer', { exact: true }).fill('PC Jo Bloggs');
    await section.getByLabel('Collar number').fill('TV1234');
    const date = section.getByRole('group', { name: 'Date first reported' });
    await date.getByRole('spinbutton').first().click();
    await page.keyboard.type('18112019');
    await expect(section).toContainText('Monday 18 November 2019');
    await shots(page, 'police-case-form', section);
    await section.getByRole('button', { name: 'Save police case' }).click();
    await expect(section.getByRole('list', { name: 'Police cases' })).toContainText(
      '43/123456/19 (Thames Valley Police), officer PC Jo Bloggs (collar TV1234), first reported 18/11/2019 — 0 incidents',
    );
    const [made] = await invoke<PoliceCase[]>(page, 'cases.list');
    expect(made).toMatchObject({
      force: 'Thames Valley Police',
      reference: '43/123456/19',
      officer: 'PC Jo Bloggs',
      collarNumber: 'TV1234',
      firstReportedOn: '2019-11-18',
      incidentIds: [],
    });
    await shots(page, 'contacts-police-cases', section);

    await openIncident(page, 'Threatening letter');
    await page.getByLabel('Add to a police case').selectOption({ label: '43/123456/19 (Thames Valley Police)' });
    await page.getByRole('button', { name: 'Add to this case' }).click();
    await expect(page.getByRole('list', { name: 'Police cases' })).toContainText(
      'Police case 43/123456/19 (Thames Valley Police), officer PC Jo Bloggs (collar TV1234)',
    );
    await expect(page.getByRole('button', { name: 'Take off police case 43/123456/19' })).toBeVisible();
    await shots(page, 'incident-police-case', page.getByRole('list', { name: 'Police cases' }));

    const incidents = await invoke<Incident[]>(page, 'incidents.list');
    const letterId = incidents.find((i) => i.title === 'Threatening letter')?.id;
    expect((await invoke<PoliceCase[]>(page, 'cases.list'))[0]?.incidentIds).toEqual([letterId]);

    await nav(page, 'Timeline').click();
    await expect(letter.getByText('Told the police', { exact: true })).toBeVisible();
    await expect(
      page.getByRole('article').filter({ hasText: 'Leaflets torn down' }).getByText('Told the police', { exact: true }),
    ).toHaveCount(0);
    await shots(page, 'timeline-told-police', letter);
  });
});
