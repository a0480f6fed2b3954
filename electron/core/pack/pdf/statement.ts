/**
 * The statement aid: never a statement. First-person exhibit sentences the officer can adapt,
 * a Victim Personal Statement prompt page from the effect fields, and the details for the back of
 * an MG11.
 */
import { exhibitRefNumber } from '../../../../shared/ipc-pack.js';
import type { ExhibitDetails } from '../../../../shared/model.js';
import type { CaseExhibit } from '../casefile.js';
import type { Ctx } from './context.js';
import type { PackId } from '../words/index.js';
import { BLANK, type Pdf } from './layout.js';
import { sourceText } from './exhibits.js';

const DOING: Record<NonNullable<ExhibitDetails['obtainedHow']>, PackId> = {
  screenshot: 'pdf.statement.doing.screenshot',
  'phone-photo': 'pdf.statement.doing.phonePhoto',
  'app-export': 'pdf.statement.doing.appExport',
  'saved-email': 'pdf.statement.doing.savedEmail',
  'paper-scan': 'pdf.statement.doing.paperScan',
  recording: 'pdf.statement.doing.recording',
  other: 'pdf.statement.doing.other',
};

/** "At about 20:17 on Tuesday 12/11/2019 I took a screenshot … I produce it as exhibit JS/1." */
export function exhibitSentence(ctx: Ctx, e: CaseExhibit, d: ExhibitDetails | null): string {
  const { t } = ctx;
  if (e.physical) {
    const what = e.physical.description || e.originalName;
    return (
      t('pdf.statement.kept', { what, keptAt: e.physical.keptAt }) +
      (e.physical.handledBy ? t('pdf.statement.handled', { by: e.physical.handledBy }) : '') +
      t('pdf.statement.produce', { ref: e.ref })
    );
  }
  const when = ctx.d.atAbout(d?.obtainedAt ?? '') ?? t('pdf.statement.whenBlank');
  const what = d?.description
    ? d.description.replace(/[.\s]+$/, '')
    : t('pdf.statement.theFile', { name: e.originalName });
  const source = sourceText(ctx, d);
  const by = d?.obtainedBy && !/^(me|myself|i)$/i.test(d.obtainedBy.trim()) ? d.obtainedBy : '';
  const how = d?.obtainedHow
    ? d.obtainedHow === 'other' && d.obtainedHowOther
      ? t('pdf.statement.doing.otherWith', { how: d.obtainedHowOther })
      : t(DOING[d.obtainedHow])
    : t('pdf.statement.doing.other');
  const doing = by ? t('pdf.statement.doing.by', { by }) : how;
  // Welsh: "o" + "y ffeil" is written "o’r ffeil".
  const [doing2, what2] =
    ctx.lang === 'cy' && doing.endsWith(' o') && what.startsWith('y ')
      ? [`${doing.slice(0, -2)} o’r`, what.slice(2)]
      : [doing, what];
  const sentence = t('pdf.statement.sentence', {
    when,
    doing: doing2,
    what: what2,
    source: source ? ` (${source})` : '',
  });
  const changed = d?.changedByMe ? t('pdf.statement.changed', { how: d.changedByMe.replace(/[.\s]+$/, '') }) : '';
  const original = d?.originalLocation
    ? t('pdf.statement.original', { where: d.originalLocation.replace(/[.\s]+$/, '') })
    : '';
  return `${sentence}${changed}${original}${t('pdf.statement.hash', { sha256: e.sha256 })}${t('pdf.statement.produce', { ref: e.ref })}`;
}

export function statementAid(pdf: Pdf, ctx: Ctx): void {
  const { c, x, t, d } = ctx;
  const doc = pdf.doc;
  pdf.page();
  pdf.title(t('pdf.statement.title'));
  pdf.box(t('pdf.statement.box'), 30);
  pdf.para(t('pdf.statement.notAStatement'), 9.5);
  doc.moveDown(0.6);

  pdf.heading(t('pdf.statement.sentences'));
  const num = (ref: string): number => exhibitRefNumber(ref) ?? 0;
  for (const e of [...c.exhibits].sort((a, b) => num(a.ref) - num(b.ref))) {
    pdf.ensureSpace(40);
    pdf.para(`${e.ref}`, 9.5, { bold: true });
    pdf.para(exhibitSentence(ctx, e, x.exhibits.get(e.exhibitId)?.details ?? null), 9.5, { indent: 12 });
    doc.moveDown(0.3);
  }
  if (!c.exhibits.length) pdf.para(t('pdf.noExhibits'));

  pdf.page();
  pdf.title(t('pdf.vps.title'), t('pdf.vps.intro'));
  pdf.para(t('pdf.vps.questions'), 10, { bold: true });
  for (const q of ['pdf.vps.q1', 'pdf.vps.q2', 'pdf.vps.q3', 'pdf.vps.q4', 'pdf.vps.q5'] as const)
    pdf.bullet(t(q), 9.5);
  doc.moveDown(0.5);
  const effects = c.incidents.filter((i) => x.incidents.get(i.id)?.effect);
  if (!effects.length) pdf.para(t('pdf.vps.none'), 9.5);
  for (const i of effects) {
    pdf.ensureSpace(40);
    pdf.para(`${ctx.incidentNo.get(i.id)}. ${d.whenOccurred(i.occurredAt)}: ${i.title}`, 9.5, { bold: true });
    pdf.para(x.incidents.get(i.id)?.effect ?? '', 9.5, { indent: 12 });
    doc.moveDown(0.3);
  }

  doc.moveDown(0.6);
  pdf.heading(t('pdf.mg11.title'));
  const p = x.producer;
  pdf.label(t('pdf.label.name'), p.name || BLANK);
  pdf.label(t('pdf.label.role'), [p.role, p.constituency].filter(Boolean).join(', ') || BLANK);
  pdf.label(t('pdf.label.safeContact'), p.safeContact || BLANK);
  pdf.label(t('pdf.label.phone'), p.phone || BLANK);
  pdf.label(t('pdf.label.email'), p.email || BLANK);
  pdf.label(
    t('pdf.mg11.avoid'),
    [p.timesToAvoid, p.electionDate && t('pdf.mg11.electionDay', { day: d.ukDay(p.electionDate) })]
      .filter(Boolean)
      .join('; ') || BLANK,
  );
  pdf.label(t('pdf.mg11.needs'), BLANK);
  pdf.label(t('pdf.mg11.address'), BLANK);
}
