/**
 * "Check now" on a full disk: the window shows what the check found AND that its result could not
 * be written to the activity log (CheckReport.notLogged). The disk is really full: the vault lives
 * on a small tmpfs, filled after unlocking (needs root to mount; skipped otherwise).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.js';
import { seedVault, TEST_PASSPHRASE } from './support/seed.js';
import { startBrowserHost } from '../electron/host/server.js';
import { TEST_KDF } from '../electron/core/index.js';
import { SCREENS_DIR, UK_USER, nav, setTheme } from './ui-helpers.js';

test.use(UK_USER);

test('a check on a full disk says its result was not written to the activity log', async ({ page }) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ev-e2e-full-'));
  const mnt = path.join(root, 'small');
  mkdirSync(mnt);
  test.skip(
    process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]).status !== 0,
    'needs root to mount a small tmpfs',
  );
  try {
    const dir = path.join(mnt, 'vault');
    await seedVault(dir, { incidents: [{ title: 'Leaflet torn', occurredAt: { date: '2024-05-03' } }] });
    const host = await startBrowserHost({ vaultDir: dir, kdf: TEST_KDF, lockWhenNoWindowMs: 0 });
    try {
      await page.goto(host.url);
      await page.waitForURL(host.appUrl);
      const r = await page.evaluate((p) => window.vault!.invoke('vault.unlock', { passphrase: p }), TEST_PASSPHRASE);
      expect(r.ok).toBe(true);
      await page.reload();
      await nav(page, 'Settings').click();
      const logBefore = await host.service.dispatch('custody.list', {});

      // Fill the disk.
      const fd = openSync(path.join(mnt, 'filler'), 'w');
      try {
        for (;;) writeSync(fd, Buffer.alloc(64 * 1024, 1));
      } catch (e) {
        expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }

      await page.getByRole('button', { name: 'Check now' }).click();
      const result = page.getByRole('status').filter({ hasText: 'All is well' });
      await expect(result).toContainText(/All is well: \d+ records?, 0 files and \d+ custody entries checked\./);
      await expect(result).toContainText(
        'The result could not be written to the activity log: the disk is full. Free some space, then check again to record it.',
      );
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(page, theme);
        for (const width of [1280, 800]) {
          await page.setViewportSize({ width, height: 900 });
          await result.scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(SCREENS_DIR, `${theme}-${width}-check-not-logged.png`) });
        }
      }
      await setTheme(page, 'light');
      // Nothing was lost or changed: the activity log is as it was.
      expect(await host.service.dispatch('custody.list', {})).toEqual(logBefore);

      // With space again, a check is recorded and the line is gone.
      rmSync(path.join(mnt, 'filler'));
      await page.getByRole('button', { name: 'Check now' }).click();
      await expect(page.getByText('could not be written to the activity log')).toHaveCount(0);
      await expect(page.getByRole('status').filter({ hasText: 'All is well' })).toBeVisible();
    } finally {
      await host.close();
    }
  } finally {
    spawnSync('umount', ['-l', mnt]);
    rmSync(root, { recursive: true, force: true });
  }
});
