/**
 * The incident form's model, apart from its screen: the fields as typed, checking them, and the
 * incident input they make. No DOM, no React.
 */
import type {
  CategoryId,
  ChannelKind,
  EscalationSignal,
  Incident,
  IncidentInput,
  Report,
  SeenIdentifier,
} from '../../../shared/model.js';
import { formatOffset, normaliseOffset, offsetMinutes } from '../../../shared/format.js';
import { localOffsetFor, nowParts } from '../format.js';

export interface Form {
  title: string;
  date: string;
  time: string;
  offset: string;
  approximate: boolean;
  description: string;
  /** "How it affected me, and what I changed because of it". */
  effect: string;
  /** Identifiers as they appeared (set by the CLI for now): carried through an edit unchanged. */
  identifiers: SeenIdentifier[];
  categories: CategoryId[];
  channelKind: ChannelKind | '';
  channelDetail: string;
  location: string;
  perpetratorIds: string[];
  witnessIds: string[];
  escalationSignals: EscalationSignal[];
  reports: Report[];
  notes: string;
  privateFields: string[];
}

export type Errors = Partial<Record<'title' | 'date' | 'time' | 'offset' | 'description', string>>;

/** Every half hour from UTC-12:00 to UTC+14:00, and Nepal's, Eucla's and the Chatham Islands' quarters. */
export const OFFSETS = (() => {
  const minutes: number[] = [];
  for (let m = -12 * 60; m <= 14 * 60; m += 30) minutes.push(m);
  minutes.push(offsetMinutes('+05:45'), offsetMinutes('+08:45'), offsetMinutes('+12:45'));
  return minutes.sort((a, b) => a - b).map(formatOffset);
})();

export function fromIncident(i: Incident): Form {
  return {
    title: i.title,
    date: i.occurredAt.date,
    time: i.occurredAt.time?.slice(0, 5) ?? '',
    offset: i.occurredAt.offset ?? localOffsetFor(i.occurredAt.date, ''),
    approximate: i.occurredAt.approximate,
    description: i.description,
    effect: i.effect,
    identifiers: i.identifiers.map((x) => ({ ...x })),
    categories: [...i.categories],
    channelKind: i.channel?.kind ?? '',
    channelDetail: i.channel?.detail ?? '',
    location: i.location,
    perpetratorIds: [...i.perpetratorIds],
    witnessIds: [...i.witnessIds],
    escalationSignals: [...i.escalationSignals],
    reports: i.reports.map((r) => ({ ...r })),
    notes: i.notes,
    privateFields: [...i.privateFields],
  };
}

export function blank(): Form {
  const now = nowParts();
  return {
    title: '',
    date: now.date,
    time: now.time,
    offset: now.offset,
    approximate: false,
    description: '',
    effect: '',
    identifiers: [],
    categories: [],
    channelKind: '',
    channelDetail: '',
    location: '',
    perpetratorIds: [],
    witnessIds: [],
    escalationSignals: [],
    reports: [],
    notes: '',
    privateFields: [],
  };
}

function titleFrom(description: string): string {
  const first = description.trim().split(/\r?\n/)[0]?.trim() ?? '';
  return first.length > 80 ? `${first.slice(0, 79).trimEnd()}…` : first;
}

export function validate(f: Form, quick: boolean): Errors {
  const e: Errors = {};
  if (!quick && f.title.trim() === '') e.title = 'Give the incident a short title, for example “Threatening letter”.';
  if (quick && f.description.trim() === '') e.description = 'Write what happened — a few words are enough for now.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) e.date = 'Enter the date it happened.';
  else if (f.date > nowParts().date) e.date = 'This date is in the future. Check the day, month and year.';
  if (f.time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(f.time))
    e.time = 'Enter the time as hours and minutes, like 21:40.';
  if (f.time !== '' && !/^(Z|[+-]\d{2}:\d{2})$/.test(f.offset)) e.offset = 'Choose the time zone.';
  return e;
}

export function toInput(f: Form, quick: boolean): IncidentInput {
  return {
    title: quick && f.title.trim() === '' ? titleFrom(f.description) : f.title.trim(),
    occurredAt:
      f.time === ''
        ? { date: f.date, approximate: f.approximate }
        : { date: f.date, time: f.time, offset: normaliseOffset(f.offset), approximate: f.approximate },
    description: f.description,
    effect: f.effect,
    identifiers: f.identifiers,
    categories: f.categories,
    channel: f.channelKind ? { kind: f.channelKind, detail: f.channelDetail.trim() || undefined } : undefined,
    location: f.location,
    perpetratorIds: f.perpetratorIds,
    witnessIds: f.witnessIds,
    escalationSignals: f.escalationSignals,
    reports: f.reports,
    notes: f.notes,
    privateFields: f.privateFields,
  };
}

export const FIELD_IDS: Record<keyof Errors, string> = {
  title: 'inc-title',
  date: 'inc-date',
  time: 'inc-time',
  offset: 'inc-offset',
  description: 'inc-description',
};
