/**
 * How a pack travels, from the CLI (the BUILT binary): `export --both` (folder and ZIP, one pack
 * id in both names), `export --portal` (parts checked one by one by `verify`), `key-card`, and the
 * bad input: --portal with --zip, an unwritable --out, a key card over an existing file.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, assertBuilt, expectOneLineError, run } from './helpers.js';
import { cleanup, run as runTool, tempDir } from '../support/pack.js';

let vault: string;
let work: string;

beforeAll(async () => {
  assertBuilt();
  work = tempDir('ev-travel-cli-');
  vault = path.join(work, 'vault');
  expect((await run(['init', vault])).code).toBe(0);
  const a = await run([
    'add',
    vault,
    '--title',
    'Abusive posts',
    '--occurred-at',
    '2024-05-03T21:40+01:00',
    '--attach',
    path.join(FIXTURES, 'post-1.png'),
    '--attach',
    path.join(FIXTURES, 'post-2.png'),
  ]);
  expect(a.code, a.stderr).toBe(0);
}, 120_000);
afterAll(cleanup);

describe('export --both', () => {
  it('writes the folder and its ZIP named by one pack id; both verify', async () => {
    const out = path.join(work, 'for the police');
    const r = await run(['export', vault, '--out', out, '--both', '--initials', 'AB']);
    expect(r.code, r.stderr).toBe(0);
    const id = /^Pack id: (EVP-\d{8}-[0-9A-F]{8})$/m.exec(r.stdout)?.[1] ?? '';
    expect(id).not.toBe('');
    expect(readdirSync(out).sort()).toEqual([`case-pack-${id}`, `case-pack-${id}.zip`, `case-pack-${id}.zip.sha256`]);
    expect(r.stdout).toContain(`Case pack written: ${path.join(out, `case-pack-${id}`)}\n`);
    expect(r.stdout).toContain(`And its ZIP: ${path.join(out, `case-pack-${id}.zip`)}\n`);
    expect(r.stdout).toMatch(/^Pack SHA-256: [0-9a-f]{64}$/m);
    for (const p of [`case-pack-${id}`, `case-pack-${id}.zip`]) {
      const v = await run(['verify', path.join(out, p)]);
      expect(v.code, v.stdout + v.stderr).toBe(0);
      expect(v.stdout).toContain(`Pack id: ${id}\n`);
    }
  });
});

describe('export --portal', () => {
  it('writes part-1/ …; verify checks a part alone and the whole folder', async () => {
    const out = path.join(work, 'portal');
    const r = await run(['export', vault, '--out', out, '--portal', '--initials', 'AB']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Parts: 1 /m);
    expect(r.stdout).toMatch(/^part-1: 9 files; manifest SHA-256: [0-9a-f]{64}$/m);
    const one = await run(['verify', path.join(out, 'part-1')]);
    expect(one.code, one.stdout + one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^part-1 \(part 1 of 1\): 7 files, signature valid, OK$/m);
    expect(one.stdout).toMatch(/^Verified: 7 files \(\d+ bytes\) in part 1 of 1, every SHA-256 matches/m);
    const all = await run(['verify', out]);
    expect(all.code, all.stdout + all.stderr).toBe(0);
    const sum = await runTool(
      'sha256sum',
      ['-c', '--quiet', 'part-1-of-1-manifest-sha256.txt'],
      path.join(out, 'part-1'),
    );
    expect(sum.code, sum.stdout + sum.stderr).toBe(0);
    // A changed file: exit 1, named.
    writeFileSync(path.join(out, 'part-1', 'AB-01-post-1.png'), 'changed');
    const bad = await run(['verify', path.join(out, 'part-1')]);
    expect(bad.stdout).toMatch(/^CHANGED: part 1 of 1: AB-01-post-1\.png has changed/m);
    expectOneLineError(bad, 1, /verify failed: 1 problem/);
  });

  it('with --zip or --both is a usage error (exit 2), and nothing is written', async () => {
    const out = path.join(work, 'portal-zip');
    expectOneLineError(
      await run(['export', vault, '--out', out, '--portal', '--zip', '--initials', 'AB']),
      2,
      /--portal and --zip cannot be used together/,
    );
    expectOneLineError(
      await run(['export', vault, '--out', out, '--portal', '--both', '--initials', 'AB']),
      2,
      /--portal and --both cannot be used together/,
    );
    expectOneLineError(
      await run(['export', vault, '--out', `${out}.zip`, '--both', '--initials', 'AB']),
      2,
      /with --both, --out is a folder, not a \.zip file/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it.runIf(existsSync('/sys'))('an unwritable --out is one clear line, and nothing is kept', async () => {
    for (const flag of ['--portal', '--both']) {
      const out = `/sys/evidence-vault-cli-test/x`;
      const r = await run(['export', vault, '--out', out, flag, '--initials', 'AB']);
      expectOneLineError(r, 4, /Cannot write the case pack to .*: permission denied/);
      expect(existsSync('/sys/evidence-vault-cli-test')).toBe(false);
    }
  });

  it('--help names --both and --portal', async () => {
    const h = await run(['export', '--help']);
    expect(h.stdout).toMatch(/^ {2}--both /m);
    expect(h.stdout).toMatch(/^ {2}--portal /m);
  });
});

describe('key-card', () => {
  it('writes the card with the fingerprint the export prints', async () => {
    const card = path.join(work, 'card.pdf');
    const r = await run(['key-card', vault, '--out', card]);
    expect(r.code, r.stderr).toBe(0);
    const fp = /^Signing key fingerprint: ((?:[0-9a-f]{4} ){15}[0-9a-f]{4})$/m.exec(r.stdout)?.[1] ?? '';
    expect(fp).not.toBe('');
    expect(r.stdout).toMatch(/^As ssh-keygen prints it: SHA256:[A-Za-z0-9+/]{43}$/m);
    const t = await runTool('pdftotext', [card, '-']);
    const text = t.stdout.replace(/\s+/g, ' ');
    const groups = fp.split(' ');
    for (let i = 0; i < 16; i += 4) expect(text).toContain(groups.slice(i, i + 4).join(' '));
    const e = await run(['export', vault, '--out', path.join(work, 'fp'), '--initials', 'AB']);
    expect(e.stdout).toContain(`Signing key fingerprint: ${fp}\n`);
    // Never over an existing file; the name must end in .pdf.
    expectOneLineError(await run(['key-card', vault, '--out', card]), 4, /already exists/);
    expectOneLineError(await run(['key-card', vault, '--out', path.join(work, 'card.txt')]), 2, /must end in \.pdf/);
  });
});
