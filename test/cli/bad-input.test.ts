/**
 * Issue 2, "Bad input": each case gives one clear line on stderr, a distinct non-zero exit code,
 * and leaves the vault exactly as it was (byte for byte when the vault is never unlocked; the
 * same incidents, exhibits and custody history otherwise).
 * The import-time faults (changing file, full disk, second process, kills) are in import-faults.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIXTURES,
  addIncident,
  assertBuilt,
  expectCheckPasses,
  expectOneLineError,
  folderDigest,
  initVault,
  removeDir,
  run,
  tempDir,
  vaultState,
  type RunOptions,
} from './helpers.js';

let work = '';
let vault = '';
let recoveryKey = '';
let incidentId = '';
let files = '';

beforeAll(async () => {
  assertBuilt();
  work = tempDir();
  vault = path.join(work, 'vault');
  recoveryKey = await initVault(vault);
  incidentId = await addIncident(vault, ['--category', 'harassment', '--attach', path.join(FIXTURES, 'letter.pdf')]);
  await addIncident(vault, ['--title', 'Second', '--occurred-at', '2024-06-01']);
  files = path.join(work, 'files');
  mkdirSync(files, { mode: 0o755 });
});
afterAll(() => removeDir(work));

/**
 * Runs the command and expects it to fail with one line, the given code and message, and the
 * vault folder to be byte-for-byte unchanged (nothing was opened, written or left behind).
 */
async function expectRefusedUntouched(args: string[], code: number, pattern: RegExp, opts?: RunOptions, dir = vault) {
  const before = folderDigest(dir);
  const r = await run(args, opts);
  expectOneLineError(r, code, pattern);
  expect(r.stdout).toBe('');
  expect(folderDigest(dir)).toEqual(before);
}

describe('unlocking', () => {
  test('a wrong passphrase: clear error, exit 3, nothing changed', async () => {
    await expectRefusedUntouched(['list', vault], 3, /passphrase does not open this vault/, {
      env: { EVIDENCE_VAULT_PASSPHRASE: 'wrong passphrase' },
    });
    await expectRefusedUntouched(
      ['attach', vault, incidentId, path.join(FIXTURES, 'post-1.png')],
      3,
      /passphrase does not open this vault/,
      { env: { EVIDENCE_VAULT_PASSPHRASE: 'Correct horse battery staple 42' } },
    );
  });

  test('a wrong recovery key (well formed, or garbled): clear error, exit 3, nothing changed', async () => {
    // A real recovery key of another vault.
    const other = path.join(work, 'other');
    const otherKey = await initVault(other);
    expect(otherKey).not.toBe(recoveryKey);
    await expectRefusedUntouched(['list', vault], 3, /recovery key does not open this vault/, {
      env: { EVIDENCE_VAULT_RECOVERY_KEY: otherKey, EVIDENCE_VAULT_PASSPHRASE: undefined },
    });
    // The right key with one character changed, and plain nonsense.
    const last = recoveryKey.slice(-1);
    const garbled = recoveryKey.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    await expectRefusedUntouched(['check', vault], 3, /recovery key/, {
      env: { EVIDENCE_VAULT_RECOVERY_KEY: garbled },
    });
    await expectRefusedUntouched(['list', vault], 3, /recovery key is not valid/, {
      env: { EVIDENCE_VAULT_RECOVERY_KEY: 'not-a-key' },
    });
  });
});

