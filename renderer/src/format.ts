/** Display helpers for dates, sizes and media types (en-GB, the user's own time zone where it matters). */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** An ISO instant (importedAt, fileModifiedAt) in the user's local time zone, with the zone named. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateTime.format(d);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

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

/** Today's date (YYYY-MM-DD), the time now (HH:MM) and the UTC offset (+01:00) in the user's zone. */
export function nowParts(): { date: string; time: string; offset: string } {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
    offset: localOffsetFor(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, ''),
  };
}

/** The user's UTC offset on that local date and time ("+01:00" in British summer time). */
export function localOffsetFor(date: string, time: string): string {
  const d = new Date(`${date}T${time || '12:00'}`);
  const minutesEast = Number.isNaN(d.getTime()) ? -new Date().getTimezoneOffset() : -d.getTimezoneOffset();
  if (minutesEast === 0) return 'Z';
  const sign = minutesEast < 0 ? '-' : '+';
  const abs = Math.abs(minutesEast);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * When an incident's recorded offset differs from the user's own zone at that moment, the same
 * instant in the user's zone ("04:59 on Friday 15 November 2019 in your time zone"); otherwise null.
 */
export function inYourZone(at: {
  date: string;
  time?: string | undefined;
  offset?: string | undefined;
}): string | null {
  if (!at.time || !at.offset) return null;
  const instant = new Date(`${at.date}T${at.time.length === 5 ? `${at.time}:00` : at.time}${at.offset}`);
  if (Number.isNaN(instant.getTime())) return null;
  const yours = localOffsetFor(
    `${instant.getFullYear()}-${String(instant.getMonth() + 1).padStart(2, '0')}-${String(instant.getDate()).padStart(2, '0')}`,
    `${String(instant.getHours()).padStart(2, '0')}:${String(instant.getMinutes()).padStart(2, '0')}`,
  );
  const same = (o: string) => (o === 'Z' ? '+00:00' : o);
  if (same(yours) === same(at.offset)) return null;
  const time = instant.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const day = instant.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${time} on ${day.replace(',', '')} in your time zone`;
}
