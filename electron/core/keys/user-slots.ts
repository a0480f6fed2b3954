/**
 * Further people's passphrase slots (issue 15: the candidate's agent gets a passphrase of their
 * own). Each wraps the same master key as the owner's slot, with the same wrapping code and KDF
 * (./header.ts wrapSlot, Argon2id through derivePassphraseKey), under its own random salt and the
 * cost it was made at, so the owner's passphrase change (a new salt for the owner's slot) leaves
 * it working. The slot's AD binds its id, cost and salt; its name is sealed (XChaCha20-Poly1305)
 * under the 'slotNames' subkey with the vault id and slot id as AD, padded to a size class, so
 * vault.json names nobody. The header MAC covers every field of every slot (./header.ts).
 *
 * The owner's slot (the one without an id) and the recovery slot are never removed here.
 */
import { VaultError } from '../../../shared/errors.js';
import type { KdfParams } from '../api.js';
import {
  SALT_BYTES,
  deriveSubkey,
  derivePassphraseKey,
  fromB64,
  kdfBoundsProblem,
  open,
  randomBytes,
  randomId,
  seal,
  toB64,
  utf8,
  wipe,
} from '../crypto/index.js';
import { padJson, unpaddedLength } from '../crypto/padding.js';
import { unwrapUserSlot, wrapSlot, type Header, type Slot } from './header.js';

/** Longest name of a further person's slot, in characters. */
export const MAX_SLOT_NAME = 100;
/** Most further people's slots a vault may hold (each costs an Argon2id run at a wrong passphrase). */
export const MAX_USER_SLOTS = 4;

/** A further person's slot as the vault shows it, its name opened. */
export interface UserSlotInfo {
  id: string;
  name: string;
}

export function userSlots(header: Header): Slot[] {
  return header.slots.filter((s) => s.type === 'passphrase' && s.id !== undefined);
}

function nameAd(vaultId: string, id: string): Uint8Array {
  return utf8(`evidence-vault slot name|${vaultId}|${id}`);
}

