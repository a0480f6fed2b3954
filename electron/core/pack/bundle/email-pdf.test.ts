/**
 * E-mail mode against a real vault: one PDF under its limit with a 30 MB photo in the case (made
 * here), every original's SHA-256 listed, the photo drawn as a smaller copy, right-to-left text
 * and emoji round-tripping, a broken image and a hostile e-mail given a line each, and nothing in
 * the PDF that runs or holds files (no JavaScript, no embedded files, no HTML).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KDF, Vault } from '../../index.js';
import { PackOptionsSchema } from '../../../../shared/ipc-pack.js';
import { exportEmailPdf } from './email-pdf.js';
import { blobFiles, cleanup, FIXTURES, PASS, run, tempDir } from '../../../../test/support/pack.js';

const ARABIC = 'وصلتني رسالة تهديد من حساب مجهول';
const HEBREW = 'הודעה מאיימת הגיעה בלילה';
const shots = process.env.EV_SHOTS_DIR ?? '/work/wt/shots/b';

let vault: Vault;
let dir = '';
let photoSha = '';

/** A photo of about 30 MB: noise (which JPEG cannot make small) at quality 100. */
function bigPhoto(): Buffer {
  const w = 4200;
  const h = 3000;
  const data = randomBytes(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      data[i] = ((data[i] ?? 0) >> 1) + (x * 127) / w; // a gradient under the noise, to see it is the photo
      data[i + 3] = 255;
    }
  return Buffer.from(jpeg.encode({ data, width: w, height: h }, 100).data);
}

beforeAll(async () => {
  dir = tempDir();
  ({ vault } = await Vault.create(path.join(dir, 'vault'), PASS, { kdf: TEST_KDF }));
  vault.updateSettings({ producerName: 'Sam Candidate', producerInitials: 'SC' });
  const inc = vault.createIncident({
    title: 'Car scratched 🔪',
    occurredAt: { date: '2019-11-20', time: '07:12', offset: 'Z' },
    description: `${ARABIC}\n${HEBREW}`,
  });
  const photo = bigPhoto();
  expect(photo.length).toBeGreaterThan(30 * 1024 * 1024);
  const [p] = await vault.importExhibitStreams(inc.id, [{ name: 'car.jpg', stream: Readable.from([photo]) }]);
  photoSha = p?.sha256 ?? '';
  await vault.importExhibits(inc.id, [
    path.join(FIXTURES, 'post-1.png'),
    path.join(FIXTURES, 'letter.pdf'),
    path.join(FIXTURES, 'email-2.eml'),
  ]);
  await vault.importExhibitStreams(inc.id, [
    {
      name: 'broken.jpg',
      stream: Readable.from([Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)])]),
    },
  ]);
}, 240_000);
afterAll(() => {
  vault.close();
  cleanup();
});

const options = PackOptionsSchema.parse({ initials: 'SC' });

