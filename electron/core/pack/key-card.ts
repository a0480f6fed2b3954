/**
 * The key card (data/key-card.pdf in a pack, `evidence-vault key-card`, Settings → Print key
 * card): one A4 page with the signing key's fingerprint in large type and as a QR code, for the
 * user to hand to the police (their SPOC) at the first report, so that every later pack can be
 * checked against it. The QR code is drawn as vector squares (qrcode's module matrix), the text in
 * DejaVu Sans when the pack's fonts are found, else the PDF's own Helvetica and Courier.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { groupHex } from '../../../shared/format.js';
import { ukDate } from '../../../shared/uk-time.js';
import { sshFingerprint } from './sshsig.js';
import type { Language } from '../../../shared/language.js';
import { packText } from './words/index.js';

export const KEY_CARD_FILE = 'data/key-card.pdf';

export interface KeyCardInput {
  /** The raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  producerName?: string;
  producerRole?: string;
  /** When the card is made (its date is printed; the PDF's creation date). */
  now?: Date;
  /** The language of its words (a pack's card is in the pack's language; English by default). */
  language?: Language;
}

/** The words of the card that say what it is for (tests and the window use them too). */
export const KEY_CARD_PURPOSE =
  'Hand this to your SPOC at the first report; every later pack can be checked against it.';

function fonts(): { reg: string; bold: string; mono: string } | null {
  const dirs: string[] = [];
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    dirs.push(
      path.join(here, 'fonts'),
      path.join(here, 'pack-fonts'),
      path.join(here, '..', 'electron', 'core', 'pack', 'fonts'),
    );
  } catch {
    // import.meta.url unavailable
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) dirs.push(path.join(resources, 'pack-fonts'));
  dirs.push(path.join(process.cwd(), 'electron', 'core', 'pack', 'fonts'), '/usr/share/fonts/truetype/dejavu');
  const dir = dirs.find(
    (d) => existsSync(path.join(d, 'DejaVuSans.ttf')) && existsSync(path.join(d, 'DejaVuSansMono.ttf')),
  );
  if (!dir) return null;
  return {
    reg: path.join(dir, 'DejaVuSans.ttf'),
    bold: existsSync(path.join(dir, 'DejaVuSans-Bold.ttf'))
      ? path.join(dir, 'DejaVuSans-Bold.ttf')
      : path.join(dir, 'DejaVuSans.ttf'),
    mono: path.join(dir, 'DejaVuSansMono.ttf'),
  };
}

/** The fingerprint as the pack gives it: SHA-256 of the 32-byte public key, hex. */
export function keyFingerprint(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest('hex');
}

/** The QR code of a fingerprint, one string of '0' and '1' per row (what the PDF draws; the window draws it too). */
export function fingerprintQr(fingerprint: string): string[] {
  const qr = QRCode.create(fingerprint, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const rows: string[] = [];
  for (let r = 0; r < size; r++) {
    let row = '';
    for (let c = 0; c < size; c++) row += qr.modules.get(r, c) ? '1' : '0';
    rows.push(row);
  }
  return rows;
}

export function keyCardPdf(input: KeyCardInput): Promise<Buffer> {
  const fingerprint = keyFingerprint(input.publicKey);
  const ssh = sshFingerprint(input.publicKey);
  const now = input.now ?? new Date();
  const t = packText(input.language ?? 'en');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: {
      Title: t('keycard.info.title'),
      Author: input.producerName || t('pdf.info.author'),
      Creator: 'Evidence Vault',
      CreationDate: now,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const f = fonts();
  let REG = 'Helvetica';
  let BOLD = 'Helvetica-Bold';
  let MONO = 'Courier-Bold';
  if (f) {
    doc.registerFont('reg', f.reg);
    doc.registerFont('bold', f.bold);
    doc.registerFont('mono', f.mono);
    [REG, BOLD, MONO] = ['reg', 'bold', 'mono'];
  }
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font(BOLD).fontSize(24).text(t('keycard.title'), { width });
  doc.moveDown(0.3);
  doc.font(REG).fontSize(12);
  const who = [input.producerName, input.producerRole].filter((s) => s && s.trim()).join(', ');
  doc.text(who ? t('keycard.packsBy', { who }) : t('keycard.packs'), { width });
  doc.text(t('keycard.printed', { day: ukDate(now.toISOString().slice(0, 10)) }), { width });
  doc.moveDown(0.8);
  doc.font(BOLD).fontSize(15).text(t('keycard.purpose'), { width });
  doc.moveDown(0.8);

  doc
    .font(REG)
    .fontSize(11)
    .text(`${t('pdf.label.fingerprint')}:`, { width });
  doc.moveDown(0.3);
  const groups = groupHex(fingerprint).split(' ');
  doc.font(MONO).fontSize(26);
  for (let i = 0; i < groups.length; i += 4) doc.text(groups.slice(i, i + 4).join(' '), { width });
  doc.moveDown(0.6);

  // The QR code: the same 64 hex digits, drawn square by square.
  const rows = fingerprintQr(fingerprint);
  const size = rows.length;
  const side = 170;
  const cell = side / (size + 8);
  const x0 = left;
  const y0 = doc.y;
  rows.forEach((row, r) => {
    for (let c = 0; c < size; c++) {
      if (row[c] === '1') doc.rect(x0 + (c + 4) * cell, y0 + (r + 4) * cell, cell, cell);
    }
  });
  doc.fillColor('black').fill();
  doc.font(REG).fontSize(10);
  doc.text(t('keycard.qr'), x0 + side + 16, y0 + 24, { width: width - side - 16 });
  doc.moveDown(0.6);
  doc.text(t('keycard.ssh'), { width: width - side - 16 });
  doc
    .font(MONO)
    .fontSize(9)
    .text(ssh, { width: width - side - 16 });
  doc.x = left;
  doc.y = y0 + side + 12;

  doc.font(BOLD).fontSize(13).text(t('keycard.how'), { width });
  doc.moveDown(0.3);
  doc.font(REG).fontSize(11);
  const steps = [t('keycard.step1'), t('keycard.step2'), t('keycard.step3', { ssh }), t('keycard.step4')];
  for (const s of steps) {
    doc.text(`\u2022 ${s}`, { width, indent: 0 });
    doc.moveDown(0.3);
  }
  doc.moveDown(0.5);
  doc.fontSize(9).fillColor('#333333').text(t('keycard.notSecret'), { width });
  doc.end();
  return done;
}
