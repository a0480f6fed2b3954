/**
 * data/chronology.pdf (pdfkit): cover page, incidents oldest first, exhibit list with hashes and
 * thumbnails, "Page X of Y" on every page. Black text on white, no meaning carried by colour,
 * so it reads the same printed in black and white.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import {
  categoryLabel,
  channelLabel,
  displayWhen,
  escalationLabel,
  humanBytes,
  personLabel,
  reportLines,
  type CaseFile,
} from './casefile.js';
import { EXHIBIT_HASHES_FILE } from './readme.js';
import { withheldLines } from './contents.js';
import { exhibitRefNumber } from '../../../shared/ipc-pack.js';
import { groupHex } from '../../../shared/format.js';
import { drawText, registerPackFonts } from './text.js';

const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', mono: 'DejaVuSansMono.ttf' };

/** Where the bundled DejaVu fonts are: beside this module (source), in dist/fonts (bundle), or the system's. */
function fontDir(): string | null {
  const candidates: string[] = [];
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    candidates.push(
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

export interface PdfInput {
  caseFile: CaseFile;
  exhibitListSha256: string;
  /** Image bytes (PNG/JPEG) per exhibit id, for thumbnails. */
  thumbnails: Map<string, Buffer>;
}

const MARGIN = 50;

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
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    info: {
      Title: `Chronology of incidents — case pack ${c.packId}`,
      Author: c.producer.name || 'Evidence Vault user',
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

  const dir = fontDir();
  let REG = 'Helvetica';
  let BOLD = 'Helvetica-Bold';
  let MONO = 'Courier';
  if (dir) {
    doc.registerFont('reg', path.join(dir, FONT_FILES.regular));
    doc.registerFont('bold', path.join(dir, FONT_FILES.bold));
    doc.registerFont(
      'mono',
      existsSync(path.join(dir, FONT_FILES.mono))
        ? path.join(dir, FONT_FILES.mono)
        : path.join(dir, FONT_FILES.regular),
    );
    REG = 'reg';
    BOLD = 'bold';
    MONO = 'mono';
  }
  const width = doc.page.width - 2 * MARGIN;
  // Free text in any script (Arabic, Hebrew, emoji): ./text.ts.
  const packFonts = registerPackFonts(doc);

  // "Page X of Y" at the foot of each page, written as the page begins; the text state of
  // whatever is being laid out (font, size, position) is put back afterwards.
  const footer = (): void => {
    pages++;
    const state = doc as unknown as { _font: unknown; _fontSize: number };
    const saved = { font: state._font, size: state._fontSize, x: doc.x, y: doc.y };
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REG)
      .fontSize(8.5)
      .fillColor('#000000')
      .text(`Case pack ${c.packId} — Page ${pages} of ${totalPages ?? '?'}`, MARGIN, doc.page.height - MARGIN, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    state._font = saved.font;
    state._fontSize = saved.size;
    doc.x = saved.x;
    doc.y = saved.y;
  };
  footer();
  doc.on('pageAdded', footer);
  const people = new Map(c.people.map((p) => [p.id, p]));
  const exhibitsByRef = new Map(c.exhibits.map((e) => [e.ref, e]));

  const label = (name: string, value: string, mono = false): void => {
    if (!value) return;
    doc.font(BOLD).fontSize(10).text(`${name}: `, { continued: true });
    doc
      .font(mono ? MONO : REG)
      .fontSize(mono ? 9 : 10)
      .text(value);
  };
  const heading = (t: string, size = 16): void => {
    doc.font(BOLD).fontSize(size).text(t);
    doc.moveDown(0.4);
  };
  const rule = (): void => {
    doc.moveDown(0.3);
    doc
      .lineWidth(0.5)
      .strokeColor('#000000')
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .stroke();
    doc.moveDown(0.5);
  };
  const ensureSpace = (h: number): void => {
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };

  // ---- cover ----
  doc.font(BOLD).fontSize(24).text('Chronology of incidents', { align: 'left' });
  doc.moveDown(0.3);
  doc.font(REG).fontSize(12).text(`Case pack ${c.packId}`);
  doc.moveDown(1);
  label('Person keeping this record', c.producer.name || '(not given)');
  if (c.producer.role) label('Role', c.producer.role);
  label('Exhibit reference initials', c.producer.initials);
  if (c.producer.email) label('E-mail', c.producer.email);
  if (c.producer.phone) label('Phone', c.producer.phone);
  label('Pack made', c.createdAt);
  label('Incidents', String(c.counts.incidents));
  label('Exhibits', `${c.counts.exhibits} (${humanBytes(c.counts.exhibitBytes)})`);
  if (c.incidents.length) {
    const first = c.incidents[0];
    const last = c.incidents[c.incidents.length - 1];
    if (first && last) label('Period', `${first.occurredAt.date} to ${last.occurredAt.date}`);
  }
  if (c.counts.omittedExhibits) label('Exhibits left out', String(c.counts.omittedExhibits));
  if (c.withheldReferences.length) label('References not in this pack', String(c.withheldReferences.length));
  doc.moveDown(0.8);
  heading('Checking this pack', 13);
  doc.font(BOLD).fontSize(10).text('Signing key fingerprint (SHA-256 of the Ed25519 public key):');
  doc.font(MONO).fontSize(10).text(groupHex(c.signingKey.fingerprintSha256));
  doc.moveDown(0.4);
  doc.font(BOLD).fontSize(10).text(`SHA-256 of the exhibit list (${EXHIBIT_HASHES_FILE}):`);
  doc.font(MONO).fontSize(10).text(groupHex(input.exhibitListSha256));
  doc.moveDown(0.6);
  doc
    .font(REG)
    .fontSize(9.5)
    .text(
      'Every file of this pack is listed with its SHA-256 hash in manifest-sha256.txt; that file is listed in ' +
        'tagmanifest-sha256.txt, which is signed by the key above (tagmanifest-sha256.txt.sig). This PDF is one of ' +
        'the listed files, so it cannot show the tag manifest’s own hash; it shows the hash of the exhibit list, ' +
        'made before this PDF. data/README.txt explains how to check everything with sha256sum, PowerShell or a ' +
        'BagIt validator. The exhibits are the original files, unchanged.',
      { width },
    );
  const notes: string[] = [];
  if (c.privacy.notesLeftOut) notes.push('The producer’s private notes were left out of this pack.');
  if (c.privacy.privateFieldsLeftOut) notes.push('Fields and people the producer marked private were left out.');
  for (const o of c.omittedExhibits) {
    notes.push(
      `Exhibit ${o.ref ?? '(no reference)'} “${o.name}” is not included: ${
        o.reason === 'damaged'
          ? 'its stored copy failed its SHA-256 check'
          : o.reason === 'gps-position'
            ? 'left out by the producer (the image holds a GPS position)'
            : 'left out by the producer'
      }.`,
    );
  }
  if (notes.length) {
    doc.moveDown(0.6);
    heading('Notes', 12);
    for (const n of notes) doc.font(REG).fontSize(10).text(`• ${n}`, { width });
  }

  // ---- incidents ----
  doc.addPage();
  heading('Incidents, oldest first');
  c.incidents.forEach((i, idx) => {
    ensureSpace(90);
    doc
      .font(BOLD)
      .fontSize(12)
      .text(`${idx + 1}. ${displayWhen(i.occurredAt)}`, { width });
    drawText(doc, packFonts, [{ text: i.title, bold: true }], { x: MARGIN, width, size: 12 });
    doc.moveDown(0.2);
    label('Categories', i.categories.map(categoryLabel).join(', '));
    label('How it reached me', channelLabel(i.channel));
    label('Place', i.location);
    label('Believed responsible', i.perpetratorIds.map((id) => personLabel(people.get(id))).join('; '));
    label('Witness(es)', i.witnessIds.map((id) => personLabel(people.get(id))).join('; '));
    if (i.description) {
      doc.font(BOLD).fontSize(10).text('What happened:');
      drawText(doc, packFonts, i.description, { x: MARGIN, width, size: 10 });
    }
    if (i.escalationSignals.length) {
      label('ESCALATION SIGNALS', i.escalationSignals.map(escalationLabel).join('; '));
    }
    for (const r of reportLines(i.reports, 'police')) label('Reported to police', r);
    for (const r of reportLines(i.reports, 'platform')) label('Reported to platform', r);
    label(
      'Exhibits',
      i.exhibitRefs
        .map((ref) => {
          const e = exhibitsByRef.get(ref);
          if (e?.physical) return `${ref} (${e.originalName}; physical item, kept at ${e.physical.keptAt})`;
          return e ? `${ref} (${e.originalName})` : ref;
        })
        .join('; '),
    );
    if (i.notes) {
      doc.font(BOLD).fontSize(10).text('Notes:');
      drawText(doc, packFonts, i.notes, { x: MARGIN, width, size: 10 });
    }
    if (i.withheldFields.length) label('Left out at the producer’s request', i.withheldFields.join(', '));
    label('Record id', i.id, true);
    rule();
  });
  if (!c.incidents.length) doc.font(REG).fontSize(10).text('No incidents were selected.');

  // ---- exhibits ----
  doc.addPage();
  heading('Exhibits');
  doc
    .font(REG)
    .fontSize(9.5)
    .text(
      'Exhibit references are permanent: each names one item for good, in every pack. A reference not in this pack is listed where it would be, with why.',
      { width },
    );
  doc.moveDown(0.5);
  const incidentNo = new Map(c.incidents.map((i, n) => [i.id, n + 1]));
  const THUMB = 110;
  const num = (ref: string): number => exhibitRefNumber(ref) ?? 0;
  const gaps = [...c.withheldReferences];
  const gapsBefore = (n: number): void => {
    const due: typeof gaps = [];
    while (gaps.length && num(gaps[0]!.ref) < n) due.push(gaps.shift()!);
    for (const line of withheldLines(due)) {
      ensureSpace(30);
      doc.font(BOLD).fontSize(10.5).text(line, MARGIN, doc.y, { width });
      rule();
    }
  };
  for (const e of [...c.exhibits].sort((a, b) => num(a.ref) - num(b.ref))) {
    gapsBefore(num(e.ref));
    const thumb = input.thumbnails.get(e.exhibitId);
    ensureSpace(thumb ? THUMB + 20 : 110);
    const top = doc.y;
    const textWidth = thumb ? width - THUMB - 12 : width;
    doc.font(BOLD).fontSize(12).text(`Exhibit ${e.ref}`, MARGIN, top, { width: textWidth });
    const opts = { width: textWidth };
    const line = (name: string, value: string, mono = false): void => {
      doc
        .font(BOLD)
        .fontSize(9.5)
        .text(`${name}: `, MARGIN, doc.y, { ...opts, continued: true });
      doc
        .font(mono ? MONO : REG)
        .fontSize(mono ? 8.5 : 9.5)
        .text(value, opts);
    };
    if (e.physical) {
      // A physical item (issue 13): no file in the pack, so no hash; where it is kept.
      line('Item', e.originalName);
      line('Physical item, kept at', e.physical.keptAt);
      if (e.physical.handledBy) line('Handled by', e.physical.handledBy);
      if (e.physical.description) line('Description', e.physical.description);
      line('Added to the record', e.importedAt);
      line('Incident', `${incidentNo.get(e.incidentId) ?? '?'}`);
      doc.x = MARGIN;
      rule();
      continue;
    }
    line('Original name', e.originalName);
    line('File in pack', e.path);
    line('Type', e.mediaType);
    line('Size', humanBytes(e.size));
    doc.font(BOLD).fontSize(9.5).text('SHA-256:', MARGIN, doc.y, opts);
    doc.font(MONO).fontSize(8.5).text(e.sha256, opts);
    line('Imported', e.importedAt);
    line('File’s own time', e.fileModifiedAt);
    line('Incident', `${incidentNo.get(e.incidentId) ?? '?'}`);
    if (e.hasGpsPosition) line('Note', 'the image’s metadata holds a GPS position');
    for (const a of e.attachments ?? []) {
      line(`Attachment ${a.ref}`, `${a.filename || '(no name)'} (${a.mediaType}, ${humanBytes(a.size)})`);
      doc.font(MONO).fontSize(8.5).text(`SHA-256 ${a.sha256}`, MARGIN, doc.y, opts);
    }
    if (e.attachmentsProblem) line('Attachments', e.attachmentsProblem);
    let bottom = doc.y;
    if (thumb) {
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
    rule();
  }
  gapsBefore(Number.POSITIVE_INFINITY);
  if (!c.exhibits.length) doc.font(REG).fontSize(10).text('No exhibits.');

  doc.end();
  return finished;
}
