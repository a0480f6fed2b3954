import type { Migration } from './types.js';

export const migration003: Migration = {
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
};
