/**
 * What the verifier reads a bag through (a folder or a ZIP), the limits that keep its work
 * bounded, and reading one file of the bag with those limits: its bytes never exceed the size the
 * reader declared, and a ZIP entry's CRC-32 is checked as it is read.
 */
import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import { VaultError } from '../../../../shared/errors.js';

/** Something wrong with one file of the bag, said in one line (e.g. a CRC-32 mismatch). */
export class BagReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BagReadError';
  }
}

/** A problem the reader found in the container itself (a symbolic link, a name mismatch, …). */
export interface ReaderProblem {
  kind: 'bag' | 'extra' | 'unreadable';
  path: string;
  message: string;
}

/** A bag's files, wherever they are. Paths are relative to the bag's base directory, with '/'. */
export interface BagReader {
  /** Plain files of the bag: path -> size. */
  files: Map<string, number>;
  /** Symbolic links, devices, duplicate or mismatched ZIP entries: never read. */
  problems: ReaderProblem[];
  /** The file's bytes; at most its declared size. */
  open(p: string): Promise<Readable>;
  /** The CRC-32 the container records for the file (ZIP entries), or null. */
  expectedCrc(p: string): number | null;
  close(): Promise<void>;
}

export type { Stopper } from './limits.js';
import type { Stopper } from './limits.js';

/**
 * Read one file of the bag, chunk by chunk. Throws BagReadError when it holds more bytes than
 * declared or its CRC-32 differs from the ZIP's; VaultError when stopped.
 */
export async function consume(r: BagReader, p: string, onChunk: (b: Buffer) => void, stop?: Stopper): Promise<void> {
  const size = r.files.get(p);
  if (size === undefined) throw new BagReadError(`${p} is not in the pack`);
  const want = r.expectedCrc(p);
  let crc = 0;
  let seen = 0;
  const s = await r.open(p);
  // A cancel or the time limit ends a read even while it waits for bytes.
  const onStop = (): void => void s.destroy();
  stop?.signal.addEventListener('abort', onStop, { once: true });
  try {
    for await (const chunk of s as AsyncIterable<Buffer>) {
      stop?.check();
      seen += chunk.length;
      if (seen > size) throw new BagReadError(`${p} holds more bytes than the pack declares (${size})`);
      if (want !== null) crc = crc32(chunk, crc);
      onChunk(chunk);
    }
  } catch (e) {
    stop?.check();
    throw e;
  } finally {
    stop?.signal.removeEventListener('abort', onStop);
    s.destroy();
  }
  stop?.check();
  if (seen !== size) throw new BagReadError(`${p} holds ${seen} bytes, not the ${size} the pack declares`);
  if (want !== null && crc >>> 0 !== want >>> 0) {
    throw new BagReadError(`${p}: its CRC-32 in the ZIP does not match its bytes (the ZIP is damaged or altered)`);
  }
}

/** A whole small file, or a one-line reason it cannot be read. */
export async function readSmall(
  r: BagReader,
  p: string,
  max: number,
  stop?: Stopper,
): Promise<{ bytes: Buffer } | { missing: true } | { error: string }> {
  const size = r.files.get(p);
  if (size === undefined) return { missing: true };
  if (size > max) return { error: `${p} is too large (${size} bytes; at most ${max} are read)` };
  const parts: Buffer[] = [];
  try {
    await consume(r, p, (c) => parts.push(c), stop);
  } catch (e) {
    if (e instanceof VaultError) throw e;
    return { error: e instanceof BagReadError ? e.message : `${p} could not be read (${(e as Error).message})` };
  }
  return { bytes: Buffer.concat(parts) };
}
