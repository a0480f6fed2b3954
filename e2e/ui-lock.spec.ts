/** Unlock with the passphrase or the recovery key, a clear wrong-passphrase message, lock, and auto-lock. */
import { test, expect, TEST_PASSPHRASE } from './fixtures.js';
import { shot, UK_USER } from './ui-helpers.js';

test.use(UK_USER);

test.describe('an existing vault', () => {
  test.use({
    vaultSeed: { incidents: [{ title: 'Leaflets torn down', occurredAt: { date: '2024-05-03', approximate: false } }] },
  });

  test('wrong passphrase gets a clear message and costs nothing; the right one opens the timeline', async ({
    page,
    vault,
  }) => {
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    const field = page.getByLabel('Passphrase', { exact: true });
    await expect(field).toBeFocused();
    await shot(page, 'unlock');

    await field.fill('not my passphrase at all');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    const message = page.getByRole('alert');
    await expect(message).toContainText('That passphrase is not right');
    await expect(message).toContainText('Nothing has been changed');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/That passphrase is not right/);
    await shot(page, 'unlock-wrong-passphrase');

    await field.fill(TEST_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Leaflets torn down' })).toBeVisible();
    // The performance marks the benchmark reads.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('ev:timeline-painted').length)).toBe(1);
    const [starts, painted] = await page.evaluate(() =>
      ['ev:unlock-start', 'ev:timeline-painted'].map((n) => performance.getEntriesByName(n).map((e) => e.startTime)),
    );
    expect(starts).toHaveLength(2); // the wrong try and the right one
    expect(painted![0]!).toBeGreaterThan(starts![1]!);

    // Lock: back to the unlock screen; the data is no longer reachable from the page.
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    await expect(page.getByText('Leaflets torn down')).toHaveCount(0);
    const list = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
    expect(list).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(vault.pageErrors).toEqual([]);
  });

  test('unlock with the recovery key', async ({ page, vault }) => {
    await page.getByRole('button', { name: 'Use my recovery key' }).click();
    const field = page.getByLabel('Recovery key', { exact: true });
    await field.fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(/recovery key is not right|not right/i);
    await field.fill(vault.seed!.recoveryKey);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    // A new passphrase is asked for at once; skipping it needs a second, warned choice.
    await expect(page.getByRole('heading', { name: 'Choose a new passphrase' })).toBeVisible();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('button', { name: 'Skip anyway' }).click();
    await expect(page.getByRole('button', { name: 'Leaflets torn down' })).toBeVisible();
  });

  test('locks itself after the inactivity time set in settings', async ({ page, vault }) => {
    await page.clock.install();
    await vault.unlock();
    await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Lock the vault when not used for').selectOption('1');
    await expect(page.getByText('Automatic locking changed.')).toBeVisible();
    await page.clock.fastForward('00:25');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.clock.fastForward('00:10');
    await expect(page.getByRole('alert')).toContainText('Your vault will lock in 30 seconds');
    // Any key press keeps it open, and the warning goes away.
    await page.keyboard.press('Shift');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.clock.fastForward('00:50');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await page.clock.fastForward('00:15');
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    await expect(page.getByText('Your vault was locked because it was not used for a while.')).toBeVisible();
    const status = await page.evaluate(() => window.vault!.invoke('vault.status', {}));
    expect(status).toMatchObject({ ok: true, value: { state: 'locked' } });
  });
});
