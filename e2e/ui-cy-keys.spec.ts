/**
 * The first screens in Welsh: Cymraeg chosen on the create screen, before there is a vault; the
 * vault made in Welsh, its recovery key shown and typed back in Welsh, the timeline reached; and
 * the unlock screen in Welsh (chosen there, or remembered), refusing a wrong passphrase in Welsh.
 */
import { test, expect } from './fixtures.js';
import type { Page } from '@playwright/test';
import { NEW_PASSPHRASE, UK_USER, askedGroups, shotsAndAxe } from './ui-helpers.js';

test.use(UK_USER);

/** The shell is open in Welsh: the timeline's title and the main navigation ("Prif"). */
async function onTimelineInWelsh(page: Page): Promise<void> {
  await expect(page).toHaveTitle('Llinell amser — Evidence Vault');
  await expect(
    page.getByRole('navigation', { name: 'Prif' }).getByRole('button', { name: 'Llinell amser', exact: true }),
  ).toBeVisible();
}

test.describe('a new vault', () => {
  test.use({ vaultSeed: null });

  test('Cymraeg chosen on the create screen: the vault is made, its recovery key checked and the timeline reached in Welsh; it unlocks in Welsh', async ({
    page,
    vault,
  }) => {
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await page.getByLabel('Language').selectOption('cy');
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.getByRole('heading', { name: 'Creu eich claddgell' })).toBeVisible();
    await expect(page.getByLabel('Iaith')).toHaveValue('cy');
    await shotsAndAxe(page, 'cy-create');

    // Nothing typed: the problem is said in Welsh.
    await page.getByRole('button', { name: 'Creu’r gladdgell' }).click();
    await expect(page.getByText('Dewiswch gyfrinymadrodd.')).toBeVisible();

    await page.getByLabel('Cyfrinymadrodd', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByLabel('Teipiwch y cyfrinymadrodd eto').fill(`${NEW_PASSPHRASE}x`);
    await expect(page.getByText(/Cryfder: (Cryf|Cryf iawn)/)).toBeVisible();
    await page.getByRole('button', { name: 'Creu’r gladdgell' }).click();
    await expect(page.getByText('Nid yw’r ddau gyfrinymadrodd yr un fath.')).toBeVisible();
    await page.getByLabel('Teipiwch y cyfrinymadrodd eto').fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Creu’r gladdgell' }).click();

    await expect(page.getByRole('heading', { name: 'Eich allwedd adfer' })).toBeFocused();
    await expect(page.getByText('Caiff ei dangos unwaith yn unig.', { exact: false })).toBeVisible();
    const key = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
    const groups = key.split('-');
    expect(groups).toHaveLength(14);
    await expect(page.getByRole('group', { name: 'Gwiriwch fod gennych hi' })).toBeVisible();
    await shotsAndAxe(page, 'cy-recovery-key');

    // A wrong group is refused in Welsh; she stays here. Then the right ones go on.
    const [first, second] = await askedGroups(page.locator('body'));
    await page.getByLabel(`Grŵp ${first!}`, { exact: true }).fill(groups[first! - 1]!);
    await page.getByLabel(`Grŵp ${second!}`, { exact: true }).fill('ZZZZ');
    const saved = page.getByRole('button', { name: 'Rwyf wedi’i chadw — ymlaen i fy nghladdgell' });
    await saved.click();
    await expect(page.getByRole('alert')).toHaveText(
      `Nid yw grŵp ${second!} yn cyfateb i’ch allwedd adfer. Edrychwch ar yr allwedd uchod neu ar eich copi wedi’i gadw a theipiwch grŵp ${second!} eto.`,
    );
    await expect(page.getByLabel(`Grŵp ${second!}`, { exact: true })).toBeFocused();
    await page.getByLabel(`Grŵp ${second!}`, { exact: true }).fill(groups[second! - 1]!);
    await saved.click();
    await onTimelineInWelsh(page);

    // Locked, then unlocked in Welsh: a wrong passphrase is refused, the right one opens it.
    await page.getByRole('button', { name: 'Cloi', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Datgloi eich claddgell' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Mae eich claddgell wedi’i chloi.');
    await page.getByLabel('Cyfrinymadrodd', { exact: true }).fill('meadow lantern quiet harbour');
    await page.getByRole('button', { name: 'Datgloi', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Nid yw’r cyfrinymadrodd hwnnw’n gywir. Gwiriwch nad yw Caps Lock ymlaen a rhowch gynnig arall arni. Nid oes dim wedi’i newid.',
    );
    await page.getByLabel('Cyfrinymadrodd', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Datgloi', exact: true }).click();
    await onTimelineInWelsh(page);
    expect(vault.pageErrors).toEqual([]);
  });
});

test.describe('an existing vault', () => {
  test.use({ vaultSeed: { incidents: [] } });

  test('Cymraeg chosen on the unlock screen: the button says Datgloi, a wrong passphrase is refused in Welsh, the right one unlocks; the choice is remembered', async ({
    page,
    vault,
  }) => {
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    await page.getByLabel('Language').selectOption('cy');
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.getByRole('heading', { name: 'Datgloi eich claddgell' })).toBeVisible();
    await expect(page.locator('#quick-exit-hint')).toContainText('pwyswch Esc ddwywaith yn gyflym');
    await expect(page.getByRole('group', { name: 'Datgloi gyda' })).toBeVisible();
    await shotsAndAxe(page, 'cy-unlock');

    // Nothing typed, then a wrong passphrase: both answered in Welsh, nothing opened.
    await page.getByRole('button', { name: 'Datgloi', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Teipiwch eich cyfrinymadrodd.');
    await page.getByLabel('Cyfrinymadrodd', { exact: true }).fill('meadow lantern quiet harbour');
    await page.getByRole('button', { name: 'Datgloi', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Nid yw’r cyfrinymadrodd hwnnw’n gywir.');

    // The recovery-key tab, in Welsh.
    await page.getByRole('button', { name: 'Defnyddio fy allwedd adfer' }).click();
    await expect(page.getByLabel('Allwedd adfer', { exact: true })).toBeFocused();
    await page.getByRole('button', { name: 'Cyfrinymadrodd', exact: true }).click();

    await page.getByLabel('Cyfrinymadrodd', { exact: true }).fill(vault.seed!.passphrase);
    await page.getByRole('button', { name: 'Datgloi', exact: true }).click();
    await onTimelineInWelsh(page);

    // Remembered: after a reload, and on the unlock screen once it is locked again.
    await page.reload();
    await onTimelineInWelsh(page);
    await page.getByRole('button', { name: 'Cloi', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Datgloi eich claddgell' })).toBeVisible();
    await expect(page.getByLabel('Iaith')).toHaveValue('cy');
    expect(vault.pageErrors).toEqual([]);
  });
});
