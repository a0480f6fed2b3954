// The blob crypto worker (electron/core/exhibits/blobs/worker.ts) compiled to JavaScript text, for the
// bundles: they define __EV_BLOB_WORKER__ as this text and start the worker from it (eval), so no bundle
// needs a worker file beside it, nor inside app.asar. See electron/core/exhibits/blobs/worker-code.ts,
// whose WORKER_BUILD options these are (from source the core compiles the worker itself).
import { build } from 'esbuild';
import path from 'node:path';

export const BLOB_WORKER_ENTRY = 'electron/core/exhibits/blobs/worker.ts';

/** esbuild `define` entries that inline the compiled worker into a bundle. */
export async function blobWorkerDefine(root) {
  const r = await build({
    entryPoints: [path.join(root, BLOB_WORKER_ENTRY)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const text = r.outputFiles[0]?.text;
  if (!text) throw new Error(`esbuild produced nothing for ${BLOB_WORKER_ENTRY}`);
  return { __EV_BLOB_WORKER__: JSON.stringify(text) };
}
