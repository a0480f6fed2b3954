/**
 * What the vault checks outside vault.db, at open and in check(): the rollback anchor beside
 * vault.json (custody/anchor.ts) and the header's checksum and MAC (keys/header.ts); and testing a
 * recovery key without opening the vault.
 */
import { VaultError } from '../../shared/errors.js';
import type { CheckProblem } from '../../shared/model.js';
import { deriveSubkey, wipe } from './crypto/index.js';
import { anchorProblem, readAnchor, writeAnchor } from './custody/anchor.js';
import { HEADER_FILE, damagedHeader, headerProblem, readHeader, type Header } from './keys/header.js';
import { unlockMaster } from './keys/slots.js';
import type { Keys } from './keys/subkeys.js';
import type { RecordStore } from './store/store.js';

/** The advice kept with a header damaged before a passphrase change; replaceRecoveryKey() mends it. */
export const RECOVERY_MENDS = 'make a new recovery key (evidence-vault recovery replace)';

export interface OpenIntegrity {
  /** The database is older than (or differs from) what the anchor says the vault last saw. */
  anchored: string | null;
  /** The header fails its checksum or MAC, or lost the MAC it had. */
  header: string | null;
  /** The header has no MAC yet (made before 0.2) and nothing says it should: seal it now. */
  sealHeader: boolean;
}

/**
 * At open, before the first commit: compares the database with the rollback anchor (a problem is
 * kept in the vault, so every later check() reports it), checks the header, and has every commit
 * from now on move the anchor.
 */
export function openIntegrity(dir: string, header: Header, store: RecordStore, keys: Keys): OpenIntegrity {
  const anchor = readAnchor(dir, keys.anchor, header.vaultId);
  const anchored = anchorProblem(anchor, store.lastCustodySeq(), (n) => store.custodyMacAt(n));
  if (anchored) store.noteProblem(anchored);
  const headerWrong = headerProblem(header, keys.header, anchor.state !== 'none');
  store.afterCommit = (head) => writeAnchor(dir, keys.anchor, header.vaultId, head);
  return { anchored, header: headerWrong, sealHeader: !headerWrong && header.mac === undefined };
}

/** check()'s look at vault.json as it is on disk now: both slots and the KDF parameters under the MAC. */
export async function headerCheckProblems(dir: string, vaultId: string, keys: Keys): Promise<CheckProblem[]> {
  let problem: string | null;
  try {
    const onDisk = await readHeader(dir);
    problem = headerProblem(onDisk, keys.header, readAnchor(dir, keys.anchor, vaultId).state !== 'none');
  } catch (e) {
    problem = `the vault header ${HEADER_FILE} cannot be read: ${(e as Error).message}`;
  }
  return problem ? [{ kind: 'header', message: problem }] : [];
}

/**
 * Tests a recovery key without opening the vault or changing anything: it must open the recovery
 * slot, and the master key it gives must match the header's MAC (where the header has one).
 */
export async function testRecoveryKey(dir: string, recoveryKey: string): Promise<void> {
  const header = await readHeader(dir);
  const { master } = await unlockMaster(header, { recoveryKey }, () => damagedHeader(dir));
  const headerKey = deriveSubkey(master, 'header');
  const problem = header.mac === undefined ? null : headerProblem(header, headerKey, true);
  wipe(master, headerKey);
  if (problem) throw new VaultError('TAMPERED', `The recovery key opens its slot, but ${problem}.`);
}
