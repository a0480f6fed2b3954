/**
 * Plain words for what the history and the bin show: when a version was written (UK style:
 * weekday, dd/mm/yyyy, 24-hour), the fields a version changed, and a field's value as text.
 */
import type { Language } from './language.js';
import { offsetLabel } from './format.js';
import {
  CATEGORY_NAMES,
  CHANNEL_NAMES,
  ESCALATION_NAMES,
  IDENTIFIER_NAMES,
  personName,
  type OccurredAt,
  type BinnableKind,
  type IncidentData,
  type Person,
  type PersonData,
} from './model.js';
import { dayLabel, timeLabel } from './timeline.js';
import { privateFieldShownIn } from './privacy.js';
import { SHORT_WEEKDAY_NAMES, UK_ZONE, dateInWordsIn, ukDate, ukNow } from './uk-time.js';

/** What an incident's fields are called when a change is described ("place, what happened"). */
export const INCIDENT_FIELD_LABELS = {
  title: 'title',
  occurredAt: 'when it happened',
  description: 'what happened',
  effect: 'how it affected me',
  categories: 'kind of incident',
  channel: 'how it reached you',
  location: 'place',
  identifiers: 'what was seen',
  perpetratorIds: 'believed responsible',
  witnessIds: 'who saw it',
  escalationSignals: 'escalation signals',
  reports: 'where it was reported',
  notes: 'notes',
  privateFields: 'what is marked private',
} satisfies Record<keyof IncidentData, string>;

/** What a person's fields are called. */
export const PERSON_FIELD_LABELS = {
  name: 'name',
  handles: 'online handles',
  description: 'description',
  role: 'role',
  private: 'private',
  identifiers: 'identifiers',
  basis: 'why I believe these are the same person',
  contact: 'contact details',
  sawWhat: 'what they saw',
  knowsNamed: 'whether they know they are named',
} satisfies Record<keyof PersonData, string>;

/** The incident's field names in each language. */
export const INCIDENT_FIELD_NAMES: Record<Language, Record<keyof IncidentData, string>> = {
  en: INCIDENT_FIELD_LABELS,
  cy: {
    title: 'teitl',
    occurredAt: 'pryd y digwyddodd',
    description: 'beth ddigwyddodd',
    effect: 'sut yr effeithiodd arnaf',
    categories: 'math o ddigwyddiad',
    channel: 'sut y daeth atoch',
    location: 'lle',
    identifiers: 'beth a welwyd',
    perpetratorIds: 'y credir ei fod yn gyfrifol',
    witnessIds: 'pwy a’i gwelodd',
    escalationSignals: 'arwyddion gwaethygu',
    reports: 'ble y rhoddwyd gwybod amdano',
    notes: 'nodiadau',
    privateFields: 'beth sydd wedi’i nodi’n breifat',
  },
};

/** A person's field names in each language. */
export const PERSON_FIELD_NAMES: Record<Language, Record<keyof PersonData, string>> = {
  en: PERSON_FIELD_LABELS,
  cy: {
    name: 'enw',
    handles: 'enwau defnyddiwr ar-lein',
    description: 'disgrifiad',
    role: 'rôl',
    private: 'preifat',
    identifiers: 'dynodwyr',
    basis: 'pam rwy’n credu mai’r un person yw’r rhain',
    contact: 'manylion cyswllt',
    sawWhat: 'beth a welsant',
    knowsNamed: 'a ydynt yn gwybod eu bod wedi’u henwi',
  },
};

export type HistoryKind = 'incident' | 'person';

function labelsOf(kind: HistoryKind, lang: Language): Record<string, string> {
  return kind === 'incident' ? INCIDENT_FIELD_NAMES[lang] : PERSON_FIELD_NAMES[lang];
}

/** "place, what happened": the changed fields in plain words, in the order given. */
export function changedLabel(kind: HistoryKind, fields: readonly string[]): string {
  return changedLabelIn('en', kind, fields);
}

/** changedLabel in a language: "lle, beth ddigwyddodd". */
export function changedLabelIn(lang: Language, kind: HistoryKind, fields: readonly string[]): string {
  const labels = labelsOf(kind, lang);
  const other = lang === 'cy' ? 'manylion eraill' : 'other details';
  return fields.map((f) => labels[f] ?? other).join(', ');
}

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: UK_ZONE });

/**
 * "Tue 12/11/2019 20:31": an instant in UK time (GMT/BST), whatever zone the computer is set to,
 * UK style, 24-hour.
 */
export function writtenLabel(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const uk = ukNow(d);
  return `${weekday.format(d)} ${ukDate(uk.date)} ${uk.time}`;
}

/** writtenLabel in a language: "Maw 12/11/2019 20:31" (the weekday from a table, not Intl). */
export function writtenLabelIn(lang: Language, iso: string): string {
  if (lang === 'en') return writtenLabel(iso);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const uk = ukNow(d);
  const day = new Date(`${uk.date}T00:00:00Z`).getUTCDay();
  return `${SHORT_WEEKDAY_NAMES[lang][day]} ${ukDate(uk.date)} ${uk.time}`;
}

/** "12/11/2019": the day of an instant in UK time, UK style. */
export function dayOf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return ukDate(ukNow(d).date);
}

/** Whole days left before an item leaves the bin for good (0 when its time has passed). */
export function daysLeft(expiresAt: string, now = Date.now()): number {
  const ms = new Date(expiresAt).getTime() - now;
  return ms <= 0 ? 0 : Math.ceil(ms / 86_400_000);
}

