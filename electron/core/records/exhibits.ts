/**
 * Exhibit records (what is known about each file: name, size, SHA-256, incident). The files
 * themselves are in the blob store; importing is in ../vault.ts.
 */
import { ExhibitDetailsSchema, type Exhibit } from '../../../shared/model.js';
import { VaultError } from '../../../shared/errors.js';
import type { RecordStore } from '../store/store.js';
import { binRecord, type BinnedBody } from './bin.js';

/** An exhibit as stored: the public Exhibit fields (minus id) plus its blob id. */
export interface ExhibitBody extends Omit<Exhibit, 'id' | 'kind' | 'details' | 'warnings'> {
  /** Absent in bodies written before 0.3: a file. */
  kind?: Exhibit['kind'];
  details?: Exhibit['details'];
  warnings?: string[];
  blobId: string;
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
    details: body.details ?? ExhibitDetailsSchema.parse({}),
    ...(body.physical ? { physical: body.physical } : {}),
    ...(body.extracted ? { extracted: body.extracted } : {}),
    warnings: body.warnings ?? [],
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
