/**
 * What hosts outside the window import from the service (the CLI may import only electron/service/
 * and shared/): the service itself, the fast KDF for test suites and the one reader of its switch (./test-kdf.ts), the case-pack verifier's entry
 * point (a pack is checked without a vault) and the receipt's display helpers.
 */
export { createVaultService, type VaultFactory, type VaultService } from './handlers.js';
export { createIsolatedVaultService, type IsolatedOptions, type IsolatedVaultService } from './isolated.js';
export { forkUtilityChild, type UtilityProcessApi } from './isolated-electron.js';
export { dispatchWireMessage } from './isolated-wire.js';
export { spawnNodeChild, type VaultProcessEntry } from './isolated-link.js';
export type { KdfParams } from '../core/api.js';
export { DEFAULT_KDF, TEST_KDF, prepareExtraction } from '../core/index.js';
export {
  TEST_KDF_VAR,
  TEST_RUN_VAR,
  isWeakKdf,
  testKdfFromEnv,
  underTestRunner,
  type TestKdfChoice,
} from './test-kdf.js';
export { normaliseFingerprint, verifyPack } from '../core/pack/verify.js';
export { humanBytes } from '../core/pack/casefile.js';
export { groupHex } from '../../shared/format.js';
