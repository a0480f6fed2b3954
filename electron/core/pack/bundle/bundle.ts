// Over 400 lines: one document's page flow (cover, then each exhibit's labelled pages) with one renderer per kind of exhibit; the kinds' readers live beside it (mail.ts, chat.ts, pdf-pages.ts).
/**
 * data/exhibit-bundle.pdf (issue 14, item 6): every exhibit of the pack on its own labelled pages,
 * in reference order. Images at the page's width (JPEG and PNG as they are; a tall screenshot goes
 * on over as many pages as it needs), e-mails as text with their headers (nothing fetched, no HTML
 * drawn), chat exports as transcripts, PDF exhibits' pages drawn in, physical items as a page that
 * says where the item is kept, anything else as a page that says to open the original. Every page
 * is headed with the exhibit's reference, description and SHA-256, and "Copy rendered for reading;
 * the original file is data/exhibits/…": the files are the evidence, the bundle is for reading.
 *
 * Made as a stream (pdfkit): each exhibit is read from the vault when its turn comes, drawn, and
 * its bytes let go before the next, so the bundle of a 1 GiB pack never holds more than one
 * exhibit (and the sink's buffer) in memory. A file that cannot be drawn gets a page saying why;
 * the bundle, and the export, go on.
 */
import { inflateSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { exhibitRefNumber } from '../../../../shared/ipc-pack.js';
import type { CaseExhibit, CaseFile } from '../casefile.js';
import { withheldLines } from '../contents.js';
import { drawText, registerPackFonts, type PackFonts, type Span, type TextOptions } from '../text.js';
import { chatTranscript } from './chat.js';
import { mailForReading, MAIL_READ_MAX } from './mail.js';
import { drawPdfPage, openPdf, PDF_MAX_PAGES, PDF_RENDER_MAX_BYTES, PdfUnreadable } from './pdf-pages.js';
import { ukInstant } from './words.js';
import { datesIn } from '../pdf/when.js';
import { humanSize, packText, type PackId, type PackText, type PackValues } from '../words/index.js';

/** Images larger than this are not read into memory for the bundle (the page says so). */
export const IMAGE_RENDER_MAX_BYTES = 64 * 1024 * 1024;
/** PNGs pdfkit must decode (alpha, transparency, interlace) above this many pixels are not drawn. */
export const PNG_DECODE_MAX_PIXELS = 24_000_000;
/** Text (chat exports, e-mail bodies) drawn per exhibit, in characters; the rest is named. */
export const TEXT_RENDER_MAX_CHARS = 300_000;
const TEXT_READ_MAX = 8 * 1024 * 1024;
/** One line of a transcript drawn up to this many characters. */
const LINE_RENDER_MAX_CHARS = 8_000;
/** The document's own buffer is let drain below this before the next exhibit is read. */
const DRAIN_BELOW = 4 * 1024 * 1024;

/** What e-mail mode does with an image: a smaller copy, or left out with why. */
export type FittedImage = { bytes: Buffer; note: string } | { leftOut: string };

export interface BundleInput {
  caseFile: CaseFile;
  /** Opens an exhibit's bytes (the vault's stream, checked against its SHA-256 as it is read). */
  open: (exhibitId: string) => Readable;
  /** The producer's description of each exhibit, by exhibit id. */
  descriptions?: ReadonlyMap<string, string>;
  signal?: AbortSignal;
  /** Title of the first page (default "Exhibit bundle"). */
  title?: string;
  /** E-mail mode: how each JPEG/PNG is fitted to the size limit. */
  fitImage?: (e: CaseExhibit, bytes: Buffer) => Promise<FittedImage>;
  /** E-mail mode: whether a PDF exhibit of this size still fits (else left out with the reason given). */
  fitPdf?: (e: CaseExhibit) => string | null;
  /** Said after "the original file is data/exhibits/…" on every page (e-mail mode: where that file is). */
  originalWhere?: string;
  /**
   * An exhibit's bytes could not be read (the vault's stream failed, e.g. its hash): a line to put
   * on its page and go on, or null to stop the bundle with that error (the default).
   */
  onReadError?: (e: CaseExhibit, err: unknown) => string | null;
  /** Told of each exhibit that gets a page saying why it is not drawn (damaged, too large, a video…). */
  onNotDrawn?: (ref: string) => void;
  /** Told of each exhibit as it is drawn. */
  onExhibit?: (done: number, total: number, ref: string) => void;
}

interface PdfKitImage {
  width: number;
  height: number;
  orientation?: number;
  image?: {
    hasAlphaChannel?: boolean;
    interlaceMethod?: number;
    transparency?: { indexed?: unknown };
    imgData?: Uint8Array;
  };
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const HEADER_SPACE = 12;
const FOOTER = 28;

function num(ref: string): number {
  return exhibitRefNumber(ref) ?? 0;
}

async function readAll(stream: Readable, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      n += b.length;
      if (n > max) throw new Error('larger than its recorded size');
      parts.push(b);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts);
}

/** Wait until the document's unread output is small (pdfkit pushes without waiting for its reader). */
async function drain(doc: PDFKit.PDFDocument, signal?: AbortSignal): Promise<void> {
  const r = doc as unknown as Readable;
  while (r.readableLength > DRAIN_BELOW && !r.destroyed && !signal?.aborted) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * The bundle as a stream of PDF bytes, for the pack's sink. It fails (and the export with it) only
 * when cancelled or when the vault's stream of an exhibit fails its hash: a file that cannot be
 * drawn gets a page saying so.
 */
export function bundleStream(input: BundleInput): Readable {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
    info: {
      Title: packText(input.caseFile.language)('bundle.info.title', {
        title: input.title ?? packText(input.caseFile.language)('bundle.title'),
        packId: input.caseFile.packId,
      }),
      Author: input.caseFile.producer.name || packText(input.caseFile.language)('pdf.info.author'),
      Creator: input.caseFile.software,
      CreationDate: new Date(input.caseFile.createdAt),
    },
  });
  void new BundleWriter(doc, input).write().then(
    () => doc.end(),
    (e: unknown) => (doc as unknown as Readable).destroy(e instanceof Error ? e : new Error(String(e))),
  );
  return doc as unknown as Readable;
}

