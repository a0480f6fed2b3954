/**
 * Incidents: list, read, create, edit, delete to the bin (with their exhibits), restore; each save
 * in the custody log and kept as a version (./revisions.ts).
 */
import { VaultError } from '../../../shared/errors.js';
import {
  INCIDENT_DEFAULTS,
  IncidentInputSchema,
  type Exhibit,
  type Incident,
  type IncidentData,
  type IncidentInput,
  type IncidentVersion,
} from '../../../shared/model.js';
import { randomId } from '../crypto/index.js';
import { inTimelineOrder } from '../../../shared/timeline.js';
import { now, type RecordStore } from '../store/store.js';
import { binRecord, exhibitsBinnedWith, type BinnedBody } from './bin.js';
import { exhibitsByIncident, toExhibit, type ExhibitBody } from './exhibits.js';
import { addRevision, changedFields, revisions } from './revisions.js';
import { validateIncidentInput } from './validate.js';

export interface IncidentBody extends IncidentData {
  createdAt: string;
  updatedAt: string;
  /** The last change: when, and which fields (absent in bodies never changed, or written before 0.4). */
  changedAt?: string;
  changedFields?: string[];
  /** Who first wrote it and who made the last change, in a vault with more than one person's passphrase. */
  enteredBy?: string;
  changedBy?: string;
}

/** The fields of an incident a version compares. */
const INCIDENT_FIELDS = Object.keys(IncidentInputSchema.shape) as (keyof IncidentData)[];

function toIncident(store: RecordStore, id: string, body: IncidentBody): Incident {
  const ids = exhibitsByIncident(store).get(id) ?? [];
  const exhibits: Exhibit[] = [];
  for (const eid of ids) {
    const ex = store.find<ExhibitBody>(eid, 'exhibit');
    if (ex) exhibits.push(toExhibit(eid, ex));
  }
  // Records written before 0.3 lack the newer fields: their defaults. Changed before versions
  // were kept: when is known (updatedAt), which fields is not.
  const changedAt = body.changedAt ?? (body.updatedAt !== body.createdAt ? body.updatedAt : undefined);
  return {
    ...INCIDENT_DEFAULTS,
    ...body,
    id,
    writtenAt: body.createdAt,
    ...(changedAt !== undefined ? { changedAt } : {}),
    exhibits,
  };
}

export function listIncidents(store: RecordStore): Incident[] {
  // The timeline's one order (shared/timeline.ts), sort keys computed once.
  return inTimelineOrder(store.all<IncidentBody>('incident'), ([id, body]) => ({
    id,
    occurredAt: body.occurredAt,
    createdAt: body.createdAt,
  })).map(([id, body]) => toIncident(store, id, body));
}

export function getIncident(store: RecordStore, id: string): Incident {
  return toIncident(store, id, store.get<IncidentBody>(id, 'incident'));
}

/** INVALID_INPUT unless every person the incident names exists. */
export function checkPeople(store: RecordStore, data: IncidentData): void {
  for (const pid of [...data.perpetratorIds, ...data.witnessIds]) {
    if (!store.find(pid, 'person')) {
      throw new VaultError('INVALID_INPUT', `Invalid incident: there is no person with id ${pid}.`);
    }
  }
}

/** A new incident's body, first written now. */
export function newIncidentBody(data: IncidentData): IncidentBody {
  const at = now();
  return { ...data, createdAt: at, updatedAt: at };
}

/** Puts a new incident with its first version and its 'create' entry (only inside store.transact()). */
export function putNewIncident(store: RecordStore, id: string, first: IncidentBody): void {
  const by = store.enteredBy();
  const body: IncidentBody = by !== null ? { ...first, enteredBy: by } : first;
  store.put(id, 'incident', body);
  addRevision(store, 'incident', id, body, [], body.createdAt);
  store.appendCustody({ action: 'create', subjectKind: 'incident', subjectId: id, details: { title: body.title } });
}

export function createIncident(store: RecordStore, input: IncidentInput): Incident {
  store.requireOpen();
  const data = validateIncidentInput(input);
  checkPeople(store, data);
  const id = randomId();
  const body = newIncidentBody(data);
  store.transact(() => putNewIncident(store, id, body));
  return getIncident(store, id);
}

/**
 * Saves a new version of an incident whose data changed (only inside store.transact()): the
 * body, its version and the 'edit' entry naming the fields changed (as before versions were
 * kept, a save that changes nothing is still an edit, naming no fields).
 */
