/**
 * Issue 11, Medium 5 and 6, through the handler table and the real core: the answer to
 * 'vault.unlock' carries what the open tidied up or must tell (a stopped export's pack removed;
 * a recovery key never shown) beside the usual status; a host that confirms the recovery key
 * ('vault.recoveryKeyShown') makes vaults that say so until it does, and one that does not,
 * vaults as before.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Vault } from '../core/index.js';
import { TEST_KDF, tempDir } from '../../test/support/ipc.js';
import { createVaultService, type VaultService } from './handlers.js';

const PASS = 'correct horse battery staple';

let root: { dir: string; cleanup: () => Promise<void> };
let vaultDir: string;
const services: VaultService[] = [];

function service(confirmsRecoveryKey: boolean): VaultService {
  const s = createVaultService({ vaultDir, kdf: TEST_KDF, nativeDialogs: false, confirmsRecoveryKey, emit: () => {} });
  services.push(s);
  return s;
}

function ok<T>(r: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function unlockAnswer(confirms = false): Promise<{ state: string; notices?: string[] }> {
  const s = service(confirms);
  const answer = ok<{ state: string; notices?: string[] }>(await s.dispatch('vault.unlock', { passphrase: PASS }));
  await s.dispose();
  return answer;
}

beforeEach(async () => {
  root = await tempDir();
  vaultDir = path.join(root.dir, 'vault');
});

afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
  await root.cleanup();
});

describe("vault.unlock's notices", () => {
  it("names a stopped export's removed pack, with the status, once", async () => {
    const made = ok<{ recoveryKey: string }>(await service(false).dispatch('vault.create', { passphrase: PASS }));
    expect(made.recoveryKey).toBeTruthy();
    await services[0]!.dispose();
    const out = path.join(root.dir, 'packs');
    const partial = path.join(out, '.pack.partial-00aa11bb');
    mkdirSync(partial, { recursive: true });
    writeFileSync(path.join(partial, 'evidence.txt'), 'readable');
    const v = await Vault.open(vaultDir, { passphrase: PASS });
    v.beginExport([partial]);
    v.close();

    const first = await unlockAnswer();
    expect(first).toMatchObject({ state: 'unlocked', location: 'vault', nativeDialogs: false });
    expect(first.notices).toHaveLength(1);
    expect(first.notices?.[0]).toMatch(/^Removed an unfinished case pack left by an export that was stopped: /);
    expect(readdirSync(out)).toEqual([]);
    expect(await unlockAnswer()).not.toHaveProperty('notices');
  });

  it('a host that confirms the recovery key: its vault says "never shown" until vault.recoveryKeyShown', async () => {
    const cli = service(true);
    ok(await cli.dispatch('vault.create', { passphrase: PASS }));
    await cli.dispose(); // stopped before it confirmed
    const answer = await unlockAnswer(true);
    expect(answer.state).toBe('unlocked');
    expect(answer.notices).toEqual([
      `This vault's recovery key was never shown: run "evidence-vault recovery replace ${vaultDir}" to make one.`,
    ]);

    const s = service(true);
    ok(await s.dispatch('vault.unlock', { passphrase: PASS }));
    expect(ok(await s.dispatch('vault.recoveryKeyShown', {}))).toBeNull();
    await s.dispose();
    expect(await unlockAnswer(true)).not.toHaveProperty('notices');
  });

  it('a host that does not confirm makes vaults as before, and the channel needs an unlocked vault', async () => {
    const s = service(false);
    expect(await s.dispatch('vault.recoveryKeyShown', {})).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    ok(await s.dispatch('vault.create', { passphrase: PASS }));
    await s.dispose();
    expect(await unlockAnswer()).not.toHaveProperty('notices');
    expect(await service(false).dispatch('vault.recoveryKeyShown', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
