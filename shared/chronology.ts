/**
 * What a row of the timeline's chronology says (issue 15): the incident's number in the whole record,
 * the date and time in UK style, the people believed responsible, the exhibits by reference, the
 * police and platform references. Pure functions: no DOM, no React (unit-tested in plain Node).
 */
import { offsetLabel } from './format.js';
import type { Language } from './language.js';
import type { Incident, OccurredAt, Person, PoliceCase } from './model.js';

/**
 * Each incident's number: its place in the whole record, oldest first (1, 2, 3 …), by id. Given the
 * whole record in timeline order (indexIncidents), so a filter or the newest-first order never
 * changes a number.
 */
export function recordNumbers(ordered: readonly { incident: Pick<Incident, 'id'> }[]): Map<string, number> {
  const out = new Map<string, number>();
  ordered.forEach((x, i) => out.set(x.incident.id, i + 1));
  return out;
}

/** 2019-11-14 → 14/11/2019. */
export function ukDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/**
 * The date and time as recorded where it happened, UK style: "14/11/2019 23:59 (UTC-05:00)",
 * "About 15/11/2019 21:40 (UTC)", "15/11/2019, time not known", "About 15/11/2019, time not known".
 */
export function ukDateTime(at: OccurredAt): string {
  return ukDateTimeIn('en', at);
}

/** ukDateTime in a language: "Tua 15/11/2019 21:40 (UTC)", "15/11/2019, amser ddim yn hysbys". */
export function ukDateTimeIn(lang: Language, at: OccurredAt): string {
  const cy = lang === 'cy';
  const about = at.approximate ? (cy ? 'Tua ' : 'About ') : '';
  if (!at.time) return `${about}${ukDate(at.date)}, ${cy ? 'amser ddim yn hysbys' : 'time not known'}`;
  return `${about}${ukDate(at.date)} ${at.time.slice(0, 5)} (${offsetLabel(at.offset)})`;
}

export interface ExhibitRefs {
  /** The permanent references (AB/3), in the order they were given. */
  refs: string[];
  /** Exhibits with no reference yet (the producer's initials are not set). */
  unreferenced: number;
}

/** An incident's exhibits by reference, lowest number first. */
export function exhibitRefsOf(incident: Pick<Incident, 'exhibits'>): ExhibitRefs {
  const withRef = incident.exhibits
    .filter((e) => typeof e.ref === 'string' && e.ref !== '')
    .sort((a, b) => (a.refNumber ?? 0) - (b.refNumber ?? 0));
  return { refs: withRef.map((e) => e.ref ?? ''), unreferenced: incident.exhibits.length - withRef.length };
}

/** "AB/1, AB/2"; "AB/1, 2 without a reference yet"; "None". */
export function exhibitRefsText(r: ExhibitRefs): string {
  return exhibitRefsTextIn('en', r);
}

/** exhibitRefsText in a language: "AB/1, 2 heb gyfeirnod eto"; "Dim". */
export function exhibitRefsTextIn(lang: Language, r: ExhibitRefs): string {
  const cy = lang === 'cy';
  const parts = [...r.refs];
  if (r.unreferenced > 0) {
    parts.push(`${r.unreferenced} ${cy ? 'heb gyfeirnod eto' : 'without a reference yet'}`);
  }
  return parts.length === 0 ? (cy ? 'Dim' : 'None') : parts.join(', ');
}

/** The names of the people believed responsible, as recorded ("Not named" when none). */
export function believedResponsible(
  incident: Pick<Incident, 'perpetratorIds'>,
  peopleById: ReadonlyMap<string, Pick<Person, 'name'>>,
): string[] {
  return incident.perpetratorIds.map((id) => peopleById.get(id)?.name).filter((n): n is string => !!n);
}

/**
 * The police references: each police report's ("46/1/24, Kent Police") and each police case's that
 * covers the incident, each once.
 */
export function policeReferences(
  incident: Pick<Incident, 'id' | 'reports'>,
  cases: readonly Pick<PoliceCase, 'incidentIds' | 'reference' | 'force'>[],
): string[] {
  const out: string[] = [];
  const add = (reference: string, force: string) => {
    const text = [reference.trim(), force.trim()].filter((s) => s !== '').join(', ');
    if (text !== '' && !out.includes(text)) out.push(text);
  };
  for (const c of cases) if (c.incidentIds.includes(incident.id)) add(c.reference, c.force);
  for (const r of incident.reports) if (r.kind === 'police') add(r.reference, r.force);
  return out;
}

/** The platform references: "X: X-REPORT-9" (the platform alone when it gave none). */
export function platformReferences(incident: Pick<Incident, 'reports'>): string[] {
  const out: string[] = [];
  for (const r of incident.reports) {
    if (r.kind !== 'platform') continue;
    const platform = r.platform.trim() || 'Platform';
    const text = r.reference.trim() ? `${platform}: ${r.reference.trim()}` : platform;
    if (!out.includes(text)) out.push(text);
  }
  return out;
}
