/**
 * The crypto worker's program as JavaScript text, for `new Worker(code, { eval: true })`.
 *
 * Why text and not a file: a worker thread cannot always load a script from inside Electron's app.asar,
 * and the bundles (dist/cli.cjs, dist/host.cjs, dist/main.cjs) should not depend on a file beside them.
 * An eval'd worker loads the same way everywhere. So worker.ts is a real TypeScript module (typechecked
 * and linted like the rest) compiled to one CommonJS text in one of two ways, with the same options:
 *   - the build: scripts/build.mjs compiles worker.ts with esbuild (scripts/blob-worker.mjs) and defines
 *     __EV_BLOB_WORKER__ as that text in the bundles, so a bundle carries its worker inside it;
 *   - from source (vitest, tsx, benches that run the core from source): __EV_BLOB_WORKER__ is not
 *     defined, so the first worker compiles worker.ts beside this file with esbuild (a devDependency,
 *     present wherever the source runs), once per process (~10 ms).
 * Keep WORKER_BUILD in step with scripts/blob-worker.mjs.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

declare const __EV_BLOB_WORKER__: string | undefined;

/** The esbuild options for the worker (also in scripts/blob-worker.mjs). */
export const WORKER_BUILD = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  write: false,
  logLevel: 'silent',
} as const;

interface EsbuildSync {
  buildSync(options: typeof WORKER_BUILD & { entryPoints: string[] }): { outputFiles: { text: string }[] };
}

let compiled: string | undefined;

export function workerCode(): string {
  if (typeof __EV_BLOB_WORKER__ === 'string') return __EV_BLOB_WORKER__;
  if (compiled !== undefined) return compiled;
  const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));
  if (!existsSync(entry)) {
    throw new Error(
      `The blob crypto worker was not built into this bundle and its source (${entry}) is not there: ` +
        'bundle the core with scripts/build.mjs (or define __EV_BLOB_WORKER__ with scripts/blob-worker.mjs).',
    );
  }
  // Required at run time, not imported: a bundle must neither include esbuild nor need it.
  const esbuild = createRequire(import.meta.url)('esbuild') as EsbuildSync;
  const out = esbuild.buildSync({ ...WORKER_BUILD, entryPoints: [entry] }).outputFiles[0];
  if (!out) throw new Error('Compiling the blob crypto worker produced nothing.');
  compiled = out.text;
  return compiled;
}
