/**
 * The browser host's door (./access.ts) with a stand-in clock and stand-in requests: tickets work
 * once and expire, the cookie is HttpOnly and SameSite=Strict, only the host's own page is let in,
 * and where the system has no 127.x.y.z but 127.0.0.1 the host falls back to it.
 */
import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { TICKET_TTL_MS, TOKEN_HEADER, createAccess, listenOnLoopback, randomLoopbackAddress } from './access.js';

function req(headers: Record<string, string>, method = 'GET'): http.IncomingMessage {
  return { headers, method } as unknown as http.IncomingMessage;
}

describe('addresses', () => {
  it('picks a random loopback address other than 127.0.0.1', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const a = randomLoopbackAddress();
      expect(a).toMatch(/^127\.([1-9]\d?|1\d\d|2[0-4]\d|25[0-4])\.\d+\.\d+$/);
      expect(a).not.toBe('127.0.0.1');
      seen.add(a);
    }
    expect(seen.size).toBeGreaterThan(45);
  });

  it('falls back to 127.0.0.1 where the system has no other loopback address', async () => {
    const tried: string[] = [];
    const server = Object.assign(new EventEmitter(), {
      listen(opts: { host: string; port: number }, cb: () => void) {
        tried.push(opts.host);
        if (opts.host === '127.0.0.1') setImmediate(cb);
        else setImmediate(() => server.emit('error', Object.assign(new Error('no'), { code: 'EADDRNOTAVAIL' })));
      },
      address: () => ({ port: 41234 }),
    });
    const got = await listenOnLoopback(server as unknown as http.Server, { port: 0 });
    expect(got).toEqual({ address: '127.0.0.1', port: 41234, random: false });
    expect(tried).toHaveLength(2);
    expect(tried[0]).not.toBe('127.0.0.1');
  });
});

describe('tickets and the cookie', () => {
  it('a ticket works once, and not after it expires', () => {
    let t = 1_000;
    const access = createAccess({ address: '127.9.8.7', port: 5000, random: true, now: () => t });
    const once = access.newTicket();
    expect(access.takeTicket(once)).toBe(true);
    expect(access.takeTicket(once)).toBe(false);
    const late = access.newTicket();
    t += TICKET_TTL_MS + 1;
    expect(access.takeTicket(late)).toBe(false);
    expect(access.takeTicket('')).toBe(false);
    expect(access.takeTicket(access.token)).toBe(false);
    expect(TICKET_TTL_MS).toBeLessThanOrEqual(60_000);
  });

  it('the cookie is HttpOnly, SameSite=Strict and per port; on 127.0.0.1 it is kept to a random path', () => {
    const random = createAccess({ address: '127.9.8.7', port: 5000, random: true });
    expect(random.basePath).toBe('/');
    expect(random.setCookie()).toBe(`ev_token_5000=${random.token}; HttpOnly; SameSite=Strict; Path=/`);
    const shared = createAccess({ address: '127.0.0.1', port: 5001, random: false });
    expect(shared.basePath).toMatch(/^\/[0-9a-f]{32}\/$/);
    expect(shared.setCookie()).toBe(
      `ev_token_5001=${shared.token}; HttpOnly; SameSite=Strict; Path=${shared.basePath}`,
    );
  });

  it('lets in only its own page: Host, Origin, fetch metadata, and the token', () => {
    const a = createAccess({ address: '127.9.8.7', port: 5000, random: true });
    const host = { host: '127.9.8.7:5000' };
    expect(a.fromOurPage(req(host))).toBe(true);
    expect(a.fromOurPage(req({ ...host, origin: a.origin }, 'POST'))).toBe(true);
    expect(a.fromOurPage(req(host, 'POST'))).toBe(false);
    expect(a.fromOurPage(req({ host: '127.0.0.1:5000' }))).toBe(false);
    expect(a.fromOurPage(req({ ...host, origin: 'http://127.9.8.7:5001' }))).toBe(false);
    expect(a.fromOurPage(req({ ...host, 'sec-fetch-site': 'same-site' }))).toBe(false);
    expect(a.hasToken(req({ cookie: `other=1; ev_token_5000=${a.token}` }))).toBe(true);
    expect(a.hasToken(req({ cookie: `ev_token_5001=${a.token}` }))).toBe(false);
    expect(a.hasToken(req({ [TOKEN_HEADER]: a.token }))).toBe(true);
    expect(a.hasToken(req({ [TOKEN_HEADER]: 'x', cookie: `ev_token_5000=${a.token}` }))).toBe(false);
  });
});
