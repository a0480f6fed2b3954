/**
 * check(): re-reads everything from disk and names anything altered, removed or rolled back:
 * every record authenticates, the custody chain is whole and ends at its head, the set of records
 * is the one the app last wrote, and every blob decrypts to its recorded SHA-256.
 */
import { isVaultError } from '../../shared/errors.js';
import type { CheckProblem, CheckReport } from '../../shared/model.js';
import { unreferencedBlobs, unreferencedProblem, verifyBlob, type BlobContext } from './exhibits/blobs/index.js';
import { equalBytes, wipe } from './crypto/index.js';
import { anchorProblem, readAnchor } from './custody/anchor.js';
import { verifyChainHead, verifyCustodyChain, type StoredCustodyRow } from './custody/verify.js';
import { referenceCollisions } from './records/exhibit-refs.js';
import type { BinnedBody } from './records/bin.js';
import type { ExhibitBody } from './records/exhibits.js';
import { recordsDigestOf } from './store/digest.js';
import { isKnownKind, type RecordRow } from './store/record-body.js';
import type { MetaBody, RecordStore } from './store/store.js';

export interface CheckOptions {
  onProgress?: (done: number, total: number) => void;
}

export async function checkVault(
  store: RecordStore,
  /** A blob context with its own copy of the blob key (wiped here when done). */
  blobContext: () => BlobContext,
  vault: {
    /** <vault>/blobs, for the sealed blobs no record refers to. */
    blobDir: string;
    /** Problems found outside vault.db (the header), reported first. */
    problems: CheckProblem[];
    options?: CheckOptions;
  },
): Promise<CheckReport> {
  const { blobDir, options = {} } = vault;
  const problems: CheckProblem[] = [...vault.problems];

  // 1. Every record authenticates (re-read from disk, not from the cache).
  const rows = store.read((db) => db.prepare(`SELECT id, kind, version, body FROM records`).all()) as RecordRow[];
  const exhibits: [string, ExhibitBody][] = [];
  /** Every exhibit with a number (physical items and the bin's included), for reference collisions. */
  const numbered: [string, ExhibitBody][] = [];
  /** Exhibits in the bin: their files are still evidence (restorable for 30 days), so they are verified too. */
  const binned = new Set<string>();
  const metas: MetaBody[] = [];
  const bodies = store.openRows(rows);
  for (const [i, row] of rows.entries()) {
    const data = bodies[i];
    if (data === undefined) {
      problems.push({
        kind: 'record',
        id: row.id,
        message: `${isKnownKind(row.kind) ? row.kind : `record of unknown kind "${row.kind}"`} ${row.id}: fails authentication (damaged or altered)`,
      });
      continue;
    }
    if (row.kind === 'exhibit') {
      numbered.push([row.id, data as ExhibitBody]);
      // A physical item (issue 13) has no file, so no blob to verify.
      if ((data as ExhibitBody).kind !== 'physical') exhibits.push([row.id, data as ExhibitBody]);
    }
    const b = data as Partial<BinnedBody>;
    if (row.kind === 'binned' && b.kind === 'exhibit' && typeof b.body === 'object' && b.body !== null) {
      const body = b.body as ExhibitBody;
      numbered.push([row.id, body]); // its number is still held: it may be restored
      if (body.kind !== 'physical') {
        exhibits.push([row.id, body]);
        binned.add(row.id);
      }
    }
    if (row.kind === 'meta') metas.push(data as MetaBody);
  }

  // Exhibit references: one number, one exhibit (named, never changed here).
  for (const message of referenceCollisions(numbered)) problems.push({ kind: 'record', message });

  // 2. The custody chain: every entry decrypts, MACs chain from the start, ends at the head.
  const custodyRows = store.read((db) =>
    db.prepare(`SELECT seq, body, mac FROM custody ORDER BY seq`).all(),
  ) as StoredCustodyRow[];
  const chain = verifyCustodyChain(store.keys, store.vaultId, custodyRows);
  problems.push(...chain.problems);
  // Records the custody log says exist but the database lacks: removed outside the app.
  const present = new Set(rows.map((r) => r.id));
  for (const [id, what] of chain.live) {
    if (present.has(id)) continue;
    problems.push({
      kind: 'record',
      id,
      message: `${what.kind} ${id}${what.label ? ` ("${what.label}")` : ''}: missing, removed outside Evidence Vault (the custody log has no deletion)`,
    });
  }
  // The set of records (ids, kinds, versions) as last written by the app.
  const actual = recordsDigestOf(store.keys.audit, rows);
  const expected = store.recordsDigest;
  if (!equalBytes(actual.digest, expected.digest) || actual.count !== expected.count) {
    problems.push({
      kind: 'record',
      message: `records: the set of records differs from the one Evidence Vault last wrote (${expected.count} expected, ${actual.count} found): a record was removed, added or replaced by an older copy outside the app`,
    });
  }
  problems.push(
    ...verifyChainHead(
      metas.map((m) => m.custodyHead),
      custodyRows[custodyRows.length - 1],
    ),
  );
  for (const p of store.metaProblems) problems.push({ kind: 'custody', message: `custody log: ${p}` });
  // The rollback anchor outside vault.db: the custody log must reach the head the vault last saw.
  const last = custodyRows[custodyRows.length - 1];
  let anchored: string | null;
  try {
    anchored = anchorProblem(readAnchor(store.dir, store.keys.anchor, store.vaultId), last?.seq ?? 0, (seq) => {
      const row = custodyRows.find((r) => r.seq === seq);
      return row ? new Uint8Array(row.mac) : undefined;
    });
  } catch (e) {
    // A rollback anchor replaced by a pipe or device since open: named, never read (it would block).
    if (!isVaultError(e)) throw e;
    anchored = `the rollback anchor cannot be read: ${e.message}`;
  }
  if (anchored) problems.push({ kind: 'custody', message: `custody log: ${anchored}` });

  // 3. Every blob decrypts to its recorded SHA-256.
  const total = exhibits.length;
  options.onProgress?.(0, total);
  const ctx = blobContext();
  try {
    for (const [i, [id, ex]] of exhibits.entries()) {
      let problem: string | null;
      try {
        problem = await verifyBlob(ctx, ex.blobId, { sha256: ex.sha256, size: ex.size });
      } catch (e) {
        problem = (e as Error).message;
      }
      if (problem) {
        const where = binned.has(id) ? `${id}, in the bin` : id;
        problems.push({ kind: 'blob', id, message: `exhibit ${ex.name} (${where}): ${problem}` });
      }
      options.onProgress?.(i + 1, total);
    }
  } finally {
    wipe(ctx.key);
  }
  // Sealed blobs no exhibit row (damaged ones included) refers to: kept, and named here.
  const known = new Set(store.exhibitBlobIds());
  const unreferenced = unreferencedProblem((await unreferencedBlobs(blobDir, known)).length);
  if (unreferenced) problems.push({ kind: 'blob', message: unreferenced });

  const report: CheckReport = {
    ok: problems.length === 0,
    records: rows.length,
    blobs: exhibits.length,
    custodyEntries: custodyRows.length,
    problems,
  };
  if (store.isOpen) {
    try {
      store.transact(() =>
        store.appendCustody({
          action: 'check',
          subjectKind: 'vault',
          subjectId: null,
          details: { ok: report.ok, records: report.records, blobs: report.blobs, problems: problems.length },
        }),
      );
    } catch (e) {
      // A full disk must not hide what the check found: the report says its entry is missing.
      if (!isVaultError(e) || e.code !== 'DISK_FULL') throw e;
      report.notLogged = 'the disk is full';
    }
  }
  return report;
}
