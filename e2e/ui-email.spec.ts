/**
 * E-mail exhibits: headers and text shown; the HTML body only sanitised, in a sandboxed frame, with
 * remote content never fetched (proved from Playwright's request log) and scripts never run (proved
 * from the page). email-2.eml carries a remote tracking image; a copy with a script, an onerror
 * handler and a CSS background URL added proves the script side.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.js';
import { FIXTURES, UK_USER, shot } from './ui-helpers.js';

const hostile = path.join(mkdtempSync(path.join(os.tmpdir(), 'ev-ui-eml-')), 'email-2-script.eml');
writeFileSync(
  hostile,
  readFileSync(path.join(FIXTURES, 'email-2.eml'), 'utf8').replace(
    '<p>Your posters keep appearing.',
    '<script>document.body.setAttribute("data-script-ran","yes");' +
      'fetch("https://tracker.example.invalid/script-ran");parent.postMessage("script-ran","*")</script>' +
      '<img src="x" onerror="document.body.setAttribute(\'data-onerror-ran\',\'yes\')">' +
      '<p style="background:url(https://tracker.example.invalid/bg.png)">Styled paragraph</p>' +
      '<img srcset="https://tracker.example.invalid/srcset.png 2x">' +
      '<a href="https://phish.example.invalid/login">Click here</a>' +
      '<p>Your posters keep appearing.',
  ),
);

test.use({
  ...UK_USER,
  vaultSeed: {
    incidents: [{ title: 'E-mail from Zöe', occurredAt: { date: '2019-11-14', approximate: false } }],
    attach: [{ incident: 0, files: ['email-2.eml', hostile, 'email-1.eml'] }],
  },
});

const TRACKER = 'tracker.example.invalid';

test('email-2.eml: headers shown, tracking image never requested', async ({ page, vault }) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'E-mail from Zöe' }).click();
  await page.getByRole('button', { name: 'View email-2.eml' }).click();
  const view = page.getByTestId('email-view');
  await expect(view).toContainText('Zöe Anon <zoe.anon@example.com>');
  await expect(view).toContainText('sam@example.org');
  await expect(view).toContainText("We're watching 👀");
  await expect(view).toContainText('copy.pdf (application/pdf');
  await expect(page.getByRole('note')).toContainText('1 picture or style from the internet was not loaded');

  const frameEl = page.locator('iframe[title="E-mail message, shown safely"]');
  await expect(frameEl).toHaveAttribute('sandbox', '');
  const frame = page.frameLocator('iframe[title="E-mail message, shown safely"]');
  await expect(frame.locator('body')).toContainText('Your posters keep appearing. So do we.');
  const img = frame.locator('img');
  await expect(img).toHaveAttribute('data-ev-blocked', 'remote-image');
  expect(await img.getAttribute('src')).toBeNull();
  await shot(page, 'exhibit-email');

  // Give any stray load a moment, then read the request log: nothing went to the tracker, nothing left the machine.
  await page.waitForTimeout(300);
  expect(vault.requests.filter((r) => r.url.includes(TRACKER))).toEqual([]);
  expect(vault.requests.filter((r) => r.external)).toEqual([]);
  expect(vault.pageErrors).toEqual([]);
});

test('an e-mail with a script: the script never runs and nothing remote is fetched', async ({ page, vault }) => {
  const messages: string[] = [];
  await page.exposeFunction('__evMessage', (m: string) => messages.push(m));
  await vault.unlock();
  await page.evaluate(() => {
    window.addEventListener('message', (e) => {
      (window as unknown as { __evMessage(m: string): void }).__evMessage(String(e.data));
    });
  });
  await page.getByRole('button', { name: 'E-mail from Zöe' }).click();
  await page.getByRole('button', { name: 'View email-2-script.eml' }).click();
  const frame = page.frameLocator('iframe[title="E-mail message, shown safely"]');
  await expect(frame.locator('body')).toContainText('Styled paragraph');
  await expect(frame.locator('body')).toContainText('Your posters keep appearing.');

  // The page shows no trace of the script: it is not in the document, and its effects never happened.
  await expect(frame.locator('script')).toHaveCount(0);
  await expect(frame.locator('[onerror]')).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(frame.locator('body')).not.toHaveAttribute('data-script-ran', 'yes');
  await expect(frame.locator('body')).not.toHaveAttribute('data-onerror-ran', 'yes');
  expect(messages).toEqual([]);
  await expect(frame.getByText('Click here')).not.toHaveAttribute('href', /.*/);
  expect(await frame.locator('p', { hasText: 'Styled paragraph' }).getAttribute('style')).not.toContain(TRACKER);
  await expect(page.getByRole('note')).toContainText('pictures or styles from the internet were not loaded');

  expect(vault.requests.filter((r) => r.url.includes(TRACKER) || r.url.includes('phish'))).toEqual([]);
  expect(vault.requests.filter((r) => r.external)).toEqual([]);
  expect(vault.pageErrors).toEqual([]);
});

test('a plain-text e-mail shows its headers and text', async ({ page, vault }) => {
  await vault.unlock();
  await page.getByRole('button', { name: 'E-mail from Zöe' }).click();
  await page.getByRole('button', { name: 'View email-1.eml' }).click();
  const view = page.getByTestId('email-view');
  await expect(view).toContainText('Local Patriot <patriot1999@example.net>');
  await expect(view).toContainText('Stay away from our town');
  await expect(page.getByTestId('email-text')).toContainText('We know your office is on High Street.');
  await expect(page.locator('iframe')).toHaveCount(0);
});
