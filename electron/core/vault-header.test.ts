/**
 * The header vault.json under a MAC and a checksum: damage to either key slot or to the Argon2id
 * parameters is named by check(), a damaged header is its own error (not "wrong passphrase"),
 * and a vault made by 0.1.0 (no MAC) opens and gets one.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PASS, cleanupTemp, errorOf, newVault, tempDir } from '../../test/support/core.js';
import { loadSodium, randomBytes, toB64 } from './crypto/index.js';
import { HEADER_FILE, sealHeader, type Header } from './keys/header.js';
import { Vault } from './vault.js';

afterAll(cleanupTemp);

const OLD_VAULT = join(import.meta.dirname, '../../test/fixtures/vault-0.1.0');
const OLD_RECOVERY_KEY = 'Q2K6-5X2N-Y6C3-Y4XC-8CVT-MC26-CQV6-W5V4-8YX0-4TAD-WZQ4-FXM9-ZJQH-VJBY';

function readJson(dir: string): Header {
  return JSON.parse(readFileSync(join(dir, HEADER_FILE), 'utf8')) as Header;
}
function writeJson(dir: string, h: unknown): void {
  writeFileSync(join(dir, HEADER_FILE), JSON.stringify(h, null, 2) + '\n');
}
function flipChar(b64: string, i: number): string {
  const at = (i + b64.length) % b64.length;
  const c = b64[at] === 'A' ? 'B' : 'A';
  return b64.slice(0, at) + c + b64.slice(at + 1);
}
function recovery(h: Header): { type: string; wrappedKey: string } {
  return h.slots.find((s) => s.type === 'recovery')!;
}

async function headerMessages(dir: string): Promise<string[]> {
  const v = await Vault.open(dir, { passphrase: PASS });
  try {
    return (await v.check()).problems.filter((p) => p.kind === 'header').map((p) => p.message);
  } finally {
    v.close();
  }
}

const CORRUPTIONS: [string, (h: Header) => void][] = [
  [
    'a character in the middle of the recovery slot',
    (h) => (recovery(h).wrappedKey = flipChar(recovery(h).wrappedKey, 40)),
  ],
  ['the first character (the nonce)', (h) => (recovery(h).wrappedKey = flipChar(recovery(h).wrappedKey, 0))],
  ['a character of the tag', (h) => (recovery(h).wrappedKey = flipChar(recovery(h).wrappedKey, -3))],
  ['truncated', (h) => (recovery(h).wrappedKey = recovery(h).wrappedKey.slice(0, -8))],
  ['random bytes of the same length', (h) => (recovery(h).wrappedKey = toB64(randomBytes(72)))],
  ['the passphrase slot copied over it', (h) => (recovery(h).wrappedKey = h.slots[0]!.wrappedKey)],
  ['removed', (h) => (h.slots = h.slots.filter((s) => s.type !== 'recovery'))],
];

describe('the header MAC and checksum', () => {
  test.each(CORRUPTIONS)(
    'recovery slot damaged (%s): the passphrase still opens, check names it',
    async (_, damage) => {
      const { vault, dir } = await newVault();
      vault.close();
      const h = readJson(dir);
      damage(h);
      writeJson(dir, h);
      const messages = await headerMessages(dir);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain(`the vault header ${HEADER_FILE} is damaged (it does not match its checksum)`);
    },
  );

  test('an edit with a recomputed checksum is still caught (the MAC is keyed)', async () => {
    await loadSodium();
    const { vault, dir } = await newVault();
    vault.close();
    const h = readJson(dir);
    recovery(h).wrappedKey = toB64(randomBytes(72));
    writeJson(dir, sealHeader(h, randomBytes(32)));
    expect(await headerMessages(dir)).toEqual([
      expect.stringContaining('was altered outside Evidence Vault (it fails its MAC)'),
    ]);
  });

  test('a header whose MAC was stripped, in a vault that had one, is named', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const { mac: _m, checksum: _c, ...rest } = readJson(dir);
    writeJson(dir, rest);
    expect(await headerMessages(dir)).toEqual([expect.stringContaining('has lost its MAC')]);
  });

  test('a damaged passphrase slot or KDF parameter is its own error, not "wrong passphrase"', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const good = readJson(dir);
    const bad = structuredClone(good);
    bad.slots[0]!.wrappedKey = flipChar(bad.slots[0]!.wrappedKey, 30);
    writeJson(dir, bad);
    const e = await errorOf(() => Vault.open(dir, { passphrase: PASS }));
    expect(e.code).toBe('TAMPERED');
    expect(e.message).toContain(`${HEADER_FILE} is damaged, so the passphrase or recovery key could not be tried`);

    const kdf = structuredClone(good);
    kdf.kdf.memLimit *= 2;
    writeJson(dir, kdf);
    expect((await errorOf(() => Vault.open(dir, { passphrase: PASS }))).message).toContain('is damaged');

    // An intact header with the wrong passphrase is still just that.
    writeJson(dir, good);
    expect((await errorOf(() => Vault.open(dir, { passphrase: 'not it' }))).code).toBe('WRONG_PASSPHRASE');
    expect((await errorOf(() => Vault.open(dir, { recoveryKey: 'nonsense' }))).code).toBe('WRONG_RECOVERY_KEY');
  });

  test('an unreadable vault.json of ours is damaged, not "not a vault"', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const text = readFileSync(join(dir, HEADER_FILE), 'utf8');
    writeFileSync(join(dir, HEADER_FILE), text.slice(0, text.length - 20));
    expect((await errorOf(() => Vault.open(dir, { passphrase: PASS }))).code).toBe('TAMPERED');
  });

  test('a passphrase change keeps the header sealed', async () => {
    const { vault, dir } = await newVault();
    await vault.changePassphrase('a new long passphrase');
    expect((await vault.check()).problems).toEqual([]);
    vault.close();
    const v = await Vault.open(dir, { passphrase: 'a new long passphrase' });
    expect((await v.check()).problems).toEqual([]);
    v.close();
  });

  test('a vault made by 0.1.0 opens, gets the MAC, and damage after that is caught', async () => {
    const dir = join(tempDir(), 'old');
    cpSync(OLD_VAULT, dir, { recursive: true });
    expect(readJson(dir).mac).toBeUndefined();
    expect(await headerMessages(dir)).toEqual([]);
    const sealed = readJson(dir);
    expect(sealed.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(sealed.checksum).toMatch(/^[0-9a-f]{64}$/);
    // The recovery key still opens it.
    (await Vault.open(dir, { recoveryKey: OLD_RECOVERY_KEY })).close();
    recovery(sealed).wrappedKey = flipChar(recovery(sealed).wrappedKey, 20);
    writeJson(dir, sealed);
    expect(await headerMessages(dir)).toHaveLength(1);
  });

  test('recovery test: the right key passes without changing anything; a wrong or damaged one is named', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    const other = await newVault();
    other.vault.close();
    vault.close();
    const before = readFileSync(join(dir, HEADER_FILE), 'utf8');
    await Vault.testRecoveryKey(dir, recoveryKey);
    expect(readFileSync(join(dir, HEADER_FILE), 'utf8')).toBe(before);
    expect((await errorOf(() => Vault.testRecoveryKey(dir, other.recoveryKey))).code).toBe('WRONG_RECOVERY_KEY');
    const h = readJson(dir);
    recovery(h).wrappedKey = flipChar(recovery(h).wrappedKey, 10);
    writeJson(dir, h);
    const e = await errorOf(() => Vault.testRecoveryKey(dir, recoveryKey));
    expect(e.code).toBe('TAMPERED');
    expect(e.message).toContain('is damaged');
  });

  test('recovery replace: a new key opens the vault, the old one no longer does, check is clean again', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    vault.close();
    const h = readJson(dir);
    recovery(h).wrappedKey = flipChar(recovery(h).wrappedKey, 10);
    writeJson(dir, h);
    expect(await headerMessages(dir)).toHaveLength(1);
    const v = await Vault.open(dir, { passphrase: PASS });
    const fresh = v.replaceRecoveryKey();
    expect(fresh).not.toBe(recoveryKey);
    expect(v.custodyLog().at(-1)).toMatchObject({
      action: 'edit',
      subjectKind: 'vault',
      details: { recoveryKey: 'replaced' },
    });
    expect((await v.check()).problems).toEqual([]);
    v.close();
    await Vault.testRecoveryKey(dir, fresh);
    (await Vault.open(dir, { recoveryKey: fresh })).close();
    expect((await errorOf(() => Vault.open(dir, { recoveryKey }))).code).toBe('WRONG_RECOVERY_KEY');
    expect(await headerMessages(dir)).toEqual([]);
  });

  test('a passphrase change does not hide a damaged recovery slot under the new MAC', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const h = readJson(dir);
    recovery(h).wrappedKey = flipChar(recovery(h).wrappedKey, 12);
    writeJson(dir, h);
    const v = await Vault.open(dir, { passphrase: PASS });
    await v.changePassphrase('another long passphrase');
    const messages = (await v.check()).problems.map((p) => p.message).join('\n');
    expect(messages).toContain('the passphrase was changed since, so make a new recovery key');
    v.replaceRecoveryKey();
    expect((await v.check()).problems).toEqual([]);
    v.close();
    const again = await Vault.open(dir, { passphrase: 'another long passphrase' });
    expect((await again.check()).problems).toEqual([]);
    again.close();
  });
});
