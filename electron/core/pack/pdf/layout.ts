/**
 * The page furniture every section of the case-pack PDF shares: fonts, headings, "Label: value"
 * lines, rules, page breaks and tables. Black on white, no meaning carried by colour.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, write } from './text.js';

const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', mono: 'DejaVuSansMono.ttf' };

/** Where the bundled DejaVu fonts are: beside the pack module (source), in dist/fonts (bundle), or the system's. */
export function fontDir(): string | null {
  const candidates: string[] = [];
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    candidates.push(
      path.join(here, '..', 'fonts'),
      path.join(here, 'fonts'),
      path.join(here, 'pack-fonts'),
      // dist/cli.cjs or dist/main.cjs inside the repository or the packaged app's resources
      path.join(here, '..', 'electron', 'core', 'pack', 'fonts'),
    );
  } catch {
    // import.meta.url unavailable
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(path.join(resources, 'pack-fonts'));
  candidates.push(path.join(process.cwd(), 'electron', 'core', 'pack', 'fonts'), '/usr/share/fonts/truetype/dejavu');
  return candidates.find((d) => existsSync(path.join(d, FONT_FILES.regular))) ?? null;
}

export const MARGIN = 50;

export interface Fonts {
  reg: string;
  bold: string;
  mono: string;
}

