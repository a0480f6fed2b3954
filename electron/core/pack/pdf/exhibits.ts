/** The exhibit list, MG12-style: every exhibit's permanent reference, provenance and hashes. */
import { exhibitRefNumber } from '../../../../shared/ipc-pack.js';
import { OBTAINED_HOW_LABELS, type ExhibitDetails, type ExtractedMetadata } from '../../../../shared/model.js';
import { humanBytes, type CaseExhibit } from '../casefile.js';
import { withheldLines } from '../contents.js';
import type { Ctx } from './context.js';
import { MARGIN, type Pdf } from './layout.js';
import { measure, write } from './text.js';
import { clockReading, ukGiven, ukInstant } from './when.js';

export function howObtained(d: ExhibitDetails | null): string {
  if (!d?.obtainedHow) return '';
  return d.obtainedHow === 'other' ? d.obtainedHowOther || 'Other' : OBTAINED_HOW_LABELS[d.obtainedHow];
}

export function sourceText(d: ExhibitDetails | null): string {
  if (!d) return '';
  const s = d.source;
  return [
    s.platform && `platform ${s.platform}`,
    s.handle && `account ${s.handle}`,
    s.accountId && `account id ${s.accountId}`,
    s.url,
    s.phone && `phone ${s.phone}`,
    s.email && `e-mail ${s.email}`,
  ]
    .filter(Boolean)
    .join('; ');
}

/** What the file says about itself, one line each; the GPS position marked sensitive. */
export function captureLines(m: ExtractedMetadata | null): [string, string][] {
  if (!m) return [];
  const out: [string, string][] = [];
  if (m.capturedAt) out.push(['Capture time the file gives', clockReading(m.capturedAt)]);
  const cam = [m.camera?.make, m.camera?.model, m.camera?.software && `software ${m.camera.software}`].filter(Boolean);
  if (cam.length) out.push(['Device the file names', cam.join(', ')]);
  if (m.gps)
    out.push([
      'GPS position in the file (SENSITIVE: it can show where the producer lives or was)',
      `${m.gps.latitude.toFixed(5)}, ${m.gps.longitude.toFixed(5)}`,
    ]);
  if (m.email) {
    if (m.email.date) out.push(['E-mail Date header', m.email.date]);
    if (m.email.from) out.push(['E-mail From', m.email.from]);
    if (m.email.messageId) out.push(['E-mail Message-ID', m.email.messageId]);
    const firstReceived = m.email.received?.[m.email.received.length - 1];
    if (firstReceived) out.push(['First Received header', firstReceived]);
  }
  if (m.pdf) {
    const bits = [
      m.pdf.title && `title ${m.pdf.title}`,
      m.pdf.author && `author ${m.pdf.author}`,
      m.pdf.createdAt && `made ${ukInstant(m.pdf.createdAt)}`,
    ];
    if (bits.some(Boolean)) out.push(['The PDF says', bits.filter(Boolean).join('; ')]);
  }
  if (m.contentCredentials)
    out.push([
      'Capture proof present (not checked)',
      m.contentCredentials === 'c2pa' ? 'C2PA content credentials' : 'ProofMode bundle',
    ]);
  for (const p of m.problems ?? []) out.push(['Could not be read', p]);
  return out;
}

export function exhibitList(pdf: Pdf, ctx: Ctx): void {
  const { c } = ctx;
  const doc = pdf.doc;
  pdf.page();
  pdf.title(
    'Exhibit list',
    'MG12-style. References are permanent: each names one item for good, in every pack; a reference not in this pack is listed where it would be, with why. Each exhibit file is byte-for-byte the file imported on the date shown; screenshots, scans and exports are copies the producer made.',
  );
  const width = pdf.width;
  const THUMB = 110;
  const num = (ref: string): number => exhibitRefNumber(ref) ?? 0;
  const gaps = [...c.withheldReferences];
  const gapsBefore = (n: number): void => {
    const due: typeof gaps = [];
    while (gaps.length && num(gaps[0]!.ref) < n) due.push(gaps.shift()!);
    for (const line of withheldLines(due)) {
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
  if (!c.exhibits.length) pdf.para('No exhibits.');
}

type Row = [name: string, value: string, mono?: boolean];

function exhibitEntry(pdf: Pdf, ctx: Ctx, e: CaseExhibit, THUMB: number): void {
  const doc = pdf.doc;
  const width = pdf.width;
  const extra = ctx.x.exhibits.get(e.exhibitId);
  const d = extra?.details ?? null;
  const thumb = ctx.thumbnails.get(e.exhibitId);
  const textWidth = thumb ? width - THUMB - 12 : width;
  const incident = `${ctx.incidentNo.get(e.incidentId) ?? '?'}`;
  const producedBy = d?.obtainedBy || ctx.x.producer.name || 'the producer';
  const rows: Row[] = [];
  if (e.physical) {
    // A physical item (issue 13): no file in the pack, so no hash; where it is kept.
    rows.push(
      ['Description', e.physical.description || d?.description || ''],
      ['Item', e.originalName],
      ['Type', 'physical item (not in this pack)'],
      ['Physical item, kept at', e.physical.keptAt],
      ['Handled by', e.physical.handledBy],
      ['Produced by', producedBy],
      ['When and how obtained', [ukGiven(d?.obtainedAt ?? ''), howObtained(d)].filter(Boolean).join('; ')],
      ['Added to the record', ukInstant(e.importedAt)],
      ['Incident', incident],
    );
  } else {
    rows.push(
      ['Description', d?.description ?? ''],
      ['Type', `digital file (${e.mediaType || 'type not known'})`],
      ['Produced by', producedBy],
      ['When obtained', ukGiven(d?.obtainedAt ?? '')],
      ['How obtained', howObtained(d)],
      ['Source', sourceText(d)],
      ['Where the original is now', d?.originalLocation ?? ''],
      ['Incident', incident],
      ['Original name', e.originalName],
      ['File in pack', e.path],
      ['Size', humanBytes(e.size)],
      ['SHA-256', e.sha256, true],
      ['Imported into Evidence Vault', ukInstant(e.importedAt)],
      ['Last modified on the computer it came from', ukInstant(e.fileModifiedAt)],
      ...captureLines(extra?.extracted ?? null),
    );
    if (e.hasGpsPosition) rows.push(['Note', 'the image’s metadata holds a GPS position (sensitive)']);
    rows.push(['Changed by me (cropped, redacted …)', d ? d.changedByMe || 'No change recorded' : '']);
    for (const a of e.attachments ?? []) {
      rows.push([`Attachment ${a.ref}`, `${a.filename || '(no name)'} (${a.mediaType}, ${humanBytes(a.size)})`]);
      rows.push([`SHA-256 of ${a.ref}`, a.sha256, true]);
    }
    if (e.attachmentsProblem) rows.push(['Attachments', e.attachmentsProblem]);
  }
  const shown = rows.filter(([, v]) => v);
  const height =
    20 +
    shown.reduce((h, [n, v]) => h + measure(doc, `${n}: ${v}`, { font: pdf.f.reg, size: 9, width: textWidth }) + 1, 0);
  pdf.ensureSpace(Math.min(Math.max(height, thumb ? THUMB + 20 : 0), pdf.bottom - 60));
  const top = doc.y;
  write(doc, `Exhibit ${e.ref}`, { font: pdf.f.bold, size: 12, x: MARGIN, y: top, width: textWidth });
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
