/**
 * Times the incident's own exhibits give (issue 12, item 2): a photo's capture time (EXIF) or an
 * e-mail's Date header. They are offered, never applied: the incident editor shows a button per
 * offer, and nothing changes until she clicks it and saves. Pure functions.
 */
import type { Language } from './language.js';
import type { Exhibit } from './model.js';
import { normaliseOffset, offsetLabel } from './format.js';
import { entryFor, ukDate, ukNow, type WhenEntry } from './uk-time.js';

export interface TimeOffer {
  /** The exhibit it came from. */
  exhibitId: string;
  source: 'photo' | 'e-mail';
  /** The date, time and zone to fill in when she chooses it. */
  entry: WhenEntry;
  /** "Use 20/11/2019 07:12 from the photo?" */
  label: string;
}

const CAPTURED = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A photo's capture time as the camera's clock said it; with no offset in the file, read as UK time. */
function fromCapturedAt(text: string): WhenEntry | null {
  const m = CAPTURED.exec(text.trim());
  if (!m?.[1] || !m[2]) return null;
  if (!m[3]) return { date: m[1], time: m[2], zone: 'uk', offset: 'Z', fold: '' };
  const offset = m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  return entryFor({ date: m[1], time: m[2], offset: normaliseOffset(offset) });
}

/** An e-mail's Date header (RFC 5322, an instant): shown in UK time. */
function fromEmailDate(text: string): WhenEntry | null {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return null;
  const uk = ukNow(at);
  return entryFor({ date: uk.date, time: uk.time, offset: ukOffsetOf(at) });
}

/** The UK's offset from UTC at an instant, as +HH:MM (so the hour that happens twice is told apart). */
function ukOffsetOf(at: Date): string {
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

function same(a: WhenEntry, b: WhenEntry): boolean {
  return a.date === b.date && a.time === b.time && a.zone === b.zone && (a.zone === 'uk' || a.offset === b.offset);
}

/** What the incident's exhibits offer that differs from the date and time now in the form (one per distinct time). */
export function timeOffers(
  incident: { exhibits: readonly Pick<Exhibit, 'id' | 'extracted'>[] } | undefined,
  current: WhenEntry,
  lang: Language = 'en',
): TimeOffer[] {
  const offers: TimeOffer[] = [];
  for (const ex of incident?.exhibits ?? []) {
    const found: [TimeOffer['source'], WhenEntry | null][] = [];
    if (ex.extracted?.capturedAt) found.push(['photo', fromCapturedAt(ex.extracted.capturedAt)]);
    if (ex.extracted?.email?.date) found.push(['e-mail', fromEmailDate(ex.extracted.email.date)]);
    for (const [source, entry] of found) {
      if (!entry || same(entry, current) || offers.some((o) => same(o.entry, entry))) continue;
      const zone = entry.zone === 'offset' ? ` (${offsetLabel(entry.offset)})` : '';
      offers.push({
        exhibitId: ex.id,
        source,
        entry,
        label:
          lang === 'cy'
            ? `Defnyddio ${ukDate(entry.date)} ${entry.time}${zone} o’r ${source === 'photo' ? 'llun' : 'e-bost'}?`
            : `Use ${ukDate(entry.date)} ${entry.time}${zone} from the ${source}?`,
      });
    }
  }
  return offers;
}
