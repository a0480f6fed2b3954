/**
 * Every saved version of a record, kept: each save of an incident, a person or an exhibit's
 * description adds a 'revision' record (encrypted like every record: AEAD bound to its id, kind
 * and version) holding the whole body as saved, when it was saved and the fields it changed.
 * Revisions are append-only: nothing here changes or removes one, except purge() when the subject
 * itself is removed for good from the bin (./bin.ts).
 *
 * Generic over the subject: (subjectKind, subjectId) names it, so any record kind can keep its
 * versions. Call addRevision() inside the same store.transact() as the put() of the new body, so the
 * record and its version commit together or not at all.
 */
import type { Revision } from '../../../shared/model.js';
import { randomId } from '../crypto/index.js';
import { now, type RecordStore } from '../store/store.js';

/** A revision record's body. */
export interface RevisionBody {
  subjectKind: string;
  subjectId: string;
  version: number;
  writtenAt: string;
  changed: string[];
  body: unknown;
  /** Who saved it, in a vault with more than one person's passphrase (absent otherwise). */
  enteredBy?: string;
}

/** Revision record ids per subject, oldest first (kept until a revision is added). */
function bySubject(store: RecordStore): Map<string, [string, RevisionBody][]> {
  return store.derive('revision', 'by-subject', () => {
    const index = new Map<string, [string, RevisionBody][]>();
    for (const entry of store.all<RevisionBody>('revision')) {
      const list = index.get(entry[1].subjectId);
      if (list) list.push(entry);
      else index.set(entry[1].subjectId, [entry]);
    }
    for (const list of index.values()) list.sort((a, b) => a[1].version - b[1].version);
    return index;
  });
}

/** Every saved version of the subject, oldest first ([] for a subject with none). */
export function revisions<T>(store: RecordStore, subjectId: string): Revision<T>[] {
  store.requireOpen();
  return (bySubject(store).get(subjectId) ?? []).map(([, r]) => ({
    version: r.version,
    writtenAt: r.writtenAt,
    changed: [...r.changed],
    body: r.body as T,
    ...(r.enteredBy !== undefined ? { enteredBy: r.enteredBy } : {}),
  }));
}

/**
 * Keeps a new version of the subject (only inside store.transact(), with the put() of `body`).
 * `changed` names the fields that differ from the version before ([] for the first).
 */
export function addRevision(
  store: RecordStore,
  subjectKind: string,
  subjectId: string,
  body: unknown,
  changed: string[],
  writtenAt: string = now(),
): Revision<unknown> {
  const index = bySubject(store);
  const list = index.get(subjectId) ?? [];
  const version = (list[list.length - 1]?.[1].version ?? 0) + 1;
  const by = store.enteredBy();
  const rev: RevisionBody = {
    subjectKind,
    subjectId,
    version,
    writtenAt,
    changed: [...changed],
    body,
    ...(by !== null ? { enteredBy: by } : {}),
  };
  const id = randomId();
  store.put(id, 'revision', rev);
  // put() dropped the index: add the new version to it and keep it (a rollback drops it again).
  if (!index.has(subjectId)) index.set(subjectId, list);
  list.push([id, rev]);
  store.keepDerived('revision', 'by-subject', index);
  return { version, writtenAt, changed: [...changed], body, ...(by !== null ? { enteredBy: by } : {}) };
}

/**
 * A subject written before versions were kept gets its current content as version 1, written at
 * its creation time (migrations/005-revisions.ts). Does nothing if it has any version already.
 */
export function ensureFirstRevision(
  store: RecordStore,
  subjectKind: string,
  subjectId: string,
  body: unknown,
  writtenAt: string,
): boolean {
  if ((bySubject(store).get(subjectId) ?? []).length > 0) return false;
  addRevision(store, subjectKind, subjectId, body, [], writtenAt);
  return true;
}

/**
 * The names of the top-level fields whose values differ between two bodies (JSON equality), in
 * the order of `fields`.
 */
export function changedFields<T extends object>(prev: T, next: T, fields: readonly (keyof T)[]): string[] {
  return fields.filter((k) => JSON.stringify(next[k]) !== JSON.stringify(prev[k])).map(String);
}

/**
 * Removes every version of a subject that is being removed for good (its bin time passed): the
 * versions hold its words, which must go with it. Only inside store.transact().
 */
export function purgeRevisions(store: RecordStore, subjectId: string): number {
  const list = [...(bySubject(store).get(subjectId) ?? [])];
  for (const [id] of list) store.remove(id);
  return list.length;
}