describe('not a vault', () => {
  test('an empty folder, a folder of other files, a missing folder, a file', async () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    await expectRefusedUntouched(['list', empty], 3, /is not an Evidence Vault folder/, {}, empty);

    const photos = path.join(work, 'photos');
    mkdirSync(photos);
    writeFileSync(path.join(photos, 'holiday.txt'), 'not evidence');
    await expectRefusedUntouched(
      ['add', photos, '--title', 'x', '--occurred-at', '2024-01-01'],
      3,
      /not an Evidence Vault/,
      {},
      photos,
    );
    await expectRefusedUntouched(['check', photos], 3, /not an Evidence Vault/, {}, photos);

    const r = await run(['list', path.join(work, 'nowhere')]);
    expectOneLineError(r, 3, /no folder .*nowhere/);

    await expectRefusedUntouched(['list', path.join(photos, 'holiday.txt')], 3, /is not a folder/, {}, photos);
  });

  test('a vault.json that is not ours, or not JSON', async () => {
    const fake = path.join(work, 'fake');
    mkdirSync(fake);
    writeFileSync(path.join(fake, 'vault.json'), '{"hello": "world"}');
    await expectRefusedUntouched(['list', fake], 3, /not an Evidence Vault/, {}, fake);
    writeFileSync(path.join(fake, 'vault.json'), 'garbage');
    await expectRefusedUntouched(['list', fake], 3, /not an Evidence Vault/, {}, fake);
  });

  test('a vault of a newer format version: clear error, nothing changed', async () => {
    const newer = path.join(work, 'newer');
    cpSync(vault, newer, { recursive: true });
    const header = JSON.parse(readFileSync(path.join(newer, 'vault.json'), 'utf8')) as { version: number };
    header.version = 2;
    writeFileSync(path.join(newer, 'vault.json'), JSON.stringify(header, null, 2));
    for (const args of [
      ['list', newer],
      ['check', newer],
      ['attach', newer, incidentId, path.join(FIXTURES, 'post-1.png')],
      ['init', newer],
    ]) {
      const pattern = args[0] === 'init' ? /already holds a vault/ : /format version 2.*Update Evidence Vault/;
      await expectRefusedUntouched(args, 3, pattern, {}, newer);
    }
  });
});

describe('files to attach', () => {
  const unreadableAs: RunOptions = {};

  beforeAll(() => {
    writeFileSync(path.join(files, 'empty.png'), '');
    writeFileSync(path.join(files, 'secret.png'), readFileSync(path.join(FIXTURES, 'post-2.png')));
    chmodSync(path.join(files, 'secret.png'), 0o000);
    mkdirSync(path.join(files, 'a-folder'));
    execFileSync('mkfifo', [path.join(files, 'pipe.png')]);
    // root reads any file: run that case as "nobody" so the permission check is real.
    if (process.getuid?.() === 0) unreadableAs.spawn = { uid: 65534, gid: 65534 };
  });

  const cases: [string, string, RegExp][] = [
    ['missing', 'no-such-file.png', /cannot attach .*no-such-file\.png: no such file/],
    ['empty', 'empty.png', /cannot attach .*empty\.png: the file is empty/],
    ['a directory', 'a-folder', /cannot attach .*a-folder: it is a folder, not a file/],
    ['a FIFO', 'pipe.png', /cannot attach .*pipe\.png: it is not a regular file/],
  ];

  test.each(cases)('attach: %s → exit 4, nothing changed', async (_what, name, pattern) => {
    const good = path.join(FIXTURES, 'post-1.png');
    await expectRefusedUntouched(['attach', vault, incidentId, good, path.join(files, name)], 4, pattern);
  });

  test.each(cases)('add --attach: %s → exit 4, no incident added', async (_what, name, pattern) => {
    const good = path.join(FIXTURES, 'post-1.png');
    await expectRefusedUntouched(
      [
        'add',
        vault,
        '--title',
        'Should not exist',
        '--occurred-at',
        '2024-07-01',
        '--attach',
        good,
        '--attach',
        path.join(files, name),
      ],
      4,
      pattern,
    );
  });

  test('an unreadable file → exit 4, nothing changed', async () => {
    await expectRefusedUntouched(
      ['attach', vault, incidentId, path.join(files, 'secret.png')],
      4,
      /cannot attach .*secret\.png: permission denied/,
      unreadableAs,
    );
    await expectRefusedUntouched(
      ['add', vault, '--title', 'x', '--occurred-at', '2024-07-01', '--attach', path.join(files, 'secret.png')],
      4,
      /cannot attach .*secret\.png: permission denied/,
      unreadableAs,
    );
  });
});

