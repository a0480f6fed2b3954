/** The chronology: every incident with all the record holds, oldest first. */
import {
  categoryText,
  channelText,
  escalationText,
  exhibitWithDescription,
  numberedPerson,
  reportText,
  type Ctx,
} from './context.js';
import { identifierText } from './conduct.js';
import type { Pdf } from './layout.js';
import { write } from './text.js';

export function chronology(pdf: Pdf, ctx: Ctx): void {
  const { c, x, t, d, w } = ctx;
  const doc = pdf.doc;
  pdf.page();
  pdf.title(t('pdf.chronology.title'), t('pdf.chronology.intro'));
  if (!c.incidents.length) pdf.para(t('pdf.noIncidents'));
  for (const i of c.incidents) {
    const n = ctx.incidentNo.get(i.id) ?? 0;
    const extra = x.incidents.get(i.id);
    pdf.ensureSpace(110);
    write(doc, `${n}. ${d.whenOccurred(i.occurredAt)}`, { font: pdf.f.bold, size: 12, x: 50, width: pdf.width });
    write(doc, i.title, { font: pdf.f.bold, size: 12, x: 50, width: pdf.width });
    doc.moveDown(0.2);
    pdf.label(t('pdf.chronology.type'), i.categories.map((k) => categoryText(ctx, k)).join(', '));
    pdf.label(t('pdf.chronology.place'), i.location);
    pdf.label(t('pdf.chronology.howReached'), channelText(ctx, i.channel));
    pdf.block(t('pdf.chronology.what'), i.description);
    pdf.label(t('pdf.chronology.identifier'), (extra?.identifiers ?? []).map((s) => identifierText(s, w)).join('; '));
    for (const id of i.perpetratorIds) {
      const basis = x.people.get(id)?.basis;
      pdf.label(
        t('pdf.conduct.responsible'),
        `${numberedPerson(ctx, id)}${basis ? t('pdf.chronology.why', { basis }) : ''}`,
      );
    }
    for (const id of i.witnessIds) {
      const wit = x.people.get(id);
      pdf.label(
        t('pdf.chronology.witness'),
        `${numberedPerson(ctx, id)}${wit ? (wit.knowsNamed ? t('pdf.chronology.knows') : t('pdf.chronology.doesNotKnow')) : ''}`,
      );
    }
    pdf.block(t('pdf.chronology.effect'), extra?.effect ?? '');
    if (i.escalationSignals.length)
      pdf.label(t('pdf.conduct.escalation'), i.escalationSignals.map((s) => escalationText(ctx, s)).join('; '));
    for (const r of reportText(ctx, i.reports, 'police')) pdf.label(t('pdf.chronology.reportedPolice'), r);
    for (const k of x.cases.filter((k) => k.incidentNos.includes(n))) {
      pdf.label(
        t('pdf.chronology.policeCase'),
        [
          k.force,
          t('pdf.summary.reference', { reference: k.reference }),
          k.officer && t('pdf.report.officer', { officer: k.officer }),
          k.firstReportedOn && d.ukDay(k.firstReportedOn),
        ]
          .filter(Boolean)
          .join(', '),
      );
    }
    for (const r of reportText(ctx, i.reports, 'platform')) pdf.label(t('pdf.chronology.reportedPlatform'), r);
    pdf.label(t('pdf.label.exhibits'), i.exhibitRefs.map((ref) => exhibitWithDescription(ctx, ref)).join('; '));
    if (i.notes) pdf.block(t('pdf.chronology.notes'), i.notes);
    if (i.withheldFields.length)
      pdf.label(t('pdf.chronology.leftOut'), i.withheldFields.map((f) => w.privateFieldShown(f)).join(', '));
    pdf.ensureSpace(34); // the written/changed line and the record id stay together
    if (extra) {
      const changed = extra.changedAt
        ? t('pdf.chronology.changed', {
            when: d.ukInstant(extra.changedAt),
            fields: extra.changedFields.length ? ` (${w.changedLabel('incident', extra.changedFields)})` : '',
          })
        : t('pdf.chronology.neverChanged');
      const earlier = extra.earlier.length ? t('pdf.chronology.earlier') : '';
      pdf.para(`${t('pdf.chronology.written', { when: d.ukInstant(extra.writtenAt) })}${changed}${earlier}`, 9, {
        bold: false,
      });
    } else {
      pdf.para(
        `${t('pdf.chronology.written', { when: d.ukInstant(i.createdAt) })}${
          i.updatedAt !== i.createdAt ? t('pdf.chronology.changed', { when: d.ukInstant(i.updatedAt), fields: '' }) : ''
        }`,
        9,
      );
    }
    pdf.label(t('pdf.chronology.recordId'), i.id, { mono: true, size: 8.5 });
    pdf.rule();
  }
}
