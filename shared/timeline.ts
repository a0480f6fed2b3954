/**
 * Pure helpers for the timeline screen: a precomputed search index, filters, grouping by month and
 * day, and the "course of conduct" grouping by person. No DOM, no React: unit-tested in plain Node.
 */
import { offsetLabel } from './format.js';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  occurredAtSortKey,
  type CategoryId,
  type ChannelKind,
  type Incident,
  type OccurredAt,
  type Person,
} from './model.js';

export interface IndexedIncident {
  incident: Incident;
  /**
   * Lower-case text of everything searchable: title, description, notes, people, exhibit names, ...
   * Built on first use and kept (warmIndex builds it ahead, when the window is idle).
   */
  readonly text: string;
  sortKey: number;
  reported: boolean;
  escalated: boolean;
}

class IndexEntry implements IndexedIncident {
  private cached: string | null = null;
  readonly reported: boolean;
  readonly escalated: boolean;
  constructor(
    readonly incident: Incident,
    readonly sortKey: number,
    private readonly peopleById: ReadonlyMap<string, Person>,
  ) {
    this.reported = isReported(incident);
    this.escalated = incident.escalationSignals.length > 0;
  }
  get text(): string {
    this.cached ??= buildSearchText(this.incident, this.peopleById);
    return this.cached;
  }
}

export type TriState = 'any' | 'yes' | 'no';

export interface IncidentFilter {
  query: string;
  categories: CategoryId[];
  personId: string | null;
  channel: ChannelKind | null;
  /** Free text matched against the channel's platform/app name ("X", "WhatsApp"). */
  platform: string;
  /** YYYY-MM-DD, inclusive; '' for no bound. */
  from: string;
  to: string;
  reported: TriState;
  escalation: TriState;
}

export const EMPTY_FILTER: IncidentFilter = {
  query: '',
  categories: [],
  personId: null,
  channel: null,
  platform: '',
  from: '',
  to: '',
  reported: 'any',
  escalation: 'any',
};

export function isFilterEmpty(f: IncidentFilter): boolean {
  return (
    f.query.trim() === '' &&
    f.categories.length === 0 &&
    f.personId === null &&
    f.channel === null &&
    f.platform.trim() === '' &&
    f.from === '' &&
    f.to === '' &&
    f.reported === 'any' &&
    f.escalation === 'any'
  );
}

export function isReported(incident: Pick<Incident, 'reports'>): boolean {
  return incident.reports.length > 0;
}

/** Everything a person might type to find an incident, lower-cased once. */
export function buildSearchText(incident: Incident, peopleById: ReadonlyMap<string, Person>): string {
  const parts: string[] = [incident.title, incident.description, incident.notes, incident.location];
  if (incident.channel) {
    parts.push(CHANNEL_LABELS[incident.channel.kind], incident.channel.detail ?? '');
  }
  for (const c of incident.categories) parts.push(CATEGORY_LABELS[c]);
  for (const id of [...incident.perpetratorIds, ...incident.witnessIds]) {
    const p = peopleById.get(id);
    if (p) parts.push(p.name, ...p.handles);
  }
  for (const r of incident.reports) {
    parts.push(r.reference, r.kind === 'police' ? r.force : r.platform);
  }
  for (const e of incident.exhibits) parts.push(e.name);
  return parts
    .filter((s) => s !== '')
    .join('\n')
    .toLowerCase();
}

/** What the order of incidents reads: when it happened, when it was recorded, its id. */
export type Dated = Pick<Incident, 'occurredAt' | 'createdAt' | 'id'>;

interface OrderKey {
  date: string;
  instant: number;
  createdAt: string;
  id: string;
}

function orderKey(x: Dated): OrderKey {
  return { date: x.occurredAt.date, instant: occurredAtSortKey(x.occurredAt), createdAt: x.createdAt, id: x.id };
}

function compareKeys(a: OrderKey, b: OrderKey): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.instant !== b.instant) return a.instant - b.instant;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The one order of incidents (timeline, course of conduct, case pack, CLI list): oldest first by the
 * date as recorded where it happened (the day headings follow it), then by the instant within a day,
 * then by when it was recorded and its id, so the order is stable. An e-mail sent at 23:59 -05:00 on
 * the 14th stays on the 14th, before a date-only entry on the 15th, although its instant is later.
 */
export function compareForTimeline(a: Dated, b: Dated): number {
  return compareKeys(orderKey(a), orderKey(b));
}

