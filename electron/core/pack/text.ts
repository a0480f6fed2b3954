/**
 * Text in the case pack's PDFs in any direction (issue 14, "Text and type"): a string is split into
 * grapheme clusters (Intl.Segmenter), each drawn in the font for its script (DejaVu Sans for Latin
 * and most symbols, Noto Sans Arabic, Noto Sans Hebrew, monochrome Noto Emoji: all in ./fonts with
 * their licences), ordered with the Unicode bidi algorithm (bidi-js), wrapped here, and drawn a
 * word at a time at its visual place. pdfkit's fontkit shapes each Arabic word (joining forms,
 * ligatures) and lays a right-to-left word out right to left itself; what fontkit does not turn
 * (neutral characters and emoji inside right-to-left text) is turned here, brackets mirrored.
 *
 * Words are drawn in their logical (reading) order, each by itself: pdftotext and copy-and-paste
 * then give an Arabic or Hebrew sentence's words in the order they were written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** The font files, beside this module in ./fonts (source), or wherever the build put them. */
export const PACK_FONT_FILES = {
  latin: 'DejaVuSans.ttf',
  latinBold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
  arabic: 'NotoSansArabic-Regular.ttf',
  arabicBold: 'NotoSansArabic-Bold.ttf',
  hebrew: 'NotoSansHebrew-Regular.ttf',
  hebrewBold: 'NotoSansHebrew-Bold.ttf',
  emoji: 'NotoEmoji-Regular.woff',
} as const;
export type FontRole = keyof typeof PACK_FONT_FILES;

/** Where the bundled fonts are: beside this module (source), in dist (bundle), or the packaged app's resources. */
export function packFontDir(): string | null {
  const candidates: string[] = [];
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    candidates.push(
      path.join(here, 'fonts'),
      path.join(here, 'pack-fonts'),
      path.join(here, '..', 'fonts'),
      path.join(here, '..', 'electron', 'core', 'pack', 'fonts'),
    );
  } catch {
    // import.meta.url unavailable
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(path.join(resources, 'pack-fonts'));
  candidates.push(path.join(process.cwd(), 'electron', 'core', 'pack', 'fonts'));
  return candidates.find((d) => existsSync(path.join(d, PACK_FONT_FILES.arabic))) ?? null;
}

/** The font names registered on one document, by role. */
export type PackFonts = Record<FontRole, string>;

/**
 * Register the pack's fonts on a pdfkit document, once per document. Without the font folder
 * (should not happen) every role falls back to pdfkit's Helvetica: Latin text still reads.
 */
export function registerPackFonts(doc: PDFKit.PDFDocument): PackFonts {
  const dir = packFontDir();
  const names = {} as PackFonts;
  for (const role of Object.keys(PACK_FONT_FILES) as FontRole[]) {
    const file = dir ? path.join(dir, PACK_FONT_FILES[role]) : null;
    if (file && existsSync(file)) {
      doc.registerFont(`ev-${role}`, file);
      names[role] = `ev-${role}`;
    } else {
      names[role] = role === 'latinBold' ? 'Helvetica-Bold' : role === 'mono' ? 'Courier' : 'Helvetica';
    }
  }
  return names;
}

/** A piece of text in one style: a label in bold, a hash in mono, the rest regular. */
export interface Span {
  text: string;
  bold?: boolean;
  mono?: boolean;
}

export interface TextOptions {
  /** Left edge and width of the column. */
  x: number;
  width: number;
  size: number;
  /** 'auto' (the default): the paragraph's first strong letter decides, as dir=auto does in HTML. */
  direction?: 'auto' | 'ltr' | 'rtl';
  /** 'start' (default): left for left-to-right paragraphs, right for right-to-left ones. */
  align?: 'start' | 'center';
  /** Extra space between lines, in points (default 0.25 × size). */
  lineGap?: number;
  /** Lowest y a line may reach before a new page is added (default the page's bottom margin). */
  bottom?: number;
  /** At most this many lines are drawn; the last one drawn ends in "…" when text was cut. */
  maxLines?: number;
}

type Kind = 'space' | 'word';

interface Cluster {
  text: string;
  font: FontRole;
  level: number;
  kind: Kind;
}

/** A run of clusters in one font and at one bidi level, without spaces: drawn by one text call. */
interface Piece {
  text: string;
  font: FontRole;
  level: number;
  kind: Kind;
  width: number;
}

interface Line {
  pieces: Piece[];
  rtl: boolean;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const EMOJI = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Regional_Indicator}/u;
const ARABIC = /\p{scx=Arabic}/u;
const HEBREW = /\p{scx=Hebrew}/u;
/** Letters fontkit lays out right to left by itself (it picks the direction from the script). */
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** Characters the PDF never draws: controls, bidi marks and overrides (their effect is applied here). */
const INVISIBLE = /^[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]+$/u;

