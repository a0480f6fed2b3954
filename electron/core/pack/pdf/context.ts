/** What every section of the case-pack PDF reads: the case file, the extras, and lookups made once. */
import type { CaseExhibit, CaseFile, CaseIncident, CasePerson } from '../casefile.js';
import { personLabel } from '../casefile.js';
import { personNumbers, type PdfExtras } from './gather.js';

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
}

export function makeCtx(c: CaseFile, x: PdfExtras, exhibitListSha256: string, thumbnails: Map<string, Buffer>): Ctx {
  return {
    c,
    x,
    exhibitListSha256,
    thumbnails,
    pNo: personNumbers(c),
    incidentNo: new Map(c.incidents.map((i, n) => [i.id, n + 1])),
    people: new Map(c.people.map((p) => [p.id, p])),
    exhibitsByRef: new Map(c.exhibits.map((e) => [e.ref, e])),
  };
}

/** "P1 John Smith (@jsmith_77)"; a withheld person by number only. */
export function numberedPerson(ctx: Ctx, id: string): string {
  const p = ctx.people.get(id);
  const n = ctx.pNo.get(id) ?? '';
  return `${n ? `${n} ` : ''}${personLabel(p)}`;
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
  if (e.physical) return `${ref} (${e.originalName}; physical item, kept at ${e.physical.keptAt})`;
  const description = ctx.x.exhibits.get(e.exhibitId)?.details?.description ?? '';
  return `${ref} (${[description, e.originalName].filter(Boolean).join('; ')})`;
}
