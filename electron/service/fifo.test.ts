/**
 * The window's way in (the handler table, as the desktop app and the browser host use it) to a
 * vault whose vault.json is a FIFO: the folder is still a vault (not "create one here"), and the
 * unlock says what is wrong at once, without blocking on the pipe.
 */
import { execFileSync } from 'node:child_process';
import { renameSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Vault } from '../core/index.js';
import { TEST_KDF, tempDir } from '../../test/support/ipc.js';
import { createVaultService } from './handlers.js';

const PASS = 'correct horse battery staple';
let root: { dir: string; cleanup: () => Promise<void> };

beforeEach(async () => {
  root = await tempDir();
});
afterEach(async () => {
  await root.cleanup();
});

it('a FIFO vault.json: status is locked, and unlock refuses it with one line, without hanging', async () => {
  const vaultDir = path.join(root.dir, 'vault');
  (await Vault.create(vaultDir, PASS, { kdf: TEST_KDF })).vault.close();
  const header = path.join(vaultDir, 'vault.json');
  renameSync(header, header + '.real');
  execFileSync('mkfifo', [header]);
  const s = createVaultService({ vaultDir, kdf: TEST_KDF, nativeDialogs: false, emit: () => {} });
  try {
    expect(await s.status()).toMatchObject({ state: 'locked' });
    const t0 = performance.now();
    const r = await s.dispatch('vault.unlock', { passphrase: PASS });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'TAMPERED',
        // The service names the file inside the vault folder, not the whole path.
        message: `vault/vault.json is not a regular file (a folder, pipe, socket or device), so it cannot be read as part of the vault; move it away or choose the vault's real folder.`,
      },
    });
  } finally {
    await s.dispose();
  }
});
