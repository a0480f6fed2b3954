/** SQLite's errors in plain words: every kind of "damaged database" is TAMPERED, never a raw SqliteError. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../shared/errors.js';
import { mapError } from './sqlite.js';

describe('mapError', () => {
  it.each([
    'SQLITE_CORRUPT',
    'SQLITE_CORRUPT_INDEX',
    'SQLITE_CORRUPT_SEQUENCE',
    'SQLITE_CORRUPT_VTAB',
    'SQLITE_NOTADB',
  ])('%s is TAMPERED', (code) => {
    const e = new Database.SqliteError('database disk image is malformed', code);
    const mapped = mapError(e, '/vault');
    expect(mapped).toBeInstanceOf(VaultError);
    expect((mapped as VaultError).code).toBe('TAMPERED');
  });
});
