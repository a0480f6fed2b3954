/**
 * The rollback anchor: the custody chain head (sequence number and MAC) as last committed, kept
 * OUTSIDE vault.db, in vault-anchor.json beside vault.json, and keyed (a MAC under the anchor
 * subkey) so it cannot be forged. A vault.db put back from a backup or a sync client's older copy
 * is consistent in itself; only this anchor shows that the vault had gone further.
 *
 * Written after each committed action (temporary file, fsync, rename: a crash leaves the old
 * anchor, which is behind the database and so harmless). A vault with no anchor yet (made before
 * 0.2) gets one at its next commit.
 */
import { join } from 'node:path';
import { equalBytes, fromHex, mac, toHex, utf8 } from '../crypto/index.js';
import { writeFileAtomic } from '../keys/header.js';
import { readRegularText } from '../keys/regular-file.js';
import { VaultError } from '../../../shared/errors.js';
import type { ChainHead } from './log.js';

export const ANCHOR_FILE = 'vault-anchor.json';
const ANCHOR_MARK = 'evidence-vault-anchor';

export interface Anchor {
  seq: number;
  mac: Uint8Array;
}

/** What the anchor file holds: none yet, a valid anchor, or a file that fails its MAC or cannot be read. */
export type AnchorRead = { state: 'none' } | { state: 'ok'; anchor: Anchor } | { state: 'damaged' };

function anchorMac(key: Uint8Array, vaultId: string, seq: number, head: Uint8Array): Uint8Array {
  return mac(key, [utf8(`${ANCHOR_MARK}|v1|${vaultId}|${seq}|`), head]);
}

/**
 * Reads the anchor. A vault-anchor.json that is a folder, pipe, socket or device is never read (a
 * FIFO would block for ever): it throws VaultError TAMPERED with one line, so open refuses the vault.
 */
export function readAnchor(dir: string, key: Uint8Array, vaultId: string): AnchorRead {
  let text: string;
  try {
    text = readRegularText(join(dir, ANCHOR_FILE), 'TAMPERED');
  } catch (e) {
    if (e instanceof VaultError) throw e;
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { state: 'none' } : { state: 'damaged' };
  }
  try {
    const raw = JSON.parse(text) as { format?: unknown; seq?: unknown; head?: unknown; mac?: unknown };
    const { seq, head, mac: tag } = raw;
    if (raw.format !== ANCHOR_MARK || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
      return { state: 'damaged' };
    }
    if (typeof head !== 'string' || !/^[0-9a-f]{64}$/.test(head) || typeof tag !== 'string') {
      return { state: 'damaged' };
    }
    const headMac = fromHex(head);
    if (!equalBytes(anchorMac(key, vaultId, seq, headMac), fromHex(tag))) return { state: 'damaged' };
    return { state: 'ok', anchor: { seq, mac: headMac } };
  } catch {
    return { state: 'damaged' };
  }
}

/** Records the chain head as the latest the vault has seen. Throws on a write error (callers treat it as best effort). */
export function writeAnchor(dir: string, key: Uint8Array, vaultId: string, head: ChainHead): void {
  const body = {
    format: ANCHOR_MARK,
    seq: head.seq,
    head: toHex(head.mac),
    mac: toHex(anchorMac(key, vaultId, head.seq, head.mac)),
  };
  writeFileAtomic(dir, ANCHOR_FILE, JSON.stringify(body) + '\n', false);
}

/**
 * How the database's custody log compares with the anchor: null when the database is the one the
 * vault last saw (or newer: a crash can stop the anchor write after a commit), else one line.
 * macAt gives the stored MAC of a custody entry, or undefined when the log has no such entry.
 */
export function anchorProblem(
  read: AnchorRead,
  lastSeq: number,
  macAt: (seq: number) => Uint8Array | undefined,
): string | null {
  if (read.state === 'none') return null;
  if (read.state === 'damaged') {
    return `the rollback anchor ${ANCHOR_FILE} is damaged or was altered, so an older copy of the database cannot be ruled out`;
  }
  const { seq, mac: headMac } = read.anchor;
  if (seq === 0) return null;
  if (lastSeq < seq) {
    return `the database is older than the vault last saw: its custody log ends at entry ${lastSeq}, but the vault had reached entry ${seq}; the actions after entry ${lastSeq} (and any exhibits they added) are missing from this database. Look for a newer copy of ${'vault.db'} before adding anything`;
  }
  const stored = macAt(seq);
  if (!stored || !equalBytes(stored, headMac)) {
    return `the database is not the one the vault last saw: its custody log differs at entry ${seq} (another copy of vault.db was put in its place)`;
  }
  return null;
}
