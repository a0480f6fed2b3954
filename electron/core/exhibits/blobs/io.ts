/**
 * File I/O for the blob store: a raw descriptor with promise-wrapped reads, writes and fsyncs, and the
 * directory helpers (create once, fsync).
 */
import { randomBytes } from 'node:crypto';
import fs, { constants as fsc } from 'node:fs';
import { join } from 'node:path';

/**
 * A raw file descriptor with promise-wrapped I/O. Data goes through the thread pool (async); the cheap
 * metadata calls (open, fstat, rename, close) are synchronous: for a batch of small files they are most
 * of the work, and a thread-pool round trip costs more than the call. close() waits for every operation
 * still in flight, so a descriptor number is never reused under a pending read or write.
 */
export class Fd {
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;
  constructor(readonly fd: number) {}

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    const done = (): void => void this.pending.delete(p);
    p.then(done, done);
    return p;
  }

  read(buf: Uint8Array, off: number, len: number, pos: number): Promise<number> {
    return this.track(
      new Promise<number>((resolve, reject) =>
        fs.read(this.fd, buf, off, len, pos, (e, n) => (e ? reject(e) : resolve(n))),
      ),
    );
  }

  write(parts: Uint8Array[], pos: number): Promise<number> {
    return this.track(
      new Promise<number>((resolve, reject) => {
        const cb = (e: NodeJS.ErrnoException | null, n: number): void => (e ? reject(e) : resolve(n));
        const only = parts.length === 1 ? parts[0] : undefined;
        if (only) fs.write(this.fd, only, 0, only.length, pos, cb);
        else fs.writev(this.fd, parts, pos, cb);
      }),
    );
  }

  sync(dataOnly = false): Promise<void> {
    return this.track(
      new Promise<void>((resolve, reject) =>
        (dataOnly ? fs.fdatasync : fs.fsync)(this.fd, (e) => (e ? reject(e) : resolve())),
      ),
    );
  }

  /** Waits for operations in flight, then closes; throws only if close(2) itself fails. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.pending]);
    fs.closeSync(this.fd);
  }

  async closeQuietly(): Promise<void> {
    await this.close().catch(() => undefined);
  }
}

const knownDirs = new Set<string>();
export function ensureDir(dir: string): void {
  if (knownDirs.has(dir)) return;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  knownDirs.add(dir);
}
/** The folder went away since we last made it: ensureDir makes it again. */
export function forgetDir(dir: string): void {
  knownDirs.delete(dir);
}

export async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a folder to fsync it (and NTFS journals renames itself).
  if (process.platform === 'win32') return;
  const d = new Fd(fs.openSync(dir, fsc.O_RDONLY | fsc.O_DIRECTORY));
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

export async function writeAll(f: Fd, parts: Uint8Array[], position: number): Promise<void> {
  let pending = parts.filter((p) => p.length > 0);
  let pos = position;
  while (pending.length > 0) {
    const want = pending.reduce((a, p) => a + p.length, 0);
    const written = await f.write(pending, pos);
    if (written <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    pos += written;
    if (written === want) return;
    // A short write: carry on from where it stopped.
    let skip = written;
    const rest: Uint8Array[] = [];
    for (const p of pending) {
      if (skip >= p.length) skip -= p.length;
      else {
        rest.push(skip > 0 ? p.subarray(skip) : p);
        skip = 0;
      }
    }
    pending = rest;
  }
}

export function newTempPath(dir: string): string {
  return join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
}

export function unlinkQuietly(p: string): void {
  try {
    fs.unlinkSync(p);
  } catch {
    /* already gone */
  }
}
