/**
 * Verify a case pack, a folder or a ZIP: the bag's declaration, every hash of both manifests,
 * Payload-Oxum, and the Ed25519 signature over tagmanifest-sha256.txt. Names every missing,
 * extra or changed file. Reads streaming; never trusts a path in a manifest that leaves the bag.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { PackProblem, PackVerifyReport } from '../../../shared/ipc-pack.js';
import { VaultError } from '../../../shared/errors.js';
import { isSafeBagPath, parseBagInfo, parseManifest } from './bagit.js';
import { PUBLIC_KEY_FILE, SIGNATURE_FILE } from './readme.js';

export interface VerifyOptions {
  signal?: AbortSignal;
  /** Bytes hashed so far, of all bytes listed. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** A bag's files, wherever they are. Paths are relative to the bag's base directory, with '/'. */
interface BagReader {
  files: Map<string, number>; // path -> size
  /** Symbolic links, devices and other things that are not plain files. */
  oddities: string[];
  open(p: string): Promise<Readable>;
  close(): Promise<void>;
}

async function folderReader(root: string): Promise<BagReader> {
  const files = new Map<string, number>();
  const oddities: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const ent of await fsp.readdir(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) await walk(full, r);
      else if (ent.isFile()) files.set(r, (await fsp.stat(full)).size);
      else oddities.push(r);
    }
  };
  await walk(root, '');
  return {
    files,
    oddities,
    open: (p) => Promise.resolve(createReadStream(path.join(root, ...p.split('/')), { highWaterMark: 1 << 20 })),
    close: () => Promise.resolve(),
  };
}

async function zipReader(file: string): Promise<BagReader> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true },
      (e, z) => (e || !z ? reject(e ?? new Error('no zip')) : resolve(z)),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  const oddities: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (!name.endsWith('/')) {
        if (entries.has(name)) oddities.push(name);
        entries.set(name, entry);
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  // The bag's base directory: the folder holding bagit.txt (usually the ZIP's one top folder).
  const bagitNames = [...entries.keys()].filter((n) => n === 'bagit.txt' || n.endsWith('/bagit.txt'));
  bagitNames.sort((a, b) => a.length - b.length);
  const prefix = bagitNames[0] ? bagitNames[0].slice(0, -'bagit.txt'.length) : '';
  const files = new Map<string, number>();
  const byRel = new Map<string, yauzl.Entry>();
  for (const [name, entry] of entries) {
    if (!name.startsWith(prefix)) {
      oddities.push(name);
      continue;
    }
    const rel = name.slice(prefix.length);
    files.set(rel, entry.uncompressedSize);
    byRel.set(rel, entry);
  }
  return {
    files,
    oddities,
    open: (p) =>
      new Promise<Readable>((resolve, reject) => {
        const entry = byRel.get(p);
        if (!entry) return reject(new Error(`no entry ${p}`));
        zip.openReadStream(entry, (e, s) => (e || !s ? reject(e ?? new Error('no stream')) : resolve(s)));
      }),
    close: () => Promise.resolve(zip.close()),
  };
}