async function text(file: string): Promise<string> {
  const r = await run('pdftotext', [file, '-'], path.dirname(file));
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('e-mail mode', () => {
  it('makes one PDF under 10 MB with a 30 MB photo in the case, every original’s hash listed', async () => {
    const out = path.join(dir, 'for-email.pdf');
    const receipt = await exportEmailPdf(vault, options, { out, maxMb: 10, software: 'Evidence Vault test' });
    const bytes = readFileSync(out);
    expect(bytes.length).toBe(receipt.bytes);
    expect(bytes.length).toBeLessThanOrEqual(10_000_000);
    expect(receipt.reduced).toContain('SC/1');
    const t = await text(out);
    expect(t).toContain('Chronology of incidents');
    expect(t).toContain('The original files and their SHA-256');
    const exhibits = vault.listIncidents().flatMap((i) => i.exhibits);
    for (const e of exhibits) expect(t.replace(/\s+/g, ''), e.name).toContain(e.sha256);
    expect(t).toContain(photoSha);
    expect(t).toContain('a smaller copy made to fit the e-mail');
    expect(t).toContain(ARABIC);
    expect(t).toContain(HEBREW);
    expect(t).toContain('🔪');
    expect(t).toContain('This image could not be drawn');
    expect(t).toMatch(/broken\.jpg · 2\.0 KiB \(2,004 bytes\) · not drawn: its page says why/);
    expect(t).toContain('Your posters are an insult to this town.');
    // Nothing that runs, nothing attached, no HTML.
    const raw = bytes.toString('latin1');
    for (const bad of ['/JavaScript', '/JS ', '/EmbeddedFile', '/Launch', '/OpenAction', '<html', '<script'])
      expect(raw.includes(bad), bad).toBe(false);
    // The photo is drawn (an image on its page).
    const list = await run('pdfimages', ['-list', out], dir);
    expect(list.stdout.split('\n').filter((l) => /\bjpeg\b/.test(l)).length).toBeGreaterThanOrEqual(1);
    const r = await run('pdftoppm', ['-r', '40', '-png', out, path.join(shots, 'email-pdf')], dir);
    expect(r.code).toBe(0);
  }, 240_000);

  it('in Welsh, says in Welsh that the photo is a smaller copy and where the originals are', async () => {
    const out = path.join(dir, 'for-email-cy.pdf');
    const receipt = await exportEmailPdf(
      vault,
      { ...options, language: 'cy' },
      { out, maxMb: 10, software: 'Evidence Vault test' },
    );
    expect(receipt.reduced).toContain('SC/1');
    const t = (await text(out)).replace(/\s+/g, ' ');
    expect(t).toMatch(/copi llai a wnaed i ffitio’r e-bost \(\d+ × \d+ picsel, ansawdd JPEG \d+; mae’r gwreiddiol yn /);
    expect(t).toContain('yn y pecyn achos llawn (heb ei atodi i’r PDF hwn)');
    expect(t).toContain('Oddi wrth:');
    for (const english of ['a smaller copy made', 'the file as it is', 'not attached to this PDF', 'From:'])
      expect(t).not.toContain(english);
  }, 240_000);

  it('at a tight limit leaves the photo out with a line saying so and its hash, and still stays under it', async () => {
    const out = path.join(dir, 'tight.pdf');
    const receipt = await exportEmailPdf(vault, options, { out, maxMb: 1, software: 'Evidence Vault test' });
    expect(readFileSync(out).length).toBeLessThanOrEqual(1_000_000);
    const t = await text(out);
    expect(t).toContain(photoSha);
    expect(receipt.reduced.length + receipt.leftOut.length).toBeGreaterThanOrEqual(1);
    if (receipt.leftOut.length) expect(t).toContain('Left out of this e-mail PDF');
  }, 240_000);

  it('a damaged exhibit stops it (nothing written), or on request is left out with a line and its hash', async () => {
    const vdir = path.join(tempDir(), 'vault');
    const { vault: v } = await Vault.create(vdir, PASS, { kdf: TEST_KDF });
    try {
      const inc = v.createIncident({ title: 'Letter', occurredAt: { date: '2024-01-02' } });
      const before = blobFiles(vdir);
      const [letter] = await v.importExhibits(inc.id, [path.join(FIXTURES, 'letter.pdf')]);
      const blob = [...blobFiles(vdir)].find((n) => !before.has(n));
      const f = path.join(vdir, 'blobs', blob ?? '');
      const bytes = readFileSync(f);
      bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0x10;
      writeFileSync(f, bytes);
      const out = path.join(dir, 'damaged.pdf');
      await expect(exportEmailPdf(v, options, { out, maxMb: 10, software: 'x' })).rejects.toMatchObject({
        code: 'TAMPERED',
        message: expect.stringMatching(/^Exhibit SC\/1 "letter\.pdf" failed its SHA-256 check/) as unknown,
      });
      expect(existsSync(out)).toBe(false);
      const skip = PackOptionsSchema.parse({ initials: 'SC', skipDamaged: true });
      const receipt = await exportEmailPdf(v, skip, { out, maxMb: 10, software: 'x' });
      expect(receipt.leftOut.map((l) => l.ref)).toEqual(['SC/1']);
      const t = await text(out);
      expect(t).toContain('Left out of this e-mail PDF: its stored copy failed its SHA-256 check');
      expect(t.replace(/\s+/g, '')).toContain(letter?.sha256 ?? 'missing');
      // In Welsh the PDF says why in Welsh; the receipt keeps the English (the CLI and the log print it).
      const cyOut = path.join(dir, 'damaged-cy.pdf');
      const cyReceipt = await exportEmailPdf(v, { ...skip, language: 'cy' }, { out: cyOut, maxMb: 10, software: 'x' });
      expect(cyReceipt.leftOut.map((l) => l.reason)).toEqual([
        'its stored copy failed its SHA-256 check (the hash listed is the one recorded at import)',
      ]);
      const cyText = await text(cyOut);
      expect(cyText).toContain('Wedi’i adael allan o’r PDF e-bost hwn: methodd ei gopi a gadwyd ei wiriad SHA-256');
      expect(cyText).toContain('heb ei ddangos yn y PDF hwn: methodd ei gopi');
      expect(cyText).not.toContain('failed its SHA-256 check');
    } finally {
      v.close();
    }
  }, 120_000);

  it('refuses a file that exists, and a name that is not .pdf, changing nothing', async () => {
    const out = path.join(dir, 'for-email.pdf');
    const before = readFileSync(out);
    await expect(exportEmailPdf(vault, options, { out, maxMb: 10, software: 'x' })).rejects.toMatchObject({
      code: 'OUTPUT_EXISTS',
    });
    expect(readFileSync(out).equals(before)).toBe(true);
    await expect(
      exportEmailPdf(vault, options, { out: path.join(dir, 'x.txt'), maxMb: 10, software: 'x' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(existsSync(path.join(dir, 'x.txt'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});