export const BIN_KIND_LABELS: Record<BinnableKind, string> = {
  incident: 'Incident',
  person: 'Person',
  exhibit: 'Exhibit',
  contact: 'Contact',
  case: 'Police case',
};

/** The bin's kinds in each language. */
export const BIN_KIND_NAMES: Record<Language, Record<BinnableKind, string>> = {
  en: BIN_KIND_LABELS,
  cy: {
    incident: 'Digwyddiad',
    person: 'Person',
    exhibit: 'Arddangosyn',
    contact: 'Cyswllt',
    case: 'Achos heddlu',
  },
};

/** The words fieldText uses, per language. */
const FIELD_TEXT = {
  en: {
    empty: 'Nothing recorded',
    gone: 'A person no longer in the record',
    police: 'Police',
    platform: 'Platform',
    reference: 'reference',
    perpetrator: 'Believed responsible',
    witness: 'Witness',
    other: 'Other',
    yes: 'Yes',
    no: 'No',
  },
  cy: {
    empty: 'Dim wedi’i gofnodi',
    gone: 'Person nad yw yn y cofnod mwyach',
    police: 'Heddlu',
    platform: 'Platfform',
    reference: 'cyfeirnod',
    perpetrator: 'Y credir ei fod yn gyfrifol',
    witness: 'Tyst',
    other: 'Arall',
    yes: 'Ie',
    no: 'Na',
  },
} satisfies Record<Language, Record<string, string>>;

/** timeline.ts's timeLabel in Welsh: "Tua 20:15 (UTC+01:00)", "Dyddiad yn unig, amser ddim yn hysbys". */
function timeLabelCy(at: OccurredAt): string {
  if (!at.time)
    return at.approximate ? 'Tua’r dyddiad hwn, amser ddim yn hysbys' : 'Dyddiad yn unig, amser ddim yn hysbys';
  return `${at.approximate ? 'Tua ' : ''}${at.time.slice(0, 5)} (${offsetLabel(at.offset)})`;
}

function str(x: unknown): string {
  return typeof x === 'string' ? x : '';
}

/** A field's value as readable text (never raw JSON), for the history's before and after. */
export function fieldText(
  kind: HistoryKind,
  field: string,
  value: unknown,
  peopleById: ReadonlyMap<string, Person>,
): string {
  return fieldTextIn('en', kind, field, value, peopleById);
}

/** fieldText in a language. */
export function fieldTextIn(
  lang: Language,
  kind: HistoryKind,
  field: string,
  value: unknown,
  peopleById: ReadonlyMap<string, Person>,
): string {
  const w = FIELD_TEXT[lang];
  const empty = w.empty;
  const list = (items: string[]): string => (items.length ? items.join('; ') : empty);
  if (value === undefined || value === null) return empty;
  if (kind === 'incident') {
    switch (field) {
      case 'occurredAt': {
        const at = value as IncidentData['occurredAt'];
        return lang === 'en'
          ? `${dayLabel(at.date)}, ${timeLabel(at)}`
          : `${dateInWordsIn(lang, at.date) ?? at.date}, ${timeLabelCy(at)}`;
      }
      case 'channel': {
        const c = value as NonNullable<IncidentData['channel']>;
        return `${CHANNEL_NAMES[lang][c.kind]}${c.detail ? `: ${c.detail}` : ''}`;
      }
      case 'categories':
        return list((value as IncidentData['categories']).map((c) => CATEGORY_NAMES[lang][c]));
      case 'escalationSignals':
        return list((value as IncidentData['escalationSignals']).map((s) => ESCALATION_NAMES[lang][s]));
      case 'identifiers':
        return list(
          (value as IncidentData['identifiers']).map(
            (x) => `${IDENTIFIER_NAMES[lang][x.kind]}: ${x.value}${x.platform ? ` (${x.platform})` : ''}`,
          ),
        );
      case 'perpetratorIds':
      case 'witnessIds':
        return list(
          (value as string[]).map((id) => {
            const p = peopleById.get(id);
            return p ? personName(p, lang) : w.gone;
          }),
        );
      case 'privateFields':
        return list((value as string[]).map((f) => privateFieldShownIn(lang, f)));
      case 'reports':
        return list(
          (value as IncidentData['reports']).map((r) =>
            r.kind === 'police'
              ? [
                  w.police,
                  str(r.force) && `(${str(r.force)})`,
                  str(r.reference) && `${w.reference} ${str(r.reference)}`,
                ]
                  .filter(Boolean)
                  .join(' ')
              : [str(r.platform) || w.platform, str(r.reference) && `${w.reference} ${str(r.reference)}`]
                  .filter(Boolean)
                  .join(' '),
          ),
        );
    }
  } else {
    switch (field) {
      case 'identifiers':
        return list(
          (value as PersonData['identifiers']).map((i) =>
            [i.handle || i.url || i.accountId, i.platform && `(${i.platform})`].filter(Boolean).join(' '),
          ),
        );
      case 'role':
        return value === 'perpetrator' ? w.perpetrator : value === 'witness' ? w.witness : w.other;
    }
  }
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'string') return value.trim() === '' ? empty : value;
  if (Array.isArray(value)) return list(value.map((x) => (typeof x === 'string' ? x : '')).filter(Boolean));
  return empty;
}
