/**
 * A Welsh pack (language 'cy') from a real vault by the real exporter: the PDF's sections in Welsh
 * and in order (read back with pdftotext), Welsh letters with circumflexes drawn by the PDF's
 * fonts, README.txt and the viewer in Welsh, case.json and bag-info saying cy, and the pack still
 * checking with our verifier and sha256sum. The English pack is the same as before (export.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPack } from './exporter.js';
import { verifyPack } from './verify.js';
import { registerFonts } from './pdf/layout.js';
import { write } from './pdf/text.js';
import { run, seedVaultForFile, tempDir } from '../../../test/support/pack.js';

const s = seedVaultForFile();
let out: string;

beforeAll(async () => {
  out = path.join(tempDir(), 'Pecyn achos');
  await exportPack(s.vault, { out, initials: 'ab', language: 'cy' });
});

const read = (rel: string): string => readFileSync(path.join(out, rel), 'utf8');
const pdfText = async (file: string): Promise<string> => (await run('pdftotext', [file, '-'])).stdout;

describe('a Welsh pack', () => {
  it('has the PDF’s sections in Welsh, in order', async () => {
    const text = await pdfText(path.join(out, 'data/chronology.pdf'));
    const headings = [
      'Crynodeb i’r heddlu',
      'Cwrs ymddygiad',
      'Cronoleg y digwyddiadau',
      'Pobl',
      'Rhestr arddangosion',
      'Cymorth i ysgrifennu datganiad (nid datganiad)',
      'Datganiad Personol Dioddefwr: awgrymiadau',
      'Log gweithgarwch a gadwyd gan feddalwedd y',
      'Nodyn datgelu i’r swyddog',
      'Gwirio’r pecyn hwn',
    ];
    let at = -1;
    for (const h of headings) {
      const i = text.indexOf(h, at + 1);
      expect(i, h).toBeGreaterThan(at);
      at = i;
    }
    expect(text).toMatch(/Pecyn achos EVP-\d{8}-[0-9A-F]{8} — Tudalen 1 o \d+/);
    expect(text).toContain('Gwe 03/05/2024 21:40 BST');
    expect(text).toContain('Tua Llun 10/06/2024 (dyddiad yn unig)');
    expect(text).toContain('Nid datganiad adran 9 wedi’i lofnodi yw hwn');
    for (const english of ['Summary for police', 'Course of conduct', 'Exhibit list', 'Statement aid', 'Page 1 of'])
      expect(text).not.toContain(english);
    for (const claim of ['legally admissible', 'court-proof', 'derbyniol yn gyfreithiol'])
      expect(text).not.toContain(claim);
  });

  it('draws â ê î ô û ŵ ŷ and their capitals in every font of the PDF (pdftotext reads them back)', async () => {
    const letters = 'â ê î ô û ŵ ŷ Â Ê Î Ô Û Ŵ Ŷ ä ë ï ö ü ẅ ÿ à è ì ò ù ẁ ỳ á é í ó ú ẃ ý';
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    const fonts = registerFonts(doc);
    expect(fonts.reg).toBe('reg'); // the bundled DejaVu, not a built-in font without these letters
    for (const font of [fonts.reg, fonts.bold, fonts.mono]) write(doc, `${font}: ${letters}`, { font, size: 12 });
    doc.end();
    await done;
    const file = path.join(tempDir(), 'letters.pdf');
    (await import('node:fs')).writeFileSync(file, Buffer.concat(chunks));
    // Spaces as pdftotext guesses them may differ; every letter must come back.
    const text = (await pdfText(file)).replace(/\s+/g, '');
    for (const font of ['reg', 'bold', 'mono']) expect(text).toContain(`${font}:${letters.replace(/ /g, '')}`);
  });

  it('has README.txt in Welsh', () => {
    const readme = read('data/README.txt');
    expect(readme).toMatch(/^PECYN ACHOS EVP-\d{8}-[0-9A-F]{8}\n=+\n\nBeth yw hwn\n/);
    expect(readme).toContain('Sut i wirio nad oes dim wedi newid');
    expect(readme).toContain('Y llofnod\n---------');
    expect(readme).not.toContain('What this is');
  });

  it('has the viewer in Welsh', () => {
    const html = read('data/viewer.html');
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('<title>Gwyliwr y pecyn achos</title>');
    expect(html).toContain('"viewer.js.checked":"Wedi’i gwirio:');
    expect(html).not.toContain('Check this pack.');
  });

  it('records its language in case.json and bag-info.txt; keys and CSV headers stay English', () => {
    const c = JSON.parse(read('data/case.json')) as { language: string; incidents: unknown[] };
    expect(c.language).toBe('cy');
    expect(c.incidents.length).toBeGreaterThan(0);
    expect(read('bag-info.txt')).toContain('Language: cy\n');
    expect(read('data/chronology.csv').split('\n')[0]).toContain('Date,Time,UTC offset');
    expect(read('data/chronology.csv')).not.toContain('Digwyddiad');
  });

  it('still verifies, with our verifier and sha256sum', async () => {
    const v = await verifyPack(out);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    for (const m of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const r = await run('sha256sum', ['--strict', '-c', m], out);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
  });
});
