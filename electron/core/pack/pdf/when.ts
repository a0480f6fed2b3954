/**
 * Dates and times as the pack's human pages write them, the UK way: "Tue 12/11/2019 20:15 GMT".
 * An incident's own time keeps the offset it was entered with: "GMT" or "BST" when that is the UK's
 * for the moment, else the offset ("UTC-04:00"). Instants the vault records (written, imported,
 * exported) are shown in UK time. ISO 8601 stays in case.json and the CSV only.
 */
import { fromDate } from '@internationalized/date';
import type { OccurredAt } from '../../../../shared/model.js';
import { normaliseOffset, offsetLabel, offsetMinutes } from '../../../../shared/format.js';
import { realDate, ukDate, ukOffset, UK_ZONE } from '../../../../shared/uk-time.js';

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Tue" (or "Tuesday") for YYYY-MM-DD; '' for a date that is not real. */
export function weekday(date: string, long = false): string {
  const d = realDate(date);
  if (!d) return '';
  const n = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return (long ? LONG_DAYS : SHORT_DAYS)[n] ?? '';
}

/** "Tue 12/11/2019" (or "Tuesday 12/11/2019"). */
export function ukDay(date: string, long = false): string {
  const w = weekday(date, long);
  return w ? `${w} ${ukDate(date)}` : ukDate(date);
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

/** When an incident happened: "Tue 12/11/2019 20:15 GMT", "About …", "Tue 12/11/2019 (date only)". */
export function whenOccurred(at: OccurredAt): string {
  const prefix = at.approximate ? 'About ' : '';
  if (!at.time) return `${prefix}${ukDay(at.date)} (date only)`;
  return `${prefix}${ukDay(at.date)} ${at.time.slice(0, 5)} ${zoneName(at.date, at.time, at.offset)}`;
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

/** An instant the vault recorded, in UK time: "Tue 12/11/2019 20:15 GMT" ('' when not given). */
export function ukInstant(iso: string | undefined | null): string {
  if (!iso) return '';
  const p = ukParts(iso);
  return p ? `${ukDay(p.date)} ${p.time} ${p.zone}` : iso;
}

/** The UK date of an instant: "12/11/2019". */
export function ukInstantDate(iso: string): string {
  const p = ukParts(iso);
  return p ? ukDate(p.date) : iso;
}

/**
 * A date or date-time the producer typed (YYYY-MM-DD, or YYYY-MM-DDTHH:MM with an offset), the UK
 * way; other text as it is.
 */
export function ukGiven(text: string, long = false): string {
  if (!text) return '';
  const d = /^(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (d?.[1]) return ukDay(d[1], long);
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (m?.[1] && m[2]) return `${ukDay(m[1], long)} ${m[2]}${m[3] ? ` ${zoneName(m[1], m[2], m[3])}` : ''}`;
  return text;
}

/** For a statement sentence: "At about 20:17 on Tuesday 12/11/2019" / "On Tuesday 12/11/2019"; null when unknown. */
export function atAbout(text: string): string | null {
  if (!text) return null;
  const d = /^(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (d?.[1]) return `On ${ukDay(d[1], true)}`;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(text);
  if (m?.[1] && m[2]) return `At about ${m[2]} on ${ukDay(m[1], true)}`;
  return null;
}

/** A camera clock reading ("2019-11-20T07:12:03", maybe with an offset), the UK way, as the file says it. */
export function clockReading(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!m?.[1] || !m[2]) return text;
  return `${ukDay(m[1])} ${m[2]}${m[3] ? ` ${offsetLabel(normaliseOffset(m[3]))}` : ' (the camera’s clock, zone not given)'}`;
}
