/** Page 1: "Summary for police": who made the record, police cases, the case in brief, what is in and out. */
import { groupHex } from '../../../../shared/format.js';
import { EXHIBIT_HASHES_FILE } from '../readme.js';
import {
  categoryText,
  escalationText,
  incidentsOf,
  numberedPerson,
  numberRanges,
  sizeText,
  type Ctx,
} from './context.js';
import { leftOutLines } from './disclosure.js';
import { BLANK, type Pdf } from './layout.js';

export function summary(pdf: Pdf, ctx: Ctx): void {
  const { c, x, t, d } = ctx;
  const p = x.producer;
  const doc = pdf.doc;
  pdf.title(
    t('pdf.summary.title'),
    t('pdf.summary.intro', { packId: c.packId, made: d.ukInstant(c.createdAt), software: c.software }),
  );

  pdf.heading(t('pdf.summary.who'), 11.5);
  pdf.label(t('pdf.label.name'), p.name || BLANK);
  const role = [p.role, p.constituency].filter(Boolean).join(', ');
  pdf.label(t('pdf.label.role'), role || BLANK);
  if (p.electionDate) pdf.label(t('pdf.summary.election'), d.ukDay(p.electionDate));
  pdf.label(t('pdf.label.safeContact'), p.safeContact);
  pdf.label(t('pdf.label.phone'), p.phone);
  pdf.label(t('pdf.label.email'), p.email);
  pdf.label(t('pdf.summary.timesToAvoid'), p.timesToAvoid);
  pdf.label(t('pdf.summary.preparedFor'), x.recipient || BLANK);
  doc.moveDown(0.5);

  pdf.heading(t('pdf.summary.policeCases'), 11.5);
  if (!x.cases.length && !x.otherPoliceReports.length && !x.crimeReference) {
    pdf.label(t('pdf.summary.crimeRef'), BLANK);
  }
  if (x.crimeReference && !x.cases.some((k) => k.reference === x.crimeReference)) {
    pdf.label(t('pdf.summary.crimeRefGiven'), x.crimeReference);
  }
  for (const k of x.cases) {
    const officer = [k.officer, k.collarNumber && t('pdf.summary.collar', { collar: k.collarNumber })]
      .filter(Boolean)
      .join(', ');
    pdf.bullet(
      [
        t('pdf.summary.caseForce', { force: k.force, reference: k.reference }),
        officer && t('pdf.summary.caseOfficer', { officer }),
        k.spoc && t('pdf.summary.caseSpoc', { spoc: k.spoc }),
        k.firstReportedOn && t('pdf.summary.caseFirst', { day: d.ukDay(k.firstReportedOn) }),
        k.incidentNos.length && t('pdf.summary.caseIncidents', { numbers: numberRanges(k.incidentNos) }),
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
  for (const r of x.otherPoliceReports) {
    pdf.bullet(
      [
        t('pdf.summary.reportedTo', { n: r.incidentNo, force: r.force || t('pdf.summary.thePolice') }),
        r.reference && t('pdf.summary.reference', { reference: r.reference }),
        r.officer && t('pdf.report.officer', { officer: r.officer }),
        r.date && d.ukGiven(r.date),
      ]
        .filter(Boolean)
        .join(', '),
    );
  }
  doc.moveDown(0.5);

  pdf.heading(t('pdf.summary.inBrief'), 11.5);
  const first = c.incidents[0];
  const last = c.incidents[c.incidents.length - 1];
  if (first && last)
    pdf.label(
      t('pdf.summary.period'),
      t('pdf.summary.periodValue', { from: d.whenOccurred(first.occurredAt), to: d.whenOccurred(last.occurredAt) }),
    );
  const byKind = new Map<string, number>();
  for (const i of c.incidents) for (const k of i.categories) byKind.set(k, (byKind.get(k) ?? 0) + 1);
  pdf.label(
    t('pdf.summary.byType'),
    [...byKind]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${categoryText(ctx, k)} ${n}`)
      .join('; '),
  );
  const escalations = c.incidents.filter((i) => i.escalationSignals.length);
  if (escalations.length) {
    pdf.para(t('pdf.summary.escalation'), 10, { bold: true });
    for (const i of escalations) {
      pdf.bullet(
        t('pdf.summary.escalationLine', {
          when: d.whenOccurred(i.occurredAt),
          n: ctx.incidentNo.get(i.id) ?? '',
          signals: i.escalationSignals.map((s) => escalationText(ctx, s)).join('; '),
        }),
        9.5,
      );
    }
  }
  const numbered = [...ctx.pNo.entries()];
  const responsible = numbered.filter(([, n]) => n.startsWith('P'));
  const witnesses = numbered.filter(([, n]) => n.startsWith('W'));
  if (responsible.length) {
    pdf.para(t('pdf.summary.responsible'), 10, { bold: true });
    for (const [id] of responsible)
      pdf.bullet(
        t('pdf.summary.personIncidents', {
          person: numberedPerson(ctx, id),
          numbers: incidentsOf(ctx, id, 'perpetrator'),
        }),
        9.5,
      );
  }
  if (witnesses.length) {
    pdf.para(t('pdf.summary.witnesses'), 10, { bold: true });
    for (const [id] of witnesses)
      pdf.bullet(
        t('pdf.summary.personIncidents', { person: numberedPerson(ctx, id), numbers: incidentsOf(ctx, id, 'witness') }),
        9.5,
      );
  }
  doc.moveDown(0.5);

  pdf.heading(t('pdf.summary.inAndOut'), 11.5);
  const physical = c.exhibits.filter((e) => e.physical).length;
  pdf.label(t('pdf.label.incidents'), t('pdf.summary.incidentsOf', { n: c.counts.incidents, all: x.vaultIncidents }));
  pdf.label(
    t('pdf.label.exhibits'),
    t('pdf.summary.exhibitsValue', {
      n: c.counts.exhibits,
      physical: physical ? t('pdf.summary.physicalOnes', { n: physical }) : '',
      size: sizeText(ctx, c.counts.exhibitBytes),
    }),
  );
  const out = leftOutLines(ctx);
  pdf.label(t('pdf.summary.leftOut'), out.length ? out.join('; ') : t('pdf.summary.nothing'));
  doc.moveDown(0.5);

  pdf.label(t('pdf.label.packId'), c.packId);
  pdf.hash(t('pdf.label.fingerprint'), groupHex(c.signingKey.fingerprintSha256));
  pdf.hash(t('pdf.label.listHash', { file: EXHIBIT_HASHES_FILE }), groupHex(ctx.exhibitListSha256));
  doc.moveDown(0.6);
  pdf.box(t('pdf.summary.exhibitBox'));
}
