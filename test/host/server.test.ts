/**
 * The browser host (electron/host/server.ts) over real HTTP, against the real core: no token, a
 * wrong token, a foreign Origin or Host get 403 and reach no vault call (the counted core and the
 * custody log prove it); it listens on 127.0.0.1 only; the right token works.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
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
        host: '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${host.port}`, ...opts.headers },
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
  const first = await request(host, { path: `/?token=${host.token}` });
  expect(first.status).toBe(303);
  const setCookie = first.headers['set-cookie']?.[0] ?? '';
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  cookie = setCookie.split(';')[0]!;
  expect(cookie).toBe(`ev_token_${host.port}=${host.token}`);
});

afterAll(async () => {
  await host.close();
  await root.cleanup();
});

describe('the right token', () => {
  it('gives a URL on 127.0.0.1 with the token', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

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
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie },
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
  it('localhost instead of 127.0.0.1', () =>
    expectNoVaultCall(() => invoke('incidents.create', incidentRequest, { Host: `localhost:${host.port}` })));
  it('a cross-site fetch', () =>
    expectNoVaultCall(() => invoke('incidents.create', incidentRequest, { 'Sec-Fetch-Site': 'cross-site' })));
  it('an API path without the token', () =>
    expectNoVaultCall(() => request(host, { path: `/api/exhibit/${'0'.repeat(32)}` })));
  it('the event stream without the token', () => expectNoVaultCall(() => request(host, { path: '/api/events' })));
  it('the page without the token, or with a wrong one', async () => {
    await expectNoVaultCall(() => request(host, { path: '/' }));
    await expectNoVaultCall(() => request(host, { path: '/?token=nope' }));
    await expectNoVaultCall(() => request(host, { path: `/?token=${host.token}x` }));
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

  it('on 127.0.0.1 only', async () => {
    expect(await connects('127.0.0.1', host.port)).toBe(true);
    expect(await connects('127.0.0.2', host.port)).toBe(false);
    expect(await connects('::1', host.port)).toBe(false);
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
    expect(url.startsWith(`${origin}/?token=`)).toBe(true);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(url, { redirect: 'manual' });
    expect(r.status).toBe(303);
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
