import { test, expect } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

test('the built renderer loads in Chromium', async ({ page }) => {
  await page.goto(pathToFileURL(path.resolve('dist/renderer/index.html')).href);
  await expect(page.getByRole('heading', { name: 'Evidence Vault' })).toBeVisible();
});
