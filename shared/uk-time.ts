/**
 * When something happened, entered the UK way: a day / month / year date, a 24-hour time if she
 * knows it, and the zone "UK time (GMT/BST)" (Europe/London) unless she chose another UTC offset.
 * The offset is worked out for the chosen date and time, never taken from the computer:
 *  - the hour the clocks go back happens twice, so which one is ASKED (never guessed);
 *  - the hour the clocks go forward never happens, so a time in it is refused;
 *  - an impossible date (31/02) and a date or time later than now are refused.
 * Pure (no DOM, no Node), on @internationalized/date; the window and the core share it.
 */
import { CalendarDate, CalendarDateTime, fromDate, toCalendarDateTime, toZoned } from '@internationalized/date';
import { formatOffset, normaliseOffset, offsetMinutes } from './format.js';
import type { Language } from './language.js';

export const UK_ZONE = 'Europe/London';
/** What the default zone is called wherever a person reads it. */
export const UK_ZONE_LABEL = 'UK time (GMT/BST)';
export const UK_ZONE_LABELS: Record<Language, string> = { en: UK_ZONE_LABEL, cy: 'Amser y DU (GMT/BST)' };

/** The UK offset of a wall-clock date and time. */
export type UkOffset =
  | { kind: 'exact'; offset: string }
  /** The clocks went back: it happened twice, first in BST then in GMT. */
  | { kind: 'twice'; first: string; second: string }
  /** The clocks went forward past it: it never happened in the UK. */
  | { kind: 'never' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The date as a CalendarDate, or null when it is not a real day (2024-02-31, 2023-02-29, 2024-13-01). */
export function realDate(date: string): CalendarDate | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return null;
  const c = new CalendarDate(y, mo, d);
  // CalendarDate constrains an out-of-range day to the month's last: a changed day was not real.
  return c.year === y && c.month === mo && c.day === d ? c : null;
}

function dateTime(date: string, time: string): CalendarDateTime {
  const d = realDate(date);
  const t = TIME.exec(time);
  if (!d || !t) throw new RangeError(`not a date and time: ${date} ${time}`);
  return new CalendarDateTime(d.year, d.month, d.day, Number(t[1]), Number(t[2]));
}

/** The UK offset ("Z" for GMT, "+01:00" for BST) for a date (YYYY-MM-DD) and time (HH:MM). */
export function ukOffset(date: string, time: string): UkOffset {
  const wall = dateTime(date, time);
  const earlier = toZoned(wall, UK_ZONE, 'earlier');
  const later = toZoned(wall, UK_ZONE, 'later');
  const same = (z: typeof earlier) => toCalendarDateTime(z).compare(wall) === 0;
  if (!same(earlier) || !same(later)) return { kind: 'never' };
  const first = formatOffset(earlier.offset / 60_000);
  const second = formatOffset(later.offset / 60_000);
  return first === second ? { kind: 'exact', offset: first } : { kind: 'twice', first, second };
}

/** "+01:00" or "+00:00": how the question and messages write an offset (the model keeps "Z"). */
function shownOffset(offset: string): string {
  return normaliseOffset(offset) === 'Z' ? '+00:00' : offset;
}
function ukName(offset: string): string {
  return offsetMinutes(offset) === 60 ? 'BST' : 'GMT';
}

/** "01:30 happened twice that night: the first time (BST, +01:00) or the second (GMT, +00:00)?" */
export function twiceQuestion(time: string, twice: { first: string; second: string }): string {
  return `${time} happened twice that night: the first time (${ukName(twice.first)}, ${shownOffset(twice.first)}) or the second (${ukName(twice.second)}, ${shownOffset(twice.second)})?`;
}

/** twiceQuestion in a language: "Digwyddodd 01:30 ddwywaith y noson honno: …". */
export function twiceQuestionIn(lang: Language, time: string, twice: { first: string; second: string }): string {
  if (lang === 'en') return twiceQuestion(time, twice);
  return `Digwyddodd ${time} ddwywaith y noson honno: y tro cyntaf (${ukName(twice.first)}, ${shownOffset(twice.first)}) neu’r ail (${ukName(twice.second)}, ${shownOffset(twice.second)})?`;
}

