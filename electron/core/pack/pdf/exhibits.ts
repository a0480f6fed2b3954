/** The exhibit list, MG12-style: every exhibit's permanent reference, provenance and hashes. */
import { exhibitRefNumber } from '../../../../shared/ipc-pack.js';
import type { ExhibitDetails, ExtractedMetadata } from '../../../../shared/model.js';
import type { CaseExhibit } from '../casefile.js';
import { withheldLines } from '../contents.js';
import { sizeText, type Ctx } from './context.js';
import { MARGIN, type Pdf } from './layout.js';
import { measure, write } from './text.js';

export function howObtained(ctx: Ctx, d: ExhibitDetails | null): string {
  if (!d?.obtainedHow) return '';
  return d.obtainedHow === 'other'
    ? d.obtainedHowOther || ctx.t('pdf.exhibits.other')
    : ctx.w.obtainedHow[d.obtainedHow];
}

export function sourceText(ctx: Ctx, d: ExhibitDetails | null): string {
  if (!d) return '';
  const { t } = ctx;
  const s = d.source;
  return [
    s.platform && t('pdf.source.platform', { v: s.platform }),
    s.handle && t('pdf.source.account', { v: s.handle }),
    s.accountId && t('pdf.source.accountId', { v: s.accountId }),
    s.url,
    s.phone && t('pdf.source.phone', { v: s.phone }),
    s.email && t('pdf.source.email', { v: s.email }),
  ]
    .filter(Boolean)
    .join('; ');
}

/** What the file says about itself, one line each; the GPS position marked sensitive. */
export function captureLines(ctx: Ctx, m: ExtractedMetadata | null): [string, string][] {
  if (!m) return [];
  const { t, d } = ctx;
  const out: [string, string][] = [];
  if (m.capturedAt) out.push([t('pdf.capture.time'), d.clockReading(m.capturedAt)]);
  const cam = [
    m.camera?.make,
    m.camera?.model,
    m.camera?.software && t('pdf.capture.software', { v: m.camera.software }),
  ].filter(Boolean);
  if (cam.length) out.push([t('pdf.capture.device'), cam.join(', ')]);
  if (m.gps) out.push([t('pdf.capture.gps'), `${m.gps.latitude.toFixed(5)}, ${m.gps.longitude.toFixed(5)}`]);
  if (m.email) {
    if (m.email.date) out.push([t('pdf.capture.emailDate'), m.email.date]);
    if (m.email.from) out.push([t('pdf.capture.emailFrom'), m.email.from]);
    if (m.email.messageId) out.push([t('pdf.capture.emailId'), m.email.messageId]);
    const firstReceived = m.email.received?.[m.email.received.length - 1];
    if (firstReceived) out.push([t('pdf.capture.received'), firstReceived]);
  }
  if (m.pdf) {
    const bits = [
      m.pdf.title && t('pdf.capture.pdfTitle', { v: m.pdf.title }),
      m.pdf.author && t('pdf.capture.pdfAuthor', { v: m.pdf.author }),
      m.pdf.createdAt && t('pdf.capture.pdfMade', { v: d.ukInstant(m.pdf.createdAt) }),
    ];
    if (bits.some(Boolean)) out.push([t('pdf.capture.pdfSays'), bits.filter(Boolean).join('; ')]);
  }
  if (m.contentCredentials)
    out.push([
      t('pdf.capture.proof'),
      m.contentCredentials === 'c2pa' ? t('pdf.capture.c2pa') : t('pdf.capture.proofMode'),
    ]);
  for (const p of m.problems ?? []) out.push([t('pdf.capture.unreadable'), p]);
  return out;
}

export function exhibitList(pdf: Pdf, ctx: Ctx): void {
  const { c } = ctx;
  const doc = pdf.doc;
  pdf.page();
  pdf.title(ctx.t('pdf.exhibits.title'), ctx.t('pdf.exhibits.intro'));
  const width = pdf.width;
  const THUMB = 110;
  const num = (ref: string): number => exhibitRefNumber(ref) ?? 0;
  const gaps = [...c.withheldReferences];
  const gapsBefore = (n: number): void => {
    const due: typeof gaps = [];
    while (gaps.length && num(gaps[0]!.ref) < n) due.push(gaps.shift()!);
    for (const line of withheldLines(due, ctx.t)) {
      pdf.ensureSpace(30);
      write(doc, line, { font: pdf.f.bold, size: 10.5, x: MARGIN, width });
      pdf.rule();
    }
  };
  for (const e of [...c.exhibits].sort((a, b) => num(a.ref) - num(b.ref))) {
    gapsBefore(num(e.ref));
    exhibitEntry(pdf, ctx, e, THUMB);
  }
  gapsBefore(Number.POSITIVE_INFINITY);
  if (!c.exhibits.length) pdf.para(ctx.t('pdf.noExhibits'));
}

type Row = [name: string, value: string, mono?: boolean];

