/**
 * `evidence-vault export DIR --email [--max-mb N] --out FILE.pdf` as a user runs it: the BUILT
 * binary (dist/cli.cjs) in a child process, on a vault made with the CLI. Build first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, assertBuilt, expectOneLineError, run } from './helpers.js';
import { cleanup, tempDir } from '../support/pack.js';

let vault: string;
let work: string;

beforeAll(async () => {
  assertBuilt();
  work = tempDir('ev-email-cli-');
  vault = path.join(work, 'vault');
  expect((await run(['init', vault])).code).toBe(0);
  const a = await run([
    'add',
    vault,
    '--title',
    'Threatening e-mail and a damaged poster',
    '--occurred-at',
    '2019-11-14',
    '--attach',
    path.join(FIXTURES, 'email-2.eml'),
    '--attach',
    path.join(FIXTURES, 'damage.jpg'),
    '--attach',
    path.join(FIXTURES, 'letter.pdf'),
  ]);
  expect(a.code, a.stderr).toBe(0);
}, 120_000);
afterAll(cleanup);

describe('evidence-vault export --email', () => {
  it('writes one PDF under the limit and says what it holds', async () => {
    const out = path.join(work, 'for-the-spoc.pdf');
    const r = await run(['export', vault, '--email', '--max-mb', '2', '--out', out, '--initials', 'SC']);
    expect(r.code, r.stderr).toBe(0);
    const size = readFileSync(out).length;
    expect(size).toBeLessThanOrEqual(2_000_000);
    expect(r.stdout).toMatch(/^E-mail PDF written: .*for-the-spoc\.pdf$/m);
    expect(r.stdout).toMatch(/^Pack id: EVP-\d{8}-[0-9A-F]{8}$/m);
    expect(r.stdout).toMatch(/^Size: \d+\.\d MB \(limit 2 MB\)$/m);
    expect(r.stdout).toMatch(/^Incidents: 1; exhibits: 3; smaller copies: \d+; left out: 0$/m);
    expect(r.stdout).toMatch(/^PDF SHA-256: [0-9a-f]{64}$/m);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('usage errors are one line with what to do, and write nothing', async () => {
    for (const [args, message] of [
      [['--email', '--out', path.join(work, 'x.zip')], /with --email, --out must end in \.pdf/],
      [['--email', '--zip', '--out', path.join(work, 'x.pdf')], /choose --zip or --email, not both/],
      [
        ['--email', '--max-mb', '0', '--out', path.join(work, 'x.pdf')],
        /--max-mb "0": give a size in megabytes from 1 to 100/,
      ],
      [['--max-mb', '5', '--out', path.join(work, 'y')], /--max-mb goes with --email/],
    ] as const) {
      const r = await run(['export', vault, ...args, '--initials', 'SC']);
      expectOneLineError(r, 2, message);
    }
  });

  it('a PDF that exists is refused, unchanged', async () => {
    const out = path.join(work, 'for-the-spoc.pdf');
    const before = readFileSync(out);
    const r = await run(['export', vault, '--email', '--out', out, '--initials', 'SC']);
    expectOneLineError(r, 4, /already exists: choose a new file name/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });
});