/** The whole bundle in memory (e-mail mode, tests). */
export async function bundlePdf(input: BundleInput): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of bundleStream(input)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

interface Heading {
  ref: string;
  title: string;
  sha256: string;
  path: string;
  page: number;
}

class BundleWriter {
  private readonly fonts: PackFonts;
  private readonly width = A4.width - 2 * MARGIN;
  private heading: Heading | null = null;
  private pages = 0;
  private xobjects = 0;
  /** The pack's words and UK times in its language (case.json's). */
  private readonly t: PackText;
  private readonly when: (iso: string) => string;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly input: BundleInput,
  ) {
    const lang = input.caseFile.language ?? 'en';
    this.t = packText(lang);
    this.when = lang === 'en' ? ukInstant : (iso) => datesIn(lang).ukInstant(iso);
    this.fonts = registerPackFonts(doc);
    doc.on('pageAdded', () => this.pageStarted());
  }

  private get bottom(): number {
    return A4.height - MARGIN - FOOTER;
  }

  private opts(size: number, extra: Partial<TextOptions> = {}): TextOptions {
    return { x: MARGIN, width: this.width, size, ...extra };
  }

  private text(t: string | Span[], size = 10, extra: Partial<TextOptions> = {}): void {
    drawText(this.doc, this.fonts, t, this.opts(size, extra));
  }

  private gap(points: number): void {
    this.doc.y += points;
  }

  private rule(): void {
    const y = this.doc.y + 3;
    this.doc
      .lineWidth(0.5)
      .strokeColor('#000000')
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .stroke();
    this.doc.y = y + 6;
  }

  /** Footer, and the exhibit's header on every one of its pages. */
  private pageStarted(): void {
    const doc = this.doc;
    this.pages++;
    const h = this.heading;
    if (h) h.page++;
    doc.y = A4.height - MARGIN - 12;
    drawText(
      doc,
      this.fonts,
      this.t('bundle.footer', {
        packId: this.input.caseFile.packId,
        exhibit: h ? this.t('bundle.footer.exhibit', { ref: h.ref, page: h.page }) : '',
        page: this.pages,
      }),
      this.opts(8, { align: 'center', bottom: A4.height }),
    );
    doc.y = MARGIN;
    if (!h) return;
    this.text(
      [{ text: this.t('pdf.exhibits.heading', { ref: h.ref }), bold: true }, { text: h.title ? `: ${h.title}` : '' }],
      11,
      {
        maxLines: 2,
      },
    );
    this.text(
      [
        { text: 'SHA-256 ', bold: true },
        { text: h.sha256 || this.t('bundle.noHash'), mono: Boolean(h.sha256) },
      ],
      8,
    );
    this.text(
      h.path
        ? `${this.t('bundle.copyNotice', { path: h.path })}${this.input.originalWhere ?? ''}`
        : this.t('bundle.physicalNotice'),
      8,
    );
    this.rule();
    doc.y += HEADER_SPACE - 6;
  }

  private room(): number {
    return this.bottom - this.doc.y;
  }

  async write(): Promise<void> {
    const { caseFile: c, signal } = this.input;
    this.cover();
    const exhibits = [...c.exhibits].sort((a, b) => num(a.ref) - num(b.ref));
    let done = 0;
    for (const e of exhibits) {
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
      this.input.onExhibit?.(done, exhibits.length, e.ref);
      this.heading = {
        ref: e.ref,
        title: this.input.descriptions?.get(e.exhibitId) || e.originalName,
        sha256: e.sha256,
        path: e.path,
        page: 0,
      };
      this.doc.addPage();
      try {
        await this.exhibit(e);
      } catch (err) {
        const line = signal?.aborted ? null : (this.input.onReadError?.(e, err) ?? null);
        if (line === null) throw err;
        this.notice([line]);
      }
      this.heading = null;
      done++;
      await drain(this.doc, signal);
    }
    this.input.onExhibit?.(done, exhibits.length, '');
  }

  private cover(): void {
    const c = this.input.caseFile;
    this.doc.addPage();
    this.text(this.input.title ?? this.t('bundle.title'), 22, { direction: 'ltr' });
    this.gap(4);
    this.text(this.t('viewer.js.title', { packId: c.packId }), 12);
    this.gap(8);
    this.text(this.t('bundle.cover'), 10);
    this.gap(10);
    this.text([{ text: this.t('bundle.made'), bold: true }, { text: this.when(c.createdAt) }], 10);
    if (c.producer.name) this.text([{ text: this.t('bundle.by'), bold: true }, { text: c.producer.name }], 10);
    this.gap(10);
    this.text(this.t('bundle.inThis'), 13);
    this.gap(4);
    const gaps = [...c.withheldReferences];
    const gapsBefore = (n: number): void => {
      const due: typeof gaps = [];
      while (gaps.length && num(gaps[0]?.ref ?? '') < n) {
        const g = gaps.shift();
        if (g) due.push(g);
      }
      for (const line of withheldLines(due, this.t)) this.text(line, 9.5);
    };
    for (const e of [...c.exhibits].sort((a, b) => num(a.ref) - num(b.ref))) {
      gapsBefore(num(e.ref));
      const what = this.input.descriptions?.get(e.exhibitId) || e.originalName;
      this.text([{ text: `${e.ref}  `, bold: true }, { text: what }, { text: `  (${this.t(kindWords(e))})` }], 9.5, {
        maxLines: 2,
      });
    }
    gapsBefore(Number.POSITIVE_INFINITY);
    if (!c.exhibits.length) this.text(this.t('bundle.noExhibits'), 10);
  }

  /** A page's worth of plain words under the header: why a file is not drawn, what to open instead. */
  private notice(lines: (string | Span[])[]): void {
    if (this.heading) this.input.onNotDrawn?.(this.heading.ref);
    this.gap(6);
    for (const l of lines) {
      this.text(l, 10.5);
      this.gap(4);
    }
  }

  private details(e: CaseExhibit): void {
    const parts: Span[] = [
      { text: this.t('bundle.file'), bold: true },
      {
        text: `${e.originalName} · ${e.mediaType || this.t('bundle.unknownType')} · ${humanSize(this.input.caseFile.language ?? 'en', e.size)}`,
      },
    ];
    this.text(parts, 9);
    this.text([{ text: this.t('bundle.imported'), bold: true }, { text: this.when(e.importedAt) }], 9);
    this.gap(6);
  }

  private async exhibit(e: CaseExhibit): Promise<void> {
    if (e.kind === 'physical' || e.physical) return this.physical(e);
    this.details(e);
    const type = e.mediaType;
    if (/^image\/(jpeg|png)$/.test(type)) return this.image(e);
    if (type === 'message/rfc822') return this.mail(e);
    if (type === 'application/pdf') return this.pdf(e);
    if (type.startsWith('text/') || type === 'application/json') return this.transcript(e);
    this.notice([
      this.t('bundle.notRendered', { type: type || this.t('bundle.unknownType') }),
      this.t('bundle.openWithProgram', { path: e.path }),
    ]);
  }

  private physical(e: CaseExhibit): void {
    const p = e.physical;
    this.gap(4);
    this.text([{ text: this.t('bundle.physical'), bold: true }, { text: e.originalName }], 11);
    this.gap(4);
    if (p?.keptAt) this.text([{ text: this.t('bundle.keptAt'), bold: true }, { text: p.keptAt }], 10.5);
    if (p?.handledBy) this.text([{ text: this.t('bundle.handledBy'), bold: true }, { text: p.handledBy }], 10.5);
    if (p?.description) {
      this.gap(4);
      this.text([{ text: this.t('bundle.description'), bold: true }, { text: p.description }], 10.5);
    }
    this.text([{ text: this.t('bundle.added'), bold: true }, { text: this.when(e.importedAt) }], 10.5);
    this.gap(8);
    this.text(this.t('bundle.noFile'), 10);
  }

  private async bytesOf(e: CaseExhibit, max: number): Promise<Buffer | null> {
    if (e.size > max) return null;
    return readAll(this.input.open(e.exhibitId), Math.max(e.size, 1));
  }

  private async image(e: CaseExhibit): Promise<void> {
    let bytes = await this.bytesOf(e, IMAGE_RENDER_MAX_BYTES);
    if (!bytes) {
      this.notice([
        this.t('bundle.tooLarge.image', { size: humanSize(this.input.caseFile.language ?? 'en', e.size) }),
        this.t('bundle.open', { path: e.path }),
      ]);
      return;
    }
    let note = '';
    if (this.input.fitImage) {
      const fitted = await this.input.fitImage(e, bytes);
      if ('leftOut' in fitted) {
        this.notice([fitted.leftOut, this.t('bundle.originalHash', { path: e.path })]);
        return;
      }
      bytes = fitted.bytes;
      note = fitted.note;
    }
    let img: PdfKitImage;
    try {
      img = (this.doc as unknown as { openImage(b: Buffer): PdfKitImage }).openImage(bytes);
      checkPng(img);
    } catch (err) {
      const why = err instanceof TooLarge ? this.t(err.id, err.values) : this.t('bundle.image.damaged');
      this.notice([this.t('bundle.imageFailed', { why }), this.t('bundle.openToSee', { path: e.path })]);
      return;
    }
    bytes = null; // pdfkit holds what it needs until the image is written
    const turned = (img.orientation ?? 1) >= 5;
    const pxW = turned ? img.height : img.width;
    const pxH = turned ? img.width : img.height;
    const caption = this.t('bundle.pixels', { w: pxW, h: pxH, note: note ? `; ${note}` : '' });
    this.text(caption, 8.5);
    this.gap(2);
    const scale = this.width / Math.max(1, pxW);
    const fullH = pxH * scale;
    let shown = 0;
    // A tall image (a long screenshot) goes on page after page, each showing the next slice.
    for (let slice = 0; shown < fullH - 0.5; slice++) {
      if (slice > 0 || this.room() < Math.min(fullH, 120)) this.doc.addPage();
      const top = this.doc.y;
      // When more is to come, a line under the slice says so.
      const h = fullH - shown <= this.room() ? fullH - shown : this.room() - 14;
      const doc = this.doc;
      doc.save();
      doc.rect(MARGIN, top, this.width, h).clip();
      (doc as unknown as { image(i: PdfKitImage, x: number, y: number, o: { width: number }): void }).image(
        img,
        MARGIN,
        top - shown,
        { width: this.width },
      );
      doc.restore();
      doc.lineWidth(0.5).strokeColor('#000000').rect(MARGIN, top, this.width, h).stroke();
      shown += h;
      doc.y = top + h + 4;
      if (shown < fullH - 0.5) this.text(this.t('bundle.continues'), 8, { bottom: A4.height });
      if (slice > 400) break;
    }
  }

  private async mail(e: CaseExhibit): Promise<void> {
    const bytes = await this.bytesOf(e, MAIL_READ_MAX);
    if (!bytes) {
      this.notice([
        this.t('bundle.tooLarge.email', { size: humanSize(this.input.caseFile.language ?? 'en', e.size) }),
        this.t('bundle.openMail', { path: e.path }),
      ]);
      return;
    }
    const mail = await mailForReading(bytes, this.input.caseFile.language ?? 'en');
    if (!mail.ok) {
      this.notice([this.t('bundle.mailFailed', { why: mail.problem }), this.t('bundle.openMail', { path: e.path })]);
      return;
    }
    for (const [name, value] of mail.headers) {
      this.text([{ text: `${name}: `, bold: true }, { text: value }], 9.5, { maxLines: 6 });
    }
    this.gap(4);
    this.rule();
    if (mail.fromHtml) this.text(this.t('bundle.htmlOnly'), 8.5);
    this.bodyText(mail.body, e);
    const atts = e.attachments ?? [];
    if (atts.length || e.attachmentsProblem || mail.attachmentNames.length) {
      this.gap(6);
      this.text(this.t('bundle.attachments'), 10.5);
      for (const a of atts) {
        this.text(
          [
            { text: `${a.ref} `, bold: true },
            {
              text: `${a.filename || this.t('pdf.person.noName')} · ${a.mediaType} · ${humanSize(this.input.caseFile.language ?? 'en', a.size)} · SHA-256 `,
            },
            { text: a.sha256, mono: true },
          ],
          8.5,
        );
      }
      if (!atts.length) for (const n of mail.attachmentNames) this.text(`• ${n}`, 9);
      if (e.attachmentsProblem) this.text(e.attachmentsProblem, 9);
    }
  }

  private bodyText(body: string, e: CaseExhibit): void {
    const text = body.length > TEXT_RENDER_MAX_CHARS ? body.slice(0, TEXT_RENDER_MAX_CHARS) : body;
    if (!text.trim()) this.text(this.t('bundle.noText'), 9.5);
    else this.text(text, 9.5);
    if (body.length > TEXT_RENDER_MAX_CHARS) {
      this.gap(4);
      this.text(
        this.t('bundle.textGoesOn', {
          n: (body.length - TEXT_RENDER_MAX_CHARS).toLocaleString('en-GB'),
          path: e.path,
        }),
        9.5,
      );
    }
  }

  private async transcript(e: CaseExhibit): Promise<void> {
    const bytes = await this.bytesOf(e, TEXT_READ_MAX);
    if (!bytes) {
      this.notice([
        this.t('bundle.tooLarge.text', { size: humanSize(this.input.caseFile.language ?? 'en', e.size) }),
        this.t('bundle.open', { path: e.path }),
      ]);
      return;
    }
    const t = chatTranscript(bytes, e.originalName, this.t);
    if (t.kind) this.text(this.t('bundle.shownAs', { kind: t.kind }), 8.5);
    this.gap(2);
    let chars = 0;
    for (const line of t.lines) {
      if (chars > TEXT_RENDER_MAX_CHARS) {
        this.gap(4);
        this.text(this.t('bundle.transcriptGoesOn', { path: e.path }), 9.5);
        break;
      }
      const length = line.reduce((s, x) => s + x.text.length, 0);
      chars += length;
      if (length > LINE_RENDER_MAX_CHARS) {
        // One enormous line (a minified export, a flood of one character): its start, and where the rest is.
        let left = LINE_RENDER_MAX_CHARS;
        const start = line.map((x) => {
          const t = x.text.slice(0, Math.max(0, left));
          left -= t.length;
          return { ...x, text: t };
        });
        this.text(start, 9.5);
        this.text(this.t('bundle.lineGoesOn', { n: (length - LINE_RENDER_MAX_CHARS).toLocaleString('en-GB') }), 8.5);
        continue;
      }
      this.text(line, 9.5);
    }
    if (!t.lines.length) this.text(this.t('bundle.fileNoText'), 9.5);
  }

  private async pdf(e: CaseExhibit): Promise<void> {
    const refused = this.input.fitPdf?.(e);
    if (refused) {
      this.notice([refused, this.t('bundle.originalHash', { path: e.path })]);
      return;
    }
    const bytes = await this.bytesOf(e, PDF_RENDER_MAX_BYTES);
    if (!bytes) {
      this.notice([
        this.t('bundle.tooLarge.pdf', { size: humanSize(this.input.caseFile.language ?? 'en', e.size) }),
        this.t('bundle.open', { path: e.path }),
      ]);
      return;
    }
    let opened;
    try {
      opened = await openPdf(bytes);
    } catch (err) {
      const why = err instanceof PdfUnreadable ? this.t(err.id) : this.t('bundle.pdf.unread');
      this.notice([this.t('bundle.pdfFailed', { why }), this.t('bundle.openToRead', { path: e.path })]);
      return;
    }
    const count = Math.min(opened.pageCount, PDF_MAX_PAGES);
    for (let i = 0; i < count; i++) {
      const page = opened.pages[i];
      if (!page) break;
      if (i > 0) this.doc.addPage();
      this.text(this.t('bundle.pdfPage', { n: i + 1, of: opened.pageCount }), 8.5);
      this.gap(2);
      try {
        drawPdfPage(
          this.doc,
          page,
          { x: MARGIN, y: this.doc.y, width: this.width, height: this.room() - 2 },
          `EVB${++this.xobjects}`,
        );
      } catch (err) {
        const why = err instanceof PdfUnreadable ? this.t(err.id) : this.t('bundle.pdf.pageUnread');
        this.notice([this.t('bundle.pageFailed', { n: i + 1, why }), this.t('bundle.openToRead', { path: e.path })]);
        return;
      }
    }
    if (opened.pageCount > count) {
      this.doc.addPage();
      this.notice([this.t('bundle.pdfFirst', { pages: opened.pageCount, count, path: e.path })]);
    }
  }
}

