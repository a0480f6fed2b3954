/**
 * vault.json: the vault header. Format version, vault id, Argon2id parameters and the key slots
 * (the master key wrapped under the passphrase and under the recovery key, as LUKS does), and the
 * slot wrapping itself. No content: nothing here says anything about incidents or exhibits.
 * Which secret opens which slot is in ./slots.ts.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { VaultError } from '../../../shared/errors.js';
import type { KdfParams } from '../api.js';
import {
  equalBytes,
  fromB64,
  fromHex,
  mac,
  open,
  randomBytes,
  seal,
  sodium,
  toB64,
  toHex,
  utf8,
} from '../crypto/index.js';
import { readRegularText } from './regular-file.js';

export const HEADER_FILE = 'vault.json';
export const FORMAT_VERSION = 1;
const FORMAT_MARK = 'evidence-vault';

const KdfSchema = z.object({
  algorithm: z.literal('argon2id13'),
  opsLimit: z.number().int().positive(),
  memLimit: z.number().int().positive(),
  salt: z.string(),
});

const SlotSchema = z.object({
  type: z.enum(['passphrase', 'recovery']),
  /** XChaCha20-Poly1305: nonce || wrapped master key || tag, base64. */
  wrappedKey: z.string(),
  /**
   * A further person's passphrase slot (the agent's, see ./user-slots.ts) has these three; the
   * owner's passphrase slot and the recovery slot have none. Its id (random), its own Argon2id
   * salt and cost (the owner's passphrase change gives the owner's slot a new salt and must not
   * touch this one), and the person's name sealed under a subkey of the master key (base64), so
   * vault.json names nobody.
   */
  id: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  kdf: KdfSchema.optional(),
  name: z.string().optional(),
});
export type Slot = z.infer<typeof SlotSchema>;

