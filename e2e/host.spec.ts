/**
 * Plumbing of the browser host in real Chromium: window.vault is there and works, the page is
 * served with its CSP, nothing is requested off the machine, and a page of another origin on the
 * same machine cannot call the vault even though the browser holds the token cookie.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, TEST_PASSPHRASE } from './fixtures.js';

test('window.vault is present, frozen, and reaches the real core', async ({ page, vault }) => {
  const shape = await page.evaluate(() => ({
    keys: Object.keys(window.vault ?? {}).sort(),
    frozen: Object.isFrozen(window.vault),
    replaced: (() => {
      try {
        (window as unknown as { vault: unknown }).vault = { invoke: () => 'evil' };
      } catch {
        /* strict mode would throw */
      }
      return typeof window.vault?.invoke === 'function' && window.vault.invoke.length > 0;
    })(),
  }));
  expect(shape).toEqual({ keys: ['grantForDroppedFile', 'invoke', 'on'], frozen: true, replaced: true });

  const status = await page.evaluate(() => window.vault!.invoke('vault.status', {}));
  expect(status).toEqual({ ok: true, value: { state: 'none', location: 'vault', nativeDialogs: false } });
  const bad = await page.evaluate(() =>
    window.vault!.invoke('incidents.get' as 'incidents.list', { id: '../../../etc/passwd' } as never),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

  // Events arrive over the event stream.
  const created = await page.evaluate(async (pass) => {
    const got: unknown[] = [];
    const off = window.vault!.on('locked', (p) => got.push(p));
    const made = await window.vault!.invoke('vault.create', { passphrase: pass });
    await window.vault!.invoke('vault.lock', {});
    for (let i = 0; i < 50 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    off();
    return { ok: made.ok, got };
  }, TEST_PASSPHRASE);
  expect(created).toEqual({ ok: true, got: [{ reason: 'user' }] });

  // The ticket left the address bar; nothing left the machine.
  expect(page.url()).toBe(vault.host.appUrl);
  expect(vault.requests.filter((r) => r.external)).toEqual([]);
});

test('the way in: a one-time ticket for an HttpOnly, SameSite=Strict cookie the page cannot read', async ({
  page,
  context,
  vault,
}) => {
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const cookies = await context.cookies(vault.origin);
  expect(cookies).toEqual([
    expect.objectContaining({
      name: `ev_token_${vault.host.port}`,
      value: vault.host.token,
      httpOnly: true,
      sameSite: 'Strict',
      domain: vault.host.address,
    }),
  ]);
  // A spent ticket, in a browser without the cookie, gets nowhere.
  const link = vault.host.url;
  const other = await context.browser()!.newContext();
  try {
    const first = await other.newPage();
    await first.goto(link);
    await expect(first).toHaveURL(vault.host.appUrl);
    const second = await (await context.browser()!.newContext()).newPage();
    const refused = await second.goto(link);
    expect(refused?.status()).toBe(403);
    expect(refused?.headers()['cache-control']).toBe('no-store');
    await second.context().close();
  } finally {
    await other.close();
  }
});

test('the page comes with its CSP header and no inline script runs', async ({ page, vault }) => {
  const response = await page.goto(vault.host.appUrl);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(response?.headers()['cache-control']).toBe('no-store');
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
});

test('a page of another origin cannot call the vault, though the browser holds the cookie', async ({
  page,
  context,
  vault,
}) => {
  // Create a vault so that a successful attack would leave a trace (an incident).
  const made = await page.evaluate(
    (pass) => window.vault!.invoke('vault.create', { passphrase: pass }),
    TEST_PASSPHRASE,
  );
  expect(made.ok).toBe(true);

  const target = vault.origin;
  const evilHtml = `<!doctype html><title>evil</title><script>
    const body = JSON.stringify({ channel: 'incidents.create', request: { input: { title: 'Planted', occurredAt: { date: '2024-01-01' } } } });
    const out = [];
    Promise.allSettled([
      fetch('${target}/api/invoke', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body })
        .then((r) => out.push('cors:' + r.status), (e) => out.push('cors:blocked')),
      fetch('${target}/api/invoke', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body })
        .then((r) => out.push('no-cors:' + r.type), (e) => out.push('no-cors:blocked')),
      fetch('${target}/api/invoke', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body })
        .then((r) => out.push('simple:' + r.status), (e) => out.push('simple:blocked')),
    ]).then(() => { document.title = 'done ' + out.sort().join(' '); });
  </script>`;
  const evil = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(evilHtml);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  try {
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    const evilPage = await context.newPage();
    await evilPage.goto(`${evilOrigin}/`);
    await expect(evilPage).toHaveTitle(/^done /);
    const title = await evilPage.title();
    expect(title).not.toMatch(/:200/);
    await evilPage.close();
  } finally {
    evil.close();
  }
  // The host's own page still works and finds nothing planted.
  const list = await page.evaluate(() => window.vault!.invoke('incidents.list', {}));
  expect(list).toEqual({ ok: true, value: [] });
  const custody = await vault.host.service.dispatch('custody.list', {});
  expect(JSON.stringify(custody)).not.toContain('Planted');
});

test.describe('a seeded vault', () => {
  test.use({
    vaultSeed: {
      incidents: [
        { title: 'Abusive reply under my post', occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00' } },
      ],
      attach: [{ incident: 0, files: ['post-1.png'] }],
    },
  });

  test('exhibits reach an <img> from memory through exhibits.read (the host serves no exhibit URL)', async ({
    page,
    vault,
  }) => {
    await vault.unlock();
    const result = await page.evaluate(async () => {
      const list = await window.vault!.invoke('incidents.list', {});
      if (!list.ok) return { error: list.error.message };
      const exhibit = list.value[0]!.exhibits[0]!;
      const read = await window.vault!.invoke('exhibits.read', { id: exhibit.id });
      if (!read.ok) return { error: read.error.message };
      const url = URL.createObjectURL(new Blob([read.value as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
      const img = document.createElement('img');
      img.alt = exhibit.name;
      img.src = url;
      document.body.append(img);
      await img.decode();
      return {
        title: list.value[0]!.title,
        name: exhibit.name,
        width: img.naturalWidth,
        blob: url.startsWith(`blob:${location.origin}/`),
        exhibitUrl: (await fetch(`./api/exhibit/${exhibit.id}`)).status,
      };
    });
    expect(result).toEqual({
      title: 'Abusive reply under my post',
      name: 'post-1.png',
      width: expect.any(Number) as unknown,
      blob: true,
      exhibitUrl: 404,
    });
    expect((result as { width: number }).width).toBeGreaterThan(0);
    expect(vault.seed?.incidentIds).toHaveLength(1);
    expect(vault.requests.filter((r) => r.external)).toEqual([]);
  });
});
