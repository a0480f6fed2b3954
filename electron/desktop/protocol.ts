/**
 * The app:// protocol handler: the app's own files from the built renderer folder (inside the asar
 * when packaged), and nothing else. Decrypted exhibits never come through here: the window asks for
 * their bytes with `exhibits.read` over IPC and shows them from memory (blob: URLs). Pure: it uses
 * the global Request/Response, so it runs in plain Node for tests and in Electron's protocol.handle.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_CSP, CONTENT_TYPES } from '../service/app-page.js';
import { APP_HOST, APP_SCHEME } from './constants.js';

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

    return serveAppFile(url, options.rootDir, request.method === 'HEAD');
  };
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
