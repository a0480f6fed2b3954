/**
 * The browser host: the real renderer (dist/renderer) against the real core, in any browser, for
 * end-to-end tests, the renderer benchmark and `npm start` where Electron's binary is missing.
 *
 * - Listens on 127.0.0.1 only, on a port of its own (0: any free one).
 * - A random per-run token (32 bytes). The page is first opened as /?token=<token>; the host sets
 *   an HttpOnly SameSite=Strict cookie (named per port) and redirects to / (the token leaves the
 *   address bar). Every request — pages, scripts, the API — must carry the token (that
 *   cookie, or the X-Evidence-Vault-Token header) AND come for Host 127.0.0.1:<port> with no
 *   foreign Origin or cross-site Sec-Fetch-Site; otherwise 403 and no vault call.
 * - window.vault is /bridge.js (./bridge.ts), injected into index.html before the app's script.
 *   POST /api/invoke carries { channel, request } (shared/wire.ts encoding) to the handler table
 *   (electron/service/handlers.ts); GET /api/events is a server-sent event stream. Exhibits reach the
 *   window only as `exhibits.read` answers (bytes in memory), as in the desktop app.
 * - The renderer's own CSP (its <meta>) is sent as a header as well, plus frame-ancestors 'none'.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VaultEventName, VaultEvents } from '../../shared/ipc.js';
import { decodeWire, encodeWire } from '../../shared/wire.js';
import { createVaultService, type VaultFactory, type VaultService } from '../service/handlers.js';
import type { KdfParams } from '../core/api.js';

export interface BrowserHostOptions {
  /** The vault folder (created by the window's "create a vault" when absent). */
  vaultDir: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** The built renderer; defaults to dist/renderer. */
  rendererDir?: string;
  /** KDF for vaults created through this host (tests pass a fast one). */
  kdf?: KdfParams;
  /** The core (tests may wrap it to count calls). */
  vaults?: VaultFactory;
  /** Lock the vault when no window has been connected for this long (ms); 0 never. Default 120 000. */
  lockWhenNoWindowMs?: number;
  /** Largest /api/invoke body, in bytes. Default 384 MiB (base64 of a ~280 MiB file). */
  maxRequestBytes?: number;
}

export interface BrowserHost {
  /** Open this in the browser: http://127.0.0.1:<port>/?token=<token> */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  token: string;
  /** The handler table behind /api/invoke (for tests and the CLI). */
  service: VaultService;
  /** Locks the vault, ends event streams, stops listening. */
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-evidence-vault-token';
const DEFAULT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; frame-src 'self' blob:; base-uri 'none'; form-action 'none'; object-src 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

function moduleDir(): string {
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return process.cwd();
  }
}

/** dist/renderer: beside a bundled host (dist/host.cjs), or from the source tree. */
export function defaultRendererDir(): string {
  const here = moduleDir();
  const candidates = [
    path.join(here, 'renderer'),
    path.resolve(here, '../../dist/renderer'),
    path.resolve(process.cwd(), 'dist/renderer'),
  ];
  return candidates.find((c) => existsSync(path.join(c, 'index.html'))) ?? candidates[1]!;
}

let bridgeCache: Promise<string> | null = null;
/** The bridge script: dist/host-bridge.js beside a bundled host, else bundled now from ./bridge.ts. */
export function bridgeScript(): Promise<string> {
  bridgeCache ??= (async () => {
    const here = moduleDir();
    const source = path.join(here, 'bridge.ts');
    if (existsSync(source)) {
      const esbuildName = 'esbuild';
      const esbuild = (await import(esbuildName)) as typeof import('esbuild');
      const out = await esbuild.build({
        entryPoints: [source],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: 'chrome120',
        logLevel: 'silent',
      });
      const file = out.outputFiles[0];
      if (!file) throw new Error('the browser bridge did not build');
      return file.text;
    }
    return readFile(path.join(here, 'host-bridge.js'), 'utf8');
  })();
  bridgeCache.catch(() => {
    bridgeCache = null;
  });
  return bridgeCache;
}

