/**
 * Reading what the files say AFTER the import (ImportOptions.extract 'after', the app's way). In the
 * app the user waits for the import call; the reading's libraries cost 0.2–0.3 s of CPU for a few hundred
 * files, which beside the sealing (both CPUs busy) would add a quarter to that wait. So the import only
 * keeps each readable file's first EXTRACT_HEAD_BYTES (a copy, in memory, never on disk; up to
 * KEPT_MAX_BYTES for a batch, the rest read back from the vault) and records its exhibit with
 * `extractPending`; once the import has returned, this reads them (the same readers, the same thread) and
 * writes every reading in one transaction (records/exhibits.ts recordReadings, with its activity-log
 * entries). An exhibit whose reading is never written (the vault locked first, the app stopped) keeps
 * extractPending and is read again from the vault at the next open (Vault.open → readAwaiting).
 */
import type { Exhibit } from '../../../../shared/model.js';
import { wipe } from '../../crypto/index.js';
import { recordReadings, type Reading } from '../../records/exhibits.js';
import type { RecordStore } from '../../store/store.js';
import { openBlobChunks, type BlobContext } from '../blobs/index.js';
import { EXTRACT_HEAD_BYTES, ImportExtraction, readAs, readBack } from './index.js';

/** The most of a batch's heads kept in memory for the reading after it; beyond it, heads are read back. */
export const KEPT_MAX_BYTES = 64 << 20;

/** A file to read after its import: its exhibit, its blob, and its head when the import kept it. */
export interface FileToRead {
  id: string;
  name: string;
  blobId: string;
  size: number;
  sha256: string;
  mediaType: string;
  head?: { bytes: Buffer; complete: boolean };
}

/** The heads an import keeps for the reading after it: the blob store's HeadTap `take`, by file index. */
export class KeptHeads {
  private readonly heads = new Map<number, { bytes: Buffer; complete: boolean }>();
  private readonly readable = new Set<number>();
  private bytes = 0;

  constructor(private readonly names: readonly string[]) {}

  readonly take = (file: number, head: Buffer, mediaType: string, complete: boolean): void => {
    if (!readAs(mediaType, this.names[file] ?? '')) return;
    this.readable.add(file);
    if (this.bytes + head.length > KEPT_MAX_BYTES) return; // read back from the vault instead
    this.bytes += head.length;
    this.heads.set(file, { bytes: head, complete });
  };

  /** Whether file i is of a type that says something about itself (its exhibit waits for its reading). */
  isReadable(file: number): boolean {
    return this.readable.has(file);
  }

  head(file: number): { bytes: Buffer; complete: boolean } | undefined {
    return this.heads.get(file);
  }

  /** Lets the heads go (an import that failed). */
  clear(): void {
    this.heads.clear();
    this.readable.clear();
    this.bytes = 0;
  }
}

/** A sealed file's first `n` bytes, read back (decrypted; checked in full when that is the whole file). */
async function headBack(ctx: BlobContext, f: FileToRead, n: number): Promise<{ bytes: Buffer; complete: boolean }> {
  if (f.size <= n) return { bytes: await readBack(ctx, f), complete: true };
  const out = Buffer.allocUnsafe(n);
  let got = 0;
  // Each chunk is authenticated as it is decrypted; the generator closes the file when left early.
  for await (const chunk of openBlobChunks(ctx, f.blobId, { sha256: f.sha256, size: f.size })) {
    const take = Math.min(chunk.length, n - got);
    chunk.copy(out, got, 0, take);
    got += take;
    if (got >= n) break;
  }
  return { bytes: out.subarray(0, got), complete: false };
}

/**
 * Reads what the files say and writes it (one transaction). Never throws: a vault locked meanwhile, or a
 * file that cannot be read back, leaves those exhibits waiting (extractPending) for the next open; a file
 * a library cannot read gets its problem line, as at import.
 */
export async function readAndRecord(
  store: RecordStore,
  blobContext: () => BlobContext,
  files: readonly FileToRead[],
): Promise<Exhibit[]> {
  if (files.length === 0 || !store.isOpen) return [];
  let ctx: BlobContext;
  try {
    ctx = blobContext();
  } catch {
    return []; // locked: read at the next open
  }
  try {
    const extraction = new ImportExtraction(files.map((f) => f.name));
    const readOk: boolean[] = [];
    for (const [i, f] of files.entries()) {
      let head = f.head;
      if (!head) {
        try {
          head = await headBack(ctx, f, EXTRACT_HEAD_BYTES);
        } catch {
          readOk.push(false); // locked, or its blob is damaged (check() names it): left waiting
          continue;
        }
      }
      readOk.push(true);
      extraction.onHead(i, head.bytes, f.mediaType, head.complete);
    }
    const results = await extraction.results(files, async (i) => readBack(ctx, files[i]!));
    if (!store.isOpen) return [];
    const readings: Reading[] = [];
    for (const [i, f] of files.entries()) {
      if (readOk[i]) readings.push({ id: f.id, sha256: f.sha256, extracted: results[i] });
    }
    return recordReadings(store, readings);
  } catch {
    return []; // a full disk, a lock mid-way: left waiting, read again at the next open
  } finally {
    wipe(ctx.key);
  }
}
