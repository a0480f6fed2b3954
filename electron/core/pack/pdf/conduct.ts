/** The course-of-conduct table: one line per incident, on landscape pages. */
import { IDENTIFIER_LABELS, type SeenIdentifier } from '../../../../shared/model.js';
import type { Words } from '../../../../shared/words.js';
import type { CaseIncident } from '../casefile.js';
import { channelText, escalationText, type Ctx } from './context.js';
import { nb, type Pdf } from './layout.js';
import { zoneName } from './when.js';

/** "@troll123 (X)"; "07700 900123 (phone number)" (labels from `w` when given). */
export function identifierText(i: SeenIdentifier, w?: Words): string {
  const labels = w?.identifier ?? IDENTIFIER_LABELS;
  const kind = i.kind === 'handle' ? '' : labels[i.kind].toLowerCase();
  const extra = [i.platform, kind].filter(Boolean).join(', ');
  return `${i.value}${extra ? ` (${extra})` : ''}`;
}

/** The first words of a title: "what, in a few words". */
export function fewWords(text: string, words = 12): string {
  const w = text.trim().split(/\s+/);
  return w.length > words ? `${w.slice(0, words).join(' ')}…` : text.trim();
}

/** Told the police / the platform, in a few words. */
export function toldWhom(ctx: Ctx, i: CaseIncident): string {
  const { t } = ctx;
  const n = ctx.incidentNo.get(i.id) ?? 0;
  const yes = t('pdf.conduct.yes');
  const police = [
    ...ctx.x.cases.filter((k) => k.incidentNos.includes(n)).map((k) => k.reference),
    ...i.reports.flatMap((r) => (r.kind === 'police' ? [r.reference || r.force || yes] : [])),
  ];
  const platform = i.reports.flatMap((r) => (r.kind === 'platform' ? [r.platform || r.reference || yes] : []));
  const uniq = (xs: string[]): string => [...new Set(xs)].join(', ');
  return [
    police.length ? t('pdf.conduct.police', { who: uniq(police) }) : t('pdf.conduct.policeNo'),
    platform.length ? t('pdf.conduct.platform', { who: uniq(platform) }) : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function conductTable(pdf: Pdf, ctx: Ctx): void {
  const { c, t, d } = ctx;
  pdf.page('landscape');
  pdf.title(t('pdf.conduct.title'), t('pdf.conduct.intro'));
  if (!c.incidents.length) {
    pdf.para(t('pdf.noIncidents'));
    return;
  }
  const rows = c.incidents.map((i) => {
    const n = ctx.incidentNo.get(i.id) ?? 0;
    const at = i.occurredAt;
    const x = ctx.x.incidents.get(i.id);
    return [
      String(n),
      `${nb(d.ukDay(at.date))}${at.approximate ? `\n${t('pdf.conduct.about')}` : ''}`,
      at.time ? nb(`${at.time.slice(0, 5)} ${zoneName(at.date, at.time, at.offset)}`) : t('pdf.conduct.noTime'),
      fewWords(i.title),
      channelText(ctx, i.channel),
      (x?.identifiers ?? []).map((s) => identifierText(s, ctx.w)).join('\n'),
      i.perpetratorIds.map((id) => ctx.pNo.get(id) ?? '').join(', '),
      i.exhibitRefs.join(', '),
      toldWhom(ctx, i),
      i.escalationSignals.map((s) => escalationText(ctx, s)).join('; '),
    ];
  });
  pdf.table(
    [
      { title: t('pdf.conduct.no'), width: 22 },
      { title: t('pdf.conduct.date'), width: 76 },
      { title: t('pdf.conduct.time'), width: 50 },
      { title: t('pdf.conduct.what'), width: 136 },
      { title: t('pdf.conduct.channel'), width: 70 },
      { title: t('pdf.conduct.identifier'), width: 95 },
      { title: t('pdf.conduct.responsible'), width: 62 },
      { title: t('pdf.label.exhibits'), width: 70 },
      { title: t('pdf.conduct.told'), width: 90 },
      { title: t('pdf.conduct.escalation'), width: 90 },
    ],
    rows,
    { size: 7.5, layout: 'landscape' },
  );
}
