/**
 * The browser host (electron/host/server.ts) over real HTTP, against the real core: no token, a
 * wrong token, a foreign Origin or Host get 403 and reach no vault call (the counted core and the
 * custody log prove it); it listens on one random loopback address only; the way in is a one-time
 * ticket exchanged for an HttpOnly SameSite=Strict cookie, and the token is on no command line.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/host/server.js';
import { decodeWire, encodeWire } from '../../shared/wire.js';
import type { IpcResult } from '../../shared/ipc.js';
import type { Exhibit, Incident } from '../../shared/model.js';
import { FIXTURES, TEST_KDF, countingFactory, tempDir, type CountingFactory } from '../support/ipc.js';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'";
const INDEX = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>Evidence Vault</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./assets/app.js"></script>
  </body>
</html>
`;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(
  host: BrowserHost,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: host.address,
        port: host.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `${host.address}:${host.port}`, ...opts.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

let root: { dir: string; cleanup: () => Promise<void> };
let rendererDir: string;
let factory: CountingFactory;
let host: BrowserHost;
let cookie: string;

function invoke<T>(
  channel: string,
  req: unknown,
  headers: Record<string, string> = {},
): Promise<Reply & { result?: IpcResult<T> }> {
  return request(host, {
    method: 'POST',
    path: '/api/invoke',
    headers: { 'Content-Type': 'application/json', Origin: host.origin, Cookie: cookie, ...headers },
    body: encodeWire({ channel, request: req }),
  }).then((r) => (r.status === 200 ? { ...r, result: decodeWire(r.body.toString('utf8')) as IpcResult<T> } : r));
}

async function okValue<T>(channel: string, req: unknown): Promise<T> {
  const r = await invoke<T>(channel, req);
  expect(r.status).toBe(200);
  if (!r.result?.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.result)}`);
  return r.result.value;
}

beforeAll(async () => {
  root = await tempDir('ev-host-');
  rendererDir = path.join(root.dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), INDEX);
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'document.title = "ok";\n');
  factory = countingFactory();
  host = await startBrowserHost({
    vaultDir: path.join(root.dir, 'vault'),
    rendererDir,
    kdf: TEST_KDF,
    vaults: factory,
  });
  const first = await request(host, { path: pathOf(host.url) });
  expect(first.status).toBe(303);
  expect(first.headers.location).toBe('/');
  const setCookie = first.headers['set-cookie']?.[0] ?? '';
  expect(setCookie.split(/;\s*/).slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
  cookie = setCookie.split(';')[0]!;
  expect(cookie).toBe(`ev_token_${host.port}=${host.token}`);
});

/** The path and query of a link (what a browser would request). */
function pathOf(link: string): string {
  const u = new URL(link);
  return `${u.pathname}${u.search}`;
}

afterAll(async () => {
  await host.close();
  await root.cleanup();
});

