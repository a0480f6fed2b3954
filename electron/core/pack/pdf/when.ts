/**
 * Dates and times as the pack's human pages write them, the UK way: "Tue 12/11/2019 20:15 GMT"
 * ("Maw 12/11/2019 20:15 GMT" in Welsh). An incident's own time keeps the offset it was entered
 * with: "GMT" or "BST" when that is the UK's for the moment, else the offset ("UTC-04:00").
 * Instants the vault records (written, imported, exported) are shown in UK time. ISO 8601 stays in
 * case.json and the CSV only. `datesIn(lang)` gives these in the pack's language; the functions
 * exported by name are the English ones.
 */
import { fromDate } from '@internationalized/date';
import type { Language } from '../../../../shared/language.js';
import type { OccurredAt } from '../../../../shared/model.js';
import { normaliseOffset, offsetLabel, offsetMinutes } from '../../../../shared/format.js';
import { realDate, ukDate, ukOffset, UK_ZONE } from '../../../../shared/uk-time.js';
import { packText } from '../words/index.js';

/** The day of the week (0 = Sunday) of YYYY-MM-DD; null for a date that is not real. */
function dayNumber(date: string): number | null {
  const d = realDate(date);
  if (!d) return null;
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** "GMT", "BST", or the offset ("UTC-04:00") when it is not the UK's at that moment. */
export function zoneName(date: string, time: string, offset: string | undefined): string {
  const stored = normaliseOffset(offset ?? 'Z');
  try {
    const uk = ukOffset(date, time.slice(0, 5));
    const ukOffsets = uk.kind === 'exact' ? [uk.offset] : uk.kind === 'twice' ? [uk.first, uk.second] : [];
    if (ukOffsets.some((o) => offsetMinutes(o) === offsetMinutes(stored))) {
      return offsetMinutes(stored) === 60 ? 'BST' : 'GMT';
    }
  } catch {
    // not a real date or time: the offset as stored
  }
  return offsetLabel(stored);
}

/** The parts of an instant in UK time. */
function ukParts(iso: string): { date: string; time: string; zone: string } | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const z = fromDate(new Date(ms), UK_ZONE);
  const pad = (v: number): string => String(v).padStart(2, '0');
  return {
    date: `${String(z.year).padStart(4, '0')}-${pad(z.month)}-${pad(z.day)}`,
    time: `${pad(z.hour)}:${pad(z.minute)}`,
    zone: z.offset === 3_600_000 ? 'BST' : 'GMT',
  };
}

/** The UK date of an instant: "12/11/2019". */
export function ukInstantDate(iso: string): string {
  const p = ukParts(iso);
  return p ? ukDate(p.date) : iso;
}

export interface Dates {
  /** "Tue" (or "Tuesday") for YYYY-MM-DD; '' for a date that is not real. */
  weekday(date: string, long?: boolean): string;
  /** "Tue 12/11/2019" (or "Tuesday 12/11/2019"). */
  ukDay(date: string, long?: boolean): string;
  /** When an incident happened: "Tue 12/11/2019 20:15 GMT", "About …", "Tue 12/11/2019 (date only)". */
  whenOccurred(at: OccurredAt): string;
  /** An instant the vault recorded, in UK time: "Tue 12/11/2019 20:15 GMT" ('' when not given). */
  ukInstant(iso: string | undefined | null): string;
  /**
   * A date or date-time the producer typed (YYYY-MM-DD, or YYYY-MM-DDTHH:MM with an offset), the
   * UK way; other text as it is.
   */
  ukGiven(text: string, long?: boolean): string;
  /** For a statement sentence: "At about 20:17 on Tuesday 12/11/2019" / "On Tuesday 12/11/2019"; null when unknown. */
  atAbout(text: string): string | null;
  /** A camera clock reading ("2019-11-20T07:12:03", maybe with an offset), the UK way, as the file says it. */
  clockReading(text: string): string;
}

const made = new Map<Language, Dates>();

/** The pack's dates in a language. */
export function datesIn(lang: Language = 'en'): Dates {
  const done = made.get(lang);
  if (done) return done;
  const t = packText(lang);
  const short = t('when.daysShort').split('|');
  const long = t('when.daysLong').split('|');
  const on = t('when.daysOn').split('|');
  const weekday = (date: string, isLong = false): string => {
    const n = dayNumber(date);
    return n === null ? '' : ((isLong ? long : short)[n] ?? '');
  };
  const ukDay = (date: string, isLong = false): string => {
    const w = weekday(date, isLong);
    return w ? `${w} ${ukDate(date)}` : ukDate(date);
  };
  /** "Tuesday 12/11/2019" as it follows "on" ("ddydd Mawrth 12/11/2019" in Welsh). */
  const onDay = (date: string): string => {
    const n = dayNumber(date);
    const w = n === null ? '' : (on[n] ?? '');
    return w ? `${w} ${ukDate(date)}` : ukDate(date);
  };
  const dates: Dates = {
    weekday,
    ukDay,
    whenOccurred(at) {
      const when = at.time
        ? `${ukDay(at.date)} ${at.time.slice(0, 5)} ${zoneName(at.date, at.time, at.offset)}`
        : t('when.dateOnly', { day: ukDay(at.date) });
      return at.approximate ? t('when.about', { when }) : when;
    },
    ukInstant(iso) {
      if (!iso) return '';
      const p = ukParts(iso);
      return p ? `${ukDay(p.date)} ${p.time} ${p.zone}` : iso;
    },
    ukGiven(text, isLong = false) {
      if (!text) return '';
      const d = /^(\d{4}-\d{2}-\d{2})$/.exec(text);
      if (d?.[1]) return ukDay(d[1], isLong);
      const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
      if (m?.[1] && m[2]) return `${ukDay(m[1], isLong)} ${m[2]}${m[3] ? ` ${zoneName(m[1], m[2], m[3])}` : ''}`;
      return text;
    },
    atAbout(text) {
      if (!text) return null;
      const d = /^(\d{4}-\d{2}-\d{2})$/.exec(text);
      if (d?.[1]) return t('when.onDay', { day: onDay(d[1]) });
      const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(text);
      if (m?.[1] && m[2]) return t('when.atAboutOn', { time: m[2], day: onDay(m[1]) });
      return null;
    },
    clockReading(text) {
      const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?$/.exec(text);
      if (!m?.[1] || !m[2]) return text;
      return `${ukDay(m[1])} ${m[2]}${m[3] ? ` ${offsetLabel(normaliseOffset(m[3]))}` : ` ${t('when.cameraClock')}`}`;
    },
  };
  made.set(lang, dates);
  return dates;
}

const english = datesIn('en');
export const weekday = english.weekday;
export const ukDay = english.ukDay;
export const whenOccurred = english.whenOccurred;
export const ukInstant = english.ukInstant;
export const ukGiven = english.ukGiven;
export const atAbout = english.atAbout;
export const clockReading = english.clockReading;
