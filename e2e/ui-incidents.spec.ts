/** Add (quick add), edit with every field, and delete an incident; the timeline shows what was recorded. */
import { test, expect } from './fixtures.js';
import { nav, shot, typeDateTime, UK_USER } from './ui-helpers.js';

test.use(UK_USER);

test.use({ vaultSeed: { people: [{ name: 'Pat Neighbour', role: 'witness' }] } });

test('quick add, then edit every field, then delete an incident', async ({ page, vault }) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'Quick add' }).click();
  await expect(page.getByRole('heading', { name: 'Quick add', level: 1 })).toBeFocused();

  // Inline validation: nothing written yet.
  await page.getByRole('button', { name: 'Save incident' }).click();
  const what = page.getByLabel('What happened');
  await expect(page.getByRole('alert')).toContainText('Write what happened');
  await expect(what).toHaveAttribute('aria-invalid', 'true');
  await expect(what).toHaveAccessibleDescription(/Write what happened/);
  await shot(page, 'quick-add-error');

  // Day / month / year, 24-hour time; UK time gives BST (+01:00) for 3 May.
  await typeDateTime(page, 'Date', '03052024');
  await typeDateTime(page, 'Time (if known)', '2140');
  await expect(page.getByLabel('Time zone')).toHaveValue('uk');
  await what.fill('A man shouted at me outside the office\nHe said he knew where I live.');
  await page.getByRole('button', { name: 'Save incident' }).click();

  const title = 'A man shouted at me outside the office';
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText('Friday 3 May 2024')).toBeVisible();
  await expect(page.getByText('21:40 (UTC+01:00)')).toBeVisible();
  await expect(page.getByText('Not reported yet').first()).toBeVisible();

  // Edit: every field of the incident model.
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit incident' })).toBeVisible();
  await page.getByLabel('Title').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByLabel('Title')).toHaveAccessibleDescription(/Give the incident a short title/);
  await page.getByLabel('Title').fill('Shouting outside the campaign office');
  await page.getByLabel('Harassment').check();
  await page.getByLabel('Threatening behaviour').check();
  await page.getByLabel('How it reached you').selectOption('in-person');
  await page.getByLabel('Platform, app or number').fill('Face to face');
  await page.getByLabel('Where it happened').fill('12 High Street, outside the office');
  const who = page.getByRole('group', { name: 'Believed responsible' });
  await who.getByLabel('New person: name or online handle').fill('Tall man in a grey coat');
  await who.getByRole('button', { name: 'Add new person' }).click();
  await expect(who.getByRole('button', { name: 'Remove Tall man in a grey coat' })).toBeVisible();
  const saw = page.getByRole('group', { name: 'Who saw it' });
  await saw.getByLabel('Someone already recorded').selectOption({ label: 'Pat Neighbour' });
  await expect(saw.getByRole('button', { name: 'Remove Pat Neighbour' })).toBeVisible();
  await page.getByLabel('Threat of imminent violence').check();
  await page.getByRole('button', { name: 'Add a police report' }).click();
  await page.getByLabel('Police force').fill('Example Constabulary');
  await page.getByLabel('Crime or incident reference').fill('EX-2024-0042');
  await page.getByLabel('Notes', { exact: true }).fill('I went inside and locked the door.');
  await page.getByLabel('Leave out my notes').check();
  await page.getByLabel('I am not sure of the exact time').check();
  await shot(page, 'incident-editor');
  await page.getByRole('button', { name: 'Save changes' }).click();

  // A new escalation signal: what to do now comes first (issue 15), then the incident.
  await expect(page.getByRole('heading', { name: 'What to do now', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Not yet: go to the incident' }).click();
  await expect(page.getByRole('heading', { name: 'Shouting outside the campaign office', level: 1 })).toBeVisible();
  await expect(page.getByTestId('escalation-banner')).toContainText('call 999');
  await expect(page.getByText('About 21:40 (UTC+01:00)')).toBeVisible();
  const details = page.getByRole('region', { name: 'What happened' });
  await expect(details).toContainText('Tall man in a grey coat');
  await expect(details).toContainText('Pat Neighbour');
  await expect(details).toContainText('12 High Street, outside the office');
  await expect(details).toContainText('In person: Face to face');
  await expect(page.getByRole('region', { name: 'Where you reported it' })).toContainText('EX-2024-0042');
  await expect(details).toContainText('Marked privatenotes');
  const stored = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
  expect(stored.ok && stored.value[0]!.privateFields).toEqual(['notes']);
  await shot(page, 'incident-view');

  // The timeline entry shows what was recorded.
  await nav(page, 'Timeline').click();
  const entry = page.getByRole('article', { name: 'Shouting outside the campaign office' });
  await expect(entry).toContainText('Harassment');
  await expect(entry).toContainText('Threatening behaviour');
  await expect(entry).toContainText('In person: Face to face');
  await expect(entry).toContainText('Escalation signal');
  await expect(entry).toContainText('Told the police');
  await expect(entry).toContainText('A man shouted at me outside the office');
  await expect(page.getByRole('heading', { name: 'May 2024 1 incident', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Friday 3 May 2024', level: 3 })).toBeVisible();
  await shot(page, 'timeline-one');

  // Delete, after confirming.
  await entry.getByRole('button', { name: 'Shouting outside the campaign office' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this incident?' });
  await expect(dialog).toBeVisible();
  await shot(page, 'incident-delete-dialog');
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  // A reason is asked for: without one the red button does nothing.
  await expect(dialog.getByRole('button', { name: 'Delete incident' })).toBeDisabled();
  await dialog.getByLabel(/Why are you deleting it/).fill('Entered twice');
  await dialog.getByRole('button', { name: 'Delete incident' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing recorded yet' })).toBeVisible();
  const list = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
  expect(list).toEqual({ ok: true, value: [] });
  expect(vault.pageErrors).toEqual([]);
});

test.describe('an incident recorded at UTC', () => {
  test.use({
    vaultSeed: {
      // As the command line keeps it: "+00:00", not yet "Z".
      incidents: [
        {
          title: 'Call at midnight',
          occurredAt: { date: '2024-01-10', time: '00:05', offset: '+00:00', approximate: false },
        },
      ],
    },
  });

  test('the editor shows UK time (GMT/BST) for +00:00 in January and saves it as Z', async ({ page, vault }) => {
    await vault.unlock();
    await page.getByRole('button', { name: 'Call at midnight' }).click();
    await expect(page.getByText('00:05 (UTC)')).toBeVisible();
    await page.getByRole('button', { name: 'Edit' }).click();
    const zone = page.getByLabel('Time zone');
    await expect(zone).toHaveValue('uk');
    await expect(zone.locator('option:checked')).toHaveText('UK time (GMT/BST)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { name: 'Call at midnight', level: 1 })).toBeVisible();
    const id = vault.seed!.incidentIds[0]!;
    const r = await page.evaluate((i) => window.vault!.invoke('incidents.get', { id: i }), id);
    expect(r.ok && r.value.occurredAt).toEqual({ date: '2024-01-10', time: '00:05', offset: 'Z', approximate: false });
  });
});
