/**
 * People named in incidents (believed responsible, witnesses), each change in the custody log and
 * kept as a version (./revisions.ts); deleting moves a person to the bin (./bin.ts).
 */
import { VaultError } from '../../../shared/errors.js';
import {
  PERSON_DEFAULTS,
  PersonInputSchema,
  personName,
  type Person,
  type PersonData,
  type PersonIdentifier,
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
    .map(([id, body]) => ({ ...PERSON_DEFAULTS, ...body, id }))
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

/** Two texts as one: both kept (the second after a blank line) unless one is empty or they are the same. */
function joined(a: string, b: string): string {
  if (b.trim() === '' || a.trim() === b.trim()) return a;
  if (a.trim() === '') return b;
  return `${a}\n\n${b}`;
}

function personBody(store: RecordStore, id: string): PersonBody {
  try {
    return store.get<PersonBody>(id, 'person');
  } catch (e) {
    if (!(e instanceof VaultError) || e.code !== 'NOT_FOUND') throw e; // TAMPERED: a damaged record
    throw new VaultError(
      'NOT_FOUND',
      `There is no person with id ${id}: nothing was changed. Check the id in the list of people.`,
    );
  }
}

function identifierKey(i: PersonIdentifier): string {
  return JSON.stringify([
    i.platform.trim().toLowerCase(),
    i.handle.trim().toLowerCase(),
    i.accountId.trim(),
    i.url.trim(),
  ]);
}

/**
 * Merges person fromId into person intoId (the same person under two records): every incident
 * naming fromId names intoId instead (each an edit in the custody log), their identifiers and
 * handles are combined (descriptions, bases and witness details kept, both where they differ),
 * and fromId goes with a custody entry naming both. One transaction: all of it or none.
 */
export function mergePeople(store: RecordStore, fromId: string, intoId: string): Person {
  store.requireOpen();
  if (fromId === intoId) {
    throw new VaultError(
      'INVALID_INPUT',
      'A person cannot be merged into themselves: choose two different people. Nothing was changed.',
    );
  }
  const from = { ...PERSON_DEFAULTS, ...personBody(store, fromId) };
  const into = { ...PERSON_DEFAULTS, ...personBody(store, intoId) };
  const identifiers = [...into.identifiers];
  const seen = new Set(identifiers.map(identifierKey));
  for (const i of from.identifiers) {
    const k = identifierKey(i);
    if (!seen.has(k)) {
      seen.add(k);
      identifiers.push(i);
    }
  }
  const handles = [...into.handles];
  for (const h of from.handles) if (!handles.some((x) => x.toLowerCase() === h.toLowerCase())) handles.push(h);
  const merged: PersonBody = {
    ...into,
    name: into.name || from.name,
    handles: handles.slice(0, 50),
    identifiers: identifiers.slice(0, 200),
    description: joined(into.description, from.description),
    basis: joined(into.basis, from.basis),
    contact: joined(into.contact, from.contact),
    sawWhat: joined(into.sawWhat, from.sawWhat),
    knowsNamed: into.knowsNamed || from.knowsNamed,
    private: into.private || from.private,
    updatedAt: now(),
  };
  const checked = parseInput(PersonInputSchema, merged, 'merged person');
  const changed = (Object.keys(checked) as (keyof typeof checked)[]).filter(
    (k) => JSON.stringify(checked[k]) !== JSON.stringify(into[k]),
  );
  const swap = (ids: string[]) => {
    if (!ids.includes(fromId)) return ids;
    const out = ids.map((x) => (x === fromId ? intoId : x));
    return out.filter((x, n) => out.indexOf(x) === n);
  };
  store.transact(() => {
    // Each incident naming fromId gets a new version naming intoId (kept, as every save).
    for (const [iid, inc] of store.all<IncidentBody>('incident')) {
      if (!inc.perpetratorIds.includes(fromId) && !inc.witnessIds.includes(fromId)) continue;
      const { createdAt: _c, updatedAt: _u, changedAt: _a, changedFields: _f, ...data } = inc;
      saveIncidentVersion(
        store,
        iid,
        inc,
        { ...data, perpetratorIds: swap(inc.perpetratorIds), witnessIds: swap(inc.witnessIds) },
        { reason: 'people merged', from: fromId, into: intoId },
      );
    }
    const intoBody: PersonBody = { ...merged, ...checked };
    store.put(intoId, 'person', intoBody);
    addRevision(store, 'person', intoId, intoBody, changed, intoBody.updatedAt);
    store.appendCustody({
      action: 'edit',
      subjectKind: 'person',
      subjectId: intoId,
      details: { changed, reason: 'people merged', from: fromId, into: intoId },
    });
    // fromId goes to the bin like any deleted person, with its tombstone (restorable for 30 days).
    const binned = binRecord(store, fromId, 'person', from, { reason: 'merged', label: personName(from) });
    store.appendCustody({
      action: 'delete',
      subjectKind: 'person',
      subjectId: fromId,
      details: { reason: 'merged', from: fromId, into: intoId, sha256: binned.sha256, recordSha256: binned.sha256 },
    });
  });
  return { ...merged, ...checked, id: intoId };
}
