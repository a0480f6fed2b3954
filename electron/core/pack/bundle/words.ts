/** Words and times the exhibit bundle prints: UK style, 24-hour, GMT/BST named. */

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** An instant as "Tue 12/11/2019 20:15 GMT" (UK time); the text itself when it is not a time. */
export function ukInstant(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  const zone = p.timeZoneName === 'BST' || p.timeZoneName === 'GMT+1' ? 'BST' : 'GMT';
  return `${p.weekday} ${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute} ${zone}`;
}

export const BUNDLE_FILE = 'data/exhibit-bundle.pdf';
