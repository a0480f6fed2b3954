/**
 * evidence-vault exhibit show DIR EXHIBIT_ID [--json]: everything known about one exhibit, labelled
 * for what it is: what the producer says (provenance), where a physical item is kept, and what the
 * file itself says ("The camera's clock said"), never presented as more than that.
 */
import {
  OBTAINED_HOW_LABELS,
  parseOccurredAt,
  type Exhibit,
  type ExhibitDetailsVersion,
  type ExtractedMetadata,
} from '../../shared/model.js';
import { formatSize } from '../../shared/format.js';
import type { CliIO } from './io.js';
import { shown } from './output.js';

const UK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** An instant (ISO 8601) as "03/05/2024 21:40 UK time (BST)"; text that is not one, as it is. */
export function ukTime(iso: string): string {
  const t = Date.parse(iso);
  if (iso === '' || Number.isNaN(t)) return iso;
  const parts = Object.fromEntries(UK.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  const zone = parts.timeZoneName === 'BST' ? 'BST' : 'GMT';
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute} UK time (${zone})`;
}

/** A date alone ("2024-05-03") as "03/05/2024"; with a time and offset, in UK time. */
function ukDateOrTime(text: string): string {
  try {
    const at = parseOccurredAt(text);
    if (!at.time) {
      const [y, m, d] = at.date.split('-');
      return `${d}/${m}/${y}`;
    }
  } catch {
    return text;
  }
  return ukTime(text);
}

/** A clock reading with no instant ("2019-11-20T07:12:03", maybe with ±HH:MM) as the camera gave it. */
function clockReading(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:?\d{2})?/.exec(text);
  if (!m) return text;
  const [, y, mo, d, time, off] = m;
  const zone = off ? ` (UTC${off === 'Z' ? '' : off})` : ' (its own clock; the file gives no time zone)';
  return `${d}/${mo}/${y} ${time}${zone}`;
}

type Line = [label: string, value: string | undefined];

function section(io: CliIO, title: string, lines: Line[]): void {
  const given = lines.filter((l): l is [string, string] => l[1] !== undefined && l[1] !== '');
  if (given.length === 0) return;
  io.stdout(`\n${title}\n`);
  const width = Math.max(...given.map(([l]) => l.length));
  for (const [label, value] of given) {
    const [first = '', ...rest] = value.split(/\r?\n/);
    io.stdout(`  ${label.padEnd(width)}  ${shown(first)}\n`);
    for (const more of rest) io.stdout(`  ${''.padEnd(width)}  ${shown(more)}\n`);
  }
}

function extractedLines(x: ExtractedMetadata): Line[] {
  const camera = x.camera ? [x.camera.make, x.camera.model].filter(Boolean).join(' ') : '';
  const gps = x.gps
    ? `${x.gps.latitude}, ${x.gps.longitude}${x.gps.altitudeMetres !== undefined ? `, ${x.gps.altitudeMetres} m up` : ''} (it can show where the photo was taken)`
    : undefined;
  const e = x.email;
  const p = x.pdf;
  const received = e?.received ?? [];
  return [
    ["The camera's clock said", x.capturedAt ? clockReading(x.capturedAt) : undefined],
    ['Camera', camera || undefined],
    ['Made with (software)', x.camera?.software],
    ['GPS position in the file', gps],
    ["The sender's mail program dated it", e?.date],
    ['From', e?.from],
    ['To', e?.to?.join(', ')],
    ['Cc', e?.cc?.join(', ')],
    ['Subject', e?.subject],
    ['Message-ID', e?.messageId],
    [
      `Received headers (${received.length}, newest first)`,
      received.length > 0 ? received.map((r, i) => `${i + 1}. ${r}`).join('\n') : undefined,
    ],
    ['PDF title', p?.title],
    ['PDF author', p?.author],
    ['PDF made by', [p?.creator, p?.producer].filter(Boolean).join('; ') || undefined],
    ['The PDF says it was created', p?.createdAt ? ukTime(p.createdAt) : undefined],
    ['The PDF says it was modified', p?.modifiedAt ? ukTime(p.modifiedAt) : undefined],
    [
      'Content credentials',
      x.contentCredentials
        ? `${x.contentCredentials === 'c2pa' ? 'a C2PA manifest' : 'a ProofMode bundle'} is present (not verified)`
        : undefined,
    ],
    ['Could not be read', x.problems?.length ? x.problems.join('\n') : undefined],
  ];
}

/** The text form of `exhibit show`. */
export function printExhibit(io: CliIO, ex: Exhibit, history: ExhibitDetailsVersion[]): void {
  const physical = ex.kind === 'physical';
  io.stdout(`Exhibit ${ex.ref ?? '(no reference yet)'}: ${shown(ex.name)}\n`);
  const d = ex.details;
  section(io, physical ? 'Physical item (no file)' : 'File', [
    ['Exhibit id', ex.id],
    ['Incident id', ex.incidentId],
    ['Kept at', ex.physical?.keptAt],
    ['Handled by', ex.physical?.handledBy],
    ['Size', physical ? undefined : `${formatSize(ex.size)} (${ex.size.toLocaleString('en-GB')} bytes)`],
    ['SHA-256', physical ? undefined : ex.sha256],
    ['Type (from its content)', physical ? undefined : ex.mediaType],
    ['Last modified on the computer it came from', physical ? undefined : ukTime(ex.fileModifiedAt)],
    [physical ? 'Added to the vault' : 'Imported into the vault', ukTime(ex.importedAt)],
  ]);
  const how = d.obtainedHow
    ? d.obtainedHow === 'other' && d.obtainedHowOther
      ? `Other: ${d.obtainedHowOther}`
      : OBTAINED_HOW_LABELS[d.obtainedHow]
    : undefined;
  const provenance: Line[] = [
    ['Description', d.description],
    ['How it was obtained', how],
    ['Obtained by', d.obtainedBy],
    ['Obtained on', d.obtainedAt ? ukDateOrTime(d.obtainedAt) : undefined],
    ['Source (URL)', d.source.url],
    ['Platform', d.source.platform],
    ['Account handle', d.source.handle],
    ['Account id', d.source.accountId],
    ['Phone number', d.source.phone],
    ['E-mail address', d.source.email],
    ['Where the original is now', d.originalLocation],
    ['Changed by me', d.changedByMe],
  ];
  if (provenance.every(([, v]) => !v))
    io.stdout('\nWhat I say about it: nothing yet (add it with "evidence-vault exhibit edit")\n');
  else section(io, 'What I say about it', provenance);
  if (ex.extractPending)
    io.stdout(
      '\nWhat the file itself says: not read yet (the app was closed a moment after adding it; it is read when the app next opens the vault)\n',
    );
  else if (ex.extracted)
    section(io, 'What the file itself says (read from the file; not checked)', extractedLines(ex.extracted));
  if (ex.warnings.length > 0)
    section(
      io,
      'Warnings',
      ex.warnings.map((w): Line => ['-', w]),
    );
  const earlier = history.filter((h) => !h.current).length;
  const current = history[history.length - 1];
  if (earlier > 0 && current) {
    io.stdout(
      `\n${earlier} earlier version${earlier === 1 ? ' is' : 's are'} kept of what I say about it; this one was written ${ukTime(current.writtenAt)}.\n`,
    );
  }
}

/** The --json form: the exhibit as the vault has it, with its earlier versions of provenance. */
export function exhibitShowJson(ex: Exhibit, history: ExhibitDetailsVersion[]) {
  return {
    ...ex,
    earlierVersions: history
      .filter((h) => !h.current)
      .map((h) => ({ writtenAt: h.writtenAt, details: h.details, ...(h.physical ? { physical: h.physical } : {}) })),
  };
}
