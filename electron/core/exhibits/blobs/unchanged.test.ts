/**
 * What an import notices and what a read leaves behind: a file rewritten mid-import with its mtime
 * put back is refused (its ctime moved), and reading a blob back does not update its access time
 * (O_NOATIME where the system allows), so the vault folder does not show which exhibit was viewed.
 */
import { randomBytes } from 'node:crypto';
import {
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultError } from '../../../../shared/errors.js';
import { BLOB_CHUNK_BYTES, importBlobFromFile, openBlobStream, verifyBlob, type BlobContext } from './index.js';

let work = '';
let ctx: BlobContext;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ev-unchanged-'));
  ctx = { dir: join(work, 'blobs'), key: randomBytes(32) };
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const T = 1_700_000_000; // whole seconds: utimes puts them back exactly

describe('a file rewritten during its import', () => {
  it('with its size and mtime put back is FILE_CHANGED, and nothing is stored', async () => {
    const p = join(work, 'letter.bin');
    const size = 3 * BLOB_CHUNK_BYTES + 99;
    writeFileSync(p, randomBytes(size));
    utimesSync(p, T, T);
    let rewritten = false;
    const err = await importBlobFromFile(ctx, p, {
      onProgress: () => {
        if (rewritten) return;
        rewritten = true;
        const fd = openSync(p, 'r+');
        writeSync(fd, randomBytes(1024), 0, 1024, size - 1024); // same size, other bytes at the end
        closeSync(fd);
        utimesSync(p, T, T);
      },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(rewritten).toBe(true);
    expect(statSync(p).mtimeMs).toBe(T * 1000);
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe('FILE_CHANGED');
    expect((err as VaultError).message).toContain('letter.bin');
    expect(readdirSync(ctx.dir)).toEqual([]);
  });
});

describe('reading a blob back', () => {
  it('leaves its access time as it was', async (c) => {
    // Only meaningful where a read updates atime at all (relatime does when atime < mtime).
    const probe = join(work, 'probe');
    writeFileSync(probe, 'x');
    utimesSync(probe, T, T + 1);
    readFileSync(probe);
    if (statSync(probe).atimeMs === T * 1000) c.skip();

    const p = join(work, 'photo.bin');
    writeFileSync(p, randomBytes(BLOB_CHUNK_BYTES + 5));
    const info = await importBlobFromFile(ctx, p);
    const blob = join(ctx.dir, info.blobId);
    utimesSync(blob, T, T + 1);
    const expected = { size: info.size, sha256: info.sha256 };
    expect(await verifyBlob(ctx, info.blobId, expected)).toBeNull();
    for await (const chunk of openBlobStream(ctx, info.blobId, expected)) void chunk;
    expect(statSync(blob).atimeMs).toBe(T * 1000);
  });
});
