/**
 * The exhibit bundle (issue 14, item 6) in a real export from a real vault: every exhibit on its
 * own pages, each page headed with its reference, description, SHA-256 and the copy notice; images,
 * e-mail, chat exports (WhatsApp text, Telegram JSON) and PDF pages drawn; a physical item
 * described; a broken image and a hostile e-mail each get a page saying so and the export still
 * succeeds and verifies. Right-to-left text and emoji round-trip through pdftotext in both PDFs.
 * Pages are rendered with pdftoppm into /work/wt/shots/b/ (or EV_SHOTS_DIR) to be looked at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import jpeg from 'jpeg-js';
import { degrees, PDFDocument as LibDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KDF, Vault } from '../../index.js';
import { exportPack } from '../exporter.js';
import { verifyPack } from '../verify.js';
import type { CaseFile } from '../casefile.js';
import { cleanup, FIXTURES, PASS, run, tempDir } from '../../../../test/support/pack.js';

const ARABIC = 'وصلتني رسالة تهديد من حساب مجهول';
const HEBREW = 'הודעה מאיימת הגיעה בלילה';
const EMOJI = '😡🔪';

let vault: Vault;
let out = '';
let caseFile: CaseFile;
const shots = process.env.EV_SHOTS_DIR ?? '/work/wt/shots/b';

function testJpeg(w: number, h: number): Buffer {
  const data = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      data[i] = (x * 255) / w;
      data[i + 1] = (y * 255) / h;
      data[i + 2] = ((x + y) % 64) * 4;
      data[i + 3] = 255;
    }
  return Buffer.from(jpeg.encode({ data, width: w, height: h }, 80).data);
}

/** An e-mail nested 200 multipart levels deep: more than a reader should follow. */
function hostileEmail(): Buffer {
  let body = 'Content-Type: text/plain\r\n\r\ninner\r\n';
  for (let i = 0; i < 200; i++) {
    body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
  }
  return Buffer.from(
    `From: a@example.com\r\nTo: b@example.org\r\nSubject: nested\r\nDate: Tue, 12 Nov 2019 20:15:00 +0000\r\nMIME-Version: 1.0\r\n${body}`,
  );
}

/** A landscape page kept as portrait with /Rotate 90, as scanners write them. */
async function turnedPdf(): Promise<Buffer> {
  const doc = await LibDocument.create();
  const page = doc.addPage([595, 842]);
  page.setRotation(degrees(90));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('TURNED PAGE TEXT', { x: 100, y: 500, size: 30, font });
  return Buffer.from(await doc.save());
}

const whatsapp = [
  '12/11/2019, 20:15 - Unknown: You will regret standing 😡',
  `12/11/2019, 20:16 - Unknown: ${ARABIC}`,
  '12/11/2019, 20:17 - Sam: Please stop messaging me',
].join('\n');

const telegram = JSON.stringify({
  name: 'Anon',
  messages: [
    { id: 1, date: '2019-11-13T09:00:00', from: 'anon_42', text: 'We know your route to the office' },
    { id: 2, date: '2019-11-13T09:01:00', from: 'anon_42', text: [{ type: 'bold', text: HEBREW }] },
  ],
});

