/**
 * Playwright fixtures for Evidence Vault: the real renderer (dist/renderer, `npm run build` first)
 * against the real core, in Debian's Chromium, through the browser host (electron/host/).
 *
 *   import { test, expect, TEST_PASSPHRASE } from './fixtures.js';
 *
 *   test('shows the unlock screen for an existing vault', async ({ page, vault }) => {
 *     // vault.host runs on a fresh temporary vault folder; the page is already open on it.
 *     await expect(page.getByLabel('Passphrase')).toBeVisible();
 *     expect(vault.requests.filter((r) => r.external)).toEqual([]);
 *   });
 *
 *   test.describe('with data', () => {
 *     test.use({ vaultSeed: { incidents: [{ title: 'Egg thrown', occurredAt: { date: '2024-05-03' } }],
 *                            attach: [{ incident: 0, files: ['email-2.eml'] }] } });
 *     test('…', async ({ page, vault }) => { await vault.unlock(); … });
 *   });
 *
 * Fixtures
 * - `vault` (per test): { dir, host, origin, seed, requests, pageErrors, open(), unlock(passphrase?) }
 *     dir        the vault folder (a temporary folder, removed after the test)
 *     host       the BrowserHost (host.service is the handler table, for assertions)
 *     seed       what seedVault returned (recoveryKey, incidentIds, personIds) or null (no vault yet)
 *     requests   every request the browser context made, in order: { url, method, resourceType, external }
 *                (external: not to the host's origin; such requests are also aborted, so nothing leaves)
 *     pageErrors uncaught errors in the page (console errors are in consoleErrors)
 *     open()     (re)open the app in `page` with a fresh one-time ticket, exchanged for the cookie
 *                (done once before the test unless vaultOpen: false)
 *     unlock()   unlock through window.vault (not the form), then reload the page: for specs about
 *                a screen behind the unlock screen (specs of the unlock screen use the form)
 * Options (test.use)
 * - `vaultSeed`: SeedSpec | null — pre-create the vault with data (fast test KDF; passphrase
 *   TEST_PASSPHRASE unless given). null (default): no vault, the app starts at "create a vault".
 * - `vaultOpen`: boolean — open the page before the test (default true).
 * Vaults created through the UI also use the fast test KDF.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost, type BrowserHost } from '../electron/host/server.js';
import { TEST_KDF } from '../electron/core/index.js';
import { seedVault, TEST_PASSPHRASE, FIXTURES_DIR, type SeedResult, type SeedSpec } from './support/seed.js';

export { expect, TEST_PASSPHRASE, FIXTURES_DIR, seedVault };
export type { SeedSpec, SeedResult };

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Not to the host's own origin (such requests are aborted). */
  external: boolean;
}

export interface VaultFixture {
  dir: string;
  host: BrowserHost;
  origin: string;
  seed: SeedResult | null;
  requests: RecordedRequest[];
  pageErrors: Error[];
  consoleErrors: string[];
  /** Open the app in the test's page (a one-time ticket link, then the app at host.appUrl). */
  open(page?: Page): Promise<void>;
  /** Unlock through window.vault (not the form), then reload: for specs about screens behind the lock. */
  unlock(passphrase?: string): Promise<void>;
}

interface Options {
  vaultSeed: SeedSpec | null;
  vaultOpen: boolean;
  /** 'default': the host writes the real Argon2id cost, so a seeded (test-cost) vault is weak for it. */
  hostKdf: 'test' | 'default';
}

/**
 * The built vault process (dist/vault-process.cjs, made by `npm run build` with the renderer these specs
 * load from dist/): what ships, and it starts in a fraction of the time of the core's source through tsx,
 * at every unlock. Without a build, the host runs the source.
 */
const builtVaultProcess = fileURLToPath(new URL('../dist/vault-process.cjs', import.meta.url));
const BUILT_VAULT_PROCESS = existsSync(builtVaultProcess) ? { file: builtVaultProcess, execArgv: [] } : undefined;

export const test = base.extend<Options & { vault: VaultFixture }>({
  vaultSeed: [null, { option: true }],
  vaultOpen: [true, { option: true }],
  hostKdf: ['test', { option: true }],
  vault: async ({ page, context, vaultSeed, vaultOpen, hostKdf }, use) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'ev-e2e-'));
    const dir = path.join(root, 'vault');
    const seed = vaultSeed ? await seedVault(dir, vaultSeed) : null;
    const host = await startBrowserHost({
      vaultDir: dir,
      ...(BUILT_VAULT_PROCESS ? { vaultProcess: BUILT_VAULT_PROCESS } : {}),
      ...(hostKdf === 'test' ? { kdf: TEST_KDF } : {}),
      lockWhenNoWindowMs: 0,
    });
    const requests: RecordedRequest[] = [];
    const pageErrors: Error[] = [];
    const consoleErrors: string[] = [];
    context.on('request', (r) => {
      const url = r.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      let external = true;
      try {
        external = new URL(url).origin !== host.origin;
      } catch {
        external = true;
      }
      requests.push({ url, method: r.method(), resourceType: r.resourceType(), external });
    });
    // Nothing may leave the machine: any request not to the host is aborted (and recorded above).
    await context.route(
      (url) => url.origin !== host.origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
      (route) => route.abort('blockedbyclient'),
    );
    page.on('pageerror', (e) => pageErrors.push(e));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });

    const fixture: VaultFixture = {
      dir,
      host,
      origin: host.origin,
      seed,
      requests,
      pageErrors,
      consoleErrors,
      async open(p = page) {
        await p.goto(host.url);
        await p.waitForURL(host.appUrl);
      },
      async unlock(passphrase = seed?.passphrase ?? TEST_PASSPHRASE) {
        const result = await page.evaluate(
          (pass) => window.vault!.invoke('vault.unlock', { passphrase: pass }),
          passphrase,
        );
        if (!result.ok) throw new Error(`unlock failed: ${result.error.message}`);
        await page.reload();
      },
    };
    if (vaultOpen) await fixture.open();
    try {
      await use(fixture);
    } finally {
      await host.close();
      await rm(root, { recursive: true, force: true });
    }
  },
});

declare global {
  interface Window {
    vault?: import('../shared/ipc.js').VaultBridge;
  }
}
