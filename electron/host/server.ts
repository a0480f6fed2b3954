/**
 * The browser host: the real renderer (dist/renderer) against the real core, in any browser, for
 * end-to-end tests, the renderer benchmark and `npm start` where Electron's binary is missing.
 *
 * - Who may talk to it, and how the browser gets in (a random loopback address, a one-time ticket
 *   exchanged for an HttpOnly SameSite=Strict cookie, Host/Origin/Sec-Fetch-Site checks): see
 *   ./access.ts. Anything else gets 403 and no vault call.
 * - window.vault is bridge.js (./bridge.ts), injected into index.html before the app's script
 *   (./assets.ts). POST api/invoke carries { channel, request } (shared/wire.ts encoding) to the
 *   handler table (electron/service/handlers.ts); GET api/events is a server-sent event stream.
 *   Exhibits reach the window only as `exhibits.read` answers (bytes in memory), as in the
 *   desktop app.
 * - Nothing is left in the browser's profile that the host can prevent: every response says
 *   Cache-Control: no-store (no disk cache, no back/forward cache of the page). Form restoration
 *   and private windows are the renderer's and the launcher's (./open-browser.ts).
 * - The renderer's own CSP (its <meta>) is sent as a header as well, plus frame-ancestors 'none'.
 */
import { readFile, realpath } from 'node:fs/promises';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import type { VaultEventName, VaultEvents } from '../../shared/ipc.js';
import { encodeWire } from '../../shared/wire.js';
import {
  createIsolatedVaultService,
  createVaultService,
  dispatchWireMessage,
  spawnNodeChild,
  type KdfParams,
  type VaultProcessEntry,
  type VaultFactory,
  type VaultService,
} from '../service/index.js';
import { CONTENT_TYPES } from '../service/app-page.js';
import { TICKET_TTL_MS, createAccess, listenOnLoopback, type Access } from './access.js';
import { bridgeScript, defaultRendererDir, injectBridge } from './assets.js';

export interface BrowserHostOptions {
  /** The vault folder (created by the window's "create a vault" when absent). */
  vaultDir: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** The loopback address to listen on; absent: a random 127.x.y.z, or 127.0.0.1 where there is no other. */
  address?: string;
  /** The built renderer; defaults to dist/renderer. */
  rendererDir?: string;
  /** KDF for vaults created through this host (tests pass a fast one). */
  kdf?: KdfParams;
  /**
   * The core (tests may wrap it to count calls). A factory runs in this process, so with it the
   * service is in place (not isolated).
   */
  vaults?: VaultFactory;
  /**
   * Run the unlocked core in its own process, ended on every lock (electron/service/isolated.ts).
   * Default: true, unless `vaults` is given.
   */
  isolate?: boolean;
  /**
   * The vault process's program when isolated. Default: the built one beside this module, or from
   * source through tsx (vaultProcessEntry). The e2e specs pass the built dist/vault-process.cjs, as they
   * use the built renderer: a fraction of the start-up of compiling the core's source at every unlock.
   */
  vaultProcess?: VaultProcessEntry;
  /** Lock the vault when no window has been connected for this long (ms); 0 never. Default 120 000. */
  lockWhenNoWindowMs?: number;
  /** Largest /api/invoke body, in bytes. Default 384 MiB (base64 of a ~280 MiB file). */
  maxRequestBytes?: number;
}

export interface BrowserHost {
  /** A link to open the app with: a fresh one-time ticket, valid TICKET_TTL_MS, each time it is read. */
  readonly url: string;
  /** A link with a fresh one-time ticket valid for ttlMs. */
  ticketUrl(ttlMs?: number): string;
  /** http://<address>:<port> */
  origin: string;
  /** Where the app is, once in: origin + '/' (or origin + '/<random>/' on 127.0.0.1). */
  appUrl: string;
  /** The loopback address listened on. */
  address: string;
  port: number;
  /** The session secret (the cookie's value; also accepted in the X-Evidence-Vault-Token header). */
  token: string;
  /** The handler table behind /api/invoke (for tests and the CLI). */
  service: VaultService;
  /** Locks the vault, ends event streams, stops listening. */
  close(): Promise<void>;
}

