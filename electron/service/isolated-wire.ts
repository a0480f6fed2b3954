/**
 * One browser-host request as bytes: the body of POST api/invoke, `{ channel, request }` in the
 * shared/wire.ts encoding, in; the IpcResult encoded the same way, out. The isolated service runs
 * this in the vault process (./vault-process.ts), so the request (a passphrase, record text) and
 * the answer (records, exhibit bytes) are never strings in the host's process; the in-process
 * service of a host that counts core calls (tests) runs it in place.
 *
 * Validation is not skipped: the message's shape is checked here, then dispatch() checks the
 * request against its channel's schema before any handler (./handlers.ts), in the vault process.
 */
import type { IpcResult } from '../../shared/ipc.js';
import { decodeWire, encodeWire } from '../../shared/wire.js';
import type { VaultService } from './handlers.js';

export type WireAnswer =
  /** Not a `{ channel, request }` message (the host answers 400). */
  { bad: true } | { bad: false; channel: string | null; reply: Buffer };

export async function dispatchWireMessage(
  service: Pick<VaultService, 'dispatch'>,
  body: Uint8Array,
): Promise<WireAnswer> {
  let channel: unknown;
  let request: unknown;
  try {
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    const msg = decodeWire(text) as { channel?: unknown; request?: unknown } | null;
    if (
      !msg ||
      typeof msg !== 'object' ||
      Array.isArray(msg) ||
      Object.keys(msg).some((k) => k !== 'channel' && k !== 'request')
    ) {
      return { bad: true };
    }
    channel = msg.channel;
    request = msg.request;
  } catch {
    return { bad: true };
  }
  const result: IpcResult<unknown> =
    typeof channel === 'string'
      ? await service.dispatch(channel, request)
      : { ok: false, error: { code: 'INVALID_INPUT', message: 'Unknown request.' } };
  return { bad: false, channel: typeof channel === 'string' ? channel : null, reply: Buffer.from(encodeWire(result)) };
}
