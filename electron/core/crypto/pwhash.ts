/**
 * Argon2id for a passphrase, within bounds and stoppable. The parameters come from vault.json, which
 * anyone with the folder can edit: outside KDF_BOUNDS they are refused with one plain line (an
 * edited opsLimit would otherwise hold unlock for hours). A costly derivation runs in a worker
 * thread, so the main thread stays free to handle Ctrl-C and SIGTERM (libsodium's crypto_pwhash is
 * synchronous WebAssembly: on the main thread nothing else runs until it returns), and an
 * AbortSignal ends the worker at once. Cheap parameters (the test suites') run inline.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { VaultError } from '../../../shared/errors.js';
import type { KdfParams } from '../api.js';
import { passphraseKey, utf8, wipe } from './primitives.js';

/** libsodium's limits, narrowed to what unlocks within seconds here (1 GiB × 4 passes ≈ 11 s on 2 cores). */
export const KDF_BOUNDS = {
  opsMin: 1,
  opsMax: 10,
  /** crypto_pwhash_MEMLIMIT_MIN */
  memMin: 8192,
  /** 1 GiB: the WebAssembly build cannot allocate 2 GiB ("invalid usage", exit 70 before). */
  memMax: 1 << 30,
  /** opsLimit × memLimit, in bytes passed over. */
  workMax: 4 * (1 << 30),
} as const;

/** Below this much work (opsLimit × memLimit) Argon2id takes milliseconds: no worker. */
const INLINE_WORK = 16 << 20;

/** One plain line when the parameters are outside KDF_BOUNDS, else null. */
export function kdfBoundsProblem(kdf: KdfParams): string | null {
  const { opsLimit: ops, memLimit: mem } = kdf;
  const b = KDF_BOUNDS;
  if (!Number.isSafeInteger(ops) || ops < b.opsMin || ops > b.opsMax) {
    return `its Argon2id opsLimit ${String(ops)} is outside ${b.opsMin}–${b.opsMax}`;
  }
  if (!Number.isSafeInteger(mem) || mem < b.memMin || mem > b.memMax) {
    return `its Argon2id memLimit ${String(mem)} is outside ${b.memMin}–${b.memMax} bytes (8 KiB–1 GiB)`;
  }
  if (ops * mem > b.workMax) return `its Argon2id cost (opsLimit ${ops} × memLimit ${mem}) is above 4 GiB`;
  return null;
}

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const sodium = require(workerData.sodiumPath);
sodium.ready.then(() => {
  let key;
  try {
    key = sodium.crypto_pwhash(32, workerData.secret, workerData.salt, workerData.ops, workerData.mem,
      sodium.crypto_pwhash_ALG_ARGON2ID13);
  } catch (e) {
    sodium.memzero(workerData.secret);
    parentPort.postMessage({ error: String((e && e.message) || e) });
    return;
  }
  sodium.memzero(workerData.secret);
  parentPort.postMessage({ key }, [key.buffer]);
}, (e) => parentPort.postMessage({ error: String((e && e.message) || e) }));
`;

let sodiumPath: string | undefined;

function cancelled(): VaultError {
  return new VaultError('CANCELLED', 'Unlocking was stopped; nothing was changed.');
}

/**
 * The 32-byte key for a passphrase: Argon2id with the given salt and cost, checked against
 * KDF_BOUNDS first (TAMPERED naming vault.json when outside; `where` says what holds them).
 */
export async function derivePassphraseKey(
  passphrase: string,
  salt: Uint8Array,
  kdf: KdfParams,
  opts: { signal?: AbortSignal; where?: string } = {},
): Promise<Uint8Array> {
  const problem = kdfBoundsProblem(kdf);
  if (problem) {
    throw new VaultError(
      'TAMPERED',
      `${opts.where ?? 'The vault header vault.json'} cannot be used: ${problem}, so it was damaged or altered. Nothing was tried or changed.`,
    );
  }
  if (opts.signal?.aborted) throw cancelled();
  if (kdf.opsLimit * kdf.memLimit <= INLINE_WORK) return passphraseKey(passphrase, salt, kdf);
  sodiumPath ??= createRequire(import.meta.url).resolve('libsodium-wrappers-sumo');
  const secret = utf8(passphrase.normalize('NFC'));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { sodiumPath, secret, salt, ops: kdf.opsLimit, mem: kdf.memLimit },
  });
  wipe(secret); // the worker has its own copy, wiped there and gone with the worker
  const signal = opts.signal;
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      const onAbort = (): void => reject(cancelled());
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.once('message', (m: { key?: Uint8Array; error?: string }) => {
        signal?.removeEventListener('abort', onAbort);
        if (m.key) resolve(new Uint8Array(m.key.buffer, m.key.byteOffset, m.key.byteLength));
        else reject(new VaultError('INTERNAL', `Argon2id failed (${m.error ?? 'no result'}); nothing was changed.`));
      });
      worker.once('error', (e) => {
        signal?.removeEventListener('abort', onAbort);
        reject(new VaultError('INTERNAL', `Argon2id failed (${e.message}); nothing was changed.`));
      });
      worker.once('exit', () => reject(cancelled()));
    });
  } finally {
    void worker.terminate();
  }
}
