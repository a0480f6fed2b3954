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

/** Incidents a person is in, as "1, 3". */
export function incidentsOf(ctx: Ctx, id: string, as: 'perpetrator' | 'witness'): string {
  return ctx.c.incidents
    .filter((i: CaseIncident) => (as === 'perpetrator' ? i.perpetratorIds : i.witnessIds).includes(id))
    .map((i) => String(ctx.incidentNo.get(i.id)))
    .join(', ');
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
