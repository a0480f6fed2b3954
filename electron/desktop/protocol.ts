/**
 * The app:// protocol handler: the app's own files from the built renderer folder (inside the asar
 * when packaged), and under /exhibits/<id> the open vault's exhibits, decrypted in memory and sent
 * straight from memory (never a temporary file, never file://). Pure: it uses the global
 * Request/Response, so it runs in plain Node for tests and in Electron's protocol.handle.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isVaultError } from '../../shared/errors.js';
import type { VaultService } from '../service/handlers.js';
import { APP_CSP, APP_HOST, APP_SCHEME, EXHIBIT_CSP, EXHIBIT_PATH_PREFIX } from './constants.js';

const ID_RE = /^[0-9a-f]{32}$/;

/** Where the exhibit bytes come from: the vault service of the open vault. */
export interface ExhibitSource {
  /** Whether a vault is open and unlocked right now. */
  isUnlocked(): boolean | Promise<boolean>;
  /** The decrypted bytes of exhibit `id` of the open vault, or null if the open vault has no such exhibit. */
  read(id: string): Promise<Uint8Array | null>;
}

/**
 * The exhibit source of a vault service (electron/service/handlers.ts): unlocked means a vault is open;
 * an id the open vault does not have (or a lock meanwhile) reads as null.
 */
export function exhibitSourceFor(service: Pick<VaultService, 'status' | 'readExhibit'>): ExhibitSource {
  return {
    async isUnlocked() {
      return (await service.status()).state === 'unlocked';
    },
    async read(id) {
      try {
        return (await service.readExhibit(id)).data;
      } catch (e) {
        if (isVaultError(e) && (e.code === 'NOT_FOUND' || e.code === 'VAULT_LOCKED' || e.code === 'INVALID_INPUT')) {
          return null;
        }
        throw e;
      }
    },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The exhibit's media type from its first bytes. Only types a window can show safely inline get a
 * real type; everything else is application/octet-stream (never HTML, never SVG).
 */
export function sniffExhibitType(bytes: Uint8Array): string {
  const b = (i: number) => bytes[i] ?? -1;
  const ascii = (start: number, text: string) => [...text].every((ch, i) => b(start + i) === ch.charCodeAt(0));
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return 'image/png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, '%PDF-')) return 'application/pdf';
  return 'application/octet-stream';
}

/** Resolve a URL path inside `rootDir`, or null if it would leave it or is malformed. */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const root = path.resolve(rootDir);
  const full = path.resolve(root, ...segments);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export interface AppProtocolOptions {
  /** The built renderer folder (dist/renderer). */
  rootDir: string;
  exhibits: ExhibitSource;
  /** Called with a short reason when a request is refused (no ids, no paths). */
  log?: (message: string) => void;
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const log = options.log ?? (() => undefined);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
      log('refused a request for another host');
      return plain(404, 'Not found');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');

    if (url.pathname.startsWith(EXHIBIT_PATH_PREFIX)) return serveExhibit(url, options.exhibits, log);
    return serveAppFile(url, options.rootDir, request.method === 'HEAD');
  };
}

async function serveExhibit(url: URL, exhibits: ExhibitSource, log: (m: string) => void): Promise<Response> {
  const id = url.pathname.slice(EXHIBIT_PATH_PREFIX.length);
  if (!ID_RE.test(id) || url.search !== '') return plain(400, 'Not an exhibit id');
  if (!(await exhibits.isUnlocked())) {
    log('refused an exhibit while the vault is locked');
    return plain(403, 'The vault is locked');
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await exhibits.read(id);
  } catch {
    log('an exhibit could not be read');
    return plain(500, 'This exhibit could not be read');
  }
  if (bytes === null) return plain(404, 'No such exhibit in this vault');
  // Locked while decrypting: do not hand out the bytes.
  if (!(await exhibits.isUnlocked())) return plain(403, 'The vault is locked');
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      ...COMMON_HEADERS,
      'Content-Type': sniffExhibitType(bytes),
      'Content-Length': String(bytes.byteLength),
      'Content-Security-Policy': EXHIBIT_CSP,
      'Cache-Control': 'no-store',
    },
  });
}

async function serveAppFile(url: URL, rootDir: string, head: boolean): Promise<Response> {
  const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
  const file = resolveInside(rootDir, pathname);
  if (!file) return plain(404, 'Not found');
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!type) return plain(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plain(404, 'Not found');
  }
  return new Response(head ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      ...COMMON_HEADERS,
      'Content-Type': type,
      'Content-Security-Policy': APP_CSP,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-cache',
    },
  });
}
