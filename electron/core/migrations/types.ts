/** What a migration is; the runner and the list are in ./index.ts. */
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
