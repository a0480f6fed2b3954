/**
 * Verifying packs: a good folder and ZIP pass; tampered, missing and extra files, a bad signature,
 * a wrong Payload-Oxum and a changed tag file are each named. A ZIP round trip through unzip and
 * 7z, checked with sha256sum.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { appendFileSync, cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPack } from './exporter.js';
import { verifyPack } from './verify.js';
import type { PackReceipt } from '../../../shared/ipc-pack.js';
import { cleanup, listTree, run, seedVault, tempDir, type Seeded } from '../../../test/support/pack.js';

let s: Seeded;
let folder: string;
let zip: string;
let zipReceipt: PackReceipt;

beforeAll(async () => {
  s = await seedVault();
  folder = path.join(tempDir(), 'pack');
  await exportPack(s.vault, { out: folder, initials: 'AB' });
  zip = path.join(tempDir(), 'case-pack.zip');
  zipReceipt = await exportPack(s.vault, { out: zip, initials: 'AB', format: 'zip' });
});
afterAll(() => {
  s.vault.close();
  cleanup();
});

/** A fresh copy of the good folder pack to damage. */
function copy(): string {
  const d = path.join(tempDir(), 'copy');
  cpSync(folder, d, { recursive: true });
  return d;
}

describe('verify a folder pack', () => {
  it('a good pack verifies', async () => {
    const r = await verifyPack(folder);
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.filesChecked).toBe(listTree(folder).length - 2); // all but the tag manifest and its signature
  });

  it('a changed exhibit is named, and sha256sum -c agrees', async () => {
    const d = copy();
    const f = path.join(d, 'data/exhibits/AB-1_post-1.png');
    const b = readFileSync(f);
    b[100] = (b[100] ?? 0) ^ 1;
    writeFileSync(f, b);
    const r = await verifyPack(d);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'changed', path: 'data/exhibits/AB-1_post-1.png' })]);
    const sum = await run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], d);
    expect(sum.code).not.toBe(0);
    expect(sum.stdout).toContain('data/exhibits/AB-1_post-1.png: FAILED');
  });

  it('a missing file and an extra file are named', async () => {
    const d = copy();
    rmSync(path.join(d, 'data/chronology.csv'));
    writeFileSync(path.join(d, 'data/exhibits/AB-99_planted.png'), 'not evidence');
    writeFileSync(path.join(d, 'extra-tag.txt'), 'x');
    const r = await verifyPack(d);
    expect(r.ok).toBe(false);
    const named = r.problems.map((p) => `${p.kind} ${p.path}`);
    expect(named).toContain('missing data/chronology.csv');
    expect(named).toContain('extra data/exhibits/AB-99_planted.png');
    expect(named).toContain('extra extra-tag.txt');
    // Payload-Oxum counts files and bytes: the swap changes the bytes.
    expect(named).toContain('oxum bag-info.txt');
  });

  it('a renamed exhibit is missing under its old name and extra under the new one', async () => {
    const d = copy();
    renameSync(path.join(d, 'data/exhibits/AB-3_damage.jpg'), path.join(d, 'data/exhibits/AB-3_damage2.jpg'));
    const named = (await verifyPack(d)).problems.map((p) => `${p.kind} ${p.path}`);
    expect(named).toEqual(['extra data/exhibits/AB-3_damage2.jpg', 'missing data/exhibits/AB-3_damage.jpg']);
  });

  it('a manifest rewritten to match a changed file breaks the tag manifest; rewriting that breaks the signature', async () => {
    const d = copy();
    const f = path.join(d, 'data/README.txt');
    appendFileSync(f, 'Planted line.\n');
    const newHash = createHash('sha256').update(readFileSync(f)).digest('hex');
    const m = path.join(d, 'manifest-sha256.txt');
    writeFileSync(m, readFileSync(m, 'utf8').replace(/^[0-9a-f]{64}( {2}data\/README\.txt)$/m, `${newHash}$1`));
    const info = path.join(d, 'bag-info.txt');
    const r1 = await verifyPack(d);
    expect(r1.problems.map((p) => `${p.kind} ${p.path}`)).toEqual(['oxum bag-info.txt', 'changed manifest-sha256.txt']);
    // Fix Payload-Oxum and the tag manifest too: only the signature can tell now.
    const oxum = /Payload-Oxum: (\d+)\.(\d+)/.exec(readFileSync(info, 'utf8'));
    writeFileSync(
      info,
      readFileSync(info, 'utf8').replace(/Payload-Oxum: .*/, `Payload-Oxum: ${Number(oxum?.[1]) + 14}.${oxum?.[2]}`),
    );
    const t = path.join(d, 'tagmanifest-sha256.txt');
    let tm = readFileSync(t, 'utf8');
    for (const name of ['manifest-sha256.txt', 'bag-info.txt']) {
      const h = createHash('sha256')
        .update(readFileSync(path.join(d, name)))
        .digest('hex');
      tm = tm.replace(new RegExp(`^[0-9a-f]{64}(  ${name.replace('.', '\\.')})$`, 'm'), `${h}$1`);
    }
    writeFileSync(t, tm);
    const r2 = await verifyPack(d);
    expect(r2.problems).toEqual([expect.objectContaining({ kind: 'signature', path: 'tagmanifest-sha256.txt.sig' })]);
    expect(r2.signatureValid).toBe(false);
    const ssl = await run(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'signing-key.pem',
        '-rawin',
        '-in',
        'tagmanifest-sha256.txt',
        '-sigfile',
        'tagmanifest-sha256.txt.sig',
      ],
      d,
    );
    expect(ssl.stdout + ssl.stderr).toContain('Signature Verification Failure');
  });

  it('a signature by another key over the right tag manifest is refused', async () => {
    const d = copy();
    const other = generateKeyPairSync('ed25519');
    writeFileSync(
      path.join(d, 'tagmanifest-sha256.txt.sig'),
      sign(null, readFileSync(path.join(d, 'tagmanifest-sha256.txt')), other.privateKey),
    );
    const r = await verifyPack(d);
    expect(r.problems.map((p) => p.kind)).toEqual(['signature']);
  });

  it('a missing signature or bagit.txt is named', async () => {
    const d = copy();
    rmSync(path.join(d, 'tagmanifest-sha256.txt.sig'));
    expect((await verifyPack(d)).problems).toEqual([
      expect.objectContaining({ kind: 'signature', path: 'tagmanifest-sha256.txt.sig' }),
    ]);
    rmSync(path.join(d, 'bagit.txt'));
    const r = await verifyPack(d);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ kind: 'bag', path: 'bagit.txt' });
  });

  it('a manifest path that leaves the bag is refused, never read', async () => {
    const d = copy();
    appendFileSync(path.join(d, 'manifest-sha256.txt'), `${'0'.repeat(64)}  data/../../../etc/passwd\n`);
    const r = await verifyPack(d);
    expect(r.problems.some((p) => p.kind === 'bag' && /outside data/.test(p.message))).toBe(true);
  });

  it('no pack at all is a clear error', async () => {
    await expect(verifyPack(path.join(tempDir(), 'nothing-here'))).rejects.toMatchObject({ code: 'FILE_MISSING' });
    const notZip = path.join(tempDir(), 'x.zip');
    writeFileSync(notZip, 'this is not a zip');
    await expect(verifyPack(notZip)).rejects.toMatchObject({ code: 'PACK_INVALID' });
  });
});

