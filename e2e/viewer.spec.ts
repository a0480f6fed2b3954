/**
 * The offline viewer (data/viewer.html) in real Chromium, on a real pack made by the real exporter
 * from a real vault: every kind of exhibit opens, nothing is fetched; it catches an exhibit changed
 * together with its manifest line, a changed tag manifest, a bad signature, says plainly when the
 * browser cannot check Ed25519, and says "extract the ZIP first" when the rest of the pack cannot
 * be read. Screenshots light and dark at 1280 and 800 wide into /work/wt/shots/d (EV_SHOTS_DIR).
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Vault } from '../electron/core/index.js';
import { exportCasePack } from '../electron/core/pack/exporter.js';
import { PackOptionsSchema } from '../shared/ipc-pack.js';
import { seedVault, TEST_PASSPHRASE } from './support/seed.js';

const SHOTS = process.env.EV_SHOTS_DIR ?? '/work/wt/shots/d';
let root = '';
let pack = '';

const CHAT = `[12/11/2019, 20:15:03] Unknown: we know where your office is
[12/11/2019, 20:16:40] Unknown: see you on Saturday 👀
`;

test.beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ev-viewer-'));
  const chat = path.join(root, 'WhatsApp Chat with Unknown.txt');
  writeFileSync(chat, CHAT);
  const dir = path.join(root, 'vault');
  await seedVault(dir, {
    incidents: [
      {
        title: 'Abusive replies on X',
        occurredAt: { date: '2019-11-12', time: '20:15', offset: 'Z' },
        categories: ['online-abuse'],
        description: 'Replies under my post about the hustings.',
      },
      {
        title: 'Threatening e-mails',
        occurredAt: { date: '2019-11-14', time: '23:59', offset: 'Z' },
        categories: ['malicious-communication'],
      },
      { title: 'Letter and chat', occurredAt: { date: '2019-11-20' }, categories: ['harassment'] },
    ],
    attach: [
      { incident: 0, files: ['post-1.png', 'damage.jpg'] },
      { incident: 1, files: ['email-1.eml', 'email-2.eml'] },
      { incident: 2, files: ['letter.pdf', chat] },
    ],
  });
  const vault = await Vault.open(dir, { passphrase: TEST_PASSPHRASE });
  try {
    pack = path.join(root, 'case-pack-AB');
    await exportCasePack(vault, PackOptionsSchema.parse({ initials: 'AB', format: 'folder' }), { out: pack });
  } finally {
    vault.close();
  }
});

test.afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A copy of the pack to spoil. */
function copyOfPack(name: string): string {
  const to = path.join(root, name);
  cpSync(pack, to, { recursive: true });
  return to;
}
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
/** Rewrite the line for `file` in a manifest of `bag` with the file's present hash. */
function relist(bag: string, manifest: string, file: string): void {
  const m = path.join(bag, manifest);
  const lines = readFileSync(m, 'utf8')
    .split('\n')
    .map((l) => (l.endsWith(`  ${file}`) ? `${sha256(readFileSync(path.join(bag, file)))}  ${file}` : l));
  writeFileSync(m, lines.join('\n'));
}

async function openViewer(page: Page, bag: string, external: string[]): Promise<void> {
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) {
      external.push(r.url());
    }
  });
  await page.goto(`file://${path.join(bag, 'data/viewer.html')}`);
}
async function choose(page: Page, bag: string): Promise<void> {
  await page.locator('#folder').setInputFiles(bag);
  await expect(page.locator('#result')).not.toHaveText(/^(Not checked yet\.|Checking)/, { timeout: 20_000 });
}

