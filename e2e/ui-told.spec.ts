/**
 * Issue 12 in the window (the small changes): told the police and told the platform as two badges,
 * an escalated incident not yet told the police flagged, the time-limit note on the incident page,
 * "How it affected me" in the editor, and what was seen kept through an edit. Real core, real browser.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { UK_USER, addThroughBridge, nav } from './ui-helpers.js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

test.use(UK_USER);

const SHOTS = process.env.EV_F2_SHOTS ?? path.join(process.env.EV_SCREENS_DIR ?? '/tmp/ev-screens', 'f2');

/** Light and dark, 1280 and 800 wide; an axe scan in each theme (no serious or critical violation). */
async function shots(page: Page, name: string): Promise<void> {
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
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SHOTS, `${name}-${theme}-${width}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A UK date so many days before today, YYYY-MM-DD. */
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() - n * 86_400_000));
}

test.describe('told whom, time limits, effect on me', () => {
  test.use({ vaultSeed: {} });

  test('badges, the flag, the time-limit note until a police case links it, and the effect field', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await addThroughBridge(page, {
      people: ['Alan Example'],
      contacts: [{ kind: 'spoc', name: 'PC Jo Bloggs', organisation: 'Kent Police', phone: '01632 960000' }],
      incidents: [
        {
          title: 'Messages every night',
          occurredAt: { date: daysAgo(150), approximate: false },
          categories: ['harassment'],
          channel: { kind: 'messaging-app', detail: 'WhatsApp' },
          identifiers: [{ kind: 'phone', value: '07700 900123' }],
          perpetrators: ['Alan Example'],
          effect: 'I stopped answering my phone after 9 pm.',
        },
        {
          title: 'Followed home',
          occurredAt: { date: daysAgo(60), approximate: false },
          categories: ['stalking'],
          escalationSignals: ['fixated-ideas'],
          identifiers: [{ kind: 'vehicle', value: 'Blue Ford, AB12 CDE' }],
        },
        {
          title: 'Post about my family',
          occurredAt: { date: daysAgo(140), approximate: false },
          categories: ['online-abuse'],
          reports: [{ kind: 'platform', platform: 'X', reference: 'X-1', date: '', outcome: '' }],
        },
      ],
    });
    await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
    const entry = (name: string) => page.getByRole('article', { name });
    await expect(entry('Post about my family')).toContainText('Told the platform');
    await expect(entry('Post about my family')).toContainText('Not yet told the police');
    await expect(entry('Followed home')).toContainText('Escalated: not yet told the police');
    await expect(entry('Messages every night')).toContainText('Not yet told the police');
    await shots(page, 'timeline-told');

    // More than 4 months, harassment, not told the police: the calm note, with the SPOC.
    await entry('Messages every night').getByRole('button', { name: 'Messages every night' }).click();
    const note = page.getByTestId('time-limit-note');
    await expect(note).toContainText(
      "A prosecution for harassment or stalking in a magistrates' court must usually begin within 6 months of the offence (Magistrates' Courts Act 1980, s.127). Tell your police contact (SPOC) soon. This is not legal advice.",
    );
    await expect(note).toContainText('PC Jo Bloggs');
    await expect(page.getByRole('region', { name: 'What happened' })).toContainText('Phone number: 07700 900123');
    await expect(page.getByRole('region', { name: 'What happened' })).toContainText('Believed responsible');
    await shots(page, 'incident-time-limit');

    // Under 4 months: no note. A police case linking the first one: told the police, no note.
    await nav(page, 'Timeline').click();
    await entry('Followed home').getByRole('button', { name: 'Followed home' }).click();
    await expect(page.getByRole('heading', { name: 'Followed home', level: 1 })).toBeVisible();
    await expect(page.getByTestId('time-limit-note')).toHaveCount(0);
    const linked = await page.evaluate(async () => {
      const v = window.vault!;
      const list = await v.invoke('incidents.list', {});
      if (!list.ok) return list.error.message;
      const target = list.value.find((i) => i.title === 'Messages every night')!;
      const made = await v.invoke('cases.create', {
        input: { force: 'Kent Police', reference: '46/12345/24', officer: 'PC Jo Bloggs', incidentIds: [target.id] },
      });
      return made.ok ? null : made.error.message;
    });
    expect(linked).toBeNull();
    await page.reload();
    await expect(entry('Messages every night')).toContainText('Told the police');
    await entry('Messages every night').getByRole('button', { name: 'Messages every night' }).click();
    await expect(page.getByRole('heading', { name: 'Messages every night', level: 1 })).toBeVisible();
    await expect(page.getByTestId('time-limit-note')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Where you reported it' })).toContainText(
      'Police case 46/12345/24 (Kent Police), officer PC Jo Bloggs',
    );

    // "How it affected me" in the editor, next to what happened; what was seen survives the edit.
    await nav(page, 'Timeline').click();
    await entry('Followed home').getByRole('button', { name: 'Followed home' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const effect = page.getByLabel('How it affected me, and what I changed because of it');
    await expect(effect).toBeVisible();
    await effect.fill('I no longer walk home alone. I changed my route and told my agent.');
    await shots(page, 'incident-editor-effect');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { name: 'Followed home', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'What happened' })).toContainText(
      'I no longer walk home alone. I changed my route and told my agent.',
    );
    const stored = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
    const followed = stored.ok ? stored.value.find((i) => i.title === 'Followed home') : undefined;
    expect(followed?.effect).toBe('I no longer walk home alone. I changed my route and told my agent.');
    expect(followed?.identifiers).toEqual([{ kind: 'vehicle', value: 'Blue Ford, AB12 CDE' }]);
    expect(followed?.privateFields).toEqual([]);

    // Course of conduct: each person's identifiers, why they are one person, and how it affected me.
    const person = await page.evaluate(async () => {
      const v = window.vault!;
      const people = await v.invoke('people.list', {});
      if (!people.ok) return people.error.message;
      const alan = people.value[0]!;
      const r = await v.invoke('people.update', {
        id: alan.id,
        input: {
          name: alan.name,
          identifiers: [
            { platform: 'WhatsApp', handle: '07700 900123' },
            { platform: 'X', handle: '@troll_123' },
          ],
          basis: 'The same number is on his campaign leaflet.',
        },
      });
      return r.ok ? null : r.error.message;
    });
    expect(person).toBeNull();
    await page.reload();
    await nav(page, 'Course of conduct').click();
    const alan = page.getByRole('region', { name: 'Alan Example' });
    await expect(alan).toContainText('Also known as: 07700 900123 (WhatsApp), @troll_123 (X)');
    await expect(alan).toContainText(
      'Why I believe these are the same person: The same number is on his campaign leaflet.',
    );
    await expect(alan.getByRole('heading', { name: 'How it affected me' })).toBeVisible();
    await expect(alan).toContainText('I stopped answering my phone after 9 pm.');
    await shots(page, 'course-of-conduct-effects');
    // Editing the person in the window keeps what the form does not show (identifiers, basis).
    await alan.getByRole('button', { name: 'Edit details of Alan Example' }).click();
    await alan.getByLabel('Description').fill('Tall, grey coat');
    await alan.getByRole('button', { name: 'Save details' }).click();
    await expect(alan).toContainText('Tall, grey coat');
    // The form has closed once the save is answered; only then is the person read back.
    await expect(alan.getByRole('button', { name: 'Edit details of Alan Example' })).toBeVisible();
    await expect
      .poll(async () => {
        const list = await page.evaluate(() => window.vault!.invoke('people.list', {}));
        return list.ok ? list.value[0]?.description : null;
      })
      .toBe('Tall, grey coat');
    const kept = await page.evaluate(() => window.vault!.invoke('people.list', {}));
    expect(kept.ok && kept.value[0]).toMatchObject({
      description: 'Tall, grey coat',
      basis: 'The same number is on his campaign leaflet.',
      identifiers: [
        { platform: 'WhatsApp', handle: '07700 900123' },
        { platform: 'X', handle: '@troll_123' },
      ],
    });
  });
});
