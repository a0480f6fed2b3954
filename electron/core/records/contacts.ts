/** Contacts (police single point of contact, platforms, support), each change in the custody log; deleting moves one to the bin. */
import { ContactInputSchema, type Contact, type ContactInput } from '../../../shared/model.js';
import { randomId } from '../crypto/index.js';
import type { RecordStore } from '../store/store.js';
import { binRecord, type BinnedBody } from './bin.js';
import { parseInput } from './validate.js';

type ContactBody = Omit<Contact, 'id'>;

export function listContacts(store: RecordStore): Contact[] {
  return store
    .all<ContactBody>('contact')
    .map(([id, body]) => ({ ...body, id }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export function createContact(store: RecordStore, input: ContactInput): Contact {
  store.requireOpen();
  const body: ContactBody = parseInput(ContactInputSchema, input, 'contact');
  const id = randomId();
  store.transact(() => {
    store.put(id, 'contact', body);
    store.appendCustody({ action: 'create', subjectKind: 'contact', subjectId: id, details: {} });
  });
  return { ...body, id };
}

export function updateContact(store: RecordStore, id: string, input: ContactInput): Contact {
  store.get<ContactBody>(id, 'contact');
  const body: ContactBody = parseInput(ContactInputSchema, input, 'contact');
  store.transact(() => {
    store.put(id, 'contact', body);
    store.appendCustody({ action: 'edit', subjectKind: 'contact', subjectId: id, details: {} });
  });
  return { ...body, id };
}

/** Moves a contact to the bin (restorable for 30 days), with a tombstone in the custody log. */
export function deleteContact(store: RecordStore, id: string, reason: string): void {
  const body = store.get<ContactBody>(id, 'contact');
  store.transact(() => {
    const binned = binRecord(store, id, 'contact', body, {
      reason,
      label: body.name || body.organisation || body.kind,
    });
    store.appendCustody({
      action: 'delete',
      subjectKind: 'contact',
      subjectId: id,
      details: { reason, sha256: binned.sha256, recordSha256: binned.sha256 },
    });
  });
}

export function restoreContact(store: RecordStore, id: string, b: BinnedBody): void {
  store.transact(() => {
    store.put(id, 'contact', b.body);
    store.appendCustody({
      action: 'restore',
      subjectKind: 'contact',
      subjectId: id,
      details: { deletedAt: b.deletedAt },
    });
  });
}
