/**
 * Vault creation options from the environment. Real vaults always get the core's default Argon2id
 * parameters (unlock takes 0.3–1 s). EVIDENCE_VAULT_TEST_KDF=fast is for test suites only: it
 * creates the vault with libsodium's cheapest parameters so a suite can open it many times.
 * The parameters are stored in the vault header, so only vaults created that way are affected.
 */
import { TEST_KDF } from '../core/index.js';
import type { VaultOptions } from '../core/index.js';

export function vaultCreateOptions(env: Record<string, string | undefined>): VaultOptions {
  if (env.EVIDENCE_VAULT_TEST_KDF === 'fast') return { kdf: TEST_KDF };
  return {};
}
