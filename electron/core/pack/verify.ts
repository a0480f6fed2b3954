/**
 * Verify a case pack, a folder or a ZIP: the bag's declaration, every hash of both manifests,
 * Payload-Oxum, and the Ed25519 signature over tagmanifest-sha256.txt, and say which key signed
 * it (a signature by a key that travels in the pack proves only that the pack is unchanged since
 * that key signed it, not who made it: compare the fingerprint with the producer's key card, or
 * pass the one expected). Names every missing, extra or changed file. Reads streaming; never
 * trusts a path in a manifest that leaves the bag; its work is bounded (verify/reader.ts LIMITS):
 * pipes and devices are refused at once, ZIP bombs before anything is inflated.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { constants, open as openFd, close as closeFd, fstat } from 'node:fs';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { PackProblem, PackVerifyReport } from '../../../shared/ipc-pack.js';
import { VaultError } from '../../../shared/errors.js';
import { isSafeBagPath, parseBagInfo, parseManifest } from './bagit.js';
import { groupHex } from '../../../shared/format.js';
import { PUBLIC_KEY_FILE, SIGNATURE_FILE, SSH_PUBLIC_KEY_FILE, SSH_SIGNATURE_FILE } from './readme.js';
import { checkSshSignature, parseSshPublicKey } from './sshsig.js';
import { isPortalFolder, verifyPortal } from './verify/portal.js';
import { BagReadError, consume, readSmall, type BagReader } from './verify/reader.js';
import { LIMITS, stopper, type Stopper } from './verify/limits.js';
import { folderReader } from './verify/folder.js';
import { zipReader } from './verify/zip.js';

export interface VerifyOptions {
  signal?: AbortSignal;
  /** Bytes hashed so far, of all bytes listed. */
  onProgress?: (done: number, total: number, file: string) => void;
  /**
   * The signing key's fingerprint (SHA-256 of the 32-byte Ed25519 public key, 64 hex digits) the
   * pack must be signed by, e.g. read off the producer's key card; a different key is a problem.
   */
  expectFingerprint?: string;
  /** Stop after this long (PACK_INVALID). Default: LIMITS.baseMs plus LIMITS.msPerMiB per MiB listed. */
  timeLimitMs?: number;
}

/** A fingerprint as typed (spaces or colons between groups, any case) to 64 lowercase hex digits; null if it is not one. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]+/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

function hashOf(r: BagReader, p: string, onBytes: (n: number) => void, stop: Stopper): Promise<string> {
  const h = createHash('sha256');
  return consume(
    r,
    p,
    (chunk) => {
      h.update(chunk);
      onBytes(chunk.length);
    },
    stop,
  ).then(() => h.digest('hex'));
}

/** Open the pack without waiting on a pipe: a regular file's descriptor, or refuse anything else. */
function openRegular(abs: string, location: string): Promise<number> {
  return new Promise((resolve, reject) => {
    openFd(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0), (e, fd) => {
      if (e) return reject(e);
      fstat(fd, (e2, st) => {
        if (!e2 && st.isFile()) return resolve(fd);
        closeFd(fd, () => undefined);
        reject(e2 ?? notAPack(location));
      });
    });
  });
}

function notAPack(location: string): VaultError {
  return new VaultError(
    'FILE_UNREADABLE',
    `${location} is not a folder or a plain file (it is a pipe, device or socket); a case pack is a folder or a .zip file.`,
  );
}

/** Ed25519 public key from signing-key.pem (SPKI) or a raw 32-byte/base64 form. */
function publicKeyFrom(text: Buffer): { key: ReturnType<typeof createPublicKey>; raw: Buffer } | null {
  try {
    const key = createPublicKey(text);
    if (key.asymmetricKeyType !== 'ed25519') return null;
    const der = key.export({ type: 'spki', format: 'der' });
    return { key, raw: der.subarray(der.length - 32) };
  } catch {
    return null;
  }
}

