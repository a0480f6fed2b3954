/** Attach the fixtures by file chooser, by drag and drop and by paste; view an image and a PDF. */
import { rm } from 'node:fs/promises';
import { test, expect } from './fixtures.js';
import { FIXTURES, UK_USER, copyFixtures, dropFiles, fileForDrop, sha256File, shot } from './ui-helpers.js';
import path from 'node:path';

test.use({
  ...UK_USER,
  vaultSeed: { incidents: [{ title: 'Posters defaced', occurredAt: { date: '2019-11-15', approximate: false } }] },
});

test('attach by file chooser and by drag and drop; every exhibit shows its SHA-256', async ({ page, vault }) => {
  const { dir, paths } = await copyFixtures(['post-1.png', 'letter.pdf', 'email-1.eml', 'damage.jpg', 'post-2.png']);
  try {
    await vault.unlock();
    await page.getByRole('button', { name: 'Posters defaced' }).click();
    await expect(page.getByRole('heading', { name: 'Exhibits (0)' })).toBeVisible();

    // File chooser: three files at once.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(paths.slice(0, 3));
    await expect(page.getByRole('status').filter({ hasText: 'Added 3 exhibits' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Exhibits (3)' })).toBeVisible();

    // Drag and drop: two more.
    await dropFiles(page, '[data-testid=dropzone]', [
      await fileForDrop(paths[3]!, 'image/jpeg'),
      await fileForDrop(paths[4]!, 'image/png'),
    ]);
    await expect(
      page.getByRole('status').filter({ hasText: 'Added 2 exhibits: damage.jpg, post-2.png' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Exhibits (5)' })).toBeVisible();

    // Every exhibit card shows the SHA-256 of the original bytes, and its thumbnail for pictures.
    for (const p of paths) {
      const name = p.split('/').pop()!;
      const card = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: `View ${name}` }) });
      await expect(card).toContainText(`SHA-256 ${await sha256File(p)}`);
      await expect(card).toContainText('Added ');
    }
    await expect(page.getByRole('img', { name: 'Thumbnail of post-1.png' })).toBeVisible();
    await expect
      .poll(() =>
        page.getByRole('img', { name: 'Thumbnail of damage.jpg' }).evaluate((i: HTMLImageElement) => i.naturalWidth),
      )
      .toBe(800);
    await shot(page, 'incident-exhibits');

    // The timeline entry counts them.
    await page.getByRole('button', { name: '← Back to the timeline' }).click();
    await expect(page.getByRole('article', { name: 'Posters defaced' })).toContainText(
      '5 exhibits: 3 pictures, 1 pdf document, 1 e-mail',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(vault.pageErrors).toEqual([]);
});

test.describe('with exhibits', () => {
  test.use({
    vaultSeed: {
      incidents: [{ title: 'Posters defaced', occurredAt: { date: '2019-11-15', approximate: false } }],
      attach: [{ incident: 0, files: ['post-1.png', 'letter.pdf', 'damage.jpg'] }],
    },
  });

  test('view a picture decrypted from memory, and a PDF rendered by pdf.js', async ({ page, vault }) => {
    await vault.unlock();
    await page.getByRole('button', { name: 'Posters defaced' }).click();
    await page.getByRole('button', { name: 'View post-1.png' }).click();
    await expect(page.getByRole('heading', { name: 'post-1.png', level: 1 })).toBeVisible();
    const img = page.getByRole('img', { name: 'Picture: post-1.png' });
    await expect(img).toBeVisible();
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(600);
    const sha = await sha256File(path.join(FIXTURES, 'post-1.png'));
    await expect(page.getByTestId('exhibit-sha256')).toHaveText(sha);
    await expect(page.getByText('Added to the vault')).toBeVisible();
    await shot(page, 'exhibit-image');

    await page.getByRole('button', { name: /Back to “Posters defaced”/ }).click();
    await page.getByRole('button', { name: 'View letter.pdf' }).click();
    const pageCanvas = page.getByRole('img', { name: 'Page 1 of 1 of letter.pdf' });
    await expect(pageCanvas).toBeVisible();
    await expect(page.getByText('1 page', { exact: true })).toBeVisible();
    await page.getByText('Text of the document').click();
    await expect(page.getByTestId('pdf-text')).toContainText('Your posters are an insult to this town');
    // The canvas is really painted (not blank white).
    const inked = await pageCanvas.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(500);
    await shot(page, 'exhibit-pdf');
    expect(vault.requests.filter((r) => r.external)).toEqual([]);
    expect(vault.pageErrors).toEqual([]);
  });

  test('paste a picture from the clipboard', async ({ page, vault }) => {
    await vault.unlock();
    await page.getByRole('button', { name: 'Posters defaced' }).click();
    await expect(page.getByRole('heading', { name: 'Exhibits (3)' })).toBeVisible();
    const png = await fileForDrop(path.join(FIXTURES, 'post-2.png'), 'image/png');
    await page.evaluate((f) => {
      const bin = atob(f.base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    }, png);
    await expect(
      page.getByRole('status').filter({ hasText: /Added 1 exhibit: pasted-image-\d{8}-\d{6}\.png/ }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Exhibits (4)' })).toBeVisible();
  });
});

test.describe('a slow file', () => {
  test.use({
    vaultSeed: { incidents: [{ title: 'Long video', occurredAt: { date: '2024-01-01', approximate: false } }] },
  });

  test('shows a progress bar while reading, and Cancel leaves nothing behind', async ({ page, vault }) => {
    await vault.unlock();
    await page.getByRole('button', { name: 'Long video' }).click();
    await expect(page.getByRole('heading', { name: 'Exhibits (0)' })).toBeVisible();
    // Three files from a slow disk (File.arrayBuffer takes 1.5 s each), dropped on the incident.
    await page.evaluate(() => {
      const real = File.prototype.arrayBuffer;
      File.prototype.arrayBuffer = function slow(this: File) {
        return new Promise((resolve) => setTimeout(() => resolve(real.call(this)), 1500));
      };
      const dt = new DataTransfer();
      for (const n of ['clip-1.mp4', 'clip-2.mp4', 'clip-3.mp4']) {
        dt.items.add(new File([new Uint8Array(1024 * 1024).fill(7)], n, { type: 'video/mp4' }));
      }
      const zone = document.querySelector('[data-testid=dropzone]')!;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    });
    const progress = page.getByRole('progressbar', { name: /Reading clip-1\.mp4/ });
    await expect(progress).toBeVisible();
    await expect(page.getByRole('progressbar', { name: /Reading clip-2\.mp4/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Choose files…' })).toBeDisabled();
    await shot(page, 'exhibit-import-progress');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Cancelled. Nothing was added.')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Exhibits (0)' })).toBeVisible();
    const incidents = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
    expect(incidents.ok && incidents.value[0]!.exhibits).toEqual([]);
    expect(vault.pageErrors).toEqual([]);
  });
});

test.describe('removing', () => {
  test.use({
    vaultSeed: {
      incidents: [{ title: 'Posters defaced', occurredAt: { date: '2019-11-15', approximate: false } }],
      attach: [{ incident: 0, files: ['post-1.png', 'post-2.png'] }],
    },
  });

  test('remove an exhibit after confirming', async ({ page, vault }) => {
    await vault.unlock();
    await page.getByRole('button', { name: 'Posters defaced' }).click();
    await page.getByRole('button', { name: 'View post-2.png' }).click();
    await page.getByRole('button', { name: 'Remove exhibit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this exhibit?' });
    await expect(dialog).toContainText('“post-2.png” will be moved to the bin');
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Remove exhibit' }).click();
    await dialog.getByLabel(/Why are you deleting it/).fill('The wrong screenshot');
    await dialog.getByRole('button', { name: 'Remove exhibit' }).click();
    await expect(page.getByRole('heading', { name: 'Exhibits (1)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'View post-2.png' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'View post-1.png' })).toBeVisible();
  });
});
