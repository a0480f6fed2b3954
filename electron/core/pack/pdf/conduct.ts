/** The course-of-conduct table: one line per incident, on landscape pages. */
import { IDENTIFIER_LABELS, type SeenIdentifier } from '../../../../shared/model.js';
import { channelLabel, escalationLabel, type CaseIncident } from '../casefile.js';
import type { Ctx } from './context.js';
import { nb, type Pdf } from './layout.js';
import { ukDay, zoneName } from './when.js';

/** "@troll123 (X)"; "07700 900123 (phone number)". */
export function identifierText(i: SeenIdentifier): string {
  const kind = i.kind === 'handle' ? '' : IDENTIFIER_LABELS[i.kind].toLowerCase();
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
  const n = ctx.incidentNo.get(i.id) ?? 0;
  const police = [
    ...ctx.x.cases.filter((k) => k.incidentNos.includes(n)).map((k) => k.reference),
    ...i.reports.flatMap((r) => (r.kind === 'police' ? [r.reference || r.force || 'yes'] : [])),
  ];
  const platform = i.reports.flatMap((r) => (r.kind === 'platform' ? [r.platform || r.reference || 'yes'] : []));
  const uniq = (xs: string[]): string => [...new Set(xs)].join(', ');
  return [
    police.length ? `Police: ${uniq(police)}` : 'Police: no',
    platform.length ? `Platform: ${uniq(platform)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function conductTable(pdf: Pdf, ctx: Ctx): void {
  const { c } = ctx;
  pdf.page('landscape');
  pdf.title(
    'Course of conduct',
    'One line per incident, oldest first. The numbers match the chronology that follows; P1, P2 … are the people the producer believes responsible (see “People”).',
  );
  if (!c.incidents.length) {
    pdf.para('No incidents were selected.');
    return;
  }
  const rows = c.incidents.map((i) => {
    const n = ctx.incidentNo.get(i.id) ?? 0;
    const at = i.occurredAt;
    const x = ctx.x.incidents.get(i.id);
    return [
      String(n),
      `${nb(ukDay(at.date))}${at.approximate ? '\n(about)' : ''}`,
      at.time ? nb(`${at.time.slice(0, 5)} ${zoneName(at.date, at.time, at.offset)}`) : 'no time',
      fewWords(i.title),
      channelLabel(i.channel),
      (x?.identifiers ?? []).map(identifierText).join('\n'),
      i.perpetratorIds.map((id) => ctx.pNo.get(id) ?? '').join(', '),
      i.exhibitRefs.join(', '),
      toldWhom(ctx, i),
      i.escalationSignals.map(escalationLabel).join('; '),
    ];
  });
  pdf.table(
    [
      { title: 'No', width: 22 },
      { title: 'Date', width: 76 },
      { title: 'Time', width: 50 },
      { title: 'What (in a few words)', width: 136 },
      { title: 'Channel', width: 70 },
      { title: 'Identifier used', width: 95 },
      { title: 'Believed responsible', width: 62 },
      { title: 'Exhibits', width: 70 },
      { title: 'Told police / platform', width: 90 },
      { title: 'Escalation', width: 90 },
    ],
    rows,
    { size: 7.5, layout: 'landscape' },
  );
}
