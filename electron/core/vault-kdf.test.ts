/**
 * The Argon2id parameters in vault.json are not trusted: outside sane bounds they are refused with
 * one plain line, before any work; and a costly derivation runs off the main thread, so the
 * process stays responsive and an AbortSignal (the CLI's Ctrl-C / SIGTERM) stops it at once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PASS, cleanupTemp, errorOf, newVault, tempDir } from '../../test/support/core.js';
import { KDF_BOUNDS } from './crypto/index.js';
import { HEADER_FILE } from './keys/header.js';
import { Vault } from './vault.js';

afterAll(cleanupTemp);

function editKdf(dir: string, kdf: { opsLimit?: number; memLimit?: number }): void {
  const p = join(dir, HEADER_FILE);
  const h = JSON.parse(readFileSync(p, 'utf8')) as { kdf: Record<string, unknown> };
  Object.assign(h.kdf, kdf);
  writeFileSync(p, JSON.stringify(h, null, 2));
}

describe('Argon2id parameters from vault.json', () => {
  test.each([
    [
      'a huge opsLimit (unlock would take hours)',
      { opsLimit: 100000, memLimit: 256 << 20 },
      'opsLimit 100000 is outside 1–10',
    ],
    ['a memLimit the WebAssembly build cannot allocate', { memLimit: 2 ** 31 }, 'memLimit 2147483648 is outside'],
    ['a memLimit below libsodium’s minimum', { memLimit: 4096 }, 'memLimit 4096 is outside'],
    ['a cost above 4 GiB in all', { opsLimit: 8, memLimit: 2 ** 30 }, 'is above 4 GiB'],
  ])(
    '%s: refused at once with one plain line',
    async (_, kdf, words) => {
      const { vault, dir } = await newVault();
      vault.close();
      editKdf(dir, kdf);
      const t0 = performance.now();
      const e = await errorOf(() => Vault.open(dir, { passphrase: PASS }));
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(e.code).toBe('TAMPERED');
      expect(e.message).toContain(words);
      expect(e.message).toContain(`${HEADER_FILE} cannot be used`);
      expect(e.message).not.toContain('\n');
    },
    20_000,
  );

  test('a new vault with parameters outside the bounds is refused', async () => {
    const dir = join(tempDir(), 'v');
    const e = await errorOf(() => Vault.create(dir, PASS, { kdf: { opsLimit: 50, memLimit: 8192 } }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('opsLimit 50 is outside');
    expect(KDF_BOUNDS.opsMax).toBe(10);
  });

  test('a costly unlock leaves the main thread free, and an AbortSignal stops it at once', async () => {
    // 4 passes over 256 MiB: about a second here, on the main thread before.
    const { vault, dir } = await newVault({ kdf: { opsLimit: 4, memLimit: 256 << 20 } });
    vault.close();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const t0 = performance.now();
    const e = await errorOf(() => Vault.open(dir, { passphrase: PASS }, { signal: controller.signal }));
    const ms = performance.now() - t0;
    clearInterval(timer);
    expect(e.code).toBe('CANCELLED');
    expect(ticks).toBeGreaterThan(0); // the main thread ran timers while Argon2id worked
    // Not cancelled, it opens; the cancelled one ended sooner than a whole unlock takes (timings
    // compared in the same run, as the machine may be busy).
    const t1 = performance.now();
    const v = await Vault.open(dir, { passphrase: PASS });
    const full = performance.now() - t1;
    expect(ms).toBeLessThan(full);
    expect((await v.check()).problems).toEqual([]);
    v.close();
  }, 30_000);
});
