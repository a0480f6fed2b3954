/**
 * The runner of content migrations: steps that rewrite records rather than the schema (e.g.
 * ./005-revisions.ts), run after every open once the records are loaded, in ONE store transaction
 * (all of them or none), opened only when one of them has something to do. Each is idempotent: it writes only what is missing, so a vault opened
 * again, or opened by a version that ran it already, is left as it is. A full or read-only disk
 * leaves the vault readable; the next open tries again.
 */
import { VaultError } from '../../../shared/errors.js';
import type { RecordStore } from '../store/store.js';
import { migration005, type ContentMigration } from './005-revisions.js';

export const CONTENT_MIGRATIONS: readonly ContentMigration[] = [migration005];

/** Runs every content migration; returns how many records they wrote. */
export function runContentMigrations(store: RecordStore): number {
  if (!CONTENT_MIGRATIONS.some((m) => m.pending(store))) return 0;
  try {
    return store.transact(() => CONTENT_MIGRATIONS.reduce((n, m) => n + m.run(store), 0));
  } catch (e) {
    if (e instanceof VaultError && e.code === 'DISK_FULL') return 0;
    throw e;
  }
}
