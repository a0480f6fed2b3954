/**
 * The built CLI and the same file twice (issue 13, item 5): `attach` and `add --attach` refuse a file
 * already in the vault with one clear line and exit code 4, adding nothing (no incident, no exhibit, no
 * blob); `--again` adds it anyway. A file that is not what its name says is added with a warning on stderr.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIXTURES,
  assertBuilt,
  changes,
  custodyLog,
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

const blobs = (): string[] => readdirSync(path.join(vault, 'blobs')).sort();
const ukToday = (): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());

beforeAll(async () => {
  assertBuilt();
  work = tempDir();
  vault = path.join(work, 'vault');
  expect((await run(['init', vault])).code).toBe(0);
  const r = await run([
    'add',
    vault,
    '--title',
    'Car keyed',
    '--occurred-at',
    '2019-11-12',
    '--attach',
    path.join(FIXTURES, 'damage.jpg'),
  ]);
  expectOk(r);
  incidentId = r.stdout.trim().split('\n').pop() ?? '';
});
afterAll(() => removeDir(work));

describe('the same file twice', () => {
  test('attach refuses it with exit code 4 and one line saying where it is; nothing changes', async () => {
    const before = { list: await listJson(vault), log: changes(await custodyLog(vault)), blobs: blobs() };
    const r = await run([
      'attach',
      vault,
      incidentId,
      path.join(FIXTURES, 'post-1.png'),
      path.join(FIXTURES, 'damage.jpg'),
    ]);
    expectOneLineError(
      r,
      4,
      new RegExp(
        `^evidence-vault: "damage\\.jpg" is already in the vault \\(in "Car keyed", added ${ukToday().replace(/\//g, '\\/')}\\)\\. Add it again only if you mean to\\. To add it anyway, run the command again with --again\\.$`,
      ),
    );
    expect(r.stdout).toBe('');
    expect(await listJson(vault)).toEqual(before.list);
    expect(changes(await custodyLog(vault))).toEqual(before.log);
    expect(blobs()).toEqual(before.blobs); // the sealed copies were removed: no stray blob, no temp file
  });

  test('attach --again adds it', async () => {
    const r = await run(['attach', vault, incidentId, path.join(FIXTURES, 'damage.jpg'), '--again']);
    expectOk(r);
    expect(r.stdout).toMatch(/Attached 1 exhibit to incident/);
    const [inc] = await listJson(vault);
    expect(inc?.exhibits.map((e) => e.name)).toEqual(['damage.jpg', 'damage.jpg']);
  });

  test('add --attach refuses it (no incident added), add --attach --again adds both', async () => {
    const before = { list: await listJson(vault), blobs: blobs() };
    const args = [
      'add',
      vault,
      '--title',
      'Same photo',
      '--occurred-at',
      '2019-11-13',
      '--attach',
      path.join(FIXTURES, 'damage.jpg'),
    ];
    const r = await run(args);
    expectOneLineError(
      r,
      4,
      /"damage\.jpg" is already in the vault \(in "Car keyed", added .*run the command again with --again\.$/,
    );
    expect(await listJson(vault)).toEqual(before.list);
    expect(blobs()).toEqual(before.blobs);
    const ok = await run([...args, '--again']);
    expectOk(ok);
    expect((await listJson(vault)).map((i) => i.title)).toEqual(['Car keyed', 'Same photo']);
  });

  test('a Windows program named .png is added with a warning on stderr', async () => {
    const fake = path.join(work, 'post.png');
    writeFileSync(fake, Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), Buffer.alloc(200)]));
    const r = await run(['attach', vault, incidentId, fake]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Attached 1 exhibit/);
    expect(r.stderr).toBe(
      'Warning: "post.png": This is a Windows program named .png: it is kept sealed and never opened.\n',
    );
  });
});
