import type { Migration } from './types.js';

export const migration001: Migration = {
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
};
