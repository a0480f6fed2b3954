/**
 * The layers are enforced by lint (eslint.config.js): a forbidden import fails, by a relative
 * path or through the package name, and an allowed one passes. Linted with the real config.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(
    `import * as m from '${specifier}';\nexport const n = Object.keys(m).length;\n`,
    {
      filePath: path.join(root, file),
    },
  );
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint keeps each folder to its layer', () => {
  it.each([
    ['electron/core/records/zz.ts', '../../desktop/main.js', 'the core'],
    ['electron/core/zz.ts', '../service/handlers.js', 'the core'],
    ['electron/core/zz.ts', 'electron', 'the core'],
    ['electron/service/zz.ts', '../cli/main.js', 'the service'],
    ['electron/service/zz.ts', '../desktop/security.js', 'the service'],
    ['electron/cli/zz.ts', '../core/vault.js', 'the CLI'],
    ['electron/host/zz.ts', '../core/index.js', 'the browser host'],
    ['electron/desktop/zz.ts', '../core/index.js', 'the desktop shell'],
    ['electron/desktop/zz.ts', '../host/server.js', 'the desktop shell'],
    ['renderer/src/zz.ts', '../../electron/service/handlers.js', 'renderer/'],
    ['shared/zz.ts', '../electron/core/index.js', 'shared/'],
  ])('%s may not import %s', async (file, specifier, who) => {
    const messages = await restricted(file, specifier);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).toContain(who);
  });

  it.each([
    ['electron/core/zz.ts', '../../shared/model.js'],
    ['electron/service/zz.ts', '../core/index.js'],
    ['electron/cli/zz.ts', '../service/index.js'],
    ['electron/host/zz.ts', '../../shared/ipc.js'],
    ['electron/desktop/zz.ts', '../service/index.js'],
    ['electron/desktop/zz.ts', 'electron'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toEqual([]);
  });
});
