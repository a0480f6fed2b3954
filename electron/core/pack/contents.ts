/**
 * What goes into a case pack, before anything is written: the exhibits of the selected incidents
 * in order, what each image's head says (GPS position, EXIF thumbnail: read once per exhibit, and
 * kept across a preview and its export in an ImageFacts map), the preview, the producer's
 * initials, and the incidents and people as the pack shows them (privacy applied). The selection
 * itself is shared/selection.ts, the private fields shared/privacy.ts. ./exporter.ts writes it.
 */
import { randomBytes } from 'node:crypto';
import {
  exhibitRef,
  exhibitRefNumber,
  InitialsSchema,
  type GpsWarning,
  type OmittedExhibit,
  type PackOptions,
  type PackPreview,
  type PackSelection,
} from '../../../shared/ipc-pack.js';
import { VaultError } from '../../../shared/errors.js';
import { formatOccurredAt, type Exhibit, type Incident, type Person, type PoliceCase } from '../../../shared/model.js';
import { PRIVATE_FIELDS } from '../../../shared/privacy.js';
import { selectIncidents } from '../../../shared/selection.js';
import { packText, type PackText } from './words/index.js';
import type { VaultApi } from '../api.js';
import type { CaseExhibit, CaseFile, CaseIncident, CasePerson, CasePoliceCase } from './casefile.js';
import { exifThumbnail, gpsPosition, HEAD_BYTES, IMAGE_TYPES_WITH_METADATA, readHead } from './images.js';

/** What the exporter needs of the vault. */
export type PackVault = Pick<
  VaultApi,
  | 'dir'
  | 'listIncidents'
  | 'listPeople'
  | 'listCases'
  | 'incidentHistory'
  | 'getSettings'
  | 'updateSettings'
  | 'openExhibitStream'
  | 'openExhibitChunks'
  | 'custodyLog'
  | 'recordCustody'
  | 'signingPublicKey'
  | 'signDetached'
  | 'beginExport'
  | 'endExport'
  | 'whenRead'
>;

/** What the head of an image exhibit says, read (decrypted) once. */
export interface ImageFacts {
  gps: { latitude: number; longitude: number } | null;
  /** The embedded EXIF thumbnail, kept only for JPEGs too big to show whole in the PDF. */
  exifThumb: Buffer | null;
}

/** Thumbnails kept in memory for the PDF: each at most this big, and all together. */
export const THUMB_MAX_EACH = 4 * 1024 * 1024;
export const THUMB_MAX_TOTAL = 48 * 1024 * 1024;

/** The error of a cancelled export (or preview). */
export function cancelled(): VaultError {
  return new VaultError('CANCELLED', 'The export was cancelled; nothing was kept.');
}

/**
 * Exhibits of the selected incidents in chronological order: incident order, then import time,
 * then the vault's own order (files imported together keep the order they were given in).
 */
export function orderedExhibits(incidents: Incident[]): Exhibit[] {
  return incidents.flatMap((i) => [...i.exhibits].sort((a, b) => a.importedAt.localeCompare(b.importedAt)));
}

/** Read what each image's head says: once per exhibit, whatever is already in `facts` is not read again. */
export async function scanImages(
  vault: PackVault,
  exhibits: Exhibit[],
  opts: { signal?: AbortSignal; onEach?: (done: number, total: number) => void; facts?: Map<string, ImageFacts> },
): Promise<{ gps: Map<string, { latitude: number; longitude: number }>; exifThumbs: Map<string, Buffer> }> {
  const gps = new Map<string, { latitude: number; longitude: number }>();
  const exifThumbs = new Map<string, Buffer>();
  const images = exhibits.filter((e) => IMAGE_TYPES_WITH_METADATA.test(e.mediaType));
  let done = 0;
  for (const e of images) {
    if (opts.signal?.aborted) throw cancelled();
    let facts = opts.facts?.get(e.id);
    if (!facts) {
      let head: Buffer;
      try {
        head = await readHead(vault.openExhibitStream(e.id), HEAD_BYTES);
      } catch {
        onEach();
        continue; // A damaged exhibit is reported when it is exported.
      }
      const thumb = e.size > THUMB_MAX_EACH && e.mediaType === 'image/jpeg' ? await exifThumbnail(head) : null;
      facts = { gps: await gpsPosition(head), exifThumb: thumb };
      opts.facts?.set(e.id, facts);
    }
    if (facts.gps) gps.set(e.id, facts.gps);
    if (facts.exifThumb) exifThumbs.set(e.id, facts.exifThumb);
    onEach();
  }
  return { gps, exifThumbs };

  function onEach(): void {
    opts.onEach?.(++done, images.length);
  }
}

