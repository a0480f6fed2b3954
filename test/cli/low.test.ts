/**
 * The CLI's low findings from the attack review, through the built binary: control characters in
 * user text shown escaped, imports and vault.json that cannot be read ending at once, check on a
 * full disk, the passphrase strength rule, non-UTF-8 file names.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addIncident,
  assertBuilt,
  expectOk,
  expectOneLineError,
  initVault,
  listJson,
  removeDir,
  run,
  tempDir,
} from './helpers.js';

let work = '';
beforeAll(() => {
  assertBuilt();
  work = tempDir();
});
afterAll(() => removeDir(work));

/** Any control character but the newlines that end our own lines. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('user text on the terminal', () => {
  test('list, log, add and attach show control characters escaped; --json keeps them exact', async () => {
    const vault = path.join(work, 'escapes');
    await initVault(vault);
    const title = 'Letter\u001b[2J\u001b]0;owned\u0007\nFAKE LINE\u202eexe.txt';
    const file = path.join(work, 'name\u001b[31m\u009b1m\u2066.txt');
    writeFileSync(file, 'evidence');
    const add = await run([
      'add',
      vault,
      '--title',
      title,
      '--occurred-at',
      '2024-05-03',
      '--description',
      'first\r\u001b[1Asecond\nthird',
      '--attach',
      file,
    ]);
    expectOk(add);
    expect(add.stdout).not.toMatch(RAW_CONTROL);
    expect(add.stdout).toContain('Letter\\u{1b}[2J\\u{1b}]0;owned\\u{7}\\u{a}FAKE LINE\\u{202e}exe.txt');
    expect(add.stdout).toContain('name\\u{1b}[31m\\u{9b}1m\\u{2066}.txt');
    const id = add.stdout.trim().split('\n').pop() ?? '';

    const attach = await run(['attach', vault, id, file]);
    expectOk(attach);
    expect(attach.stdout).not.toMatch(RAW_CONTROL);

    const list = await run(['list', vault]);
    expectOk(list);
    expect(list.stdout).not.toMatch(RAW_CONTROL);
    expect(list.stdout).not.toMatch(/^FAKE LINE/m);
    expect(list.stdout).toContain('\\u{1b}[2J');
    expect(list.stdout).toContain('  | first\\u{d}\\u{1b}[1Asecond\n');
    expect(list.stdout).toContain('name\\u{1b}[31m\\u{9b}1m\\u{2066}.txt');

    const log = await run(['log', vault]);
    expectOk(log);
    expect(log.stdout).not.toMatch(RAW_CONTROL);

    const [listed] = await listJson(vault);
    expect(listed?.title).toBe(title);
    expect(listed?.exhibits.map((x) => x.name)).toEqual([path.basename(file), path.basename(file)]);
  });

  test('an ordinary title is shown as it is', async () => {
    const vault = path.join(work, 'plain');
    await initVault(vault);
    await addIncident(vault, ['--title', 'Café “letter” C:\\path']);
    const list = await run(['list', vault]);
    expect(list.stdout).toContain('Café “letter” C:\\path');
  });
});

describe('init and the passphrase rule of the app', () => {
  test.each([
    ['a', /at least 10 characters.*no vault was created/],
    ['password12', /too easy to guess.*no vault was created/],
  ])('refuses %j in one line, creating nothing', async (passphrase, pattern) => {
    const dir = path.join(work, `weak-${passphrase}`);
    const r = await run(['init', dir], { env: { EVIDENCE_VAULT_PASSPHRASE: passphrase } });
    expectOneLineError(r, 3, pattern);
    expect(existsSync(path.join(dir, 'vault.json'))).toBe(false);
  });
});
