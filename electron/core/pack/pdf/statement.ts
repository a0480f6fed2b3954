/**
 * The statement aid: never a statement. First-person exhibit sentences the officer can adapt,
 * a Victim Personal Statement prompt page from the effect fields, and the details for the back of
 * an MG11.
 */
import { exhibitRefNumber } from '../../../../shared/ipc-pack.js';
import type { ExhibitDetails } from '../../../../shared/model.js';
import type { CaseExhibit } from '../casefile.js';
import type { Ctx } from './context.js';
import { BLANK, type Pdf } from './layout.js';
import { sourceText } from './exhibits.js';
import { atAbout, ukDay, whenOccurred } from './when.js';

const NOT_A_STATEMENT =
  'This is not a signed section 9 statement (MG11) and must not be used as one. It is an aid for the officer taking the producer’s statement: every sentence is drafted by the software from the record and must be checked, corrected and put in the producer’s own words.';

const DOING: Record<NonNullable<ExhibitDetails['obtainedHow']>, string> = {
  screenshot: 'I took a screenshot on my computer of',
  'phone-photo': 'I took a photo or screenshot on my phone of',
  'app-export': 'I exported',
  'saved-email': 'I saved',
  'paper-scan': 'I scanned or photographed',
  recording: 'I made a recording of',
  other: 'I made a copy of',
};

/** "At about 20:17 on Tuesday 12/11/2019 I took a screenshot … I produce it as exhibit JS/1." */
export function exhibitSentence(e: CaseExhibit, d: ExhibitDetails | null): string {
  if (e.physical) {
    const what = e.physical.description || e.originalName;
    return (
      `I have kept ${what} at ${e.physical.keptAt}.` +
      (e.physical.handledBy ? ` It has been handled by ${e.physical.handledBy}.` : '') +
      ` I produce it as exhibit ${e.ref}.`
    );
  }
  const when = atAbout(d?.obtainedAt ?? '') ?? `At about [time] on [day and date]`;
  const what = d?.description ? d.description.replace(/[.\s]+$/, '') : `the file “${e.originalName}”`;
  const source = sourceText(d);
  const by = d?.obtainedBy && !/^(me|myself|i)$/i.test(d.obtainedBy.trim()) ? d.obtainedBy : '';
  const how = d?.obtainedHow
    ? d.obtainedHow === 'other' && d.obtainedHowOther
      ? `I made a copy (${d.obtainedHowOther}) of`
      : DOING[d.obtainedHow]
    : 'I made a copy of';
  const doing = by ? `${by} made a copy for me of` : how;
  const sentence = `${when} ${doing} ${what}${source ? ` (${source})` : ''}.`;
  const changed = d?.changedByMe ? ` I changed the copy: ${d.changedByMe.replace(/[.\s]+$/, '')}.` : '';
  const original = d?.originalLocation ? ` The original is ${d.originalLocation.replace(/[.\s]+$/, '')}.` : '';
  return `${sentence}${changed}${original} The file’s SHA-256 is ${e.sha256}. I produce it as exhibit ${e.ref}.`;
}

export function statementAid(pdf: Pdf, ctx: Ctx): void {
  const { c, x } = ctx;
  const doc = pdf.doc;
  pdf.page();
  pdf.title('Statement aid (not a statement)');
  pdf.box('This is not a signed section 9 statement', 30);
  pdf.para(NOT_A_STATEMENT, 9.5);
  doc.moveDown(0.6);

  pdf.heading('Exhibit sentences the officer can adapt');
  const num = (ref: string): number => exhibitRefNumber(ref) ?? 0;
  for (const e of [...c.exhibits].sort((a, b) => num(a.ref) - num(b.ref))) {
    pdf.ensureSpace(40);
    pdf.para(`${e.ref}`, 9.5, { bold: true });
    pdf.para(exhibitSentence(e, x.exhibits.get(e.exhibitId)?.details ?? null), 9.5, { indent: 12 });
    doc.moveDown(0.3);
  }
  if (!c.exhibits.length) pdf.para('No exhibits.');

  pdf.page();
  pdf.title(
    'Victim Personal Statement: prompts',
    'For the producer and the officer when a Victim Personal Statement is made. These are the producer’s own notes on each incident’s effect, as recorded; they are prompts, not the statement.',
  );
  pdf.para('Questions to think about:', 10, { bold: true });
  for (const q of [
    'How have these incidents affected you, your family and the people who work with you?',
    'What have you changed: your routine, your home, your travel, your campaigning, your use of social media?',
    'Have you felt afraid for your safety or that of others? When, and why?',
    'What has it cost you, in money, time, health or work?',
    'Is there anything you want the court to know before sentence?',
  ])
    pdf.bullet(q, 9.5);
  doc.moveDown(0.5);
  const effects = c.incidents.filter((i) => x.incidents.get(i.id)?.effect);
  if (!effects.length) pdf.para('No effect on the producer is recorded for these incidents.', 9.5);
  for (const i of effects) {
    pdf.ensureSpace(40);
    pdf.para(`${ctx.incidentNo.get(i.id)}. ${whenOccurred(i.occurredAt)}: ${i.title}`, 9.5, { bold: true });
    pdf.para(x.incidents.get(i.id)?.effect ?? '', 9.5, { indent: 12 });
    doc.moveDown(0.3);
  }

  doc.moveDown(0.6);
  pdf.heading('For the back of the MG11');
  const p = x.producer;
  pdf.label('Name', p.name || BLANK);
  pdf.label('Role', [p.role, p.constituency].filter(Boolean).join(', ') || BLANK);
  pdf.label('Safe way to make contact', p.safeContact || BLANK);
  pdf.label('Phone', p.phone || BLANK);
  pdf.label('E-mail', p.email || BLANK);
  pdf.label(
    'Dates and times to avoid',
    [p.timesToAvoid, p.electionDate && `election day ${ukDay(p.electionDate)}`].filter(Boolean).join('; ') || BLANK,
  );
  pdf.label('Special measures, interpreter or other needs', BLANK);
  pdf.label('Home address (give the officer separately; not in this pack)', BLANK);
}