export async function previewPack(
  vault: PackVault,
  selection: PackSelection,
  imageFacts?: Map<string, ImageFacts>,
): Promise<PackPreview> {
  const incidents = selectIncidents(vault.listIncidents(), selection);
  const exhibits = orderedExhibits(incidents);
  const { gps } = await scanImages(vault, exhibits, { facts: imageFacts });
  const warnings: GpsWarning[] = exhibits
    .filter((e) => gps.has(e.id))
    .map((e) => {
      const g = gps.get(e.id) ?? { latitude: 0, longitude: 0 };
      return { exhibitId: e.id, incidentId: e.incidentId, name: e.name, latitude: g.latitude, longitude: g.longitude };
    });
  return {
    incidents: incidents.length,
    exhibits: exhibits.length,
    exhibitBytes: exhibits.reduce((s, e) => s + e.size, 0),
    firstDate: incidents[0]?.occurredAt.date ?? null,
    lastDate: incidents[incidents.length - 1]?.occurredAt.date ?? null,
    gpsWarnings: warnings,
    initials: vault.getSettings().producerInitials.toUpperCase(),
  };
}

/** The producer's initials: those given, else those in the settings; refused when neither is usable. */
export function producerInitials(given: string | undefined, settings: { producerInitials: string }): string {
  if (given) return given;
  const fromSettings = InitialsSchema.safeParse(settings.producerInitials);
  if (!fromSettings.success) {
    throw new VaultError(
      'INVALID_INPUT',
      'Give your initials for the exhibit references (AB/1, AB/2, ...): none are set in the settings.',
    );
  }
  return fromSettings.data;
}

/**
 * Every exhibit's permanent reference (as stored: ../records/exhibit-refs.ts), by exhibit id.
 * Refused in one line when one has none yet or two share one: a pack's references must each name
 * one item for good.
 */
export function permanentReferences(incidents: Incident[]): Map<string, string> {
  const refs = new Map<string, string>();
  const holder = new Map<string, Exhibit>();
  for (const e of incidents.flatMap((i) => i.exhibits)) {
    if (!e.ref) {
      throw new VaultError(
        'INTERNAL',
        `Exhibit "${e.name}" has no permanent reference yet: lock the vault, unlock it again, then export again.`,
      );
    }
    const other = holder.get(e.ref);
    if (other) {
      throw new VaultError(
        'TAMPERED',
        `Exhibits "${other.name}" and "${e.name}" both hold reference ${e.ref}: nothing was exported. Run a vault check and ask for help before exporting.`,
      );
    }
    holder.set(e.ref, e);
    refs.set(e.id, e.ref);
  }
  return refs;
}

/** A reference not in the pack, and why, in the producer's words for the officer. */
export interface WithheldReference {
  ref: string;
  note: string;
}

export const WITHHELD_NOTE = 'withheld by the producer';
export const DAMAGED_NOTE = 'left out: its stored copy failed its SHA-256 check';

/**
 * Every reference from 1 to the highest any exhibit of the vault holds that is not in this pack,
 * in number order: an exhibit left out, one of an incident not selected, or one deleted (whose
 * initials are taken from the nearest lower reference). The pack explains each gap.
 */
export function withheldReferences(
  refs: ReadonlyMap<string, string>,
  inPack: ReadonlySet<string>,
  omitted: readonly OmittedExhibit[],
): WithheldReference[] {
  const byNumber = new Map<number, string>();
  for (const ref of refs.values()) {
    const n = exhibitRefNumber(ref);
    if (n !== null) byNumber.set(n, ref);
  }
  const damaged = new Set(omitted.filter((o) => o.reason === 'damaged' && o.ref).map((o) => o.ref));
  const highest = Math.max(0, ...byNumber.keys());
  const out: WithheldReference[] = [];
  let initials = [...byNumber.entries()].sort((a, b) => a[0] - b[0])[0]?.[1].split('/')[0] ?? '';
  for (let n = 1; n <= highest; n++) {
    const known = byNumber.get(n);
    if (known) initials = known.split('/')[0] ?? initials;
    const ref = known ?? exhibitRef(initials, n);
    if (inPack.has(ref)) continue;
    out.push({ ref, note: damaged.has(ref) ? DAMAGED_NOTE : WITHHELD_NOTE });
  }
  return out;
}

