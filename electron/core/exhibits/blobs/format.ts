/**
 * The blob file format and the blob store's shared types and errors.
 *
 * Blob file format (all of it authenticated; nothing plain but sizes):
 *   bytes 0..3   "EVB1"
 *   bytes 4..7   plaintext chunk size, uint32 little-endian (1 MiB)
 *   bytes 8..31  crypto_secretstream_xchacha20poly1305 header
 *   then chunks  each chunk-size bytes of the original (the last one shorter or equal) + 17 bytes of tag/MAC,
 *                the last one tagged TAG_FINAL (so truncation is detected).
 * Every chunk's additional data is "evidence-vault/blob/v1" || blobId || bytes 0..7, so a blob file cannot be
 * renamed to (swapped with) another blob id, nor its chunk size changed, without failing authentication.
 */
import { join } from 'node:path';
import { VaultError, type ErrorCode } from '../../../../shared/errors.js';

export interface BlobContext {
  /** <vault>/blobs; created if missing. */
  dir: string;
  /** 32-byte blob subkey. */
  key: Uint8Array;
}

export interface BlobInfo {
  blobId: string;
  sha256: string;
  size: number;
  mediaType: string;
  fileModifiedAt: string;
}

/**
 * Progress of one file of an import: the blob store's only progress report. `file` is the file's index in
 * the caller's list (0 for a single import); `done` counts that file's plaintext bytes stored so far and
 * never goes down; `size` is that file's size (for a stream of unknown length, `size` = `done`), so
 * `done <= size` always.
 */
export interface FileProgress {
  file: number;
  done: number;
  size: number;
}

/** The blob store's own options: progress per file in its own terms (the core's ImportOptions, in api.ts, is what callers see). */
export interface BlobImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: FileProgress) => void;
  /** A copy of each file's first bytes as it is sealed (for reading what the file says: ../extract/). */
  head?: HeadTap;
}

/**
 * Taps the head of each file's stream: `take` gets a copy of its first `bytes` (fewer when the file is
 * shorter: then `complete`), with its sniffed media type, as soon as the first chunk is read. The file is
 * never read twice for it.
 */
export interface HeadTap {
  bytes: number;
  take(file: number, head: Buffer, mediaType: string, complete: boolean): void;
}

export interface ExpectedBlob {
  sha256: string;
  size: number;
}

export const BLOB_CHUNK_BYTES = 1 << 20;
export const MAGIC = Buffer.from('EVB1', 'latin1');
export const PREFIX_BYTES = 8;
const STREAM_HEADER_BYTES = 24;
export const BLOB_HEADER_BYTES = PREFIX_BYTES + STREAM_HEADER_BYTES;
/** crypto_secretstream_xchacha20poly1305_ABYTES: what encryption adds to each chunk. */
export const ABYTES = 17;
export const TAG_MESSAGE = 0;
export const TAG_FINAL = 3;
/** A header claiming a bigger chunk size than this is damaged. */
export const MAX_CHUNK_BYTES = 16 << 20;
export const BLOB_ID = /^[0-9a-f]{32}$/;
export const TEMP_NAME = /^\.tmp-[0-9a-f]{16,}$/;

export function blobPrefix(chunkBytes: number): Buffer {
  const p = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(p, 0);
  p.writeUInt32LE(chunkBytes, 4);
  return p;
}

export function blobAd(blobId: string, prefix: Uint8Array): Uint8Array {
  return Buffer.concat([Buffer.from('evidence-vault/blob/v1\0', 'latin1'), Buffer.from(blobId, 'latin1'), prefix]);
}

export function blobPath(ctx: BlobContext, blobId: string): string {
  if (!BLOB_ID.test(blobId)) throw new VaultError('INVALID_INPUT', `"${blobId}" is not a blob id.`);
  return join(ctx.dir, blobId);
}

// ---------------------------------------------------------------------------------------------------------
// Errors

export function errno(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const c = (e as { code: unknown }).code;
    return typeof c === 'string' ? c : undefined;
  }
  return undefined;
}

export function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

export function cancelled(name: string): VaultError {
  return new VaultError('CANCELLED', `Import of "${name}" was cancelled; nothing was stored.`);
}

export function changed(name: string, what: string): VaultError {
  return new VaultError(
    'FILE_CHANGED',
    `"${name}" ${what} while it was being imported; nothing was stored. Try again when it is not in use.`,
  );
}

export function openError(name: string, e: unknown): VaultError {
  const code = errno(e);
  const table: Record<string, [ErrorCode, string]> = {
    ENOENT: ['FILE_MISSING', 'does not exist'],
    ENOTDIR: ['FILE_MISSING', 'does not exist (a folder on its path is a file)'],
    EACCES: ['FILE_UNREADABLE', 'cannot be read: permission denied'],
    EPERM: ['FILE_UNREADABLE', 'cannot be read: permission denied'],
    EISDIR: ['FILE_IS_DIRECTORY', 'is a folder, not a file'],
    ENXIO: ['FILE_UNREADABLE', 'is not a regular file (a socket or device)'],
    ELOOP: ['FILE_UNREADABLE', 'cannot be read: too many symbolic links'],
    ENAMETOOLONG: ['FILE_UNREADABLE', 'cannot be read: the name is too long'],
  };
  const [c, why] = (code && table[code]) || ['FILE_UNREADABLE', `cannot be read (${code ?? 'error'})`];
  return new VaultError(c, `Cannot import "${name}": it ${why}.`, { cause: e });
}

export function writeError(name: string, e: unknown): VaultError {
  if (e instanceof VaultError) return e;
  const code = errno(e);
  if (code && DISK_FULL_CODES.has(code)) {
    return new VaultError('DISK_FULL', `The disk is full: "${name}" could not be stored; nothing was imported.`, {
      cause: e,
    });
  }
  return new VaultError(
    'INTERNAL',
    `Could not store "${name}" in the vault (${code ?? asError(e).message}); nothing was imported.`,
    { cause: e },
  );
}

export function tampered(blobId: string, what: string): VaultError {
  return new VaultError('TAMPERED', `Exhibit file ${blobId} ${what}.`);
}
