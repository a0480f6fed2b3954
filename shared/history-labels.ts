/**
 * Plain words for what the history and the bin show: when a version was written (UK style:
 * weekday, dd/mm/yyyy, 24-hour), the fields a version changed, and a field's value as text.
 */
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  ESCALATION_LABELS,
  IDENTIFIER_LABELS,
  personName,
  type BinnableKind,
  type IncidentData,
  type Person,
  type PersonData,
} from './model.js';
import { dayLabel, timeLabel } from './timeline.js';
import { privateFieldShown } from './privacy.js';
import { UK_ZONE, ukDate, ukNow } from './uk-time.js';

/** What an incident's fields are called when a change is described ("place, what happened"). */
export const INCIDENT_FIELD_LABELS = {
  title: 'title',
  occurredAt: 'when it happened',
  description: 'what happened',
  effect: 'how it affected me',
  categories: 'kind of incident',
  channel: 'how it reached you',
  location: 'place',
  identifiers: 'what was seen',
  perpetratorIds: 'believed responsible',
  witnessIds: 'who saw it',
  escalationSignals: 'escalation signals',
  reports: 'where it was reported',
  notes: 'notes',
  privateFields: 'what is marked private',
} satisfies Record<keyof IncidentData, string>;

/** What a person's fields are called. */
export const PERSON_FIELD_LABELS = {
  name: 'name',
  handles: 'online handles',
  description: 'description',
  role: 'role',
  private: 'private',
  identifiers: 'identifiers',
  basis: 'why I believe these are the same person',
  contact: 'contact details',
  sawWhat: 'what they saw',
  knowsNamed: 'whether they know they are named',
} satisfies Record<keyof PersonData, string>;

export type HistoryKind = 'incident' | 'person';

function labelsOf(kind: HistoryKind): Record<string, string> {
  return kind === 'incident' ? INCIDENT_FIELD_LABELS : PERSON_FIELD_LABELS;
}

/** "place, what happened": the changed fields in plain words, in the order given. */
export function changedLabel(kind: HistoryKind, fields: readonly string[]): string {
  const labels = labelsOf(kind);
  return fields.map((f) => labels[f] ?? 'other details').join(', ');
}

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: UK_ZONE });

/**
 * "Tue 12/11/2019 20:31": an instant in UK time (GMT/BST), whatever zone the computer is set to,
 * UK style, 24-hour.
 */
export function writtenLabel(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const uk = ukNow(d);
  return `${weekday.format(d)} ${ukDate(uk.date)} ${uk.time}`;
}

/** "12/11/2019": the day of an instant in UK time, UK style. */
export function dayOf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return ukDate(ukNow(d).date);
}

/** Whole days left before an item leaves the bin for good (0 when its time has passed). */
export function daysLeft(expiresAt: string, now = Date.now()): number {
  const ms = new Date(expiresAt).getTime() - now;
  return ms <= 0 ? 0 : Math.ceil(ms / 86_400_000);
}

export const BIN_KIND_LABELS: Record<BinnableKind, string> = {
  incident: 'Incident',
  person: 'Person',
  exhibit: 'Exhibit',
  contact: 'Contact',
  case: 'Police case',
};

const empty = 'Nothing recorded';

function str(x: unknown): string {
  return typeof x === 'string' ? x : '';
}

/** A field's value as readable text (never raw JSON), for the history's before and after. */
export function fieldText(
  kind: HistoryKind,
  field: string,
  value: unknown,
  peopleById: ReadonlyMap<string, Person>,
): string {
  if (value === undefined || value === null) return empty;
  if (kind === 'incident') {
    switch (field) {
      case 'occurredAt': {
        const at = value as IncidentData['occurredAt'];
        return `${dayLabel(at.date)}, ${timeLabel(at)}`;
      }
      case 'channel': {
        const c = value as NonNullable<IncidentData['channel']>;
        return `${CHANNEL_LABELS[c.kind]}${c.detail ? `: ${c.detail}` : ''}`;
      }
      case 'categories':
        return list((value as IncidentData['categories']).map((c) => CATEGORY_LABELS[c]));
      case 'escalationSignals':
        return list((value as IncidentData['escalationSignals']).map((s) => ESCALATION_LABELS[s]));
      case 'identifiers':
        return list(
          (value as IncidentData['identifiers']).map(
            (x) => `${IDENTIFIER_LABELS[x.kind]}: ${x.value}${x.platform ? ` (${x.platform})` : ''}`,
          ),
        );
      case 'perpetratorIds':
      case 'witnessIds':
        return list(
          (value as string[]).map((id) => {
            const p = peopleById.get(id);
            return p ? personName(p) : 'A person no longer in the record';
          }),
        );
      case 'privateFields':
        return list((value as string[]).map(privateFieldShown));
      case 'reports':
        return list(
          (value as IncidentData['reports']).map((r) =>
            r.kind === 'police'
              ? ['Police', str(r.force) && `(${str(r.force)})`, str(r.reference) && `reference ${str(r.reference)}`]
                  .filter(Boolean)
                  .join(' ')
              : [str(r.platform) || 'Platform', str(r.reference) && `reference ${str(r.reference)}`]
                  .filter(Boolean)
                  .join(' '),
          ),
        );
    }
  } else {
    switch (field) {
      case 'identifiers':
        return list(
          (value as PersonData['identifiers']).map((i) =>
            [i.handle || i.url || i.accountId, i.platform && `(${i.platform})`].filter(Boolean).join(' '),
          ),
        );
      case 'role':
        return value === 'perpetrator' ? 'Believed responsible' : value === 'witness' ? 'Witness' : 'Other';
    }
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value.trim() === '' ? empty : value;
  if (Array.isArray(value)) return list(value.map((x) => (typeof x === 'string' ? x : '')).filter(Boolean));
  return empty;
}

function list(items: string[]): string {
  return items.length ? items.join('; ') : empty;
}
