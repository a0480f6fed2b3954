/**
 * A new vault's key material: the folder is checked (new or empty), the header with its key
 * slots written. The header is the commit point of the key material; the database follows (if
 * creation stops in between, open() finds an empty database and initialises it).
 *
 * The recovery key is shown by the host (the CLI prints it, the window displays it) only after
 * all this, so a kill in between could leave a working vault whose recovery key nobody ever saw.
 * Of the two ways out (a vault unusable until the key is shown, or an open that offers a new
 * key) we take the second: refusing to open would lock a person out of evidence they may already
 * have added, while the passphrase still proves who they are. So a host that shows the key asks
 * for `recoveryPending`: the header then carries `recoveryShown: false` until the host confirms
 * (Vault.confirmRecoveryKeyShown), and every open meanwhile says plainly that the key was never
 * shown and how to make a new one (`evidence-vault recovery replace DIR`, which clears it too).
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { VaultError } from '../../../shared/errors.js';
import type { KdfParams } from '../api.js';
import { deriveSubkey, kdfBoundsProblem, wipe } from '../crypto/index.js';
import { readHeader, sealHeader, writeHeader, type Header } from './header.js';
import { newKeySlots } from './slots.js';

/** True when dir holds a vault header (it may still be too new or damaged). */
export async function hasVaultHeader(dir: string): Promise<boolean> {
  try {
    await readHeader(dir);
    return true;
  } catch (e) {
    return e instanceof VaultError && e.code !== 'NOT_A_VAULT';
  }
}

/** Writes a new vault's header into dir (created if missing; an existing folder must be empty). */
export async function writeNewHeader(
  dir: string,
  passphrase: string,
  kdf: KdfParams,
  /** The host will confirm it showed the recovery key: until then the header says it was not. */
  recoveryPending = false,
): Promise<{ header: Header; master: Uint8Array; recoveryKey: string }> {
  if (typeof passphrase !== 'string' || passphrase.length === 0) {
    throw new VaultError('INVALID_INPUT', 'A passphrase is needed to create a vault.');
  }
  const badKdf = kdfBoundsProblem(kdf);
  if (badKdf)
    throw new VaultError('INVALID_INPUT', `These Argon2id parameters cannot be used: ${badKdf.replace(/^its /, '')}.`);
  if (await hasVaultHeader(dir)) {
    throw new VaultError('VAULT_EXISTS', `There is already a vault in ${dir}. Open it, or choose another folder.`);
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new VaultError('INVALID_INPUT', `Cannot create the folder ${dir}: ${(e as Error).message}.`);
  }
  if (!statSync(dir).isDirectory()) throw new VaultError('INVALID_INPUT', `${dir} is not a folder.`);
  if (readdirSync(dir).length > 0) {
    throw new VaultError(
      'INVALID_INPUT',
      `The folder ${dir} is not empty. Choose an empty or new folder for the vault.`,
    );
  }
  const created = await newKeySlots(passphrase, kdf);
  const headerKey = deriveSubkey(created.master, 'header');
  const header = sealHeader(recoveryPending ? { ...created.header, recoveryShown: false } : created.header, headerKey);
  wipe(headerKey);
  writeHeader(dir, header);
  return { ...created, header };
}

/** The message of an open of a vault whose recovery key was never shown (see above). */
export function recoveryNeverShown(dir: string): string {
  return `This vault's recovery key was never shown: run "evidence-vault recovery replace ${dir}" to make one.`;
}

/** The header without the reminder that its recovery key was never shown. */
export function recoveryShown(h: Header): Header {
  const { recoveryShown: _pending, ...rest } = h;
  return rest;
}