async function shots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-${colorScheme}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a good pack: every file and the signature check out, and every kind of exhibit opens, fetching nothing', async ({
  page,
}) => {
  const external: string[] = [];
  await openViewer(page, pack, external);
  await expect(page.locator('#zip-notice')).toBeHidden();
  await expect(page.getByText('1. Tue 12/11/2019 20:15 GMT')).toBeVisible();
  await expect(page.getByText('3. Wed 20/11/2019 (date only)')).toBeVisible();
  await choose(page, pack);
  await expect(page.locator('#result')).toHaveText(
    /^All \d+ files match the lists in this pack, and every exhibit matches the SHA-256 this page was made with\.$/,
  );
  await expect(page.locator('#result-signature')).toHaveText(
    /^Signature: valid, by key [0-9a-f]{4}( [0-9a-f]{4}){15}\. Compare that key with the producer’s key card\.$/,
  );
  await expect(page.locator('#problems li')).toHaveCount(0);
  // Pictures.
  await expect(page.getByRole('img', { name: 'Exhibit AB/1: post-1.png' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Exhibit AB/2: damage.jpg' })).toBeVisible();
  // E-mails as text, headers decoded; the HTML one's remote picture is not loaded.
  const mail1 = page.locator('.exhibit', { hasText: 'email-1.eml' });
  await expect(mail1.locator('.mail-head')).toContainText('Stay away from our town');
  await expect(mail1.locator('pre')).toContainText('We know your office is on High Street.');
  const mail2 = page.locator('.exhibit', { hasText: 'email-2.eml' });
  await expect(mail2.locator('.mail-head')).toContainText('Zöe Anon');
  await expect(mail2.locator('.mail-head')).toContainText('We’re watching'.replace('’', "'"));
  await expect(mail2.locator('pre')).toContainText('Your posters keep appearing. So do we.');
  await expect(mail2.locator('ul.attachments li')).toHaveText([
    /^AB\/4\/1: copy\.pdf · application\/pdf · 13,597 bytes · SHA-256 matches the one this page was made with Save a copy$/,
  ]);
  await expect(mail2).toContainText('Pictures and links in the e-mail are not loaded');
  // The chat export as text.
  await expect(page.locator('.exhibit', { hasText: 'WhatsApp Chat' }).locator('pre')).toContainText(
    'see you on Saturday 👀',
  );
  // The PDF: opens in the browser's PDF viewer from the checked copy, or is saved.
  const pdf = page.locator('.exhibit', { hasText: 'letter.pdf' });
  await expect(pdf.getByRole('link', { name: 'Open the checked copy' })).toHaveAttribute('href', /^blob:/);
  await expect(pdf.getByRole('link', { name: 'Save a copy' })).toHaveAttribute('download', 'letter.pdf');
  await expect(pdf.getByRole('link', { name: 'Open the file' })).toHaveAttribute(
    'href',
    /^\.\.\/data\/exhibits\/AB-05-letter\.pdf$/,
  );
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    pdf.getByRole('link', { name: 'Open the file' }).click(),
  ]);
  await expect.poll(() => popup.url()).toMatch(/AB-05-letter\.pdf$/);
  await popup.close();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
  await shots(page, 'viewer-checked');
  // Printing: the folder chooser and buttons are left off, the results and hashes stay.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#folder')).toBeHidden();
  await expect(page.locator('#print')).toBeHidden();
  await expect(page.locator('#result')).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.pdf({ path: path.join(SHOTS, 'viewer-print.pdf'), format: 'A4' });
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.screenshot({ path: path.join(SHOTS, 'viewer-print-800.png'), fullPage: true });
  expect(external).toEqual([]);
});

