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
import { formatOffset, offsetMinutes } from '../../../shared/format.js';
import { checkWhen, entryFor, ukNow } from '../../../shared/uk-time.js';
import type { Words } from '../../../shared/words.js';
import type { Translate } from '../i18n/index.js';

export interface Form {
  title: string;
  date: string;
  /** HH:MM, or '' when not known: never filled from the clock unless she chooses "Just now". */
  time: string;
  /** 'uk': UK time (GMT/BST), the offset worked out for the date and time; 'offset': `offset` as chosen. */
  zone: 'uk' | 'offset';
  offset: string;
  /** For the hour that happened twice (clocks going back): which time she said it was. */
  fold: 'first' | 'second' | '';
  approximate: boolean;
  description: string;
  /** "How it affected me, and what I changed because of it". */
  effect: string;
  /** "What was seen": identifiers as they appeared (rows left empty are dropped on save). */
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

export type Errors = Partial<Record<'title' | 'date' | 'time' | 'offset' | 'fold' | 'description', string>>;

/** Every half hour from UTC-12:00 to UTC+14:00, and Nepal's, Eucla's and the Chatham Islands' quarters. */
export const OFFSETS = (() => {
  const minutes: number[] = [];
  for (let m = -12 * 60; m <= 14 * 60; m += 30) minutes.push(m);
  minutes.push(offsetMinutes('+05:45'), offsetMinutes('+08:45'), offsetMinutes('+12:45'));
  return minutes.sort((a, b) => a - b).map(formatOffset);
})();

export function fromIncident(i: Incident): Form {
  const when = entryFor(i.occurredAt);
  return {
    title: i.title,
    date: when.date,
    time: when.time,
    zone: when.zone,
    offset: when.offset,
    fold: when.fold,
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

/** A new incident: today's date in the UK, and no time (she types one or chooses "Just now"). */
export function blank(now: Date = new Date()): Form {
  return {
    title: '',
    date: ukNow(now).date,
    time: '',
    zone: 'uk',
    offset: 'Z',
    fold: '',
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

export function validate(f: Form, quick: boolean, t: Translate, w: Words, now: Date = new Date()): Errors {
  const e: Errors = {};
  if (!quick && f.title.trim() === '') e.title = t('incident.form.title-missing');
  if (quick && f.description.trim() === '') e.description = t('incident.form.description-missing');
  // The date and time problems in the window's language (shared/uk-time.ts words them).
  const when = w.checkWhen(f, now);
  if (!when.ok) e[when.field] = when.message;
  return e;
}

/** The date, and the time with the offset it had, as checkWhen() worked them out (validate first). */
function occurredAt(f: Form): IncidentInput['occurredAt'] {
  const when = checkWhen(f);
  if (!when.ok) throw new Error(when.message);
  return when.time === undefined
    ? { date: when.date, approximate: f.approximate }
    : { date: when.date, time: when.time, offset: when.offset, approximate: f.approximate };
}

/** The rows of "What was seen" with text in them, trimmed; a blank platform is left out. */
export function seenToSave(rows: readonly SeenIdentifier[]): SeenIdentifier[] {
  return rows
    .map((x) => ({ kind: x.kind, value: x.value.trim(), platform: x.platform?.trim() ?? '' }))
    .filter((x) => x.value !== '')
    .map(({ platform, ...x }) => (platform ? { ...x, platform } : x));
}

export function toInput(f: Form, quick: boolean): IncidentInput {
  return {
    title: quick && f.title.trim() === '' ? titleFrom(f.description) : f.title.trim(),
    occurredAt: occurredAt(f),
    description: f.description,
    effect: f.effect,
    identifiers: seenToSave(f.identifiers),
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
  fold: 'inc-fold',
  description: 'inc-description',
};
