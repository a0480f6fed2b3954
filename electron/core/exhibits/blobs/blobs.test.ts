import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultError, type ErrorCode } from '../../../../shared/errors.js';
import {
  BLOB_CHUNK_BYTES,
  BLOB_HEADER_BYTES,
  importBlobFromFile,
  importBlobFromStream,
  importBlobsFromFiles,
  openBlobStream,
  removeBlobs,
  removeTempFiles,
  unreferencedBlobs,
  verifyBlob,
  type BlobContext,
  type BlobInfo,
} from './index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '../../../..');
import { FIXTURES, FIXTURE_MEDIA_TYPES } from '../../../../test/fixtures.js';

const roots: string[] = [];
let work: string;
let ctx: BlobContext;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ev-blobs-'));
  roots.push(work);
  ctx = { dir: join(work, 'vault', 'blobs'), key: randomBytes(32) };
});
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function sha256sum(path: string): string {
  return execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0] ?? '';
}

function entries(): string[] {
  return existsSync(ctx.dir) ? readdirSync(ctx.dir).sort() : [];
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function failure(p: Promise<unknown>): Promise<VaultError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof VaultError) return e;
    throw new Error(`expected a VaultError, got ${String(e)}`);
  }
  throw new Error('expected a failure, but it succeeded');
}

function file(name: string, bytes: Uint8Array | string): string {
  const p = join(work, name);
  writeFileSync(p, bytes);
  return p;
}

function copyFixture(name: string, as = name): string {
  const p = join(work, as);
  copyFileSync(join(FIXTURES, name), p);
  return p;
}

