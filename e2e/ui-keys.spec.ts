/**
 * Keys looked after (issue 15): the recovery key's type-back check refuses a wrong group, Copy, a
 * new passphrase asked for after a recovery-key unlock, the current passphrase needed to change
 * it (a wrong one changes nothing), the reminder a week later, "?" for the shortcuts and the quick
 * exit on the unlock screen. Keyboard only where the item is about keys or focus.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { NEW_PASSPHRASE, UK_USER, askedGroups, shot, typeBackGroups, unlockThroughUi } from './ui-helpers.js';
import { axeClean, shotsAt4 } from './g-shots.js';

test.use(UK_USER);

/** Press Tab until the focused control's accessible label contains `name`. */
async function tabTo(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      const labels = (el as HTMLInputElement).labels;
      return el.getAttribute('aria-label') ?? (labels && labels[0] ? labels[0].textContent : el.textContent) ?? '';
    });
    if (focused.includes(name)) return;
  }
  throw new Error(`could not reach “${name}” with Tab`);
}

test.describe('a new vault', () => {
  test.use({ vaultSeed: null });

  test('the type-back check refuses a wrong group and she stays; Copy says Copied; the right groups go on', async ({
    page,
    context,
    vault,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
    await page.keyboard.type(NEW_PASSPHRASE);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW_PASSPHRASE);
    await expect(page.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeFocused();
    const key = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
    const groups = key.split('-');
    expect(groups).toHaveLength(14);

    // Copy, by keyboard.
    await tabTo(page, 'Copy');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // A wrong group: refused with a plain line, focus on that group, still on this page.
    const [first, second] = await askedGroups(page.locator('body'));
    await tabTo(page, `Group ${first!}`);
    await page.keyboard.type(groups[first! - 1]!);
    await page.keyboard.press('Tab');
    await page.keyboard.type('ZZZZ');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(
      `Group ${second!} does not match your recovery key. Look at the key above or your saved copy and type group ${second!} again.`,
    );
    await expect(page.getByLabel(`Group ${second!}`, { exact: true })).toBeFocused();
    await expect(page.getByLabel(`Group ${second!}`, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
    expect((await page.evaluate(() => window.vault!.invoke('settings.get', {}))) as unknown).toMatchObject({
      ok: true,
      value: { recoveryKeyMadeAt: '' },
    });
    await axeClean(page, 'recovery key, wrong group');
    await shotsAt4(page, 'recovery-key-wrong-group');

    // The print sheet says how to use it.
    await page.emulateMedia({ media: 'print' });
    await expect(
      page.getByText(
        "On the unlock screen choose 'Use my recovery key', type these groups, then choose a new passphrase.",
      ),
    ).toBeVisible();
    await page.setViewportSize({ width: 800, height: 700 });
    await shot(page, 'recovery-key-print-sheet');
    await page.emulateMedia({ media: 'screen' });

    // Lower case and a space are fine; Enter goes on.
    await page.getByLabel(`Group ${second!}`, { exact: true }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(` ${groups[second! - 1]!.toLowerCase()}`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
    const settings = (await page.evaluate(() => window.vault!.invoke('settings.get', {}))) as {
      value: { recoveryKeyMadeAt: string };
    };
    expect(Date.now() - Date.parse(settings.value.recoveryKeyMadeAt)).toBeLessThan(60_000);
    expect(vault.pageErrors).toEqual([]);
  });
});

test.describe('an existing vault', () => {
  test.use({
    vaultSeed: { incidents: [{ title: 'Leaflets torn down', occurredAt: { date: '2024-05-03', approximate: false } }] },
  });

  test('changing the passphrase with a wrong current one changes nothing: the old one still unlocks', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).focus();
    await page.keyboard.press('Enter');
    await tabTo(page, 'Current passphrase');
    await page.keyboard.type('not my passphrase at all');
    await page.keyboard.press('Tab');
    await page.keyboard.type('meadow lantern quiet harbour');
    await page.keyboard.press('Tab');
    await page.keyboard.type('meadow lantern quiet harbour');
    await page.keyboard.press('Enter');
    const current = page.getByLabel('Current passphrase');
    await expect(page.getByRole('alert')).toHaveText(
      'That is not your current passphrase. Check that Caps Lock is off and try again. Nothing has been changed.',
    );
    await expect(current).toBeFocused();
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('heading', { name: 'Change passphrase' }).scrollIntoViewIfNeeded();
    await shotsAt4(page, 'settings-wrong-current-passphrase', page.getByLabel('Current passphrase'));

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await unlockThroughUi(page, vault.seed!.passphrase);
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill('meadow lantern quiet harbour');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('That passphrase is not right');
    expect(vault.pageErrors).toEqual([]);
  });

  test('unlocking with the recovery key asks for a new passphrase at once; it then unlocks', async ({
    page,
    vault,
  }) => {
    await expect(page.getByText('Quick exit:')).toBeVisible();
    await expect(page.locator('#quick-exit-hint')).toContainText('press Esc twice quickly');
    await shotsAt4(page, 'unlock-quick-exit');
    await tabTo(page, 'Use my recovery key');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Recovery key', { exact: true })).toBeFocused();
    await page.keyboard.type(vault.seed!.recoveryKey);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Choose a new passphrase' })).toBeVisible();
    await expect(page.getByLabel('New passphrase')).toBeFocused();
    await expect(page.getByLabel('Current passphrase')).toHaveCount(0);
    await axeClean(page, 'new passphrase after recovery');
    await shotsAt4(page, 'new-passphrase-after-recovery');

    // Skipping needs a second choice after a plain warning; she can go back.
    await tabTo(page, 'Skip for now');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Skip the new passphrase?' })).toBeFocused();
    await expect(page.getByText(/you will need your recovery key every time you unlock/)).toBeVisible();
    await shotsAt4(page, 'new-passphrase-skip-warning');
    await tabTo(page, 'Choose a new passphrase');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('New passphrase')).toBeVisible();

    await page.getByLabel('New passphrase').focus();
    await page.keyboard.type('orchard violet canal whistle');
    await page.keyboard.press('Tab');
    await page.keyboard.type('orchard violet canal whistle');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Your new passphrase is set' })).toBeFocused();
    await tabTo(page, 'Go to my vault');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Leaflets torn down' })).toBeVisible();

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(vault.seed!.passphrase);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('That passphrase is not right');
    await unlockThroughUi(page, 'orchard violet canal whistle');
    expect(vault.pageErrors).toEqual([]);
  });

  test('a week after the key was made, the timeline asks her to test it; a wrong key is refused, the right one clears it', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
    await page.evaluate(
      (at) => window.vault!.invoke('settings.update', { patch: { recoveryKeyMadeAt: at } }),
      eightDaysAgo,
    );
    await page.reload();
    const card = page.getByRole('region', { name: 'Check your recovery key still works' });
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: 'Check my recovery key' }).focus();
    await page.keyboard.press('Enter');
    await expect(card.getByLabel('Recovery key')).toBeFocused();
    await page.keyboard.type('AAAA-BBBB-CCCC-DDDD');
    await page.keyboard.press('Enter');
    await expect(card.getByRole('alert')).toContainText('That recovery key does not open this vault.');
    await page.keyboard.press('Control+A');
    const other = vault.seed!.recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    await page.keyboard.type(other);
    await page.keyboard.press('Enter');
    await expect(card.getByRole('alert')).toBeVisible();
    await axeClean(page, 'recovery key reminder');
    await shotsAt4(page, 'timeline-recovery-reminder');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(vault.seed!.recoveryKey);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Your recovery key works' })).toBeFocused();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Check your recovery key still works' })).toHaveCount(0);
    expect(vault.pageErrors).toEqual([]);
  });

  test('"?" opens the shortcuts (not inside a text box); Escape closes them and the focus goes back', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await page.getByRole('button', { name: 'Quick add' }).focus();
    await page.keyboard.press('Shift+Slash');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Quick exit');
    await expect(dialog).toContainText('Show this list of shortcuts');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await axeClean(page, 'shortcuts');
    await shotsAt4(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Quick add' })).toBeFocused();

    // In a text box "?" is just a question mark.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Quick add', level: 1 })).toBeVisible();
    await page.getByLabel('What happened').focus();
    await page.keyboard.type('Who sent this?');
    await expect(page.getByLabel('What happened')).toHaveValue('Who sent this?');
    await expect(dialog).toBeHidden();

    // From the navigation too.
    await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    expect(vault.pageErrors).toEqual([]);
  });

  test('Settings: a new recovery key has the same type-back check; once saved, its date starts the week again', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const card = page.getByRole('region', { name: 'Recovery key' });
    await card.getByRole('button', { name: 'Make a new recovery key' }).click();
    await card.getByRole('button', { name: 'Make a new key' }).click();
    const key = ((await card.getByTestId('new-recovery-key').textContent()) ?? '').trim();
    await typeBackGroups(card, key, { wrong: true });
    await card.getByRole('button', { name: 'I have saved it — done' }).click();
    await expect(card.getByRole('alert')).toContainText('does not match your recovery key');
    await card.scrollIntoViewIfNeeded();
    await axeClean(page, 'settings new recovery key');
    await shotsAt4(page, 'settings-new-recovery-key-wrong-group', card.getByRole('alert'));
    await typeBackGroups(card, key);
    await card.getByRole('button', { name: 'I have saved it — done' }).click();
    await expect(card.getByRole('status')).toContainText('Your new recovery key is saved');
    const s = (await page.evaluate(() => window.vault!.invoke('settings.get', {}))) as {
      value: { recoveryKeyMadeAt: string; recoveryKeyCheckedAt: string };
    };
    expect(Date.now() - Date.parse(s.value.recoveryKeyMadeAt)).toBeLessThan(60_000);
    expect(s.value.recoveryKeyCheckedAt).toBe('');
    expect(vault.pageErrors).toEqual([]);
  });
});
