/** The vault core's public entry point. Nothing here imports 'electron'. */
export { Vault, RECORD_KINDS, DB_FILE, BLOB_DIR, HEADER_FILE, SCHEMA_VERSION, FORMAT_VERSION } from './vault.js';
export type { VaultOptions, RecordKind } from './vault.js';
export type {
  VaultApi,
  KdfParams,
  UnlockWith,
  ImportOptions,
  ImportProgress,
  StreamSource,
  NewCustodyEntry,
} from './api.js';
export { DEFAULT_KDF, TEST_KDF, formatRecoveryKey, parseRecoveryKey } from './crypto/index.js';
export { MIGRATIONS } from './migrations/index.js';
export { prepareExtraction } from './exhibits/extract/index.js';