/** 2019-11-12 → "12/11/2019". */
export function ukDate(date: string): string {
  const m = DATE.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Weekday and month names per language, Sunday first (tables: Chromium's Intl has no Welsh). */
export const WEEKDAY_NAMES: Record<Language, readonly string[]> = {
  en: WEEKDAYS,
  cy: ['Dydd Sul', 'Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener', 'Dydd Sadwrn'],
};
/** Short weekdays, Sunday first: "Tue", "Maw". */
export const SHORT_WEEKDAY_NAMES: Record<Language, readonly string[]> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  cy: ['Sul', 'Llun', 'Maw', 'Mer', 'Iau', 'Gwe', 'Sad'],
};
export const MONTH_NAMES: Record<Language, readonly string[]> = {
  en: MONTHS,
  cy: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
};

/** 2019-11-12 → "Tuesday 12 November 2019" (null for a date that is not real). */
export function dateInWords(date: string): string | null {
  return dateInWordsIn('en', date);
}

/** dateInWords in a language: "Dydd Mawrth 12 Tachwedd 2019". */
export function dateInWordsIn(lang: Language, date: string): string | null {
  const d = realDate(date);
  if (!d) return null;
  const weekday = WEEKDAY_NAMES[lang][new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
  return `${weekday} ${d.day} ${MONTH_NAMES[lang][d.month - 1]} ${d.year}`;
}

/** The date and time now in the UK: what "Just now" fills in. */
export function ukNow(at: Date = new Date()): { date: string; time: string } {
  const n = fromDate(at, UK_ZONE);
  const pad = (v: number) => String(v).padStart(2, '0');
  return { date: `${n.year}-${pad(n.month)}-${pad(n.day)}`, time: `${pad(n.hour)}:${pad(n.minute)}` };
}

/** The form's "when": as typed, with the zone chosen and, for the hour that happened twice, which. */
export interface WhenEntry {
  /** YYYY-MM-DD, or '' when not (fully) entered. */
  date: string;
  /** HH:MM, or '' when the time is not known. */
  time: string;
  /** 'uk': UK time (GMT/BST), worked out; 'offset': the UTC offset in `offset` (an incident abroad). */
  zone: 'uk' | 'offset';
  /** With zone 'offset': "Z", "+01:00", "-05:00". */
  offset: string;
  /** With zone 'uk' and an hour that happened twice: which time she meant ('' until she says). */
  fold: 'first' | 'second' | '';
}

export type WhenProblem = { field: 'date' | 'time' | 'fold'; message: string };
export type WhenResult =
  | { ok: true; date: string; time?: string; offset?: string }
  | ({ ok: false } & WhenProblem & { twice?: { first: string; second: string } });

/** What checkWhen says, in each language: one plain line each, with what to do. */
const WHEN_WORDS = {
  en: {
    noDate: 'Enter the date it happened, as day, month and year.',
    dateToo: 'Enter the date as well as the time.',
    notReal: (d: string) => `${d} is not a real date. Check the day, month and year.`,
    badTime: 'Enter the time as hours and minutes on the 24-hour clock, like 21:40.',
    future: 'This date is in the future. Check the day, month and year.',
    zone: 'Choose the time zone.',
    never: (t: string, d: string) =>
      `${t} on ${d} never happened in the UK: the clocks went forward an hour that night. Check the time.`,
    later: 'This time is later than now. Check the time.',
  },
  cy: {
    noDate: 'Rhowch y dyddiad y digwyddodd, fel diwrnod, mis a blwyddyn.',
    dateToo: 'Rhowch y dyddiad yn ogystal â’r amser.',
    notReal: (d: string) => `Nid yw ${d} yn ddyddiad go iawn. Gwiriwch y diwrnod, y mis a’r flwyddyn.`,
    badTime: 'Rhowch yr amser fel oriau a munudau ar y cloc 24 awr, fel 21:40.',
    future: 'Mae’r dyddiad hwn yn y dyfodol. Gwiriwch y diwrnod, y mis a’r flwyddyn.',
    zone: 'Dewiswch y gylchfa amser.',
    never: (t: string, d: string) =>
      `Ni ddigwyddodd ${t} ar ${d} yn y DU: aeth y clociau ymlaen awr y noson honno. Gwiriwch yr amser.`,
    later: 'Mae’r amser hwn yn hwyrach na nawr. Gwiriwch yr amser.',
  },
} satisfies Record<Language, unknown>;

/**
 * Checks an entry and gives what to store: a date alone, or a date, time and the offset it had.
 * `now` is the present (tests pass one). Messages are one plain line each, with what to do.
 */
export function checkWhen(e: WhenEntry, now: Date = new Date()): WhenResult {
  return checkWhenIn('en', e, now);
}

/** checkWhen with its messages in a language. */
export function checkWhenIn(lang: Language, e: WhenEntry, now: Date = new Date()): WhenResult {
  const w = WHEN_WORDS[lang];
  if (e.date === '') {
    return e.time === ''
      ? { ok: false, field: 'date', message: w.noDate }
      : { ok: false, field: 'date', message: w.dateToo };
  }
  if (!realDate(e.date)) {
    return {
      ok: false,
      field: 'date',
      message: w.notReal(ukDate(e.date)),
    };
  }
  if (e.time !== '' && !TIME.test(e.time)) {
    return {
      ok: false,
      field: 'time',
      message: w.badTime,
    };
  }
  const future = {
    ok: false as const,
    field: 'date' as const,
    message: w.future,
  };
  if (e.time === '') {
    // A date alone: later than today where it happened (the UK, or the chosen offset) is refused.
    const today = e.zone === 'uk' ? ukNow(now).date : dayAtOffset(now, e.offset);
    return e.date > today ? future : { ok: true, date: e.date };
  }
  let offset: string;
  if (e.zone === 'offset') {
    if (!/^(Z|[+-]\d{2}:\d{2})$/.test(e.offset)) return { ok: false, field: 'time', message: w.zone };
    offset = normaliseOffset(e.offset);
  } else {
    const uk = ukOffset(e.date, e.time);
    if (uk.kind === 'never') {
      return {
        ok: false,
        field: 'time',
        message: w.never(e.time, ukDate(e.date)),
      };
    }
    if (uk.kind === 'twice') {
      if (e.fold === '') {
        return {
          ok: false,
          field: 'fold',
          message: twiceQuestionIn(lang, e.time, uk),
          twice: { first: uk.first, second: uk.second },
        };
      }
      offset = e.fold === 'first' ? uk.first : uk.second;
    } else offset = uk.offset;
  }
  const instant = Date.parse(`${e.date}T${e.time}:00${offset === 'Z' ? 'Z' : offset}`);
  if (instant > now.getTime()) {
    return e.date > (e.zone === 'uk' ? ukNow(now).date : dayAtOffset(now, offset))
      ? future
      : { ok: false, field: 'time', message: w.later };
  }
  return { ok: true, date: e.date, time: e.time, offset };
}

function dayAtOffset(now: Date, offset: string): string {
  const shifted = new Date(now.getTime() + offsetMinutes(offset) * 60_000);
  return shifted.toISOString().slice(0, 10);
}

/** The entry for a stored time: UK time when its offset is the UK's for that moment, else the offset. */
export function entryFor(at: { date: string; time?: string | undefined; offset?: string | undefined }): WhenEntry {
  const time = at.time?.slice(0, 5) ?? '';
  const base: WhenEntry = { date: at.date, time, zone: 'uk', offset: at.offset ?? 'Z', fold: '' };
  if (!time || !at.offset || !realDate(at.date) || !TIME.test(time)) return base;
  const uk = ukOffset(at.date, time);
  const stored = offsetMinutes(normaliseOffset(at.offset));
  if (uk.kind === 'exact' && offsetMinutes(uk.offset) === stored) return base;
  if (uk.kind === 'twice') {
    if (offsetMinutes(uk.first) === stored) return { ...base, fold: 'first' };
    if (offsetMinutes(uk.second) === stored) return { ...base, fold: 'second' };
  }
  return { ...base, zone: 'offset', offset: normaliseOffset(at.offset) };
}