export async function verifyPack(location: string, opts: VerifyOptions = {}): Promise<PackVerifyReport> {
  const abs = path.resolve(location);
  const st = await fsp.stat(abs).catch(() => null);
  if (!st) throw new VaultError('FILE_MISSING', `No pack at ${location}: no such file or folder.`);
  if (!st.isDirectory() && !st.isFile()) throw notAPack(location);
  if (opts.expectFingerprint !== undefined && !normaliseFingerprint(opts.expectFingerprint)) {
    throw new VaultError('INVALID_INPUT', 'The expected signing key fingerprint is not 64 hexadecimal digits.');
  }
  const stop = stopper(opts.signal, opts.timeLimitMs);
  try {
    let reader: BagReader;
    // A portal-mode part (part-1/ …) or the folder of them: each part checked on its own.
    if (st.isDirectory() && (await isPortalFolder(abs))) return await verifyPortal(abs, opts, stop);
    if (st.isDirectory()) reader = await folderReader(abs, stop);
    else reader = await zipReader(await openRegular(abs, location), location, stop);
    try {
      return await verifyBag(reader, abs, opts, stop);
    } finally {
      await reader.close();
    }
  } finally {
    stop.done();
  }
}

/** Problems, at most LIMITS.problems of them listed; the rest counted in one last line. */
function problemList(): { list: PackProblem[]; add(p: PackProblem): void; finish(): void } {
  const list: PackProblem[] = [];
  let more = 0;
  return {
    list,
    add(p) {
      if (list.length < LIMITS.problems) list.push(p);
      else more++;
    },
    finish() {
      if (more > 0) list.push({ kind: 'bag', message: `${more} more problem${more === 1 ? '' : 's'} not listed` });
    },
  };
}

