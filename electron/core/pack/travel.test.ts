/**
 * How a case pack travels (issue 14): one export makes the folder and its ZIP with one pack id in
 * both names; portal mode writes parts of at most 16 flat files, each checkable on its own with
 * sha256sum, ssh-keygen and our verifier; paths stay under 200 characters unpacked 60 deep; the
 * SSH signature passes `ssh-keygen -Y verify` beside openssl; the key card holds the fingerprint.
 * Bad input: an unwritable destination, a non-empty portal folder.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackReceipt } from '../../../shared/ipc-pack.js';
import { exportPack } from './exporter.js';
import { verifyPack } from './verify.js';
import { keyCardPdf, KEY_CARD_PURPOSE } from './key-card.js';
import { sshFingerprint } from './sshsig.js';
import { EXTRACT_PREFIX, WINDOWS_PATH_LIMIT } from './names.js';
import { PORTAL_MAX_FILES } from './portal.js';
import { listTree, opensslVerify, run, seedVaultForFile, tempDir } from '../../../test/support/pack.js';

const s = seedVaultForFile();
let where: string;
let both: PackReceipt;

beforeAll(async () => {
  where = path.join(tempDir(), 'Packs for the police');
  both = await exportPack(s.vault, { out: where, initials: 'AB', format: 'both' });
});

/** ssh-keygen -Y verify of `message` with `sig`, the allowed_signers line given. */
async function sshVerify(dir: string, allowed: string, sig: string, message: string): Promise<string> {
  const signers = path.join(tempDir(), 'allowed_signers');
  writeFileSync(signers, `${allowed}\n`);
  const r = await run(
    'sh',
    [
      '-c',
      'ssh-keygen -Y verify -f "$1" -I evidence-vault-pack -n evidence-vault-pack -s "$2" < "$3"',
      'sh',
      signers,
      sig,
      message,
    ],
    dir,
  );
  return `${r.code} ${r.stdout}${r.stderr}`;
}

describe('one export, the folder and its ZIP', () => {
  it('share one pack id, which is in both names', async () => {
    expect(both.format).toBe('both');
    expect(both.name).toBe(`case-pack-${both.packId}`);
    expect(both.zipName).toBe(`case-pack-${both.packId}.zip`);
    expect(readdirSync(where).sort()).toEqual([both.name, `${both.zipName}`, `${both.zipName}.sha256`].sort());
    const folder = path.join(where, both.name);
    const zip = path.join(where, both.zipName ?? '');
    const f = await verifyPack(folder);
    const z = await verifyPack(zip);
    expect(f.ok, JSON.stringify(f.problems)).toBe(true);
    expect(z.ok, JSON.stringify(z.problems)).toBe(true);
    expect(f.packId).toBe(both.packId);
    expect(z.packId).toBe(both.packId);
    // The same bag: unzipped, every file is the folder's, byte for byte.
    const out = tempDir();
    expect((await run('unzip', ['-q', zip, '-d', out])).code).toBe(0);
    expect(readdirSync(out)).toEqual([both.name]);
    const a = listTree(folder);
    expect(listTree(path.join(out, both.name))).toEqual(a);
    for (const rel of a) {
      expect(readFileSync(path.join(out, both.name, rel)).equals(readFileSync(path.join(folder, rel))), rel).toBe(true);
    }
    const sum = await run('sha256sum', ['-c', `${both.zipName}.sha256`], where);
    expect(sum.code, sum.stdout + sum.stderr).toBe(0);
    expect(both.packSha256).toBe(createHash('sha256').update(readFileSync(zip)).digest('hex'));
  });

  it('sha256sum -c, openssl and ssh-keygen -Y verify pass on the folder', async () => {
    const folder = path.join(where, both.name);
    for (const m of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const r = await run('sha256sum', ['-c', '--quiet', m], folder);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
    expect(await opensslVerify(folder)).toContain('Signature Verified Successfully');
    const readme = readFileSync(path.join(folder, 'data/README.txt'), 'utf8');
    const allowed = /^ {4}(evidence-vault-pack namespaces="evidence-vault-pack" ssh-ed25519 \S+)$/m.exec(readme)?.[1];
    expect(allowed).toBeTruthy();
    const pub = readFileSync(path.join(folder, 'signing-key.pub'), 'utf8');
    expect(pub).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA\S+ /);
    expect(allowed).toContain(pub.split(' ')[1]);
    const said = await sshVerify(folder, allowed ?? '', 'tagmanifest-sha256.txt.sshsig', 'tagmanifest-sha256.txt');
    const fp = sshFingerprint(s.vault.signingPublicKey());
    expect(said).toContain(`0 Good "evidence-vault-pack" signature for evidence-vault-pack with ED25519 key ${fp}`);
    expect(readme).toContain(fp);
    // The PowerShell check reads the manifest as UTF-8.
    expect(readme).toContain('Get-Content -Encoding UTF8 manifest-sha256.txt');
    // A changed tag manifest fails ssh-keygen as it fails our verifier.
    const d = path.join(tempDir(), 'copy');
    cpSync(folder, d, { recursive: true });
    writeFileSync(
      path.join(d, 'tagmanifest-sha256.txt'),
      `${readFileSync(path.join(d, 'tagmanifest-sha256.txt'), 'utf8')} `,
    );
    expect(await sshVerify(d, allowed ?? '', 'tagmanifest-sha256.txt.sshsig', 'tagmanifest-sha256.txt')).not.toMatch(
      /^0 /,
    );
    const r = await verifyPack(d);
    expect(r.problems.map((p) => p.path)).toContain('tagmanifest-sha256.txt.sshsig');
  });

  it('the pack holds the key card, with the fingerprint and what it is for', async () => {
    const folder = path.join(where, both.name);
    const t = await run('pdftotext', ['-layout', 'data/key-card.pdf', '-'], folder);
    expect(t.code).toBe(0);
    const text = t.stdout.replace(/\s+/g, ' ');
    const hex = both.signingKeyFingerprint.match(/.{4}/g) ?? [];
    for (let i = 0; i < hex.length; i += 4) expect(text).toContain(hex.slice(i, i + 4).join(' '));
    expect(text).toContain(KEY_CARD_PURPOSE);
    expect(text).toContain(sshFingerprint(s.vault.signingPublicKey()));
  });
});

