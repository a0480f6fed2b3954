/**
 * Opening vault.db: the single-process lock, the pragmas that make every commit durable, the
 * schema check and migrations; and SQLite errors turned into VaultErrors with plain words.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { VaultError } from '../../../shared/errors.js';
import { SCHEMA_VERSION, migrate, schemaVersion, type MigrationContext } from '../migrations/index.js';
import { createPrivateFile } from './modes.js';

export const DB_FILE = 'vault.db';

function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns SQLite errors into VaultErrors with plain words; passes VaultErrors through. */
export function mapError(e: unknown, dir: string): unknown {
  if (e instanceof VaultError) return e;
  const code = sqliteCode(e);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new VaultError(
      'VAULT_IN_USE',
      `The vault in ${dir} is open in another Evidence Vault window or process. Close it there first.`,
      { cause: e },
    );
  }
  // Every extended SQLITE_CORRUPT code too (SQLITE_CORRUPT_INDEX: a damaged overflow page of a big record).
  if (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new VaultError('TAMPERED', `The vault database in ${dir} is damaged or was altered (${DB_FILE}).`, {
      cause: e,
    });
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || (e as NodeJS.ErrnoException)?.code === 'ENOSPC') {
    return new VaultError('DISK_FULL', `The disk holding ${dir} is full; nothing was changed.`, { cause: e });
  }
  return e;
}

/**
 * Opens (or creates) vault.db in dir, takes the single-process lock and brings the schema to the
 * latest version. Throws raw SQLite errors (the caller maps them) and VAULT_TOO_NEW; on any
 * error the database is closed again.
 */
export function openDatabase(dir: string, ctx: MigrationContext): Database.Database {
  createPrivateFile(join(dir, DB_FILE)); // 0600 before SQLite makes it (and its -wal) 0644
  const db = new Database(join(dir, DB_FILE), { timeout: 0 });
  try {
    // One process at a time: EXCLUSIVE locking holds the database lock from the first access
    // until close. The kernel drops it if the process dies, so a killed process never leaves
    // the vault stuck. (With EXCLUSIVE, the WAL index lives in process memory: no -shm file.)
    db.pragma('locking_mode = EXCLUSIVE');
    const found = schemaVersion(db); // first read: takes the lock, or SQLITE_BUSY
    if (found > SCHEMA_VERSION) {
      throw new VaultError(
        'VAULT_TOO_NEW',
        `The vault database in ${dir} has schema version ${found}; this version of Evidence Vault reads up to ${SCHEMA_VERSION}. Update Evidence Vault to open it.`,
      );
    }
    db.pragma('journal_mode = WAL');
    // FULL: each commit fsyncs the WAL, so a crash or power cut loses nothing committed.
    db.pragma('synchronous = FULL');
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    db.exec('BEGIN EXCLUSIVE; COMMIT'); // hold the write lock from now on
    migrate(db, ctx);
    return db;
  } catch (e) {
    try {
      db.close();
    } catch {
      /* already closed */
    }
    throw e;
  }
}
