/**
 * What the browser host serves besides the API: the built renderer folder, index.html with the
 * bridge script put in front of the app's own, and the bridge script itself (dist/host-bridge.js,
 * or bundled from ./bridge.ts when running from the source tree).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_CSP } from '../service/app-page.js';

function moduleDir(): string {
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return process.cwd();
  }
}

/** dist/renderer: beside a bundled host (dist/host.cjs), or from the source tree. */
export function defaultRendererDir(): string {
  const here = moduleDir();
  const candidates = [
    path.join(here, 'renderer'),
    path.resolve(here, '../../dist/renderer'),
    path.resolve(process.cwd(), 'dist/renderer'),
  ];
  return candidates.find((c) => existsSync(path.join(c, 'index.html'))) ?? candidates[1]!;
}

let bridgeCache: Promise<string> | null = null;
/** The bridge script: dist/host-bridge.js beside a bundled host, else bundled now from ./bridge.ts. */
export function bridgeScript(): Promise<string> {
  bridgeCache ??= (async () => {
    const here = moduleDir();
    const source = path.join(here, 'bridge.ts');
    if (existsSync(source)) {
      const esbuildName = 'esbuild';
      const esbuild = (await import(esbuildName)) as typeof import('esbuild');
      const out = await esbuild.build({
        entryPoints: [source],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: 'chrome120',
        logLevel: 'silent',
      });
      const file = out.outputFiles[0];
      if (!file) throw new Error('the browser bridge did not build');
      return file.text;
    }
    return readFile(path.join(here, 'host-bridge.js'), 'utf8');
  })();
  bridgeCache.catch(() => {
    bridgeCache = null;
  });
  return bridgeCache;
}

/** index.html with the bridge script before the app's first script, and its CSP. */
export function injectBridge(html: string): { html: string; csp: string } {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(html);
  const csp = (meta?.[1] ?? APP_CSP).replace(/\s+/g, ' ').trim();
  const tag = '<script src="./bridge.js"></script>';
  const firstScript = html.search(/<script\b/i);
  const out =
    firstScript >= 0
      ? `${html.slice(0, firstScript)}${tag}\n    ${html.slice(firstScript)}`
      : html.replace(/<\/head>/i, `  ${tag}\n  </head>`);
  return { html: out, csp };
}