/** `items` in the order of compareForTimeline, each sort key computed once (not inside the comparator). */
export function inTimelineOrder<T>(items: readonly T[], dated: (item: T) => Dated): T[] {
  return items
    .map((item) => ({ item, key: orderKey(dated(item)) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.item);
}

/** Index every incident, oldest first. Done once per data change, not per keystroke. */
export function indexIncidents(incidents: readonly Incident[], people: readonly Person[]): IndexedIncident[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const keyed = incidents.map((incident) => ({ incident, key: orderKey(incident) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map(({ incident, key }) => new IndexEntry(incident, key.instant, byId));
}

/** Build the search text of `count` entries from `start`; returns where it stopped (for idle-time chunks). */
export function warmIndex(index: readonly IndexedIncident[], start = 0, count = index.length): number {
  const end = Math.min(index.length, start + count);
  for (let i = start; i < end; i++) void index[i]?.text;
  return end;
}

/** Split a query into lower-case terms; every term must appear (in any field). */
export function queryTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
}

export function filterIncidents(index: readonly IndexedIncident[], f: IncidentFilter): IndexedIncident[] {
  const terms = queryTerms(f.query);
  const platform = f.platform.trim().toLowerCase();
  const cats = f.categories;
  return index.filter((x) => {
    const inc = x.incident;
    if (f.reported !== 'any' && x.reported !== (f.reported === 'yes')) return false;
    if (f.escalation !== 'any' && x.escalated !== (f.escalation === 'yes')) return false;
    if (f.from !== '' && inc.occurredAt.date < f.from) return false;
    if (f.to !== '' && inc.occurredAt.date > f.to) return false;
    if (f.channel !== null && inc.channel?.kind !== f.channel) return false;
    if (platform !== '' && !(inc.channel?.detail ?? '').toLowerCase().includes(platform)) return false;
    if (cats.length > 0 && !cats.some((c) => inc.categories.includes(c))) return false;
    if (f.personId !== null && !inc.perpetratorIds.includes(f.personId) && !inc.witnessIds.includes(f.personId)) {
      return false;
    }
    for (const t of terms) if (!x.text.includes(t)) return false;
    return true;
  });
}

export type TimelineRow =
  | { kind: 'month'; key: string; label: string; count: number }
  | { kind: 'day'; key: string; label: string }
  | { kind: 'incident'; key: string; item: IndexedIncident };

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekdayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

/** "November 2019" for 2019-11-14 (the date as recorded where it happened). */
export function monthLabel(date: string): string {
  return monthFormat.format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));
}
/** "Thursday 14 November 2019". */
export function dayLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${weekdayFormat.format(d)} ${d.getUTCDate()} ${monthFormat.format(d)}`;
}

/**
 * Flatten incidents (given oldest first) into rows with month and day headings, in the order asked.
 * Grouped by the date as recorded, so an incident at 23:30 local time stays on its own day.
 */
export function buildTimelineRows(
  items: readonly IndexedIncident[],
  order: 'oldest-first' | 'newest-first',
): TimelineRow[] {
  const list = order === 'oldest-first' ? items : [...items].reverse();
  const monthCounts = new Map<string, number>();
  for (const x of list) {
    const m = x.incident.occurredAt.date.slice(0, 7);
    monthCounts.set(m, (monthCounts.get(m) ?? 0) + 1);
  }
  const rows: TimelineRow[] = [];
  let month = '';
  let day = '';
  for (const x of list) {
    const d = x.incident.occurredAt.date;
    const m = d.slice(0, 7);
    if (m !== month) {
      month = m;
      day = '';
      rows.push({ kind: 'month', key: `m${m}`, label: monthLabel(d), count: monthCounts.get(m) ?? 0 });
    }
    if (d !== day) {
      day = d;
      rows.push({ kind: 'day', key: `d${d}`, label: dayLabel(d) });
    }
    rows.push({ kind: 'incident', key: x.incident.id, item: x });
  }
  return rows;
}

export interface ConductGroup {
  /** null: incidents with nobody named as responsible. */
  person: Person | null;
  items: IndexedIncident[];
  first: string;
  last: string;
  escalated: number;
}

/** "Course of conduct": incidents grouped by each person named as responsible, most incidents first. */
export function groupByPerson(items: readonly IndexedIncident[], people: readonly Person[]): ConductGroup[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const groups = new Map<string, IndexedIncident[]>();
  const unknown: IndexedIncident[] = [];
  for (const x of items) {
    const ids = x.incident.perpetratorIds.filter((id) => byId.has(id));
    if (ids.length === 0) unknown.push(x);
    for (const id of ids) {
      const g = groups.get(id);
      if (g) g.push(x);
      else groups.set(id, [x]);
    }
  }
  const make = (person: Person | null, list: IndexedIncident[]): ConductGroup => ({
    person,
    items: list,
    first: list[0]?.incident.occurredAt.date ?? '',
    last: list[list.length - 1]?.incident.occurredAt.date ?? '',
    escalated: list.filter((x) => x.escalated).length,
  });
  const out = [...groups.entries()]
    .map(([id, list]) => make(byId.get(id) ?? null, list))
    .sort((a, b) => b.items.length - a.items.length || (a.person?.name ?? '').localeCompare(b.person?.name ?? ''));
  if (unknown.length > 0) out.push(make(null, unknown));
  return out;
}

export interface Mention {
  item: IndexedIncident;
  /** Named as responsible (perpetratorIds). */
  responsible: boolean;
  /** Named as a witness (witnessIds). */
  witness: boolean;
}

/** The incidents that name a person, as responsible or as a witness, in the order given (the timeline's). */
export function mentionsOf(items: readonly IndexedIncident[], personId: string): Mention[] {
  const out: Mention[] = [];
  for (const item of items) {
    const responsible = item.incident.perpetratorIds.includes(personId);
    const witness = item.incident.witnessIds.includes(personId);
    if (responsible || witness) out.push({ item, responsible, witness });
  }
  return out;
}

/** The first lines of a description, for the timeline: at most `lines` lines and `chars` characters. */
export function excerpt(text: string, lines = 2, chars = 220): string {
  const kept = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, lines)
    .join(' ');
  return kept.length > chars ? `${kept.slice(0, chars - 1).trimEnd()}…` : kept;
}

/**
 * The time as the user should read it: the recorded local time with its offset, e.g.
 * "21:40 (UTC+01:00)"; "About 21:40 (UTC)" when approximate; a date-only entry says so
 * ("Date only, time not known"), so no reader takes it for an exact time.
 */
export function timeLabel(at: OccurredAt): string {
  if (!at.time) return at.approximate ? 'About this date, time not known' : 'Date only, time not known';
  const hhmm = at.time.slice(0, 5);
  return `${at.approximate ? 'About ' : ''}${hhmm} (${offsetLabel(at.offset)})`;
}
