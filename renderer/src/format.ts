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
