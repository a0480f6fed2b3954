/** The disclosure note for the officer: what was withheld, in which categories, and that the full record exists. */
import { privateFieldShown } from '../../../../shared/privacy.js';
import type { Ctx } from './context.js';
import type { Pdf } from './layout.js';

/** What was left out, as counts and categories (the summary prints these on one line). */
export function leftOutLines(ctx: Ctx): string[] {
  const { c, x } = ctx;
  const out: string[] = [];
  const notSelected = x.vaultIncidents - c.incidents.length;
  if (notSelected > 0) out.push(`${notSelected} incident${notSelected === 1 ? '' : 's'} not selected for this pack`);
  const by = (r: string): number => c.omittedExhibits.filter((o) => o.reason === r).length;
  if (by('excluded-by-user')) out.push(`${by('excluded-by-user')} exhibit(s) left out by the producer`);
  if (by('gps-position')) out.push(`${by('gps-position')} image(s) left out because they hold a GPS position`);
  if (by('damaged')) out.push(`${by('damaged')} exhibit(s) whose stored copy failed its SHA-256 check`);
  if (c.withheldReferences.length) out.push(`${c.withheldReferences.length} exhibit reference(s) not in this pack`);
  const fields = new Map<string, number>();
  for (const i of c.incidents) for (const f of i.withheldFields) fields.set(f, (fields.get(f) ?? 0) + 1);
  for (const [f, n] of fields) out.push(`${privateFieldShown(f)} marked private (${n} incident${n === 1 ? '' : 's'})`);
  const people = c.people.filter((p) => p.withheld).length;
  if (people) out.push(`${people} person${people === 1 ? '' : 's'} marked private`);
  if (c.privacy.notesLeftOut) out.push('the producer’s notes on every incident');
  if (x.deletions) out.push(`${x.deletions} deletion(s) in the record (listed in the activity log)`);
  return out;
}

export function disclosureNote(pdf: Pdf, ctx: Ctx): void {
  const { c } = ctx;
  pdf.page();
  pdf.title('Disclosure note for the officer');
  pdf.para(
    'This pack is a selection from the producer’s record, made by the producer. The full record exists: it is kept in the producer’s Evidence Vault, with every earlier version of each entry and a log of deletions, and the producer can show it or export it again on request.',
    10,
  );
  pdf.doc.moveDown(0.5);
  pdf.heading('What was left out of this pack', 11.5);
  const lines = leftOutLines(ctx);
  if (!lines.length)
    pdf.para('Nothing: every incident and exhibit of the record is in this pack, with every field.', 10);
  for (const l of lines) pdf.bullet(l);
  const notes: string[] = [];
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
  if (c.privacy.privateFieldsLeftOut) notes.push('Fields and people the producer marked private were left out.');
  if (notes.length) {
    pdf.doc.moveDown(0.4);
    for (const n of notes) pdf.bullet(n, 9.5);
  }
  pdf.doc.moveDown(0.5);
  pdf.para(
    'Words such as “harassment” or “threatening behaviour” are the producer’s own description of each incident, chosen from a list in the software; they are not legal findings. The producer was told when making this pack that what is sent to the police may be seen by the defence.',
    9.5,
  );
}
