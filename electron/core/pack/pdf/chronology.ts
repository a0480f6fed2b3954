/** The chronology: every incident with all the record holds, oldest first. */
import { categoryLabel, channelLabel, escalationLabel, reportLines } from '../casefile.js';
import { changedLabel } from '../../../../shared/history-labels.js';
import { privateFieldShown } from '../../../../shared/privacy.js';
import { exhibitWithDescription, numberedPerson, type Ctx } from './context.js';
import { identifierText } from './conduct.js';
import type { Pdf } from './layout.js';
import { write } from './text.js';
import { ukDay, ukInstant, whenOccurred } from './when.js';

export function chronology(pdf: Pdf, ctx: Ctx): void {
  const { c, x } = ctx;
  const doc = pdf.doc;
  pdf.page();
  pdf.title(
    'Chronology of incidents',
    'Oldest first, in the producer’s words. Times are as the producer entered them: GMT or BST is UK time; “About” marks an approximate time; “date only” means no time was recorded.',
  );
  if (!c.incidents.length) pdf.para('No incidents were selected.');
  for (const i of c.incidents) {
    const n = ctx.incidentNo.get(i.id) ?? 0;
    const extra = x.incidents.get(i.id);
    pdf.ensureSpace(110);
    write(doc, `${n}. ${whenOccurred(i.occurredAt)}`, { font: pdf.f.bold, size: 12, x: 50, width: pdf.width });
    write(doc, i.title, { font: pdf.f.bold, size: 12, x: 50, width: pdf.width });
    doc.moveDown(0.2);
    pdf.label('Type of incident (the producer’s description)', i.categories.map(categoryLabel).join(', '));
    pdf.label('Place', i.location);
    pdf.label('How it reached me', channelLabel(i.channel));
    pdf.block('What happened', i.description);
    pdf.label('Identifier used (as seen)', (extra?.identifiers ?? []).map(identifierText).join('; '));
    for (const id of i.perpetratorIds) {
      const basis = x.people.get(id)?.basis;
      pdf.label('Believed responsible', `${numberedPerson(ctx, id)}${basis ? `. Why: ${basis}` : ''}`);
    }
    for (const id of i.witnessIds) {
      const w = x.people.get(id);
      pdf.label(
        'Witness',
        `${numberedPerson(ctx, id)}${w ? (w.knowsNamed ? ' (knows they are named)' : ' (does not know they are named)') : ''}`,
      );
    }
    pdf.block('Effect on me, and what I did or changed', extra?.effect ?? '');
    if (i.escalationSignals.length) pdf.label('Escalation', i.escalationSignals.map(escalationLabel).join('; '));
    for (const r of reportLines(i.reports, 'police')) pdf.label('Reported to police', r);
    for (const k of x.cases.filter((k) => k.incidentNos.includes(n))) {
      pdf.label(
        'Police case',
        [
          k.force,
          `reference ${k.reference}`,
          k.officer && `officer ${k.officer}`,
          k.firstReportedOn && ukDay(k.firstReportedOn),
        ]
          .filter(Boolean)
          .join(', '),
      );
    }
    for (const r of reportLines(i.reports, 'platform')) pdf.label('Reported to platform', r);
    pdf.label('Exhibits', i.exhibitRefs.map((ref) => exhibitWithDescription(ctx, ref)).join('; '));
    if (i.notes) pdf.block('Notes', i.notes);
    if (i.withheldFields.length)
      pdf.label('Left out at the producer’s request', i.withheldFields.map(privateFieldShown).join(', '));
    pdf.ensureSpace(34); // the written/changed line and the record id stay together
    if (extra) {
      const changed = extra.changedAt
        ? ` · changed ${ukInstant(extra.changedAt)}${extra.changedFields.length ? ` (${changedLabel('incident', extra.changedFields)})` : ''}`
        : ' · never changed';
      const earlier = extra.earlier.length ? ' · earlier wordings in the annex' : '';
      pdf.para(`First written ${ukInstant(extra.writtenAt)}${changed}${earlier}`, 9, { bold: false });
    } else {
      pdf.para(
        `First written ${ukInstant(i.createdAt)}${i.updatedAt !== i.createdAt ? ` · changed ${ukInstant(i.updatedAt)}` : ''}`,
        9,
      );
    }
    pdf.label('Record id', i.id, { mono: true, size: 8.5 });
    pdf.rule();
  }
}
