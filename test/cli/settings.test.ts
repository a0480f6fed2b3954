/**
 * `evidence-vault settings set` and the permanent references in `list --json` (issue 13), end to
 * end against the built CLI: bad initials are one line and change nothing; references wait for
 * the initials, then keep them; `export` names files by them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIXTURES,
  assertBuilt,
  changes,
  custodyLog,
  expectCheckPasses,
  expectOk,
  expectOneLineError,
  listJson,
  removeDir,
  run,
  tempDir,
} from './helpers.js';

let work = '';
let vault = '';
let incidentId = '';

const refs = async (): Promise<(string | undefined)[]> =>
  (await listJson(vault)).flatMap((i) => i.exhibits.map((e) => (e as { ref?: string }).ref));

beforeAll(async () => {
  assertBuilt();
  work = tempDir();
  vault = path.join(work, 'vault');
  expectOk(await run(['init', vault]));
  const r = await run([
    'add',
    vault,
    '--title',
    'Threatening letter',
    '--occurred-at',
    '2024-05-03T08:15+01:00',
    '--attach',
    path.join(FIXTURES, 'letter.pdf'),
  ]);
  expectOk(r);
  incidentId = r.stdout.trim().split('\n').pop() ?? '';
});
afterAll(() => removeDir(work));

describe('settings set', () => {
  test('before initials are set, list --json gives no ref', async () => {
    expect(await refs()).toEqual([undefined]);
  });

  test('initials outside A-Z ("a.b", "ÄB", "12") are one clear line, exit 2, and change nothing', async () => {
    const before = changes(await custodyLog(vault)).length;
    for (const bad of ['a.b', 'ÄB', '12']) {
      const r = await run(['settings', 'set', vault, '--initials', bad, '--name', 'Should not be saved']);
      expectOneLineError(r, 2, /Initials ".*" cannot be used: give 1 to 5 letters A to Z, e\.g\. AB/);
    }
    expect(changes(await custodyLog(vault)).length).toBe(before);
    expect(await refs()).toEqual([undefined]);
  });

  test('usage errors: no option, not "set", an unknown option', async () => {
    expectOneLineError(await run(['settings', 'set', vault]), 2, /give at least one of --initials/);
    expectOneLineError(await run(['settings', 'show', vault]), 2, /"show" is not set/);
    expectOneLineError(await run(['settings', 'set', vault, '--colour', 'red']), 2, /unknown option '--colour'/);
    const help = await run(['settings', '--help']);
    expectOk(help);
    expect(help.stdout).toMatch(/^Usage: evidence-vault settings set DIR/);
  });

  test('sets initials, name, role, e-mail and phone; the waiting reference takes the initials', async () => {
    const r = await run([
      'settings',
      'set',
      vault,
      '--initials',
      'ab',
      '--name',
      'Alex Brown',
      '--role',
      'Election agent',
      '--email',
      'alex@example.org',
      '--phone',
      '+44 7700 900123',
    ]);
    expectOk(r);
    expect(r.stdout).toContain('Initials: AB');
    expect(r.stdout).toContain('Role: Election agent');
    expect(await refs()).toEqual(['AB/1']);
  });

  test('later exhibits get the next number; changing the initials leaves references already given', async () => {
    expectOk(await run(['attach', vault, incidentId, path.join(FIXTURES, 'post-1.png')]));
    expect(await refs()).toEqual(['AB/1', 'AB/2']);
    expectOk(await run(['settings', 'set', vault, '--initials', 'CD']));
    expectOk(await run(['attach', vault, incidentId, path.join(FIXTURES, 'post-2.png')]));
    expect(await refs()).toEqual(['AB/1', 'AB/2', 'CD/3']);
    await expectCheckPasses(vault);
  });

  test('export names the files by the permanent references', async () => {
    const out = path.join(work, 'pack');
    expectOk(await run(['export', vault, '--out', out]));
    expect(readdirSync(path.join(out, 'data/exhibits')).sort()).toEqual([
      'AB-01-letter.pdf',
      'AB-02-post-1.png',
      'CD-03-post-2.png',
    ]);
  });
});
