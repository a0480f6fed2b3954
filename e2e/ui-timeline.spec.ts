/** The timeline: filters, search over every field, order, course of conduct, and 2,000 incidents virtualised. */
import { test, expect } from './fixtures.js';
import { UK_USER, addThroughBridge, nav, shot } from './ui-helpers.js';

test.use(UK_USER);

test.describe('a small record', () => {
  test.use({
    vaultSeed: {
      incidents: [
        {
          title: 'Photo of my house posted',
          occurredAt: { date: '2024-02-20', time: '08:15', offset: 'Z', approximate: false },
          description: 'Someone posted a photo of my front door.',
          categories: ['online-abuse'],
          escalationSignals: ['personal-information-released'],
        },
      ],
      attach: [{ incident: 0, files: ['post-1.png'] }],
    },
  });

  test('filter by category, person, channel, dates, told the police and escalation; search every field', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await addThroughBridge(page, {
      people: ['Alice Troll', 'Bob Shouter'],
      incidents: [
        {
          title: 'Abusive reply on X',
          occurredAt: { date: '2024-03-02', time: '21:40', offset: 'Z', approximate: false },
          description: 'Called me a liar and worse.\nSecond line of the reply.',
          categories: ['online-abuse', 'harassment'],
          channel: { kind: 'social-media', detail: 'X' },
          perpetrators: ['Alice Troll'],
          reports: [{ kind: 'platform', platform: 'X', reference: 'X-REPORT-9', date: '', outcome: '' }],
        },
        {
          title: 'Threatening letter',
          occurredAt: { date: '2024-04-10', approximate: false },
          description: 'Said I would regret standing.',
          categories: ['threatening-behaviour'],
          channel: { kind: 'letter' },
          escalationSignals: ['imminent-violence'],
          notes: 'Kept in a plastic sleeve',
        },
        {
          title: 'Leaflets torn down',
          occurredAt: { date: '2024-05-01', time: '10:00', offset: '+01:00', approximate: false },
          categories: ['criminal-damage'],
          channel: { kind: 'in-person' },
          perpetrators: ['Bob Shouter'],
          witnesses: ['Alice Troll'],
          reports: [{ kind: 'police', force: 'Kent Police', reference: '46/1/24', officer: '', date: '' }],
        },
      ],
    });
    await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
    const titles = () => page.getByRole('article').locator('h4').allTextContents();
    const count = page.locator('.result-count');
    await expect(count).toHaveText('4 incidents');
    expect(await titles()).toEqual([
      'Photo of my house posted',
      'Abusive reply on X',
      'Threatening letter',
      'Leaflets torn down',
    ]);
    await shot(page, 'timeline');

    const search = page.getByLabel('Search', { exact: true });
    const expectOnly = async (...t: string[]) => {
      await expect.poll(titles).toEqual(t);
    };
    await search.fill('sleeve'); // notes
    await expectOnly('Threatening letter');
    await expect(count).toHaveText('Showing 1 of 4 incidents');
    await search.fill('POST-1.PNG'); // exhibit name, any case
    await expectOnly('Photo of my house posted');
    await search.fill('alice'); // a person (responsible or witness)
    await expectOnly('Abusive reply on X', 'Leaflets torn down');
    await search.fill('liar worse'); // description, every word
    await expectOnly('Abusive reply on X');
    await search.fill('x-report-9'); // report reference
    await expectOnly('Abusive reply on X');
    await search.fill('nothing like this');
    await expect(page.getByText('No incident matches.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(count).toHaveText('4 incidents');

    await page.getByLabel('Category').selectOption({ label: 'Criminal damage' });
    await expectOnly('Leaflets torn down');
    await page.getByLabel('Category').selectOption({ label: 'Any category' });
    await page.getByLabel('Person').selectOption({ label: 'Alice Troll' });
    await expectOnly('Abusive reply on X', 'Leaflets torn down');
    await page.getByLabel('Person').selectOption({ label: 'Anyone' });

    await page.getByText('More filters').click();
    await page.getByLabel('How it reached you').selectOption({ label: 'Letter' });
    await expectOnly('Threatening letter');
    await page.getByLabel('How it reached you').selectOption({ label: 'Any way' });
    await page.getByLabel('Platform or app').fill('x');
    await expectOnly('Abusive reply on X');
    await page.getByLabel('Platform or app').fill('');
    await page.getByLabel('Escalation signals').selectOption({ label: 'Has escalation signals' });
    await expectOnly('Photo of my house posted', 'Threatening letter');
    await page.getByLabel('Escalation signals').selectOption({ label: 'Either' });
    await page.getByLabel('Told the police').selectOption({ label: 'Told the police' });
    await expectOnly('Leaflets torn down');
    // "Not yet told the police" keeps the incident told only to the platform.
    await page.getByLabel('Told the police').selectOption({ label: 'Not yet told the police' });
    await expectOnly('Photo of my house posted', 'Abusive reply on X', 'Threatening letter');
    await page.getByLabel('Told the police').selectOption({ label: 'Either' });
    await page.getByLabel('From', { exact: true }).fill('2024-03-01');
    await page.getByLabel('To', { exact: true }).fill('2024-04-30');
    await expectOnly('Abusive reply on X', 'Threatening letter');
    await shot(page, 'timeline-filtered');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();

    // Newest first, remembered in settings.
    await page.getByLabel('Order').selectOption('newest-first');
    await expectOnly('Leaflets torn down', 'Threatening letter', 'Abusive reply on X', 'Photo of my house posted');
    await page.reload();
    await expectOnly('Leaflets torn down', 'Threatening letter', 'Abusive reply on X', 'Photo of my house posted');

    // Entries show time with its offset, chips, badges and exhibits.
    const x = page.getByRole('article', { name: 'Abusive reply on X' });
    await expect(x).toContainText('21:40 (UTC)');
    await expect(x).toContainText('Social media: X');
    await expect(x).toContainText('Told the platform');
    await expect(x).toContainText('Not yet told the police');
    await expect(page.getByRole('article', { name: 'Leaflets torn down' })).toContainText('Told the police');
    // Escalated and not yet told the police: flagged.
    await expect(page.getByRole('article', { name: 'Threatening letter' })).toContainText(
      'Escalated: not yet told the police',
    );
    await expect(page.getByRole('article', { name: 'Photo of my house posted' })).toContainText('1 exhibit: 1 picture');
    await expect(page.getByRole('article', { name: 'Leaflets torn down' })).toContainText('10:00 (UTC+01:00)');

    // Course of conduct: grouped by the person responsible.
    await nav(page, 'Course of conduct').click();
    const alice = page.getByRole('region', { name: 'Alice Troll' });
    await expect(alice).toContainText('1 incident');
    await expect(alice).toContainText('Abusive reply on X');
    await expect(page.getByRole('region', { name: 'Bob Shouter' })).toContainText('Leaflets torn down');
    await expect(page.getByRole('region', { name: 'Person not named' })).toContainText('2 incidents');
    await shot(page, 'course-of-conduct');

    // A person's details can be completed here.
    await alice.getByRole('button', { name: 'Edit details of Alice Troll' }).click();
    await alice.getByLabel('Online handles').fill('@alice_t, alice99');
    await alice.getByLabel('Description').fill('Red car, usually parked on Mill Lane.');
    await alice.getByRole('button', { name: 'Save details' }).click();
    await expect(alice).toContainText('Also known as: @alice_t, alice99');
    await expect(alice).toContainText('Red car, usually parked on Mill Lane.');
    await nav(page, 'Timeline').click();
    await page.getByLabel('Search', { exact: true }).fill('alice99');
    await expect.poll(titles).toEqual(['Leaflets torn down', 'Abusive reply on X']);
    expect(vault.pageErrors).toEqual([]);
  });
});

test.describe('a long record', () => {
  test.use({ vaultSeed: { generated: { incidents: 2000, people: 20 } } });

  test('2,000 incidents: only a window of them is in the page, scrolling reaches the last, search is quick', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await expect(page.locator('.result-count')).toHaveText('2000 incidents');
    const articles = page.getByRole('article');
    await expect(articles.first()).toBeVisible();
    expect(await articles.count()).toBeLessThan(60);
    const scroller = page.locator('[data-ev-timeline-scroller]');
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(200);
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const lastId = vault.seed!.incidentIds.at(-1)!;
    void lastId;
    await expect(articles.last()).toBeVisible();
    expect(await articles.count()).toBeLessThan(60);
    await shot(page, 'timeline-long-bottom');

    // Keystroke to updated list, measured in the page.
    const search = page.getByLabel('Search', { exact: true });
    await search.click();
    const times: number[] = [];
    for (const ch of 'troll1') {
      const t = await page.evaluate(
        (c) =>
          new Promise<number>((resolve) => {
            const input = document.querySelector<HTMLInputElement>('[data-ev-search]')!;
            const start = performance.now();
            const obs = new PerformanceObserver(() => {
              obs.disconnect();
              resolve(performance.now() - start);
            });
            obs.observe({ entryTypes: ['mark'] });
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            setter.call(input, input.value + c);
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        ch,
      );
      times.push(t);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(
      `search keystroke → painted list, 2,000 incidents: median ${median.toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(', ')})`,
    );
    // The < 50 ms target is judged by the benchmark (npm run bench: 10,000 incidents); here only a
    // pathological regression fails, so a busy CI machine cannot make this spec flaky.
    expect(median).toBeLessThan(500);
    await expect(page.locator('.result-count')).toContainText('Showing');
  });
});
