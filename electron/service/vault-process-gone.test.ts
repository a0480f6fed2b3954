/**
 * The vault process when its host is gone before the handshake (fd 3 closed at once, so its one write
 * fails with EPIPE): it ends with code 1 and says nothing, never an unhandled 'error' event and its
 * stack on the host's terminal. Run from the source, as the isolated service runs it in the tests.
 */
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { childEnv, vaultProcessEntry } from './isolated-link.js';

describe('the vault process, its host gone before the handshake', () => {
  it('ends with code 1, quietly', async () => {
    const entry = vaultProcessEntry();
    const child = spawn(process.execPath, [...entry.execArgv, entry.file], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: childEnv(process.env),
      ...(entry.cwd ? { cwd: entry.cwd } : {}),
    });
    (child.stdio[3] as Socket).destroy();
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  }, 60_000);
});
