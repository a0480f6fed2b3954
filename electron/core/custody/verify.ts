/**
 * Verifying the custody log: every entry decrypts, the MACs chain from the start, the sequence has
 * no gaps, and the log ends at the chain head kept in the meta record. Used by check().
 */
import type { CheckProblem, CustodyEntry } from '../../../shared/model.js';
import { equalBytes, fromHex } from '../crypto/index.js';
import { ZERO_MAC, chainMac, openCustodyTexts } from './log.js';

export interface StoredCustodyRow {
  seq: number;
  body: Uint8Array;
  mac: Uint8Array;
}

/** What the log says exists (created or imported, not deleted): id -> what it is. */
type LiveSubjects = Map<string, { kind: string; label: string }>;

/** Checks the chain entry by entry; returns the problems and the records the log says exist. */
export function verifyCustodyChain(
  keys: { custody: Uint8Array; audit: Uint8Array },
  vaultId: string,
  rows: StoredCustodyRow[],
): { problems: CheckProblem[]; live: LiveSubjects } {
  const problems: CheckProblem[] = [];
  const texts = openCustodyTexts(keys.custody, vaultId, rows);
  let ci = 0;
  let prevMac: Uint8Array = ZERO_MAC;
  let expectSeq = 1;
  let macBreakReported = false;
  const live: LiveSubjects = new Map();
  for (const row of rows) {
    if (row.seq !== expectSeq) {
      problems.push({
        kind: 'custody',
        message:
          row.seq > expectSeq
            ? `custody log: ${row.seq - expectSeq === 1 ? `entry ${expectSeq} is` : `entries ${expectSeq}–${row.seq - 1} are`} missing (deleted)`
            : `custody log: entry ${row.seq} is out of order`,
      });
    }
    const text = texts[ci++];
    if (text === null || text === undefined) {
      problems.push({
        kind: 'custody',
        message: `custody log: entry ${row.seq} fails authentication (altered or moved)`,
      });
    } else {
      try {
        const e = JSON.parse(text) as Omit<CustodyEntry, 'seq'>;
        const tracked = ['incident', 'person', 'contact', 'exhibit', 'case'].includes(e.subjectKind);
        if (tracked && e.subjectId && (e.action === 'create' || e.action === 'import' || e.action === 'restore')) {
          const label = e.details.title ?? e.details.name;
          live.set(e.subjectId, { kind: e.subjectKind, label: typeof label === 'string' ? label : '' });
        } else if (tracked && e.subjectId && e.action === 'delete') {
          live.delete(e.subjectId);
        }
      } catch {
        problems.push({ kind: 'custody', message: `custody log: entry ${row.seq} is not readable` });
      }
    }
    const expected = chainMac(keys.audit, prevMac, row.seq, row.body);
    if (!equalBytes(expected, row.mac) && !macBreakReported) {
      problems.push({
        kind: 'custody',
        message: `custody log: chain broken at entry ${row.seq} (altered, reordered or removed)`,
      });
      macBreakReported = true;
    }
    prevMac = new Uint8Array(row.mac);
    expectSeq = row.seq + 1;
  }
  return { problems, live };
}

/** Compares the end of the log with the chain head of the meta record(s) found on disk. */
export function verifyChainHead(
  heads: ({ seq: number; mac: string } | null)[],
  last: StoredCustodyRow | undefined,
): CheckProblem[] {
  if (heads.length !== 1) {
    return [
      {
        kind: 'custody',
        message:
          heads.length === 0
            ? 'custody log: the chain head record is missing or damaged, so removal of the latest entries cannot be ruled out'
            : 'custody log: more than one chain head record',
      },
    ];
  }
  const h = heads[0]!;
  const headSeq = h?.seq ?? 0;
  const lastSeq = last?.seq ?? 0;
  if (lastSeq < headSeq) {
    return [
      {
        kind: 'custody',
        message: `custody log: the latest ${headSeq - lastSeq === 1 ? 'entry' : `${headSeq - lastSeq} entries`} (up to ${headSeq}) were removed`,
      },
    ];
  }
  if (lastSeq > headSeq) {
    return [{ kind: 'custody', message: `custody log: entries after ${headSeq} were added outside Evidence Vault` }];
  }
  if (h && last && !equalBytes(fromHex(h.mac), last.mac)) {
    return [{ kind: 'custody', message: `custody log: the latest entry ${lastSeq} does not match the chain head` }];
  }
  return [];
}
