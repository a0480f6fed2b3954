/**
 * Every piece of text the case-pack PDF writes goes through write() (and its size through
 * measure()), so one place can shape it: text with right-to-left letters (Arabic, Hebrew) or emoji
 * goes through ../text.ts (each script in its font, bidi order, Arabic shaped); the rest straight
 * to pdfkit.
 */
import { drawText, registerPackFonts, textHeight, type PackFonts } from '../text.js';

/** Letters pdfkit's own layout cannot order or draw: right-to-left scripts and emoji. */
const NEEDS_SHAPING = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\p{Extended_Pictographic}]/u;
const packFonts = new WeakMap<PDFKit.PDFDocument, PackFonts>();

function fontsOf(doc: PDFKit.PDFDocument): PackFonts {
  let fonts = packFonts.get(doc);
  if (!fonts) {
    fonts = registerPackFonts(doc);
    packFonts.set(doc, fonts);
  }
  return fonts;
}

function currentSize(doc: PDFKit.PDFDocument): number {
  return (doc as unknown as { _fontSize: number })._fontSize;
}

export interface WriteOptions extends PDFKit.Mixins.TextOptions {
  /** A registered font name; the current font when absent. */
  font?: string;
  size?: number;
  /** Where to write; the current position when absent. */
  x?: number;
  y?: number;
}

/** Write text at the current (or given) position with pdfkit's layout (wrapping, page breaks). */
export function write(doc: PDFKit.PDFDocument, text: string, opts: WriteOptions = {}): void {
  const { font, size, x, y, ...rest } = opts;
  if (font) doc.font(font);
  if (size) doc.fontSize(size);
  if (NEEDS_SHAPING.test(text) && !rest.continued) {
    if (x !== undefined) doc.x = x;
    if (y !== undefined) doc.y = y;
    const left = doc.x;
    const width = rest.width ?? doc.page.width - doc.page.margins.right - left;
    const bold = font !== undefined && /bold/i.test(font);
    drawText(doc, fontsOf(doc), [{ text, bold }], {
      x: left,
      width,
      size: currentSize(doc),
      align: rest.align === 'center' ? 'center' : 'start',
    });
    if (font) doc.font(font);
    return;
  }
  if (x !== undefined || y !== undefined) doc.text(text, x ?? doc.x, y ?? doc.y, rest);
  else doc.text(text, rest);
}

/** The height the text would take at this width in this font and size. */
export function measure(
  doc: PDFKit.PDFDocument,
  text: string,
  opts: { font: string; size: number; width: number },
): number {
  doc.font(opts.font).fontSize(opts.size);
  if (NEEDS_SHAPING.test(text)) {
    const height = textHeight(doc, fontsOf(doc), [{ text, bold: /bold/i.test(opts.font) }], {
      x: 0,
      width: opts.width,
      size: opts.size,
    });
    doc.font(opts.font).fontSize(opts.size);
    return height;
  }
  return doc.heightOfString(text || ' ', { width: opts.width });
}
