/**
 * Issue 11, Medium 6: a killed export leaves nothing behind. The built CLI exports a vault with a
 * 128 MiB exhibit and is killed (SIGKILL) half-way; the next command on the vault removes the
 * hidden `.NAME.partial-*` folder or ZIP it left (the vault recorded its path before the first
 * byte), says so in one line, and touches nothing else: a user's file of a similar name stays.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addIncident,
  assertBuilt,
  expectCheckPasses,
  finished,
  initVault,
  removeDir,
  run,
  start,
  tempDir,
  type CollectingChild,
} from './helpers.js';

const MiB = 1 << 20;
const BIG_MIB = 128;

let work = '';
let vault = '';

function writeBigFile(file: string, mib: number): void {
  const fd = openSync(file, 'w');
  try {
    for (let i = 0; i < mib; i += 1) writeSync(fd, randomBytes(MiB));
  } finally {
    closeSync(fd);
  }
}

/** Resolves once the export's progress on stderr has reached pct percent of the exhibit bytes. */
function progressReached(child: CollectingChild, pct: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const seen = () => [...child.err.matchAll(/: (\d+)% \(/g)].some((m) => Number(m[1]) >= pct);
    if (seen()) return resolve();
    const onData = () => {
      if (!seen()) return;
      child.stderr?.off('data', onData);
      resolve();
    };
    child.stderr?.on('data', onData);
    void child.result.then(() => reject(new Error(`the export ended before ${pct}%: ${child.err}`)));
  });
}

function partials(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.includes('.partial-'))
    .sort();
}

beforeAll(async () => {
  assertBuilt();
  work = tempDir('ev-leftovers-');
  vault = path.join(work, 'vault');
  await initVault(vault);
  const id = await addIncident(vault);
  const big = path.join(work, 'big-evidence.bin');
  writeBigFile(big, BIG_MIB);
  const r = await run(['attach', vault, id, big]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => removeDir(work));

describe('an export killed half-way', () => {
  for (const format of ['folder', 'zip'] as const) {
    test(`${format}: the next command removes the unfinished pack, says so, and leaves everything else`, async () => {
      const packs = path.join(work, `packs-${format}`);
      mkdirSync(packs);
      const name = format === 'zip' ? 'pack.zip' : 'pack';
      // A user's own files of similar names, beside where the pack goes: never the vault's to remove.
      const decoys = [`.${name}.partial-deadbeef`, `${name}.partial-0badf00d`, `.${name}.partial-notes.txt`];
      for (const d of decoys) writeFileSync(path.join(packs, d), 'mine\n');

      const child = start([
        'export',
        vault,
        '--out',
        path.join(packs, name),
        '--initials',
        'AB',
        '--progress',
        ...(format === 'zip' ? ['--zip'] : []),
      ]);
      await progressReached(child, 30);
      child.kill('SIGKILL');
      const killed = await finished(child);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      const left = partials(packs).filter((n) => !decoys.includes(n));
      expect(left, 'the kill left an unfinished pack to clean up').toHaveLength(1);

      // Any command on the vault: it removes what the export left, and says so in one line.
      const r = await run(['list', vault]);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^evidence-vault: Removed an unfinished case pack left by an export that was stopped: /);
      expect(lines[0]).toContain(path.join(packs, left[0] ?? ''));
      expect(existsSync(path.join(packs, left[0] ?? ''))).toBe(false);
      // Nothing else was touched: the user's files of similar names stay, and no pack was made.
      expect(partials(packs)).toEqual([...decoys].sort());
      expect(existsSync(path.join(packs, name))).toBe(false);

      // Said once: the next command has nothing to say, and the vault checks clean.
      const again = await run(['list', vault]);
      expect(again.stderr).toBe('');
      await expectCheckPasses(vault);
    }, 120_000);
  }

  test('both (the folder and its ZIP): the next command removes both unfinished halves, and nothing else', async () => {
    const packs = path.join(work, 'packs-both');
    mkdirSync(packs);
    writeFileSync(path.join(packs, 'my-notes.txt'), 'mine\n');
    const child = start(['export', vault, '--out', packs, '--both', '--initials', 'AB', '--progress']);
    await progressReached(child, 30);
    child.kill('SIGKILL');
    const killed = await finished(child);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const left = partials(packs);
    expect(left, 'the kill left the folder and the ZIP unfinished').toHaveLength(2);
    const r = await run(['list', vault]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length, r.stderr).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^evidence-vault: Removed an unfinished case pack/);
    for (const n of left) expect(r.stderr).toContain(path.join(packs, n));
    expect(readdirSync(packs)).toEqual(['my-notes.txt']);
    expect((await run(['list', vault])).stderr).toBe('');
    await expectCheckPasses(vault);
  }, 120_000);

  test('an export that finishes leaves no record behind: the next command says nothing', async () => {
    const packs = path.join(work, 'packs-done');
    const r = await run(['export', vault, '--out', path.join(packs, 'done.zip'), '--initials', 'AB', '--zip']);
    expect(r.code, r.stderr).toBe(0);
    expect(partials(packs)).toEqual([]);
    const after = await run(['list', vault]);
    expect(after.stderr).toBe('');
    await expectCheckPasses(vault);
  }, 120_000);
});
