/**
 * The PDFs' text helper: Arabic (shaped, words in order), Hebrew, numbers inside right-to-left
 * text, Latin with Arabic inside it, and emoji, read back with the real pdftotext; long words and
 * long paragraphs wrap inside the column.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { drawText, layoutText, registerPackFonts } from './text.js';
import { run } from '../../../test/support/pack.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ev-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfOf(
  draw: (doc: PDFKit.PDFDocument, fonts: ReturnType<typeof registerPackFonts>) => void,
): Promise<string> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 50, left: 50, right: 50 } });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => doc.on('end', resolve));
  const fonts = registerPackFonts(doc);
  doc.y = 50;
  draw(doc, fonts);
  doc.end();
  await done;
  const file = path.join(dir, `t-${parts.length}-${Date.now()}.pdf`);
  writeFileSync(file, Buffer.concat(parts));
  const r = await run('pdftotext', [file, '-'], dir);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const o = { x: 50, width: 495, size: 12 };

describe('text in any script', () => {
  it('an Arabic sentence comes back with its words in order, a number kept as written', async () => {
    const t = await pdfOf((doc, f) => drawText(doc, f, 'وصلتني رسالة تهديد من حساب مجهول رقم 42 مساءً', o));
    expect(t).toContain('وصلتني رسالة تهديد من حساب مجهول رقم');
    expect(t).toContain('42');
  });

  it('a Hebrew line, and Arabic inside an English sentence', async () => {
    const t = await pdfOf((doc, f) => {
      drawText(doc, f, 'הודעה מאיימת הגיעה בלילה', o);
      drawText(doc, f, [{ text: 'Description: ', bold: true }, { text: 'he wrote "انت كاذبة" twice' }], o);
    });
    expect(t).toContain('הודעה מאיימת הגיעה בלילה');
    expect(t).toContain('انت كاذبة');
    expect(t).toContain('Description:');
  });

  it('emoji are drawn in the emoji font and read back', async () => {
    const t = await pdfOf((doc, f) => drawText(doc, f, 'He sent 😡🔪 and ❤️ at 20:15', o));
    for (const e of ['😡', '🔪', '❤']) expect(t).toContain(e);
  });

  it('wraps long paragraphs and breaks a word longer than the line', async () => {
    const doc = new PDFDocument({ size: 'A4' });
    const fonts = registerPackFonts(doc);
    const hash = 'a'.repeat(400);
    const lines = layoutText(doc, fonts, `${'word '.repeat(200)}${hash}`, o);
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l.pieces.reduce((s, p) => s + p.width, 0)).toBeLessThanOrEqual(o.width + 0.01);
    const arabic = layoutText(doc, fonts, 'نص عربي طويل '.repeat(40), o);
    expect(arabic.length).toBeGreaterThan(1);
    expect(arabic.every((l) => l.rtl)).toBe(true);
    doc.end();
  });
});
