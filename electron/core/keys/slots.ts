/**
 * Key slots end to end: from a secret (passphrase through Argon2id, or the recovery key) to the
 * master key, and back when the passphrase changes. The slot format itself is in ./header.ts.
 */
import { VaultError } from '../../../shared/errors.js';
import type { KdfParams, UnlockWith } from '../api.js';
import {
  SALT_BYTES,
  derivePassphraseKey,
  formatRecoveryKey,
  fromB64,
  kdfBoundsProblem,
  parseRecoveryKey,
  randomBytes,
  randomId,
  sodium,
  toB64,
  utf8,
  wipe,
} from '../crypto/index.js';
import { FORMAT_VERSION, headerChecksumFails, kdfOf, unwrapSlot, wrapSlot, type Header } from './header.js';
import { unlockUserSlot } from './user-slots.js';

export type UnlockMethod = 'passphrase' | 'recovery-key';

/** What opened the vault: the method, and for a further person's passphrase, their slot's id. */
export interface Unlocked {
  master: Uint8Array;
  method: UnlockMethod;
  /** Set when a further person's passphrase (./user-slots.ts) opened it; absent for the owner. */
  slotId?: string;
}

function recoveryWrappingKey(vaultId: string, recoveryKey: Uint8Array): Uint8Array {
  return sodium().crypto_generichash(32, utf8(`evidence-vault recovery slot|${vaultId}`), recoveryKey);
}

/**
 * A new vault's header: a fresh vault id and master key, wrapped under the passphrase and under a
 * fresh recovery key. Returns the master key and the recovery key, to show the user once.
 */
export async function newKeySlots(
  passphrase: string,
  kdf: KdfParams,
): Promise<{ header: Header; master: Uint8Array; recoveryKey: string }> {
  const vaultId = randomId();
  const master = randomBytes(32);
  const recovery = randomBytes(32);
  const salt = randomBytes(SALT_BYTES);
  const header: Header = {
    format: 'evidence-vault',
    version: FORMAT_VERSION,
    vaultId,
    kdf: { algorithm: 'argon2id13', opsLimit: kdf.opsLimit, memLimit: kdf.memLimit, salt: toB64(salt) },
    slots: [],
  };
  const passKey = await derivePassphraseKey(passphrase, salt, kdf, { where: 'These Argon2id parameters' });
  const recKey = recoveryWrappingKey(vaultId, recovery);
  header.slots = [wrapSlot(header, 'passphrase', passKey, master), wrapSlot(header, 'recovery', recKey, master)];
  wipe(passKey, recKey);
  const recoveryKey = formatRecoveryKey(recovery);
  wipe(recovery);
  return { header, master, recoveryKey };
}

/**
 * The master key from the passphrase or the recovery key; WRONG_PASSPHRASE / WRONG_RECOVERY_KEY
 * otherwise, or TAMPERED (`damaged`) when the slot did not open and the header fails its checksum:
 * damage is not reported as a wrong secret.
 */
export async function unlockMaster(
  header: Header,
  unlock: UnlockWith,
  damaged: () => VaultError,
  signal?: AbortSignal,
): Promise<Unlocked> {
  try {
    return await unlockWith(header, unlock, signal);
  } catch (e) {
    const badKeyForm = 'recoveryKey' in unlock && 'error' in parseRecoveryKey(unlock.recoveryKey);
    if (e instanceof VaultError && e.code.startsWith('WRONG_') && !badKeyForm && headerChecksumFails(header)) {
      throw damaged();
    }
    throw e;
  }
}

async function unlockWith(header: Header, unlock: UnlockWith, signal?: AbortSignal): Promise<Unlocked> {
  if ('passphrase' in unlock) {
    const key = await derivePassphraseKey(unlock.passphrase, fromB64(header.kdf.salt), kdfOf(header), { signal });
    const master = unwrapSlot(header, 'passphrase', key);
    wipe(key);
    if (master) return { master, method: 'passphrase' };
    // Then each further person's slot, under its own salt (one Argon2id each).
    const other = await unlockUserSlot(header, unlock.passphrase, signal);
    if (other) return { master: other.master, method: 'passphrase', slotId: other.slotId };
    throw new VaultError('WRONG_PASSPHRASE', 'That passphrase does not open this vault. Nothing was changed.');
  }
  const parsed = parseRecoveryKey(unlock.recoveryKey);
  if ('error' in parsed) {
    throw new VaultError('WRONG_RECOVERY_KEY', `That recovery key is not valid: ${parsed.error}. Nothing was changed.`);
  }
  const key = recoveryWrappingKey(header.vaultId, parsed.key);
  wipe(parsed.key);
  const master = unwrapSlot(header, 'recovery', key);
  wipe(key);
  if (!master)
    throw new VaultError('WRONG_RECOVERY_KEY', 'That recovery key does not open this vault. Nothing was changed.');
  return { master, method: 'recovery-key' };
}

/**
 * The header with the passphrase slot rewrapped under a new passphrase (or the same one), with a
 * new salt at the cost `kdf`: a passphrase change always writes the cost it is given (the default,
 * in the app), so a vault made with a weak cost is strengthened by it.
 */
export async function rewrapPassphrase(
  header: Header,
  master: Uint8Array,
  newPassphrase: string,
  kdf: KdfParams,
): Promise<Header> {
  if (typeof newPassphrase !== 'string' || newPassphrase.length === 0) {
    throw new VaultError('INVALID_INPUT', 'The new passphrase is empty.');
  }
  const badKdf = kdfBoundsProblem(kdf);
  if (badKdf) {
    throw new VaultError('INVALID_INPUT', `These Argon2id parameters cannot be used: ${badKdf.replace(/^its /, '')}.`);
  }
  const salt = randomBytes(SALT_BYTES);
  const next: Header = structuredClone(header);
  next.kdf = { algorithm: 'argon2id13', opsLimit: kdf.opsLimit, memLimit: kdf.memLimit, salt: toB64(salt) };
  const passKey = await derivePassphraseKey(newPassphrase, salt, kdf);
  const slot = wrapSlot(next, 'passphrase', passKey, master);
  wipe(passKey);
  // Only the owner's slot: a further person's slot has its own salt and stays as it is.
  next.slots = [slot, ...next.slots.filter((s) => s.type !== 'passphrase' || s.id !== undefined)];
  return next;
}

/** The header with a new recovery slot (the old recovery key no longer opens it), and the new key to show once. */
export function replaceRecoverySlot(header: Header, master: Uint8Array): { header: Header; recoveryKey: string } {
  const recovery = randomBytes(32);
  const key = recoveryWrappingKey(header.vaultId, recovery);
  const next: Header = structuredClone(header);
  const slot = wrapSlot(next, 'recovery', key, master);
  next.slots = [...next.slots.filter((s) => s.type !== 'recovery' || s.id !== undefined), slot];
  const recoveryKey = formatRecoveryKey(recovery);
  wipe(key, recovery);
  return { header: next, recoveryKey };
}