describe('ZIP packs', () => {
  it('has a receipt: Pack SHA-256 of the file, written beside it in sha256sum format', async () => {
    const hex = createHash('sha256').update(readFileSync(zip)).digest('hex');
    expect(zipReceipt.packSha256).toBe(hex);
    expect(readFileSync(`${zip}.sha256`, 'utf8')).toBe(`${hex}  case-pack.zip\n`);
    const r = await run('sha256sum', ['-c', 'case-pack.zip.sha256'], path.dirname(zip));
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('unzip -t and 7z t accept it; unzipped, sha256sum -c and our verifier accept the bag', async () => {
    const t = await run('unzip', ['-t', zip]);
    expect(t.code, t.stdout).toBe(0);
    expect(t.stdout).toContain('No errors detected');
    const z = await run('7z', ['t', zip]);
    expect(z.code, z.stdout).toBe(0);
    expect(z.stdout).toContain('Everything is Ok');
    const dest = tempDir();
    expect((await run('unzip', ['-q', zip, '-d', dest])).code).toBe(0);
    const bag = path.join(dest, 'case-pack');
    expect((await run('sha256sum', ['--strict', '-c', 'manifest-sha256.txt'], bag)).code).toBe(0);
    expect((await run('sha256sum', ['--strict', '-c', 'tagmanifest-sha256.txt'], bag)).code).toBe(0);
    expect((await verifyPack(bag)).ok).toBe(true);
    expect((await verifyPack(zip)).ok).toBe(true);
  });

  it('a ZIP whose exhibit bytes were altered fails, naming the file', async () => {
    const bad = path.join(tempDir(), 'bad.zip');
    const b = readFileSync(zip);
    // Exhibits are stored uncompressed: find post-1.png's PNG header and change a byte after it.
    const at = b.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(at).toBeGreaterThan(0);
    b[at + 200] = (b[at + 200] ?? 0) ^ 0xff;
    writeFileSync(bad, b);
    const r = await verifyPack(bad);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.path)).toContain('data/exhibits/AB-1_post-1.png');
  });
});
