/**
 * Verifying packs: a good folder and ZIP pass; tampered, missing and extra files, a bad signature,
 * a wrong Payload-Oxum and a changed tag file are each named. A pack forged and re-signed with a
 * new key verifies only as "signed by key X", and fails when the producer's key is expected.
 * Pipes, links and duplicate manifest lines are refused; the time spent is bounded. A ZIP round
 * trip through unzip and 7z, checked with sha256sum. (Crafted ZIPs: verify/zip.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { appendFileSync, cpSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPack } from './exporter.js';
import { normaliseFingerprint, verifyPack } from './verify.js';
import type { PackReceipt } from '../../../shared/ipc-pack.js';
import {
  forgePack,
  listTree,
  opensslVerify,
  rehashManifest,
  run,
  seedVaultForFile,
  tempDir,
} from '../../../test/support/pack.js';

const s = seedVaultForFile();
let folder: string;
let zip: string;
let zipReceipt: PackReceipt;

beforeAll(async () => {
  folder = path.join(tempDir(), 'pack');
  await exportPack(s.vault, { out: folder, initials: 'AB' });
  zip = path.join(tempDir(), 'case-pack.zip');
  zipReceipt = await exportPack(s.vault, { out: zip, initials: 'AB', format: 'zip' });
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
    expect(r.filesChecked).toBe(listTree(folder).length - 3); // all but the tag manifest and its two signatures
    expect(r.sshSignatureValid).toBe(true);
  });

  it('a changed exhibit is named, and sha256sum -c agrees', async () => {
    const d = copy();
    const f = path.join(d, 'data/exhibits/AB-01-post-1.png');
    const b = readFileSync(f);
    b[100] = (b[100] ?? 0) ^ 1;
    writeFileSync(f, b);
    const r = await verifyPack(d);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'changed', path: 'data/exhibits/AB-01-post-1.png' })]);
    const sum = await run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], d);
    expect(sum.code).not.toBe(0);
    expect(sum.stdout).toContain('data/exhibits/AB-01-post-1.png: FAILED');
  });

  it('a missing file and an extra file are named', async () => {
    const d = copy();
    rmSync(path.join(d, 'data/chronology.csv'));
    writeFileSync(path.join(d, 'data/exhibits/AB-99-planted.png'), 'not evidence');
    writeFileSync(path.join(d, 'extra-tag.txt'), 'x');
    const r = await verifyPack(d);
    expect(r.ok).toBe(false);
    const named = r.problems.map((p) => `${p.kind} ${p.path}`);
    expect(named).toContain('missing data/chronology.csv');
    expect(named).toContain('extra data/exhibits/AB-99-planted.png');
    expect(named).toContain('extra extra-tag.txt');
    // Payload-Oxum counts files and bytes: the swap changes the bytes.
    expect(named).toContain('oxum bag-info.txt');
  });

  it('a renamed exhibit is missing under its old name and extra under the new one', async () => {
    const d = copy();
    renameSync(path.join(d, 'data/exhibits/AB-03-damage.jpg'), path.join(d, 'data/exhibits/AB-03-damage2.jpg'));
    const named = (await verifyPack(d)).problems.map((p) => `${p.kind} ${p.path}`);
    expect(named).toEqual(['extra data/exhibits/AB-03-damage2.jpg', 'missing data/exhibits/AB-03-damage.jpg']);
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
    rehashManifest(d, 'tagmanifest-sha256.txt');
    const r2 = await verifyPack(d);
    expect(r2.problems).toEqual([
      expect.objectContaining({ kind: 'signature', path: 'tagmanifest-sha256.txt.sig' }),
      expect.objectContaining({ kind: 'signature', path: 'tagmanifest-sha256.txt.sshsig' }),
    ]);
    expect(r2.signatureValid).toBe(false);
    expect(await opensslVerify(d)).toContain('Signature Verification Failure');
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

describe('who signed it', () => {
  it('a pack forged and re-signed with a new key verifies, but only as signed by that new key', async () => {
    const good = await verifyPack(folder);
    const d = copy();
    const newKey = forgePack(d);
    const r = await verifyPack(d);
    // The signature alone cannot tell: it is valid for the key inside the pack.
    expect(r.ok).toBe(true);
    expect(r.signingKeyFingerprint).toBe(newKey);
    expect(r.signingKeyFingerprint).not.toBe(good.signingKeyFingerprint);
  });

  it("with the producer's fingerprint expected, the forged pack fails in one line naming both keys", async () => {
    const good = await verifyPack(folder);
    const producer = good.signingKeyFingerprint ?? '';
    const typed = (producer.match(/.{4}/g) ?? []).join(' ').toUpperCase();
    expect((await verifyPack(folder, { expectFingerprint: typed })).ok).toBe(true);
    const d = copy();
    const newKey = forgePack(d);
    const r = await verifyPack(d, { expectFingerprint: typed });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      {
        kind: 'signature',
        path: 'signing-key.pem',
        message: `the pack is signed by key ${newKey.match(/.{4}/g)?.join(' ')}, not the expected key ${producer.match(/.{4}/g)?.join(' ')}`,
      },
    ]);
  });

  it('an expected fingerprint that is not 64 hex digits is refused before any work', async () => {
    expect(normaliseFingerprint('e24e df2d')).toBeNull();
    expect(normaliseFingerprint(`${'ab:'.repeat(31)}ab`)).toBe('ab'.repeat(32));
    expect(normaliseFingerprint(`${'g'.repeat(64)}`)).toBeNull();
    await expect(verifyPack(folder, { expectFingerprint: 'nonsense' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('bounded work', () => {
  it('a pipe (FIFO) as the pack path is refused at once, never opened', async () => {
    const fifo = path.join(tempDir(), 'pack.zip');
    execFileSync('mkfifo', [fifo]);
    const t0 = Date.now();
    await expect(verifyPack(fifo)).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining('is not a folder or a plain file (it is a pipe, device or socket)'),
    });
    expect(Date.now() - t0).toBeLessThan(2000);
    await expect(verifyPack('/dev/zero')).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  }, 5000);

  it('a flood of problems is listed up to a bound, the rest counted in one line', async () => {
    const d = copy();
    const junk = Array.from({ length: 1500 }, (_, i) => `not a manifest line ${i}\n`).join('');
    appendFileSync(path.join(d, 'manifest-sha256.txt'), junk);
    const r = await verifyPack(d);
    // 1500 unreadable lines, and the manifest no longer matches the tag manifest: 1501 problems.
    expect(r.problems).toHaveLength(1001);
    expect(r.problems[1000]).toEqual({ kind: 'bag', message: '501 more problems not listed' });
  });

  it('a pipe or a symbolic link inside a pack folder is named and never read', async () => {
    const d = copy();
    execFileSync('mkfifo', [path.join(d, 'data/exhibits/AB-08-pipe.png')]);
    symlinkSync('/etc/passwd', path.join(d, 'data/exhibits/AB-09-link.png'));
    const r = await verifyPack(d);
    expect(r.problems.map((p) => `${p.kind} ${p.path}: ${p.message}`)).toEqual([
      'extra data/exhibits/AB-08-pipe.png: data/exhibits/AB-08-pipe.png is not a plain file (a pipe, device or socket); a case pack holds plain files only',
      'extra data/exhibits/AB-09-link.png: data/exhibits/AB-09-link.png is a symbolic link; a case pack holds plain files only',
    ]);
  });

  it('a duplicate manifest line is named and its file hashed once', async () => {
    const good = await verifyPack(folder);
    const d = copy();
    /** Append a second copy of the manifest's line for `file`. */
    const repeat = (manifest: string, file: string): void => {
      const m = path.join(d, manifest);
      const line =
        readFileSync(m, 'utf8')
          .split('\n')
          .find((l) => l.endsWith(`  ${file}`)) ?? '';
      appendFileSync(m, `${line}\n`);
    };
    repeat('manifest-sha256.txt', 'data/README.txt');
    repeat('tagmanifest-sha256.txt', 'bag-info.txt');
    const r = await verifyPack(d);
    const named = r.problems.map((p) => `${p.kind} ${p.path}: ${p.message}`);
    expect(named).toContain('bag data/README.txt: manifest-sha256.txt lists data/README.txt more than once');
    expect(named).toContain('bag bag-info.txt: tagmanifest-sha256.txt lists bag-info.txt more than once');
    expect(named.filter((n) => n.includes('more than once'))).toHaveLength(2);
    expect(r.filesChecked).toBe(good.filesChecked);
  });

  it('verification that runs past its time limit stops, saying so in one line', async () => {
    await expect(verifyPack(folder, { timeLimitMs: 1 })).rejects.toMatchObject({
      code: 'PACK_INVALID',
      message: 'Verification stopped: it took longer than 1 second, more than a pack of this size needs.',
    });
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
    expect(r.problems.map((p) => p.path)).toContain('data/exhibits/AB-01-post-1.png');
  });
});