function forbid(res: http.ServerResponse, why = 'open the link shown in the terminal'): void {
  res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`Forbidden: ${why}.\n`);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = await realpath(options.rendererDir ?? defaultRendererDir()).catch(() => {
    throw new Error(
      `The built renderer was not found (${options.rendererDir ?? defaultRendererDir()}). Run npm run build.`,
    );
  });
  const indexHtml = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  const { html, csp: rendererCsp } = injectBridge(indexHtml);
  const pageCsp = `${rendererCsp}; frame-ancestors 'none'`;
  const bridge = await bridgeScript();
  const maxBody = options.maxRequestBytes ?? 384 * 1024 * 1024;
  const lockAfter = options.lockWhenNoWindowMs ?? 120_000;

  const streams = new Set<http.ServerResponse>();
  let noWindowTimer: NodeJS.Timeout | null = null;

  function broadcast<E extends VaultEventName>(event: E, payload: VaultEvents[E]): void {
    const text = `event: ${event}\ndata: ${encodeWire(payload)}\n\n`;
    for (const s of streams) s.write(text);
  }

  const serviceOptions = {
    vaultDir: options.vaultDir,
    kdf: options.kdf,
    nativeDialogs: false,
    // The window shows a new vault's recovery key, then says so ('vault.recoveryKeyShown').
    confirmsRecoveryKey: true,
    emit: broadcast,
  };
  const isolated =
    (options.isolate ?? !options.vaults) && !options.vaults
      ? createIsolatedVaultService(
          serviceOptions,
          options.vaultProcess ? { startChild: () => spawnNodeChild(options.vaultProcess) } : {},
        )
      : null;
  const service: VaultService = isolated ?? createVaultService({ ...serviceOptions, vaults: options.vaults });
  /**
   * One request as bytes: isolated, the body goes to the vault process as it is and the answer
   * comes back as bytes (neither becomes a string here); in place, the same decoding runs here.
   * Either way the request is validated by its channel's schema before the core.
   */
  async function answerBytes(chunks: Buffer[]): Promise<Buffer | null> {
    if (isolated) return isolated.dispatchWire(chunks);
    const body = Buffer.concat(chunks);
    for (const c of chunks) c.fill(0);
    try {
      const answer = await dispatchWireMessage(service, body);
      return answer.bad ? null : answer.reply;
    } finally {
      body.fill(0);
    }
  }

  let access: Access | null = null;

  const commonHeaders = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };

  function armNoWindowLock(): void {
    if (noWindowTimer) clearTimeout(noWindowTimer);
    noWindowTimer = null;
    if (lockAfter > 0 && streams.size === 0) {
      noWindowTimer = setTimeout(() => {
        noWindowTimer = null;
        if (streams.size === 0) void service.lock('window closed');
      }, lockAfter);
      noWindowTimer.unref();
    }
  }

  /**
   * The body's chunks (null when too large): never joined into a string here. Read as 'data'
   * events (flowing), so each chunk is the one Node copied out of the socket, which the caller
   * zeroes: an async iterator would join chunks into copies left unzeroed.
   */
  function readBody(req: http.IncomingMessage): Promise<Buffer[] | null> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      req.on('data', (b: Buffer) => {
        if (tooLarge) {
          b.fill(0);
          return;
        }
        size += b.length;
        chunks.push(b);
        if (size > maxBody) {
          tooLarge = true;
          for (const c of chunks) c.fill(0);
          chunks.length = 0;
          resolve(null);
        }
      });
      req.on('end', () => resolve(tooLarge ? null : chunks));
      req.on('error', (e) => {
        for (const c of chunks) c.fill(0);
        reject(e);
      });
    });
  }

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      res.writeHead(415, commonHeaders).end();
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      res.writeHead(413, commonHeaders).end();
      req.destroy();
      return;
    }
    const reply = await answerBytes(body);
    if (reply === null) {
      res.writeHead(400, commonHeaders).end();
      return;
    }
    res.writeHead(200, {
      ...commonHeaders,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(reply.length),
    });
    // Written from the buffer itself, then zeroed: no readable copy of the answer stays here.
    res.end(reply, () => reply.fill(0));
    res.on('close', () => reply.fill(0));
    // A vault unlocked by a client without an event stream (no window) is locked after a while too.
    if (streams.size === 0 && !noWindowTimer) armNoWindowLock();
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      ...commonHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    armNoWindowLock();
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    ping.unref();
    req.on('close', () => {
      clearInterval(ping);
      streams.delete(res);
      armNoWindowLock();
    });
  }

  async function handleStatic(pathname: string, res: http.ServerResponse): Promise<void> {
    if (pathname === '/' || pathname === '/index.html') {
      res.writeHead(200, {
        ...commonHeaders,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': pageCsp,
        'X-Frame-Options': 'DENY',
      });
      res.end(html);
      return;
    }
    if (pathname === '/bridge.js') {
      res.writeHead(200, { ...commonHeaders, 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(bridge);
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400, commonHeaders).end();
      return;
    }
    const file = path.resolve(rendererDir, `.${rel}`);
    if (!file.startsWith(rendererDir + path.sep) || rel.split('/').some((seg) => seg.startsWith('.'))) {
      res.writeHead(404, commonHeaders).end();
      return;
    }
    try {
      const real = await realpath(file);
      if (!real.startsWith(rendererDir + path.sep)) throw new Error('outside');
      const data = await readFile(real);
      res.writeHead(200, {
        ...commonHeaders,
        'Content-Type': CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': pageCsp,
      });
      res.end(data);
    } catch {
      res.writeHead(404, commonHeaders).end();
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!access || !access.fromOurPage(req)) return forbid(res);
    const url = new URL(req.url ?? '/', access.origin);
    const method = req.method ?? 'GET';

    // The browser's first visit: a one-time ticket, exchanged for the cookie; the address bar
    // then shows the app without it.
    const ticket = url.searchParams.get('ticket');
    if (ticket !== null) {
      // Used up by any attempt, at any path, by any method.
      const live = access.takeTicket(ticket);
      if (!live || method !== 'GET' || url.pathname !== access.basePath) {
        return forbid(res, 'this link has been used or has expired; ask the terminal for a new one');
      }
      res.writeHead(303, { ...commonHeaders, Location: access.basePath, 'Set-Cookie': access.setCookie() });
      res.end();
      return;
    }
    if (!access.hasToken(req)) return forbid(res);
    if (!url.pathname.startsWith(access.basePath)) {
      res.writeHead(404, commonHeaders).end();
      return;
    }
    const pathname = `/${url.pathname.slice(access.basePath.length)}`;

    if (pathname === '/api/invoke') {
      if (method !== 'POST') {
        res.writeHead(405, { ...commonHeaders, Allow: 'POST' }).end();
        return;
      }
      return handleInvoke(req, res);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { ...commonHeaders, Allow: 'GET' }).end();
      return;
    }
    if (pathname === '/api/events') return handleEvents(req, res);
    if (pathname.startsWith('/api/')) {
      res.writeHead(404, commonHeaders).end();
      return;
    }
    return handleStatic(pathname, res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, commonHeaders);
      res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  // Request bytes (a passphrase, record text, uploads) must not stay readable in this process's
  // read buffers: Node's HTTP parser would read the socket into one buffer it reuses, overwritten
  // only as far as later requests reach. A 'data' listener makes the socket hand each chunk to the
  // parser from JS (Node's own listener runs first and copies the body out); then it is zeroed.
  server.on('connection', (socket: net.Socket) => {
    socket.on('data', (chunk: Buffer) => chunk.fill(0));
  });
  // Malformed HTTP: answered here (not by Node's bare 400) so that it too says no-store.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const listening = await listenOnLoopback(server, {
    port: options.port ?? 0,
    ...(options.address ? { address: options.address } : {}),
  });
  const a = createAccess(listening);
  access = a;
  armNoWindowLock();

  let closing: Promise<void> | null = null;
  return {
    get url() {
      return `${a.origin}${a.basePath}?ticket=${a.newTicket(TICKET_TTL_MS)}`;
    },
    ticketUrl: (ttlMs = TICKET_TTL_MS) => `${a.origin}${a.basePath}?ticket=${a.newTicket(ttlMs)}`,
    origin: a.origin,
    appUrl: `${a.origin}${a.basePath}`,
    address: listening.address,
    port: listening.port,
    token: a.token,
    service,
    close() {
      closing ??= (async () => {
        if (noWindowTimer) clearTimeout(noWindowTimer);
        for (const s of streams) s.end();
        streams.clear();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await service.dispose();
      })();
      return closing;
    },
  };
}
