/**
 * The activity log kept by the producer's own software (not a chain of custody): first writing,
 * imports, edits with the fields changed, deletions with their hashes and reasons (even of items
 * not in the pack), and every case pack made before this one.
 */
import type { Ctx } from './context.js';
import type { Pdf } from './layout.js';

export function activityLog(pdf: Pdf, ctx: Ctx): void {
  const { x, t, d } = ctx;
  pdf.page();
  pdf.title(t('pdf.activity.title'), t('pdf.activity.intro'));
  if (x.views) pdf.para(t('pdf.activity.views', { n: x.views }), 9);
  pdf.doc.moveDown(0.3);
  if (!x.activity.length) pdf.para(t('pdf.activity.none'), 9.5);
  else
    pdf.table(
      [
        { title: t('pdf.activity.when'), width: 78 },
        { title: t('pdf.activity.what'), width: 62 },
        { title: t('pdf.exhibits.item'), width: 78 },
        { title: t('pdf.activity.details'), width: 130 },
        { title: 'SHA-256', width: 150, mono: true },
      ],
      x.activity.map((a) => [d.ukInstant(a.at), a.action, a.item, a.details, a.sha256 ?? '']),
      { size: 7.5 },
    );

  pdf.heading(t('pdf.activity.earlier'), 11.5);
  if (!x.earlierPacks.length) pdf.para(t('pdf.activity.first'), 9.5);
  else
    pdf.table(
      [
        { title: t('pdf.label.packId'), width: 110 },
        { title: t('pdf.activity.made'), width: 85 },
        { title: t('pdf.activity.format'), width: 40 },
        { title: t('pdf.label.incidents'), width: 45 },
        { title: t('pdf.label.exhibits'), width: 45 },
        { title: t('pdf.activity.tagHash'), width: 170, mono: true },
      ],
      x.earlierPacks.map((p) => [
        p.packId,
        d.ukInstant(p.at),
        p.format,
        p.incidents === null ? '' : String(p.incidents),
        p.exhibits === null ? '' : String(p.exhibits),
        p.tagManifestSha256,
      ]),
      { size: 7.5 },
    );
}
