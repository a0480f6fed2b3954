/**
 * The renderer's only door to the vault: window.vault (VaultBridge). call() unwraps IpcResult and
 * throws a BridgeError carrying the core's code and plain-English message.
 */
import type { ChannelName, RequestOf, ResponseOf, VaultBridge } from '../../shared/ipc.js';
import type { ErrorCode } from '../../shared/errors.js';

declare global {
  interface Window {
    vault?: VaultBridge;
  }
}

export class BridgeError extends Error {
  readonly code: ErrorCode | 'NO_HOST';
  constructor(code: ErrorCode | 'NO_HOST', message: string) {
    super(message);
    this.name = 'BridgeError';
    this.code = code;
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
  throw new BridgeError(result.error.code, result.error.message);
}

export function errorMessage(e: unknown): string {
  if (e instanceof BridgeError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return 'Something went wrong. Nothing was changed.';
}

/** 16 random bytes as hex, for job ids. */
export function randomId(bytes = 16): string {
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}
