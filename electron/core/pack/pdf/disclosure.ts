/** The disclosure note for the officer: what was withheld, in which categories, and that the full record exists. */
import type { Ctx } from './context.js';
import type { Pdf } from './layout.js';

/** What was left out, as counts and categories (the summary prints these on one line). */
export function leftOutLines(ctx: Ctx): string[] {
  const { c, x, t, w } = ctx;
  const out: string[] = [];
  const notSelected = x.vaultIncidents - c.incidents.length;
  if (notSelected > 0)
    out.push(t(notSelected === 1 ? 'pdf.out.notSelected.one' : 'pdf.out.notSelected.other', { n: notSelected }));
  const by = (r: string): number => c.omittedExhibits.filter((o) => o.reason === r).length;
  if (by('excluded-by-user')) out.push(t('pdf.out.excluded', { n: by('excluded-by-user') }));
  if (by('gps-position')) out.push(t('pdf.out.gps', { n: by('gps-position') }));
  if (by('damaged')) out.push(t('pdf.out.damaged', { n: by('damaged') }));
  if (c.withheldReferences.length) out.push(t('pdf.out.references', { n: c.withheldReferences.length }));
  const fields = new Map<string, number>();
  for (const i of c.incidents) for (const f of i.withheldFields) fields.set(f, (fields.get(f) ?? 0) + 1);
  for (const [f, n] of fields)
    out.push(t(n === 1 ? 'pdf.out.field.one' : 'pdf.out.field.other', { field: w.privateFieldShown(f), n }));
  const people = c.people.filter((p) => p.withheld).length;
  if (people) out.push(t(people === 1 ? 'pdf.out.people.one' : 'pdf.out.people.other', { n: people }));
  if (c.privacy.notesLeftOut) out.push(t('pdf.out.notes'));
  if (x.deletions) out.push(t('pdf.out.deletions', { n: x.deletions }));
  return out;
}

export function disclosureNote(pdf: Pdf, ctx: Ctx): void {
  const { c, t } = ctx;
  pdf.page();
  pdf.title(t('pdf.disclosure.title'));
  pdf.para(t('pdf.disclosure.intro'), 10);
  pdf.doc.moveDown(0.5);
  pdf.heading(t('pdf.disclosure.leftOut'), 11.5);
  const lines = leftOutLines(ctx);
  if (!lines.length) pdf.para(t('pdf.disclosure.nothing'), 10);
  for (const l of lines) pdf.bullet(l);
  const notes: string[] = [];
  for (const o of c.omittedExhibits) {
    notes.push(
      t('pdf.disclosure.omitted', {
        ref: o.ref ?? t('pdf.disclosure.noRef'),
        name: o.name,
        why:
          o.reason === 'damaged'
            ? t('pdf.disclosure.why.damaged')
            : o.reason === 'gps-position'
              ? t('pdf.disclosure.why.gps')
              : t('pdf.disclosure.why.user'),
      }),
    );
  }
  if (c.privacy.privateFieldsLeftOut) notes.push(t('pdf.disclosure.private'));
  if (notes.length) {
    pdf.doc.moveDown(0.4);
    for (const n of notes) pdf.bullet(n, 9.5);
  }
  pdf.doc.moveDown(0.5);
  pdf.para(t('pdf.disclosure.words'), 9.5);
}
