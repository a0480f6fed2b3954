/**
 * Errors that cross process boundaries: a stable code and a plain-English message.
 * The core throws VaultError; the CLI prints `error: <message>`; IPC sends { code, message }.
 */
export const ERROR_CODES = [
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'NOT_A_VAULT',
  'VAULT_TOO_NEW',
  'VAULT_EXISTS',
  'VAULT_IN_USE',
  'VAULT_LOCKED',
  'TAMPERED',
  'NOT_FOUND',
  'INVALID_INPUT',
  'FILE_MISSING',
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'FILE_IS_DIRECTORY',
  'FILE_CHANGED',
  /** A file whose SHA-256 is already in the vault, refused until the user says to add it again. */
  'DUPLICATE_EXHIBIT',
  'DISK_FULL',
  'CANCELLED',
  'OUTPUT_EXISTS',
  'PACK_INVALID',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class VaultError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
  }
}

export function isVaultError(e: unknown): e is VaultError {
  return e instanceof VaultError;
}

/** The serialisable form sent over IPC. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (isVaultError(e)) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: 'Something went wrong inside Evidence Vault. Nothing was changed.' };
}
