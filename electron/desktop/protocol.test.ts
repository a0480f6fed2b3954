/**
 * The app:// protocol handler with real Requests, a real renderer folder on disk and the real core
 * behind electron/service/handlers.ts's vault service (as electron/desktop/main.ts wires it): app files with the CSP
 * header, no way out of the renderer folder, and exhibits only from the open, unlocked vault.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVaultService, type VaultService } from '../service/handlers.js';
import { APP_CSP, APP_ORIGIN, EXHIBIT_CSP } from './constants.js';
import { createAppProtocolHandler, exhibitSourceFor, resolveInside, sniffExhibitType } from './protocol.js';
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
    exhibits: exhibitSourceFor(service),
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
    expect((await get(`${APP_ORIGIN}/index.html`, 'POST')).status).toBe(405);
    expect((await get(`${APP_ORIGIN}/index.html`, 'PUT')).status).toBe(405);
    expect((await get(`${APP_ORIGIN}/nothing-here.js`)).status).toBe(404);
    await writeFile(path.join(rendererDir, 'notes.docx'), 'x');
    expect((await get(`${APP_ORIGIN}/notes.docx`)).status).toBe(404);
  });
});

describe('exhibits', () => {
  it('serves an exhibit of the unlocked vault from memory, byte for byte, sandboxed', async () => {
    const res = await get(`${APP_ORIGIN}/exhibits/${png.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-security-policy')).toBe(EXHIBIT_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(await readFile(path.join(FIXTURES, 'post-1.png')))).toBe(true);
  });

  it('never serves an exhibit as a page the window would run', async () => {
    const res = await get(`${APP_ORIGIN}/exhibits/${html.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
  });

  it('answers 404 for an id the open vault does not have, 400 for what is not an id', async () => {
    expect((await get(`${APP_ORIGIN}/exhibits/${'0'.repeat(32)}`)).status).toBe(404);
    for (const bad of ['xyz', `${png.id}0`, `${png.id}/..`, `${png.id.toUpperCase()}`, `${png.id}?download=1`]) {
      expect((await get(`${APP_ORIGIN}/exhibits/${bad}`)).status, bad).toBe(400);
    }
  });

  it('refuses every exhibit while locked, without touching the vault', async () => {
    await service.lock('test');
    const before = core.calls.length;
    const res = await get(`${APP_ORIGIN}/exhibits/${png.id}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('The vault is locked');
    expect(core.calls.slice(before).filter((c) => c.startsWith('vault.'))).toEqual([]);
    expect(refusals).toContain('refused an exhibit while the vault is locked');

    // Unlocked again, the same URL works again.
    ok(await service.dispatch('vault.unlock', { passphrase: 'correct horse battery staple' }));
    expect((await get(`${APP_ORIGIN}/exhibits/${png.id}`)).status).toBe(200);
  });

  it('serves nothing of another vault after switching', async () => {
    const other = path.join(tmp.dir, 'other-vault');
    await service.switchVault(other);
    ok(await service.dispatch('vault.create', { passphrase: 'another long passphrase here' }));
    expect((await get(`${APP_ORIGIN}/exhibits/${png.id}`)).status).toBe(404);
  });
});

describe('sniffing', () => {
  it('gives a real type only to images and PDFs', () => {
    const b = (...xs: number[]) => Uint8Array.from(xs);
    const ascii = (s: string) => new TextEncoder().encode(s);
    expect(sniffExhibitType(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffExhibitType(b(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffExhibitType(ascii('GIF89a...'))).toBe('image/gif');
    expect(sniffExhibitType(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffExhibitType(ascii('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffExhibitType(ascii('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBe(
      'application/octet-stream',
    );
    expect(sniffExhibitType(ascii('<!doctype html><script>alert(1)</script>'))).toBe('application/octet-stream');
    expect(sniffExhibitType(new Uint8Array())).toBe('application/octet-stream');
  });
});
