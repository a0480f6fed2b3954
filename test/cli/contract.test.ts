/**
 * The CLI contract of issue 2, end to end against the built binary: init, add, attach, list,
 * check, log, help and version, the passphrase rules (variable, recovery key, terminal prompt
 * without echo), and usage errors.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CLI,
  FIXTURES,
  assertBuilt,
  baseEnv,
  expectCheckPasses,
  expectOk,
  expectOneLineError,
  listJson,
  removeDir,
  run,
  sha256File,
  tempDir,
  custodyLog,
} from './helpers.js';

const CATEGORY_IDS = [
  'criminal-damage',
  'threatening-behaviour',
  'harassment',
  'stalking',
  'hate-crime',
  'election-offence',
  'malicious-communication',
  'online-abuse',
  'assault',
  'other',
];

let work = '';
let vault = '';
let recoveryKey = '';
let initOut = '';

beforeAll(async () => {
  assertBuilt();
  work = tempDir();
  vault = path.join(work, 'vault');
  const r = await run(['init', vault]);
  expectOk(r);
  initOut = r.stdout;
  recoveryKey = (r.stdout.split('\n').find((l) => l.startsWith('Recovery key:')) ?? '').slice(13).trim();
});
afterAll(() => removeDir(work));

describe('init', () => {
  test('prints the recovery key once, on a line starting "Recovery key:", with plain advice', () => {
    const lines = initOut.split('\n');
    expect(lines.filter((l) => l.startsWith('Recovery key:'))).toHaveLength(1);
    expect(recoveryKey.length).toBeGreaterThanOrEqual(20);
    expect(initOut.split(recoveryKey)).toHaveLength(2); // shown exactly once
    expect(initOut).toMatch(/write the recovery key down/i);
    // The key is not kept in the clear anywhere in the vault folder.
    expect(readFileSync(path.join(vault, 'vault.json'), 'utf8')).not.toContain(recoveryKey);
  });

  test('a vault made with the test-suite KDF switch says plainly that it is weak', () => {
    // The suite sets EVIDENCE_VAULT_TEST_KDF=1 for speed; a person who set it by mistake is told.
    expect(initOut).toMatch(/WARNING: EVIDENCE_VAULT_TEST_KDF is set.*Do not keep real evidence in it/);
    expect(JSON.parse(readFileSync(path.join(vault, 'vault.json'), 'utf8')).kdf).toMatchObject({ opsLimit: 1 });
  });

  test('refuses a folder that already holds a vault, changing nothing', async () => {
    const before = readFileSync(path.join(vault, 'vault.json'), 'utf8');
    const r = await run(['init', vault]);
    expectOneLineError(r, 3, /already holds a vault/);
    expect(readFileSync(path.join(vault, 'vault.json'), 'utf8')).toBe(before);
  });

  test('refuses a folder that holds other files, changing nothing', async () => {
    const dir = path.join(work, 'not-empty');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const r = await run(['init', dir]);
    expectOneLineError(r, 2, /The folder .*not-empty is not empty/);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  test('without a passphrase variable and no terminal: a clear error, no vault', async () => {
    const dir = path.join(work, 'no-pass');
    const r = await run(['init', dir], { env: { EVIDENCE_VAULT_PASSPHRASE: undefined } });
    expectOneLineError(r, 3, /no passphrase: set EVIDENCE_VAULT_PASSPHRASE/);
    const check = await run(['list', dir]);
    expectOneLineError(check, 3, /no folder|not an Evidence Vault/);
  });
});

describe('add, attach, list, check, log', () => {
  let first = '';
  let second = '';
  let third = '';

  test('add prints the new incident id as its last line; exhibits attached all at once', async () => {
    const r = await run([
      'add',
      vault,
      '--title',
      'Leaflets torn and "KILL" sprayed',
      '--occurred-at',
      '2024-05-03T21:40+01:00',
      '--category',
      'criminal-damage',
      '--category',
      'threatening-behaviour',
      '--description',
      'Found at 7am by the office door.',
      '--attach',
      path.join(FIXTURES, 'damage.jpg'),
      '--attach',
      path.join(FIXTURES, 'post-1.png'),
    ]);
    expectOk(r);
    const lines = r.stdout.trim().split('\n');
    second = lines[lines.length - 1] ?? '';
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(r.stdout).toContain(sha256File(path.join(FIXTURES, 'damage.jpg')));

    const r2 = await run(['add', vault, '--title', 'Later e-mail', '--occurred-at', '2024-06-01', '--approximate']);
    expectOk(r2);
    third = r2.stdout.trim().split('\n').pop() ?? '';
    const r3 = await run(['add', vault, '--title', 'Earliest call', '--occurred-at', '2024-01-15T09:00Z']);
    expectOk(r3);
    first = r3.stdout.trim().split('\n').pop() ?? '';
    expect(new Set([first, second, third]).size).toBe(3);
  });

  test('attach adds files to an existing incident', async () => {
    const r = await run([
      'attach',
      vault,
      third,
      path.join(FIXTURES, 'email-1.eml'),
      path.join(FIXTURES, 'email-2.eml'),
    ]);
    expectOk(r);
    expect(r.stdout).toMatch(/Attached 2 exhibits/);
    expect(r.stdout).toContain('email-2.eml');
  });

  test('list --json: oldest first, with the documented fields and exhibits {name, size, sha256}', async () => {
    const list = await listJson(vault);
    expect(list.map((i) => i.id)).toEqual([first, second, third]);
    const [a, b, c] = list;
    expect(a).toMatchObject({ title: 'Earliest call', occurredAt: '2024-01-15T09:00Z', categories: [], exhibits: [] });
    expect(b).toMatchObject({
      id: second,
      title: 'Leaflets torn and "KILL" sprayed',
      occurredAt: '2024-05-03T21:40+01:00',
      categories: ['criminal-damage', 'threatening-behaviour'],
      description: 'Found at 7am by the office door.',
    });
    expect(c).toMatchObject({ occurredAt: '2024-06-01', approximate: true, description: '' });
    for (const [incident, names] of [
      [b, ['damage.jpg', 'post-1.png']],
      [c, ['email-1.eml', 'email-2.eml']],
    ] as const) {
      expect(incident?.exhibits.map((x) => x.name).sort()).toEqual([...names]);
      for (const x of incident?.exhibits ?? []) {
        const file = path.join(FIXTURES, x.name);
        expect(x.sha256).toBe(sha256File(file));
        expect(x.size).toBe(readFileSync(file).length);
      }
    }
  });

  test('list (text) shows the incidents oldest first with their exhibits', async () => {
    const r = await run(['list', vault]);
    expectOk(r);
    const out = r.stdout;
    expect(out.indexOf('Earliest call')).toBeLessThan(out.indexOf('Leaflets torn'));
    expect(out.indexOf('Leaflets torn')).toBeLessThan(out.indexOf('Later e-mail'));
    expect(out).toContain('Criminal damage, Threatening behaviour');
    expect(out).toContain('damage.jpg');
    expect(out).toContain('  | Found at 7am by the office door.');
    expect(out).toMatch(/3 incidents, 4 exhibits\./);
  });

  test('check exits 0 when everything verifies', async () => {
    await expectCheckPasses(vault);
  });

  test('log shows the custody log: creates and imports with their hashes', async () => {
    const log = await custodyLog(vault);
    const imports = log.filter((e) => e.action === 'import');
    expect(imports.map((e) => e.details.sha256)).toContain(sha256File(path.join(FIXTURES, 'post-1.png')));
    expect(log.filter((e) => e.action === 'create' && e.subjectKind === 'incident')).toHaveLength(3);
    const text = await run(['log', vault]);
    expectOk(text);
    expect(text.stdout).toMatch(/import\s+exhibit/);
  });

  test('the recovery key unlocks instead of the passphrase', async () => {
    const r = await run(['list', vault, '--json'], {
      env: { EVIDENCE_VAULT_PASSPHRASE: undefined, EVIDENCE_VAULT_RECOVERY_KEY: recoveryKey },
    });
    expectOk(r);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(3);
    // The recovery key wins when both are set.
    const both = await run(['list', vault, '--json'], {
      env: { EVIDENCE_VAULT_PASSPHRASE: 'not the passphrase', EVIDENCE_VAULT_RECOVERY_KEY: recoveryKey },
    });
    expectOk(both);
  });

  test('with no passphrase variable and no terminal: a clear error', async () => {
    const r = await run(['list', vault], { env: { EVIDENCE_VAULT_PASSPHRASE: undefined } });
    expectOneLineError(r, 3, /no passphrase: set EVIDENCE_VAULT_PASSPHRASE .*or run in a terminal/);
  });
});

/** Run the CLI on a pseudo-terminal (util-linux `script`), answering prompts as they appear. */
function runOnTerminal(
  args: string[],
  answers: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      env: baseEnv({ ...env, SHELL: '/bin/sh' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let answered = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`terminal run timed out; output: ${output}`));
    }, 30_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      // Answer each prompt only once it is shown: raw mode (no echo) is on by then.
      const prompts = output.match(/passphrase[^:\n]*: /gi)?.length ?? 0;
      while (answered < prompts && answered < answers.length) {
        child.stdin.write(`${answers[answered]}\r`);
        answered += 1;
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const haveScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!haveScript)('the passphrase on a terminal', () => {
  test('is asked without echo and unlocks', async () => {
    const secret = 'typed on the terminal 1234';
    const dir = path.join(work, 'tty-vault');
    const init = await runOnTerminal(['init', dir], [secret, secret], { EVIDENCE_VAULT_PASSPHRASE: undefined });
    expect(init.output).toMatch(/New passphrase for .*: /);
    expect(init.output).toMatch(/The same passphrase again: /);
    expect(init.output).toMatch(/Recovery key: /);
    expect(init.output).not.toContain(secret);
    expect(init.code).toBe(0);

    const list = await runOnTerminal(['list', dir], [secret], { EVIDENCE_VAULT_PASSPHRASE: undefined });
    expect(list.output).toMatch(/Passphrase for .*: /);
    expect(list.output).toContain('No incidents yet');
    expect(list.output).not.toContain(secret);
    expect(list.code).toBe(0);

    const wrong = await runOnTerminal(['list', dir], ['not it'], { EVIDENCE_VAULT_PASSPHRASE: undefined });
    expect(wrong.output).toMatch(/evidence-vault: .*passphrase/i);
    expect(wrong.code).toBe(3);
  });

  test('progress is drawn in place on a terminal, and cleared before the result', async () => {
    const dir = path.join(work, 'tty-progress');
    await run(['init', dir]);
    const id =
      (await run(['add', dir, '--title', 'Progress', '--occurred-at', '2024-01-01'])).stdout.trim().split('\n').pop() ??
      '';
    const file = path.join(work, 'forty.bin');
    writeFileSync(file, Buffer.alloc(40 * 1024 * 1024, 7));
    const r = await runOnTerminal(['attach', dir, id, file], [], {});
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('\r\u001b[2KImporting forty.bin: 100% (41.9 of 41.9 MB)');
    expect(r.output).toContain('100% (41.9 of 41.9 MB)\r\u001b[2KAttached 1 exhibit');
  });

  test('init refuses two different passphrases', async () => {
    const dir = path.join(work, 'tty-mismatch');
    const r = await runOnTerminal(['init', dir], ['first one here', 'second one here'], {
      EVIDENCE_VAULT_PASSPHRASE: undefined,
    });
    expect(r.output).toMatch(/evidence-vault: the two passphrases differ; no vault was created/);
    expect(r.code).toBe(3);
    const check = await run(['list', dir]);
    expect(check.code).toBe(3);
  });
});

