/**
 * Helpers of the case-pack channels for the receipt and for checking a pack without a vault:
 * copying a pack this session made to a folder the user chose (a USB stick), never overwriting
 * anything, and putting a pack the window sent as bytes (the browser version) into a private
 * temporary folder to be checked, removed again afterwards.
 */
import { constants } from 'node:fs';
import { copyFile, cp, lstat, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { VaultError } from '../../shared/errors.js';

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

function copyError(e: unknown, folder: string): VaultError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') {
    return new VaultError(
      'DISK_FULL',
      `There is not enough room in “${folder}”: free some space or use a larger USB stick. Nothing was left there.`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new VaultError(
      'FILE_UNREADABLE',
      `The app cannot write to “${folder}” (it may be locked or read-only): choose another folder. Nothing was left there.`,
    );
  }
  if (code === 'EEXIST') {
    return new VaultError(
      'OUTPUT_EXISTS',
      `Something with the pack’s name is already in “${folder}”: choose another folder, or remove it there first. Nothing was copied.`,
    );
  }
  return new VaultError(
    'FILE_UNREADABLE',
    `The case pack could not be copied to “${folder}”: check the USB stick is still in and try again. Nothing was left there.`,
  );
}

/**
 * Copy the pack at `src` (a ZIP file or a folder), and its "<name>.sha256" receipt file when there
 * is one, into `destDir`. Refuses (OUTPUT_EXISTS) when either is already there; removes what it
 * made when the copy fails. Returns the copy's path.
 */
export async function copyPackInto(src: string, destDir: string): Promise<string> {
  const name = path.basename(src);
  const folder = path.basename(destDir) || destDir;
  const target = path.join(destDir, name);
  const sidecar = `${src}.sha256`;
  const withSidecar = await exists(sidecar);
  if (path.resolve(target) === path.resolve(src)) {
    throw new VaultError(
      'OUTPUT_EXISTS',
      `The case pack is already in “${folder}”: choose another folder, such as your USB stick.`,
    );
  }
  if ((await exists(target)) || (withSidecar && (await exists(`${target}.sha256`)))) {
    throw new VaultError(
      'OUTPUT_EXISTS',
      `“${name}” is already in “${folder}”: choose another folder, or remove it there first. Nothing was copied.`,
    );
  }
  const made: string[] = [];
  try {
    const st = await lstat(src);
    if (st.isDirectory()) {
      made.push(target);
      await cp(src, target, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true });
    } else {
      made.push(target);
      await copyFile(src, target, constants.COPYFILE_EXCL);
    }
    if (withSidecar) {
      made.push(`${target}.sha256`);
      await copyFile(sidecar, `${target}.sha256`, constants.COPYFILE_EXCL);
    }
    return target;
  } catch (e) {
    for (const m of made) await rm(m, { recursive: true, force: true }).catch(() => undefined);
    if (e instanceof VaultError) throw e;
    throw copyError(e, folder);
  }
}

/**
 * Write a pack the window sent (one ZIP, or a folder's files by path) into a new private temporary
 * folder. Returns what to verify (the ZIP, or the folder holding bagit.txt nearest the top) and a
 * function that removes it all.
 */
export async function writeUploadedPack(
  files: readonly { path: string; data: Uint8Array }[],
): Promise<{ where: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ev-check-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const root = path.join(dir, 'pack');
    await mkdir(root, { mode: 0o700 });
    const seen = new Set<string>();
    for (const f of files) {
      const to = path.resolve(root, ...f.path.split('/'));
      if (!to.startsWith(root + path.sep))
        throw new VaultError('INVALID_INPUT', 'A file in the pack has a name that cannot be used.');
      if (seen.has(to))
        throw new VaultError('PACK_INVALID', `The pack lists “${f.path}” twice: choose the pack again.`);
      seen.add(to);
      await mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
      await writeFile(to, f.data, { flag: 'wx', mode: 0o600 });
    }
    const first = files[0];
    if (files.length === 1 && first && /\.zip$/i.test(first.path)) {
      return { where: path.resolve(root, ...first.path.split('/')), cleanup };
    }
    const bags = files
      .map((f) => f.path.split('/'))
      .filter((parts) => parts[parts.length - 1] === 'bagit.txt')
      .sort((a, b) => a.length - b.length);
    const top = bags[0];
    if (!top) {
      throw new VaultError(
        'PACK_INVALID',
        files.length === 1
          ? 'That is not a case pack: choose the pack’s ZIP file, or its folder (the one holding bagit.txt).'
          : 'That folder holds no case pack (no bagit.txt): choose the pack’s folder, the one holding bagit.txt.',
      );
    }
    return { where: path.join(root, ...top.slice(0, -1)), cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
