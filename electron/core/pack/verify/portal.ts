/**
 * Verify a portal-mode pack (../portal.ts): one part (a flat folder holding
 * part-N-of-M-manifest-sha256.txt) or the folder of its parts (part-1/, part-2/, …). Each part is
 * checked on its own, as an officer who downloads one submission would: every file of its
 * manifest by SHA-256, nothing extra, its SSH signature over the manifest, the key in its
 * allowed_signers the same as the signature's, its README's "part N of M". A folder of parts must
 * also hold every part 1…M of one pack, signed by one key.
 */
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { PackProblem, PackVerifyReport, PortalPartReport } from '../../../../shared/ipc-pack.js';
import { VaultError } from '../../../../shared/errors.js';
import { groupHex } from '../../../../shared/format.js';
import { parseManifest } from '../bagit.js';
import { parsePartHeading } from '../portal.js';
import { checkSshSignature, parseSshPublicKey } from '../sshsig.js';
import { folderReader } from './folder.js';
import { consume, readSmall, BagReadError, type BagReader } from './reader.js';
import { LIMITS, type Stopper } from './limits.js';

const MANIFEST = /^part-(\d+)-of-(\d+)-manifest-sha256\.txt$/;
const PART_DIR = /^part-(\d+)$/;

/** Options as verifyPack takes them (../verify.ts). */
interface Options {
  onProgress?: (done: number, total: number, file: string) => void;
  expectFingerprint?: string;
}

/** A folder that is a portal part, or holds parts (and is not a BagIt bag). */
export async function isPortalFolder(abs: string): Promise<boolean> {
  const ents = await fsp.readdir(abs, { withFileTypes: true }).catch(() => []);
  if (ents.some((e) => e.name === 'bagit.txt')) return false;
  return ents.some((e) => (e.isFile() && MANIFEST.test(e.name)) || (e.isDirectory() && PART_DIR.test(e.name)));
}