describe('a damaged vault', () => {
  test('a changed exhibit file: check exits 1 naming the exhibit; listing still works', async () => {
    const copy = path.join(work, 'damaged-blob');
    cpSync(vault, copy, { recursive: true });
    const blobs = readdirSync(path.join(copy, 'blobs'), { recursive: true, withFileTypes: true }).filter((d) =>
      d.isFile(),
    );
    expect(blobs).toHaveLength(1);
    const blob = path.join(blobs[0]!.parentPath, blobs[0]!.name);
    const bytes = readFileSync(blob);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(blob, bytes);
    const r = await run(['check', copy]);
    expectOneLineError(r, 1, /^evidence-vault: check failed: 1 problem in .*exhibit letter\.pdf \([0-9a-f]{32}\)/);
    expect(r.stdout).toMatch(/^FAILED blob: exhibit letter\.pdf/m);
    const list = await run(['list', copy, '--json']);
    expect(list.code).toBe(0);
  });

  test('a changed incident record: check names it; list shows the rest and exits 1 saying so', async () => {
    const copy = path.join(work, 'damaged-record');
    cpSync(vault, copy, { recursive: true });
    const db = new Database(path.join(copy, 'vault.db'));
    const row = db.prepare(`SELECT id, body FROM records WHERE kind = 'incident' AND id = ?`).get(incidentId) as {
      id: string;
      body: Buffer;
    };
    row.body[row.body.length - 5]! ^= 0x80;
    db.prepare('UPDATE records SET body = ? WHERE id = ?').run(row.body, row.id);
    db.close();
    const r = await run(['check', copy]);
    expectOneLineError(r, 1, new RegExp(`check failed: .*incident ${incidentId}: fails authentication`));
    const list = await run(['list', copy, '--json']);
    expectOneLineError(
      list,
      1,
      new RegExp(`1 record failed authentication and is not listed \\(incident ${incidentId}\\)`),
    );
    expect((JSON.parse(list.stdout) as { title: string }[]).map((i) => i.title)).toEqual(['Second']);
  });
});

describe('categories and dates', () => {
  test('an unknown category: clear error listing the valid ids, nothing changed', async () => {
    await expectRefusedUntouched(
      [
        'add',
        vault,
        '--title',
        'x',
        '--occurred-at',
        '2024-01-01',
        '--category',
        'harassment',
        '--category',
        'rudeness',
      ],
      2,
      /unknown category "rudeness"; valid categories are: criminal-damage, threatening-behaviour, harassment, stalking, hate-crime, election-offence, malicious-communication, online-abuse, assault, other$/,
    );
  });

  test.each([
    ['yesterday', /--occurred-at: invalid date "yesterday": use ISO 8601/],
    ['03/05/2024', /--occurred-at: invalid date "03\/05\/2024"/],
    ['2024-02-30', /--occurred-at: impossible date "2024-02-30": 2024-02 has no day 30/],
    ['2023-02-29', /impossible date "2023-02-29"/],
    ['2024-13-01', /impossible date "2024-13-01"/],
    ['2024-05-03T25:00+01:00', /impossible time/],
    ['2024-05-03T21:40', /has a time but no UTC offset/],
    ['2999-01-01', /Invalid date for the incident: 01\/01\/2999 is in the future\. Give the date it happened\.$/],
    ['2999-01-01T09:30Z', /01\/01\/2999 09:30 is in the future/],
    ['', /--occurred-at is needed/],
  ])('the date %j: clear error, exit 2, nothing changed', async (date, pattern) => {
    await expectRefusedUntouched(['add', vault, '--title', 'x', '--occurred-at', date], 2, pattern);
  });

  test('after all of the above the vault still holds exactly what it did, and checks', async () => {
    const state = await vaultState(vault);
    expect(state.list.map((i) => i.title)).toEqual(['Incident', 'Second']);
    expect(state.list[0]?.exhibits.map((x) => x.name)).toEqual(['letter.pdf']);
    expect(state.log.filter((e) => e.action === 'import')).toHaveLength(1);
    expect(state.log.filter((e) => e.action === 'create' && e.subjectKind === 'incident')).toHaveLength(2);
    await expectCheckPasses(vault);
  });
});
