/** What every section of the case-pack PDF reads: the case file, the extras, and lookups made once. */
import type { Language } from '../../../../shared/language.js';
import { words, type Words } from '../../../../shared/words.js';
import type { CaseExhibit, CaseFile, CaseIncident, CasePerson } from '../casefile.js';
import { packText, type PackText } from '../words/index.js';
import { personNumbers, type PdfExtras } from './gather.js';
import { datesIn, type Dates } from './when.js';

export interface Ctx {
  c: CaseFile;
  x: PdfExtras;
  exhibitListSha256: string;
  thumbnails: Map<string, Buffer>;
  /** P1…/W1… by person id. */
  pNo: Map<string, string>;
  /** 1… by incident id. */
  incidentNo: Map<string, number>;
  people: Map<string, CasePerson>;
  exhibitsByRef: Map<string, CaseExhibit>;
  /** The pack's language, its words, the shared labels and its dates. */
  lang: Language;
  t: PackText;
  w: Words;
  d: Dates;
}

export function makeCtx(
  c: CaseFile,
  x: PdfExtras,
  exhibitListSha256: string,
  thumbnails: Map<string, Buffer>,
  lang: Language = 'en',
): Ctx {
  return {
    c,
    x,
    exhibitListSha256,
    thumbnails,
    pNo: personNumbers(c),
    incidentNo: new Map(c.incidents.map((i, n) => [i.id, n + 1])),
    people: new Map(c.people.map((p) => [p.id, p])),
    exhibitsByRef: new Map(c.exhibits.map((e) => [e.ref, e])),
    lang,
    t: packText(lang),
    w: words(lang),
    d: datesIn(lang),
  };
}

/** A category's label in the pack's language (the id when it is not known). */
export function categoryText(ctx: Ctx, id: string): string {
  return (ctx.w.category as Record<string, string>)[id] ?? id;
}

/** An escalation signal's label in the pack's language. */
export function escalationText(ctx: Ctx, id: string): string {
  return (ctx.w.escalation as Record<string, string>)[id] ?? id;
}

/** "Social media: X", in the pack's language. */
export function channelText(ctx: Ctx, ch: CaseIncident['channel']): string {
  if (!ch) return '';
  const base = (ctx.w.channel as Record<string, string>)[ch.kind] ?? ch.kind;
  return ch.detail ? `${base}: ${ch.detail}` : base;
}

/** "John Smith (@jsmith_77)"; a withheld or unknown person in words. */
export function personText(ctx: Ctx, p: CasePerson | undefined): string {
  if (!p) return ctx.t('pdf.person.unknown');
  if (p.withheld) return ctx.t('pdf.person.withheld');
  const handles = p.handles.length ? ` (${p.handles.join(', ')})` : '';
  return `${p.name || ctx.t('pdf.person.noName')}${handles}`;
}

/** Each police (or platform) report of an incident on one line, in the pack's language. */
export function reportText(ctx: Ctx, reports: CaseIncident['reports'], kind: 'police' | 'platform'): string[] {
  const { t } = ctx;
  const out: string[] = [];
  for (const r of reports) {
    if (r.kind !== kind) continue;
    if (r.kind === 'police') {
      out.push(
        [
          r.force,
          r.reference && t('pdf.report.ref', { ref: r.reference }),
          r.officer && t('pdf.report.officer', { officer: r.officer }),
          r.date,
        ]
          .filter(Boolean)
          .join(', '),
      );
    } else {
      out.push(
        [
          r.platform,
          r.reference && t('pdf.report.ref', { ref: r.reference }),
          r.date,
          r.outcome && t('pdf.report.outcome', { outcome: r.outcome }),
        ]
          .filter(Boolean)
          .join(', '),
      );
    }
  }
  return out;
}

/** "P1 John Smith (@jsmith_77)"; a withheld person by number only. */
export function numberedPerson(ctx: Ctx, id: string): string {
  const p = ctx.people.get(id);
  const n = ctx.pNo.get(id) ?? '';
  return `${n ? `${n} ` : ''}${personText(ctx, p)}`;
}

/** Incidents a person is in, as "1, 3, 5–9". */
export function incidentsOf(ctx: Ctx, id: string, as: 'perpetrator' | 'witness'): string {
  return numberRanges(
    ctx.c.incidents
      .filter((i: CaseIncident) => (as === 'perpetrator' ? i.perpetratorIds : i.witnessIds).includes(id))
      .map((i) => ctx.incidentNo.get(i.id) ?? 0),
  );
}

/** [1, 3, 4, 5, 9] → "1, 3–5, 9" (three or more in a row become a range). */
export function numberRanges(ns: readonly number[]): string {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    out.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return out.join(', ');
}

/** "AB/1 (Screenshot of the post; post-1.png)": an exhibit's reference and what it is. */
export function exhibitWithDescription(ctx: Ctx, ref: string): string {
  const e = ctx.exhibitsByRef.get(ref);
  if (!e) return ref;
  // A physical item's name is what it is ("Letter and envelope"); a file's description comes first.
  if (e.physical) return ctx.t('pdf.exhibit.physicalWith', { ref, name: e.originalName, keptAt: e.physical.keptAt });
  const description = ctx.x.exhibits.get(e.exhibitId)?.details?.description ?? '';
  return `${ref} (${[description, e.originalName].filter(Boolean).join('; ')})`;
}

/** "2.1 MB (2,202,009 bytes)", in the pack's language. */
export function sizeText(ctx: Ctx, n: number): string {
  return n < 1024
    ? ctx.w.formatSize(n)
    : ctx.t('pdf.bytes', { size: ctx.w.formatSize(n), n: n.toLocaleString('en-GB') });
}
