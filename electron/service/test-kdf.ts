/**
 * The test suites' fast KDF switch, read in ONE place for every host (CLI, browser host, desktop).
 *
 * EVIDENCE_VAULT_TEST_KDF=1 makes new vaults (and passphrase changes) use libsodium's cheapest
 * Argon2id cost (TEST_KDF), so a suite can open a vault many times. It is honoured only under a
 * test runner, which here means plainly: EVIDENCE_VAULT_TEST_RUN=1 is set too (only our test
 * harnesses set it: test/cli/helpers.ts, e2e/, bench/), or the process runs under vitest (which
 * sets VITEST itself). A packaged desktop app never honours it. Otherwise the switch is ignored and
 * the host prints the one warning line this returns.
 *
 * A vault whose stored cost is below what this host writes (DEFAULT_KDF, or TEST_KDF while the
 * switch is honoured) is weak: see isWeakKdf.
 */
import { DEFAULT_KDF, TEST_KDF } from '../core/crypto/index.js';
import type { KdfParams } from '../core/api.js';

export const TEST_KDF_VAR = 'EVIDENCE_VAULT_TEST_KDF';
export const TEST_RUN_VAR = 'EVIDENCE_VAULT_TEST_RUN';

export interface TestKdfChoice {
  /** TEST_KDF when the switch is honoured; undefined means the core's default cost. */
  kdf?: KdfParams;
  /** One line (no newline) to show when the switch is set but ignored. */
  warning?: string;
}

/** Whether this process runs under one of our test harnesses or vitest. */
export function underTestRunner(env: Record<string, string | undefined>): boolean {
  return env[TEST_RUN_VAR] === '1' || (env.VITEST ?? '') !== '';
}

/**
 * Reads the switch. `packaged`: a packaged desktop app, which never honours it (and says nothing:
 * it has no terminal).
 */
export function testKdfFromEnv(
  env: Record<string, string | undefined>,
  opts: { packaged?: boolean } = {},
): TestKdfChoice {
  const value = env[TEST_KDF_VAR];
  if (value === undefined || value === '') return {};
  if (opts.packaged) return {};
  const ignored = `${TEST_KDF_VAR} is ignored`;
  const fallback = 'vaults get the default passphrase protection';
  if (value !== '1') {
    return {
      warning: `warning: ${TEST_KDF_VAR}=${value} is ignored (the test suites' switch is ${TEST_KDF_VAR}=1); ${fallback}.`,
    };
  }
  if (!underTestRunner(env)) {
    return {
      warning: `warning: ${ignored} outside the test suites (they also set ${TEST_RUN_VAR}=1); ${fallback}. Unset it.`,
    };
  }
  return { kdf: TEST_KDF };
}

/**
 * Whether a vault's stored Argon2id cost is below `floor` (the cost this host writes: DEFAULT_KDF
 * unless the test switch is honoured): either parameter lower counts.
 */
export function isWeakKdf(stored: KdfParams, floor: KdfParams = DEFAULT_KDF): boolean {
  return stored.opsLimit < floor.opsLimit || stored.memLimit < floor.memLimit;
}