describe('import and read back', () => {
  it.each(FIXTURE_MEDIA_TYPES)(
    'round-trips the fixture %s byte for byte, with the sha256sum hash and media type %s',
    async (name, type) => {
      const p = copyFixture(name);
      const info = await importBlobFromFile(ctx, p);
      expect(info.blobId).toMatch(/^[0-9a-f]{32}$/);
      expect(info.sha256).toBe(sha256sum(p));
      expect(info.size).toBe(statSync(p).size);
      expect(info.mediaType).toBe(type);
      expect(info.fileModifiedAt).toBe(
        new Date(Number(statSync(p, { bigint: true }).mtimeNs / 1_000_000n)).toISOString(),
      );
      expect(await readAll(openBlobStream(ctx, info.blobId, info))).toEqual(readFileSync(p));
      expect(await verifyBlob(ctx, info.blobId, info)).toBeNull();
      expect(entries()).toEqual([info.blobId]);
      // Nothing of the original is readable in the blob: no 32-byte window of it appears.
      const blob = readFileSync(join(ctx.dir, info.blobId));
      const original = readFileSync(p);
      for (let i = 0; i + 32 <= original.length; i += 7)
        expect(blob.includes(original.subarray(i, i + 32))).toBe(false);
    },
  );

  it('sniffs from the content, not the name: an e-mail renamed .txt is message/rfc822, a PNG named .pdf is image/png', async () => {
    const eml = await importBlobFromFile(ctx, copyFixture('email-2.eml', 'notes.txt'));
    expect(eml.mediaType).toBe('message/rfc822');
    const png = await importBlobFromFile(ctx, copyFixture('post-1.png', 'letter.pdf'));
    expect(png.mediaType).toBe('image/png');
    const txt = await importBlobFromFile(ctx, file('diary.bin', 'Tuesday: the car was scratched again.\n'));
    expect(txt.mediaType).toBe('text/plain');
    const bin = await importBlobFromFile(ctx, file('photo.jpg', randomBytes(5000)));
    expect(bin.mediaType).toBe('application/octet-stream');
  });

  it.each([
    ['several chunks, not a multiple of the chunk size', 3 * BLOB_CHUNK_BYTES + 12345],
    ['exactly two chunks', 2 * BLOB_CHUNK_BYTES],
    ['one byte', 1],
  ])('round-trips a file of %s', async (_label, size) => {
    const p = file('big.bin', randomBytes(size));
    const progress: number[] = [];
    const info = await importBlobFromFile(ctx, p, { onProgress: (p) => progress.push(p.done, p.size) });
    expect(info.size).toBe(size);
    expect(info.sha256).toBe(sha256sum(p));
    const chunks = Math.ceil(size / BLOB_CHUNK_BYTES);
    expect(statSync(join(ctx.dir, info.blobId)).size).toBe(BLOB_HEADER_BYTES + size + chunks * 17);
    expect((await readAll(openBlobStream(ctx, info.blobId, info))).equals(readFileSync(p))).toBe(true);
    expect(progress.at(-2)).toBe(size);
    expect(progress.at(-1)).toBe(size);
  });

  it('imports a batch in order, with one blob per file', async () => {
    const names = ['post-1.png', 'damage.jpg', 'letter.pdf', 'email-1.eml', 'email-2.eml', 'post-2.png'];
    const paths = names.map((n) => copyFixture(n));
    const last = paths.map(() => 0);
    const infos = await importBlobsFromFiles(ctx, paths, { onProgress: (p) => (last[p.file] = p.done) });
    expect(infos.map((i) => i.sha256)).toEqual(paths.map(sha256sum));
    expect(new Set(infos.map((i) => i.blobId)).size).toBe(paths.length);
    expect(entries()).toEqual(infos.map((i) => i.blobId).sort());
    expect(last).toEqual(paths.map((p) => statSync(p).size));
    for (const [i, info] of infos.entries()) {
      expect(await readAll(openBlobStream(ctx, info.blobId, info))).toEqual(readFileSync(paths[i] ?? ''));
    }
  });

  it('a batch with one bad file stores nothing and names that file', async () => {
    const paths = [
      copyFixture('post-1.png'),
      copyFixture('letter.pdf'),
      join(work, 'gone.png'),
      copyFixture('damage.jpg'),
    ];
    const e = await failure(importBlobsFromFiles(ctx, paths));
    expect(e.code).toBe('FILE_MISSING');
    expect(e.message).toContain('gone.png');
    expect(entries()).toEqual([]);
  });

  it('imports from a stream of odd-sized pieces, keeping the given modification time', async () => {
    const bytes = randomBytes(2 * BLOB_CHUNK_BYTES + 777);
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 100_003) pieces.push(bytes.subarray(i, i + 100_003));
    const info = await importBlobFromStream(ctx, {
      name: 'attachment.bin',
      modifiedAt: '2019-11-14T23:59:59-05:00',
      stream: Readable.from(pieces),
    });
    expect(info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(info.size).toBe(bytes.length);
    expect(info.fileModifiedAt).toBe('2019-11-15T04:59:59.000Z');
    expect((await readAll(openBlobStream(ctx, info.blobId, info))).equals(bytes)).toBe(true);
    const eml = await importBlobFromStream(ctx, {
      name: 'forwarded.eml',
      stream: Readable.from([readFileSync(join(FIXTURES, 'email-1.eml'))]),
    });
    expect(eml.mediaType).toBe('message/rfc822');
    expect(Math.abs(Date.parse(eml.fileModifiedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('cancelling a stream import that is waiting for data ends it at once with CANCELLED', async () => {
    const stalled = new Readable({ read() {} }); // sends nothing, never ends
    stalled.push(randomBytes(1000));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const e = await failure(
      importBlobFromStream(ctx, { name: 'live-stream.mp4', stream: stalled }, { signal: ac.signal }),
    );
    expect(e.code).toBe('CANCELLED');
    expect(e.message).toContain('live-stream.mp4');
    expect(entries()).toEqual([]);
  });

  it('a stream that is empty or fails leaves nothing behind', async () => {
    const empty = await failure(importBlobFromStream(ctx, { name: 'nothing.txt', stream: Readable.from([]) }));
    expect(empty.code).toBe('FILE_EMPTY');
    expect(empty.message).toContain('nothing.txt');
    const broken = new Readable({
      read() {
        this.push(randomBytes(BLOB_CHUNK_BYTES + 5));
        this.destroy(new Error('connection reset'));
      },
    });
    const e = await failure(importBlobFromStream(ctx, { name: 'download.pdf', stream: broken }));
    expect(e.code).toBe('FILE_UNREADABLE');
    expect(e.message).toContain('download.pdf');
    expect(entries()).toEqual([]);
  });
});

describe('bad input: a clear error naming the file, and nothing stored', () => {
  async function expectRefused(path: string, code: ErrorCode, mention = path): Promise<VaultError> {
    const e = await failure(importBlobFromFile(ctx, path));
    expect(e.code).toBe(code);
    expect(e.message).toContain(mention);
    expect(e.message.split('\n')).toHaveLength(1);
    expect(entries()).toEqual([]);
    return e;
  }

  it('a missing file is FILE_MISSING, also when a folder on its path is really a file', async () => {
    await expectRefused(join(work, 'no-such-file.png'), 'FILE_MISSING');
    const notDir = file('plain.txt', 'x');
    await expectRefused(join(notDir, 'inside.png'), 'FILE_MISSING');
  });

  it('a folder is FILE_IS_DIRECTORY', async () => {
    mkdirSync(join(work, 'screenshots'));
    await expectRefused(join(work, 'screenshots'), 'FILE_IS_DIRECTORY');
  });

  it('an empty file is FILE_EMPTY', async () => {
    await expectRefused(file('empty.png', ''), 'FILE_EMPTY');
  });

  it('a FIFO, a socket and a device are refused as unreadable (and a FIFO does not hang)', async () => {
    const fifo = join(work, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expectRefused(fifo, 'FILE_UNREADABLE');
    const sock = join(work, 'sock');
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      await expectRefused(sock, 'FILE_UNREADABLE');
    } finally {
      server.close();
    }
    await expectRefused('/dev/null', 'FILE_UNREADABLE');
  });

  it('a file we may not read is FILE_UNREADABLE (root drops to nobody with seteuid for the attempt)', async () => {
    const p = file('secret.png', randomBytes(1000));
    chmodSync(work, 0o755); // so it is the file's own mode that refuses, not the folder's
    chmodSync(p, 0o000);
    const root = process.getuid?.() === 0;
    if (root) process.seteuid?.(65534);
    let e: VaultError;
    try {
      e = await failure(importBlobFromFile(ctx, p));
    } finally {
      if (root) process.seteuid?.(0);
    }
    expect(e.code).toBe('FILE_UNREADABLE');
    expect(e.message).toContain('secret.png');
    expect(e.message).toContain('permission denied');
    expect(entries()).toEqual([]);
  });

  const mutations: [string, (p: string) => void][] = [
    ['grows', (p) => appendFileSync(p, 'more')],
    ['shrinks', (p) => truncateSync(p, 1000)],
    [
      'is rewritten in place (same size, new time)',
      (p) => {
        writeFileSync(p, randomBytes(statSync(p).size));
        utimesSync(p, new Date(), new Date(Date.now() + 5000));
      },
    ],
    ['vanishes', (p) => unlinkSync(p)],
    [
      'is replaced by another file',
      (p) => {
        const other = join(dirname(p), 'other.bin');
        writeFileSync(other, randomBytes(statSync(p).size));
        renameSync(other, p);
      },
    ],
  ];
  it.each(mutations)('a file that %s during the import is FILE_CHANGED', async (_label, mutate) => {
    const p = file('changing.bin', randomBytes(3 * BLOB_CHUNK_BYTES + 99));
    let mutated = false;
    const e = await failure(
      importBlobFromFile(ctx, p, {
        onProgress: () => {
          if (!mutated) mutate(p);
          mutated = true;
        },
      }),
    );
    expect(mutated).toBe(true);
    expect(e.code).toBe('FILE_CHANGED');
    expect(e.message).toContain('changing.bin');
    expect(entries()).toEqual([]);
  });

  it('cancelling mid-way is CANCELLED and stores nothing; an already-aborted signal stores nothing', async () => {
    const p = file('long.bin', randomBytes(4 * BLOB_CHUNK_BYTES));
    const ac = new AbortController();
    const e = await failure(importBlobFromFile(ctx, p, { signal: ac.signal, onProgress: () => ac.abort() }));
    expect(e.code).toBe('CANCELLED');
    expect(e.message).toContain('long.bin');
    expect(entries()).toEqual([]);
    const pre = await failure(importBlobFromFile(ctx, p, { signal: AbortSignal.abort() }));
    expect(pre.code).toBe('CANCELLED');
    const batch = new AbortController();
    const paths = [p, copyFixture('post-1.png'), copyFixture('letter.pdf')];
    const b = await failure(
      importBlobsFromFiles(ctx, paths, { signal: batch.signal, onProgress: () => batch.abort() }),
    );
    expect(b.code).toBe('CANCELLED');
    expect(entries()).toEqual([]);
  });

  it('a full disk (a 2 MiB tmpfs) is DISK_FULL and leaves no temporary file', async (t) => {
    const mnt = join(work, 'small');
    mkdirSync(mnt);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt]);
    if (mounted.status !== 0) {
      t.skip(); // needs root (CAP_SYS_ADMIN); the RLIMIT_FSIZE test below covers the same path
      return;
    }
    try {
      ctx = { dir: join(mnt, 'blobs'), key: ctx.key };
      const p = file('video.bin', randomBytes(5 * BLOB_CHUNK_BYTES));
      const e = await failure(importBlobFromFile(ctx, p));
      expect(e.code).toBe('DISK_FULL');
      expect(e.message).toContain('video.bin');
      expect(entries()).toEqual([]);
      // Space is back and a small import still works afterwards.
      const ok = await importBlobFromFile(ctx, copyFixture('post-1.png'));
      expect(entries()).toEqual([ok.blobId]);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('a size-limited write (RLIMIT_FSIZE, so write() fails with EFBIG) is DISK_FULL and leaves nothing', () => {
    const p = file('recording.bin', randomBytes(3 * BLOB_CHUNK_BYTES));
    const script = join(work, 'child.mts');
    writeFileSync(
      script,
      `import { importBlobFromFile } from ${JSON.stringify(join(HERE, 'index.ts'))};
       import { readdirSync, existsSync } from 'node:fs';
       const dir = ${JSON.stringify(ctx.dir)};
       let out;
       try { await importBlobFromFile({ dir, key: new Uint8Array(32).fill(7) }, ${JSON.stringify(p)}); out = { ok: true }; }
       catch (e) { out = { code: e.code, message: e.message }; }
       out.entries = existsSync(dir) ? readdirSync(dir) : [];
       console.log(JSON.stringify(out));`,
    );
    // ulimit -f counts 1024-byte blocks: 1 MiB, less than the 3 MiB blob.
    const r = spawnSync('bash', ['-c', `ulimit -f 1024; exec "${process.execPath}" --import tsx "${script}"`], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    const out = JSON.parse(line) as { code?: string; message?: string; entries: string[] };
    expect(out.code, r.stderr).toBe('DISK_FULL');
    expect(out.message).toContain('recording.bin');
    expect(out.entries).toEqual([]);
  });
});

describe('tamper detection', () => {
  let info: BlobInfo;
  let blobPath: string;
  let pristine: Buffer;
  const size = 2 * BLOB_CHUNK_BYTES + 5000; // three chunks
  const unit = BLOB_CHUNK_BYTES + 17;

  beforeEach(async () => {
    info = await importBlobFromFile(ctx, file('evidence.bin', randomBytes(size)));
    blobPath = join(ctx.dir, info.blobId);
    pristine = readFileSync(blobPath);
  });

  async function expectTampered(
    expected = info as { sha256: string; size: number },
    id = info.blobId,
  ): Promise<string> {
    const problem = await verifyBlob(ctx, id, expected);
    expect(problem).toContain(id);
    const e = await failure(readAll(openBlobStream(ctx, id, expected)));
    expect(e.code).toBe('TAMPERED');
    expect(e.message).toContain(id);
    return problem ?? '';
  }

  const flips: [string, number][] = [
    ['the magic', 1],
    ['the chunk size', 5],
    ['the secretstream header', 8 + 10],
    ['the first chunk', BLOB_HEADER_BYTES + 3],
    ['the second chunk', BLOB_HEADER_BYTES + unit + 1000],
    ['the third (last) chunk', BLOB_HEADER_BYTES + 2 * unit + 10],
    ['the first MAC', BLOB_HEADER_BYTES + unit - 1],
    ['the last byte', -1],
  ];
  it.each(flips)('flipping a bit in %s is caught', async (_label, at) => {
    const bytes = Buffer.from(pristine);
    const i = at < 0 ? bytes.length + at : at;
    bytes[i] = (bytes[i] ?? 0) ^ 0x10;
    writeFileSync(blobPath, bytes);
    await expectTampered();
  });

  it('truncation (by a byte, or by the whole last chunk) and appended data are caught', async () => {
    writeFileSync(blobPath, pristine.subarray(0, pristine.length - 1));
    expect(await expectTampered()).toMatch(/truncated/);
    writeFileSync(blobPath, pristine.subarray(0, BLOB_HEADER_BYTES + 2 * unit));
    expect(await expectTampered()).toMatch(/truncated/);
    writeFileSync(blobPath, Buffer.concat([pristine, Buffer.from([0])]));
    expect(await expectTampered()).toMatch(/extra data/);
    // A truncated blob with a matching (lowered) recorded size still fails: no final chunk.
    writeFileSync(blobPath, pristine.subarray(0, BLOB_HEADER_BYTES + 2 * unit));
    await expectTampered({ sha256: info.sha256, size: 2 * BLOB_CHUNK_BYTES });
  });

  it('swapping two blob files (same size) is caught: each chunk is bound to its blob id', async () => {
    const other = await importBlobFromFile(ctx, file('other.bin', randomBytes(size)));
    const otherPath = join(ctx.dir, other.blobId);
    const a = readFileSync(blobPath);
    const b = readFileSync(otherPath);
    writeFileSync(blobPath, b);
    writeFileSync(otherPath, a);
    expect(await expectTampered()).toMatch(/authentication/);
    await expectTampered(other, other.blobId);
  });

  it('a wrong recorded hash or size, a wrong key, and a missing file are caught', async () => {
    expect(await expectTampered({ sha256: '0'.repeat(64), size })).toMatch(/SHA-256/);
    await expectTampered({ sha256: info.sha256, size: size + 1 });
    ctx = { dir: ctx.dir, key: randomBytes(32) };
    await expectTampered();
    unlinkSync(blobPath);
    expect(await expectTampered()).toMatch(/missing/);
  });

  it('a reader that stops early releases everything, and the blob still verifies', async () => {
    const stream = openBlobStream(ctx, info.blobId, info);
    for await (const chunk of stream) {
      expect((chunk as Buffer).length).toBe(BLOB_CHUNK_BYTES);
      break; // destroys the stream
    }
    expect(stream.destroyed).toBe(true);
    expect(await verifyBlob(ctx, info.blobId, info)).toBeNull();
  });

  it('the untouched blob still verifies', async () => {
    expect(await verifyBlob(ctx, info.blobId, info)).toBeNull();
  });
});

describe('removal and temp-file clean-up', () => {
  it('an import killed mid-way leaves only a temporary file, which the temp-file clean-up removes', async () => {
    const p = file('long-video.bin', randomBytes(48 * BLOB_CHUNK_BYTES));
    const before = await importBlobFromFile(ctx, copyFixture('post-1.png'));
    const script = join(work, 'killed.mts');
    writeFileSync(
      script,
      `import { importBlobFromFile } from ${JSON.stringify(join(HERE, 'index.ts'))};
       let told = false;
       await importBlobFromFile({ dir: ${JSON.stringify(ctx.dir)}, key: new Uint8Array(32).fill(1) }, ${JSON.stringify(p)}, {
         onProgress: ({ done }) => { if (!told && done >= ${4 * BLOB_CHUNK_BYTES}) { told = true; console.log('importing'); } },
       });
       console.log('finished');`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('importing')) child.kill('SIGKILL');
    });
    await closed;
    expect(output).toContain('importing');
    expect(output).not.toContain('finished');
    const left = entries();
    expect(left.filter((n) => n.startsWith('.tmp-'))).toHaveLength(1);
    expect(left.filter((n) => !n.startsWith('.tmp-'))).toEqual([before.blobId]);
    expect(await removeTempFiles(ctx.dir)).toBe(1);
    expect(entries()).toEqual([before.blobId]);
  });

  it('recreates the blob folder if it disappeared between imports', async () => {
    await importBlobFromFile(ctx, copyFixture('post-1.png'));
    rmSync(ctx.dir, { recursive: true });
    const info = await importBlobFromFile(ctx, copyFixture('letter.pdf'));
    expect(entries()).toEqual([info.blobId]);
  });

  it('removes given blobs, ignores missing ones, removes leftover temporary files and only lists unreferenced blobs', async () => {
    const a = await importBlobFromFile(ctx, copyFixture('post-1.png'));
    const b = await importBlobFromFile(ctx, copyFixture('letter.pdf'));
    const c = await importBlobFromFile(ctx, copyFixture('damage.jpg'));
    writeFileSync(join(ctx.dir, '.tmp-0123456789abcdef'), randomBytes(100)); // an interrupted import
    writeFileSync(join(ctx.dir, 'README'), 'not ours');
    expect(await unreferencedBlobs(ctx.dir, new Set([a.blobId, c.blobId]))).toEqual([b.blobId]);
    expect(await removeTempFiles(ctx.dir)).toBe(1);
    expect(entries()).toEqual(['README', a.blobId, b.blobId, c.blobId].sort());
    await removeBlobs(ctx, [c.blobId, b.blobId]);
    expect(entries()).toEqual(['README', a.blobId].sort());
    expect(await verifyBlob(ctx, a.blobId, a)).toBeNull();
    expect(await removeTempFiles(join(work, 'nowhere'))).toBe(0);
    expect(await unreferencedBlobs(join(work, 'nowhere'), new Set())).toEqual([]);
  });
});

afterAll(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});