function fontFor(cluster: string, span: Span): FontRole {
  if (EMOJI.test(cluster) && !/^[\d#*]$/.test(cluster)) return 'emoji';
  if (ARABIC.test(cluster)) return span.bold ? 'arabicBold' : 'arabic';
  if (HEBREW.test(cluster)) return span.bold ? 'hebrewBold' : 'hebrew';
  return span.mono ? 'mono' : span.bold ? 'latinBold' : 'latin';
}

interface PdfFontState {
  _font: { ascender: number; descender: number };
  _fontSize: number;
}

function fontMetrics(doc: PDFKit.PDFDocument, name: string, size: number): { ascent: number; descent: number } {
  doc.font(name).fontSize(size);
  const f = (doc as unknown as PdfFontState)._font;
  return { ascent: (f.ascender / 1000) * size, descent: (-f.descender / 1000) * size };
}

/** Split each paragraph into clusters with their font and bidi level. */
function paragraphs(spans: Span[], direction: 'auto' | 'ltr' | 'rtl'): { clusters: Cluster[]; rtl: boolean }[] {
  // One string for the bidi algorithm, with the span of every code unit beside it.
  let all = '';
  const spanOf: number[] = [];
  spans.forEach((s, i) => {
    const t = s.text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
    all += t;
    for (let k = 0; k < t.length; k++) spanOf.push(i);
  });
  const out: { clusters: Cluster[]; rtl: boolean }[] = [];
  let start = 0;
  for (const para of all.split('\n')) {
    const levels = bidi.getEmbeddingLevels(para, direction);
    const base = levels.paragraphs[0]?.level ?? (direction === 'rtl' ? 1 : 0);
    const clusters: Cluster[] = [];
    for (const { segment, index } of segmenter.segment(para)) {
      if (INVISIBLE.test(segment)) continue;
      const span = spans[spanOf[start + index] ?? 0] ?? { text: '' };
      const space = /^\s+$/u.test(segment);
      clusters.push({
        text: space ? ' ' : segment,
        font: space ? 'latin' : fontFor(segment, span),
        level: levels.levels[index] ?? base,
        kind: space ? 'space' : 'word',
      });
    }
    out.push({ clusters, rtl: base % 2 === 1 });
    start += para.length + 1;
  }
  return out;
}

/** Group a word's clusters into pieces (same font and level). */
function piecesOf(clusters: Cluster[]): Omit<Piece, 'width'>[] {
  const pieces: Omit<Piece, 'width'>[] = [];
  for (const c of clusters) {
    const last = pieces[pieces.length - 1];
    if (last && last.kind === c.kind && last.font === c.font && last.level === c.level && c.kind === 'word') {
      last.text += c.text;
    } else pieces.push({ text: c.text, font: c.font, level: c.level, kind: c.kind });
  }
  return pieces;
}

/** What one text call draws for a piece: fontkit turns right-to-left letters itself; the rest is turned here. */
function drawnText(p: Piece): string {
  const wantRtl = p.level % 2 === 1;
  const fontkitRtl = RTL_SCRIPT.test(p.text);
  if (wantRtl === fontkitRtl) return p.text;
  const clusters = [...segmenter.segment(p.text)].map((s) => s.segment).reverse();
  return clusters.map((c) => (wantRtl ? (bidi.getMirroredCharacter(c) ?? c) : c)).join('');
}

/** UBA rule L2: from the highest level down to the lowest odd one, reverse every run at that level or higher. */
function visualOrder(pieces: Piece[]): Piece[] {
  const order = [...pieces];
  if (!order.length) return order;
  const max = Math.max(...order.map((p) => p.level));
  const minOdd = Math.min(...order.map((p) => (p.level % 2 ? p.level : p.level + 1)));
  for (let lvl = max; lvl >= minOdd; lvl--) {
    for (let i = 0; i < order.length;) {
      if ((order[i]?.level ?? 0) < lvl) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && (order[j]?.level ?? 0) >= lvl) j++;
      const run = order.slice(i, j).reverse();
      order.splice(i, j - i, ...run);
      i = j;
    }
  }
  return order;
}

const widths = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

/** Width of a piece of text in one font and size, remembered per document (words repeat). */
function measurer(doc: PDFKit.PDFDocument, fonts: PackFonts, size: number): (t: string, font: FontRole) => number {
  let cache = widths.get(doc);
  if (!cache) {
    cache = new Map();
    widths.set(doc, cache);
  }
  const known = cache;
  return (t, font) => {
    if (t.length > 64) return doc.font(fonts[font]).fontSize(size).widthOfString(t);
    const key = `${font}\u0000${size}\u0000${t}`;
    let w = known.get(key);
    if (w === undefined) {
      w = doc.font(fonts[font]).fontSize(size).widthOfString(t);
      if (known.size > 200_000) known.clear();
      known.set(key, w);
    }
    return w;
  };
}

/** Lay text out into lines of at most `width` points (no drawing). */
export function layoutText(
  doc: PDFKit.PDFDocument,
  fonts: PackFonts,
  text: string | Span[],
  opts: TextOptions,
): Line[] {
  const spans = typeof text === 'string' ? [{ text }] : text;
  const widthOf = measurer(doc, fonts, opts.size);
  const lines: Line[] = [];
  for (const para of paragraphs(spans, opts.direction ?? 'auto')) {
    // Words: runs of non-space clusters; spaces between them keep their bidi level.
    const tokens: { pieces: Piece[]; width: number; space: boolean }[] = [];
    let word: Cluster[] = [];
    const flush = (): void => {
      if (!word.length) return;
      const pieces = piecesOf(word).map((p) => ({ ...p, width: widthOf(p.text, p.font) }));
      tokens.push({ pieces, width: pieces.reduce((s, p) => s + p.width, 0), space: false });
      word = [];
    };
    for (const c of para.clusters) {
      if (c.kind === 'space') {
        flush();
        const p: Piece = { ...c, width: widthOf(' ', 'latin') };
        tokens.push({ pieces: [p], width: p.width, space: true });
      } else word.push(c);
    }
    flush();
    let current: Piece[] = [];
    let used = 0;
    const endLine = (): void => {
      while (current.length && current[current.length - 1]?.kind === 'space') current.pop();
      lines.push({ pieces: current, rtl: para.rtl });
      current = [];
      used = 0;
    };
    for (const t of tokens) {
      if (t.space) {
        if (current.length) {
          current.push(...t.pieces);
          used += t.width;
        }
        continue;
      }
      if (used + t.width > opts.width && current.length) endLine();
      if (t.width <= opts.width) {
        current.push(...t.pieces);
        used += t.width;
        continue;
      }
      // A word longer than the line (a hash, a link): broken between clusters, each measured once.
      for (const p of t.pieces) {
        let chunk = '';
        let chunkW = 0;
        for (const { segment } of segmenter.segment(p.text)) {
          const w = widthOf(segment, p.font);
          if (used + chunkW + w > opts.width && (chunk || current.length)) {
            if (chunk) current.push({ ...p, text: chunk, width: chunkW });
            endLine();
            chunk = segment;
            chunkW = w;
          } else {
            chunk += segment;
            chunkW += w;
          }
        }
        if (chunk) {
          current.push({ ...p, text: chunk, width: chunkW });
          used += chunkW;
        }
      }
    }
    endLine();
  }
  return lines;
}

/** The height a text would take (no page breaks counted). */
export function textHeight(
  doc: PDFKit.PDFDocument,
  fonts: PackFonts,
  text: string | Span[],
  opts: TextOptions,
): number {
  const lines = layoutText(doc, fonts, text, opts);
  return lines.length * lineHeight(doc, fonts, opts);
}

function lineHeight(doc: PDFKit.PDFDocument, fonts: PackFonts, opts: TextOptions): number {
  const latin = fontMetrics(doc, fonts.latin, opts.size);
  return latin.ascent + latin.descent + (opts.lineGap ?? opts.size * 0.25);
}

/**
 * Draw text at doc.y, a line at a time, adding a page when a line would pass the bottom margin
 * (the document's pageAdded handlers draw headers and set doc.y). Leaves doc.x at opts.x and doc.y
 * below the last line; returns the number of lines drawn.
 */
export function drawText(doc: PDFKit.PDFDocument, fonts: PackFonts, text: string | Span[], opts: TextOptions): number {
  let lines = layoutText(doc, fonts, text, opts);
  let cut = false;
  if (opts.maxLines !== undefined && lines.length > opts.maxLines) {
    lines = lines.slice(0, Math.max(1, opts.maxLines));
    cut = true;
  }
  const latin = fontMetrics(doc, fonts.latin, opts.size);
  const height = lineHeight(doc, fonts, opts);
  lines.forEach((line, n) => {
    const bottom = opts.bottom ?? doc.page.height - doc.page.margins.bottom;
    if (doc.y + height > bottom) doc.addPage();
    const baseline = doc.y + latin.ascent;
    if (cut && n === lines.length - 1) {
      line.pieces.push({ text: ' …', font: 'latin', level: line.rtl ? 1 : 0, kind: 'word', width: 0 });
      const last = line.pieces[line.pieces.length - 1];
      if (last) last.width = doc.font(fonts.latin).fontSize(opts.size).widthOfString(last.text);
    }
    const visual = visualOrder(line.pieces);
    const total = visual.reduce((s, p) => s + p.width, 0);
    let x =
      opts.align === 'center'
        ? opts.x + (opts.width - total) / 2
        : line.rtl
          ? opts.x + Math.max(0, opts.width - total)
          : opts.x;
    const at = new Map<Piece, number>();
    for (const p of visual) {
      at.set(p, x);
      x += p.width;
    }
    // Drawn in reading order, each word by itself (see the head of this file).
    for (const p of line.pieces) {
      if (p.kind === 'space') continue;
      doc
        .font(fonts[p.font])
        .fontSize(opts.size)
        .text(drawnText(p), at.get(p) ?? opts.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
    doc.y = baseline - latin.ascent + height;
  });
  doc.x = opts.x;
  return lines.length;
}
