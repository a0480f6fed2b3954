/** The annexes: earlier wordings of each entry, and how to check the pack (what the signature does and does not show). */
import { groupHex } from '../../../../shared/format.js';
import { EXHIBIT_HASHES_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE } from '../readme.js';
import type { Ctx } from './context.js';
import type { Pdf } from './layout.js';
import { ukInstant } from './when.js';

export function earlierWordings(pdf: Pdf, ctx: Ctx): void {
  const { c, x } = ctx;
  const changed = c.incidents.filter((i) => x.incidents.get(i.id)?.earlier.length);
  if (!changed.length) return;
  pdf.page();
  pdf.title(
    'Annex: earlier wordings',
    'Every saved version of an entry is kept. Where an entry was changed, the words it had before each change are shown here (fields the producer chose to leave out are not).',
  );
  for (const i of changed) {
    pdf.heading(`${ctx.incidentNo.get(i.id)}. ${i.title}`, 11);
    for (const v of x.incidents.get(i.id)?.earlier ?? []) {
      pdf.ensureSpace(40);
      pdf.para(`Version ${v.version}, written ${ukInstant(v.writtenAt)}, replaced ${ukInstant(v.replacedAt)}:`, 9.5, {
        bold: true,
      });
      for (const f of v.fields)
        pdf.label(f.label.charAt(0).toUpperCase() + f.label.slice(1), f.text, { size: 9.5, x: 62 });
      pdf.doc.moveDown(0.3);
    }
    pdf.rule();
  }
}

export function checkingThePack(pdf: Pdf, ctx: Ctx): void {
  const { c } = ctx;
  pdf.page();
  pdf.title('Checking this pack');
  pdf.label('Pack id', c.packId);
  pdf.para('Signing key fingerprint (SHA-256 of the Ed25519 public key):', 10, { bold: true });
  pdf.para(groupHex(c.signingKey.fingerprintSha256), 10);
  pdf.para(`SHA-256 of the exhibit list (${EXHIBIT_HASHES_FILE}):`, 10, { bold: true });
  pdf.para(groupHex(ctx.exhibitListSha256), 10);
  pdf.doc.moveDown(0.5);
  for (const t of [
    'Each exhibit file is byte-for-byte the file imported into Evidence Vault on the date shown. Screenshots, scans and exports are copies the producer made; the original posts, messages, letters and devices are not in this pack.',
    `Every file of this pack is listed with its SHA-256 hash in manifest-sha256.txt; that file is listed in tagmanifest-sha256.txt, which is signed (${SIGNATURE_FILE}) with the key in ${PUBLIC_KEY_FILE}, whose fingerprint is above.`,
    'What the signature shows: that no file of the pack has changed since it was signed with that key. What it does not show: by itself, who made the pack or when, or that what the files show is true. Compare the fingerprint with the one the producer gave the police by another route (for example the key card handed over at the first report).',
    'This PDF is one of the listed files, so it cannot show the tag manifest’s own hash; it shows the hash of the exhibit list, made before this PDF. data/README.txt explains how to check everything with sha256sum, PowerShell or a BagIt validator.',
    'The activity log is kept by the producer’s own software, not by an independent body.',
  ]) {
    pdf.para(t, 9.5);
    pdf.doc.moveDown(0.4);
  }
}
