/** Removing a person from the course-of-conduct screen: the dialog names them and their incidents, Cancel is safe. */
import type { Page } from '@playwright/test';
import type { CustodyEntry, Incident, Person } from '../shared/model.js';
import { test, expect } from './fixtures.js';
import { UK_USER, addThroughBridge, nav, shot } from './ui-helpers.js';

test.use({ ...UK_USER, vaultSeed: {} });

async function invoke<T>(page: Page, channel: 'people.list' | 'incidents.list' | 'custody.list'): Promise<T> {
  const r = await page.evaluate((c) => window.vault!.invoke(c, {}), channel);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

test('remove a person after a dialog that names their incidents; the incidents stay', async ({ page, vault }) => {
  await vault.unlock();
  await addThroughBridge(page, {
    people: ['Alice Troll', 'Pat Neighbour', 'Carl Nobody'],
    incidents: [
      {
        title: 'Abusive reply on X',
        occurredAt: { date: '2024-03-02', time: '21:40', offset: 'Z', approximate: false },
        perpetrators: ['Alice Troll'],
      },
      {
        title: 'Leaflets torn down',
        occurredAt: { date: '2024-05-01', time: '10:00', offset: '+01:00', approximate: false },
        perpetrators: ['Alice Troll'],
        witnesses: ['Pat Neighbour'],
      },
      { title: 'Egg thrown at the window', occurredAt: { date: '2024-06-10', approximate: false } },
    ],
  });
  const people = await invoke<Person[]>(page, 'people.list');
  const id = (name: string) => people.find((p) => p.name === name)?.id ?? '';
  const alice = id('Alice Troll');

  // The timeline is filtered by Alice: removing her must not leave a filter by nobody.
  await page.getByLabel('Person').selectOption({ label: 'Alice Troll' });
  await expect(page.getByRole('article')).toHaveCount(2);
  await nav(page, 'Course of conduct').click();
  const aliceRegion = page.getByRole('region', { name: 'Alice Troll' });
  await expect(aliceRegion).toContainText('2 incidents');
  await expect(page.getByRole('region', { name: 'Pat Neighbour' })).toContainText('named as a witness in 1 incident');

  // The dialog names the person and every incident that mentions them; Cancel has the focus.
  await aliceRegion.getByRole('button', { name: 'Remove person: Alice Troll' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Alice Troll?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    'Alice Troll and their details will be moved to the bin, kept for 30 days and then removed for good.',
  );
  await expect(dialog).toContainText('2 incidents mention them');
  const listed = dialog.getByRole('list', { name: 'Incidents that mention Alice Troll' }).getByRole('listitem');
  await expect(listed).toHaveText([
    'Abusive reply on X, Saturday 2 March 2024 (named as responsible)',
    'Leaflets torn down, Wednesday 1 May 2024 (named as responsible)',
  ]);
  await expect(dialog).toContainText('The activity log keeps a note that they were removed, and why.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shot(page, 'person-remove-dialog');

  // Enter on the focused choice, then Escape: both keep the person.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await aliceRegion.getByRole('button', { name: 'Remove person: Alice Troll' }).click();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await invoke<Person[]>(page, 'people.list')).map((p) => p.name).sort()).toEqual([
    'Alice Troll',
    'Carl Nobody',
    'Pat Neighbour',
  ]);

  // Remove, for real.
  await aliceRegion.getByRole('button', { name: 'Remove person: Alice Troll' }).click();
  await dialog.getByLabel(/Why are you deleting it/).fill('Added by mistake');
  await dialog.getByRole('button', { name: 'Remove person' }).click();
  await expect(dialog).toBeHidden();
  await expect(aliceRegion).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Course of conduct', level: 1 })).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('Alice Troll removed.');
  await expect(page.getByRole('region', { name: 'Person not named' })).toContainText('3 incidents');

  await nav(page, 'Timeline').click();
  await expect(page.getByLabel('Person')).toHaveValue('');
  await expect(page.getByRole('article')).toHaveCount(3);
  await nav(page, 'Course of conduct').click();

  // In the vault: the person is gone, the incidents stay without them, and the activity log says so.
  expect((await invoke<Person[]>(page, 'people.list')).map((p) => p.name).sort()).toEqual([
    'Carl Nobody',
    'Pat Neighbour',
  ]);
  const incidents = await invoke<Incident[]>(page, 'incidents.list');
  expect(incidents.map((i) => i.title)).toEqual([
    'Abusive reply on X',
    'Leaflets torn down',
    'Egg thrown at the window',
  ]);
  for (const i of incidents) expect([...i.perpetratorIds, ...i.witnessIds]).not.toContain(alice);
  expect(incidents[1]?.witnessIds).toEqual([id('Pat Neighbour')]);
  const log = await invoke<CustodyEntry[]>(page, 'custody.list');
  expect(
    log.some(
      (e) =>
        e.action === 'delete' &&
        e.subjectKind === 'person' &&
        e.subjectId === alice &&
        e.details.reason === 'Added by mistake',
    ),
  ).toBe(true);

  // A witness: the dialog says how they are named.
  const pat = page.getByRole('region', { name: 'Pat Neighbour' });
  await pat.getByRole('button', { name: 'Remove person: Pat Neighbour' }).click();
  const patDialog = page.getByRole('dialog', { name: 'Remove Pat Neighbour?' });
  await expect(patDialog).toContainText('One incident mentions them');
  await expect(patDialog.getByRole('listitem')).toHaveText([
    'Leaflets torn down, Wednesday 1 May 2024 (named as a witness)',
  ]);
  await patDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(patDialog).toBeHidden();

  // Someone no incident mentions.
  await page
    .getByRole('region', { name: 'Carl Nobody' })
    .getByRole('button', { name: 'Remove person: Carl Nobody' })
    .click();
  const carlDialog = page.getByRole('dialog', { name: 'Remove Carl Nobody?' });
  await expect(carlDialog).toContainText('No incident mentions them.');
  await expect(carlDialog.getByRole('list')).toHaveCount(0);
  await carlDialog.getByLabel(/Why are you deleting it/).fill('Not involved');
  await carlDialog.getByRole('button', { name: 'Remove person' }).click();
  await expect(page.getByRole('region', { name: 'Carl Nobody' })).toHaveCount(0);
  expect((await invoke<Person[]>(page, 'people.list')).map((p) => p.name)).toEqual(['Pat Neighbour']);
  expect(vault.pageErrors).toEqual([]);
});