function sealName(master: Uint8Array, vaultId: string, id: string, name: string): string {
  const key = deriveSubkey(master, 'slotNames');
  try {
    return toB64(seal(key, padJson(JSON.stringify(name)), nameAd(vaultId, id)));
  } finally {
    wipe(key);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The slot's name, or a plain stand-in when it cannot be opened (the header MAC names the damage). */
export function slotName(header: Header, slot: Slot, master: Uint8Array): string {
  if (slot.id === undefined || slot.name === undefined) return 'Someone else';
  const key = deriveSubkey(master, 'slotNames');
  try {
    const pt = open(key, fromB64(slot.name), nameAd(header.vaultId, slot.id));
    if (!pt) return 'Someone else (name unreadable)';
    const parsed: unknown = JSON.parse(decoder.decode(pt.subarray(0, unpaddedLength(pt))));
    return typeof parsed === 'string' ? parsed : 'Someone else (name unreadable)';
  } catch {
    return 'Someone else (name unreadable)';
  } finally {
    wipe(key);
  }
}

export function listUserSlots(header: Header, master: Uint8Array): UserSlotInfo[] {
  return userSlots(header).map((s) => ({ id: s.id!, name: slotName(header, s, master) }));
}

/** A slot name as given: trimmed, 1 to MAX_SLOT_NAME characters, no control characters. */
export function checkSlotName(name: string): string {
  const n = typeof name === 'string' ? name.trim() : '';
  if (n === '') throw new VaultError('INVALID_INPUT', 'Give the name of the person this passphrase is for.');
  if ([...n].length > MAX_SLOT_NAME) {
    throw new VaultError('INVALID_INPUT', `The name is too long: ${MAX_SLOT_NAME} characters at most.`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(n)) {
    throw new VaultError('INVALID_INPUT', 'The name has a control character in it. Type the name again.');
  }
  return n;
}

/**
 * The header with a new slot for a further person: `passphrase` wraps the master key under a new
 * salt at the cost `kdf`. The caller checks the passphrase is not one that already opens the vault.
 */
export async function addUserSlot(
  header: Header,
  master: Uint8Array,
  name: string,
  passphrase: string,
  kdf: KdfParams,
): Promise<{ header: Header; id: string }> {
  const n = checkSlotName(name);
  if (typeof passphrase !== 'string' || passphrase.length === 0) {
    throw new VaultError('INVALID_INPUT', 'Type the new passphrase for this person.');
  }
  if (userSlots(header).length >= MAX_USER_SLOTS) {
    throw new VaultError(
      'INVALID_INPUT',
      `This vault already has ${MAX_USER_SLOTS} further passphrases. Remove one in Settings first.`,
    );
  }
  const badKdf = kdfBoundsProblem(kdf);
  if (badKdf) {
    throw new VaultError('INVALID_INPUT', `These Argon2id parameters cannot be used: ${badKdf.replace(/^its /, '')}.`);
  }
  const salt = randomBytes(SALT_BYTES);
  const id = randomId();
  const slotKdf = {
    algorithm: 'argon2id13' as const,
    opsLimit: kdf.opsLimit,
    memLimit: kdf.memLimit,
    salt: toB64(salt),
  };
  const key = await derivePassphraseKey(passphrase, salt, kdf);
  const next: Header = structuredClone(header);
  const slot = wrapSlot(next, 'passphrase', key, master, { id, kdf: slotKdf });
  wipe(key);
  slot.name = sealName(master, header.vaultId, id, n);
  // After the owner's passphrase slot and any further ones, before the recovery slot.
  const recovery = next.slots.filter((s) => s.type === 'recovery');
  next.slots = [...next.slots.filter((s) => s.type !== 'recovery'), slot, ...recovery];
  return { header: next, id };
}

/** The header without the further person's slot `id` (NOT_FOUND when there is none). */
export function removeUserSlot(header: Header, id: string): Header {
  if (!userSlots(header).some((s) => s.id === id)) {
    throw new VaultError('NOT_FOUND', `There is no further passphrase with id ${id}. Nothing was changed.`);
  }
  const next: Header = structuredClone(header);
  next.slots = next.slots.filter((s) => s.id !== id);
  return next;
}

/**
 * The further person's slot `id` rewrapped under a new passphrase (their own passphrase change),
 * with a new salt at the cost `kdf`; its name stays.
 */
export async function rewrapUserSlot(
  header: Header,
  master: Uint8Array,
  id: string,
  newPassphrase: string,
  kdf: KdfParams,
): Promise<Header> {
  const old = userSlots(header).find((s) => s.id === id);
  if (!old) throw new VaultError('NOT_FOUND', `There is no further passphrase with id ${id}. Nothing was changed.`);
  if (typeof newPassphrase !== 'string' || newPassphrase.length === 0) {
    throw new VaultError('INVALID_INPUT', 'The new passphrase is empty.');
  }
  const salt = randomBytes(SALT_BYTES);
  const slotKdf = {
    algorithm: 'argon2id13' as const,
    opsLimit: kdf.opsLimit,
    memLimit: kdf.memLimit,
    salt: toB64(salt),
  };
  const key = await derivePassphraseKey(newPassphrase, salt, kdf);
  const next: Header = structuredClone(header);
  const slot = wrapSlot(next, 'passphrase', key, master, { id, kdf: slotKdf });
  wipe(key);
  if (old.name !== undefined) slot.name = old.name;
  next.slots = next.slots.map((s) => (s.id === id ? slot : s));
  return next;
}

/**
 * Tries the passphrase on each further person's slot, each under its own salt: their master key
 * and slot id, or null when none opens.
 */
export async function unlockUserSlot(
  header: Header,
  passphrase: string,
  signal?: AbortSignal,
): Promise<{ master: Uint8Array; slotId: string } | null> {
  for (const slot of userSlots(header)) {
    if (!slot.kdf || !slot.id) continue;
    const key = await derivePassphraseKey(
      passphrase,
      fromB64(slot.kdf.salt),
      { opsLimit: slot.kdf.opsLimit, memLimit: slot.kdf.memLimit },
      { signal, where: 'A key slot in the vault header vault.json' },
    );
    const master = unwrapUserSlot(header, slot, key);
    wipe(key);
    if (master) return { master, slotId: slot.id };
  }
  return null;
}
