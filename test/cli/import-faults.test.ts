/**
 * Issue 2, "Bad input" at import time, against the built binary and a real 256 MiB file:
 * a file that changes or vanishes while it is imported; a disk that fills up (a real small tmpfs
 * when we may mount one, and a size-limited write via RLIMIT_FSIZE); a second process opening
 * the same vault; and a process killed (SIGKILL) at many moments of an import. After each: one
 * clear line (or a kill), the vault opens, check passes, and no half exhibit is listed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, type TestContext } from 'vitest';
import { Vault } from '../../electron/core/index.js';
import {
  CLI,
  FIXTURES,
  PASSPHRASE,
  addIncident,
  assertBuilt,
  expectCheckPasses,
  expectOneLineError,
  finished,
  initVault,
  listJson,
  removeDir,
  run,
  start,
  startCommand,
  tempDir,
  vaultState,
  type CollectingChild,
  type ListedIncident,
  type RunResult,
} from './helpers.js';

const MiB = 1024 * 1024;
const BIG_MIB = 256;

let work = '';
let big = '';
let bigSha = '';

/** A file of `mib` MiB of random data, written a MiB at a time; returns its SHA-256. */
function writeBigFile(file: string, mib: number): string {
  const hash = createHash('sha256');
  const chunk = randomBytes(MiB);
  const fd = openSync(file, 'w');
  try {
    for (let i = 0; i < mib; i++) {
      chunk.writeUInt32LE(i, 0); // every MiB differs
      writeSync(fd, chunk);
      hash.update(chunk);
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

type Child = CollectingChild;

/** Resolves when the child's --progress output reaches `pct` percent (or rejects if it ends first). */
function progressReached(child: Child, pct: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const seen = () => {
      for (const m of child.err.matchAll(/: (\d+)% \(/g)) if (Number(m[1]) >= pct) return true;
      return false;
    };
    if (seen()) return resolve();
    const onData = () => {
      if (seen()) {
        child.stderr?.off('data', onData);
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    void child.result.then(() => reject(new Error(`ended before ${pct}%: ${child.err}`)));
  });
}

function blobDirEntries(vault: string): string[] {
  return readdirSync(path.join(vault, 'blobs'), { recursive: true }).map(String).sort();
}

function tempBlobs(vault: string): string[] {
  return blobDirEntries(vault).filter((n) => path.basename(n).startsWith('.tmp'));
}

/** No exhibit is half there: every listed copy of the big file is whole, with the right hash. */
function expectNoHalfExhibit(list: ListedIncident[]): number {
  let whole = 0;
  for (const incident of list) {
    for (const x of incident.exhibits) {
      if (x.name !== path.basename(big)) continue;
      expect(x.size).toBe(BIG_MIB * MiB);
      expect(x.sha256).toBe(bigSha);
      whole += 1;
    }
  }
  return whole;
}

beforeAll(async () => {
  assertBuilt();
  work = tempDir();
  big = path.join(work, 'big-evidence.bin');
  bigSha = writeBigFile(big, BIG_MIB);
}, 60_000);
afterAll(() => removeDir(work));

describe('a file that changes or vanishes while it is imported', () => {
  let vault = '';
  let incidentId = '';
  let before: VaultState;
  let blobsBefore: string[] = [];
  beforeAll(async () => {
    vault = path.join(work, 'changes');
    await initVault(vault);
    incidentId = await addIncident(vault);
    before = await vaultState(vault);
    blobsBefore = blobDirEntries(vault);
  });

  const cases: [string, (file: string) => void, RegExp][] = [
    ['grows (appended to by another writer)', (f) => appendFileSync(f, 'more bytes'), /changed size|grew|was modified/],
    ['shrinks (truncated)', (f) => truncateSync(f, 10 * MiB), /changed size|became shorter/],
    [
      'is modified in place',
      (f) => {
        const fd = openSync(f, 'r+');
        writeSync(fd, Buffer.from('tampered'), 0, 8, 5 * MiB);
        closeSync(fd);
      },
      /was modified/,
    ],
    ['vanishes (deleted)', (f) => unlinkSync(f), /was deleted or moved/],
  ];

  test.each(cases)('attach: the file %s → exit 4, nothing added', async (_what, change, pattern) => {
    const file = path.join(work, 'changing.bin');
    copyFileSync(big, file);
    const child = start(['attach', vault, incidentId, file, '--progress']);
    await progressReached(child, 5);
    change(file);
    const r = await finished(child);
    const errLines = r.stderr.split('\n').filter((l) => l.startsWith('evidence-vault:'));
    expect(errLines, r.stderr).toHaveLength(1);
    expect(errLines[0]).toMatch(pattern);
    expect(errLines[0]).toMatch(/changing\.bin/);
    expect(r.code).toBe(4);
    expect(await vaultState(vault)).toEqual(before);
    expect(blobDirEntries(vault)).toEqual(blobsBefore);
    rmSync(file, { force: true });
  });

  test('add --attach: the file changes → exit 4, no incident left behind, custody log honest', async () => {
    const file = path.join(work, 'changing.bin');
    copyFileSync(big, file);
    const child = start([
      'add',
      vault,
      '--title',
      'All or nothing',
      '--occurred-at',
      '2024-03-01',
      '--attach',
      file,
      '--progress',
    ]);
    await progressReached(child, 5);
    appendFileSync(file, 'more');
    const r = await finished(child);
    expect(r.code).toBe(4);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('evidence-vault:'))).toHaveLength(1);
    const after = await vaultState(vault);
    expect(after.list).toEqual(before.list);
    // add is one action: neither the incident nor anything of it was kept or logged.
    expect(after.log).toEqual(before.log);
    await expectCheckPasses(vault);
    rmSync(file, { force: true });
  });
});

/** Mount a small tmpfs at dir (root only); false when this machine does not allow it. */
function mountTmpfs(dir: string, mib: number): boolean {
  if (process.getuid?.() !== 0) return false;
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m,mode=0700`, 'tmpfs', dir]).status === 0;
}

/** `add` with the big file attached, showing progress. */
function startAddBig(vault: string, title: string): Child {
  return start(['add', vault, '--title', title, '--occurred-at', '2024-04-01', '--attach', big, '--progress']);
}

/** A new vault at `vault` with one incident. */
async function freshVault(vault: string): Promise<{ vault: string; id: string }> {
  await initVault(vault);
  return { vault, id: await addIncident(vault) };
}
type VaultState = Awaited<ReturnType<typeof vaultState>>;

describe('a disk that fills up during an import', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts) spawnSync('umount', ['-l', m]);
  });
  /** A tmpfs of `mib` MiB at work/name; the test is skipped where we may not mount one. */
  function smallDisk(ctx: TestContext, name: string, mib: number): string {
    const mnt = path.join(work, name);
    if (!mountTmpfs(mnt, mib)) ctx.skip();
    mounts.push(mnt);
    return mnt;
  }

  async function expectDiskFullRefused(
    vault: string,
    r: RunResult,
    before: VaultState,
    expectedLogAdditions: string[] = [],
  ) {
    expectOneLineError(r, 5, /disk is full.*nothing was (imported|changed|kept)/);
    const after = await vaultState(vault);
    expect(after.list).toEqual(before.list);
    // Nothing imported, nothing created: the log is as it was.
    const added = after.log.slice(before.log.length).map((e) => `${e.action} ${e.subjectKind}`);
    expect(added).toEqual(expectedLogAdditions);
    expect(after.log.slice(0, before.log.length)).toEqual(before.log);
    expect(tempBlobs(vault)).toEqual([]);
    await expectCheckPasses(vault);
  }

  test('a real 48 MiB tmpfs: exit 5, nothing kept, the space given back', async (ctx) => {
    const mnt = smallDisk(ctx, 'small-disk', 48);
    const { vault, id } = await freshVault(path.join(mnt, 'vault'));
    const before = await vaultState(vault);
    const used = () => Number(execFileSync('df', ['-B1', '--output=used', mnt]).toString().split('\n')[1]);
    const usedBefore = used();
    // The 256 MiB file cannot fit: attach fails cleanly ...
    await expectDiskFullRefused(vault, await run(['attach', vault, id, big]), before);
    // ... and add --attach adds no incident either (all or nothing).
    const add = await run(['add', vault, '--title', 'Too big', '--occurred-at', '2024-02-02', '--attach', big]);
    await expectDiskFullRefused(vault, add, before);
    expect(used()).toBeLessThanOrEqual(usedBefore + 2 * MiB);
  });

  test('files sized around the free space (the blob or the database commit fills the disk): whole or nothing', async (ctx) => {
    const mnt = smallDisk(ctx, 'edge-disk', 16);
    const { vault, id } = await freshVault(path.join(mnt, 'vault'));
    const before = await vaultState(vault);
    const avail = Number(execFileSync('df', ['-B1', '--output=avail', mnt]).toString().split('\n')[1]);
    const file = path.join(work, 'edge.bin');
    const failures: string[] = [];
    let attached = 0;
    for (const pages of [0, 3, 5, 6, 7, 8, 12, 32]) {
      const size = avail - pages * 4096;
      writeFileSync(file, randomBytes(size));
      const r = await run(['attach', vault, id, file]);
      if (r.code === 0) {
        attached = size;
        break;
      }
      expectOneLineError(r, 5, /disk .*is full.*nothing was (imported|changed)/);
      failures.push(r.stderr.trim());
      expect((await listJson(vault))[0]?.exhibits).toEqual([]);
      expect(tempBlobs(vault)).toEqual([]);
    }
    expect(failures.length).toBeGreaterThan(0);
    expect(attached).toBeGreaterThan(0);
    // The disk is now (nearly) full. Opening the vault writes a custody entry, so it may be
    // refused until there is room: with one clear line, never a crash.
    const full = await run(['list', vault, '--json']);
    if (full.code !== 0) expectOneLineError(full, 5, /disk .*is full/);
    // Give the file system room again: everything is there, whole.
    expect(spawnSync('mount', ['-o', 'remount,size=32m', mnt]).status).toBe(0);
    const after = await vaultState(vault);
    expect(after.list[0]?.exhibits.map((x) => x.size)).toEqual([attached]);
    // Only the one successful import was recorded.
    expect(after.log.slice(before.log.length).map((e) => e.action)).toEqual(['import']);
    await expectCheckPasses(vault);
  });

  test('a size-limited write (RLIMIT_FSIZE 32 MiB): exit 5, nothing kept', async () => {
    const { vault, id } = await freshVault(path.join(work, 'fsize'));
    const before = await vaultState(vault);
    // bash: ignore SIGXFSZ so the write fails with EFBIG instead of killing the process.
    const script = `trap '' XFSZ; ulimit -f ${32 * 1024}; exec "$0" "$@"`;
    const r = await finished(startCommand('bash', ['-c', script, process.execPath, CLI, 'attach', vault, id, big]));
    await expectDiskFullRefused(vault, r, before);
  });
});

describe('a second process opening the same vault', () => {
  const refused = /open in another Evidence Vault window or process/;
  const commands = (vault: string, id: string) => [
    ['list', vault],
    ['check', vault],
    ['attach', vault, id, path.join(FIXTURES, 'post-1.png')],
    ['add', vault, '--title', 'x', '--occurred-at', '2024-01-01'],
  ];

  test('is refused clearly while another process holds the vault open, changing nothing', async () => {
    const { vault, id } = await freshVault(path.join(work, 'held'));
    const before = await vaultState(vault);
    // This test process holds the vault open through the core, as the app would.
    const held = await Vault.open(vault, { passphrase: PASSPHRASE });
    try {
      for (const args of commands(vault, id)) expectOneLineError(await run(args), 3, refused);
    } finally {
      held.close();
    }
    const after = await vaultState(vault);
    expect(after.list).toEqual(before.list);
    expect(after.log.slice(0, before.log.length)).toEqual(before.log);
    expect(after.log.length).toBe(before.log.length);
  });

  test('is refused while a CLI import runs, and the import completes', async () => {
    const { vault, id } = await freshVault(path.join(work, 'shared'));
    const first = start(['attach', vault, id, big, '--progress']);
    await progressReached(first, 5);
    const r = await run(['list', vault]);
    const firstEndedBefore = first.exitCode !== null || first.signalCode !== null;
    if (r.code === 0) {
      // Only possible if the import had already finished: never two processes in one vault.
      expect(firstEndedBefore).toBe(true);
    } else {
      expectOneLineError(r, 3, refused);
    }
    const done = await finished(first);
    expect(done.code, done.stderr).toBe(0);
    expect(expectNoHalfExhibit(await listJson(vault))).toBe(1);
  });
});

describe('an import interrupted with Ctrl-C (SIGINT) or SIGTERM', () => {
  test('stops cleanly: exit 130, one line, nothing kept; add takes its incident away again', async () => {
    const { vault, id } = await freshVault(path.join(work, 'interrupted'));
    const before = await vaultState(vault);
    const child = start(['attach', vault, id, big, '--progress']);
    await progressReached(child, 20);
    child.kill('SIGINT');
    const r = await finished(child);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('evidence-vault:'));
    expect(errors, r.stderr).toHaveLength(1);
    expect(errors[0]).toMatch(/cancelled; nothing was (stored|added|kept)/);
    expect(r.code).toBe(130);
    expect(await vaultState(vault)).toEqual(before);

    const add = startAddBig(vault, 'Interrupted');
    await progressReached(add, 20);
    add.kill('SIGTERM');
    const r2 = await finished(add);
    expect(r2.code, r2.stderr).toBe(130);
    const after = await vaultState(vault);
    // add is one action: interrupted, it leaves neither the incident nor its exhibit.
    expect(after).toEqual(before);
    expect(tempBlobs(vault)).toEqual([]);
    await expectCheckPasses(vault);
  });
});

describe('a process killed at any point of an import', () => {
  /** After a kill: the vault opens, check passes; returns how many whole copies of the big file are listed. */
  async function afterKill(vault: string, label: string, child: Child): Promise<number> {
    const r = await finished(child);
    // Killed, or (for the kills just after 100%) already finished with success.
    if (r.signal !== 'SIGKILL') expect(r.code, `${label}: ${r.stderr}`).toBe(0);
    const list = await listJson(vault); // the vault opens and lists
    await expectCheckPasses(vault);
    return expectNoHalfExhibit(list);
  }

  test('attach killed at 12 moments from start-up to the last byte: opens, checks, nothing half there', async () => {
    const { vault, id } = await freshVault(path.join(work, 'killed'));
    // Before the import reads anything (start-up, unlock), then every tenth of the way.
    for (const ms of [40, 150]) {
      const child = start(['attach', vault, id, big, '--progress']);
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGKILL');
      expect(await afterKill(vault, `${ms} ms`, child)).toBe(0);
    }
    for (const pct of [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]) {
      const child = start(['attach', vault, id, big, '--progress']);
      await progressReached(child, pct);
      child.kill('SIGKILL');
      expect(await afterKill(vault, `${pct}%`, child)).toBe(0);
    }
    // Killed imports leave no temporary blobs behind once the vault has been opened again.
    expect(tempBlobs(vault)).toEqual([]);
  }, 120_000);

  test('attach killed at 100% (during fsync, rename, commit) and just after: all there or not at all', async () => {
    for (const delay of [0, 10, 40]) {
      const { vault, id } = await freshVault(path.join(work, `killed-late-${delay}`));
      const child = start(['attach', vault, id, big, '--progress']);
      await progressReached(child, 100);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      expect(await afterKill(vault, `100% + ${delay} ms`, child)).toBeLessThanOrEqual(1);
      expect(tempBlobs(vault)).toEqual([]);
      removeDir(vault);
    }
  }, 60_000);

  test('add --attach killed mid-import: no half exhibit; the vault opens and checks', async () => {
    const { vault } = await freshVault(path.join(work, 'killed-add'));
    for (const pct of [10, 50, 90]) {
      const child = startAddBig(vault, `killed at ${pct}%`);
      await progressReached(child, pct);
      child.kill('SIGKILL');
      expect(await afterKill(vault, `add ${pct}%`, child)).toBe(0);
    }
    expect(tempBlobs(vault)).toEqual([]);
  }, 60_000);

  test('add --attach killed mid-import or mid-commit leaves no incident behind', async () => {
    const { vault } = await freshVault(path.join(work, 'killed-add-atomic'));
    const before = await vaultState(vault);
    for (const pct of [0, 50, 100]) {
      const child = startAddBig(vault, `atomic ${pct}%`);
      await progressReached(child, pct);
      child.kill('SIGKILL');
      const r = await finished(child);
      const after = await vaultState(vault);
      if (r.signal === 'SIGKILL' && after.list.length === before.list.length) {
        // Killed before the commit: no incident, no exhibit, nothing in the custody log but unlocks.
        expect(after).toEqual(before);
      } else {
        // Committed just before the kill: the incident is there with its whole exhibit.
        const added = after.list.find((i) => i.title === `atomic ${pct}%`);
        expect(added?.exhibits).toHaveLength(1);
        before.list = after.list;
        before.log = after.log;
      }
      await expectCheckPasses(vault);
    }
    expect(tempBlobs(vault)).toEqual([]);
  }, 60_000);
});