function hexFingerprint(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

interface PartWork {
  name: string;
  reader: BagReader;
}

async function checkPart(
  w: PartWork,
  opts: Options,
  stop: Stopper,
  progress: { done: number; total: number },
): Promise<PortalPartReport & { packId: string | null; bytesChecked: number }> {
  const r = w.reader;
  const problems: PackProblem[] = [...r.problems];
  const add = (p: PackProblem): void => {
    if (problems.length < LIMITS.problems) problems.push(p);
  };
  const out = {
    name: w.name,
    part: 0,
    of: 0,
    ok: false,
    filesChecked: 0,
    bytesChecked: 0,
    signatureValid: false,
    signingKeyFingerprint: null as string | null,
    packId: null as string | null,
    problems,
  };
  const manifests = [...r.files.keys()].filter((p) => MANIFEST.test(p));
  if (manifests.length !== 1) {
    add({
      kind: 'bag',
      message:
        manifests.length === 0
          ? `${w.name} holds no part-N-of-M-manifest-sha256.txt: it is not a part of a case pack`
          : `${w.name} holds ${manifests.length} part manifests; a part has one`,
    });
    return out;
  }
  const manifestName = manifests[0] ?? '';
  const m = MANIFEST.exec(manifestName);
  out.part = Number(m?.[1]);
  out.of = Number(m?.[2]);
  const got = await readSmall(r, manifestName, LIMITS.manifest, stop);
  if (!('bytes' in got)) {
    add({ kind: 'unreadable', path: manifestName, message: 'error' in got ? got.error : `${manifestName} is missing` });
    return out;
  }
  const manifestBytes = got.bytes;
  const parsed = parseManifest(manifestBytes.toString('utf8'));
  for (const e of parsed.errors) add({ kind: 'bag', path: manifestName, message: `${manifestName}: ${e}` });
  const signatureName = `${manifestName}.sshsig`;
  const listed = new Map<string, string>();
  for (const l of parsed.lines) {
    if (l.path.includes('/') || l.path.includes('\\') || l.path === '.' || l.path === '..' || l.path === '') {
      add({
        kind: 'bag',
        path: l.path,
        message: `${manifestName} lists ${l.path}, which is not a file of this folder`,
      });
      continue;
    }
    if (listed.has(l.path)) {
      add({ kind: 'bag', path: l.path, message: `${manifestName} lists ${l.path} more than once` });
      continue;
    }
    listed.set(l.path, l.sha256);
  }
  for (const p of [...r.files.keys()].sort()) {
    if (p !== manifestName && p !== signatureName && !listed.has(p))
      add({ kind: 'extra', path: p, message: `${p} is in the part but not in ${manifestName}` });
  }
  for (const [p, sha] of listed) {
    stop.check();
    if (!r.files.has(p)) {
      add({ kind: 'missing', path: p, message: `${p} is listed in ${manifestName} but missing from the part` });
      continue;
    }
    const h = createHash('sha256');
    try {
      await consume(
        r,
        p,
        (chunk) => {
          h.update(chunk);
          progress.done += chunk.length;
          opts.onProgress?.(progress.done, progress.total, `${w.name}/${p}`);
        },
        stop,
      );
    } catch (e) {
      if (e instanceof VaultError) throw e;
      add({
        kind: 'unreadable',
        path: p,
        message: e instanceof BagReadError ? e.message : `${p} could not be read (${(e as Error).message})`,
      });
      continue;
    }
    out.filesChecked++;
    out.bytesChecked += r.files.get(p) ?? 0;
    if (h.digest('hex') !== sha)
      add({ kind: 'changed', path: p, message: `${p} has changed: its SHA-256 differs from ${manifestName}` });
  }

  // The part's SSH signature over its manifest, and the key it names.
  const sig = await readSmall(r, signatureName, 16 * 1024, stop);
  if (!('bytes' in sig)) {
    add({
      kind: 'signature',
      path: signatureName,
      message: 'error' in sig ? sig.error : `the signature cannot be checked: ${signatureName} is missing`,
    });
  } else {
    const c = checkSshSignature(sig.bytes.toString('utf8'), manifestBytes);
    if (c.publicKey) out.signingKeyFingerprint = hexFingerprint(c.publicKey);
    out.signatureValid = c.valid;
    if (!c.valid)
      add({
        kind: 'signature',
        path: signatureName,
        message: `the signature over ${manifestName} is not valid: ${c.problem ?? ''}`,
      });
    const signersName = [...listed.keys()].find((p) => p.endsWith('-allowed_signers'));
    if (signersName && c.publicKey) {
      const text = await readSmall(r, signersName, 16 * 1024, stop);
      const line = 'bytes' in text ? /ssh-ed25519\s+\S+/.exec(text.bytes.toString('utf8'))?.[0] : undefined;
      if (!line || !parseSshPublicKey(line)?.equals(c.publicKey))
        add({
          kind: 'signature',
          path: signersName,
          message: `${signersName} does not hold the key that signed this part`,
        });
    }
  }
  const expected = opts.expectFingerprint?.replace(/[\s:]+/g, '').toLowerCase();
  if (expected && out.signingKeyFingerprint && expected !== out.signingKeyFingerprint) {
    add({
      kind: 'signature',
      path: signatureName,
      message: `the part is signed by key ${groupHex(out.signingKeyFingerprint)}, not the expected key ${groupHex(expected)}`,
    });
  }

  // Its README says which pack and which part.
  const readmeName = `part-${out.part}-of-${out.of}-README.txt`;
  const readme = listed.has(readmeName) ? await readSmall(r, readmeName, LIMITS.tagFile, stop) : null;
  const heading = readme && 'bytes' in readme ? parsePartHeading(readme.bytes.toString('utf8')) : null;
  if (!heading)
    add({ kind: 'bag', path: readmeName, message: `${readmeName} is missing or does not name the pack and part` });
  else {
    out.packId = heading.packId;
    if (heading.part !== out.part || heading.of !== out.of)
      add({
        kind: 'bag',
        path: readmeName,
        message: `${readmeName} says part ${heading.part} of ${heading.of}, its manifest part ${out.part} of ${out.of}`,
      });
  }
  out.ok = problems.length === 0;
  return out;
}

/** Check one part, or every part of a portal folder. */
export async function verifyPortal(
  abs: string,
  opts: Options,
  stop: Stopper & { extend(bytes: number): void },
): Promise<PackVerifyReport> {
  const ents = await fsp.readdir(abs, { withFileTypes: true });
  const single = ents.some((e) => e.isFile() && MANIFEST.test(e.name));
  const extra: PackProblem[] = [];
  const work: PartWork[] = [];
  if (single) work.push({ name: path.basename(abs), reader: await folderReader(abs, stop) });
  else {
    const dirs = ents
      .filter((e) => e.isDirectory() && PART_DIR.test(e.name))
      .sort((a, b) => Number(PART_DIR.exec(a.name)?.[1]) - Number(PART_DIR.exec(b.name)?.[1]));
    for (const e of ents) {
      if (!(e.isDirectory() && PART_DIR.test(e.name)))
        extra.push({ kind: 'extra', path: e.name, message: `${e.name} is beside the parts but is not one` });
    }
    for (const d of dirs) work.push({ name: d.name, reader: await folderReader(path.join(abs, d.name), stop) });
  }
  const total = work.reduce((s, w) => s + [...w.reader.files.values()].reduce((a, n) => a + n, 0), 0);
  stop.extend(total);
  const progress = { done: 0, total };
  const parts: (PortalPartReport & { packId: string | null; bytesChecked: number })[] = [];
  try {
    for (const w of work) parts.push(await checkPart(w, opts, stop, progress));
  } finally {
    for (const w of work) await w.reader.close();
  }

  const problems: PackProblem[] = [...extra];
  for (const p of parts) {
    const prefix = single ? '' : `${p.name}/`;
    for (const q of p.problems)
      problems.push({
        ...q,
        ...(q.path ? { path: `${prefix}${q.path}` } : {}),
        message: p.part ? `part ${p.part} of ${p.of}: ${q.message}` : q.message,
      });
  }
  const of = parts[0]?.of ?? 0;
  const packIds = new Set(parts.map((p) => p.packId).filter((x): x is string => x !== null));
  const keys = new Set(parts.map((p) => p.signingKeyFingerprint).filter((x): x is string => x !== null));
  if (!single) {
    if (parts.some((p) => p.of !== of))
      problems.push({ kind: 'bag', message: 'the parts do not agree how many parts the pack has' });
    for (let n = 1; n <= of; n++) {
      if (!parts.some((p) => p.part === n))
        problems.push({ kind: 'missing', path: `part-${n}`, message: `part ${n} of ${of} is missing` });
    }
    for (const p of parts) {
      if (p.part && p.name !== `part-${p.part}`)
        problems.push({ kind: 'bag', path: p.name, message: `${p.name} holds part ${p.part}` });
    }
    if (packIds.size > 1)
      problems.push({ kind: 'bag', message: `the parts are of different packs (${[...packIds].join(', ')})` });
    if (keys.size > 1) problems.push({ kind: 'signature', message: 'the parts are signed by different keys' });
  }
  if (parts.length === 0) problems.push({ kind: 'bag', message: 'no part of a case pack was found' });
  return {
    ok: problems.length === 0,
    location: abs,
    packId: packIds.size === 1 ? ([...packIds][0] ?? null) : null,
    baggingDate: null,
    sourceOrganization: null,
    filesChecked: parts.reduce((s, p) => s + p.filesChecked, 0),
    bytesChecked: parts.reduce((s, p) => s + p.bytesChecked, 0),
    signatureValid: parts.length > 0 && parts.every((p) => p.signatureValid),
    signingKeyFingerprint: keys.size === 1 ? ([...keys][0] ?? null) : null,
    portal: {
      part: single ? (parts[0]?.part ?? null) : null,
      of,
      parts: parts.map(({ packId: _p, bytesChecked: _b, ...rest }) => rest),
    },
    problems,
  };
}