/** Consecutive references with one note, as one line: "AB/6 to AB/9: withheld by the producer". */
export function withheldLines(list: readonly WithheldReference[], t: PackText = packText('en')): string[] {
  const noteText = (note: string): string =>
    note === WITHHELD_NOTE ? t('pack.withheldNote') : note === DAMAGED_NOTE ? t('pack.damagedNote') : note;
  const lines: string[] = [];
  let i = 0;
  while (i < list.length) {
    const first = list[i]!;
    let j = i;
    const prefix = (r: string): string => r.split('/')[0] ?? '';
    while (
      j + 1 < list.length &&
      list[j + 1]!.note === first.note &&
      prefix(list[j + 1]!.ref) === prefix(first.ref) &&
      exhibitRefNumber(list[j + 1]!.ref) === (exhibitRefNumber(list[j]!.ref) ?? 0) + 1
    )
      j++;
    const last = list[j]!;
    lines.push(
      `${j > i ? t('pack.refRange', { first: first.ref, last: last.ref }) : first.ref}: ${noteText(first.note)}`,
    );
    i = j + 1;
  }
  return lines;
}

export function caseIncident(
  i: Incident,
  opts: Pick<PackOptions, 'omitPrivate' | 'omitNotes'>,
  refs: string[],
): CaseIncident {
  const withheld = opts.omitPrivate ? PRIVATE_FIELDS.filter((f) => i.privateFields.includes(f)) : [];
  const w = new Set<string>(withheld);
  return {
    id: i.id,
    title: w.has('title') ? '(title withheld)' : i.title,
    occurredAt: { ...i.occurredAt, approximate: i.occurredAt.approximate ?? false },
    occurredAtText: formatOccurredAt(i.occurredAt),
    description: w.has('description') ? '' : i.description,
    // Effect is never a private field (model.ts); the identifiers seen go with who is believed responsible.
    effect: i.effect ?? '',
    identifiers: w.has('perpetratorIds') ? [] : (i.identifiers ?? []),
    categories: w.has('categories') ? [] : i.categories,
    channel: w.has('channel') || !i.channel ? null : { kind: i.channel.kind, detail: i.channel.detail ?? '' },
    location: w.has('location') ? '' : i.location,
    perpetratorIds: w.has('perpetratorIds') ? [] : i.perpetratorIds,
    witnessIds: w.has('witnessIds') ? [] : i.witnessIds,
    escalationSignals: w.has('escalationSignals') ? [] : i.escalationSignals,
    reports: w.has('reports') ? [] : i.reports,
    notes: opts.omitNotes || w.has('notes') ? null : i.notes,
    withheldFields: withheld,
    exhibitRefs: refs,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

export function casePeople(incidents: CaseIncident[], people: Person[], omitPrivate: boolean): CasePerson[] {
  const used = new Set(incidents.flatMap((i) => [...i.perpetratorIds, ...i.witnessIds]));
  return people
    .filter((p) => used.has(p.id))
    .map((p) =>
      omitPrivate && p.private
        ? { id: p.id, withheld: true, name: '', handles: [], description: '', role: p.role }
        : {
            id: p.id,
            withheld: false,
            name: p.name,
            handles: p.handles,
            description: p.description,
            role: p.role,
            identifiers: p.identifiers ?? [],
            basis: p.basis ?? '',
            ...(p.role === 'witness' ? { contact: p.contact ?? '', sawWhat: p.sawWhat ?? '' } : {}),
          },
    );
}

/** The police cases covering the pack's incidents, each with only those incidents. */
export function casePoliceCases(cases: readonly PoliceCase[], incidents: readonly CaseIncident[]): CasePoliceCase[] {
  const inPack = new Set(incidents.map((i) => i.id));
  return cases
    .map((c) => ({ c, covered: c.incidentIds.filter((id) => inPack.has(id)) }))
    .filter((x) => x.covered.length > 0)
    .map(({ c, covered }) => ({
      id: c.id,
      force: c.force,
      reference: c.reference,
      officer: c.officer,
      collarNumber: c.collarNumber,
      spoc: c.spoc,
      firstReportedOn: c.firstReportedOn,
      incidentIds: covered,
    }));
}

/**
 * The selection's exhibits split into those the pack holds (with their permanent references) and
 * those left out at the user's request or for a GPS position, with why; and how many digits the
 * pack's file names give a reference number (two at least, more once the numbers pass 99).
 */
export function splitExhibits(
  candidates: readonly Exhibit[],
  refs: ReadonlyMap<string, string>,
  gps: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  opts: Pick<PackOptions, 'excludeExhibitIds' | 'excludeGpsExhibits'>,
): { included: { exhibit: Exhibit; ref: string }[]; omitted: OmittedExhibit[]; digits: number } {
  const excluded = new Set(opts.excludeExhibitIds);
  const omitted: OmittedExhibit[] = [];
  const included: { exhibit: Exhibit; ref: string }[] = [];
  for (const e of candidates) {
    if (excluded.has(e.id) || (opts.excludeGpsExhibits && gps.has(e.id))) {
      omitted.push({
        ref: refs.get(e.id) ?? null,
        exhibitId: e.id,
        incidentId: e.incidentId,
        name: e.name,
        reason: excluded.has(e.id) ? 'excluded-by-user' : 'gps-position',
      });
    } else included.push({ exhibit: e, ref: refs.get(e.id) ?? '' });
  }
  const digits = Math.max(2, ...included.map((x) => String(exhibitRefNumber(x.ref) ?? 0).length));
  return { included, omitted, digits };
}

/** A file exhibit as the pack lists it, with the producer's account of it and what the file says. */
export function fileCaseExhibit(e: Exhibit, ref: string, path: string, hasGpsPosition: boolean): CaseExhibit {
  return {
    ref,
    path,
    originalName: e.name,
    mediaType: e.mediaType,
    size: e.size,
    sha256: e.sha256,
    importedAt: e.importedAt,
    fileModifiedAt: e.fileModifiedAt,
    incidentId: e.incidentId,
    exhibitId: e.id,
    hasGpsPosition,
    details: e.details,
    ...(e.extracted ? { extracted: e.extracted } : {}),
  };
}

/** A new pack id: EVP-<date>-<8 hex>, the same in a pack's folder and ZIP names. */
export function newPackId(now: Date): string {
  const d = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `EVP-${d}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** A physical item (issue 13) as the pack lists it: no file, where it is kept. */
export function physicalCaseExhibit(e: Exhibit, ref: string): CaseExhibit {
  return {
    ref,
    path: '',
    originalName: e.name,
    mediaType: '',
    size: 0,
    sha256: '',
    importedAt: e.importedAt,
    fileModifiedAt: '',
    incidentId: e.incidentId,
    exhibitId: e.id,
    hasGpsPosition: false,
    kind: 'physical',
    physical: {
      keptAt: e.physical?.keptAt ?? '',
      handledBy: e.physical?.handledBy ?? '',
      description: e.details.description,
    },
    details: e.details,
  };
}

/** What case.json says was chosen, left out and counted: the same in a pack and in the e-mail PDF. */
export function caseSelection(
  opts: Pick<PackOptions, 'selection' | 'omitNotes' | 'omitPrivate'>,
  incidents: readonly CaseIncident[],
  exhibits: readonly CaseExhibit[],
  omitted: readonly OmittedExhibit[],
): Pick<CaseFile, 'selection' | 'privacy' | 'counts'> {
  return {
    selection: {
      incidentIds: opts.selection.incidentIds ?? null,
      from: opts.selection.from ?? null,
      to: opts.selection.to ?? null,
      categories: opts.selection.categories ?? null,
      personIds: opts.selection.personIds ?? null,
    },
    privacy: { notesLeftOut: opts.omitNotes, privateFieldsLeftOut: opts.omitPrivate },
    counts: {
      incidents: incidents.length,
      exhibits: exhibits.length,
      omittedExhibits: omitted.length,
      exhibitBytes: exhibits.reduce((s, x) => s + x.size, 0),
    },
  };
}
