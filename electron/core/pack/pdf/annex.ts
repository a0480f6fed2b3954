/** The annexes: earlier wordings of each entry, and how to check the pack (what the signature does and does not show). */
import { groupHex } from '../../../../shared/format.js';
import { EXHIBIT_HASHES_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE } from '../readme.js';
import type { Ctx } from './context.js';
import type { Pdf } from './layout.js';

export function earlierWordings(pdf: Pdf, ctx: Ctx): void {
  const { c, x, t, d } = ctx;
  const changed = c.incidents.filter((i) => x.incidents.get(i.id)?.earlier.length);
  if (!changed.length) return;
  pdf.page();
  pdf.title(t('pdf.annex.title'), t('pdf.annex.intro'));
  for (const i of changed) {
    pdf.heading(`${ctx.incidentNo.get(i.id)}. ${i.title}`, 11);
    for (const v of x.incidents.get(i.id)?.earlier ?? []) {
      pdf.ensureSpace(40);
      pdf.para(
        t('pdf.annex.version', {
          version: v.version,
          written: d.ukInstant(v.writtenAt),
          replaced: d.ukInstant(v.replacedAt),
        }),
        9.5,
        { bold: true },
      );
      for (const f of v.fields)
        pdf.label(f.label.charAt(0).toUpperCase() + f.label.slice(1), f.text, { size: 9.5, x: 62 });
      pdf.doc.moveDown(0.3);
    }
    pdf.rule();
  }
}

export function checkingThePack(pdf: Pdf, ctx: Ctx): void {
  const { c, t } = ctx;
  pdf.page();
  pdf.title(t('pdf.check.title'));
  pdf.label(t('pdf.label.packId'), c.packId);
  pdf.para(`${t('pdf.label.fingerprint')}:`, 10, { bold: true });
  pdf.para(groupHex(c.signingKey.fingerprintSha256), 10);
  pdf.para(`${t('pdf.label.listHash', { file: EXHIBIT_HASHES_FILE })}:`, 10, { bold: true });
  pdf.para(groupHex(ctx.exhibitListSha256), 10);
  pdf.doc.moveDown(0.5);
  for (const line of [
    t('pdf.check.p1'),
    t('pdf.check.p2', { signature: SIGNATURE_FILE, publicKey: PUBLIC_KEY_FILE }),
    t('pdf.check.p3'),
    t('pdf.check.p4'),
    t('pdf.check.p5'),
  ]) {
    pdf.para(line, 9.5);
    pdf.doc.moveDown(0.4);
  }
}
