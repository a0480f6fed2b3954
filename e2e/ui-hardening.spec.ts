/**
 * The renderer's hardening from the attack review (issue 11):
 * - only known-safe picture types become blob: URLs and <img>s; SVG, XHTML, XML and pictures the
 *   app cannot vouch for are "cannot show", never framed, embedded or navigated to;
 * - no form restoration: every form, field and search box asks for no autocomplete, and free-text
 *   fields for no spell check (Chrome's enhanced spell check sends the text away);
 * - the window title never carries an incident's own title.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { UK_USER, addThroughBridge, nav } from './ui-helpers.js';
import { decodeWire, encodeWire } from '../shared/wire.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ev-ui-harden-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const SVG = file(
  'drawing.svg',
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    '<script>parent.postMessage("svg-ran","*")</script><rect width="10" height="10"/></svg>\n',
);
const XHTML = file(
  'page.xhtml',
  '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>' +
    '<script>parent.postMessage("xhtml-ran","*")</script><p>Hello</p></body></html>\n',
);
// A TIFF header: a picture type the app cannot vouch for (and Chromium cannot draw).
const TIFF = file(
  'scan.tiff',
  new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, ...new Array(64).fill(0)]),
);
// The same SVG again: the spec relabels it image/png on the wire, as a damaged or forged record could.
const LIAR = file('liar.svg', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n');

const SECRET_TITLE = 'Brick through the window at 14 Elm Road';

test.use({
  ...UK_USER,
  vaultSeed: {
    incidents: [
      { title: SECRET_TITLE, occurredAt: { date: '2019-11-15', approximate: false } },
      { title: 'Files of every kind', occurredAt: { date: '2019-11-16', approximate: false } },
    ],
    attach: [{ incident: 1, files: ['post-1.png', SVG, XHTML, TIFF, LIAR] }],
  },
});

const SAFE_MAGIC: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/gif': [0x47, 0x49, 0x46, 0x38],
};

/** Record every blob: URL the page makes (its type and first bytes) and every message posted to it. */
async function watchBlobs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const made: { type: string; head: number[] }[] = [];
    const messages: string[] = [];
    (window as unknown as { __evBlobs: typeof made; __evMessages: string[] }).__evBlobs = made;
    (window as unknown as { __evMessages: string[] }).__evMessages = messages;
    window.addEventListener('message', (e) => messages.push(String(e.data)));
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = original(obj);
      if (obj instanceof Blob) {
        const entry = { type: obj.type, head: [] as number[] };
        made.push(entry);
        void obj
          .slice(0, 8)
          .arrayBuffer()
          .then((b) => entry.head.push(...new Uint8Array(b)));
      }
      return url;
    };
  });
}

async function blobsMade(page: Page): Promise<{ type: string; head: number[] }[]> {
  return page.evaluate(() => (window as unknown as { __evBlobs: { type: string; head: number[] }[] }).__evBlobs);
}

/** Every blob: URL made is a known-safe picture type whose bytes really are that type. */
function expectOnlySafePictures(blobs: { type: string; head: number[] }[]): void {
  for (const b of blobs) {
    const magic = SAFE_MAGIC[b.type];
    expect(magic, `blob: URL of type ${b.type || '(none)'}`).toBeDefined();
    expect(b.head.slice(0, magic!.length), `bytes of a ${b.type} blob`).toEqual(magic);
  }
}

test.describe('exhibits of unsafe types', () => {
  test.beforeEach(async ({ page, vault }) => {
    await watchBlobs(page);
    // Relabel liar.svg as a PNG in every answer from the host.
    await page.route('**/api/invoke', async (route) => {
      const response = await route.fetch();
      const relabel = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(relabel);
        else if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
          const o = v as Record<string, unknown>;
          if (o.name === 'liar.svg' && typeof o.mediaType === 'string') o.mediaType = 'image/png';
          Object.values(o).forEach(relabel);
        }
      };
      const body = decodeWire(await response.text());
      relabel(body);
      await route.fulfill({ response, body: encodeWire(body) });
    });
    await vault.unlock();
    await page.getByRole('button', { name: 'Files of every kind' }).click();
    await expect(page.getByRole('heading', { name: 'Exhibits (5)' })).toBeVisible();
  });

  test('the incident page shows thumbnails only for safe pictures', async ({ page, vault }) => {
    await expect(page.getByRole('img', { name: 'Thumbnail of post-1.png' })).toBeVisible();
    const liar = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: 'View liar.svg' }) })
      .locator('.thumb');
    await expect(liar).toHaveText('Picture not shown');
    await expect(page.locator('img[alt="Thumbnail of liar.svg"], img[alt="Thumbnail of scan.tiff"]')).toHaveCount(0);
    expectOnlySafePictures(await blobsMade(page));
    expect(vault.pageErrors).toEqual([]);
  });

  for (const name of ['drawing.svg', 'page.xhtml', 'scan.tiff', 'liar.svg']) {
    test(`${name} is never shown as a document or picture`, async ({ page, vault }) => {
      await page.getByRole('button', { name: `View ${name}` }).click();
      await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Contents' })).toContainText(
        'Evidence Vault cannot show this kind of file',
      );
      if (name.endsWith('svg') || name.endsWith('xhtml')) {
        await expect(page.getByRole('region', { name: 'Contents' })).toContainText(
          'Drawings (SVG), web pages and XML files can contain code, so Evidence Vault never opens them.',
        );
      }
      await expect(page.locator('main iframe, main object, main embed, main img')).toHaveCount(0);
      await page.waitForTimeout(300);
      expectOnlySafePictures(await blobsMade(page));
      expect(await page.evaluate(() => (window as unknown as { __evMessages: string[] }).__evMessages)).toEqual([]);
      expect(page.url()).not.toMatch(/^blob:/);
      expect(vault.pageErrors).toEqual([]);
    });
  }

  test('a real picture is still shown, from a blob: URL of its own type', async ({ page }) => {
    await page.getByRole('button', { name: 'View post-1.png' }).click();
    await expect(page.getByRole('img', { name: 'Picture: post-1.png' })).toBeVisible();
    const blobs = await blobsMade(page);
    expect(blobs.length).toBeGreaterThan(0);
    expectOnlySafePictures(blobs);
  });
});

