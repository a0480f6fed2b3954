/**
 * The CLI's low findings from the attack review, through the built binary: control characters in
 * user text shown escaped, imports and vault.json that cannot be read ending at once, check on a
 * full disk, the passphrase strength rule, non-UTF-8 file names.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addIncident,
  CLI,
  assertBuilt,
  expectCheckPasses,
  expectOk,
  expectOneLineError,
  finished,
  initVault,
  listJson,
  removeDir,
  run,
  startCommand,
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

    // The same file again, on purpose (--again: a file already in the vault is otherwise refused).
    const attach = await run(['attach', vault, id, file, '--again']);
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

    // check names a damaged exhibit by its name: escaped too.
    const blobDir = path.join(vault, 'blobs');
    const [blob] = readdirSync(blobDir).filter((n) => /^[0-9a-f]{32}$/.test(n));
    const blobPath = path.join(blobDir, blob ?? '');
    const bytes = readFileSync(blobPath);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    writeFileSync(blobPath, bytes);
    const check = await run(['check', vault]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('name\\u{1b}[31m\\u{9b}1m\\u{2066}.txt');
    expect(check.stdout + check.stderr).not.toMatch(RAW_CONTROL);
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

/** A regular, non-empty file whose first read fails (EIO): some sysfs attributes; undefined if none. */
function fileFailingOnFirstRead(): string | undefined {
  for (const p of [
    '/sys/devices/software/power/autosuspend_delay_ms',
    '/sys/devices/platform/power/autosuspend_delay_ms',
    '/sys/devices/system/cpu/power/autosuspend_delay_ms',
  ]) {
    try {
      if (!statSync(p).isFile() || statSync(p).size === 0) continue;
      readFileSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EIO') return p;
    }
  }
  return undefined;
}

describe('what cannot be read ends the command at once, in one line', () => {
  let vault = '';
  let incidentId = '';
  beforeAll(async () => {
    vault = path.join(work, 'unreadable');
    await initVault(vault);
    incidentId = await addIncident(vault);
  });

  test('a file whose first read fails: add --attach and attach', async (ctx) => {
    const bad = fileFailingOnFirstRead();
    if (!bad) ctx.skip();
    const before = await listJson(vault);
    const add = await run(['add', vault, '--title', 'T', '--occurred-at', '2024-01-01', '--attach', bad ?? ''], {
      timeoutMs: 15_000,
    });
    expectOneLineError(add, 4, /reading it failed \(EIO\)/);
    const attach = await run(['attach', vault, incidentId, bad ?? ''], { timeoutMs: 15_000 });
    expectOneLineError(attach, 4, /reading it failed \(EIO\)/);
    expect(await listJson(vault)).toEqual(before);
  });

  test('a folder or a FIFO given to add --attach', async () => {
    const fifo = path.join(work, 'a-fifo');
    execFileSync('mkfifo', [fifo]);
    const add = await run(['add', vault, '--title', 'T', '--occurred-at', '2024-01-01', '--attach', fifo], {
      timeoutMs: 15_000,
    });
    expectOneLineError(add, 4, /not a regular file/);
    const folder = await run(['add', vault, '--title', 'T', '--occurred-at', '2024-01-01', '--attach', work], {
      timeoutMs: 15_000,
    });
    expectOneLineError(folder, 4, /it is a folder/);
  });

  test.each(['vault.json', 'vault-anchor.json', 'vault.db'])('a FIFO named %s in the vault folder', async (name) => {
    const dir = path.join(work, `fifo-${name}`);
    await initVault(dir);
    const file = path.join(dir, name);
    rmSync(file);
    execFileSync('mkfifo', [file]);
    try {
      for (const args of [
        ['list', dir],
        ['check', dir],
        ['init', dir],
      ]) {
        const r = await run(args, { timeoutMs: 15_000 });
        expectOneLineError(r, 3, new RegExp(`${name.replace('.', '\\.')} is not a regular file`));
      }
    } finally {
      // Release anything an old binary left blocked on the FIFO.
      closeSync(openSync(file, constants.O_RDWR | constants.O_NONBLOCK));
    }
  });
});

describe('check on a full disk', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts) spawnSync('umount', ['-l', m]);
  });

  test('prints what it found and says the result could not be written to the activity log', async (ctx) => {
    const mnt = path.join(work, 'full-disk');
    mkdirSync(mnt);
    if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]).status !== 0) {
      ctx.skip();
    }
    mounts.push(mnt);
    const vault = path.join(mnt, 'vault');
    await initVault(vault);
    await addIncident(vault);
    spawnSync('dd', ['if=/dev/zero', `of=${path.join(mnt, 'fill')}`, 'bs=4k']);
    const r = await run(['check', vault]);
    expect(r.stdout).toMatch(/^All verified: \d+ records, 0 exhibit files, \d+ custody log entries\.\n$/);
    expectOneLineError(r, 5, /could not be written to the activity log.*disk is full.*run check again/);
    rmSync(path.join(mnt, 'fill'));
    await expectCheckPasses(vault);
  });
});

describe('file names that are not UTF-8', () => {
  test('add --attach and attach take a name with byte 0xff; the exhibit is named with U+FFFD', async () => {
    const vault = path.join(work, 'bytes-vault');
    await initVault(vault);
    const files = path.join(work, 'bytes');
    const tmp = path.join(work, 'bytes-tmp');
    mkdirSync(files);
    mkdirSync(tmp);
    const bad = Buffer.concat([Buffer.from('photo-'), Buffer.from([0xff]), Buffer.from('.txt')]);
    writeFileSync(Buffer.concat([Buffer.from(files + '/'), bad]), 'evidence with an odd name');
    // Arguments made of raw bytes need a shell: Node would send a string as UTF-8.
    const sh = (args: string) =>
      finished(
        startCommand('/bin/sh', ['-c', `exec "$NODE" "$CLI" ${args}`], {
          env: { NODE: process.execPath, CLI, TMPDIR: tmp, BAD: undefined },
          spawn: { cwd: files },
        }),
      );
    const add = await sh(
      `add "${vault}" --title Bytes --occurred-at 2024-01-01 --again --attach "$(printf 'photo-\\377.txt')" --attach="$(printf '${files}/photo-\\377.txt')"`,
    );
    expectOk(add);
    expect(add.stdout).toContain('photo-\ufffd.txt  25 bytes');
    const id = add.stdout.trim().split('\n').pop() ?? '';
    const attach = await sh(`attach "${vault}" ${id} --again "$(printf 'photo-\\377.txt')"`);
    expectOk(attach);
    const [listed] = await listJson(vault);
    expect(listed?.exhibits.map((x) => x.name)).toEqual(['photo-\ufffd.txt', 'photo-\ufffd.txt', 'photo-\ufffd.txt']);
    expect(readdirSync(tmp)).toEqual([]);
    await expectCheckPasses(vault);
  });
});
