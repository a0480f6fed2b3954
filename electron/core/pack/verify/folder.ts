/**
 * A pack folder as a BagReader. Only plain files are read: symbolic links, pipes, devices and
 * sockets are named and never opened, and each file is opened without following a link and
 * without waiting (so one swapped for a pipe after the walk cannot hang the check).
 */
import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { VaultError } from '../../../../shared/errors.js';
import { BagReadError, type BagReader, type ReaderProblem } from './reader.js';
import { LIMITS, type Stopper } from './limits.js';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export async function folderReader(root: string, stop?: Stopper): Promise<BagReader> {
  const files = new Map<string, number>();
  const problems: ReaderProblem[] = [];
  let count = 0;
  const walk = async (dir: string, rel: string): Promise<void> => {
    const ents = await fsp.readdir(dir, { withFileTypes: true });
    for (const ent of ents) {
      stop?.check();
      if (++count > LIMITS.entries) {
        throw new VaultError(
          'PACK_INVALID',
          `The pack folder holds more than ${LIMITS.entries} files and folders; a case pack has far fewer. Refused.`,
        );
      }
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) await walk(full, r);
      else if (ent.isFile()) files.set(r, (await fsp.lstat(full)).size);
      else if (ent.isSymbolicLink())
        problems.push({
          kind: 'extra',
          path: r,
          message: `${r} is a symbolic link; a case pack holds plain files only`,
        });
      else
        problems.push({
          kind: 'extra',
          path: r,
          message: `${r} is not a plain file (a pipe, device or socket); a case pack holds plain files only`,
        });
    }
  };
  await walk(root, '');
  return {
    files,
    problems,
    expectedCrc: () => null,
    open: async (p): Promise<Readable> => {
      const full = path.join(root, ...p.split('/'));
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(full, OPEN_FLAGS);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP' || code === 'EMLINK') throw new BagReadError(`${p} became a symbolic link while checked`);
        throw e;
      }
      const st = await handle.stat().catch(async (e: unknown) => {
        await handle.close();
        throw e;
      });
      if (!st.isFile()) {
        await handle.close();
        throw new BagReadError(`${p} is no longer a plain file`);
      }
      return handle.createReadStream({ highWaterMark: 1 << 20, autoClose: true });
    },
    close: () => Promise.resolve(),
  };
}