describe('Windows paths', () => {
  it('every path is under 200 characters unpacked 60 deep, for a long exhibit name and a long ZIP name', async () => {
    const long = s.exhibits().find((e) => e.name.length > 200);
    expect(long).toBeTruthy(); // AWKWARD_NAMES holds one of 300 characters
    const zip = path.join(
      tempDir(),
      `${'Case pack for the Metropolitan Police about the long campaign '.repeat(3)}.zip`,
    );
    await exportPack(s.vault, { out: zip, initials: 'AB', format: 'zip' });
    const list = await run('unzip', ['-Z1', zip]);
    const names = list.stdout.split('\n').filter(Boolean);
    expect(names.length).toBeGreaterThan(20);
    const prefix = 'x'.repeat(EXTRACT_PREFIX);
    for (const n of names) expect(`${prefix}${n}`.length, n).toBeLessThan(WINDOWS_PATH_LIMIT);
    for (const n of listTree(path.join(where, both.name)))
      expect(`${prefix}${both.name}/${n}`.length, n).toBeLessThan(WINDOWS_PATH_LIMIT);
  });
});

describe('portal mode', () => {
  let out: string;
  let receipt: PackReceipt;
  beforeAll(async () => {
    out = path.join(tempDir(), 'portal');
    receipt = await exportPack(s.vault, { out, initials: 'AB', format: 'portal' });
  });

  it('parts of at most 16 flat files, part 1 the PDF, each exhibit its own file', () => {
    const parts = readdirSync(out).sort();
    expect(parts).toEqual(['part-1', 'part-2']); // 10 exhibit files: 9 in part 1 after the PDF and the list
    expect(receipt.parts?.map((p) => p.name)).toEqual(parts);
    const all: string[] = [];
    for (const p of parts) {
      const files = listTree(path.join(out, p));
      expect(files.length).toBeLessThanOrEqual(PORTAL_MAX_FILES);
      expect(files.every((f) => !f.includes('/'))).toBe(true);
      all.push(...files);
    }
    expect(listTree(path.join(out, 'part-1'))).toContain('00-summary-chronology-exhibit-list.pdf');
    const exhibitFiles = all.filter((f) => /^AB-\d\d-/.test(f));
    expect(exhibitFiles).toHaveLength(s.exhibits().filter((e) => e.kind !== 'physical').length);
    expect(new Set(all).size).toBe(all.length); // no name twice across parts
    expect(all.filter((f) => f.endsWith('manifest-sha256.txt'))).toEqual([
      'part-1-of-2-manifest-sha256.txt',
      'part-2-of-2-manifest-sha256.txt',
    ]);
  });

  it('each part checks on its own: sha256sum, ssh-keygen and our verifier; it says "part 2 of 2"', async () => {
    for (const n of [1, 2]) {
      const dir = path.join(out, `part-${n}`);
      const m = `part-${n}-of-2-manifest-sha256.txt`;
      const sum = await run('sha256sum', ['-c', '--quiet', m], dir);
      expect(sum.code, sum.stdout + sum.stderr).toBe(0);
      const allowed = readFileSync(path.join(dir, `part-${n}-of-2-allowed_signers`), 'utf8').trim();
      expect(await sshVerify(dir, allowed, `${m}.sshsig`, m)).toMatch(/^0 Good "evidence-vault-pack" signature/);
      const r = await verifyPack(dir);
      expect(r.ok, JSON.stringify(r.problems)).toBe(true);
      expect(r.packId).toBe(receipt.packId);
      expect(r.portal).toMatchObject({ part: n, of: 2 });
      expect(r.signingKeyFingerprint).toBe(receipt.signingKeyFingerprint);
      const readme = readFileSync(path.join(dir, `part-${n}-of-2-README.txt`), 'utf8');
      expect(readme).toContain(`This is part ${n} of 2`);
      const captions = readFileSync(path.join(dir, `part-${n}-of-2-captions.txt`), 'utf8');
      expect(captions).toContain(`PART ${n} OF 2`);
      // A caption for every file of the part but the captions themselves.
      for (const f of listTree(dir).filter((x) => !x.endsWith('captions.txt')))
        expect(captions).toContain(`${f}\n    `);
      expect(captions).toContain(`part ${n} of 2`);
    }
    const whole = await verifyPack(out);
    expect(whole.ok, JSON.stringify(whole.problems)).toBe(true);
    expect(whole.portal?.parts.map((p) => p.ok)).toEqual([true, true]);
  });

  it('a changed exhibit fails its own part only; a missing part is named', async () => {
    const d = path.join(tempDir(), 'portal-copy');
    cpSync(out, d, { recursive: true });
    const p2 = path.join(d, 'part-2');
    const victim = listTree(p2).find((f) => /^AB-\d\d-/.test(f)) ?? '';
    const b = readFileSync(path.join(p2, victim));
    b[0] = (b[0] ?? 0) ^ 1;
    writeFileSync(path.join(p2, victim), b);
    expect((await verifyPack(path.join(d, 'part-1'))).ok).toBe(true);
    const r2 = await verifyPack(p2);
    expect(r2.ok).toBe(false);
    expect(r2.problems).toEqual([expect.objectContaining({ kind: 'changed', path: victim })]);
    const whole = await verifyPack(d);
    expect(whole.ok).toBe(false);
    expect(whole.problems.map((p) => p.path)).toEqual([`part-2/${victim}`]);
    rmSync(p2, { recursive: true });
    const gone = await verifyPack(d);
    expect(gone.problems).toEqual([expect.objectContaining({ kind: 'missing', message: 'part 2 of 2 is missing' })]);
  });

  it('refuses a folder that is not empty, and keeps nothing', async () => {
    const d = path.join(tempDir(), 'busy');
    mkdirSync(d);
    writeFileSync(path.join(d, 'other.txt'), 'mine');
    const before = s.vault.custodyLog().length;
    await expect(exportPack(s.vault, { out: d, initials: 'AB', format: 'portal' })).rejects.toMatchObject({
      code: 'OUTPUT_EXISTS',
    });
    expect(readdirSync(d)).toEqual(['other.txt']);
    expect(s.vault.custodyLog().length).toBe(before);
  });
});