/** Every input, textarea and form on the screen asks for no autocomplete; free text for no spell check. */
async function expectNoFormRestoration(
  page: Page,
  screen: string,
  password: 'off' | 'new-password' = 'new-password',
): Promise<void> {
  const found = await page.evaluate((passwordAc) => {
    const problems: string[] = [];
    let fields = 0;
    const skip = new Set(['checkbox', 'radio', 'file', 'hidden', 'submit', 'button']);
    const freeText = new Set(['text', 'search', 'email', 'tel', 'url', '']);
    for (const f of Array.from(document.querySelectorAll('form'))) {
      if (f.getAttribute('autocomplete') !== 'off') problems.push(`form ${f.getAttribute('aria-label') ?? f.id}`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) {
      const type = el instanceof HTMLInputElement ? el.type : '';
      if (el instanceof HTMLInputElement && skip.has(type)) continue;
      fields++;
      const id = `${el.tagName.toLowerCase()}#${el.id} (${type || 'textarea'})`;
      const ac = el.getAttribute('autocomplete');
      if (type === 'password') {
        if (ac !== passwordAc) problems.push(`${id} autocomplete=${ac}`);
      } else if (ac !== 'off') problems.push(`${id} autocomplete=${ac}`);
      if (freeText.has(type) && el.getAttribute('spellcheck') !== 'false') problems.push(`${id} spellcheck`);
    }
    return { problems, fields };
  }, password);
  expect(found.problems, screen).toEqual([]);
  expect(found.fields, `fields on ${screen}`).toBeGreaterThan(0);
}

test('no form restoration on the unlock screen, for the passphrase and the recovery key', async ({ page, vault }) => {
  expect(vault.seed).not.toBeNull();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expectNoFormRestoration(page, 'unlock with passphrase', 'off');
  await page.getByRole('button', { name: 'Use my recovery key', exact: true }).click();
  await expect(page.getByLabel('Recovery key', { exact: true })).toBeVisible();
  await expectNoFormRestoration(page, 'unlock with recovery key', 'off');
});

test.describe('a new vault', () => {
  test.use({ vaultSeed: null });
  test('no form restoration on the create-vault screen; new passphrases are new-password', async ({ page, vault }) => {
    expect(vault.seed).toBeNull();
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await expectNoFormRestoration(page, 'create vault', 'new-password');
  });
});

test('no form restoration on the main screens', async ({ page, vault }) => {
  /** Once `ready` shows, the screen asks for no form restoration. */
  const expectShownUnrestored = async (ready: Locator, screen: string): Promise<void> => {
    await expect(ready).toBeVisible();
    await expectNoFormRestoration(page, screen);
  };
  await vault.unlock();
  await expectShownUnrestored(page.getByRole('heading', { name: 'Timeline', level: 1 }), 'timeline');
  await page.getByText('More filters').click();
  await expectNoFormRestoration(page, 'timeline with filters');

  await page.getByRole('button', { name: SECRET_TITLE }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expectShownUnrestored(page.locator('#inc-title'), 'incident editor');

  await nav(page, 'Timeline').click();
  await page.getByRole('button', { name: 'Quick add' }).first().click();
  await expectShownUnrestored(page.locator('#inc-description'), 'quick add');

  await nav(page, 'Contacts').click();
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await expectShownUnrestored(page.locator('#c-name'), 'contacts');

  await addThroughBridge(page, {
    people: ['Alice Troll'],
    incidents: [
      { title: 'Abusive reply', occurredAt: { date: '2024-03-02', approximate: false }, perpetrators: ['Alice Troll'] },
    ],
  });
  await nav(page, 'Course of conduct').click();
  await page.getByRole('button', { name: 'Edit details of Alice Troll' }).click();
  await expectShownUnrestored(page.getByLabel('Online handles'), 'person details');

  await nav(page, 'Settings').click();
  await expectShownUnrestored(page.locator('#s-name'), 'settings');

  await nav(page, 'Case pack').click();
  await page.getByRole('button', { name: 'Make a case pack' }).click();
  await expectShownUnrestored(page.locator('#pack-from'), 'case pack');
  expect(vault.pageErrors).toEqual([]);
});

test('the window title stays generic on an incident and its exhibits', async ({ page, vault }) => {
  await vault.unlock();
  await expect(page).toHaveTitle('Timeline — Evidence Vault');
  await page.getByRole('button', { name: SECRET_TITLE }).click();
  await expect(page.getByRole('heading', { name: SECRET_TITLE, level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Incident — Evidence Vault');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.locator('#inc-title')).toBeVisible();
  await expect(page).toHaveTitle('Edit incident — Evidence Vault');
  expect(await page.title()).not.toContain('Elm Road');

  await nav(page, 'Timeline').click();
  await page.getByRole('button', { name: 'Files of every kind' }).click();
  await page.getByRole('button', { name: 'View post-1.png' }).click();
  await expect(page.getByRole('heading', { name: 'post-1.png', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Exhibit — Evidence Vault');
  expect(vault.pageErrors).toEqual([]);
});
