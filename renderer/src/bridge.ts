/**
 * The renderer's only door to the vault: window.vault (VaultBridge). call() unwraps IpcResult and
 * throws a BridgeError carrying the core's code, plain-English message and any detail;
 * errorMessage() says it in the window's language (Welsh: shared/error-words.ts).
 */
import type { ChannelName, RequestOf, ResponseOf, VaultBridge } from '../../shared/ipc.js';
import type { ErrorCode, ErrorDetail } from '../../shared/errors.js';
import { SOMETHING_WENT_WRONG, errorText } from '../../shared/error-words.js';
import type { Language } from '../../shared/language.js';
import { currentLanguage } from './i18n/index.js';

declare global {
  interface Window {
    vault?: VaultBridge;
  }
}

export class BridgeError extends Error {
  readonly code: ErrorCode | 'NO_HOST';
  /** What the core said beyond its code (a refused field), to word it in Welsh. */
  readonly detail: ErrorDetail | undefined;
  constructor(code: ErrorCode | 'NO_HOST', message: string, detail?: ErrorDetail) {
    super(message);
    this.name = 'BridgeError';
    this.code = code;
    this.detail = detail;
  }
}

export function bridge(): VaultBridge {
  const v = window.vault;
  if (!v) throw new BridgeError('NO_HOST', 'Evidence Vault could not reach its safe store. Please restart the app.');
  return v;
}

export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await bridge().invoke(channel, request);
  if (result.ok) return result.value;
  throw new BridgeError(result.error.code, result.error.message, result.error.detail);
}

/**
 * What went wrong, for the window, in its language (or `lang`). A BridgeError in Welsh: its refused
 * field in words, else its code's meaning and next step; an empty message stays empty. Other
 * errors are the window's own and keep their message (worded where they are thrown).
 */
export function errorMessage(e: unknown, lang: Language = currentLanguage()): string {
  if (e instanceof BridgeError) return e.message === '' ? '' : errorText(lang, e.code, e.message, e.detail);
  if (e instanceof Error && e.message) return e.message;
  return SOMETHING_WENT_WRONG[lang];
}

/** 16 random bytes as hex, for job ids. */
export function randomId(bytes = 16): string {
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}
