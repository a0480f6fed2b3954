/** Helpers shared by the vault core's tests (real files in os.tmpdir(), no mocks). */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { VaultError, type ErrorCode } from '../../shared/errors.js';
import type { IncidentInput } from '../../shared/model.js';
import { TEST_KDF } from '../../electron/core/crypto/index.js';
import { DB_FILE, Vault, type VaultOptions } from '../../electron/core/vault.js';
import { FIXTURES } from '../fixtures.js';

export const PASS = 'correct horse battery staple';
export const CHEAP: VaultOptions = { kdf: TEST_KDF };

const made: string[] = [];

/** A fresh temporary folder (removed by cleanupTemp). */
export function tempDir(prefix = 'ev-core-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export function cleanupTemp(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** The evidence fixtures' file names, sorted. */
export const fixtureNames: readonly string[] = readdirSync(FIXTURES).sort();

/** Every evidence fixture copied into a new temporary folder (the originals are read-only), in fixtureNames' order. */
export function fixtureCopies(): string[] {
  const d = tempDir('ev-fixtures-');
  return fixtureNames.map((n) => {
    const p = join(d, n);
    copyFileSync(join(FIXTURES, n), p);
    return p;
  });
}

/** A new vault in a new folder with cheap Argon2id parameters. */
export async function newVault(opts: VaultOptions = {}): Promise<{ vault: Vault; dir: string; recoveryKey: string }> {
  const dir = join(tempDir(), 'vault');
  const { vault, recoveryKey } = await Vault.create(dir, PASS, { ...CHEAP, ...opts });
  return { vault, dir, recoveryKey };
}

/** Every file under dir (recursively) with its bytes, keyed by relative path. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** Every file path under dir, recursively. */
export function listFiles(dir: string): string[] {
  return [...snapshot(dir).keys()].map((p) => join(dir, p));
}

/** The VaultError code thrown by fn (sync or async), or fails. */
export async function errorOf(fn: () => unknown): Promise<VaultError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof VaultError) return e;
    throw new Error(`expected a VaultError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a VaultError, nothing was thrown');
}

export async function codeOf(fn: () => unknown): Promise<ErrorCode> {
  return (await errorOf(fn)).code;
}

/** Opens the vault's SQLite file directly (the vault must be closed). */
export function rawDb(dir: string): Database.Database {
  return new Database(join(dir, DB_FILE));
}

export function incident(title: string, extra: Partial<IncidentInput> = {}): IncidentInput {
  return { title, occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00' }, ...extra };
}

/** Flips one bit of a byte array (a copy). */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}
