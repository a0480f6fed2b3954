/**
 * E-mail exhibits: headers and text shown; the HTML body only sanitised, in a sandboxed frame, with
 * remote content never fetched (proved from Playwright's request log) and scripts never run (proved
 * from the page). email-2.eml carries a remote tracking image; a copy with a script, an onerror
 * handler and a CSS background URL added proves the script side.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type VaultFixture } from './fixtures.js';
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

// Remote CSS in every spelling the attack review tried: CSS escapes, comments, image-set(), custom
// properties, @import. The frame's CSP would stop the fetch; the sanitiser must not leave the URL in.
const CSS_HOST = 'css.example.invalid';
const cssStyles = [
  'background: u\\72 l(https://css.example.invalid/escaped-r.png)',
  'background-image: \\75 rl(https://css.example.invalid/escaped-u.png)',
  'background-image: \\000075\\000072\\00006c(https://css.example.invalid/long-escape.png)',
  'background-image: u\\rl(https://css.example.invalid/char-escape.png)',
  'color: red; background-image: image-s\\65 t("https://css.example.invalid/image-set.png" 1x)',
  'background-image: -webkit-image-set("https://css.example.invalid/webkit-set.png" 1x)',
  'list-style-image: url(/**/https://css.example.invalid/comment.png)',
  'background:/**/url( "https://css.example.invalid/quoted)paren.png" )',
  '--x: url(https://css.example.invalid/custom.png); background-image: var(--x)',
  'border-image: url(https://c\\73 s.example.invalid/host-escape.png) 30 round',
  'cursor: url(https://css.example.invalid/cursor.cur), auto',
  'content: url(https://css.example.invalid/content.png)',
];
const cssEmail = path.join(path.dirname(hostile), 'email-css.eml');
writeFileSync(
  cssEmail,
  [
    'From: Zoe Anon <zoe.anon@example.com>',
    'To: sam@example.org',
    'Subject: Styled',
    'Date: Thu, 14 Nov 2019 23:59:59 -0500',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<style>@import "https://css.example.invalid/import.css"; p { background: u\\72 l(https://css.example.invalid/sheet.png) }</style>',
    ...cssStyles.map((style, i) => `<p id="s${i}" style='${style}'>Styled line ${i}</p>`),
    '<p>Plain line</p>',
    '',
  ].join('\r\n'),
);

// Inline pictures (cid:): a real PNG, and a part that claims to be a PNG but is SVG text.
const inlineEmail = path.join(path.dirname(hostile), 'email-inline.eml');
const b64 = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n');
writeFileSync(
  inlineEmail,
  [
    'From: Zoe Anon <zoe.anon@example.com>',
    'To: sam@example.org',
    'Subject: Pictures',
    'Date: Thu, 14 Nov 2019 23:59:59 -0500',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary="rel"',
    '',
    '--rel',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Two pictures</p><img src="cid:real@example.com" alt="Real picture"><img src="cid:fake@example.com" alt="Fake picture">',
    '--rel',
    'Content-Type: image/png',
    'Content-ID: <real@example.com>',
    'Content-Disposition: inline',
    'Content-Transfer-Encoding: base64',
    '',
    b64(readFileSync(path.join(FIXTURES, 'post-1.png'))),
    '--rel',
    'Content-Type: image/png',
    'Content-ID: <fake@example.com>',
    'Content-Disposition: inline',
    'Content-Transfer-Encoding: base64',
    '',
    b64(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    '--rel--',
    '',
  ].join('\r\n'),
);

test.use({
  ...UK_USER,
  vaultSeed: {
    incidents: [{ title: 'E-mail from Zöe', occurredAt: { date: '2019-11-14', approximate: false } }],
    attach: [{ incident: 0, files: ['email-2.eml', hostile, 'email-1.eml', cssEmail, inlineEmail] }],
  },
});

const TRACKER = 'tracker.example.invalid';
const FRAME = 'iframe[title="E-mail message, shown safely"]';

/** From the unlocked timeline: open the incident and view one of its e-mails; returns its frame. */
async function viewEmail(page: Page, name: string) {
  await page.getByRole('button', { name: 'E-mail from Zöe' }).click();
  await page.getByRole('button', { name: `View ${name}` }).click();
  return page.frameLocator(FRAME);
}

/** Nothing was requested from these hosts, nothing left the machine, and the page threw nothing. */
function expectNothingFetched(vault: VaultFixture, hosts: string[]): void {
  expect(vault.requests.filter((r) => hosts.some((h) => r.url.includes(h)))).toEqual([]);
  expect(vault.requests.filter((r) => r.external)).toEqual([]);
  expect(vault.pageErrors).toEqual([]);
}

test('email-2.eml: headers shown, tracking image never requested', async ({ page, vault }) => {
  await vault.unlock();
  const frame = await viewEmail(page, 'email-2.eml');
  const view = page.getByTestId('email-view');
  await expect(view).toContainText('Zöe Anon <zoe.anon@example.com>');
  await expect(view).toContainText('sam@example.org');
  await expect(view).toContainText("We're watching 👀");
  await expect(view).toContainText('copy.pdf (application/pdf');
  await expect(page.getByRole('note')).toContainText('1 picture or style from the internet was not loaded');

  await expect(page.locator(FRAME)).toHaveAttribute('sandbox', '');
  await expect(frame.locator('body')).toContainText('Your posters keep appearing. So do we.');
  const img = frame.locator('img');
  await expect(img).toHaveAttribute('data-ev-blocked', 'remote-image');
  expect(await img.getAttribute('src')).toBeNull();
  await shot(page, 'exhibit-email');

  // Give any stray load a moment, then read the request log: nothing went to the tracker, nothing left the machine.
  await page.waitForTimeout(300);
  expectNothingFetched(vault, [TRACKER]);
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
  const frame = await viewEmail(page, 'email-2-script.eml');
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

  expectNothingFetched(vault, [TRACKER, 'phish']);
});

test('a plain-text e-mail shows its headers and text', async ({ page, vault }) => {
  await vault.unlock();
  await viewEmail(page, 'email-1.eml');
  const view = page.getByTestId('email-view');
  await expect(view).toContainText('Local Patriot <patriot1999@example.net>');
  await expect(view).toContainText('Stay away from our town');
  await expect(page.getByTestId('email-text')).toContainText('We know your office is on High Street.');
  await expect(page.locator('iframe')).toHaveCount(0);
});

test('CSS that fetches, in any spelling, does not survive the sanitiser', async ({ page, vault }) => {
  await vault.unlock();
  const frame = await viewEmail(page, 'email-css.eml');
  const frameEl = page.locator(FRAME);
  await expect(frame.locator('body')).toContainText('Plain line');
  // Every styled line is still there (only its remote parts go).
  for (let i = 0; i < cssStyles.length; i++) await expect(frame.locator(`#s${i}`)).toHaveText(`Styled line ${i}`);
  await expect(frame.locator('style')).toHaveCount(0);

  // Neither the frame's source nor its styles as the browser's CSS parser reads them (escapes decoded,
  // comments gone) name the host or hold anything that fetches; a colour beside a remote image stays.
  const srcdoc = (await frameEl.getAttribute('srcdoc')) ?? '';
  expect(srcdoc).not.toContain(CSS_HOST);
  const parsed = await page.evaluate((doc) => {
    const parsedDoc = new DOMParser().parseFromString(doc, 'text/html');
    return Array.from(parsedDoc.querySelectorAll('[style]'), (el) => {
      const probe = document.createElement('div');
      probe.style.cssText = el.getAttribute('style') ?? '';
      return { id: el.id, css: probe.style.cssText };
    });
  }, srcdoc);
  for (const { id, css } of parsed) expect(css, id).not.toMatch(/url\(|image-set\(|image\(|css\.example/i);
  expect(parsed.find((p) => p.id === 's4')?.css).toContain('color: red');
  expect(await frame.locator('body').innerHTML()).not.toContain(CSS_HOST);
  await expect(page.getByRole('note')).toContainText('pictures or styles from the internet were not loaded');

  await page.waitForTimeout(300);
  expectNothingFetched(vault, [CSS_HOST]);
});

test('inline pictures are shown only when their bytes really are a safe picture type', async ({ page, vault }) => {
  await vault.unlock();
  const frame = await viewEmail(page, 'email-inline.eml');
  await expect(frame.locator('body')).toContainText('Two pictures');
  const real = frame.getByRole('img', { name: 'Real picture' });
  await expect(real).toHaveAttribute('src', /^data:image\/png;base64,iVBORw0KGgo/);
  await expect.poll(() => real.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  // The part that only claims to be a PNG is not put into the message at all.
  const fake = frame.locator('img[alt="Fake picture"]');
  await expect(fake).toHaveCount(1);
  expect(await fake.getAttribute('src')).toBeNull();
  expect(vault.requests.filter((r) => r.external)).toEqual([]);
  expect(vault.pageErrors).toEqual([]);
});
