/**
 * `evidence-vault export` and `verify` as a user runs them: the BUILT binary (dist/cli.cjs) in a
 * child process, on a real vault made with the CLI itself. Build first (npm test does).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, FIXTURES, assertBuilt, expectOneLineError, finished, run, startCommand } from './helpers.js';
import { cleanup, tempDir } from '../support/pack.js';

let vault: string;
let work: string;

beforeAll(async () => {
  assertBuilt();
  work = tempDir('ev-pack-cli-');
  vault = path.join(work, 'vault');
  expect((await run(['init', vault])).code).toBe(0);
  const a = await run([
    'add',
    vault,
    '--title',
    'Abusive posts',
    '--occurred-at',
    '2024-05-03T21:40+01:00',
    '--category',
    'online-abuse',
    '--attach',
    path.join(FIXTURES, 'post-1.png'),
    '--attach',
    path.join(FIXTURES, 'post-2.png'),
  ]);
  expect(a.code, a.stderr).toBe(0);
  const b = await run([
    'add',
    vault,
    '--title',
    'Poster damaged',
    '--occurred-at',
    '2024-05-20',
    '--category',
    'criminal-damage',
    '--attach',
    path.join(FIXTURES, 'damage.jpg'),
  ]);
  expect(b.code, b.stderr).toBe(0);
}, 120_000);
afterAll(cleanup);

describe('evidence-vault export', () => {
  it('--zip prints "Pack SHA-256: <hex>" of the file, writes <name>.sha256, warns about GPS on stderr', async () => {
    const out = path.join(work, 'pack-zip', 'case.zip');
    const r = await run(['export', vault, '--out', out, '--zip', '--initials', 'AB']);
    expect(r.code, r.stderr).toBe(0);
    const hex = createHash('sha256').update(readFileSync(out)).digest('hex');
    expect(r.stdout).toMatch(new RegExp(`^Pack SHA-256: ${hex}$`, 'm'));
    expect(readFileSync(`${out}.sha256`, 'utf8')).toBe(`${hex}  case.zip\n`);
    expect(r.stderr).toMatch(/^warning: exhibit AB\/3 "damage\.jpg" holds a GPS position/m);
    const v = await run(['verify', out]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^Verified: \d+ files/m);
  });

  it('a folder with a date range and category; --exclude-gps-exhibits leaves the image out and says so', async () => {
    const out = path.join(work, 'pack-folder');
    const r = await run([
      'export',
      vault,
      '--out',
      out,
      '--initials',
      'cd',
      '--from',
      '2024-05-01',
      '--to',
      '2024-05-31',
      '--category',
      'criminal-damage',
      '--exclude-gps-exhibits',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Incidents: 1; exhibits: 0;/m);
    expect(r.stderr).toMatch(/^note: exhibit [A-Z]+\/3 "damage\.jpg" was left out: it holds a GPS position/m);
    expect(r.stdout).not.toMatch(/Pack SHA-256/);
    expect(r.stdout).toMatch(/^Tag manifest SHA-256: [0-9a-f]{64}$/m);
    expect((await run(['verify', out])).code).toBe(0);
  });

  it('--progress reports the export on stderr', async () => {
    const out = path.join(work, 'with-progress');
    const r = await run(['export', vault, '--out', out, '--initials', 'AB', '--progress', '--exclude-gps-exhibits']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Exporting exhibits: \d+% \([\d.]+ of [\d.]+ MB\)/m);
    expect(r.stderr).toMatch(/^Exporting exhibits: 100%/m);
  });

  it('an output that exists is one clear line, exit 4', async () => {
    const out = path.join(work, 'occupied');
    await run(['export', vault, '--out', out, '--initials', 'AB']);
    const r = await run(['export', vault, '--out', out, '--initials', 'AB']);
    expectOneLineError(r, 4, /already exists and is not empty/);
  });

  it('bad arguments are usage errors (exit 2)', async () => {
    expectOneLineError(await run(['export', vault]), 2, /--out PATH is needed/);
    expectOneLineError(
      await run(['export', vault, '--out', path.join(work, 'x'), '--category', 'rudeness', '--initials', 'AB']),
      2,
      /unknown category "rudeness"/,
    );
    expectOneLineError(
      await run(['export', vault, '--out', path.join(work, 'x'), '--from', '2024-02-30', '--initials', 'AB']),
      2,
      /impossible date/,
    );
    expectOneLineError(
      await run(['export', vault, '--out', path.join(work, 'x'), '--initials', 'A.B.']),
      2,
      /initials are 1 to 5 letters/,
    );
    expectOneLineError(
      await run(['export', vault, '--out', path.join(work, 'x.pack'), '--zip', '--initials', 'AB']),
      2,
      /must end in \.zip/,
    );
    expectOneLineError(
      await run([
        'export',
        vault,
        '--out',
        path.join(work, 'x'),
        '--from',
        '2024-06-01',
        '--to',
        '2024-05-01',
        '--initials',
        'AB',
      ]),
      2,
      /is after/,
    );
  });

  it('a disk that fills up (a file-size limit) is exit 5 and leaves nothing', async () => {
    for (const args of [
      ['--out', path.join(work, 'full', 'p')],
      ['--out', path.join(work, 'full', 'p.zip'), '--zip'],
      ['--out', path.join(work, 'full', 'both'), '--both'],
      ['--out', path.join(work, 'full', 'parts'), '--portal'],
    ]) {
      // 80 KiB a file: room for the vault's WAL (each record kept with its versions since issue 12),
      // too little for the pack's chronology.pdf (about 90 KiB) or its ZIP.
      const child = startCommand('bash', [
        '-c',
        `ulimit -f 80; exec "${process.execPath}" "${CLI}" export "${vault}" --initials AB ${args.map((a) => `"${a}"`).join(' ')}`,
      ]);
      const r = await finished(child);
      // The vault may be what cannot grow (initials given at export are saved to it first) or the pack.
      expectOneLineError(r, 5, /disk (holding \S+ )?is full/);
      expect(readdirSync(path.join(work, 'full'))).toEqual([]);
    }
  });
});

describe('evidence-vault verify', () => {
  it('names a changed file and exits 1', async () => {
    const out = path.join(work, 'to-tamper');
    expect((await run(['export', vault, '--out', out, '--initials', 'AB'])).code).toBe(0);
    const f = path.join(out, 'data', 'exhibits', 'AB-02-post-2.png');
    const b = readFileSync(f);
    b[50] = (b[50] ?? 0) ^ 1;
    writeFileSync(f, b);
    const r = await run(['verify', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^CHANGED: data\/exhibits\/AB-02-post-2\.png has changed/m);
    expectOneLineError(r, 1, /verify failed: 1 problem/);
    const j = await run(['verify', out, '--json']);
    expect(j.code).toBe(1);
    expect((JSON.parse(j.stdout) as { ok: boolean }).ok).toBe(false);
  });

  it('a path that is no pack is a clear error', async () => {
    expectOneLineError(await run(['verify', path.join(work, 'nope')]), 4, /No pack at/);
  });
});
