/**
 * Encrypted evidence files (blobs). STUB — the full streaming implementation follows.
 *
 * Batch import: prefer importBlobsFromFiles(ctx, paths, opts) for several files (it overlaps the
 * per-file fsync cost); results come back in the order of `paths`.
 */
import type { Readable } from 'node:stream';
import { VaultError } from '../../shared/errors.js';

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

export interface ImportOptions {
  signal?: AbortSignal;
  onBytes?: (done: number, total: number) => void;
}

export interface ExpectedBlob {
  sha256: string;
  size: number;
}

export async function importBlobFromFile(_ctx: BlobContext, _path: string, _opts?: ImportOptions): Promise<BlobInfo> {
  throw new VaultError('INTERNAL', 'Blob import is not implemented yet.');
}

export async function importBlobsFromFiles(
  _ctx: BlobContext,
  _paths: string[],
  _opts?: ImportOptions,
): Promise<BlobInfo[]> {
  throw new VaultError('INTERNAL', 'Blob import is not implemented yet.');
}

export async function importBlobFromStream(
  _ctx: BlobContext,
  _source: { name: string; modifiedAt?: string; stream: Readable },
  _opts?: ImportOptions,
): Promise<BlobInfo> {
  throw new VaultError('INTERNAL', 'Blob import is not implemented yet.');
}

export function openBlobStream(_ctx: BlobContext, _blobId: string, _expected: ExpectedBlob): Readable {
  throw new VaultError('INTERNAL', 'Blob reading is not implemented yet.');
}

export async function verifyBlob(_ctx: BlobContext, _blobId: string, _expected: ExpectedBlob): Promise<string | null> {
  throw new VaultError('INTERNAL', 'Blob checking is not implemented yet.');
}

export async function removeBlobs(_ctx: BlobContext, _blobIds: string[]): Promise<void> {
  throw new VaultError('INTERNAL', 'Blob removal is not implemented yet.');
}

export async function removeOrphanBlobs(_ctx: BlobContext, _known: Set<string>): Promise<number> {
  throw new VaultError('INTERNAL', 'Blob cleanup is not implemented yet.');
}
