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

/**
 * A refused field as data (the service's schema check), so the window can word it in its own
 * language (shared/plain-errors.ts plainIssueIn); the message stays the English.
 */
export interface IssueDetail {
  /** zod's issue code: too_big, too_small, invalid_value, invalid_format, invalid_type, custom… */
  code: string;
  /** Where the field is in the request ("input", "title"). */
  path: (string | number)[];
  /** The schema's own words (ours, in English), or zod's (never shown). */
  message: string;
  origin?: string;
  maximum?: number;
  minimum?: number;
  /** What was sent there: text or a list (and how long), nothing, or something else. */
  sent: { type: 'string' | 'array' | 'missing' | 'other'; length?: number };
}

/** What an error says beyond its code, as data, for a window in another language than English. */
export interface ErrorDetail {
  issue?: IssueDetail;
}

export class VaultError extends Error {
  readonly code: ErrorCode;
  readonly detail?: ErrorDetail;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; detail?: ErrorDetail }) {
    super(message, options && 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'VaultError';
    this.code = code;
    if (options?.detail) this.detail = options.detail;
  }
}

export function isVaultError(e: unknown): e is VaultError {
  return e instanceof VaultError;
}

/** The serialisable form sent over IPC. */
export interface ErrorPayload {
  code: ErrorCode;
  /** Plain English, with what to do (the CLI prints it; the window words the code in Welsh). */
  message: string;
  detail?: ErrorDetail;
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (isVaultError(e))
    return e.detail ? { code: e.code, message: e.message, detail: e.detail } : { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: 'Something went wrong inside Evidence Vault. Nothing was changed.' };
}
