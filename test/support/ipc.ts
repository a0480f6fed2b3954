/**
 * Test support: the real core (electron/core's Vault), wrapped so a test can count every call
 * that reaches it — the factory's create/open/isVault and every method of an open vault.
 * Nothing is stood in: each call goes to the real Vault.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { VaultFactory } from '../../electron/service/handlers.js';
import type { VaultApi } from '../../electron/core/api.js';
import { TEST_KDF, Vault } from '../../electron/core/index.js';

export interface CountingFactory extends VaultFactory {
  /** Every call that reached the core, by name ('open', 'create', 'isVault', 'vault.listIncidents', …). */
  calls: string[];
}

function countingVault(vault: VaultApi, calls: string[]): VaultApi {
  return new Proxy(vault, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          calls.push(`vault.${String(prop)}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
}

export function countingFactory(): CountingFactory {
  const calls: string[] = [];
  return {
    calls,
    async create(dir, passphrase, opts) {
      calls.push('create');
      const made = await Vault.create(dir, passphrase, opts);
      return { vault: countingVault(made.vault, calls), recoveryKey: made.recoveryKey };
    },
    async open(dir, unlock) {
      calls.push('open');
      return countingVault(await Vault.open(dir, unlock), calls);
    },
    isVault(dir) {
      calls.push('isVault');
      return Vault.isVault(dir);
    },
    testRecoveryKey(dir, key) {
      calls.push('testRecoveryKey');
      return Vault.testRecoveryKey(dir, key);
    },
  };
}

export { TEST_KDF };

export async function tempDir(prefix = 'ev-ipc-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

import { FIXTURES } from '../fixtures.js';
export { FIXTURES };
