import type { Migration } from './types.js';

export const migration002: Migration = {
  version: 2,
  description: 'index records by kind (load and count by kind without a full scan)',
  up(db) {
    db.exec(`CREATE INDEX records_by_kind ON records(kind, id);`);
  },
};
