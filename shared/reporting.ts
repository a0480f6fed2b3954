/**
 * Told whom (issue 12): "told the police" and "told the platform" are distinct. An incident is told
 * the police when a police case (vault level) links it or it has a police report of its own; told
 * the platform when it has a platform report. Pure functions, for the window, the CLI and the pack.
 */
import { parseDate } from '@internationalized/date';
import type { Incident, PoliceCase } from './model.js';

type CaseLinks = Pick<PoliceCase, 'incidentIds'>;

/** The police cases that cover this incident, in the order given. */
export function casesOf<C extends CaseLinks>(incidentId: string, cases: readonly C[]): C[] {
  return cases.filter((c) => c.incidentIds.includes(incidentId));
}

export function toldPolice(incident: Pick<Incident, 'id' | 'reports'>, cases: readonly CaseLinks[]): boolean {
  return incident.reports.some((r) => r.kind === 'police') || cases.some((c) => c.incidentIds.includes(incident.id));
}

export function toldPlatform(incident: Pick<Incident, 'reports'>): boolean {
  return incident.reports.some((r) => r.kind === 'platform');
}

/** The filter "Not yet told the police": platform-only incidents stay in it. */
export function notYetToldPolice<I extends Pick<Incident, 'id' | 'reports'>>(
  incidents: readonly I[],
  cases: readonly CaseLinks[],
): I[] {
  return incidents.filter((i) => !toldPolice(i, cases));
}

/** An escalated incident (any escalation signal) not yet told the police: flagged on the timeline. */
export function needsTellingPolice(
  incident: Pick<Incident, 'id' | 'reports' | 'escalationSignals'>,
  cases: readonly CaseLinks[],
): boolean {
  return incident.escalationSignals.length > 0 && !toldPolice(incident, cases);
}

/** Today's date in the UK (Europe/London), YYYY-MM-DD. */
export function ukToday(at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A date the police were first told: YYYY-MM-DD or DD/MM/YYYY (UK order, never month first).
 * RangeError, in plain words, for an impossible date (31/02/2024) or one after `today`.
 */
export function parseReportDate(text: string, today: string = ukToday()): string {
  const t = text.trim();
  let y: string, m: string, d: string;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else if (uk) {
    [, d, m, y] = uk as unknown as [string, string, string, string];
    d = d.padStart(2, '0');
    m = m.padStart(2, '0');
  } else {
    throw new RangeError(`"${text}" is not a date: use day/month/year (18/11/2019) or 2019-11-18`);
  }
  const probe = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (
    Number(m) < 1 ||
    Number(m) > 12 ||
    probe.getUTCFullYear() !== Number(y) ||
    probe.getUTCMonth() !== Number(m) - 1 ||
    probe.getUTCDate() !== Number(d)
  ) {
    throw new RangeError(`"${text}" is not a real date (${monthName(Number(m))} has no day ${Number(d)})`);
  }
  const date = `${y}-${m}-${d}`;
  if (parseDate(date).compare(parseDate(today)) > 0) {
    throw new RangeError(`"${text}" is in the future: give the day the police were first told`);
  }
  return date;
}

function monthName(m: number): string {
  if (m < 1 || m > 12) return `month ${m}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, m - 1, 1)),
  );
}
