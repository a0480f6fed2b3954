/**
 * The app:// protocol handler with real Requests, a real renderer folder on disk and the real core
 * behind electron/service/handlers.ts's vault service (as electron/desktop/main.ts wires it): app files with the CSP
 * header, no way out of the renderer folder, and no exhibit (those go only through exhibits.read).
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVaultService, type VaultService } from '../service/handlers.js';
import { APP_CSP, APP_ORIGIN } from './constants.js';
import { createAppProtocolHandler, resolveInside } from './protocol.js';
import type { IpcResult } from '../../shared/ipc.js';
import type { Exhibit, Incident } from '../../shared/model.js';
import { FIXTURES, TEST_KDF, countingFactory, tempDir, type CountingFactory } from '../../test/support/ipc.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
let rendererDir: string;
let service: VaultService;
let core: CountingFactory;
let handler: (r: Request) => Promise<Response>;
let png: Exhibit;
let html: Exhibit;
const refusals: string[] = [];

function get(url: string, method = 'GET'): Promise<Response> {
  return handler(new Request(url, { method }));
}

function ok<T>(r: IpcResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  tmp = await tempDir('ev-shell-protocol-');
  rendererDir = path.join(tmp.dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Evidence Vault</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(path.join(tmp.dir, 'secret.txt'), 'outside the renderer folder');

  core = countingFactory();
  service = createVaultService({
    vaultDir: path.join(tmp.dir, 'vault'),
    kdf: TEST_KDF,
    nativeDialogs: true,
    emit: () => undefined,
    vaults: core,
  });
  handler = createAppProtocolHandler({
    rootDir: rendererDir,
    log: (m) => refusals.push(m),
  });

  ok(await service.dispatch('vault.create', { passphrase: 'correct horse battery staple' }));
  const incident = ok<Incident>(
    await service.dispatch('incidents.create', {
      input: {
        occurredAt: { date: '2026-05-01', time: '10:00', offset: '+01:00' },
        title: 'Threat by post',
        description: 'A letter.',
      },
    }),
  );
  const evil = path.join(tmp.dir, 'page.html');
  await writeFile(evil, '<html><script>alert(1)</script></html>');
  const png1 = path.join(tmp.dir, 'post-1.png');
  await copyFile(path.join(FIXTURES, 'post-1.png'), png1);
  const grants = [await service.grantPath(png1), await service.grantPath(evil)];
  const exhibits = ok<Exhibit[]>(
    await service.dispatch('exhibits.import', {
      incidentId: incident.id,
      jobId: '0123456789abcdef',
      sources: grants.map((g) => ({ kind: 'grant', grantId: g.grantId })),
    }),
  );
  png = exhibits.find((e) => e.name === 'post-1.png')!;
  html = exhibits.find((e) => e.name === 'page.html')!;
});

afterAll(async () => {
  await service?.dispose();
  await tmp?.cleanup();
});

describe('app files', () => {
  it('serves the entry page with the CSP header, nosniff and no referrer', async () => {
    for (const url of [`${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html`]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await res.text()).toContain('<title>Evidence Vault</title>');
    }
    const js = await get(`${APP_ORIGIN}/assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never leaves the renderer folder', async () => {
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/%00index.html',
    ]) {
      const res = await get(`${APP_ORIGIN}${p}`);
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).not.toContain('outside the renderer folder');
    }
    expect(resolveInside(rendererDir, '/assets/../../secret.txt')).toBeNull();
    expect(resolveInside(rendererDir, '/assets/app.js')).toBe(path.join(rendererDir, 'assets', 'app.js'));
  });

  it('refuses other hosts, other methods, unknown file types and missing files', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect(refusals).toContain('refused a request for another host');
    expect((await get(`${APP_ORIGIN}/index.html`, 'POST')).status).toBe(405);
    expect((await get(`${APP_ORIGIN}/index.html`, 'PUT')).status).toBe(405);
    expect((await get(`${APP_ORIGIN}/nothing-here.js`)).status).toBe(404);
    await writeFile(path.join(rendererDir, 'notes.docx'), 'x');
    expect((await get(`${APP_ORIGIN}/notes.docx`)).status).toBe(404);
  });
});

describe('no exhibits', () => {
  it('serves no exhibit, even of the unlocked vault: exhibits reach the window only through exhibits.read', async () => {
    const before = core.calls.length;
    for (const p of [`/exhibits/${png.id}`, `/exhibits/${html.id}`, `/api/exhibit/${png.id}`]) {
      const res = await get(`${APP_ORIGIN}${p}`);
      expect(res.status, p).toBe(404);
      expect(Buffer.from(await res.arrayBuffer()).includes(Buffer.from('PNG')), p).toBe(false);
    }
    expect(core.calls.slice(before)).toEqual([]);
    // The bytes are there, for the one way they go: the IPC channel.
    const bytes = ok<Uint8Array>(await service.dispatch('exhibits.read', { id: png.id }));
    expect(Buffer.from(bytes).equals(await readFile(path.join(FIXTURES, 'post-1.png')))).toBe(true);
  });
});