/** A picture too large to draw: `id` words it in the pack's language (the message is the English). */
class TooLarge extends Error {
  constructor(
    readonly id: PackId,
    readonly values: PackValues,
  ) {
    super(packText('en')(id, values));
  }
}

/** pdfkit decodes some PNGs itself, in a callback that would end the process on a damaged file: checked here first. */
function checkPng(img: PdfKitImage): void {
  const png = img.image;
  if (!png || !('imgData' in png)) return;
  const decodes = Boolean(png.hasAlphaChannel || png.transparency?.indexed || png.interlaceMethod === 1);
  if (!decodes) return;
  if (img.width * img.height > PNG_DECODE_MAX_PIXELS)
    throw new TooLarge('bundle.image.tooManyPixels', { w: img.width, h: img.height });
  inflateSync(png.imgData ?? new Uint8Array(0), { maxOutputLength: img.width * img.height * 8 + img.height + 1024 });
}

function kindWords(e: CaseExhibit): PackId {
  if (e.kind === 'physical' || e.physical) return 'bundle.kind.physical';
  const t = e.mediaType;
  if (/^image\/(jpeg|png)$/.test(t)) return 'bundle.kind.image';
  if (t.startsWith('image/')) return 'bundle.kind.imageNot';
  if (t === 'message/rfc822') return 'bundle.kind.email';
  if (t === 'application/pdf') return 'bundle.kind.pdf';
  if (t.startsWith('text/') || t === 'application/json') return 'bundle.kind.text';
  if (t.startsWith('video/')) return 'bundle.kind.video';
  if (t.startsWith('audio/')) return 'bundle.kind.audio';
  return 'bundle.kind.file';
}
