/**
 * People named in incidents (believed responsible, witnesses), each change in the custody log and
 * kept as a version (./revisions.ts); deleting moves a person to the bin (./bin.ts).
 */
import {
  PersonInputSchema,
  personName,
  type Person,
  type PersonData,
  type PersonInput,
  type PersonVersion,
} from '../../../shared/model.js';
import { randomId } from '../crypto/index.js';
import { now, type RecordStore } from '../store/store.js';
import { binRecord, type BinnedBody } from './bin.js';
import { saveIncidentVersion, type IncidentBody } from './incidents.js';
import { addRevision, changedFields, revisions } from './revisions.js';
import { parseInput } from './validate.js';

type PersonBody = Omit<Person, 'id'>;

const PERSON_FIELDS = Object.keys(PersonInputSchema.shape) as (keyof PersonData)[];

export function listPeople(store: RecordStore): Person[] {
  return store
    .all<PersonBody>('person')
    .map(([id, body]) => ({ ...body, id }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function createPerson(store: RecordStore, input: PersonInput): Person {
  store.requireOpen();
  const data = parseInput(PersonInputSchema, input, 'person');
  const id = randomId();
  const at = now();
  const body: PersonBody = { ...data, createdAt: at, updatedAt: at };
  store.transact(() => {
    store.put(id, 'person', body);
    addRevision(store, 'person', id, body, [], at);
    store.appendCustody({ action: 'create', subjectKind: 'person', subjectId: id, details: {} });
  });
  return { ...body, id };
}

export function updatePerson(store: RecordStore, id: string, input: PersonInput): Person {
  const prev = store.get<PersonBody>(id, 'person');
  const data = parseInput(PersonInputSchema, input, 'person');
  const body: PersonBody = { ...data, createdAt: prev.createdAt, updatedAt: now() };
  const changed = changedFields<PersonData>(prev, data, PERSON_FIELDS);
  store.transact(() => {
    store.put(id, 'person', body);
    addRevision(store, 'person', id, body, changed, body.updatedAt);
    store.appendCustody({ action: 'edit', subjectKind: 'person', subjectId: id, details: { changed } });
  });
  return { ...body, id };
}

/** Every saved version of a person, oldest first (in the bin too). */
export function personHistory(store: RecordStore, id: string): PersonVersion[] {
  if (!store.find(id, 'person') && !store.find(id, 'binned')) store.get(id, 'person'); // NOT_FOUND / TAMPERED
  return revisions<PersonBody>(store, id).map((r) => ({
    version: r.version,
    writtenAt: r.writtenAt,
    changed: r.changed,
    person: { ...r.body, id },
  }));
}

/**
 * Moves a person to the bin (restorable for 30 days, a tombstone in the custody log) and takes
 * them out of every incident that names them (each a new version of that incident).
 */
export function deletePerson(store: RecordStore, id: string, reason: string): void {
  const body = store.get<PersonBody>(id, 'person');
  store.transact(() => {
    const unlinked: NonNullable<BinnedBody['unlinked']> = [];
    for (const [iid, inc] of store.all<IncidentBody>('incident')) {
      const perpetrator = inc.perpetratorIds.includes(id);
      const witness = inc.witnessIds.includes(id);
      if (!perpetrator && !witness) continue;
      unlinked.push({ incidentId: iid, perpetrator, witness });
      const { createdAt: _c, updatedAt: _u, changedAt: _a, changedFields: _f, ...data } = inc;
      saveIncidentVersion(
        store,
        iid,
        inc,
        {
          ...data,
          perpetratorIds: inc.perpetratorIds.filter((p) => p !== id),
          witnessIds: inc.witnessIds.filter((p) => p !== id),
        },
        { reason: 'person deleted' },
      );
    }
    const label = personName(body);
    const binned = binRecord(store, id, 'person', body, { reason, label, unlinked });
    store.appendCustody({
      action: 'delete',
      subjectKind: 'person',
      subjectId: id,
      details: { reason, sha256: binned.sha256, recordSha256: binned.sha256, incidents: unlinked.length },
    });
  });
}

/** Brings a binned person back and names them again in the incidents that named them (still there). */
export function restorePerson(store: RecordStore, id: string, b: BinnedBody): void {
  const body = b.body as PersonBody;
  store.transact(() => {
    store.put(id, 'person', body);
    store.appendCustody({
      action: 'restore',
      subjectKind: 'person',
      subjectId: id,
      details: { deletedAt: b.deletedAt },
    });
    for (const link of b.unlinked ?? []) {
      const inc = store.find<IncidentBody>(link.incidentId, 'incident');
      if (!inc) continue;
      const { createdAt: _c, updatedAt: _u, changedAt: _a, changedFields: _f, ...data } = inc;
      const add = (ids: string[], yes: boolean): string[] => (yes && !ids.includes(id) ? [...ids, id] : ids);
      saveIncidentVersion(
        store,
        link.incidentId,
        inc,
        {
          ...data,
          perpetratorIds: add(inc.perpetratorIds, link.perpetrator),
          witnessIds: add(inc.witnessIds, link.witness),
        },
        { reason: 'person restored' },
      );
    }
  });
}
