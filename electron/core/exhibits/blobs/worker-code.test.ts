import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { blobWorkerDefine } from '../../../../scripts/blob-worker.mjs';
import { workerCode } from './worker-code.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('the crypto worker as text', () => {
  it('from source is compiled exactly as the build inlines it into the bundles', async () => {
    const { __EV_BLOB_WORKER__ } = await blobWorkerDefine(REPO);
    expect(workerCode()).toBe(JSON.parse(__EV_BLOB_WORKER__) as string);
    expect(workerCode()).toBe(workerCode()); // compiled once per process
  });

  it('answers a request it cannot serve with an error naming it, and keeps running', async () => {
    const sodiumPath = createRequire(import.meta.url).resolve('libsodium-wrappers-sumo');
    const w = new Worker(workerCode(), { eval: true, workerData: { sodiumPath } });
    try {
      const ask = (m: object): Promise<unknown> =>
        new Promise((resolve) => {
          w.once('message', resolve);
          w.postMessage(m);
        });
      expect(await ask({ op: 'push', req: 1, sid: 9, slot: 1, len: 1, cipherAt: 2, final: true })).toEqual({
        req: 1,
        error: 'unknown stream',
      });
      expect(await ask({ op: 'pull', req: 2, sid: 9, data: new Uint8Array(20) })).toEqual({
        req: 2,
        error: 'unknown stream',
      });
    } finally {
      await w.terminate();
    }
  });
});