beforeAll(async () => {
  ({ vault } = await Vault.create(path.join(tempDir(), 'vault'), PASS, { kdf: TEST_KDF }));
  vault.updateSettings({ producerName: 'Sam Candidate', producerInitials: 'SC' });
  const inc = vault.createIncident({
    title: `Threat in Arabic ${EMOJI}`,
    occurredAt: { date: '2019-11-12', time: '20:15', offset: 'Z' },
    description: `${ARABIC}\n${HEBREW}\nHe added ${EMOJI} at the end.`,
  });
  const files = await vault.importExhibits(inc.id, [
    path.join(FIXTURES, 'post-1.png'),
    path.join(FIXTURES, 'damage.jpg'),
    path.join(FIXTURES, 'letter.pdf'),
    path.join(FIXTURES, 'email-2.eml'),
  ]);
  const more = await vault.importExhibitStreams(inc.id, [
    { name: 'tall-screenshot.jpg', stream: Readable.from([testJpeg(300, 2400)]) },
    { name: 'WhatsApp Chat with Unknown.txt', stream: Readable.from([Buffer.from(whatsapp)]) },
    { name: 'result.json', stream: Readable.from([Buffer.from(telegram)]) },
    {
      name: 'broken.jpg',
      stream: Readable.from([Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)])]),
    },
    { name: 'hostile.eml', stream: Readable.from([hostileEmail()]) },
    { name: 'broken.pdf', stream: Readable.from([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R')]) },
    { name: 'turned.pdf', stream: Readable.from([await turnedPdf()]) },
    { name: 'one-long-line.txt', stream: Readable.from([Buffer.from(`${'ab'.repeat(150_000)}\n`)]) },
    {
      name: 'clip.mp4',
      stream: Readable.from([Buffer.concat([Buffer.from('000000186674797069736f6d', 'hex'), Buffer.alloc(4000, 1)])]),
    },
  ]);
  const first = files[0];
  if (first) vault.updateExhibitDetails(first.id, { description: `Screenshot: ${ARABIC} ${EMOJI}` });
  vault.addPhysicalExhibit(
    inc.id,
    'Letter and envelope',
    { description: 'Handwritten, pushed through the door' },
    { keptAt: 'Office safe, paper envelope', handledBy: 'Me; my agent' },
  );
  expect(more).toHaveLength(9);
  expect(more.find((e) => e.name === 'hostile.eml')?.mediaType).toBe('message/rfc822');
  out = path.join(tempDir(), 'pack');
  await exportPack(vault, { out, initials: 'SC' });
  caseFile = JSON.parse(readFileSync(path.join(out, 'data/case.json'), 'utf8')) as CaseFile;
}, 120_000);
afterAll(() => {
  vault.close();
  cleanup();
});

const bundle = (): string => path.join(out, 'data/exhibit-bundle.pdf');