describe('bad input', () => {
  it.runIf(existsSync('/sys'))(
    'an unwritable destination: a clear error, nothing kept, the vault unchanged',
    async () => {
      const before = s.vault.custodyLog().length;
      for (const format of ['both', 'portal', 'folder'] as const) {
        const out = `/sys/evidence-vault-test-${format}`;
        await expect(exportPack(s.vault, { out: path.join(out, 'x'), initials: 'AB', format })).rejects.toMatchObject({
          code: 'FILE_UNREADABLE',
          message: expect.stringMatching(/^Cannot write the case pack to .*: permission denied\.$/),
        });
        expect(existsSync(out)).toBe(false);
      }
      expect(s.vault.custodyLog().length).toBe(before);
    },
  );
});

describe('the key card on its own', () => {
  it('is one page with the fingerprint, the SSH fingerprint and the purpose', async () => {
    const pdf = await keyCardPdf({ publicKey: s.vault.signingPublicKey(), producerName: 'Alex Brown' });
    const f = path.join(tempDir(), 'card.pdf');
    writeFileSync(f, pdf);
    const info = await run('pdfinfo', [f]);
    expect(info.stdout).toMatch(/Pages:\s+1\n/);
    const t = (await run('pdftotext', [f, '-'])).stdout;
    expect(t).toContain('Alex Brown');
    expect(t.replace(/\s+/g, ' ')).toContain(KEY_CARD_PURPOSE);
  });
});