export function registerFonts(doc: PDFKit.PDFDocument): Fonts {
  const dir = fontDir();
  if (!dir) return { reg: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier' };
  doc.registerFont('reg', path.join(dir, FONT_FILES.regular));
  doc.registerFont('bold', path.join(dir, FONT_FILES.bold));
  const mono = path.join(dir, FONT_FILES.mono);
  doc.registerFont('mono', existsSync(mono) ? mono : path.join(dir, FONT_FILES.regular));
  return { reg: 'reg', bold: 'bold', mono: 'mono' };
}

export interface Column {
  title: string;
  /** Share of the table's width. */
  width: number;
  mono?: boolean;
}

/** One PDF being laid out, with the helpers its sections use. */
export class Pdf {
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly f: Fonts,
  ) {}

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A new page (portrait unless asked). */
  page(layout: 'portrait' | 'landscape' = 'portrait'): void {
    this.doc.addPage({
      size: 'A4',
      layout,
      margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    });
  }

  ensureSpace(h: number): void {
    if (this.doc.y + h > this.bottom) this.page(this.doc.page.width > this.doc.page.height ? 'landscape' : 'portrait');
  }

  /** A section's title, with a line of explanation under it when given. */
  title(t: string, explain?: string): void {
    write(this.doc, t, { font: this.f.bold, size: 17, x: MARGIN, width: this.width });
    if (explain) {
      this.doc.moveDown(0.2);
      write(this.doc, explain, { font: this.f.reg, size: 9, x: MARGIN, width: this.width });
    }
    this.doc.moveDown(0.6);
  }

  heading(t: string, size = 12): void {
    this.ensureSpace(size * 3);
    write(this.doc, t, { font: this.f.bold, size, x: MARGIN, width: this.width });
    this.doc.moveDown(0.25);
  }

  /** "Label: value" (nothing for an empty value). */
  label(name: string, value: string, opts: { mono?: boolean; size?: number; x?: number; width?: number } = {}): void {
    if (!value) return;
    const size = opts.size ?? 10;
    const x = opts.x ?? MARGIN;
    const width = opts.width ?? this.width - (x - MARGIN);
    // Never break a page inside "continued" text: the page's footer would be written into it.
    this.ensureSpace(measure(this.doc, `${name}: ${value}`, { font: this.f.reg, size, width }) + size);
    write(this.doc, `${name}: `, { font: this.f.bold, size, x, width, continued: true });
    write(this.doc, value, { font: opts.mono ? this.f.mono : this.f.reg, size: opts.mono ? size - 1 : size, width });
  }

  /** A label on its own line, then a block of text under it (for long free text). */
  block(name: string, value: string, size = 10): void {
    if (!value) return;
    // The label never ends a page alone: it and the first lines of its text go together.
    const h = measure(this.doc, value, { font: this.f.reg, size, width: this.width - 12 });
    this.ensureSpace(Math.min(h, size * 4) + size * 2);
    write(this.doc, `${name}:`, { font: this.f.bold, size, x: MARGIN, width: this.width });
    write(this.doc, value, { font: this.f.reg, size, x: MARGIN + 12, width: this.width - 12 });
  }

  para(text: string, size = 10, opts: { bold?: boolean; indent?: number } = {}): void {
    const indent = opts.indent ?? 0;
    write(this.doc, text, {
      font: opts.bold ? this.f.bold : this.f.reg,
      size,
      x: MARGIN + indent,
      width: this.width - indent,
    });
  }

  /** A bullet with its text hanging clear of it. */
  bullet(text: string, size = 10): void {
    this.ensureSpace(size * 2);
    const y = this.doc.y;
    write(this.doc, '•', { font: this.f.reg, size, x: MARGIN + 4, y, lineBreak: false });
    write(this.doc, text, { font: this.f.reg, size, x: MARGIN + 16, y, width: this.width - 16 });
  }

  /** A label on its own line, then a hash (or other fixed-width text) under it. */
  hash(name: string, value: string, size = 10): void {
    write(this.doc, `${name}:`, { font: this.f.bold, size, x: MARGIN, width: this.width });
    write(this.doc, value, { font: this.f.mono, size: size - 0.5, x: MARGIN, width: this.width });
  }

  rule(): void {
    this.doc.moveDown(0.3);
    this.doc
      .lineWidth(0.5)
      .strokeColor('#000000')
      .moveTo(MARGIN, this.doc.y)
      .lineTo(MARGIN + this.width, this.doc.y)
      .stroke();
    this.doc.moveDown(0.5);
  }

  /**
   * A table: a header row repeated on every page it spans, each row as tall as its tallest cell,
   * rows never split across pages, thin rules between rows.
   */
  table(columns: Column[], rows: string[][], opts: { size?: number; layout?: 'portrait' | 'landscape' } = {}): void {
    const size = opts.size ?? 8;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const rowHeight = (cells: string[], bold: boolean): number =>
      Math.max(
        ...cells.map((t, i) =>
          measure(this.doc, t, {
            font: bold ? this.f.bold : columns[i]?.mono ? this.f.mono : this.f.reg,
            size,
            width: (widths[i] ?? 10) - 2 * pad,
          }),
        ),
      ) +
      2 * pad;
    const line = (y: number, weight: number): void => {
      this.doc
        .lineWidth(weight)
        .strokeColor('#000000')
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + this.width, y)
        .stroke();
    };
    const drawRow = (cells: string[], bold: boolean, h: number): void => {
      const top = this.doc.y;
      cells.forEach((t, i) => {
        write(this.doc, t, {
          font: bold ? this.f.bold : columns[i]?.mono ? this.f.mono : this.f.reg,
          size,
          x: (xs[i] ?? MARGIN) + pad,
          y: top + pad,
          width: (widths[i] ?? 10) - 2 * pad,
        });
      });
      this.doc.x = MARGIN;
      this.doc.y = top + h;
      line(this.doc.y, bold ? 0.8 : 0.3);
    };
    const header = columns.map((c) => c.title);
    const headerH = rowHeight(header, true);
    const drawHeader = (): void => {
      line(this.doc.y, 0.8);
      drawRow(header, true, headerH);
    };
    if (this.doc.y + headerH + 20 > this.bottom) this.page(opts.layout);
    drawHeader();
    for (const r of rows) {
      const h = rowHeight(r, false);
      if (this.doc.y + h > this.bottom) {
        this.page(opts.layout);
        drawHeader();
      }
      drawRow(r, false, h);
    }
    this.doc.moveDown(0.5);
  }

  /** A box with text inside, for the officer to complete by hand. */
  box(text: string, height = 34): void {
    this.ensureSpace(height + 10);
    const top = this.doc.y;
    this.doc.lineWidth(1).strokeColor('#000000').rect(MARGIN, top, this.width, height).stroke();
    write(this.doc, text, {
      font: this.f.bold,
      size: 11,
      x: MARGIN + 10,
      y: top + (height - 13) / 2,
      width: this.width - 20,
    });
    this.doc.x = MARGIN;
    this.doc.y = top + height + 8;
  }
}

/** Spaces that never break, so a date in a narrow table cell stays on one line. */
export function nb(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

/** A blank to complete by hand, in place of a detail not given. */
export const BLANK = '______________________________';
