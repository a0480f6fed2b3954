/** On POSIX, a vault folder and blobs/ are 0700 and every file in them 0600 (vault.db and -wal were 0644). */
import { chmodSync, cpSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PASS, cleanupTemp, incident, newVault, tempDir } from '../../test/support/core.js';
import { BLOB_DIR, Vault } from './vault.js';

afterAll(cleanupTemp);

const OLD_VAULT = join(import.meta.dirname, '../../test/fixtures/vault-0.1.0');

/** Every entry of the vault folder and blobs/ with its permission bits, e.g. "vault.db 600". */
function modes(dir: string): string[] {
  const out: string[] = [`. ${(statSync(dir).mode & 0o777).toString(8)}`];
  for (const sub of ['', BLOB_DIR]) {
    for (const n of readdirSync(join(dir, sub))) {
      const p = join(dir, sub, n);
      out.push(`${join(sub, n)} ${(statSync(p).mode & 0o777).toString(8)}`);
    }
  }
  return out;
}

describe.skipIf(process.platform === 'win32')('file modes', () => {
  test('a new vault, open with a WAL and an exhibit: folder 0700, every file 0600', async () => {
    const { vault, dir } = await newVault();
    const file = join(tempDir(), 'note.txt');
    writeFileSync(file, 'a note');
    await vault.createIncidentWithExhibits(incident('Modes'), [file]);
    const open = modes(dir);
    expect(open).toContainEqual('vault.db-wal 600'); // the WAL exists while the vault is open
    for (const line of open) {
      const [name, mode] = line.split(' ');
      expect(`${name} ${mode}`).toBe(`${name} ${name === '.' || name === BLOB_DIR ? '700' : '600'}`);
    }
    vault.close();
  });

  test('a folder made by an older version (0755, files 0644) is tightened on open', async () => {
    const dir = join(tempDir(), 'old');
    cpSync(OLD_VAULT, dir, { recursive: true });
    chmodSync(dir, 0o755);
    for (const n of ['vault.db', 'vault.json']) chmodSync(join(dir, n), 0o644);
    const v = await Vault.open(dir, { passphrase: PASS });
    for (const line of modes(dir)) {
      const [name, mode] = line.split(' ');
      expect(`${name} ${mode}`).toBe(`${name} ${name === '.' || name === BLOB_DIR ? '700' : '600'}`);
    }
    v.close();
  });

  test('a vault copied without its modes (blobs/ 0755, exhibit files 0644) is tightened on open', async () => {
    const dir = join(tempDir(), 'copied');
    cpSync(OLD_VAULT, dir, { recursive: true });
    const blobs = join(dir, BLOB_DIR);
    chmodSync(blobs, 0o755);
    for (const n of readdirSync(blobs)) chmodSync(join(blobs, n), 0o644);
    const v = await Vault.open(dir, { passphrase: PASS });
    for (const line of modes(dir)) {
      const [name, mode] = line.split(' ');
      expect(`${name} ${mode}`).toBe(`${name} ${name === '.' || name === BLOB_DIR ? '700' : '600'}`);
    }
    v.close();
  });
});
