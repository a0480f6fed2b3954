/** Incidents: list, read, create, edit, delete (with their exhibits), each edit in the custody log. */
import { VaultError } from '../../../shared/errors.js';
import {
  INCIDENT_DEFAULTS,
  type Exhibit,
  type Incident,
  type IncidentData,
  type IncidentInput,
} from '../../../shared/model.js';
import { randomId } from '../crypto/index.js';
import { inTimelineOrder } from '../../../shared/timeline.js';
import { now, type RecordStore } from '../store/store.js';
import { exhibitsByIncident, toExhibit, type ExhibitBody } from './exhibits.js';
import { validateIncidentInput } from './validate.js';

export interface IncidentBody extends IncidentData {
  createdAt: string;
  updatedAt: string;
}

function toIncident(store: RecordStore, id: string, body: IncidentBody): Incident {
  const ids = exhibitsByIncident(store).get(id) ?? [];
  const exhibits: Exhibit[] = [];
  for (const eid of ids) {
    const ex = store.find<ExhibitBody>(eid, 'exhibit');
    if (ex) exhibits.push(toExhibit(eid, ex));
  }
  // Records written before 0.3 lack the newer fields: their defaults.
  return { ...INCIDENT_DEFAULTS, ...body, id, exhibits };
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

export function createIncident(store: RecordStore, input: IncidentInput): Incident {
  store.requireOpen();
  const data = validateIncidentInput(input);
  checkPeople(store, data);
  const id = randomId();
  const at = now();
  const body: IncidentBody = { ...data, createdAt: at, updatedAt: at };
  store.transact(() => {
    store.put(id, 'incident', body);
    store.appendCustody({ action: 'create', subjectKind: 'incident', subjectId: id, details: { title: body.title } });
  });
  return getIncident(store, id);
}

export function updateIncident(store: RecordStore, id: string, input: IncidentInput): Incident {
  const prev = store.get<IncidentBody>(id, 'incident');
  const data = validateIncidentInput(input);
  checkPeople(store, data);
  const body: IncidentBody = { ...data, createdAt: prev.createdAt, updatedAt: now() };
  const changed = (Object.keys(data) as (keyof IncidentData)[]).filter(
    (k) => JSON.stringify(data[k]) !== JSON.stringify(prev[k]),
  );
  store.transact(() => {
    store.put(id, 'incident', body);
    store.appendCustody({
      action: 'edit',
      subjectKind: 'incident',
      subjectId: id,
      details: { title: body.title, changed },
    });
  });
  return getIncident(store, id);
}

/** Deletes the incident and its exhibit records; returns the blob ids to remove after the commit. */
export function deleteIncident(store: RecordStore, id: string): string[] {
  const body = store.get<IncidentBody>(id, 'incident');
  const exhibitIds = [...(exhibitsByIncident(store).get(id) ?? [])];
  const blobIds: string[] = [];
  store.transact(() => {
    for (const eid of exhibitIds) {
      const ex = store.get<ExhibitBody>(eid, 'exhibit');
      blobIds.push(ex.blobId);
      store.remove(eid);
      store.appendCustody({
        action: 'delete',
        subjectKind: 'exhibit',
        subjectId: eid,
        details: { name: ex.name, size: ex.size, sha256: ex.sha256, incidentId: id, reason: 'incident deleted' },
      });
    }
    store.remove(id);
    store.appendCustody({
      action: 'delete',
      subjectKind: 'incident',
      subjectId: id,
      details: { title: body.title, exhibits: exhibitIds.length },
    });
  });
  return blobIds;
}
