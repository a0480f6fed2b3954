/**
 * Who may talk to the browser host, and how the browser gets in without the secret ever being on
 * a command line (where `ps` shows it to every user of the computer).
 *
 * - The host listens on a random loopback address 127.x.y.z where the system allows it (Linux and
 *   Windows do; macOS has only 127.0.0.1), so that its cookie, which browsers scope by host and
 *   not by port, goes to no other local server. Where only 127.0.0.1 exists, the app lives under a
 *   random path (/<32 hex>/) and the cookie is scoped to that path instead: a server on another
 *   port of 127.0.0.1 would have to know the path to be sent it.
 * - The session secret (the token) lives only in memory and in an HttpOnly, SameSite=Strict
 *   cookie (named per port). The browser is opened with a one-time ticket (/?ticket=…) that
 *   expires in seconds; the first request with it gets the cookie and is sent on without it.
 *   A used, unknown or expired ticket gets 403.
 * - Every request must carry the token (the cookie, or the X-Evidence-Vault-Token header for
 *   scripts and tests) and come for Host <address>:<port> with no foreign Origin and no cross-site
 *   Sec-Fetch-Site.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN_HEADER = 'x-evidence-vault-token';
/** How long a ticket for the browser's command line lasts. */
export const TICKET_TTL_MS = 20_000;
/** The most tickets kept at once (each open makes one; expired ones are dropped first). */
const MAX_TICKETS = 100;

/** A random address in 127.0.0.0/8 other than 127.0.0.1 (each part 1 to 254). */
export function randomLoopbackAddress(): string {
  for (;;) {
    const address = `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
    if (address !== '127.0.0.1') return address;
  }
}

function listenOn(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Listen on `address` if given, else on a random 127.x.y.z, falling back to 127.0.0.1 where the
 * system has no such address (EADDRNOTAVAIL).
 */
export async function listenOnLoopback(
  server: http.Server,
  options: { port: number; address?: string },
): Promise<{ address: string; port: number; random: boolean }> {
  if (options.address) {
    return { address: options.address, port: await listenOn(server, options.address, options.port), random: false };
  }
  const address = randomLoopbackAddress();
  try {
    return { address, port: await listenOn(server, address, options.port), random: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw e;
    return { address: '127.0.0.1', port: await listenOn(server, '127.0.0.1', options.port), random: false };
  }
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

export interface Access {
  /** The session secret (the cookie's value). Never printed, never on a command line. */
  readonly token: string;
  readonly cookieName: string;
  /** http://<address>:<port> */
  readonly origin: string;
  /** The app's path: '/' on a random address, '/<32 hex>/' on 127.0.0.1. */
  readonly basePath: string;
  /** A new one-time ticket, valid for ttlMs. */
  newTicket(ttlMs?: number): string;
  /** Whether `ticket` is a live ticket; it is used up either way. */
  takeTicket(ticket: string): boolean;
  /** The Set-Cookie value that hands the browser the token. */
  setCookie(): string;
  /** Host, Origin and Sec-Fetch-Site: only this host's own page may talk to it. */
  fromOurPage(req: http.IncomingMessage): boolean;
  hasToken(req: http.IncomingMessage): boolean;
}

export function createAccess(options: { address: string; port: number; random: boolean; now?: () => number }): Access {
  const now = options.now ?? Date.now;
  const token = randomBytes(32).toString('base64url');
  const hostHeader = `${options.address}:${options.port}`;
  const origin = `http://${hostHeader}`;
  const basePath = options.random ? '/' : `/${randomBytes(16).toString('hex')}/`;
  const cookieName = `ev_token_${options.port}`;
  const tickets = new Map<string, number>();

  function prune(): void {
    const t = now();
    for (const [k, until] of tickets) if (until < t) tickets.delete(k);
    while (tickets.size >= MAX_TICKETS) tickets.delete(tickets.keys().next().value as string);
  }

  return {
    token,
    cookieName,
    origin,
    basePath,
    newTicket(ttlMs = TICKET_TTL_MS) {
      prune();
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, now() + ttlMs);
      return ticket;
    },
    takeTicket(ticket) {
      let found: string | undefined;
      for (const k of tickets.keys()) if (sameSecret(ticket, k)) found = k;
      if (found === undefined) return false;
      const until = tickets.get(found)!;
      tickets.delete(found);
      return until >= now();
    },
    setCookie: () => `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=${basePath}`,
    fromOurPage(req) {
      if (req.headers.host !== hostHeader) return false;
      const o = req.headers.origin;
      if (o !== undefined && o !== origin) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD' && o !== origin) return false;
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
      return true;
    },
    hasToken(req) {
      const header = req.headers[TOKEN_HEADER];
      if (typeof header === 'string') return sameSecret(header, token);
      return sameSecret(parseCookies(req.headers.cookie).get(cookieName), token);
    },
  };
}
