/**
 * SQLite schema migrations: numbered, forward-only, tracked in PRAGMA user_version, one file per
 * migration (001-…, 002-…). Migration N takes a database at version N-1 to version N, inside the
 * runner's transaction. Never edit or renumber a released migration; add a new file and list it here.
 *
 * Only random ids, record kinds, versions, sizes and blob ids are plain in the database; every
 * body and custody entry is ciphertext (see ../store/record-body.ts and ../custody/).
 */
import type Database from 'better-sqlite3';
import { migration001 } from './001-records-and-custody.js';
import { migration002 } from './002-records-by-kind.js';
import { migration003 } from './003-exhibit-blob-ids.js';
import { migration004 } from './004-exhibit-references.js';
import type { Migration, MigrationContext } from './types.js';

export type { Migration, MigrationContext } from './types.js';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration after the database's version, up to `target` (default: the latest),
 * each with its user_version bump, all in one transaction. Returns the versions applied.
 * The app always migrates to the latest; an earlier target is for tests that build an old vault.
 */
export function migrate(db: Database.Database, ctx: MigrationContext, target: number = SCHEMA_VERSION): number[] {
  const from = schemaVersion(db);
  const todo = MIGRATIONS.filter((m) => m.version > from && m.version <= target);
  if (todo.length === 0) return [];
  db.transaction(() => {
    for (const m of todo) {
      m.up(db, ctx);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return todo.map((m) => m.version);
}
