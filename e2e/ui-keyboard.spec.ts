/** The whole create-and-record flow by keyboard alone: no mouse click, no fill(); focus always visible. */
import { test, expect } from './fixtures.js';
import { FIXTURES, NEW_PASSPHRASE, UK_USER, askedGroups, shot } from './ui-helpers.js';
import type { Page } from '@playwright/test';
import path from 'node:path';

test.use(UK_USER);

/** The focused element's name as a user would hear it (aria-label, its label, or its text). */
function focusedName(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const aria = el.getAttribute('aria-label');
    if (aria) return aria;
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return labels[0]!.textContent ?? '';
    return el.textContent ?? '';
  });
}

/** Press Tab until the focused control's name contains `name`; checks its focus is visible. */
async function tabTo(page: Page, name: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)).includes(name)) {
      const outline = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(outline.style, `focus on “${name}” is visible`).not.toBe('none');
      expect(outline.width).toBeGreaterThanOrEqual(2);
      return;
    }
  }
  throw new Error(`could not reach “${name}” with Tab`);
}

/** Tab to the control named `name` (its focus visible), then press `key` on it. */
async function tabAndPress(page: Page, name: string, key: 'Enter' | 'Space'): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press(key);
}

test('create a vault, record an incident, attach and view an exhibit, lock — by keyboard alone', async ({
  page,
  vault,
}) => {
  // First run: the passphrase field has focus already.
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.type(NEW_PASSPHRASE);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Type the passphrase again')).toBeFocused();
  await page.keyboard.type(NEW_PASSPHRASE);
  await expect(page.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeFocused();
  // The type-back check, by keyboard: Tab to each group asked for and type it from the key shown.
  const key = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
  const asked = await askedGroups(page.locator('body'));
  for (const n of asked) {
    await tabTo(page, `Group ${n}`);
    await page.keyboard.type(key.split('-')[n - 1] ?? '');
  }
  await tabAndPress(page, 'continue to my vault', 'Enter');
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();

  // The skip link comes first.
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('Skip to main content');
  await shot(page, 'keyboard-skip-link');

  // Quick add.
  await tabAndPress(page, 'Quick add', 'Enter');
  await expect(page.getByRole('heading', { name: 'Quick add', level: 1 })).toBeFocused();
  await tabTo(page, 'What happened');
  await page.keyboard.type('Egg thrown at the office window');
  await tabTo(page, 'Save incident');
  await shot(page, 'keyboard-quick-add');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Egg thrown at the office window', level: 1 })).toBeFocused();

  // Edit: a category and an escalation signal.
  await tabAndPress(page, 'Edit', 'Enter');
  await expect(page.getByRole('heading', { name: 'Edit incident', level: 1 })).toBeFocused();
  await tabAndPress(page, 'Criminal damage', 'Space');
  await tabAndPress(page, 'Threat of imminent violence', 'Space');
  await tabAndPress(page, 'Save changes', 'Enter');
  // A new escalation signal: what to do now comes first (issue 15), then the incident.
  await expect(page.getByRole('heading', { name: 'What to do now', level: 1 })).toBeFocused();
  await tabAndPress(page, 'Not yet: go to the incident', 'Enter');
  await expect(page.getByRole('heading', { name: 'Egg thrown at the office window', level: 1 })).toBeFocused();
  await expect(page.getByTestId('escalation-banner')).toContainText('call 999');

  // Attach a picture: the file dialog opens from the keyboard.
  // Listen first: Playwright turns on file-chooser interception asynchronously, and a key press is
  // quicker than a click.
  const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
  await tabTo(page, 'Choose files');
  await expect(page.getByRole('button', { name: 'Choose files…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(path.join(FIXTURES, 'post-1.png'));
  await expect(page.getByRole('heading', { name: 'Exhibits (1)' })).toBeVisible();
  // The focus comes back to "Choose files…", never to the page body (issue 15).
  await expect(page.getByRole('button', { name: 'Choose files…' })).toBeFocused();
  await tabAndPress(page, 'View post-1.png', 'Enter');
  await expect(page.getByRole('heading', { name: 'post-1.png', level: 1 })).toBeFocused();
  await expect(page.getByRole('img', { name: 'Picture: post-1.png' })).toBeVisible();

  // Back to the timeline, where the incident is listed; open it again from there.
  await tabAndPress(page, 'Timeline', 'Enter');
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeFocused();
  await tabTo(page, 'Egg thrown at the office window');
  await shot(page, 'keyboard-timeline-focus');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Egg thrown at the office window', level: 1 })).toBeFocused();

  // Lock.
  await page.keyboard.press('Shift+Tab');
  await tabAndPress(page, 'Lock', 'Enter');
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.type(NEW_PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Egg thrown at the office window' })).toBeVisible();
  expect(vault.pageErrors).toEqual([]);
});
