/** Page 1: "Summary for police": who made the record, police cases, the case in brief, what is in and out. */
import { groupHex } from '../../../../shared/format.js';
import { categoryLabel, escalationLabel, humanBytes } from '../casefile.js';
import { EXHIBIT_HASHES_FILE } from '../readme.js';
import { incidentsOf, numberedPerson, numberRanges, type Ctx } from './context.js';
import { leftOutLines } from './disclosure.js';
import { BLANK, type Pdf } from './layout.js';
import { ukDay, ukGiven, ukInstant, whenOccurred } from './when.js';

export function summary(pdf: Pdf, ctx: Ctx): void {
  const { c, x } = ctx;
  const p = x.producer;
  const doc = pdf.doc;
  pdf.title(
    'Summary for police',
    `Case pack ${c.packId}, made ${ukInstant(c.createdAt)} with ${c.software}. Everything in this pack is the producer’s own record and description, not a finding of fact or law.`,
  );

  pdf.heading('Who made this record', 11.5);
  pdf.label('Name', p.name || BLANK);
  const role = [p.role, p.constituency].filter(Boolean).join(', ');
  pdf.label('Role', role || BLANK);
  if (p.electionDate) pdf.label('Election', ukDay(p.electionDate));
  pdf.label('Safe way to make contact', p.safeContact);
  pdf.label('Phone', p.phone);
  pdf.label('E-mail', p.email);
  pdf.label('Times to avoid', p.timesToAvoid);
  pdf.label('Prepared for', x.recipient || BLANK);
  doc.moveDown(0.5);

  pdf.heading('Police cases', 11.5);
  if (!x.cases.length && !x.otherPoliceReports.length && !x.crimeReference) {
    pdf.label('Crime or incident reference', BLANK);
  }
  if (x.crimeReference && !x.cases.some((k) => k.reference === x.crimeReference)) {
    pdf.label('Crime reference given for this pack', x.crimeReference);
  }
  for (const k of x.cases) {
    const officer = [k.officer, k.collarNumber && `collar number ${k.collarNumber}`].filter(Boolean).join(', ');
    pdf.bullet(
      [
        `${k.force}, reference ${k.reference}`,
        officer && `officer in the case ${officer}`,
        k.spoc && `single point of contact ${k.spoc}`,
        k.firstReportedOn && `first reported ${ukDay(k.firstReportedOn)}`,
        k.incidentNos.length && `incidents ${numberRanges(k.incidentNos)}`,
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
  for (const r of x.otherPoliceReports) {
    pdf.bullet(
      [
        `Incident ${r.incidentNo} reported to ${r.force || 'the police'}`,
        r.reference && `reference ${r.reference}`,
        r.officer && `officer ${r.officer}`,
        r.date && ukGiven(r.date),
      ]
        .filter(Boolean)
        .join(', '),
    );
  }
  doc.moveDown(0.5);

  pdf.heading('The case in brief', 11.5);
  const first = c.incidents[0];
  const last = c.incidents[c.incidents.length - 1];
  if (first && last) pdf.label('Period', `${whenOccurred(first.occurredAt)} to ${whenOccurred(last.occurredAt)}`);
  const byKind = new Map<string, number>();
  for (const i of c.incidents) for (const k of i.categories) byKind.set(k, (byKind.get(k) ?? 0) + 1);
  pdf.label(
    'By type (the producer’s description)',
    [...byKind]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${categoryLabel(k)} ${n}`)
      .join('; '),
  );
  const escalations = c.incidents.filter((i) => i.escalationSignals.length);
  if (escalations.length) {
    pdf.para('Escalation:', 10, { bold: true });
    for (const i of escalations) {
      pdf.bullet(
        `${whenOccurred(i.occurredAt)} (incident ${ctx.incidentNo.get(i.id)}): ${i.escalationSignals.map(escalationLabel).join('; ')}`,
        9.5,
      );
    }
  }
  const numbered = [...ctx.pNo.entries()];
  const responsible = numbered.filter(([, n]) => n.startsWith('P'));
  const witnesses = numbered.filter(([, n]) => n.startsWith('W'));
  if (responsible.length) {
    pdf.para('Believed responsible (the producer’s belief):', 10, { bold: true });
    for (const [id] of responsible)
      pdf.bullet(`${numberedPerson(ctx, id)}: incidents ${incidentsOf(ctx, id, 'perpetrator')}`, 9.5);
  }
  if (witnesses.length) {
    pdf.para('Witnesses:', 10, { bold: true });
    for (const [id] of witnesses)
      pdf.bullet(`${numberedPerson(ctx, id)}: incidents ${incidentsOf(ctx, id, 'witness')}`, 9.5);
  }
  doc.moveDown(0.5);

  pdf.heading('What is in this pack and what was left out', 11.5);
  const physical = c.exhibits.filter((e) => e.physical).length;
  pdf.label('Incidents', `${c.counts.incidents} of the ${x.vaultIncidents} in the record`);
  pdf.label(
    'Exhibits',
    `${c.counts.exhibits}${physical ? ` (${physical} of them physical items, listed only)` : ''}, ${humanBytes(c.counts.exhibitBytes)} of files`,
  );
  const out = leftOutLines(ctx);
  pdf.label('Left out', out.length ? out.join('; ') : 'nothing');
  doc.moveDown(0.5);

  pdf.label('Pack id', c.packId);
  pdf.hash('Signing key fingerprint (SHA-256 of the Ed25519 public key)', groupHex(c.signingKey.fingerprintSha256));
  pdf.hash(`SHA-256 of the exhibit list (${EXHIBIT_HASHES_FILE})`, groupHex(ctx.exhibitListSha256));
  doc.moveDown(0.6);
  pdf.box('This chronology is exhibit  ____________ / ________  (officer to complete)');
}
