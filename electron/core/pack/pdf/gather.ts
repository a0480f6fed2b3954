/**
 * What the case-pack PDF shows beyond case.json (issue 14): the producer's details for the
 * summary, the police cases, each incident's effect, identifiers, written/changed times and earlier
 * wordings, each person's identifiers and basis, each exhibit's provenance and what the file says,
 * and the activity log (edits, deletions, exports, earlier packs). The privacy the producer chose
 * is applied here as in contents.ts: a withheld field, person or note gives nothing.
 */
import {
  INCIDENT_DEFAULTS,
  PERSON_DEFAULTS,
  type CustodyEntry,
  type ExhibitDetails,
  type ExtractedMetadata,
  type Incident,
  type IncidentVersion,
  type Person,
  type PersonIdentifier,
  type PoliceCase,
  type SeenIdentifier,
  type Settings,
} from '../../../../shared/model.js';
import { words } from '../../../../shared/words.js';
import type { Language } from '../../../../shared/language.js';
import { packText, type PackId, type PackText } from '../words/index.js';
import type { PackOptions } from '../../../../shared/ipc-pack.js';
import type { CaseFile } from '../casefile.js';

export interface PdfProducer {
  name: string;
  role: string;
  initials: string;
  constituency: string;
  electionDate: string;
  safeContact: string;
  timesToAvoid: string;
  email: string;
  phone: string;
}

export interface PdfCase {
  force: string;
  reference: string;
  officer: string;
  collarNumber: string;
  spoc: string;
  firstReportedOn: string;
  /** The numbers (1…) of the pack's incidents it covers. */
  incidentNos: number[];
}

export interface EarlierWording {
  version: number;
  writtenAt: string;
  /** When the next version replaced it. */
  replacedAt: string;
  /** The fields the next version changed, with their words in this version. */
  fields: { label: string; text: string }[];
}

export interface PdfIncidentExtra {
  effect: string;
  identifiers: SeenIdentifier[];
  writtenAt: string;
  changedAt: string | null;
  changedFields: string[];
  earlier: EarlierWording[];
}

export interface PdfPersonExtra {
  identifiers: PersonIdentifier[];
  basis: string;
  contact: string;
  sawWhat: string;
  knowsNamed: boolean;
}

export interface PdfExhibitExtra {
  details: ExhibitDetails | null;
  extracted: ExtractedMetadata | null;
}

/** One line of the activity log as the PDF prints it (when is ISO; the page writes it UK style). */
export interface ActivityLine {
  at: string;
  action: string;
  item: string;
  details: string;
  /** A hash to print in full, in the fixed-width font. */
  sha256?: string;
}

export interface EarlierPack {
  packId: string;
  at: string;
  format: string;
  incidents: number | null;
  exhibits: number | null;
  tagManifestSha256: string;
}

export interface PdfExtras {
  producer: PdfProducer;
  recipient: string;
  crimeReference: string;
  cases: PdfCase[];
  /** Police references given on the pack's incidents that no police case holds. */
  otherPoliceReports: { force: string; reference: string; officer: string; date: string; incidentNo: number }[];
  incidents: Map<string, PdfIncidentExtra>;
  people: Map<string, PdfPersonExtra>;
  exhibits: Map<string, PdfExhibitExtra>;
  activity: ActivityLine[];
  earlierPacks: EarlierPack[];
  /** How many incidents the vault holds in all (for "what was left out"). */
  vaultIncidents: number;
  /** How many items were deleted (tombstones in the activity log). */
  deletions: number;
  /** Views of the pack's items, counted (each is in data/custody/). */
  views: number;
}

/** What gatherExtras needs of the vault. */
export interface ExtrasVault {
  listIncidents(): Incident[];
  listPeople(): Person[];
  listCases(): PoliceCase[];
  incidentHistory(id: string): IncidentVersion[];
  custodyLog(): CustodyEntry[];
}

/** From the case file alone (when no vault is given): what the settings-free parts can show. */
export function extrasFromCaseFile(c: CaseFile): PdfExtras {
  return {
    producer: {
      name: c.producer.name,
      role: c.producer.role ?? '',
      initials: c.producer.initials,
      constituency: '',
      electionDate: '',
      safeContact: '',
      timesToAvoid: '',
      email: c.producer.email,
      phone: c.producer.phone,
    },
    recipient: '',
    crimeReference: '',
    cases: [],
    otherPoliceReports: otherReports(c, []),
    incidents: new Map(),
    people: new Map(),
    exhibits: new Map(),
    activity: [],
    earlierPacks: [],
    vaultIncidents: c.incidents.length,
    deletions: 0,
    views: 0,
  };
}