const HeaderSchema = z.object({
  format: z.literal(FORMAT_MARK),
  version: z.literal(FORMAT_VERSION),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  kdf: KdfSchema,
  slots: z.array(SlotSchema).min(1),
  /**
   * false from create() until the host says it showed the recovery key (see ./create.ts); absent
   * once shown, and in every vault made before 0.2. Outside the checksum and MAC on purpose: it is
   * a reminder, not a key. Removing it only hides the reminder; adding it only prompts a harmless
   * new recovery key. Kept by sealHeader(), so a passphrase change does not lose it.
   */
  recoveryShown: z.boolean().optional(),
  /** Unkeyed BLAKE2b-256 of the fields above: tells damage apart from a wrong passphrase (absent before 0.2). */
  checksum: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** Keyed BLAKE2b-256 (header subkey) of the same fields: an edit with a recomputed checksum still shows (absent before 0.2). */
  mac: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type Header = z.infer<typeof HeaderSchema>;

/**
 * Reads and validates vault.json. NOT_A_VAULT when absent or not ours; VAULT_TOO_NEW for a later
 * format; TAMPERED when it is not a regular file (a FIFO or device, refused without blocking:
 * ./regular-file.ts), so the folder still counts as a vault and its unlock names the problem.
 */
export async function readHeader(dir: string): Promise<Header> {
  let text: string;
  try {
    text = readRegularText(join(dir, HEADER_FILE), 'TAMPERED');
  } catch (e) {
    if (e instanceof VaultError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new VaultError('NOT_A_VAULT', `${dir} is not an Evidence Vault (it has no ${HEADER_FILE}).`);
    }
    throw new VaultError('NOT_A_VAULT', `Cannot read ${join(dir, HEADER_FILE)}: ${(e as Error).message}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    if (text.includes(`"${FORMAT_MARK}"`)) throw damagedHeader(dir);
    throw new VaultError('NOT_A_VAULT', `${dir} is not an Evidence Vault (${HEADER_FILE} is not readable JSON).`);
  }
  const obj = raw as { format?: unknown; version?: unknown };
  if (typeof raw !== 'object' || raw === null || obj.format !== FORMAT_MARK) {
    throw new VaultError('NOT_A_VAULT', `${dir} is not an Evidence Vault (${HEADER_FILE} is not a vault header).`);
  }
  if (typeof obj.version === 'number' && obj.version > FORMAT_VERSION) {
    throw new VaultError(
      'VAULT_TOO_NEW',
      `The vault in ${dir} has format version ${obj.version}; this version of Evidence Vault reads up to ${FORMAT_VERSION}. Update Evidence Vault to open it.`,
    );
  }
  const parsed = HeaderSchema.safeParse(raw);
  if (!parsed.success) {
    throw new VaultError('TAMPERED', `The vault header ${join(dir, HEADER_FILE)} is damaged or was altered.`);
  }
  return parsed.data;
}

/** The error for a header too damaged to try a passphrase or recovery key on. */
export function damagedHeader(dir: string): VaultError {
  return new VaultError(
    'TAMPERED',
    `The vault header ${join(dir, HEADER_FILE)} is damaged, so the passphrase or recovery key could not be tried (it was not judged wrong). Restore ${HEADER_FILE} from a backup of the vault folder.`,
  );
}

// ---------------------------------------------------------------------------------------------
// The header's integrity: an unkeyed checksum and a MAC over every field (both slots, the KDF).

/** The header's fields in a fixed order, as the checksum and the MAC see them. */
function headerContent(h: Header): Uint8Array {
  return utf8(
    JSON.stringify([
      h.format,
      h.version,
      h.vaultId,
      [h.kdf.algorithm, h.kdf.opsLimit, h.kdf.memLimit, h.kdf.salt],
      // A further person's slot adds its id, cost, salt and sealed name (the owner's and the
      // recovery slot are as before, so a vault without further slots keeps its MAC).
      h.slots.map((s) =>
        s.id === undefined
          ? [s.type, s.wrappedKey]
          : [s.type, s.wrappedKey, s.id, s.kdf ? [s.kdf.opsLimit, s.kdf.memLimit, s.kdf.salt] : null, s.name ?? null],
      ),
    ]),
  );
}

const HEADER_MAC_LABEL = utf8(`evidence-vault header|v${FORMAT_VERSION}|`);

function headerMac(h: Header, key: Uint8Array): Uint8Array {
  return mac(key, [HEADER_MAC_LABEL, headerContent(h)]);
}

/** The header with its checksum and MAC (under the header subkey) set, ready to write. */
export function sealHeader(h: Header, headerKey: Uint8Array): Header {
  const { checksum: _c, mac: _m, ...fields } = h;
  const out: Header = { ...fields };
  out.checksum = toHex(sodium().crypto_generichash(32, headerContent(out), null));
  out.mac = toHex(headerMac(out, headerKey));
  return out;
}

/** True when the header carries a checksum that does not match its fields (damage, not a wrong secret). */
export function headerChecksumFails(h: Header): boolean {
  if (h.checksum === undefined) return false;
  return !equalBytes(sodium().crypto_generichash(32, headerContent(h), null), fromHex(h.checksum));
}

/**
 * The header's integrity once the master key is known, in one line (null when whole).
 * `expectMac`: the vault has been opened by a version that adds the MAC, so a header without one was altered.
 */
export function headerProblem(h: Header, headerKey: Uint8Array, expectMac: boolean): string | null {
  const consequence =
    'a key slot or the Argon2id parameters may have changed, so the recovery key (or the passphrase) may no longer open the vault';
  if (h.mac === undefined) {
    return expectMac
      ? `the vault header ${HEADER_FILE} has lost its MAC (altered outside Evidence Vault): ${consequence}`
      : null;
  }
  if (headerChecksumFails(h)) {
    return `the vault header ${HEADER_FILE} is damaged (it does not match its checksum): ${consequence}. Restore ${HEADER_FILE} from a backup`;
  }
  if (!equalBytes(headerMac(h, headerKey), fromHex(h.mac))) {
    return `the vault header ${HEADER_FILE} was altered outside Evidence Vault (it fails its MAC): ${consequence}`;
  }
  return null;
}

export function kdfOf(header: Header): KdfParams {
  return { opsLimit: header.kdf.opsLimit, memLimit: header.kdf.memLimit };
}

/** A further person's slot: its id and its own Argon2id salt and cost (./user-slots.ts). */
export interface UserSlotBinding {
  id: string;
  kdf: Header['kdf'];
}

function slotAd(header: Pick<Header, 'vaultId' | 'kdf'>, type: Slot['type'], user?: UserSlotBinding): Uint8Array {
  if (user) {
    const k = user.kdf;
    return utf8(
      `evidence-vault key slot|v${FORMAT_VERSION}|${header.vaultId}|user|${user.id}|${k.opsLimit}|${k.memLimit}|${k.salt}`,
    );
  }
  const kdf = type === 'passphrase' ? `|${header.kdf.opsLimit}|${header.kdf.memLimit}|${header.kdf.salt}` : '';
  return utf8(`evidence-vault key slot|v${FORMAT_VERSION}|${header.vaultId}|${type}${kdf}`);
}

export function wrapSlot(
  header: Pick<Header, 'vaultId' | 'kdf'>,
  type: Slot['type'],
  wrappingKey: Uint8Array,
  master: Uint8Array,
  user?: UserSlotBinding,
): Slot {
  const wrappedKey = toB64(seal(wrappingKey, master, slotAd(header, type, user)));
  return user ? { type, wrappedKey, id: user.id, kdf: user.kdf } : { type, wrappedKey };
}

/** The owner's passphrase slot or the recovery slot (never a further person's: ./user-slots.ts). */
export function ownSlot(header: Header, type: Slot['type']): Slot | undefined {
  return header.slots.find((s) => s.type === type && s.id === undefined);
}

/** The master key, or null when the wrapping key is wrong. */
export function unwrapSlot(header: Header, type: Slot['type'], wrappingKey: Uint8Array): Uint8Array | null {
  const slot = ownSlot(header, type);
  if (!slot) return null;
  const master = open(wrappingKey, fromB64(slot.wrappedKey), slotAd(header, type));
  return master && master.length === 32 ? master : null;
}

/** A further person's slot opened with the key from their passphrase: the master key, or null. */
export function unwrapUserSlot(header: Header, slot: Slot, wrappingKey: Uint8Array): Uint8Array | null {
  if (slot.id === undefined || slot.kdf === undefined) return null;
  const ad = slotAd(header, 'passphrase', { id: slot.id, kdf: slot.kdf });
  const master = open(wrappingKey, fromB64(slot.wrappedKey), ad);
  return master && master.length === 32 ? master : null;
}

/**
 * Writes a file atomically: temporary name (mode 0600), fsync, rename over the old one, fsync the
 * folder (unless syncDir is false: the rename is still atomic, only its durability waits).
 */
export function writeFileAtomic(dir: string, name: string, data: Uint8Array | string, syncDir = true): void {
  const tmp = join(dir, `.${name}.${Buffer.from(randomBytes(6)).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? utf8(data) : data;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, join(dir, name));
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  if (syncDir) fsyncDir(dir);
}

function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* some file systems refuse fsync on a directory; the rename is still atomic */
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function writeHeader(dir: string, header: Header): void {
  writeFileAtomic(dir, HEADER_FILE, JSON.stringify(header, null, 2) + '\n');
}
