/**
 * The exhibit screens of issue 13 against the real core: the producer's account (provenance form),
 * physical items, what the file says (the photo's capture time and position), warnings, the
 * duplicate question; axe-clean, light and dark, 1280 and 800 wide (screenshots in SCREENS_DIR).
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { FIXTURES, SCREENS_DIR, UK_USER, copyFixtures, shot } from './ui-helpers.js';

const INCIDENT = { title: 'Posters defaced', occurredAt: { date: '2019-11-15', approximate: false } };

async function axeClean(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  const results = await new AxeBuilder({ page })
    .exclude('iframe.email-frame')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `axe on ${name}`).toEqual([]);
}

/** A screenshot of one part of the page (a form), readable at full size. */
async function shotOf(part: Locator, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // A window tall enough for the whole part, so the sticky top bar never lies across it.
  const page = part.page();
  const was = page.viewportSize();
  const box = await part.boundingBox();
  if (was && box) await page.setViewportSize({ width: was.width, height: Math.ceil(box.height + 400) });
  await part.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
  if (was) await page.setViewportSize(was);
}

/** Types digits into a React Aria date or time field inside `within`, from its first segment ("12112019", "2020"). */
async function typeInto(within: Locator, label: 'Date' | 'Time (if known)', digits: string): Promise<void> {
  await within.getByRole('group', { name: label, exact: true }).getByRole('spinbutton').first().click();
  await within.page().keyboard.type(digits);
}

/** Set the producer's initials through window.vault, then reload. */
async function setInitials(page: Page, initials: string): Promise<void> {
  const r = await page.evaluate(
    (i) => window.vault!.invoke('settings.update', { patch: { producerInitials: i } }),
    initials,
  );
  expect(r.ok).toBe(true);
  await page.reload();
}

