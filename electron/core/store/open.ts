/**
 * Opening the record store of a vault folder: vault.db opened and migrated, every record loaded,
 * and a new (or never committed) vault initialised. A database that is missing or empty in a
 * vault that already has blobs/ lost its records: TAMPERED, never started afresh.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { VaultError } from '../../../shared/errors.js';
import type { Keys } from '../keys/subkeys.js';
import { openRecordBody } from './record-body.js';
import { DB_FILE, openDatabase } from './sqlite.js';
import { RecordStore } from './store.js';

export function openStore(
  dir: string,
  vaultId: string,
  keys: Keys,
  /** False when the vault has been used (blobs/ exists): an empty database is then a loss, not a new vault. */
  mayInit: boolean,
  /** Writes what every vault starts with (inside the first transaction). */
  init: (store: RecordStore) => void,
): RecordStore {
  if (!mayInit && !existsSync(join(dir, DB_FILE))) {
    throw new VaultError(
      'TAMPERED',
      `The vault database ${DB_FILE} is missing from ${dir}: the vault's records were removed. Restore the folder from a backup.`,
    );
  }
  const db: Database.Database = openDatabase(dir, {
    openBody: (row) => openRecordBody(keys.records, vaultId, row) ?? null,
  });
  let store: RecordStore | null = null;
  try {
    store = new RecordStore(dir, vaultId, db, keys);
    store.load();
    if (store.isEmpty()) {
      if (!mayInit) {
        throw new VaultError(
          'TAMPERED',
          `The vault database ${DB_FILE} in ${dir} is empty: the vault's records were removed. Restore the folder from a backup.`,
        );
      }
      const s = store;
      s.transact(() => {
        s.startMeta();
        init(s);
      });
    }
    return store;
  } catch (e) {
    try {
      if (store) store.close();
      else db.close();
    } catch {
      /* already closed */
    }
    throw e;
  }
}
