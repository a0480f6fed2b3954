/** People named in incidents (believed responsible, witnesses), each change in the custody log. */
import { PersonInputSchema, type Person, type PersonInput } from '../../../shared/model.js';
import { randomId } from '../crypto/index.js';
import { now, type RecordStore } from '../store/store.js';
import type { IncidentBody } from './incidents.js';
import { parseInput } from './validate.js';

type PersonBody = Omit<Person, 'id'>;

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