async function openExhibit(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: INCIDENT.title }).click();
  await page.getByRole('button', { name: `View ${name}` }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test.use({ ...UK_USER });

test.describe('a photo', () => {
  test.use({ vaultSeed: { incidents: [INCIDENT], attach: [{ incident: 0, files: ['damage.jpg', 'post-1.png'] }] } });

  test('the provenance form saves and shows after a reload; focus returns to "Describe"', async ({ page, vault }) => {
    await vault.unlock();
    await openExhibit(page, 'post-1.png');
    const account = page.getByRole('region', { name: 'Your account of it' });
    await expect(account).toContainText('Not described yet.');
    await page.getByRole('button', { name: 'Describe this exhibit' }).click();
    const form = page.getByRole('form', { name: 'Describe this exhibit' });
    await expect(form).toBeVisible();
    // Nothing typed here is saved or restored by the browser.
    const restorable = await form
      .locator('input:not([type=radio]):not([type=checkbox]), textarea')
      .evaluateAll((els) => els.filter((e) => e.getAttribute('autocomplete') !== 'off').length);
    expect(restorable).toBe(0);
    // Every field is optional and says what it is for.
    await expect(form.getByLabel('Description')).toHaveAccessibleDescription(/in your own words/);
    await form.getByLabel('Description').fill('Reply under my post about the by-election.');
    await form.getByLabel('How did you get it?').selectOption({ label: 'Screenshot taken on this computer' });
    await form.getByLabel('Who saved or made this copy').fill('me');
    // A date in the future is refused in one line, and nothing is saved.
    await typeInto(form, 'Date', '01012099');
    await form.getByRole('button', { name: 'Save description' }).click();
    await expect(form.getByText('This date is in the future. Check the day, month and year.')).toBeVisible();
    const before = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
    expect(before.ok && before.value[0]!.exhibits.every((e) => e.details.description === '')).toBe(true);
    await typeInto(form, 'Date', '12112019');
    await typeInto(form, 'Time (if known)', '2020');
    await expect(form.getByText('Tuesday 12 November 2019')).toBeVisible();
    await form.getByLabel('Link to the post, message or page').fill('https://x.example/angry_voter_1/status/1');
    await form.getByLabel('Platform or app').fill('X');
    await form.getByLabel('Account name shown').fill('@angry_voter_1');
    await form.getByLabel('Account number').fill('1234567890');
    await form.getByLabel('Where the original is now').fill('Still on X; a copy on my laptop');
    await form.getByLabel('Did you change it?').fill('Cropped in Paint to remove my notifications');
    await shot(page, 'provenance-form-filled');
    await form.getByRole('button', { name: 'Save description' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('button', { name: 'Describe this exhibit' })).toBeFocused();

    const expectSaved = async () => {
      const shown = page.getByTestId('exhibit-account');
      await expect(shown).toContainText('Reply under my post about the by-election.');
      await expect(shown).toContainText('Screenshot taken on this computer');
      await expect(shown).toContainText('Saved or made byme');
      await expect(shown).toContainText('12/11/2019 20:20 GMT');
      await expect(shown).toContainText('https://x.example/angry_voter_1/status/1');
      await expect(shown).toContainText('X, @angry_voter_1, account number 1234567890');
      await expect(shown).toContainText('Still on X; a copy on my laptop');
      await expect(shown).toContainText('Changed by youCropped in Paint to remove my notifications');
    };
    await expectSaved();
    await page.reload();
    await openExhibit(page, 'post-1.png');
    await expectSaved();

    // The core kept it: the exhibit's details as the contract says.
    const listed = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
    const ex = listed.ok ? listed.value[0]!.exhibits.find((e) => e.name === 'post-1.png') : undefined;
    expect(ex?.details).toMatchObject({
      obtainedHow: 'screenshot',
      obtainedAt: '2019-11-12T20:20+00:00',
      source: { url: 'https://x.example/angry_voter_1/status/1', platform: 'X', accountId: '1234567890' },
    });

    // Editing again starts from what was saved; Cancel on a changed form asks first (issue 12:
    // keep as a draft, discard, stay); discarding changes nothing and gives the focus back.
    await page.getByRole('button', { name: 'Describe this exhibit' }).click();
    await expect(form.getByLabel('Account name shown')).toHaveValue('@angry_voter_1');
    await form.getByLabel('Account name shown').fill('@someone_else');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Leave this form?' }).getByRole('button', { name: 'Discard' }).click();
    await expect(page.getByRole('button', { name: 'Describe this exhibit' })).toBeFocused();
    await expect(page.getByTestId('exhibit-account')).toContainText('@angry_voter_1');
    expect(vault.pageErrors).toEqual([]);
  });

  test('the photo shows what its camera said: capture time, camera and position, each labelled', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await openExhibit(page, 'damage.jpg');
    const says = page.getByRole('region', { name: 'What the file says about itself' });
    await expect(says.getByText('The camera’s clock said')).toBeVisible();
    await expect(page.getByTestId('captured-at')).toHaveText('13/11/2019 08:05');
    await expect(page.getByTestId('camera')).toHaveText('Apple iPhone 11');
    await expect(
      says.getByText('Position recorded in the photo (sensitive: it can show where you were)'),
    ).toBeVisible();
    await expect(page.getByTestId('gps')).toContainText('Latitude 52.48620, longitude -1.89040');
    // The file system's time is called what it is, never the file's own time.
    await expect(says.getByText('Last modified on the computer it came from')).toBeVisible();
    await expect(page.getByText('File’s own date')).toHaveCount(0);
    // The picture itself is still shown.
    await expect(page.getByRole('img', { name: 'Picture: damage.jpg' })).toBeVisible();
    expect(vault.requests.filter((r) => r.external)).toEqual([]);
    expect(vault.pageErrors).toEqual([]);
  });

  test('the same file again: the question, "Don\'t add" adds nothing, "Add it again" adds it', async ({
    page,
    vault,
  }) => {
    const { dir, paths } = await copyFixtures(['post-1.png']);
    try {
      await vault.unlock();
      await page.getByRole('button', { name: INCIDENT.title }).click();
      await expect(page.getByRole('heading', { name: 'Exhibits (2)' })).toBeVisible();
      const choose = async () => {
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Choose files…' }).click();
        await (await chooser).setFiles(paths);
      };
      await choose();
      const question = page.getByRole('group', { name: 'Already in the vault' });
      await expect(question).toContainText(/post-1\.png.? is already in the vault/);
      await expect(question.getByRole('button', { name: 'Don’t add' })).toBeFocused();
      await shot(page, 'duplicate-question');
      await axeClean(page, 'duplicate-question');
      await question.getByRole('button', { name: 'Don’t add' }).click();
      await expect(question).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: 'Nothing was added.' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Exhibits (2)' })).toBeVisible();

      await choose();
      await question.getByRole('button', { name: 'Add it again' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Added 1 exhibit: post-1.png' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Exhibits (3)' })).toBeVisible();
      const listed = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
      expect(listed.ok && listed.value[0]!.exhibits.filter((e) => e.name === 'post-1.png').length).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(vault.pageErrors).toEqual([]);
  });
});

/** An invented e-mail that passed three mail servers (each added a Received line). */
const RELAYED_EMAIL = [
  'Return-Path: <bounce@mail.example.net>',
  'Received: from mx1.example.org (mx1.example.org [192.0.2.10])',
  '\tby inbound.example.org with ESMTPS id 4A1B2C3D',
  '\tfor <sam@example.org>; Thu, 21 Nov 2019 09:14:07 +0000 (GMT)',
  'Received: from outbound.example.net (outbound.example.net [198.51.100.7])',
  '\tby mx1.example.org with ESMTP id 99XYZ',
  '\tfor <sam@example.org>; Thu, 21 Nov 2019 09:14:05 +0000',
  'Received: from [203.0.113.45] (unknown [203.0.113.45])',
  '\tby outbound.example.net with ESMTPSA id 77QRS;',
  '\tThu, 21 Nov 2019 09:14:02 +0000',
  'From: Concerned Resident <resident77@example.net>',
  'To: Sam Candidate <sam@example.org>',
  'Subject: We know where you canvass',
  'Date: Thu, 21 Nov 2019 09:13:58 +0000',
  'Message-ID: <c9f1e2a7.77@outbound.example.net>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'We saw you on Elm Road again.',
  '',
].join('\r\n');

test.describe('an e-mail and a PDF', () => {
  test.use({ vaultSeed: { incidents: [INCIDENT], attach: [{ incident: 0, files: ['letter.pdf'] }] } });

  test("show the e-mail's headers and the mail servers' Received lines, and the PDF's own dates", async ({
    page,
    vault,
  }) => {
    const { dir } = await copyFixtures([]);
    const eml = path.join(dir, 'relayed.eml');
    await writeFile(eml, RELAYED_EMAIL);
    try {
      await vault.unlock();
      await page.getByRole('button', { name: INCIDENT.title }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await (await chooser).setFiles([eml]);
      await expect(page.getByRole('heading', { name: 'Exhibits (2)' })).toBeVisible();
      await page.getByRole('button', { name: 'View relayed.eml' }).click();
      const says = page.getByRole('region', { name: 'What the file says about itself' });
      await expect(page.getByTestId('email-date')).toHaveText('Thu, 21 Nov 2019 09:13:58 +0000 (21/11/2019 09:13 GMT)');
      await expect(page.getByTestId('email-message-id')).toHaveText(/c9f1e2a7\.77@outbound\.example\.net/);
      await expect(says).toContainText('Concerned Resident');
      await expect(says).toContainText('We know where you canvass');
      await expect(says.getByRole('heading', { name: 'The sender’s mail server said' })).toBeVisible();
      const received = page.getByTestId('email-received').getByRole('listitem');
      await expect(received).toHaveCount(3);
      await expect(received.first()).toContainText('inbound.example.org');
      await expect(received.last()).toContainText('203.0.113.45');

      await page.getByRole('button', { name: /Back to “Posters defaced”/ }).click();
      await page.getByRole('button', { name: 'View letter.pdf' }).click();
      await expect(page.getByText('The PDF says it was made')).toBeVisible();
      await expect(page.getByTestId('pdf-created')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} (GMT|BST)$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(vault.requests.filter((r) => r.external)).toEqual([]);
    expect(vault.pageErrors).toEqual([]);
  });
});

/** A PNG chunk (length, type, data, CRC). */
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

test.describe('what could not be read, and content credentials', () => {
  test.use({ vaultSeed: { incidents: [INCIDENT] } });

  test('a damaged EXIF block is said in a plain line; a C2PA manifest is "present, not checked"', async ({
    page,
    vault,
  }) => {
    const { dir } = await copyFixtures([]);
    const damaged = Buffer.from(await readFile(path.join(FIXTURES, 'damage.jpg')));
    damaged.writeUInt16BE(0xffff, 38); // IFD0 claims 65,535 entries
    const png = await readFile(path.join(FIXTURES, 'post-1.png'));
    const afterIhdr = 8 + 12 + png.readUInt32BE(8);
    // A C2PA manifest store is a JUMBF box labelled "c2pa"; in a PNG it rides in a caBX chunk.
    const jumbf = Buffer.concat([
      Buffer.from([0x00, 0x00, 0x00, 0x28]),
      Buffer.from('jumd', 'latin1'),
      Buffer.from('c2pa', 'latin1'),
      Buffer.alloc(12),
      Buffer.from([0x03]),
      Buffer.from('c2pa\0', 'latin1'),
    ]);
    const signed = Buffer.concat([png.subarray(0, afterIhdr), pngChunk('caBX', jumbf), png.subarray(afterIhdr)]);
    const paths = [path.join(dir, 'damaged-exif.jpg'), path.join(dir, 'signed.png')];
    await writeFile(paths[0]!, damaged);
    await writeFile(paths[1]!, signed);
    try {
      await vault.unlock();
      // What the files say is read once the import has returned; the window hears when it is written.
      await page.evaluate(() => {
        const w = window as unknown as { evReads: unknown[] };
        w.evReads = [];
        window.vault!.on('exhibitsRead', (p) => w.evReads.push(p));
      });
      await page.getByRole('button', { name: INCIDENT.title }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await (await chooser).setFiles(paths);
      await expect(page.getByRole('heading', { name: 'Exhibits (2)' })).toBeVisible();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { evReads: { exhibitIds: string[] }[] }).evReads))
        .toEqual([{ incidentId: expect.any(String), exhibitIds: [expect.any(String), expect.any(String)] }]);
      await page.getByRole('button', { name: 'View damaged-exif.jpg' }).click();
      await expect(page.getByTestId('extract-problems')).toContainText(
        /The photo.s EXIF block is damaged: its capture time, camera and position were not read\./,
      );
      await expect(page.getByTestId('captured-at')).toHaveCount(0);
      await shotOf(page.getByRole('region', { name: 'What the file says about itself' }), 'file-says-damaged-exif');
      await page.getByRole('button', { name: /Back to “Posters defaced”/ }).click();
      await page.getByRole('button', { name: 'View signed.png' }).click();
      await expect(page.getByTestId('content-credentials')).toContainText(
        'Content credentials (C2PA): present, not checked.',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(vault.pageErrors).toEqual([]);
  });
});

test.describe('a physical item', () => {
  test.use({ vaultSeed: { incidents: [INCIDENT] } });

  test('can be added with the handling advice, shows its reference and opens with no preview', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    await setInitials(page, 'AB');
    await page.getByRole('button', { name: INCIDENT.title }).click();
    await page.getByRole('button', { name: 'Add a physical item' }).click();
    const form = page.getByRole('form', { name: 'Add a physical item' });
    await expect(form.getByLabel('Short name')).toBeFocused();
    await expect(page.getByTestId('handling-advice')).toContainText(
      'Keep it in a paper envelope, not plastic; handle it by the edges; do not write on it.',
    );
    // Nothing is sent without a name and a place.
    await form.getByRole('button', { name: 'Add the item' }).click();
    await expect(form.getByText('Give the item a short name')).toBeVisible();
    await expect(form.getByLabel('Short name')).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Exhibits (0)' })).toBeVisible();

    await form.getByLabel('Short name').fill('Letter and envelope');
    await form.getByLabel('Description').fill('Handwritten letter pushed through the office door.');
    await form.getByLabel('Where it is kept').fill('office safe, brown envelope');
    await form.getByLabel('Who has handled it').fill('Me and my agent Sam Jones');
    await form.getByRole('button', { name: 'Add the item' }).click();
    await expect(form).toBeHidden();
    await expect(
      page.getByRole('status').filter({ hasText: /Added physical item AB\/\d+: Letter and envelope/ }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add a physical item' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Exhibits (1)' })).toBeVisible();
    const card = page.getByRole('listitem').filter({ hasText: 'Letter and envelope' });
    await expect(card).toContainText(/AB\/\d+/);
    await expect(card).toContainText('physical item, kept at office safe, brown envelope');
    await expect(card).not.toContainText('SHA-256');

    await card.getByRole('button', { name: 'View Letter and envelope' }).click();
    await expect(page.getByRole('heading', { name: 'Letter and envelope', level: 1 })).toBeVisible();
    await expect(page.getByTestId('exhibit-ref')).toHaveText(/Exhibit AB\/\d+/);
    await expect(page.getByText('This is a physical item: there is no file to show.')).toBeVisible();
    await expect(page.getByRole('img')).toHaveCount(0);
    await expect(page.getByTestId('exhibit-account')).toContainText('Me and my agent Sam Jones');

    // Moved: "Describe this exhibit" changes where it is kept; an empty place is refused and nothing changes.
    await page.getByRole('button', { name: 'Describe this exhibit' }).click();
    const edit = page.getByRole('form', { name: 'Describe this exhibit' });
    await expect(edit.getByLabel('Where it is kept')).toHaveValue('office safe, brown envelope');
    await edit.getByLabel('Where it is kept').fill('');
    await edit.getByRole('button', { name: 'Save description' }).click();
    await expect(edit.getByText('Say where the item is kept')).toBeVisible();
    await expect(edit.getByLabel('Where it is kept')).toBeFocused();
    await edit.getByLabel('Where it is kept').fill('handed to PC 1234 Smith, Example Constabulary');
    await edit.getByRole('button', { name: 'Save description' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByTestId('exhibit-account')).toContainText('handed to PC 1234 Smith, Example Constabulary');
    await page.getByRole('button', { name: /Back to “Posters defaced”/ }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Letter and envelope' })).toContainText(
      'physical item, kept at handed to PC 1234 Smith',
    );
    expect(vault.pageErrors).toEqual([]);
  });
});

test.describe('a program named .png', () => {
  test.use({ vaultSeed: { incidents: [INCIDENT] } });

  test('is warned about on its row and page, and never previewed', async ({ page, vault }) => {
    const { dir } = await copyFixtures([]);
    const evil = path.join(dir, 'holiday.png');
    // A Windows program's first bytes ("MZ", then the PE header) under a picture's name.
    const exe = Buffer.alloc(4096);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'latin1');
    await writeFile(evil, exe);
    try {
      await vault.unlock();
      await page.getByRole('button', { name: INCIDENT.title }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await (await chooser).setFiles([evil]);
      await expect(page.getByRole('heading', { name: 'Exhibits (1)' })).toBeVisible();
      const card = page.getByRole('listitem').filter({ hasText: 'holiday.png' });
      await expect(card.getByTestId('exhibit-warnings')).toContainText(/Windows program/);
      await expect(card.getByRole('img')).toHaveCount(0);
      await shotOf(card, 'warning-card');
      await card.getByRole('button', { name: 'View holiday.png' }).click();
      await expect(page.getByTestId('exhibit-warnings')).toContainText(/Windows program named \.png/);
      await expect(page.getByTestId('not-opened')).toBeVisible();
      await expect(page.getByRole('img')).toHaveCount(0);
      await shot(page, 'warning-page');
      await axeClean(page, 'warning-page');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(vault.pageErrors).toEqual([]);
  });
});

/** Screenshots and axe: the exhibit page (with what the file says), the form and the physical-item form. */
for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 800] as const) {
    test.describe(`${theme}, ${width} wide`, () => {
      test.use({
        colorScheme: theme,
        viewport: { width, height: 900 },
        vaultSeed: {
          incidents: [INCIDENT],
          attach: [{ incident: 0, files: ['damage.jpg', 'email-2.eml', 'letter.pdf'] }],
        },
      });

      test('exhibit page, provenance form and physical-item form are axe-clean', async ({ page, vault }) => {
        await vault.unlock();
        await setInitials(page, 'AB');
        const tag = `${theme}-${width}`;
        await openExhibit(page, 'damage.jpg');
        await expect(page.getByRole('img', { name: 'Picture: damage.jpg' })).toBeVisible();
        await shot(page, `${tag}-exhibit-photo`);
        await shotOf(page.getByRole('region', { name: 'What the file says about itself' }), `${tag}-file-says-photo`);
        await axeClean(page, `${tag}-exhibit-photo`);
        await page.getByRole('button', { name: 'Describe this exhibit' }).click();
        await expect(page.getByRole('form', { name: 'Describe this exhibit' })).toBeVisible();
        await shot(page, `${tag}-provenance-form`);
        await shotOf(page.getByRole('form', { name: 'Describe this exhibit' }), `${tag}-provenance-form-only`);
        await axeClean(page, `${tag}-provenance-form`);
        await page.getByRole('button', { name: 'Cancel' }).click();

        await page.getByRole('button', { name: /Back to “Posters defaced”/ }).click();
        await page.getByRole('button', { name: 'View email-2.eml' }).click();
        await expect(page.getByRole('heading', { name: 'email-2.eml', level: 1 })).toBeVisible();
        await expect(page.locator('iframe.email-frame')).toBeVisible();
        await shot(page, `${tag}-exhibit-email`);
        await shotOf(page.getByRole('region', { name: 'What the file says about itself' }), `${tag}-file-says-email`);
        await axeClean(page, `${tag}-exhibit-email`);

        await page.getByRole('button', { name: /Back to “Posters defaced”/ }).click();
        await page.getByRole('button', { name: 'View letter.pdf' }).click();
        await expect(page.getByRole('heading', { name: 'letter.pdf', level: 1 })).toBeVisible();
        await shot(page, `${tag}-exhibit-pdf`);
        await shotOf(page.getByRole('region', { name: 'What the file says about itself' }), `${tag}-file-says-pdf`);

        await page.getByRole('button', { name: /Back to “Posters defaced”/ }).click();
        await page.getByRole('button', { name: 'Add a physical item' }).click();
        const form = page.getByRole('form', { name: 'Add a physical item' });
        await form.getByRole('button', { name: 'Add the item' }).click();
        await expect(form.getByText('Say where the item is kept')).toBeVisible();
        await page.getByText('More about it (optional)').click();
        await form.getByLabel('Short name').scrollIntoViewIfNeeded();
        await shot(page, `${tag}-physical-form`);
        await shotOf(form, `${tag}-physical-form-only`);
        await axeClean(page, `${tag}-physical-form`);
        expect(vault.pageErrors).toEqual([]);
      });
    });
  }
}