describe('the way in: a one-time ticket, then the cookie', () => {
  it('listens on a random loopback address; each link carries a new ticket and never the token', () => {
    expect(host.address).toMatch(/^127\.\d+\.\d+\.\d+$/);
    // Linux has all of 127.0.0.0/8: not the address every other local server shares.
    if (process.platform === 'linux') expect(host.address).not.toBe('127.0.0.1');
    expect(host.origin).toBe(`http://${host.address}:${host.port}`);
    expect(host.appUrl).toBe(`${host.origin}/`);
    const [a, b] = [host.url, host.ticketUrl()];
    expect(a).toMatch(new RegExp(`^${host.origin.replace(/\./g, '\\.')}/\\?ticket=[A-Za-z0-9_-]{32}$`));
    expect(b).not.toBe(a);
    expect(a).not.toContain(host.token);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('a used, unknown, expired or misplaced ticket is refused and sets no cookie', async () => {
    const link = pathOf(host.url);
    expect((await request(host, { path: link })).status).toBe(303);
    const again = await request(host, { path: link });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body.toString('utf8')).toContain('this link has been used or has expired');

    const brief = pathOf(host.ticketUrl(1));
    await new Promise((r) => setTimeout(r, 20));
    expect((await request(host, { path: brief })).status).toBe(403);

    expect((await request(host, { path: `/?ticket=${'A'.repeat(32)}` })).status).toBe(403);
    const ticket = new URL(host.url).searchParams.get('ticket')!;
    expect((await request(host, { path: `/bridge.js?ticket=${ticket}` })).status).toBe(403);
    // Tried at the wrong place it is used up too.
    expect((await request(host, { path: `/?ticket=${ticket}` })).status).toBe(403);
    const posted = new URL(host.url).searchParams.get('ticket')!;
    const post = await request(host, { method: 'POST', path: `/?ticket=${posted}`, headers: { Origin: host.origin } });
    expect(post.status).toBe(403);
    // The token itself is no way in through the address bar.
    expect((await request(host, { path: `/?token=${host.token}` })).status).toBe(403);
  });

  it('says Cache-Control: no-store on every response, so nothing is kept in the browser', async () => {
    const replies = [
      await request(host, { path: pathOf(host.url) }),
      await request(host, { path: '/', headers: { Cookie: cookie } }),
      await request(host, { path: '/bridge.js', headers: { Cookie: cookie } }),
      await request(host, { path: '/assets/app.js', headers: { Cookie: cookie } }),
      await request(host, { path: '/nothing-here', headers: { Cookie: cookie } }),
      await request(host, { path: '/api/nothing', headers: { Cookie: cookie } }),
      await request(host, { path: '/api/invoke', headers: { Cookie: cookie } }),
      await request(host, { path: '/' }),
      await request(host, { path: '/?ticket=used' }),
      await invoke('vault.status', {}),
    ];
    expect(replies.map((r) => r.status)).toEqual([303, 200, 200, 200, 404, 404, 405, 403, 403, 200]);
    for (const r of replies) expect(r.headers['cache-control']).toBe('no-store');
  });
});

describe('the right token', () => {
  it('serves index.html with the bridge before the app script and the CSP as a header', async () => {
    const r = await request(host, { path: '/', headers: { Cookie: cookie } });
    expect(r.status).toBe(200);
    const html = r.body.toString('utf8');
    const bridgeAt = html.indexOf('<script src="./bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(html.indexOf('./assets/app.js'));
    expect(r.headers['content-security-policy']).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const bridge = await request(host, { path: '/bridge.js', headers: { Cookie: cookie } });
    expect(bridge.status).toBe(200);
    expect(bridge.headers['content-type']).toMatch(/^text\/javascript/);
    expect(bridge.body.toString('utf8')).toContain('api/invoke');
    const app = await request(host, { path: '/assets/app.js', headers: { Cookie: cookie } });
    expect(app.body.toString('utf8')).toContain('document.title');
  });

  it('answers invoke with the cookie or the token header', async () => {
    expect(await okValue('vault.status', {})).toEqual({ state: 'none', location: 'vault', nativeDialogs: false });
    const r = await invoke('vault.status', {}, { Cookie: '', 'X-Evidence-Vault-Token': host.token });
    expect(r.result).toMatchObject({ ok: true });
  });

  it('serves no exhibit URL: exhibits reach the window only as exhibits.read answers', async () => {
    await okValue('vault.create', { passphrase: 'correct horse battery staple' });
    const incident = await okValue<Incident>('incidents.create', {
      input: { title: 'Post', occurredAt: { date: '2024-05-03' } },
    });
    const png = new Uint8Array(await readFile(path.join(FIXTURES, 'post-1.png')));
    const [exhibit] = await okValue<Exhibit[]>('exhibits.import', {
      incidentId: incident.id,
      jobId: '00112233445566778899aabbccddeeff',
      sources: [{ kind: 'bytes', name: 'post-1.png', data: png }],
    });
    const bytes = await okValue<Uint8Array>('exhibits.read', { id: exhibit!.id });
    expect(Buffer.from(bytes).equals(Buffer.from(png))).toBe(true);
    factory.calls.length = 0;
    const r = await request(host, { path: `/api/exhibit/${exhibit!.id}`, headers: { Cookie: cookie } });
    expect(r.status).toBe(404);
    expect(r.body.includes(Buffer.from('PNG'))).toBe(false);
    expect(factory.calls).toEqual([]);
  });

  it('streams events', async () => {
    const got = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: host.address,
          port: host.port,
          path: '/api/events',
          headers: { Host: `${host.address}:${host.port}`, Cookie: cookie },
          agent: false,
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
            if (text.includes(': connected')) void host.service.dispatch('vault.lock', {});
            if (text.includes('event: locked')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(got).toContain('event: locked\ndata: {"reason":"user"}');
    await okValue('vault.unlock', { passphrase: 'correct horse battery staple' });
  });

  it('does not serve files outside the renderer', async () => {
    for (const p of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/assets/../../vault/vault.json', '/.hidden']) {
      const r = await request(host, { path: p, headers: { Cookie: cookie } });
      expect(r.status, p).toBe(404);
    }
  });
});

describe('refused: 403 and no vault call', () => {
  const incidentRequest = { input: { title: 'Planted', occurredAt: { date: '2024-01-01' } } };

  async function expectNoVaultCall(send: () => Promise<Reply>): Promise<void> {
    const custodyBefore = (await okValue<unknown[]>('custody.list', {})).length;
    const incidentsBefore = (await okValue<unknown[]>('incidents.list', {})).length;
    factory.calls.length = 0;
    const r = await send();
    expect(r.status).toBe(403);
    expect(r.body.toString('utf8')).not.toContain('Planted');
    expect(factory.calls).toEqual([]);
    expect(await okValue<unknown[]>('custody.list', {})).toHaveLength(custodyBefore);
    expect(await okValue<unknown[]>('incidents.list', {})).toHaveLength(incidentsBefore);
  }

  beforeAll(async () => {
    const status = await okValue<{ state: string }>('vault.status', {});
    if (status.state === 'none') await okValue('vault.create', { passphrase: 'correct horse battery staple' });
    if (status.state === 'locked') await okValue('vault.unlock', { passphrase: 'correct horse battery staple' });
  });

  it('no token', () => expectNoVaultCall(() => invoke('incidents.create', incidentRequest, { Cookie: '' })));
  it('a wrong token in the cookie', () =>
    expectNoVaultCall(() =>
      invoke('incidents.create', incidentRequest, { Cookie: `ev_token_${host.port}=${'A'.repeat(43)}` }),
    ));
  it('a wrong token in the header', () =>
    expectNoVaultCall(() =>
      invoke('incidents.create', incidentRequest, { Cookie: '', 'X-Evidence-Vault-Token': host.token.slice(1) + 'x' }),
    ));
  it("another port's cookie", () =>
    expectNoVaultCall(() =>
      invoke('incidents.create', incidentRequest, { Cookie: `ev_token_${host.port + 1}=${host.token}` }),
    ));
  it('a foreign Origin, even with the right token', () =>
    expectNoVaultCall(() => invoke('incidents.create', incidentRequest, { Origin: 'http://evil.example' })));
  it('a localhost Origin on another port', () =>
    expectNoVaultCall(() =>
      invoke('incidents.create', incidentRequest, { Origin: `http://127.0.0.1:${host.port + 1}` }),
    ));
  it('the null Origin (sandboxed frame)', () =>
    expectNoVaultCall(() => invoke('incidents.create', incidentRequest, { Origin: 'null' })));
  it('a POST without Origin', () =>
    expectNoVaultCall(() =>
      request(host, {
        method: 'POST',
        path: '/api/invoke',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: encodeWire({ channel: 'incidents.create', request: incidentRequest }),
      }),
    ));
  it('a foreign Host (DNS rebinding)', () =>
    expectNoVaultCall(() => invoke('incidents.create', incidentRequest, { Host: `evil.example:${host.port}` })));
  it('localhost instead of the host’s address', () =>
    expectNoVaultCall(() => invoke('incidents.create', incidentRequest, { Host: `localhost:${host.port}` })));
  it('127.0.0.1 instead of the host’s address', () =>
    expectNoVaultCall(() => invoke('incidents.create', incidentRequest, { Host: `127.0.0.1:${host.port}` })));
  it('a cross-site fetch', () =>
    expectNoVaultCall(() => invoke('incidents.create', incidentRequest, { 'Sec-Fetch-Site': 'cross-site' })));
  it('an API path without the token', () =>
    expectNoVaultCall(() => request(host, { path: `/api/exhibit/${'0'.repeat(32)}` })));
  it('the event stream without the token', () => expectNoVaultCall(() => request(host, { path: '/api/events' })));
  it('the page without the token, or with a wrong one', async () => {
    await expectNoVaultCall(() => request(host, { path: '/' }));
    await expectNoVaultCall(() => request(host, { path: '/?token=nope' }));
    await expectNoVaultCall(() => request(host, { path: `/?token=${host.token}x` }));
    await expectNoVaultCall(() => request(host, { path: '/?ticket=nope' }));
    await expectNoVaultCall(() => request(host, { path: '/bridge.js' }));
  });
});

describe('listening', () => {
  function connects(address: string, port: number): Promise<boolean> {
    return new Promise((resolve) => {
      const s = net.connect({ host: address, port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
  }

  it('on its one loopback address only', async () => {
    expect(await connects(host.address, host.port)).toBe(true);
    for (const other of ['127.0.0.1', '127.0.0.2', '::1'].filter((a) => a !== host.address)) {
      expect(await connects(other, host.port), other).toBe(false);
    }
    const { networkInterfaces } = await import('node:os');
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) {
        if (!a.internal) expect(await connects(a.address, host.port), a.address).toBe(false);
      }
    }
  });
});

describe('the command line host', () => {
  function startCli(vaultDir: string): Promise<{ child: ReturnType<typeof spawn>; url: string; origin: string }> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/cli.ts', '--vault', vaultDir, '--renderer', rendererDir, '--json'],
      { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, EVIDENCE_VAULT_TEST_KDF: '1' } },
    );
    return new Promise((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', (line) => {
        const info = JSON.parse(line) as { url: string; origin: string };
        resolve({ child, ...info });
      });
      child.once('exit', (code) => reject(new Error(`host exited early (${code})`)));
    });
  }

  function exited(child: ReturnType<typeof spawn>): Promise<number | null> {
    return new Promise((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  }

  it('prints its address and stops when stdin ends (the terminal closed)', async () => {
    const { child, url, origin } = await startCli(path.join(root.dir, 'cli-vault-1'));
    expect(url.startsWith(`${origin}/?ticket=`)).toBe(true);
    expect(origin).toMatch(/^http:\/\/127\.\d+\.\d+\.\d+:\d+$/);
    const r = await fetch(url, { redirect: 'manual' });
    expect(r.status).toBe(303);
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(403);
    child.stdin!.end();
    expect(await exited(child)).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('stops on SIGHUP', async () => {
    const { child, origin } = await startCli(path.join(root.dir, 'cli-vault-2'));
    child.kill('SIGHUP');
    expect(await exited(child)).toBe(0);
    await expect(fetch(origin)).rejects.toThrow();
  });
});

describe('--open: the browser gets a one-time ticket on its command line, never the token', () => {
  /** Every process's command line, as `ps` shows them to any user. */
  function allCommandLines(): string[] {
    const out: string[] = [];
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        out.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '));
      } catch {
        // gone, or not ours to read
      }
    }
    return out;
  }

  /** A stand-in browser: records how it was started, opens the link as a browser would, then stays open. */
  async function standInBrowser(name: string): Promise<{ program: string; report: string }> {
    const dir = path.join(root.dir, `browser-${name}`);
    await mkdir(dir, { recursive: true });
    const report = path.join(dir, 'report.json');
    const program = path.join(dir, name);
    await writeFile(
      program,
      `#!${process.execPath}
const http = require('node:http');
const fs = require('node:fs');
const args = process.argv.slice(2);
http.get(args[args.length - 1], { agent: false }, (res) => {
  res.resume();
  const out = { pid: process.pid, args, status: res.statusCode, setCookie: res.headers['set-cookie'] ?? [] };
  fs.writeFileSync(${JSON.stringify(report)} + '.tmp', JSON.stringify(out));
  fs.renameSync(${JSON.stringify(report)} + '.tmp', ${JSON.stringify(report)});
  setTimeout(() => undefined, 60000);
});
`,
    );
    await chmod(program, 0o755);
    return { program, report };
  }

  async function openWith(name: string) {
    const browser = await standInBrowser(name);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/host/cli.ts',
        '--vault',
        path.join(root.dir, `open-${name}`),
        '--renderer',
        rendererDir,
        '--open',
        '--browser',
        browser.program,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, EVIDENCE_VAULT_TEST_KDF: '1' } },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 20_000;
    while (!existsSync(browser.report) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const report = JSON.parse(await readFile(browser.report, 'utf8')) as {
      pid: number;
      args: string[];
      status: number;
      setCookie: string[];
    };
    while (!/Opened/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const stop = async () => {
      process.kill(report.pid);
      const exit = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exit;
    };
    return { report, out: () => out, stop };
  }

  it.skipIf(process.platform !== 'linux')(
    'in a private window where the browser has one; the token is in no process’s command line',
    async () => {
      const { report, out, stop } = await openWith('fake-chromium');
      try {
        expect(report.args[0]).toBe('--incognito');
        const link = report.args[1]!;
        expect(link).toMatch(/^http:\/\/127\.\d+\.\d+\.\d+:\d+\/\?ticket=[A-Za-z0-9_-]{32}$/);
        expect(report.status).toBe(303);
        const setCookie = report.setCookie[0] ?? '';
        expect(setCookie).toContain('HttpOnly');
        expect(setCookie).toContain('SameSite=Strict');
        const token = /^ev_token_\d+=([^;]+)/.exec(setCookie)?.[1];
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

        // While host and browser run: the stand-in's command line (with its spent ticket) is there
        // for all to see, the token is on none.
        const lines = allCommandLines();
        expect(lines.some((l) => l.includes(link))).toBe(true);
        expect(lines.filter((l) => l.includes(token!))).toEqual([]);
        // The ticket on that command line is spent.
        expect((await fetch(link, { redirect: 'manual' })).status).toBe(403);
        expect(out()).toContain('Opened a private window of fake-chromium');
      } finally {
        await stop();
      }
    },
  );

  it.skipIf(process.platform !== 'linux')('says plainly when it cannot ask for a private window', async () => {
    const { report, out, stop } = await openWith('plain-browser');
    try {
      expect(report.args).toHaveLength(1);
      expect(report.status).toBe(303);
      expect(out()).toContain('Opened the browser with plain-browser, which cannot ask for a private window.');
    } finally {
      await stop();
    }
  });
});

describe('on 127.0.0.1 (a system with no other loopback address)', () => {
  it('keeps the app and its cookie under a random path, away from other local servers', async () => {
    const shared = await startBrowserHost({
      vaultDir: path.join(root.dir, 'shared-vault'),
      rendererDir,
      kdf: TEST_KDF,
      address: '127.0.0.1',
      lockWhenNoWindowMs: 0,
    });
    try {
      expect(shared.appUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/);
      const base = new URL(shared.appUrl).pathname;
      expect(shared.url.startsWith(`${shared.appUrl}?ticket=`)).toBe(true);
      const first = await fetch(shared.url, { redirect: 'manual' });
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe(base);
      const setCookie = first.headers.get('set-cookie') ?? '';
      expect(setCookie).toContain(`Path=${base}`);
      const jar = { Cookie: setCookie.split(';')[0]! };
      const page = await fetch(shared.appUrl, { headers: jar });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script src="./bridge.js"></script>');
      expect((await fetch(`${shared.appUrl}bridge.js`, { headers: jar })).status).toBe(200);
      expect((await fetch(`${shared.origin}/`, { headers: jar })).status).toBe(404);
      expect((await fetch(`${shared.origin}/bridge.js`, { headers: jar })).status).toBe(404);
      const r = await fetch(`${shared.appUrl}api/invoke`, {
        method: 'POST',
        headers: { ...jar, 'Content-Type': 'application/json', Origin: shared.origin },
        body: encodeWire({ channel: 'vault.status', request: {} }),
      });
      expect(decodeWire(await r.text())).toMatchObject({ ok: true, value: { state: 'none' } });
    } finally {
      await shared.close();
    }
  });
});

describe('the built host (dist/host.cjs)', () => {
  const built = path.resolve('dist/host.cjs');
  const bridge = path.resolve('dist/host-bridge.js');
  it.skipIf(!existsSync(built) || !existsSync(bridge))('serves the prebuilt bridge and stops with stdin', async () => {
    const child = spawn(
      process.execPath,
      [built, '--vault', path.join(root.dir, 'built-vault'), '--renderer', rendererDir, '--json'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    const info = await new Promise<{ url: string; origin: string }>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', (l) =>
        resolve(JSON.parse(l) as { url: string; origin: string }),
      );
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const first = await fetch(info.url, { redirect: 'manual' });
    const cookieHeader = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    const r = await fetch(`${info.origin}/bridge.js`, { headers: { Cookie: cookieHeader } });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(await readFile(bridge, 'utf8'));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdin.end();
    expect(await exit).toBe(0);
  });
});

describe('no window left', () => {
  it('locks the vault when no window has been connected for the set time', async () => {
    const dir = path.join(root.dir, 'idle-vault');
    const idle = await startBrowserHost({ vaultDir: dir, rendererDir, kdf: TEST_KDF, lockWhenNoWindowMs: 300 });
    try {
      const made = await idle.service.dispatch('vault.create', { passphrase: 'correct horse battery staple' });
      expect(made.ok).toBe(true);
      // An invoke over HTTP with no event stream open arms the timer.
      const r = await fetch(`${idle.origin}/api/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: idle.origin, 'X-Evidence-Vault-Token': idle.token },
        body: encodeWire({ channel: 'vault.status', request: {} }),
      });
      expect((decodeWire(await r.text()) as IpcResult<{ state: string }>).ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await idle.service.status()).toMatchObject({ state: 'locked' });
    } finally {
      await idle.close();
    }
  });
});
