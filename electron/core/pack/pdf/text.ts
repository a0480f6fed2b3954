/**
 * Every piece of text the case-pack PDF writes goes through write() (and its size through
 * measure()), so one place can shape it: right-to-left scripts and emoji are routed here through
 * the bundle's shaping helper at merge (electron/core/pack/bundle/, engineer B).
 */

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
  return doc.heightOfString(text || ' ', { width: opts.width });
}
