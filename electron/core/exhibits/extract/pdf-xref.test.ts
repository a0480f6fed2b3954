/**
 * The quick way to a PDF's document information (thread.ts viaXref): through its cross-reference data to
 * the newest trailer and only the objects it needs. For every PDF it gives exactly what parsing the whole
 * file gives; a file whose cross-reference data is not as it says (a wrong offset, a loop of /Prev, objects
 * in object streams) is parsed whole, as before, with the same answer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { pdfkitPdf } from '../../../../test/support/pdfs.js';
import { ask } from './thread.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const OPTIONS = {
  fields: ['Title', 'Author', 'Creator', 'Producer', 'CreationDate', 'ModDate'],
  dateFields: ['CreationDate', 'ModDate'],
};

/** The thread's answer, the quick way (unless it falls back) and parsing the whole file. */
async function bothWays(pdf: Uint8Array): Promise<{ via: unknown; quick: object; whole: object }> {
  const quick = await ask('pdf', pdf, OPTIONS, 10_000);
  const whole = await ask('pdf', pdf, { ...OPTIONS, whole: true }, 10_000);
  const strip = ({ id: _id, via: _via, ...rest }: Record<string, unknown>): object => rest;
  expect(whole.via).toBe('whole');
  return { via: quick.via, quick: strip(quick), whole: strip(whole) };
}

async function pdfLibPdf(objectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.setTitle('Leaflet, défaced');
  doc.setAuthor('Campaign office');
  doc.setCreationDate(new Date('2024-04-03T09:08:07Z'));
  doc.setModificationDate(new Date('2024-04-04T10:11:12Z'));
  return doc.save({ useObjectStreams: objectStreams });
}

const latin = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

/** The file's last startxref offset and its trailer's /Root and /Size. */
function lastSection(s: string): { xref: number; root: string; size: number } {
  const xref = Number(/startxref\s+(\d+)\s*%%EOF\s*$/.exec(s)?.[1]);
  const trailer = s.slice(s.lastIndexOf('trailer'));
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1] ?? '';
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  return { xref, root, size };
}

/**
 * An incremental update appended to a PDF with a classic table (PDF 32000-1 §7.5.6): new objects, a new
 * table for them and a trailer whose /Prev is `prev` (default: the file's last section).
 */
function appendUpdate(pdf: Uint8Array, objects: Record<number, string>, trailerExtra: string, prev?: number): Buffer {
  let s = latin(pdf);
  if (!s.endsWith('\n')) s += '\n';
  const last = lastSection(s);
  const offsets: [number, number][] = [];
  for (const [num, body] of Object.entries(objects)) {
    offsets.push([Number(num), s.length]);
    s += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = s.length;
  s += 'xref\n';
  for (const [num, off] of offsets) s += `${num} 1\n${String(off).padStart(10, '0')} 00000 n\r\n`;
  const size = Math.max(last.size, ...offsets.map(([n]) => n + 1));
  s += `trailer\n<< /Size ${size} /Root ${last.root} /Prev ${prev ?? last.xref} ${trailerExtra} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(s, 'latin1');
}

describe('a PDF read through its cross-reference data', () => {
  test('the letter, the letter with a comment after its end, pdf-lib and pdfkit PDFs: the quick way, the same answer', async () => {
    const letter = readFileSync(`${FIXTURES}letter.pdf`);
    for (const pdf of [
      letter,
      Buffer.concat([letter, Buffer.from('\n%copy 7\n')]),
      await pdfLibPdf(false),
      await pdfkitPdf(),
    ]) {
      const r = await bothWays(pdf);
      expect(r.via).toBe('xref');
      expect(r.quick).toEqual(r.whole);
      expect((r.quick as { present: string[] }).present.length).toBeGreaterThan(0);
    }
    const leaflet = await ask('pdf', await pdfLibPdf(false), OPTIONS, 10_000);
    expect(leaflet.info).toMatchObject({ Title: 'Leaflet, défaced', Author: 'Campaign office' });
    expect(leaflet.dates).toEqual({ CreationDate: '2024-04-03T09:08:07.000Z', ModDate: '2024-04-04T10:11:12.000Z' });
  });

  test('an incremental update: the newest trailer and the newest copy of each object, a title given by reference', async () => {
    const base = await pdfLibPdf(false);
    const size = lastSection(latin(base)).size;
    const updated = appendUpdate(
      base,
      {
        [size]: `<< /Title ${size + 1} 0 R /Producer (Re-saved) /ModDate (D:20240506070809Z) >>`,
        [size + 1]: '(Leaflet, second version)',
      },
      `/Info ${size} 0 R`,
    );
    const r = await bothWays(updated);
    expect(r.via).toBe('xref');
    expect(r.quick).toEqual(r.whole);
    expect(r.quick).toMatchObject({
      info: { Title: 'Leaflet, second version', Producer: 'Re-saved' },
      dates: { ModDate: '2024-05-06T07:08:09.000Z' },
    });
  });

  test('an encrypted PDF is said to be encrypted the quick way too (pdfjs then reads it)', async () => {
    const r = await bothWays(await pdfkitPdf({ ownerPassword: 'owner' }));
    expect(r.via).toBe('xref');
    expect(r.quick).toEqual({ encrypted: true });
    expect(r.whole).toEqual({ encrypted: true });
  });

  test('cross-reference data not as it says: the whole file is parsed, and the answer is the same', async () => {
    const letter = readFileSync(`${FIXTURES}letter.pdf`);
    const s = latin(letter);
    const { xref } = lastSection(s);
    // startxref pointing into the middle of an object.
    const wrongOffset = Buffer.from(s.replace(/startxref\s+\d+/, 'startxref\n500'), 'latin1');
    // Every object moved by 600 bytes: the table's offsets are all wrong.
    const header = s.indexOf('\n') + 1;
    const moved = Buffer.from(s.slice(0, header) + `%${' '.repeat(600)}\n` + s.slice(header), 'latin1');
    // An update whose /Prev is itself: a loop.
    const loop = appendUpdate(letter, { 90: '<< /Title (Loop) >>' }, '/Info 90 0 R', -1);
    const loopFixed = Buffer.from(
      latin(loop).replace(/\/Prev -1/, `/Prev ${latin(loop).lastIndexOf('xref\n')}`),
      'latin1',
    );
    // Objects kept in object streams (pdf-lib's default), found only by parsing the whole file.
    const inStreams = await pdfLibPdf(true);
    for (const pdf of [wrongOffset, moved, loopFixed, inStreams]) {
      const r = await bothWays(pdf);
      expect(r.via).toBe('whole');
      expect(r.quick).toEqual(r.whole);
    }
    expect(xref).toBeGreaterThan(0);
    const read = await ask('pdf', moved, OPTIONS, 10_000);
    expect(read.info).toMatchObject({ Title: 'l.html', Producer: 'Skia/PDF m156' });
  });
});
