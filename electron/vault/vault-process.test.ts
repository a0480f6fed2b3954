import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { Vault } from './vault.js';
import { PASS, cleanupTemp, errorOf, incident, newVault } from './test-helpers.js';

const SCRIPT = fileURLToPath(new URL('./test-open-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  cleanupTemp();
});

function start(
  dir: string,
  mode: 'try' | 'hold',
): { child: ChildProcess; firstLine: Promise<Record<string, unknown>> } {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dir, PASS, mode], {
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
  return { child, firstLine };
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
    const exited = new Promise((r) => holder.child.once('exit', r));
    holder.child.kill('SIGKILL');
    await exited;
    const again = await Vault.open(dir, { passphrase: PASS });
    expect((await again.check()).ok).toBe(true);
    again.close();
  });
});