function otherReports(c: CaseFile, cases: readonly PdfCase[]): PdfExtras['otherPoliceReports'] {
  const known = new Set(cases.map((k) => k.reference.trim().toLowerCase()));
  return c.incidents.flatMap((i, n) =>
    i.reports.flatMap((r) =>
      r.kind === 'police' && !known.has(r.reference.trim().toLowerCase())
        ? [{ force: r.force, reference: r.reference, officer: r.officer, date: r.date, incidentNo: n + 1 }]
        : [],
    ),
  );
}

const TEXT_FIELDS_IN_ANNEX = [
  'title',
  'occurredAt',
  'description',
  'effect',
  'location',
  'channel',
  'categories',
  'identifiers',
  'perpetratorIds',
  'witnessIds',
  'escalationSignals',
  'reports',
  'notes',
] as const;

export function gatherExtras(
  vault: ExtrasVault,
  c: CaseFile,
  opts: Pick<
    PackOptions,
    'omitNotes' | 'omitPrivate' | 'recipient' | 'crimeReference' | 'producerName' | 'producerRole'
  > & { language?: Language },
  settings: Settings,
): PdfExtras {
  const lang = opts.language ?? 'en';
  const w = words(lang);
  const t = packText(lang);
  const all = vault.listIncidents();
  const byId = new Map(all.map((i) => [i.id, i]));
  const no = new Map(c.incidents.map((i, n) => [i.id, n + 1]));
  const withheldPeople = new Set(c.people.filter((p) => p.withheld).map((p) => p.id));
  const peopleById = new Map(vault.listPeople().map((p) => [p.id, p]));
  // A person left out is named in earlier wordings as withheld, never by name.
  const namedPeople = new Map(
    [...peopleById].map(([id, p]) =>
      withheldPeople.has(id) ? [id, { ...p, name: t('pdf.person.withheld'), handles: [], identifiers: [] }] : [id, p],
    ),
  );

  const incidents = new Map<string, PdfIncidentExtra>();
  for (const ci of c.incidents) {
    const i = byId.get(ci.id);
    if (!i) continue;
    const withheld = new Set<string>(ci.withheldFields);
    if (opts.omitNotes) withheld.add('notes');
    let history: IncidentVersion[] = [];
    try {
      history = vault.incidentHistory(i.id);
    } catch {
      history = [];
    }
    const earlier: EarlierWording[] = [];
    for (let v = 0; v + 1 < history.length; v++) {
      const cur = history[v]!;
      const next = history[v + 1]!;
      const fields = next.changed
        .filter((f) => (TEXT_FIELDS_IN_ANNEX as readonly string[]).includes(f) && !withheld.has(f))
        .map((f) => ({
          label: w.incidentField[f] ?? f,
          text: w.fieldText('incident', f, (cur.incident as unknown as Record<string, unknown>)[f], namedPeople),
        }));
      if (fields.length)
        earlier.push({ version: cur.version, writtenAt: cur.writtenAt, replacedAt: next.writtenAt, fields });
    }
    incidents.set(i.id, {
      effect: i.effect ?? INCIDENT_DEFAULTS.effect,
      identifiers: i.identifiers ?? INCIDENT_DEFAULTS.identifiers,
      writtenAt: i.writtenAt ?? i.createdAt,
      changedAt: i.changedAt ?? null,
      changedFields: (i.changedFields ?? []).filter((f) => !withheld.has(f)),
      earlier,
    });
  }

  const people = new Map<string, PdfPersonExtra>();
  for (const cp of c.people) {
    const p = peopleById.get(cp.id);
    if (!p || cp.withheld) continue;
    people.set(p.id, {
      identifiers: p.identifiers ?? PERSON_DEFAULTS.identifiers,
      basis: p.basis ?? '',
      contact: p.contact ?? '',
      sawWhat: p.sawWhat ?? '',
      knowsNamed: p.knowsNamed ?? false,
    });
  }

  const exhibitsById = new Map(all.flatMap((i) => i.exhibits).map((e) => [e.id, e]));
  const exhibits = new Map<string, PdfExhibitExtra>();
  for (const x of c.exhibits) {
    const e = exhibitsById.get(x.exhibitId);
    exhibits.set(x.exhibitId, { details: e?.details ?? null, extracted: e?.extracted ?? null });
  }

  const inPack = new Set(c.incidents.map((i) => i.id));
  const cases: PdfCase[] = vault
    .listCases()
    .filter((k) => k.incidentIds.some((id) => inPack.has(id)))
    .map((k) => ({
      force: k.force,
      reference: k.reference,
      officer: k.officer,
      collarNumber: k.collarNumber,
      spoc: k.spoc,
      firstReportedOn: k.firstReportedOn,
      incidentNos: k.incidentIds.flatMap((id) => (no.has(id) ? [no.get(id)!] : [])).sort((a, b) => a - b),
    }));

  const log = vault.custodyLog();
  const { activity, earlierPacks, deletions, views } = activityLines(c, log, lang);

  return {
    producer: {
      name: opts.producerName || settings.producerName,
      role: opts.producerRole || settings.producerRole,
      initials: c.producer.initials,
      constituency: settings.constituency ?? '',
      electionDate: settings.electionDate ?? '',
      safeContact: settings.safeContact ?? '',
      timesToAvoid: settings.timesToAvoid ?? '',
      email: settings.contactEmail,
      phone: settings.contactPhone,
    },
    recipient: opts.recipient ?? '',
    crimeReference: opts.crimeReference ?? '',
    cases,
    otherPoliceReports: otherReports(c, cases),
    incidents,
    people,
    exhibits,
    activity,
    earlierPacks,
    vaultIncidents: all.length,
    deletions,
    views,
  };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The activity log as the PDF prints it: for the pack's incidents, exhibits and people, their
 * creation, imports, edits (which fields) and deletions; every deletion in the vault with its hash
 * and reason, even of items not in the pack (never their words); every earlier pack.
 */
export function activityLines(
  c: CaseFile,
  log: readonly CustodyEntry[],
  lang: Language = 'en',
): { activity: ActivityLine[]; earlierPacks: EarlierPack[]; deletions: number; views: number } {
  const w = words(lang);
  const t = packText(lang);
  const no = new Map(c.incidents.map((i, n) => [i.id, n + 1]));
  const refs = new Map(c.exhibits.map((x) => [x.exhibitId, x.ref]));
  const pNo = personNumbers(c);
  const withheld = new Map(
    c.incidents.map((i) => [
      i.id,
      new Set<string>([...i.withheldFields, ...(c.privacy.notesLeftOut ? ['notes'] : [])]),
    ]),
  );
  const activity: ActivityLine[] = [];
  const earlierPacks: EarlierPack[] = [];
  let deletions = 0;
  let views = 0;
  const itemOf = (e: CustodyEntry): string | null => {
    const id = e.subjectId ?? '';
    if (e.subjectKind === 'incident' && no.has(id)) return t('pdf.activity.incident', { n: no.get(id) ?? '' });
    if (e.subjectKind === 'exhibit' && refs.has(id)) return t('pdf.exhibits.heading', { ref: refs.get(id) ?? '' });
    if (e.subjectKind === 'person' && pNo.has(id)) return pNo.get(id) ?? null;
    return null;
  };
  const kindWords: Record<string, string> = {
    incident: t('pdf.activity.notIn.incident'),
    exhibit: t('pdf.activity.notIn.exhibit'),
    person: t('pdf.activity.notIn.person'),
    contact: t('pdf.activity.notIn.contact'),
  };
  for (const e of log) {
    const d = e.details;
    const item = itemOf(e);
    if (e.action === 'export' && e.subjectKind === 'pack') {
      earlierPacks.push({
        packId: str(d.packId),
        at: e.at,
        format: str(d.format),
        incidents: typeof d.incidents === 'number' ? d.incidents : null,
        exhibits: typeof d.exhibits === 'number' ? d.exhibits : null,
        tagManifestSha256: str(d.tagManifestSha256),
      });
      activity.push({
        at: e.at,
        action: t('pdf.activity.packMade'),
        item: str(d.packId),
        details: t('pdf.activity.tagHashColon'),
        sha256: str(d.tagManifestSha256),
      });
      continue;
    }
    if (e.action === 'delete' || e.action === 'purge' || e.action === 'restore') {
      if (e.action === 'delete') deletions++;
      const what = item ?? kindWords[e.subjectKind] ?? t('pdf.activity.notIn.other', { kind: e.subjectKind });
      const hash = str(d.sha256) || str(d.recordSha256);
      const why = str(d.reason);
      if (e.action === 'delete') {
        const fileHash = e.subjectKind === 'exhibit' && str(d.sha256) ? str(d.sha256) : '';
        activity.push({
          at: e.at,
          action: t('pdf.activity.deleted'),
          item: what,
          details: t('pdf.activity.reason', {
            why: why || t('pdf.activity.notRecorded'),
            hash: fileHash ? t('pdf.activity.fileHash') : t('pdf.activity.recordHash'),
          }),
          sha256: fileHash || str(d.recordSha256) || hash,
        });
      } else if (e.action === 'purge') {
        activity.push({
          at: e.at,
          action: t('pdf.activity.purged'),
          item: what,
          details: t('pdf.activity.purgedDetails'),
          sha256: hash,
        });
      } else {
        activity.push({ at: e.at, action: t('pdf.activity.restored'), item: what, details: '' });
      }
      continue;
    }
    if (!item) continue;
    if (e.action === 'view') {
      views++;
      continue;
    }
    if (e.action === 'create') activity.push({ at: e.at, action: t('pdf.activity.created'), item, details: '' });
    else if (e.action === 'import')
      activity.push({
        at: e.at,
        action: t('pdf.activity.imported'),
        item,
        details: `${str(d.size) ? t('pdf.activity.importBytes', { n: str(d.size) }) : ''}${t('pdf.activity.importHash')}`,
        sha256: str(d.sha256),
      });
    else if (e.action === 'edit' && e.subjectKind === 'exhibit' && d.extracted === true)
      activity.push({ at: e.at, action: t('pdf.activity.read'), item, details: t('pdf.activity.readDetails') });
    else if (e.action === 'edit') {
      // A field left out of the pack is not named as changed either.
      const hidden = e.subjectKind === 'incident' ? (withheld.get(e.subjectId ?? '') ?? new Set<string>()) : new Set();
      const changed = list(d.changed).filter((f) => !hidden.has(f));
      const fieldWords =
        e.subjectKind === 'incident'
          ? w.changedLabel('incident', changed)
          : e.subjectKind === 'person'
            ? w.changedLabel('person', changed)
            : e.subjectKind === 'exhibit'
              ? exhibitFieldWords(changed, t)
              : changed.join(', ');
      activity.push({
        at: e.at,
        action: t('pdf.activity.changed'),
        item,
        details: fieldWords ? t('pdf.activity.fieldsChanged', { fields: fieldWords }) : '',
      });
    }
  }
  return { activity, earlierPacks, deletions, views };
}

/** P1, P2 … for the people believed responsible, W1, W2 … for witnesses, in order of first mention. */
export function personNumbers(c: Pick<CaseFile, 'incidents'>): Map<string, string> {
  const out = new Map<string, string>();
  let p = 0;
  let w = 0;
  for (const i of c.incidents) {
    for (const id of i.perpetratorIds) if (!out.has(id)) out.set(id, `P${++p}`);
  }
  for (const i of c.incidents) {
    for (const id of i.witnessIds) if (!out.has(id)) out.set(id, `W${++w}`);
  }
  return out;
}

const EXHIBIT_FIELD_WORDS: Record<string, PackId> = {
  description: 'pdf.field.description',
  obtainedHow: 'pdf.field.obtainedHow',
  obtainedHowOther: 'pdf.field.obtainedHow',
  obtainedBy: 'pdf.field.obtainedBy',
  obtainedAt: 'pdf.field.obtainedAt',
  source: 'pdf.field.source',
  originalLocation: 'pdf.field.originalLocation',
  changedByMe: 'pdf.field.changedByMe',
  keptAt: 'pdf.field.keptAt',
  handledBy: 'pdf.field.handledBy',
};

/** "description, when obtained, source": an exhibit's changed fields (details.source.url …) in plain words. */
export function exhibitFieldWords(changed: readonly string[], t: PackText = packText('en')): string {
  const words = changed.map((f) => {
    const parts = f.split('.');
    const key = parts[0] === 'details' || parts[0] === 'physical' ? parts[1] : parts[0];
    const id = EXHIBIT_FIELD_WORDS[key ?? ''];
    return id ? t(id) : t('pdf.field.other');
  });
  return [...new Set(words)].join(', ');
}
