/**
 * Exhibit records (what is known about each file: name, size, SHA-256, incident; what the producer
 * says about it, with its earlier versions; physical items, which have no file). The files
 * themselves are in the blob store; importing is in ../exhibits/flow.ts.
 */
import { z } from 'zod';
import { VaultError } from '../../../shared/errors.js';
import {
  ExhibitDetailsSchema,
  OBTAINED_HOW,
  PhysicalItemSchema,
  formatOccurredAt,
  parseOccurredAt,
  type Exhibit,
  type ExhibitDetails,
  type ExhibitDetailsInput,
  type ExhibitDetailsVersion,
  type ExtractedMetadata,
  type PhysicalItem,
  type PhysicalItemInput,
} from '../../../shared/model.js';
import { randomId } from '../crypto/index.js';
import { contentWarnings } from '../exhibits/warnings.js';
import { now, type RecordStore } from '../store/store.js';
import { binRecord, type BinnedBody } from './bin.js';
import { assignExhibitNumber } from './exhibit-refs.js';
import { parseInput } from './validate.js';

export { assignExhibitNumber, assignExhibitNumbers } from './exhibit-refs.js';

/** An exhibit as stored: the public Exhibit fields (minus id) plus its blob id. */
export interface ExhibitBody extends Omit<Exhibit, 'id' | 'kind' | 'details' | 'warnings'> {
  /** Absent in bodies written before 0.3: a file. */
  kind?: Exhibit['kind'];
  details?: Exhibit['details'];
  warnings?: string[];
  /** '' for a physical item (no file). */
  blobId: string;
  /** Its permanent exhibit number, given once (./exhibit-refs.ts); absent only before migration 4 ran. */
  refNumber?: number;
  /** When the current details were written (absent: at import). */
  detailsWrittenAt?: string;
  /** Earlier versions of details (and physical), oldest first: append-only. */
  detailsHistory?: ExhibitDetailsVersionBody[];
  /** Position within its import batch (exhibits of one batch share importedAt), for a stable order. */
  batchIndex?: number;
}

export function toExhibit(id: string, body: ExhibitBody): Exhibit {
  return {
    id,
    incidentId: body.incidentId,
    name: body.name,
    size: body.size,
    sha256: body.sha256,
    mediaType: body.mediaType,
    fileModifiedAt: body.fileModifiedAt,
    importedAt: body.importedAt,
    kind: body.kind ?? 'file',
    ...(body.ref !== undefined ? { ref: body.ref } : {}),
    ...(body.refNumber !== undefined ? { refNumber: body.refNumber } : {}),
    details: body.details ?? ExhibitDetailsSchema.parse({}),
    ...(body.physical ? { physical: body.physical } : {}),
    ...(body.extracted ? { extracted: body.extracted } : {}),
    ...(body.extractPending ? { extractPending: true as const } : {}),
    ...(body.enteredBy !== undefined ? { enteredBy: body.enteredBy } : {}),
    // Worked out from the name and the sniffed type at every read (nothing stored), so exhibits added before
    // 0.3 are warned about too.
    warnings: body.warnings ?? (body.kind === 'physical' ? [] : contentWarnings(body.name, body.mediaType)),
  };
}

/** Exhibit ids per incident, in import order (kept until an exhibit changes). */
export function exhibitsByIncident(store: RecordStore): Map<string, string[]> {
  return store.derive('exhibit', 'by-incident', () => {
    const index = new Map<string, string[]>();
    const list = store
      .all<ExhibitBody>('exhibit')
      .sort(
        (a, b) =>
          a[1].importedAt.localeCompare(b[1].importedAt) ||
          (a[1].batchIndex ?? 0) - (b[1].batchIndex ?? 0) ||
          a[0].localeCompare(b[0]),
      );
    for (const [id, ex] of list) {
      const l = index.get(ex.incidentId);
      if (l) l.push(id);
      else index.set(ex.incidentId, [id]);
    }
    return index;
  });
}

export function getExhibit(store: RecordStore, id: string): Exhibit {
  return toExhibit(id, store.get<ExhibitBody>(id, 'exhibit'));
}

/**
 * Moves the exhibit to the bin (its file kept, restorable for 30 days) with a tombstone in the
 * custody log: details.sha256 is the file's, as before the bin; recordSha256 the record's.
 */
export function deleteExhibitRecord(store: RecordStore, id: string, reason: string): void {
  const ex = store.get<ExhibitBody>(id, 'exhibit');
  store.transact(() => {
    const binned = binRecord(store, id, 'exhibit', ex, { reason, label: ex.name });
    store.appendCustody({
      action: 'delete',
      subjectKind: 'exhibit',
      subjectId: id,
      details: {
        name: ex.name,
        size: ex.size,
        sha256: ex.sha256,
        incidentId: ex.incidentId,
        ...(ex.kind === 'physical' ? { kind: 'physical' } : {}),
        reason,
        recordSha256: binned.sha256,
      },
    });
  });
}

