import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { Vault } from './vault.js';
import { PASS, cleanupTemp, errorOf, incident, newVault, tempDir } from '../../test/support/core.js';

const SCRIPT = fileURLToPath(new URL('../../test/support/open-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  cleanupTemp();
});

function start(
  dir: string,
  mode: 'try' | 'hold' | 'import',
  file = '',
): { child: ChildProcess; firstLine: Promise<Record<string, unknown>>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dir, PASS, mode, file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const firstLine = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as Record<string, unknown>);
    });
    child.on('exit', (code) => reject(new Error(`child exited ${code} without output: ${err}`)));
  });
  return { child, firstLine, output: () => out + err };
}

/** SIGKILL, and wait until the process is gone (it may have exited already). */
async function killNow(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('one process at a time', () => {
  test('a second process opening the same vault is refused with VAULT_IN_USE', async () => {
    const { vault, dir } = await newVault();
    vault.createIncident(incident('held'));
    const { firstLine } = start(dir, 'try');
    const res = await firstLine;
    expect(res.code).toBe('VAULT_IN_USE');
    expect(String(res.message)).toMatch(/open in another Evidence Vault window or process/);
    // A second Vault in the same process is refused too.
    expect((await errorOf(() => Vault.open(dir, { passphrase: PASS }))).code).toBe('VAULT_IN_USE');
    // The first process is unaffected.
    expect(vault.listIncidents()).toHaveLength(1);
    vault.createIncident(incident('still writable'));
    vault.close();
    // Once closed, another process may open it.
    expect(await start(dir, 'try').firstLine).toEqual({ ok: true });
  });

  test('a process killed while holding the vault does not leave it stuck', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const holder = start(dir, 'hold');
    expect(await holder.firstLine).toEqual({ held: true });
    expect((await errorOf(() => Vault.open(dir, { passphrase: PASS }))).code).toBe('VAULT_IN_USE');
    await killNow(holder.child);
    const again = await Vault.open(dir, { passphrase: PASS });
    expect((await again.check()).ok).toBe(true);
    again.close();
  });

  test('a process killed at any point of an import: the vault opens, check passes, no half exhibit is listed', async () => {
    const SIZE = 16 << 20;
    const big = join(tempDir(), 'recording.bin');
    writeFileSync(big, randomBytes(SIZE));
    const { vault, dir } = await newVault();
    vault.close();
    // One uninterrupted run gives the time an import takes here; then kill at fractions of it.
    const first = start(dir, 'import', big);
    await first.firstLine;
    const t0 = performance.now();
    await new Promise((r) => first.child.once('exit', r));
    const full = performance.now() - t0;
    expect(first.output()).toContain('{"imported":true}');
    const outcomes: string[] = [];
    for (const f of [0, 0.3, 0.6, 0.85, 0.95, 1, 1.1]) {
      const proc = start(dir, 'import', big);
      await proc.firstLine; // the incident is committed; the import is under way
      await new Promise((r) => setTimeout(r, f * full));
      await killNow(proc.child);
      const v = await Vault.open(dir, { passphrase: PASS });
      const report = await v.check();
      // A kill between the blob's rename and the commit leaves a sealed blob no record lists: it is
      // kept (never deleted automatically) and check names it; nothing else may be wrong.
      const unlisted = /^(\d+) exhibit files? not referenced by the database/;
      expect(report.problems.filter((p) => !unlisted.test(p.message))).toEqual([]);
      const named = Number(report.problems.map((p) => unlisted.exec(p.message)?.[1]).find(Boolean) ?? 0);
      const exhibits = v.listIncidents().flatMap((i) => i.exhibits);
      for (const ex of exhibits) expect(ex.size).toBe(SIZE); // complete or absent
      // Every blob file is listed or named by check (temp files were removed on open).
      expect(readdirSync(join(dir, 'blobs')).length).toBe(exhibits.length + named);
      outcomes.push(`${(f * full).toFixed(0)} ms: ${exhibits.length}`);
      v.close();
    }
    console.log(
      `import of 16 MiB in a child: ${full.toFixed(0)} ms; killed at (ms: exhibits so far) ${outcomes.join(', ')}`,
    );
  }, 180_000);
});
