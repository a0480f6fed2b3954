/**
 * Migration 5, a content migration: every incident and person keeps its versions from 0.4 on
 * (../records/revisions.ts). A vault written before has none: each incident's and person's
 * current content becomes its version 1, written at its creation time (what it said before any
 * earlier edit was never kept). It needs no change to the schema; it runs after the records are
 * loaded, through the store (so the records digest and the meta record stay in step), and only
 * where a record has no version yet, so running it again does nothing.
 */
import type { RecordStore } from '../store/store.js';
import { ensureFirstRevision, revisions } from '../records/revisions.js';

export interface ContentMigration {
  version: number;
  description: string;
  /** Whether any record needs it (checked before a transaction is opened: most opens write nothing). */
  pending(store: RecordStore): boolean;
  /** Brings the loaded records up to date (inside the runner's transaction); returns how many records it wrote. */
  run(store: RecordStore): number;
}

interface Timed {
  createdAt?: unknown;
}

export const migration005: ContentMigration = {
  version: 5,
  description: 'versions of incidents and people: the current content becomes version 1, written at its creation time',
  pending(store) {
    return (['incident', 'person'] as const).some((kind) =>
      store.all(kind).some(([id]) => revisions(store, id).length === 0),
    );
  },
  run(store) {
    let added = 0;
    for (const kind of ['incident', 'person'] as const) {
      for (const [id, body] of store.all<Timed>(kind)) {
        const at = typeof body.createdAt === 'string' ? body.createdAt : new Date(0).toISOString();
        if (ensureFirstRevision(store, kind, id, body, at)) added++;
      }
    }
    return added;
  },
};
