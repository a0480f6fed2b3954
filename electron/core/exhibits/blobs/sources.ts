/**
 * Where import chunks come from: a file on disk (opened once, read ahead by one chunk, checked for growth
 * and shrinkage) or a stream (coalesced into full chunks). Both yield chunks in shared slots (pool.ts);
 * whoever holds a chunk gives its slot back.
 */
import fs, { constants as fsc, type BigIntStats } from 'node:fs';
import { VaultError } from '../../../../shared/errors.js';
import { asError, BLOB_CHUNK_BYTES, changed, errno, openError } from './format.js';
import { Fd } from './io.js';
import { giveSlot, takeSlot, type Slot } from './pool.js';
import type { Chunk } from './seal.js';

export function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * After the last read: FILE_CHANGED unless the file is still the one opened (`st`, from openSource),
 * unchanged. The ctime counts as well as the size and mtime: a rewrite whose mtime was put back
 * (touch -d, utimes) still moves the ctime, which no program can set.
 */
export function checkUnchanged(f: Fd, path: string, st: BigIntStats): void {
  const now = fs.fstatSync(f.fd, { bigint: true });
  if (now.size !== st.size) throw changed(path, 'changed size');
  const there = fs.statSync(path, { bigint: true, throwIfNoEntry: false });
  if (!there) throw changed(path, 'was deleted or moved');
  if (!sameFile(there, st)) throw changed(path, 'was replaced');
  // After the name checks: deleting or moving a file moves its ctime too, and those say more.
  if (now.mtimeNs !== st.mtimeNs || now.ctimeNs !== st.ctimeNs) throw changed(path, 'was modified');
}

/** Opens a file to import: a regular, non-empty file, or a VaultError naming it. */
export function openSource(path: string): { f: Fd; st: BigIntStats } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not hang waiting for a writer (it is refused below).
    fd = fs.openSync(path, fsc.O_RDONLY | fsc.O_NONBLOCK | fsc.O_NOCTTY);
  } catch (e) {
    throw openError(path, e);
  }
  try {
    const st = fs.fstatSync(fd, { bigint: true });
    if (st.isDirectory())
      throw new VaultError('FILE_IS_DIRECTORY', `Cannot import "${path}": it is a folder, not a file.`);
    if (!st.isFile()) {
      throw new VaultError(
        'FILE_UNREADABLE',
        `Cannot import "${path}": it is not a regular file (a pipe, socket or device).`,
      );
    }
    if (st.size === 0n) throw new VaultError('FILE_EMPTY', `Cannot import "${path}": it is empty.`);
    return { f: new Fd(fd), st };
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      /* the error that matters is e */
    }
    throw e;
  }
}

export async function* fileChunks(f: Fd, name: string, size: number): AsyncGenerator<Chunk, void, undefined> {
  const readAt = async (pos: number): Promise<Chunk> => {
    const len = Math.min(BLOB_CHUNK_BYTES, size - pos);
    const last = pos + len === size;
    // For the last chunk ask for one byte more: getting it means the file grew.
    const want = last ? len + 1 : len;
    const slot = takeSlot();
    try {
      let off = 0;
      while (off < want) {
        let n: number;
        try {
          n = await f.read(slot.plain, off, want - off, pos + off);
        } catch (e) {
          throw new VaultError(
            'FILE_UNREADABLE',
            `Cannot import "${name}": reading it failed (${errno(e) ?? 'error'}).`,
            { cause: e },
          );
        }
        if (n === 0) break;
        off += n;
      }
      if (off < len) throw changed(name, 'became shorter');
      if (off > len) throw changed(name, 'grew');
      return { slot, data: slot.plain.subarray(0, len), final: last };
    } catch (e) {
      giveSlot(slot);
      throw e;
    }
  };
  let pos = 0;
  let next: Promise<Chunk> | undefined = readAt(0);
  try {
    while (next) {
      const current = next;
      const end = pos + Math.min(BLOB_CHUNK_BYTES, size - pos);
      next = end < size ? readAt(end) : undefined;
      next?.catch(() => undefined);
      pos = end;
      const chunk = await current;
      yield chunk; // the consumer owns the chunk's slot from here
    }
  } finally {
    // Abandoned (an error or a cancel downstream): give back the chunk read ahead.
    const ahead = await next?.catch(() => undefined);
    if (ahead) giveSlot(ahead.slot);
  }
}

export async function* streamChunks(
  source: AsyncIterable<unknown>,
  name: string,
): AsyncGenerator<Chunk, void, undefined> {
  // Coalesce the source's pieces into full chunks; hold one back until we know whether it is the last.
  let filling: Slot | undefined = takeSlot();
  let fill = 0;
  let held: Slot | undefined;
  try {
    try {
      for await (const piece of source) {
        const bytes =
          typeof piece === 'string' ? Buffer.from(piece) : piece instanceof Uint8Array ? piece : Buffer.from([]);
        let off = 0;
        while (off < bytes.length) {
          const slot: Slot = filling ?? takeSlot();
          filling = slot;
          const n = Math.min(bytes.length - off, BLOB_CHUNK_BYTES - fill);
          slot.plain.set(bytes.subarray(off, off + n), fill);
          fill += n;
          off += n;
          if (fill === BLOB_CHUNK_BYTES) {
            if (held) {
              const out = held;
              held = undefined;
              yield { slot: out, data: out.plain.subarray(0, BLOB_CHUNK_BYTES), final: false };
            }
            held = slot;
            filling = undefined;
            fill = 0;
          }
        }
      }
    } catch (e) {
      if (e instanceof VaultError) throw e;
      throw new VaultError('FILE_UNREADABLE', `Cannot import "${name}": reading it failed (${asError(e).message}).`, {
        cause: e,
      });
    }
    if (fill > 0 && filling) {
      if (held) {
        const out = held;
        held = undefined;
        yield { slot: out, data: out.plain.subarray(0, BLOB_CHUNK_BYTES), final: false };
      }
      const last = filling;
      filling = undefined;
      yield { slot: last, data: last.plain.subarray(0, fill), final: true };
    } else if (held) {
      const last = held;
      held = undefined;
      yield { slot: last, data: last.plain.subarray(0, BLOB_CHUNK_BYTES), final: true };
    }
  } finally {
    if (filling) giveSlot(filling);
    if (held) giveSlot(held);
  }
}