/** index.html with the bridge script before the app's first script, and its CSP. */
export function injectBridge(html: string): { html: string; csp: string } {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(html);
  const csp = (meta?.[1] ?? DEFAULT_CSP).replace(/\s+/g, ' ').trim();
  const tag = '<script src="./bridge.js"></script>';
  const firstScript = html.search(/<script\b/i);
  const out =
    firstScript >= 0
      ? `${html.slice(0, firstScript)}${tag}\n    ${html.slice(firstScript)}`
      : html.replace(/<\/head>/i, `  ${tag}\n  </head>`);
  return { html: out, csp };
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function forbid(res: http.ServerResponse): void {
  res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('Forbidden: open the link shown in the terminal.\n');
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
  const token = randomBytes(32).toString('base64url');
  const maxBody = options.maxRequestBytes ?? 384 * 1024 * 1024;
  const lockAfter = options.lockWhenNoWindowMs ?? 120_000;

  const streams = new Set<http.ServerResponse>();
  let noWindowTimer: NodeJS.Timeout | null = null;

  function broadcast<E extends VaultEventName>(event: E, payload: VaultEvents[E]): void {
    const text = `event: ${event}\ndata: ${encodeWire(payload)}\n\n`;
    for (const s of streams) s.write(text);
  }

  const service = createVaultService({
    vaultDir: options.vaultDir,
    kdf: options.kdf,
    nativeDialogs: false,
    emit: broadcast,
    vaults: options.vaults,
  });

  let port = 0;
  let origin = '';
  let cookieName = '';

  const commonHeaders = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };

  /** Host, Origin and Sec-Fetch-Site: only this page may talk to this host. */
  function fromOurPage(req: http.IncomingMessage): boolean {
    if (req.headers.host !== `127.0.0.1:${port}`) return false;
    const o = req.headers.origin;
    if (o !== undefined && o !== origin) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD' && o !== origin) return false;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    return true;
  }

  function hasToken(req: http.IncomingMessage): boolean {
    const header = req.headers[TOKEN_HEADER];
    if (typeof header === 'string') return sameSecret(header, token);
    return sameSecret(parseCookies(req.headers.cookie).get(cookieName), token);
  }

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

  async function readBody(req: http.IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > maxBody) return null;
      chunks.push(b);
    }
    return Buffer.concat(chunks).toString('utf8');
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
    let channel: unknown;
    let request: unknown;
    try {
      const msg = decodeWire(body) as { channel?: unknown; request?: unknown } | null;
      if (
        !msg ||
        typeof msg !== 'object' ||
        Array.isArray(msg) ||
        Object.keys(msg).some((k) => k !== 'channel' && k !== 'request')
      ) {
        throw new Error('bad message');
      }
      channel = msg.channel;
      request = msg.request;
    } catch {
      res.writeHead(400, commonHeaders).end();
      return;
    }
    const result =
      typeof channel === 'string'
        ? await service.dispatch(channel, request)
        : { ok: false as const, error: { code: 'INVALID_INPUT' as const, message: 'Unknown request.' } };
    res.writeHead(200, { ...commonHeaders, 'Content-Type': 'application/json; charset=utf-8' });
    res.end(encodeWire(result));
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
        'Content-Type': TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': pageCsp,
      });
      res.end(data);
    } catch {
      res.writeHead(404, commonHeaders).end();
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!fromOurPage(req)) return forbid(res);
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';

    // First visit: /?token=… sets the cookie and strips the token from the address bar.
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (method !== 'GET' || !sameSecret(given, token)) return forbid(res);
      res.writeHead(303, {
        ...commonHeaders,
        Location: '/',
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      res.end();
      return;
    }
    if (!hasToken(req)) return forbid(res);

    if (url.pathname === '/api/invoke') {
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
    if (url.pathname === '/api/events') return handleEvents(req, res);
    if (url.pathname.startsWith('/api/')) {
      res.writeHead(404, commonHeaders).end();
      return;
    }
    return handleStatic(url.pathname, res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, commonHeaders);
      res.end();
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  cookieName = `ev_token_${port}`;
  armNoWindowLock();

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
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
