/**
 * Time limits, as a prompt (issue 12 item 8): never legal advice. A summary offence of harassment or
 * stalking must usually be prosecuted within 6 months (Magistrates' Courts Act 1980, s.127); an
 * incident of that kind not yet told the police and more than 4 months old gets a calm note.
 */
import { parseDate } from '@internationalized/date';
import type { Incident, PoliceCase } from './model.js';
import { toldPolice, ukToday } from './reporting.js';

export const TIME_LIMIT_NOTE =
  "A prosecution for harassment or stalking in a magistrates' court must usually begin within 6 months of the offence (Magistrates' Courts Act 1980, s.127). Tell your police contact (SPOC) soon. This is not legal advice.";

/** The categories the note is about. */
export const TIME_LIMITED_CATEGORIES = ['harassment', 'stalking'] as const;

/** Months after the incident when the note appears (strictly more than this). */
export const NOTE_AFTER_MONTHS = 4;

/**
 * The note for this incident today, or null: categorised harassment or stalking, not yet told the
 * police (no police case links it and it has no police report), and more than 4 months old
 * (calendar months from the date it happened, in UK dates).
 */
export function timeLimitNote(
  incident: Pick<Incident, 'id' | 'reports' | 'categories' | 'occurredAt'>,
  cases: readonly Pick<PoliceCase, 'incidentIds'>[],
  today: string = ukToday(),
): string | null {
  if (!incident.categories.some((c) => (TIME_LIMITED_CATEGORIES as readonly string[]).includes(c))) return null;
  if (toldPolice(incident, cases)) return null;
  let limit;
  try {
    limit = parseDate(incident.occurredAt.date).add({ months: NOTE_AFTER_MONTHS });
  } catch {
    return null;
  }
  return limit.compare(parseDate(today)) < 0 ? TIME_LIMIT_NOTE : null;
}
