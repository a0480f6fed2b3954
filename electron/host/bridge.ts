/**
 * window.vault for the browser host: the same VaultBridge the Electron preload offers, over HTTP
 * to the host that served this page (same origin; the token travels in an HttpOnly cookie).
 * Bundled on its own (esbuild, IIFE) and served as /bridge.js; loaded before the app's script.
 * Browser code: imports only shared/wire.ts and shared/ipc-events.ts (no zod, no Node).
 */
import type {
  ChannelName,
  FileGrant,
  IpcResult,
  RequestOf,
  ResponseOf,
  VaultBridge,
  VaultEventName,
  VaultEvents,
} from '../../shared/ipc.js';
import { VAULT_EVENT_NAMES } from '../../shared/ipc-events.js';
import { decodeWire, encodeWire } from '../../shared/wire.js';

type Listener = (payload: never) => void;

function install(): void {
  const listeners = new Map<VaultEventName, Set<Listener>>();
  let source: EventSource | null = null;

  function ensureEvents(): void {
    if (source) return;
    source = new EventSource('./api/events');
    for (const name of VAULT_EVENT_NAMES) {
      source.addEventListener(name, (ev) => {
        const data = decodeWire((ev as MessageEvent<string>).data) as never;
        for (const l of listeners.get(name) ?? []) {
          try {
            l(data);
          } catch (e) {
            console.error(e);
          }
        }
      });
    }
  }

  async function invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
    let response: Response;
    try {
      response = await fetch('./api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: encodeWire({ channel, request }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Evidence Vault is not running any more. Start it again from the terminal.',
        },
      };
    }
    if (response.status === 403) {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'This page is not allowed to reach the vault. Open the link shown in the terminal.',
        },
      };
    }
    if (!response.ok) {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `Evidence Vault answered with an error (${response.status}).` },
      };
    }
    return decodeWire(await response.text()) as IpcResult<ResponseOf<C>>;
  }

  const bridge: VaultBridge = {
    invoke,
    on<E extends VaultEventName>(event: E, listener: (payload: VaultEvents[E]) => void): () => void {
      ensureEvents();
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
    grantForDroppedFile(_file: File): Promise<FileGrant | null> {
      // The browser gives no paths: the window uploads the file's bytes instead.
      return Promise.resolve(null);
    },
  };

  // One event stream per window, opened at once: the host locks the vault when no window is left.
  ensureEvents();
  Object.defineProperty(window, 'vault', { value: Object.freeze(bridge), writable: false, configurable: false });
}

install();
