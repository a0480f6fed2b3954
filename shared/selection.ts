/**
 * Which incidents a case pack holds: the ONE implementation of a PackSelection, used by the
 * export wizard (to show what matches) and by the exporter (to decide what goes in), so the
 * screen and the pack cannot disagree. No dependencies beyond shared/model.ts.
 */
import type { CategoryId, Incident } from './model.js';
import { compareForTimeline } from './timeline.js';

/** Which incidents go in. Every given criterion must hold (AND); none given: every incident. */
export interface Selection {
  /** Picked by hand. */
  incidentIds?: string[];
  /** Inclusive, by the incident's own date (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** The incident has at least one of these categories. */
  categories?: CategoryId[];
  /** The person is believed responsible for, or a witness of, the incident (any of these). */
  personIds?: string[];
}

/** Why a selection cannot be used (today: a date range back to front), or null. */
export function selectionProblem(sel: Selection): string | null {
  if (sel.from && sel.to && sel.from > sel.to) {
    return `The date range is back to front: ${sel.from} is after ${sel.to}.`;
  }
  return null;
}

/** The incidents of `all` that the selection holds, in the order of the chronology (oldest first). */
export function selectIncidents<I extends Incident>(all: readonly I[], sel: Selection): I[] {
  const ids = sel.incidentIds ? new Set(sel.incidentIds) : null;
  const cats = sel.categories?.length ? new Set<string>(sel.categories) : null;
  const persons = sel.personIds?.length ? new Set(sel.personIds) : null;
  return all
    .filter(
      (i) =>
        (!ids || ids.has(i.id)) &&
        (!sel.from || i.occurredAt.date >= sel.from) &&
        (!sel.to || i.occurredAt.date <= sel.to) &&
        (!cats || i.categories.some((c) => cats.has(c))) &&
        (!persons || [...i.perpetratorIds, ...i.witnessIds].some((p) => persons.has(p))),
    )
    .sort(compareForTimeline);
}