async function verifyBag(
  r: BagReader,
  location: string,
  opts: VerifyOptions,
  stop: Stopper & { extend(bytes: number): void },
): Promise<PackVerifyReport> {
  const problems = problemList();
  const report: PackVerifyReport = {
    ok: false,
    location,
    packId: null,
    baggingDate: null,
    sourceOrganization: null,
    filesChecked: 0,
    bytesChecked: 0,
    signatureValid: false,
    signingKeyFingerprint: null,
    problems: problems.list,
  };
  for (const o of r.problems) problems.add(o);
  /** A tag file's bytes, or null (a problem is added when it exists but cannot be used). */
  const tagFile = async (p: string, max: number, kind: PackProblem['kind'] = 'bag'): Promise<Buffer | null> => {
    const got = await readSmall(r, p, max, stop);
    if ('bytes' in got) return got.bytes;
    if ('error' in got) problems.add({ kind, path: p, message: got.error });
    return null;
  };

  // bagit.txt
  const bagit = await tagFile('bagit.txt', LIMITS.tagFile);
  if (!bagit) {
    if (!r.files.has('bagit.txt'))
      problems.add({ kind: 'bag', path: 'bagit.txt', message: 'bagit.txt is missing: this is not a BagIt bag' });
    problems.finish();
    return report;
  }
  const decl = parseBagInfo(bagit.toString('utf8'));
  const version = decl.get('BagIt-Version')?.[0];
  const encoding = decl.get('Tag-File-Character-Encoding')?.[0];
  if (!version || !/^(1\.0|0\.9[67])$/.test(version)) {
    problems.add({
      kind: 'bag',
      path: 'bagit.txt',
      message: `bagit.txt declares an unknown BagIt version (${version ?? 'none'})`,
    });
  }
  if (!encoding || encoding.toUpperCase() !== 'UTF-8') {
    problems.add({
      kind: 'bag',
      path: 'bagit.txt',
      message: 'bagit.txt does not declare Tag-File-Character-Encoding: UTF-8',
    });
  }

  // bag-info.txt
  const infoBytes = await tagFile('bag-info.txt', LIMITS.tagFile);
  const info = infoBytes ? parseBagInfo(infoBytes.toString('utf8')) : new Map<string, string[]>();
  report.packId = info.get('External-Identifier')?.[0] ?? null;
  report.baggingDate = info.get('Bagging-Date')?.[0] ?? null;
  report.sourceOrganization = info.get('Source-Organization')?.[0] ?? null;

  // Manifests.
  const manifestBytes = await tagFile('manifest-sha256.txt', LIMITS.manifest);
  const tagBytes = await tagFile('tagmanifest-sha256.txt', LIMITS.manifest);
  if (!manifestBytes && !r.files.has('manifest-sha256.txt'))
    problems.add({ kind: 'missing', path: 'manifest-sha256.txt', message: 'manifest-sha256.txt is missing' });
  if (!tagBytes && !r.files.has('tagmanifest-sha256.txt'))
    problems.add({ kind: 'missing', path: 'tagmanifest-sha256.txt', message: 'tagmanifest-sha256.txt is missing' });
  const manifest = parseManifest(manifestBytes?.toString('utf8') ?? '');
  const tagManifest = parseManifest(tagBytes?.toString('utf8') ?? '');
  for (const e of manifest.errors)
    problems.add({ kind: 'bag', path: 'manifest-sha256.txt', message: `manifest-sha256.txt: ${e}` });
  for (const e of tagManifest.errors)
    problems.add({ kind: 'bag', path: 'tagmanifest-sha256.txt', message: `tagmanifest-sha256.txt: ${e}` });

  // Each path once: a second line for a path is refused (and its file is not hashed again).
  const toCheck: { path: string; sha256: string; manifest: string }[] = [];
  const listed = new Set<string>();
  for (const l of manifest.lines) {
    if (!isSafeBagPath(l.path) || !l.path.startsWith('data/')) {
      problems.add({
        kind: 'bag',
        path: l.path,
        message: `manifest-sha256.txt lists ${l.path}, which is outside data/`,
      });
      continue;
    }
    if (listed.has(l.path)) {
      problems.add({ kind: 'bag', path: l.path, message: `manifest-sha256.txt lists ${l.path} more than once` });
      continue;
    }
    listed.add(l.path);
    toCheck.push({ ...l, manifest: 'manifest-sha256.txt' });
  }
  const tagListed = new Set<string>();
  for (const l of tagManifest.lines) {
    if (!isSafeBagPath(l.path) || l.path.startsWith('data/')) {
      problems.add({
        kind: 'bag',
        path: l.path,
        message: `tagmanifest-sha256.txt lists ${l.path}, which is not a tag file`,
      });
      continue;
    }
    if (tagListed.has(l.path)) {
      problems.add({ kind: 'bag', path: l.path, message: `tagmanifest-sha256.txt lists ${l.path} more than once` });
      continue;
    }
    tagListed.add(l.path);
    toCheck.push({ ...l, manifest: 'tagmanifest-sha256.txt' });
  }

  // Extra files: payload not in the manifest; tag files in neither the tag manifest nor the expected set.
  const allowedUnlisted = new Set(['tagmanifest-sha256.txt', SIGNATURE_FILE, SSH_SIGNATURE_FILE]);
  for (const p of [...r.files.keys()].sort()) {
    if (p.startsWith('data/')) {
      if (!listed.has(p))
        problems.add({ kind: 'extra', path: p, message: `${p} is in the pack but not in manifest-sha256.txt` });
    } else if (!tagListed.has(p) && !allowedUnlisted.has(p)) {
      problems.add({ kind: 'extra', path: p, message: `${p} is in the pack but not in tagmanifest-sha256.txt` });
    }
  }

  // Payload-Oxum: octets and number of files under data/.
  const payloadFiles = [...r.files.entries()].filter(([p]) => p.startsWith('data/'));
  const oxum = info.get('Payload-Oxum')?.[0];
  if (!oxum) {
    problems.add({ kind: 'oxum', path: 'bag-info.txt', message: 'bag-info.txt has no Payload-Oxum' });
  } else {
    const actual = `${payloadFiles.reduce((s, [, n]) => s + n, 0)}.${payloadFiles.length}`;
    if (oxum !== actual) {
      problems.add({
        kind: 'oxum',
        path: 'bag-info.txt',
        message: `Payload-Oxum says ${oxum} (bytes.files) but the pack holds ${actual}`,
      });
    }
  }

  // Every hash.
  const total = toCheck.reduce((s, c) => s + (r.files.get(c.path) ?? 0), 0);
  stop.extend(total);
  let done = 0;
  for (const c of toCheck) {
    stop.check();
    if (!r.files.has(c.path)) {
      problems.add({
        kind: 'missing',
        path: c.path,
        message: `${c.path} is listed in ${c.manifest} but missing from the pack`,
      });
      continue;
    }
    let actual: string;
    try {
      actual = await hashOf(
        r,
        c.path,
        (n) => {
          done += n;
          opts.onProgress?.(done, total, c.path);
        },
        stop,
      );
    } catch (e) {
      if (e instanceof VaultError) throw e;
      problems.add({
        kind: 'unreadable',
        path: c.path,
        message: e instanceof BagReadError ? e.message : `${c.path} could not be read (${(e as Error).message})`,
      });
      continue;
    }
    report.filesChecked++;
    report.bytesChecked += r.files.get(c.path) ?? 0;
    if (actual !== c.sha256) {
      problems.add({
        kind: 'changed',
        path: c.path,
        message: `${c.path} has changed: its SHA-256 differs from ${c.manifest}`,
      });
    }
  }

  // Signature over the tag manifest, and whose key made it.
  const sig = await tagFile(SIGNATURE_FILE, 4096, 'signature');
  const pem = await tagFile(PUBLIC_KEY_FILE, 64 * 1024, 'signature');
  if (!sig || !pem || !tagBytes) {
    const absent = [SIGNATURE_FILE, PUBLIC_KEY_FILE, 'tagmanifest-sha256.txt'].find((f) => !r.files.has(f));
    // A file present but unusable (too large, unreadable) is already named above.
    if (absent)
      problems.add({
        kind: 'signature',
        path: absent === 'tagmanifest-sha256.txt' ? PUBLIC_KEY_FILE : absent,
        message: `the signature cannot be checked: ${absent} is missing`,
      });
  } else {
    const key = publicKeyFrom(pem);
    if (!key) {
      problems.add({
        kind: 'signature',
        path: PUBLIC_KEY_FILE,
        message: `${PUBLIC_KEY_FILE} is not an Ed25519 public key`,
      });
    } else {
      const fingerprint = createHash('sha256').update(key.raw).digest('hex');
      report.signingKeyFingerprint = fingerprint;
      let valid = false;
      try {
        valid = sig.length === 64 && verifySignature(null, tagBytes, key.key, sig);
      } catch {
        valid = false;
      }
      report.signatureValid = valid;
      if (!valid) {
        problems.add({
          kind: 'signature',
          path: SIGNATURE_FILE,
          message: 'the signature over tagmanifest-sha256.txt is not valid for the pack’s signing key',
        });
      }
      // The SSH form (packs since issue 14): the same key, and valid when it is there.
      const sshSig = r.files.has(SSH_SIGNATURE_FILE) ? await tagFile(SSH_SIGNATURE_FILE, 16 * 1024, 'signature') : null;
      if (sshSig) {
        const c = checkSshSignature(sshSig.toString('utf8'), tagBytes);
        report.sshSignatureValid = c.valid && !!c.publicKey?.equals(key.raw);
        if (!c.valid) {
          problems.add({
            kind: 'signature',
            path: SSH_SIGNATURE_FILE,
            message: `the SSH signature ${SSH_SIGNATURE_FILE} is not valid: ${c.problem ?? 'it does not match'}`,
          });
        } else if (!c.publicKey?.equals(key.raw)) {
          problems.add({
            kind: 'signature',
            path: SSH_SIGNATURE_FILE,
            message: `the SSH signature ${SSH_SIGNATURE_FILE} is made with a different key from ${PUBLIC_KEY_FILE}`,
          });
        }
      }
      const sshPub = r.files.has(SSH_PUBLIC_KEY_FILE)
        ? await tagFile(SSH_PUBLIC_KEY_FILE, 16 * 1024, 'signature')
        : null;
      if (sshPub && !parseSshPublicKey(sshPub.toString('utf8'))?.equals(key.raw)) {
        problems.add({
          kind: 'signature',
          path: SSH_PUBLIC_KEY_FILE,
          message: `${SSH_PUBLIC_KEY_FILE} does not hold the same key as ${PUBLIC_KEY_FILE}`,
        });
      }
      const expected = opts.expectFingerprint === undefined ? null : normaliseFingerprint(opts.expectFingerprint);
      if (expected && expected !== fingerprint) {
        problems.add({
          kind: 'signature',
          path: PUBLIC_KEY_FILE,
          message: `the pack is signed by key ${groupHex(fingerprint)}, not the expected key ${groupHex(expected)}`,
        });
      }
    }
  }

  problems.finish();
  report.ok = report.problems.length === 0;
  return report;
}