async function pdfText(file: string, page?: number): Promise<string> {
  const args = page ? ['-f', String(page), '-l', String(page), file, '-'] : [file, '-'];
  const r = await run('pdftotext', args, path.dirname(file));
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

async function pageCount(file: string): Promise<number> {
  const r = await run('pdfinfo', [file], path.dirname(file));
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
}

describe('the exhibit bundle', () => {
  it('is in the pack, listed in the manifest, and the pack still verifies', async () => {
    expect(readFileSync(path.join(out, 'manifest-sha256.txt'), 'utf8')).toMatch(/ {2}data\/exhibit-bundle\.pdf\n/);
    const sums = await run('sha256sum', ['--strict', '-c', 'manifest-sha256.txt'], out);
    expect(sums.code, sums.stdout + sums.stderr).toBe(0);
    const report = await verifyPack(out);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('gives every exhibit its own pages, each headed with reference, SHA-256 and the copy notice', async () => {
    const pages = await pageCount(bundle());
    const seen = new Map<string, number>();
    for (let p = 2; p <= pages; p++) {
      const t = await pdfText(bundle(), p);
      const ref = /Exhibit (SC\/\d+)/.exec(t)?.[1];
      expect(ref, `page ${p} has no exhibit header:\n${t}`).toBeTruthy();
      const e = caseFile.exhibits.find((x) => x.ref === ref);
      expect(e).toBeTruthy();
      if (!e) continue;
      expect(t).toContain('SHA-256');
      if (e.physical) expect(t).toContain('physical item');
      else {
        expect(t.replace(/\s+/g, '')).toContain(e.sha256);
        expect(t).toContain(`Copy rendered for reading; the original file is ${e.path}`);
      }
      seen.set(e.ref, (seen.get(e.ref) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(caseFile.exhibits.map((e) => e.ref).sort());
    // The tall screenshot goes over more than one page.
    const tall = caseFile.exhibits.find((e) => e.originalName === 'tall-screenshot.jpg');
    expect(seen.get(tall?.ref ?? '')).toBeGreaterThan(1);
  });

  it('draws e-mail headers and text, both chat exports, and the PDF exhibit’s own text', async () => {
    const t = await pdfText(bundle());
    expect(t).toContain('From: Zöe Anon <zoe.anon@example.com>');
    expect(t).toContain('Subject: We’re watching 👀'.replace('’', "'"));
    expect(t).toContain('Your posters keep appearing. So do we.');
    expect(t).toContain('[picture not loaded]');
    expect(t).not.toContain('tracker.example.invalid');
    expect(t).toContain('Please stop messaging me');
    expect(t).toContain('a WhatsApp chat export');
    expect(t).toMatch(/13\/11\/2019 09:00\s+anon_42: We know your route to the office/);
    expect(t).toContain('Your posters are an insult to this town.');
    expect(t).toContain('Office safe, paper envelope');
    expect(t).toContain('cannot be shown on paper');
  });

  it('a broken image and a hostile e-mail each get a page saying so', async () => {
    const t = await pdfText(bundle());
    expect(t).toContain('This image could not be drawn: the file is damaged');
    expect(t).toContain('This e-mail could not be read');
    expect(t).toContain('This PDF could not be drawn: its structure could not be read');
    expect(t).toContain('TURNED PAGE TEXT');
  });

  it('right-to-left text and emoji round-trip in the bundle and in the chronology', async () => {
    for (const file of [bundle(), path.join(out, 'data/chronology.pdf')]) {
      const t = await pdfText(file);
      expect(t, file).toContain(ARABIC);
      expect(t, file).toContain(EMOJI.slice(0, 2));
    }
    const chronology = await pdfText(path.join(out, 'data/chronology.pdf'));
    expect(chronology).toContain(HEBREW);
    expect(await pdfText(bundle())).toContain(HEBREW);
  });

  it('renders its pages to PNG for looking at', async () => {
    mkdirSync(shots, { recursive: true });
    const r = await run('pdftoppm', ['-r', '50', '-png', bundle(), path.join(shots, 'bundle')], out);
    expect(r.code, r.stderr).toBe(0);
    const c = await run(
      'pdftoppm',
      ['-r', '60', '-png', '-f', '2', '-l', '2', path.join(out, 'data/chronology.pdf'), path.join(shots, 'chronology')],
      out,
    );
    expect(c.code, c.stderr).toBe(0);
  });
});

describe('the exhibit bundle of a Welsh pack', () => {
  let cy = '';
  beforeAll(async () => {
    cy = path.join(tempDir(), 'pecyn');
    await exportPack(vault, { out: cy, initials: 'SC', language: 'cy' });
  }, 120_000);
  const welsh = (): string => path.join(cy, 'data/exhibit-bundle.pdf');

  it('names the e-mail’s headers in Welsh, with the e-mail’s own words as they are', async () => {
    const t = await pdfText(welsh());
    expect(t).toContain('Oddi wrth: Zöe Anon <zoe.anon@example.com>');
    expect(t).toContain('Pwnc: We’re watching 👀'.replace('’', "'"));
    expect(t).toMatch(/Dyddiad: .+\((Llun|Maw|Mer|Iau|Gwe|Sad|Sul) \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} (GMT|BST)\)/);
    expect(t).toContain('[llun heb ei lwytho]');
    expect(t).toContain('Your posters keep appearing. So do we.');
    for (const english of ['From:', 'Subject:', 'Date:', '[picture not loaded]']) expect(t).not.toContain(english);
  });

  it('says in Welsh how a chat export is shown and why a file is not drawn', async () => {
    const t = await pdfText(welsh());
    expect(t).toContain('Dangosir fel allforyn sgwrs WhatsApp.');
    expect(t).toContain('Dangosir fel allforyn sgwrs (JSON), un llinell i bob neges.');
    expect(t).toContain('Nid oedd modd dangos y ddelwedd hon: mae’r ffeil wedi’i difrodi');
    expect(t).toContain('Nid oedd modd darllen yr e-bost hwn: ni ellid darllen ei strwythur');
    expect(t).toContain('Nid oedd modd dangos y PDF hwn: ni ellid darllen ei strwythur');
    expect(t).toContain('TURNED PAGE TEXT');
    for (const english of ['Shown as', 'chat export', 'could not be', 'damaged', 'structure'])
      expect(t).not.toContain(english);
  });

  it('renders its pages, and its e-mail page larger, to PNG for looking at', async () => {
    const pages = await pageCount(welsh());
    let mailPage = 0;
    for (let p = 2; p <= pages && !mailPage; p++) if ((await pdfText(welsh(), p)).includes('Oddi wrth:')) mailPage = p;
    expect(mailPage).toBeGreaterThan(0);
    mkdirSync(shots, { recursive: true });
    const r = await run(
      'pdftoppm',
      [
        '-r',
        '80',
        '-png',
        '-f',
        String(mailPage),
        '-l',
        String(mailPage),
        welsh(),
        path.join(shots, 'bundle-cy-email'),
      ],
      cy,
    );
    expect(r.code, r.stderr).toBe(0);
    const all = await run('pdftoppm', ['-r', '50', '-png', welsh(), path.join(shots, 'bundle-cy')], cy);
    expect(all.code, all.stderr).toBe(0);
  });
});
