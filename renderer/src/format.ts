/**
 * Display helpers for dates, times and media types, UK style (en-GB), instants in UK time (GMT/BST)
 * whatever zone the computer is set to. Sizes,
 * fingerprints and offset arithmetic are in shared/format.ts (the case pack says the same).
 */
import { formatOffset, offsetMinutes } from '../../shared/format.js';
import type { MessageId, Translate } from './i18n/index.js';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/**
 * An ISO instant (importedAt, fileModifiedAt) in UK time, the zone named (GMT or BST). With `t`
 * (useT()), in the window's language: "14 November 2019 at 20:15 GMT", "14 Tachwedd 2019 am 20:15 GMT".
 */
export function formatInstant(iso: string, t?: Translate): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (!t) return dateTime.format(d);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    numericDateTime.formatToParts(d).find((p) => p.type === type)?.value ?? '';
  return t('pack.format.instant', {
    day: Number(part('day')),
    month: t(`month.${Number(part('month'))}` as MessageId),
    year: part('year'),
    time: `${part('hour')}:${part('minute')}`,
    zone: part('timeZoneName'),
  });
}

const numericDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

export type ExhibitKind = 'image' | 'email' | 'pdf' | 'text' | 'other';

export function exhibitKind(mediaType: string, name: string): ExhibitKind {
  const lower = name.toLowerCase();
  if (mediaType.startsWith('image/') && !mediaType.includes('svg')) return 'image';
  if (mediaType === 'message/rfc822' || lower.endsWith('.eml')) return 'email';
  if (mediaType === 'application/pdf' || lower.endsWith('.pdf')) return 'pdf';
  if (mediaType.startsWith('text/plain') || lower.endsWith('.txt')) return 'text';
  return 'other';
}

export const KIND_LABELS: Record<ExhibitKind, string> = {
  image: 'Picture',
  email: 'E-mail',
  pdf: 'PDF document',
  text: 'Text',
  other: 'File',
};

/** The same labels in the window's language: t(KIND_LABEL_IDS[kind]). */
export const KIND_LABEL_IDS: Record<ExhibitKind, MessageId> = {
  image: 'pack.kind.image',
  email: 'pack.kind.email',
  pdf: 'pack.kind.pdf',
  text: 'pack.kind.text',
  other: 'pack.kind.other',
};

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in the user's zone. */
function localParts(d: Date): { date: string; time: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** Today's date (YYYY-MM-DD), the time now (HH:MM) and the UTC offset (+01:00) in the user's zone. */
export function nowParts(): { date: string; time: string; offset: string } {
  const { date, time } = localParts(new Date());
  return { date, time, offset: localOffsetFor(date, '') };
}

/** The user's UTC offset on that local date and time ("+01:00" in British summer time, "Z" in winter). */
export function localOffsetFor(date: string, time: string): string {
  const d = new Date(`${date}T${time || '12:00'}`);
  return formatOffset(Number.isNaN(d.getTime()) ? -new Date().getTimezoneOffset() : -d.getTimezoneOffset());
}

/**
 * When an incident's recorded offset differs from the user's own zone at that moment, the same
 * instant in the user's zone ("04:59 on Friday 15 November 2019 in your time zone"); otherwise null.
 * With `t` (useT()), in the window's language.
 */
export function inYourZone(
  at: {
    date: string;
    time?: string | undefined;
    offset?: string | undefined;
  },
  t?: Translate,
): string | null {
  if (!at.time || !at.offset) return null;
  const instant = new Date(`${at.date}T${at.time.length === 5 ? `${at.time}:00` : at.time}${at.offset}`);
  if (Number.isNaN(instant.getTime())) return null;
  const local = localParts(instant);
  if (offsetMinutes(localOffsetFor(local.date, local.time)) === offsetMinutes(at.offset)) return null;
  const time = instant.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (t) {
    const [y, m, d] = local.date.split('-').map(Number);
    const day = t('date.day', {
      weekday: t(`weekday.${new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay()}` as MessageId),
      day: d ?? 1,
      month: t(`month.${m ?? 1}` as MessageId),
      year: y ?? 0,
    });
    return t('pack.format.in-your-zone', { time, day });
  }
  const day = instant.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${time} on ${day.replace(',', '')} in your time zone`;
}

const shortDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** An ISO instant as dd/mm/yyyy HH:MM in UK time, the zone named: "20/11/2019 07:12 GMT". */
export function formatInstantShort(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return shortDateTime.format(d).replace(',', '');
}

const CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A clock reading as a file wrote it (a camera's clock, a date typed by the producer), never moved to
 * another zone: "2019-11-20T07:12:03" → "20/11/2019 07:12"; with "+01:00" → "20/11/2019 07:12 (UTC+01:00)".
 * Text that is not such a reading is returned as it is.
 */
export function formatClockReading(text: string): string {
  const m = CLOCK.exec(text.trim());
  if (!m) return text;
  const [, y, mo, d, h, mi, , zone] = m;
  let out = `${d}/${mo}/${y}`;
  if (h !== undefined && mi !== undefined) out += ` ${h}:${mi}`;
  if (zone) out += zone === 'Z' || /^[+-]00:?00$/.test(zone) ? ' (UTC)' : ` (UTC${zone})`;
  return out;
}

/**
 * A date the producer gave (YYYY-MM-DD, or YYYY-MM-DDTHH:MM±HH:MM): the date alone as dd/mm/yyyy,
 * a date and time as that instant in the user's zone ("20/11/2019 07:12 GMT").
 */
export function formatGivenDate(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatClockReading(text);
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? text : formatInstantShort(d.toISOString());
}