describe('help, version and usage errors', () => {
  test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.resolve(CLI, '../../package.json'), 'utf8')) as { version: string };
    const r = await run(['--version']);
    expectOk(r);
    expect(r.stdout).toBe(`evidence-vault ${pkg.version}\n`);
  });

  test('runs as `npx evidence-vault` in the repository (package.json "bin")', async () => {
    const root = path.resolve(CLI, '../..');
    const r = spawnSync('npx', ['--no', '--', 'evidence-vault', '--version'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^evidence-vault \d+\.\d+\.\d+\n$/);
  });

  test('--help and help list every command', async () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const r = await run(args);
      expectOk(r);
      for (const c of ['init', 'add', 'attach', 'list', 'check', 'export', 'verify']) {
        expect(r.stdout).toMatch(new RegExp(`^  ${c}\\s`, 'm'));
      }
      expect(r.stdout).toMatch(/Exit codes:/);
    }
  });

  test('each command has --help and help COMMAND, without touching a vault', async () => {
    for (const c of ['init', 'add', 'attach', 'list', 'check', 'log']) {
      const a = await run([c, '--help']);
      expectOk(a);
      expect(a.stdout).toMatch(new RegExp(`^Usage: evidence-vault ${c} `));
      const b = await run(['help', c]);
      expectOk(b);
      expect(b.stdout).toBe(a.stdout);
    }
    const add = await run(['add', '--help']);
    for (const id of CATEGORY_IDS) expect(add.stdout).toContain(id);
  });

  test('usage errors are one line with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [[], /no command given/],
      [['frobnicate'], /unknown command "frobnicate"; the commands are: init, add/],
      [['--frob'], /unknown option "--frob"/],
      [['list'], /list: missing DIR/],
      [['list', vault, 'extra'], /list: unexpected argument "extra"/],
      [['list', vault, '--verbose'], /list: unknown option '--verbose'/],
      [['add', vault, '--title'], /add: option '--title <value>' argument missing/],
      [['add', vault, '--occurred-at', '2024-01-01'], /--title is needed/],
      [['add', vault, '--title', 'x'], /--occurred-at is needed/],
      [['attach', vault, 'not-an-id', path.join(FIXTURES, 'post-1.png')], /"not-an-id" is not an incident id/],
      [['help', 'nope'], /unknown command "nope"/],
    ];
    for (const [args, pattern] of cases) {
      const r = await run(args);
      expectOneLineError(r, 2, pattern);
      expect(r.stdout).toBe('');
    }
  });

  test('attach to an incident that does not exist: a clear error, nothing imported', async () => {
    const before = await listJson(vault);
    const r = await run(['attach', vault, 'f'.repeat(32), path.join(FIXTURES, 'post-2.png')]);
    expect(r.code).not.toBe(0);
    expectOneLineError(r, 2, /ffffffff/);
    expect(await listJson(vault)).toEqual(before);
  });

  test('EVIDENCE_VAULT_DEBUG=1 adds the stack trace under the one line', async () => {
    const dir = path.join(work, 'copy-for-debug');
    const r = await run(['list', dir], { env: { EVIDENCE_VAULT_DEBUG: '1' } });
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toMatch(/^evidence-vault: no folder/);
    expect(r.stderr).toMatch(/^\s+at /m);
    // And an ordinary run never shows one.
    const plain = await run(['list', dir]);
    expectOneLineError(plain, 3, /no folder/);
  });

  test('the binary also runs from another working folder with relative paths', async () => {
    const local = path.join(work, 'post-1.png');
    copyFileSync(path.join(FIXTURES, 'post-1.png'), local);
    const r = await run(['list', path.relative(work, vault), '--json'], { spawn: { cwd: work } });
    expectOk(r);
  });
});
