/**
 * Issue 11, Medium 5: a kill during init at the worst moment (the vault made, its recovery key not
 * yet printed) leaves a vault that says so. Every open then names the way out in one line, and
 * "recovery replace" makes a key that is shown, after which the vault says nothing more. The
 * built CLI is paused there by EVIDENCE_VAULT_TEST_PAUSE_INIT_MS (honoured only with the test KDF).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertBuilt,
  expectCheckPasses,
  expectOk,
  finished,
  initVault,
  removeDir,
  run,
  start,
  tempDir,
  type CollectingChild,
} from './helpers.js';

let work = '';

function stderrSays(child: CollectingChild, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    if (pattern.test(child.err)) return resolve();
    const onData = () => {
      if (!pattern.test(child.err)) return;
      child.stderr?.off('data', onData);
      resolve();
    };
    child.stderr?.on('data', onData);
    void child.result.then(() => reject(new Error(`init ended without pausing: ${child.err}`)));
  });
}

const NEVER_SHOWN = /recovery key was never shown: run "evidence-vault recovery replace (.+)" to make one/;

beforeAll(() => {
  assertBuilt();
  work = tempDir('ev-init-killed-');
});
afterAll(() => removeDir(work));

describe('init killed before the recovery key was shown', () => {
  test('every open says so in one line; recovery replace shows a new key and the reminder goes', async () => {
    const vault = path.join(work, 'killed');
    const child = start(['init', vault], { env: { EVIDENCE_VAULT_TEST_PAUSE_INIT_MS: '30000' } });
    await stderrSays(child, /recovery key not yet shown/);
    child.kill('SIGKILL');
    const killed = await finished(child);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).not.toContain('Recovery key:');

    // The vault works, and each open says its recovery key was never shown and what to run.
    for (let i = 0; i < 2; i += 1) {
      const r = await run(['list', vault]);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^evidence-vault: This vault's recovery key was never shown/);
      expect(lines[0]?.match(NEVER_SHOWN)?.[1]).toBe(vault);
    }
    // init still refuses the folder, as before.
    const again = await run(['init', vault]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already holds a vault; nothing was changed/);

    // The way out: a new recovery key, printed once; after it the vault says nothing more.
    const replaced = await run(['recovery', 'replace', vault]);
    expect(replaced.code, replaced.stderr).toBe(0);
    const key = replaced.stdout
      .split('\n')
      .find((l) => l.startsWith('Recovery key:'))
      ?.slice('Recovery key:'.length)
      .trim();
    expect(key).toBeTruthy();
    expectOk(await run(['list', vault]));
    expectOk(await run(['recovery', 'test', vault], { env: { EVIDENCE_VAULT_RECOVERY_KEY: key } }));
    await expectCheckPasses(vault);
  }, 60_000);

  test('an init that prints its key leaves a vault that says nothing on open', async () => {
    const vault = path.join(work, 'whole');
    await initVault(vault);
    expectOk(await run(['list', vault]));
  });
});