test('an exhibit changed together with its manifest line (and the tag manifest, re-signed) is caught', async ({
  page,
}) => {
  const bag = copyOfPack('changed-with-manifest');
  const file = 'data/exhibits/AB-01-post-1.png';
  writeFileSync(path.join(bag, file), Buffer.concat([readFileSync(path.join(bag, file)), Buffer.from('x')]));
  relist(bag, 'manifest-sha256.txt', file);
  relist(bag, 'tagmanifest-sha256.txt', 'manifest-sha256.txt');
  // Re-signed with a key of the forger's own, put in signing-key.pem: the signature itself is valid.
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(path.join(bag, 'signing-key.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(
    path.join(bag, 'tagmanifest-sha256.txt.sig'),
    sign(null, readFileSync(path.join(bag, 'tagmanifest-sha256.txt')), privateKey),
  );
  const external: string[] = [];
  await openViewer(page, bag, external);
  await choose(page, bag);
  await expect(page.locator('#result')).toHaveText(/^\d+ problems? found: this pack is not as it was made\./);
  await expect(
    page.getByText(
      /^CHANGED: data\/exhibits\/AB-01-post-1\.png and its line in manifest-sha256\.txt \(their SHA-256 differs from the one this page was made with: [0-9a-f]{64}\)$/,
    ),
  ).toBeVisible();
  await expect(
    page.getByText(/^SIGNING KEY: signing-key\.pem is key [0-9a-f ]+, not key [0-9a-f ]+ that this page names$/),
  ).toBeVisible();
  await expect(page.locator('#result-signature')).toHaveText(
    'Signature: made by a different key from the one this page names.',
  );
  // The changed picture is not shown as if it were the exhibit.
  await expect(page.getByRole('img', { name: 'Exhibit AB/1: post-1.png' })).toHaveCount(0);
  await expect(page.locator('.exhibit', { hasText: 'post-1.png' })).toContainText(
    'CHANGED: the file and its manifest line differ from the SHA-256 this page was made with',
  );
  await shots(page, 'viewer-tampered');
  expect(external).toEqual([]);
});

test('a changed tag manifest and a bad signature are each named', async ({ page }) => {
  const tag = copyOfPack('changed-tagmanifest');
  const t = path.join(tag, 'tagmanifest-sha256.txt');
  writeFileSync(t, readFileSync(t, 'utf8').replace(/^[0-9a-f]{64}(?= {2}bag-info\.txt)/m, '0'.repeat(64)));
  const external: string[] = [];
  await openViewer(page, tag, external);
  await choose(page, tag);
  await expect(page.getByText('CHANGED: bag-info.txt (its SHA-256 differs from tagmanifest-sha256.txt)')).toBeVisible();
  await expect(
    page.getByText('SIGNATURE: the signature over tagmanifest-sha256.txt is not valid for signing-key.pem'),
  ).toBeVisible();
  await expect(page.locator('#result-signature')).toHaveText('Signature: NOT VALID.');

  const sig = copyOfPack('bad-signature');
  const s = path.join(sig, 'tagmanifest-sha256.txt.sig');
  const bytes = readFileSync(s);
  bytes[5] = (bytes[5] ?? 0) ^ 0xff;
  writeFileSync(s, bytes);
  await openViewer(page, sig, external);
  await choose(page, sig);
  await expect(page.locator('#problems li')).toHaveText([
    'SIGNATURE: the signature over tagmanifest-sha256.txt is not valid for signing-key.pem',
  ]);
  await expect(page.locator('#result')).toHaveText(/^1 problem found: this pack is not as it was made\./);
  await expect(page.locator('#result-signature')).toHaveText('Signature: NOT VALID.');
  expect(external).toEqual([]);
});

test('a missing exhibit and an extra file are each named, and nothing is shown for the missing one', async ({
  page,
}) => {
  const bag = copyOfPack('missing-and-extra');
  rmSync(path.join(bag, 'data/exhibits/AB-02-damage.jpg'));
  writeFileSync(path.join(bag, 'data/exhibits/AB-99-added.txt'), 'added later');
  await openViewer(page, bag, []);
  await choose(page, bag);
  await expect(page.locator('#problems li')).toHaveText([
    'MISSING: data/exhibits/AB-02-damage.jpg is listed in manifest-sha256.txt but is not in the folder',
    'EXTRA: data/exhibits/AB-99-added.txt is not in the manifest',
  ]);
  await expect(page.locator('.exhibit', { hasText: 'damage.jpg' })).toContainText('MISSING from the folder you chose');
  await expect(page.getByRole('img', { name: 'Exhibit AB/2: damage.jpg' })).toHaveCount(0);
  await expect(page.locator('#result-signature')).toHaveText(/^Signature: valid/);
});

test('a browser without Ed25519 says plainly that the signature was not checked', async ({ page }) => {
  await page.addInitScript(() => {
    const real = crypto.subtle.importKey.bind(crypto.subtle);
    crypto.subtle.importKey = ((...args: Parameters<SubtleCrypto['importKey']>) => {
      const alg = args[2];
      if (typeof alg === 'object' && alg.name === 'Ed25519')
        return Promise.reject(new DOMException('', 'NotSupportedError'));
      return real(...args);
    }) as SubtleCrypto['importKey'];
  });
  await openViewer(page, pack, []);
  await choose(page, pack);
  await expect(page.locator('#result')).toHaveText(/^All \d+ files match the lists in this pack/);
  await expect(page.locator('#result-signature')).toHaveText(
    'Signature: not checked. This browser cannot check Ed25519 signatures; use evidence-vault verify or ssh-keygen -Y verify (see README.txt).',
  );
  await expect(page.locator('#signing-key')).toContainText('This browser cannot check Ed25519 signatures');
});

test('opened from inside a ZIP that was not extracted, it says to extract the ZIP first', async ({ page }) => {
  // As Windows opens a file inside a ZIP: a temporary copy of that one file under …\Temp1_<name>.zip\…
  const temp = path.join(root, 'Temp1_case-pack-AB.zip', 'case-pack-AB', 'data');
  mkdirSync(temp, { recursive: true });
  cpSync(path.join(pack, 'data/viewer.html'), path.join(temp, 'viewer.html'));
  await page.goto(`file://${path.join(temp, 'viewer.html')}`);
  const notice = page.locator('#zip-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Extract the ZIP first');
  await expect(notice).toContainText('right-click the ZIP file and choose Extract All…');
  await shots(page, 'viewer-zip-notice');
  // The page alone in any other folder: the pack's files cannot be read beside it.
  const alone = path.join(root, 'alone', 'data');
  mkdirSync(alone, { recursive: true });
  cpSync(path.join(pack, 'data/viewer.html'), path.join(alone, 'viewer.html'));
  await page.goto(`file://${path.join(alone, 'viewer.html')}`);
  await expect(page.locator('#zip-notice')).toBeVisible();
  // Choosing a folder with no pack in it says the same.
  await page.locator('#folder').setInputFiles(path.join(root, 'alone'));
  await expect(page.locator('#result')).toContainText('If the pack is a ZIP file, extract it first');
});
