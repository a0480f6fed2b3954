/**
 * data/chronology.pdf (pdfkit), for police and the CPS (issue 14), one file per section:
 * summary for police, course-of-conduct table, chronology, people, exhibit list (MG12-style),
 * statement aid, activity log, disclosure note, earlier wordings, how to check the pack.
 * "Page X of Y" on every page. Black text on white, no meaning carried by colour, so it reads the
 * same printed in black and white. Text goes through ./text.ts write().
 */
import PDFDocument from 'pdfkit';
import type { Language } from '../../../../shared/language.js';
import type { CaseFile } from '../casefile.js';
import { extrasFromCaseFile, type PdfExtras } from './gather.js';
import { makeCtx } from './context.js';
import { MARGIN, Pdf, registerFonts } from './layout.js';
import { write } from './text.js';
import { packText } from '../words/index.js';
import { summary } from './summary.js';
import { conductTable } from './conduct.js';
import { chronology } from './chronology.js';
import { peopleSheets } from './people.js';
import { exhibitList } from './exhibits.js';
import { statementAid } from './statement.js';
import { activityLog } from './activity.js';
import { disclosureNote } from './disclosure.js';
import { checkingThePack, earlierWordings } from './annex.js';

export { gatherExtras, type PdfExtras } from './gather.js';

export interface PdfInput {
  caseFile: CaseFile;
  exhibitListSha256: string;
  /** Image bytes (PNG/JPEG) per exhibit id, for thumbnails. */
  thumbnails: Map<string, Buffer>;
  /** What the vault holds beyond case.json (./gather.ts); without it, what the case file alone gives. */
  extras?: PdfExtras;
  /** The language of its words (English when not given). */
  language?: Language;
}

/**
 * Made in two passes so no page has to be kept in memory: the first only counts the pages (its
 * output is dropped), the second writes "Page X of Y" on each page as it begins. Both passes lay
 * out the same text, so they break pages in the same places.
 */
export async function chronologyPdf(input: PdfInput): Promise<Buffer> {
  const first = await render(input, null);
  const second = await render(input, first.pages);
  if (second.pages !== first.pages) return (await render(input, second.pages)).pdf;
  return second.pdf;
}

function render(input: PdfInput, totalPages: number | null): Promise<{ pages: number; pdf: Buffer }> {
  const { caseFile: c } = input;
  const extras = input.extras ?? extrasFromCaseFile(c);
  const lang = input.language ?? c.language ?? 'en';
  const t = packText(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    info: {
      Title: t('pdf.info.title', { packId: c.packId }),
      Author: extras.producer.name || t('pdf.info.author'),
      Creator: c.software,
      CreationDate: new Date(c.createdAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => {
    if (totalPages !== null) chunks.push(b);
  });
  let pages = 0;
  const finished = new Promise<{ pages: number; pdf: Buffer }>((resolve, reject) => {
    doc.on('end', () => resolve({ pages, pdf: Buffer.concat(chunks) }));
    doc.on('error', reject);
  });
  const fonts = registerFonts(doc);
  const pdf = new Pdf(doc, fonts);

  // "Page X of Y" at the foot of each page, written as the page begins; the text state of
  // whatever is being laid out (font, size, position) is put back afterwards.
  const footer = (): void => {
    pages++;
    const state = doc as unknown as { _font: unknown; _fontSize: number };
    const saved = { font: state._font, size: state._fontSize, x: doc.x, y: doc.y };
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    write(doc, t('pdf.footer', { packId: c.packId, page: pages, pages: totalPages ?? '?' }), {
      font: fonts.reg,
      size: 8.5,
      x: MARGIN,
      y: doc.page.height - MARGIN,
      width: doc.page.width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
    doc.fillColor('#000000');
    doc.page.margins.bottom = bottom;
    state._font = saved.font;
    state._fontSize = saved.size;
    doc.x = saved.x;
    doc.y = saved.y;
  };
  footer();
  doc.on('pageAdded', footer);

  const ctx = makeCtx(c, extras, input.exhibitListSha256, input.thumbnails, lang);
  summary(pdf, ctx);
  conductTable(pdf, ctx);
  chronology(pdf, ctx);
  peopleSheets(pdf, ctx);
  exhibitList(pdf, ctx);
  statementAid(pdf, ctx);
  activityLog(pdf, ctx);
  disclosureNote(pdf, ctx);
  earlierWordings(pdf, ctx);
  checkingThePack(pdf, ctx);

  doc.end();
  return finished;
}
