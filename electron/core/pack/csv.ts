/**
 * data/chronology.csv: one row per incident, RFC 4180 (CRLF, quoted when needed), UTF-8 with a
 * BOM so Excel reads it as UTF-8. Any cell that begins with = + - @, a tab or a carriage return
 * gets a leading apostrophe, so no spreadsheet runs it as a formula (OWASP CSV injection advice).
 */
import { stringify } from 'csv-stringify/sync';
import { exhibitRefNumber } from '../../../shared/ipc-pack.js';
import { WITHHELD_NOTE } from './contents.js';
import {
  categoryLabel,
  channelLabel,
  escalationLabel,
  exhibitRefText,
  personLabel,
  reportLines,
  type CaseFile,
} from './casefile.js';

export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** An incident's exhibits: its references in the pack, and those left out with why ("AB/2 (withheld by the producer)"). */
function exhibitCell(c: CaseFile, incidentId: string, refs: string[], label: (ref: string) => string): string {
  const notes = new Map(c.withheldReferences.map((w) => [w.ref, w.note]));
  const left = c.omittedExhibits
    .filter((o) => o.incidentId === incidentId && o.ref)
    .map((o) => o.ref ?? '')
    .map((ref) => ({ ref, text: `${ref} (${notes.get(ref) ?? WITHHELD_NOTE})` }));
  const num = (s: string): number => exhibitRefNumber(s) ?? 0;
  return [...refs.map((ref) => ({ ref, text: label(ref) })), ...left]
    .sort((a, b) => num(a.ref) - num(b.ref))
    .map((x) => x.text)
    .join('; ');
}

export function chronologyCsv(c: CaseFile): string {
  const people = new Map(c.people.map((p) => [p.id, p]));
  const exhibits = new Map(c.exhibits.map((x) => [x.ref, x]));
  const notes = !c.privacy.notesLeftOut;
  const header = [
    'Date',
    'Time',
    'UTC offset',
    'Approximate',
    'Title',
    'Type of incident (producer’s description)',
    'Channel',
    'Location',
    'Believed responsible',
    'Witnesses',
    'What happened',
    'Escalation signals',
    'Police reports',
    'Platform reports',
    'Exhibits',
    ...(notes ? ['Notes'] : []),
    'Withheld fields',
    'Incident id',
  ];
  const rows = c.incidents.map((i) => [
    i.occurredAt.date,
    i.occurredAt.time ?? '',
    i.occurredAt.time ? `UTC${i.occurredAt.offset === 'Z' ? '' : (i.occurredAt.offset ?? '')}` : '',
    i.occurredAt.approximate ? 'yes' : 'no',
    i.title,
    i.categories.map(categoryLabel).join('; '),
    channelLabel(i.channel),
    i.location,
    i.perpetratorIds.map((id) => personLabel(people.get(id))).join('; '),
    i.witnessIds.map((id) => personLabel(people.get(id))).join('; '),
    i.description,
    i.escalationSignals.map(escalationLabel).join('; '),
    reportLines(i.reports, 'police').join('; '),
    reportLines(i.reports, 'platform').join('; '),
    exhibitCell(c, i.id, i.exhibitRefs, (ref) => exhibitRefText(ref, exhibits.get(ref))),
    ...(notes ? [i.notes ?? ''] : []),
    i.withheldFields.join('; '),
    i.id,
  ]);
  return stringify(
    [header, ...rows].map((r) => r.map(neutraliseCell)),
    {
      bom: true,
      record_delimiter: '\r\n',
      quoted_match: /[\r\n]/,
    },
  );
}
