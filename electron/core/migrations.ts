/**
 * SQLite schema migrations: numbered, forward-only, tracked in PRAGMA user_version.
 * Migration N takes a database at version N-1 to version N, inside the caller's transaction.
 * Never edit or renumber a released migration; add a new one.
 *
 * Only random ids, record kinds, versions and sizes are plain in the database; every body and
 * custody entry is ciphertext (see records.ts and custody.ts).
 */
import type Database from 'better-sqlite3';

/** What a migration may need besides SQL: migrations run after unlock, so they can read bodies. */
export interface MigrationContext {
  /** The decrypted body of a record row, or null if it fails authentication. */
  openBody(row: { id: string; kind: string; version: number; body: Uint8Array }): unknown;
}

export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database, ctx: MigrationContext): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'records and custody log',
    up(db) {
      db.exec(`
        CREATE TABLE records (
          id      TEXT PRIMARY KEY NOT NULL,
          kind    TEXT NOT NULL,
          version INTEGER NOT NULL,
          body    BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE custody (
          seq  INTEGER PRIMARY KEY NOT NULL,
          body BLOB NOT NULL,
          mac  BLOB NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    description: 'index records by kind (load and count by kind without a full scan)',
    up(db) {
      db.exec(`CREATE INDEX records_by_kind ON records(kind, id);`);
    },
  },
  {
    version: 3,
    description: 'blob ids of exhibits kept plain next to their record, for orphan clean-up and check',
    up(db, ctx) {
      // A blob id is as random as a record id and says nothing about the content. Earlier
      // versions kept it only inside the encrypted exhibit body; fill the column from the bodies.
      db.exec(`ALTER TABLE records ADD COLUMN blob_id TEXT;`);
      const rows = db.prepare(`SELECT id, kind, version, body FROM records WHERE kind = 'exhibit'`).all() as {
        id: string;
        kind: string;
        version: number;
        body: Uint8Array;
      }[];
      const set = db.prepare(`UPDATE records SET blob_id = ? WHERE id = ?`);
      for (const row of rows) {
        const data = ctx.openBody(row) as { blobId?: unknown } | null;
        if (data && typeof data.blobId === 'string') set.run(data.blobId, row.id);
      }
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration after the database's version, up to `target` (default: the latest),
 * each with its user_version bump, all in one transaction. Returns the versions applied.
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