function exhibitEntry(pdf: Pdf, ctx: Ctx, e: CaseExhibit, THUMB: number): void {
  const doc = pdf.doc;
  const { t, d: dates } = ctx;
  const width = pdf.width;
  const extra = ctx.x.exhibits.get(e.exhibitId);
  const d = extra?.details ?? null;
  const thumb = ctx.thumbnails.get(e.exhibitId);
  const textWidth = thumb ? width - THUMB - 12 : width;
  const incident = `${ctx.incidentNo.get(e.incidentId) ?? '?'}`;
  const producedBy = d?.obtainedBy || ctx.x.producer.name || t('pdf.exhibits.theProducer');
  const rows: Row[] = [];
  if (e.physical) {
    // A physical item (issue 13): no file in the pack, so no hash; where it is kept.
    rows.push(
      [t('pdf.label.description'), e.physical.description || d?.description || ''],
      [t('pdf.exhibits.item'), e.originalName],
      [t('pdf.exhibits.type'), t('pdf.exhibits.physicalType')],
      [t('pdf.exhibits.keptAt'), e.physical.keptAt],
      [t('pdf.exhibits.handledBy'), e.physical.handledBy],
      [t('pdf.exhibits.producedBy'), producedBy],
      [t('pdf.exhibits.whenHow'), [dates.ukGiven(d?.obtainedAt ?? ''), howObtained(ctx, d)].filter(Boolean).join('; ')],
      [t('pdf.exhibits.added'), dates.ukInstant(e.importedAt)],
      [t('pdf.exhibits.incident'), incident],
    );
  } else {
    rows.push(
      [t('pdf.label.description'), d?.description ?? ''],
      [t('pdf.exhibits.type'), t('pdf.exhibits.digitalType', { type: e.mediaType || t('pdf.exhibits.typeUnknown') })],
      [t('pdf.exhibits.producedBy'), producedBy],
      [t('pdf.exhibits.whenObtained'), dates.ukGiven(d?.obtainedAt ?? '')],
      [t('pdf.exhibits.howObtained'), howObtained(ctx, d)],
      [t('pdf.exhibits.source'), sourceText(ctx, d)],
      [t('pdf.exhibits.originalNow'), d?.originalLocation ?? ''],
      [t('pdf.exhibits.incident'), incident],
      [t('pdf.exhibits.originalName'), e.originalName],
      [t('pdf.exhibits.fileInPack'), e.path],
      [t('pdf.exhibits.size'), sizeText(ctx, e.size)],
      ['SHA-256', e.sha256, true],
      [t('pdf.exhibits.imported'), dates.ukInstant(e.importedAt)],
      [t('pdf.exhibits.modified'), dates.ukInstant(e.fileModifiedAt)],
      ...captureLines(ctx, extra?.extracted ?? null),
    );
    if (e.hasGpsPosition) rows.push([t('pdf.exhibits.note'), t('pdf.exhibits.gpsNote')]);
    rows.push([t('pdf.exhibits.changedByMe'), d ? d.changedByMe || t('pdf.exhibits.noChange') : '']);
    for (const a of e.attachments ?? []) {
      rows.push([
        t('pdf.exhibits.attachment', { ref: a.ref }),
        `${a.filename || t('pdf.person.noName')} (${a.mediaType}, ${sizeText(ctx, a.size)})`,
      ]);
      rows.push([t('pdf.exhibits.attachmentHash', { ref: a.ref }), a.sha256, true]);
    }
    if (e.attachmentsProblem) rows.push([t('pdf.exhibits.attachments'), e.attachmentsProblem]);
  }
  const shown = rows.filter(([, v]) => v);
  const height =
    20 +
    shown.reduce((h, [n, v]) => h + measure(doc, `${n}: ${v}`, { font: pdf.f.reg, size: 9, width: textWidth }) + 1, 0);
  pdf.ensureSpace(Math.min(Math.max(height, thumb ? THUMB + 20 : 0), pdf.bottom - 60));
  const top = doc.y;
  write(doc, t('pdf.exhibits.heading', { ref: e.ref }), {
    font: pdf.f.bold,
    size: 12,
    x: MARGIN,
    y: top,
    width: textWidth,
  });
  for (const [name, value, mono] of shown) {
    if (mono) {
      write(doc, `${name}:`, { font: pdf.f.bold, size: 9, x: MARGIN, width: textWidth });
      write(doc, value, { font: pdf.f.mono, size: 8, x: MARGIN, width: textWidth });
      continue;
    }
    // Never break a page inside "continued" text: the page's footer would be written into it.
    pdf.ensureSpace(measure(doc, `${name}: ${value}`, { font: pdf.f.reg, size: 9, width: textWidth }) + 9);
    write(doc, `${name}: `, { font: pdf.f.bold, size: 9, x: MARGIN, width: textWidth, continued: true });
    write(doc, value, { font: pdf.f.reg, size: 9, width: textWidth });
  }
  let bottom = doc.y;
  if (thumb && doc.y > top) {
    try {
      doc.image(thumb, MARGIN + width - THUMB, top, { fit: [THUMB, THUMB], align: 'center' });
      doc
        .rect(MARGIN + width - THUMB, top, THUMB, THUMB)
        .lineWidth(0.5)
        .strokeColor('#000000')
        .stroke();
      bottom = Math.max(bottom, top + THUMB + 4);
    } catch {
      // Not an image pdfkit can draw: no thumbnail.
    }
  }
  doc.x = MARGIN;
  doc.y = bottom;
  pdf.rule();
}