/** Brings a binned exhibit back into its incident, which must be there (not deleted). */
export function restoreExhibit(store: RecordStore, id: string, b: BinnedBody): void {
  const ex = b.body as ExhibitBody;
  if (!store.find(ex.incidentId, 'incident')) {
    throw new VaultError(
      'INVALID_INPUT',
      `The incident of exhibit "${ex.name}" is deleted: restore the incident ${ex.incidentId} first, then this exhibit.`,
    );
  }
  store.transact(() => {
    store.put(id, 'exhibit', ex);
    store.appendCustody({
      action: 'restore',
      subjectKind: 'exhibit',
      subjectId: id,
      details: { name: ex.name, size: ex.size, sha256: ex.sha256, incidentId: ex.incidentId, deletedAt: b.deletedAt },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Provenance (what the producer says about an exhibit) and physical items (issue 13)

/** One earlier version of an exhibit's provenance, kept when it was replaced (append-only). */
export interface ExhibitDetailsVersionBody {
  /** When this version was written (the import or the edit that made it). */
  writtenAt: string;
  details: ExhibitDetails;
  physical?: PhysicalItem;
}

const PhysicalNameSchema = z.string().trim().min(1, 'Give the item a short name').max(500);

/** The "how it was obtained" kinds, for messages. */
export function obtainedHowList(): string {
  return OBTAINED_HOW.join(', ');
}

/** Validates details (INVALID_INPUT naming the field); obtainedAt must be a real date, kept in its ISO 8601 form. */
export function validateDetails(input: ExhibitDetailsInput): ExhibitDetails {
  const raw = input as { obtainedHow?: unknown };
  if (raw.obtainedHow !== undefined && !(OBTAINED_HOW as readonly unknown[]).includes(raw.obtainedHow)) {
    throw new VaultError(
      'INVALID_INPUT',
      `Unknown way of obtaining an exhibit "${String(raw.obtainedHow)}". Use one of: ${obtainedHowList()}.`,
    );
  }
  const details = parseInput(ExhibitDetailsSchema, input, 'exhibit details');
  if (details.obtainedAt.trim() !== '') {
    try {
      details.obtainedAt = formatOccurredAt(parseOccurredAt(details.obtainedAt));
    } catch (e) {
      throw new VaultError('INVALID_INPUT', `Invalid date the exhibit was obtained: ${(e as Error).message}.`);
    }
  } else {
    details.obtainedAt = '';
  }
  return details;
}

/** The fields that differ, as dotted paths: details.description, details.source.url, physical.keptAt. */
function changedFields(
  before: { details: ExhibitDetails; physical?: PhysicalItem },
  after: { details: ExhibitDetails; physical?: PhysicalItem },
): string[] {
  const out: string[] = [];
  const walk = (prefix: string, a: unknown, b: unknown): void => {
    const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
    if (isObj(a) || isObj(b)) {
      const ka = isObj(a) ? a : {};
      const kb = isObj(b) ? b : {};
      for (const k of [...new Set([...Object.keys(ka), ...Object.keys(kb)])].sort())
        walk(`${prefix}.${k}`, ka[k], kb[k]);
      return;
    }
    if ((a ?? '') !== (b ?? '')) out.push(prefix);
  };
  walk('details', before.details, after.details);
  walk('physical', before.physical, after.physical);
  return out;
}

/** How an exhibit is named in messages: its reference when it has one, else its name in quotes. */
export function exhibitLabel(ex: Pick<ExhibitBody, 'ref' | 'name'>): string {
  return ex.ref ?? `"${ex.name}"`;
}

/** The plain refusal for anything that needs an exhibit's file, when it is a physical item. */
export function noFileError(ex: Pick<ExhibitBody, 'ref' | 'name'>): VaultError {
  return new VaultError(
    'INVALID_INPUT',
    `${exhibitLabel(ex)} is a physical item: there is no file to open. It is kept where its details say.`,
  );
}

/**
 * Saves the producer's account of an exhibit (and, for a physical item, where it is kept): the
 * previous version is kept in the exhibit's history, and one custody 'edit' entry names the fields
 * that changed. Nothing is written when nothing changed.
 */
export function updateExhibitDetails(
  store: RecordStore,
  id: string,
  input: ExhibitDetailsInput,
  physicalInput?: PhysicalItemInput,
): Exhibit {
  store.requireOpen();
  const prev = store.get<ExhibitBody>(id, 'exhibit');
  const details = validateDetails(input);
  const kind = prev.kind ?? 'file';
  let physical = prev.physical;
  if (physicalInput !== undefined) {
    if (kind !== 'physical') {
      throw new VaultError(
        'INVALID_INPUT',
        `${exhibitLabel(prev)} is a file, not a physical item: it has no place where it is kept. Say where the original is in "where the original is now".`,
      );
    }
    physical = parseInput(PhysicalItemSchema, physicalInput, 'physical item');
  }
  const before = { details: prev.details ?? ExhibitDetailsSchema.parse({}), physical: prev.physical };
  const changed = changedFields(before, { details, physical });
  if (changed.length === 0) return toExhibit(id, prev);
  const at = now();
  const earlier: ExhibitDetailsVersionBody = {
    writtenAt: prev.detailsWrittenAt ?? prev.importedAt,
    details: before.details,
    ...(before.physical ? { physical: before.physical } : {}),
  };
  const body: ExhibitBody = {
    ...prev,
    details,
    ...(physical ? { physical } : {}),
    detailsWrittenAt: at,
    detailsHistory: [...(prev.detailsHistory ?? []), earlier],
  };
  store.transact(() => {
    store.put(id, 'exhibit', body);
    store.appendCustody({
      action: 'edit',
      subjectKind: 'exhibit',
      subjectId: id,
      details: { name: prev.name, ...(prev.ref ? { ref: prev.ref } : {}), changed },
    });
  });
  return toExhibit(id, body);
}

/** What one file was found to say, read after its import (exhibits/flow.ts readAfterImport). */
export interface Reading {
  id: string;
  /** The SHA-256 the bytes read had: the reading is written only to the exhibit of those bytes. */
  sha256: string;
  extracted: ExtractedMetadata | undefined;
}

/**
 * Writes readings of what files say, in ONE transaction: each exhibit still waiting for its reading
 * (extractPending, the same SHA-256; not deleted meanwhile) gets `extracted` and loses extractPending, and
 * one custody 'edit' entry ({ extracted: true }) says it was read, where it said anything. The producer's
 * account and its history are not touched. Returns the exhibits written.
 */
export function recordReadings(store: RecordStore, readings: readonly Reading[]): Exhibit[] {
  store.requireOpen();
  const out: Exhibit[] = [];
  store.transact(() => {
    for (const r of readings) {
      const prev = store.find<ExhibitBody>(r.id, 'exhibit');
      if (!prev?.extractPending || prev.sha256 !== r.sha256) continue;
      const { extractPending: _pending, ...rest } = prev;
      const body: ExhibitBody = r.extracted ? { ...rest, extracted: r.extracted } : rest;
      store.put(r.id, 'exhibit', body);
      if (r.extracted) {
        store.appendCustody({
          action: 'edit',
          subjectKind: 'exhibit',
          subjectId: r.id,
          details: {
            name: prev.name,
            ...(prev.ref ? { ref: prev.ref } : {}),
            sha256: prev.sha256,
            mediaType: prev.mediaType,
            extracted: true,
          },
        });
      }
      out.push(toExhibit(r.id, body));
    }
  });
  return out;
}

/** The file exhibits still waiting for their reading (an earlier session ended before it was written). */
export function exhibitsAwaitingReading(store: RecordStore): [string, ExhibitBody][] {
  return store.all<ExhibitBody>('exhibit').filter(([, b]) => b.extractPending === true && b.kind !== 'physical');
}

/** The exhibit's provenance versions, oldest first, the current one last. */
export function exhibitDetailsHistory(store: RecordStore, id: string): ExhibitDetailsVersion[] {
  const ex = store.get<ExhibitBody>(id, 'exhibit');
  const current: ExhibitDetailsVersion = {
    writtenAt: ex.detailsWrittenAt ?? ex.importedAt,
    details: ex.details ?? ExhibitDetailsSchema.parse({}),
    ...(ex.physical ? { physical: ex.physical } : {}),
    current: true,
  };
  return [...(ex.detailsHistory ?? []).map((v) => ({ ...v, current: false })), current];
}

/**
 * A physical item (a letter, an envelope) as an exhibit: no file (size 0, sha256 '', mediaType
 * '', no blob), its details and where it is kept; one custody 'create' entry.
 */
export function addPhysicalExhibit(
  store: RecordStore,
  incidentId: string,
  nameInput: string,
  detailsInput: ExhibitDetailsInput,
  physicalInput: PhysicalItemInput,
): Exhibit {
  store.requireOpen();
  store.get(incidentId, 'incident');
  const name = parseInput(PhysicalNameSchema, nameInput, 'physical item name');
  const details = validateDetails(detailsInput);
  const physical = parseInput(PhysicalItemSchema, physicalInput, 'physical item');
  const id = randomId();
  const at = now();
  const body: ExhibitBody = {
    incidentId,
    blobId: '',
    name,
    size: 0,
    sha256: '',
    mediaType: '',
    fileModifiedAt: '',
    importedAt: at,
    batchIndex: 0,
    kind: 'physical',
    details,
    physical,
    warnings: [],
    detailsWrittenAt: at,
  };
  const enteredBy = store.enteredBy();
  if (enteredBy !== null) body.enteredBy = enteredBy;
  let numbered: ExhibitBody = body;
  store.transact(() => {
    numbered = { ...body, ...assignExhibitNumber(store) };
    store.put(id, 'exhibit', numbered);
    store.appendCustody({
      action: 'create',
      subjectKind: 'exhibit',
      subjectId: id,
      details: { name, kind: 'physical', incidentId },
    });
  });
  return toExhibit(id, numbered);
}