export function saveIncidentVersion(
  store: RecordStore,
  id: string,
  prev: IncidentBody,
  data: IncidentData,
  extra: Record<string, unknown> = {},
): string[] {
  const changed = changedFields<IncidentData>(prev, data, INCIDENT_FIELDS);
  const at = now();
  const by = store.enteredBy();
  const body: IncidentBody = {
    ...data,
    createdAt: prev.createdAt,
    updatedAt: at,
    changedAt: at,
    changedFields: changed,
    ...(prev.enteredBy !== undefined ? { enteredBy: prev.enteredBy } : {}),
    ...(by !== null ? { changedBy: by } : {}),
  };
  store.put(id, 'incident', body);
  addRevision(store, 'incident', id, body, changed, at);
  store.appendCustody({
    action: 'edit',
    subjectKind: 'incident',
    subjectId: id,
    details: { title: body.title, changed, ...extra },
  });
  return changed;
}

/** The incident's data fields of a stored body (no times). */
function dataOf(body: IncidentBody): IncidentData {
  const out: Partial<Record<keyof IncidentData, unknown>> = {};
  for (const k of INCIDENT_FIELDS) if (body[k] !== undefined) out[k] = body[k];
  return out as IncidentData;
}

export function updateIncident(store: RecordStore, id: string, input: IncidentInput): Incident {
  const prev = store.get<IncidentBody>(id, 'incident');
  const data = validateIncidentInput(input);
  checkPeople(store, data);
  store.transact(() => saveIncidentVersion(store, id, prev, data));
  return getIncident(store, id);
}

/** Every saved version of an incident, oldest first (in the bin too: its versions are kept with it). */
export function incidentHistory(store: RecordStore, id: string): IncidentVersion[] {
  if (!store.find(id, 'incident') && !store.find(id, 'binned')) store.get(id, 'incident'); // NOT_FOUND / TAMPERED
  return revisions<IncidentBody>(store, id).map((r) => {
    const { changedAt: _a, changedFields: _f, enteredBy: _e, changedBy: _c, ...body } = r.body;
    return {
      version: r.version,
      writtenAt: r.writtenAt,
      changed: r.changed,
      ...(r.enteredBy !== undefined ? { enteredBy: r.enteredBy } : {}),
      incident: { ...body, id },
    };
  });
}

/**
 * Moves the incident and its exhibits to the bin (files kept, restorable for 30 days), with a
 * tombstone for each in the custody log. Nothing is removed from disk until the bin time passes.
 */
export function deleteIncident(store: RecordStore, id: string, reason: string): void {
  const body = store.get<IncidentBody>(id, 'incident');
  const exhibitIds = [...(exhibitsByIncident(store).get(id) ?? [])];
  store.transact(() => {
    const deletedAt = now();
    for (const eid of exhibitIds) {
      const ex = store.get<ExhibitBody>(eid, 'exhibit');
      const binned = binRecord(store, eid, 'exhibit', ex, { reason, label: ex.name, deletedAt, withIncident: id });
      store.appendCustody({
        action: 'delete',
        subjectKind: 'exhibit',
        subjectId: eid,
        details: {
          name: ex.name,
          size: ex.size,
          sha256: ex.sha256,
          incidentId: id,
          reason: 'incident deleted',
          recordSha256: binned.sha256,
        },
      });
    }
    const binned = binRecord(store, id, 'incident', body, { reason, label: body.title, deletedAt });
    store.appendCustody({
      action: 'delete',
      subjectKind: 'incident',
      subjectId: id,
      details: {
        title: body.title,
        exhibits: exhibitIds.length,
        reason,
        sha256: binned.sha256,
        recordSha256: binned.sha256,
      },
    });
  });
}

/**
 * Brings a binned incident back with the exhibits deleted with it ('restore' entries). People it
 * named who were deleted meanwhile are left out (said in the entry's details).
 */
export function restoreIncident(store: RecordStore, id: string, b: BinnedBody): void {
  const body = b.body as IncidentBody;
  const gone = [...body.perpetratorIds, ...body.witnessIds].filter((p) => !store.find(p, 'person'));
  const back: IncidentBody =
    gone.length === 0
      ? body
      : {
          ...body,
          perpetratorIds: body.perpetratorIds.filter((p) => !gone.includes(p)),
          witnessIds: body.witnessIds.filter((p) => !gone.includes(p)),
        };
  store.transact(() => {
    store.put(id, 'incident', back);
    store.appendCustody({
      action: 'restore',
      subjectKind: 'incident',
      subjectId: id,
      details: { title: body.title, deletedAt: b.deletedAt, ...(gone.length > 0 ? { peopleLeftOut: gone } : {}) },
    });
    if (gone.length > 0) saveIncidentVersion(store, id, body, dataOf(back), { reason: 'people deleted meanwhile' });
    for (const [eid, eb] of exhibitsBinnedWith(store, id)) {
      const ex = eb.body as ExhibitBody;
      store.put(eid, 'exhibit', ex);
      store.appendCustody({
        action: 'restore',
        subjectKind: 'exhibit',
        subjectId: eid,
        details: { name: ex.name, size: ex.size, sha256: ex.sha256, incidentId: id },
      });
    }
  });
}
