/** People named in incidents (believed responsible, witnesses), each change in the custody log. */
import { VaultError } from '../../../shared/errors.js';
import {
  PERSON_DEFAULTS,
  PersonInputSchema,
  type Person,
  type PersonIdentifier,
  type PersonInput,
} from '../../../shared/model.js';
import { randomId } from '../crypto/index.js';
import { now, type RecordStore } from '../store/store.js';
import type { IncidentBody } from './incidents.js';
import { parseInput } from './validate.js';

type PersonBody = Omit<Person, 'id'>;

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
    store.appendCustody({ action: 'create', subjectKind: 'person', subjectId: id, details: {} });
  });
  return { ...body, id };
}

export function updatePerson(store: RecordStore, id: string, input: PersonInput): Person {
  const prev = store.get<PersonBody>(id, 'person');
  const data = parseInput(PersonInputSchema, input, 'person');
  const body: PersonBody = { ...data, createdAt: prev.createdAt, updatedAt: now() };
  store.transact(() => {
    store.put(id, 'person', body);
    store.appendCustody({ action: 'edit', subjectKind: 'person', subjectId: id, details: {} });
  });
  return { ...body, id };
}

/** Deletes a person and removes them from every incident that names them (each an edit). */
export function deletePerson(store: RecordStore, id: string): void {
  store.get<PersonBody>(id, 'person');
  store.transact(() => {
    for (const [iid, inc] of store.all<IncidentBody>('incident')) {
      if (!inc.perpetratorIds.includes(id) && !inc.witnessIds.includes(id)) continue;
      const next: IncidentBody = {
        ...inc,
        perpetratorIds: inc.perpetratorIds.filter((p) => p !== id),
        witnessIds: inc.witnessIds.filter((p) => p !== id),
        updatedAt: now(),
      };
      store.put(iid, 'incident', next);
      store.appendCustody({
        action: 'edit',
        subjectKind: 'incident',
        subjectId: iid,
        details: { title: inc.title, changed: ['perpetratorIds', 'witnessIds'], reason: 'person deleted' },
      });
    }
    store.remove(id);
    store.appendCustody({ action: 'delete', subjectKind: 'person', subjectId: id, details: {} });
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
    for (const [iid, inc] of store.all<IncidentBody>('incident')) {
      if (!inc.perpetratorIds.includes(fromId) && !inc.witnessIds.includes(fromId)) continue;
      const next: IncidentBody = {
        ...inc,
        perpetratorIds: swap(inc.perpetratorIds),
        witnessIds: swap(inc.witnessIds),
        updatedAt: now(),
      };
      const fields = (['perpetratorIds', 'witnessIds'] as const).filter((k) => inc[k].includes(fromId));
      store.put(iid, 'incident', next);
      store.appendCustody({
        action: 'edit',
        subjectKind: 'incident',
        subjectId: iid,
        details: { title: inc.title, changed: fields, reason: 'people merged', from: fromId, into: intoId },
      });
    }
    store.put(intoId, 'person', { ...merged, ...checked });
    store.appendCustody({
      action: 'edit',
      subjectKind: 'person',
      subjectId: intoId,
      details: { changed, reason: 'people merged', from: fromId, into: intoId },
    });
    store.remove(fromId);
    store.appendCustody({
      action: 'delete',
      subjectKind: 'person',
      subjectId: fromId,
      details: { reason: 'merged', from: fromId, into: intoId },
    });
  });
  return { ...merged, ...checked, id: intoId };
}