async function readText(r: BagReader, p: string, max = 64 * 1024 * 1024): Promise<Buffer | null> {
  const size = r.files.get(p);
  if (size === undefined || size > max) return null;
  const parts: Buffer[] = [];
  for await (const c of await r.open(p)) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function hashOf(r: BagReader, p: string, onBytes: (n: number) => void, signal?: AbortSignal): Promise<string> {
  const h = createHash('sha256');
  const s = await r.open(p);
  await pipeline(
    s,
    async function* (src: AsyncIterable<Buffer>) {
      for await (const chunk of src) {
        if (signal?.aborted) throw new VaultError('CANCELLED', 'Verification was cancelled.');
        h.update(chunk);
        onBytes(chunk.length);
      }
      yield* [];
    },
    { signal },
  );
  return h.digest('hex');
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
  let reader: BagReader;
  if (st.isDirectory()) reader = await folderReader(abs);
  else {
    try {
      reader = await zipReader(abs);
    } catch (e) {
      throw new VaultError('PACK_INVALID', `${location} is neither a pack folder nor a readable ZIP file.`, {
        cause: e,
      });
    }
  }
  try {
    return await verifyBag(reader, abs, opts);
  } finally {
    await reader.close();
  }
}

async function verifyBag(r: BagReader, location: string, opts: VerifyOptions): Promise<PackVerifyReport> {
  const problems: PackProblem[] = [];
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
    problems,
  };
  for (const o of r.oddities) problems.push({ kind: 'extra', path: o, message: `${o} is not a plain file of the bag` });

  // bagit.txt
  const bagit = await readText(r, 'bagit.txt');
  if (!bagit) {
    problems.push({ kind: 'bag', path: 'bagit.txt', message: 'bagit.txt is missing: this is not a BagIt bag' });
    return report;
  }
  const decl = parseBagInfo(bagit.toString('utf8'));
  const version = decl.get('BagIt-Version')?.[0];
  const encoding = decl.get('Tag-File-Character-Encoding')?.[0];
  if (!version || !/^(1\.0|0\.9[67])$/.test(version)) {
    problems.push({
      kind: 'bag',
      path: 'bagit.txt',
      message: `bagit.txt declares an unknown BagIt version (${version ?? 'none'})`,
    });
  }
  if (!encoding || encoding.toUpperCase() !== 'UTF-8') {
    problems.push({
      kind: 'bag',
      path: 'bagit.txt',
      message: 'bagit.txt does not declare Tag-File-Character-Encoding: UTF-8',
    });
  }

  // bag-info.txt
  const infoBytes = await readText(r, 'bag-info.txt');
  const info = infoBytes ? parseBagInfo(infoBytes.toString('utf8')) : new Map<string, string[]>();
  report.packId = info.get('External-Identifier')?.[0] ?? null;
  report.baggingDate = info.get('Bagging-Date')?.[0] ?? null;
  report.sourceOrganization = info.get('Source-Organization')?.[0] ?? null;

  // Manifests.
  const manifestBytes = await readText(r, 'manifest-sha256.txt');
  const tagBytes = await readText(r, 'tagmanifest-sha256.txt');
  if (!manifestBytes)
    problems.push({ kind: 'missing', path: 'manifest-sha256.txt', message: 'manifest-sha256.txt is missing' });
  if (!tagBytes)
    problems.push({ kind: 'missing', path: 'tagmanifest-sha256.txt', message: 'tagmanifest-sha256.txt is missing' });
  const manifest = parseManifest(manifestBytes?.toString('utf8') ?? '');
  const tagManifest = parseManifest(tagBytes?.toString('utf8') ?? '');
  for (const e of manifest.errors)
    problems.push({ kind: 'bag', path: 'manifest-sha256.txt', message: `manifest-sha256.txt: ${e}` });
  for (const e of tagManifest.errors)
    problems.push({ kind: 'bag', path: 'tagmanifest-sha256.txt', message: `tagmanifest-sha256.txt: ${e}` });

  const toCheck: { path: string; sha256: string; manifest: string }[] = [];
  const listed = new Set<string>();
  for (const l of manifest.lines) {
    if (!isSafeBagPath(l.path) || !l.path.startsWith('data/')) {
      problems.push({
        kind: 'bag',
        path: l.path,
        message: `manifest-sha256.txt lists ${l.path}, which is outside data/`,
      });
      continue;
    }
    if (listed.has(l.path))
      problems.push({ kind: 'bag', path: l.path, message: `manifest-sha256.txt lists ${l.path} twice` });
    listed.add(l.path);
    toCheck.push({ ...l, manifest: 'manifest-sha256.txt' });
  }
  const tagListed = new Set<string>();
  for (const l of tagManifest.lines) {
    if (!isSafeBagPath(l.path) || l.path.startsWith('data/')) {
      problems.push({
        kind: 'bag',
        path: l.path,
        message: `tagmanifest-sha256.txt lists ${l.path}, which is not a tag file`,
      });
      continue;
    }
    tagListed.add(l.path);
    toCheck.push({ ...l, manifest: 'tagmanifest-sha256.txt' });
  }

  // Extra files: payload not in the manifest; tag files in neither the tag manifest nor the expected set.
  const allowedUnlisted = new Set(['tagmanifest-sha256.txt', SIGNATURE_FILE]);
  for (const p of [...r.files.keys()].sort()) {
    if (p.startsWith('data/')) {
      if (!listed.has(p))
        problems.push({ kind: 'extra', path: p, message: `${p} is in the pack but not in manifest-sha256.txt` });
    } else if (!tagListed.has(p) && !allowedUnlisted.has(p)) {
      problems.push({ kind: 'extra', path: p, message: `${p} is in the pack but not in tagmanifest-sha256.txt` });
    }
  }

  // Payload-Oxum: octets and number of files under data/.
  const payloadFiles = [...r.files.entries()].filter(([p]) => p.startsWith('data/'));
  const oxum = info.get('Payload-Oxum')?.[0];
  if (!oxum) {
    problems.push({ kind: 'oxum', path: 'bag-info.txt', message: 'bag-info.txt has no Payload-Oxum' });
  } else {
    const actual = `${payloadFiles.reduce((s, [, n]) => s + n, 0)}.${payloadFiles.length}`;
    if (oxum !== actual) {
      problems.push({
        kind: 'oxum',
        path: 'bag-info.txt',
        message: `Payload-Oxum says ${oxum} (bytes.files) but the pack holds ${actual}`,
      });
    }
  }

  // Every hash.
  const total = toCheck.reduce((s, c) => s + (r.files.get(c.path) ?? 0), 0);
  let done = 0;
  for (const c of toCheck) {
    if (opts.signal?.aborted) throw new VaultError('CANCELLED', 'Verification was cancelled.');
    if (!r.files.has(c.path)) {
      problems.push({
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
        opts.signal,
      );
    } catch (e) {
      if (e instanceof VaultError) throw e;
      problems.push({
        kind: 'unreadable',
        path: c.path,
        message: `${c.path} could not be read (${(e as Error).message})`,
      });
      continue;
    }
    report.filesChecked++;
    report.bytesChecked += r.files.get(c.path) ?? 0;
    if (actual !== c.sha256) {
      problems.push({
        kind: 'changed',
        path: c.path,
        message: `${c.path} has changed: its SHA-256 differs from ${c.manifest}`,
      });
    }
  }

  // Signature over the tag manifest.
  const sig = await readText(r, SIGNATURE_FILE, 4096);
  const pem = await readText(r, PUBLIC_KEY_FILE, 64 * 1024);
  if (!sig || !pem || !tagBytes) {
    problems.push({
      kind: 'signature',
      path: !sig ? SIGNATURE_FILE : PUBLIC_KEY_FILE,
      message: `the signature cannot be checked: ${!sig ? SIGNATURE_FILE : !pem ? PUBLIC_KEY_FILE : 'tagmanifest-sha256.txt'} is missing`,
    });
  } else {
    const key = publicKeyFrom(pem);
    if (!key) {
      problems.push({
        kind: 'signature',
        path: PUBLIC_KEY_FILE,
        message: `${PUBLIC_KEY_FILE} is not an Ed25519 public key`,
      });
    } else {
      report.signingKeyFingerprint = createHash('sha256').update(key.raw).digest('hex');
      let valid = false;
      try {
        valid = sig.length === 64 && verifySignature(null, tagBytes, key.key, sig);
      } catch {
        valid = false;
      }
      report.signatureValid = valid;
      if (!valid) {
        problems.push({
          kind: 'signature',
          path: SIGNATURE_FILE,
          message: 'the signature over tagmanifest-sha256.txt is not valid for the pack’s signing key',
        });
      }
    }
  }

  report.ok = problems.length === 0;
  return report;
}
