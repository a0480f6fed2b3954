/**
 * Vaults at an earlier schema version, for migration tests. The app always migrates to the latest
 * version; this rebuilds a closed vault's database with the migration runner stopped at `version`
 * (what that release created) and copies every record and custody row into it unchanged: record
 * bodies and the custody chain have the same format at every schema version.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/migrations/index.js';
import { DB_FILE } from '../../electron/core/vault.js';

export function rebuildAtSchema(dir: string, version: number): void {
  const file = join(dir, DB_FILE);
  if (existsSync(`${file}-wal`)) throw new Error('rebuildAtSchema needs a closed vault (its WAL is still there)');
  const current = `${file}.current`;
  renameSync(file, current);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    migrate(
      db,
      {
        openBody: () => {
          throw new Error(`a migration up to version ${version} reads a record body`);
        },
      },
      version,
    );
    db.prepare(`ATTACH DATABASE ? AS cur`).run(current);
    for (const table of ['records', 'custody']) {
      const cols = (db.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => c.name).join(', ');
      db.exec(`INSERT INTO main.${table} (${cols}) SELECT ${cols} FROM cur.${table}`);
    }
    db.exec(`DETACH DATABASE cur`);
  } finally {
    db.close();
  }
  rmSync(current);
}
