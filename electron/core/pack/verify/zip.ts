/**
 * A ZIP pack as a BagReader, refusing what no honest pack holds before any of it is inflated:
 * more entries than a pack has, an entry declaring far more bytes than its compressed data can
 * give, entries overlapping one another or running past the end of the file (the tricks of ZIP
 * bombs). Entries that are symbolic links or special files, appear twice, or whose local header
 * names another file than the central directory are named and never read. yauzl checks each
 * entry's size as it is read and refuses names that leave the ZIP; the CRC-32 is checked in
 * reader.ts's consume().
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { VaultError } from '../../../../shared/errors.js';
import type { BagReader, ReaderProblem } from './reader.js';
import { LIMITS, type Stopper } from './limits.js';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** versionMadeBy's upper byte for Unix: only then do the external attributes hold a file mode. */
const MADE_BY_UNIX = 3;

function refuse(file: string, why: string): VaultError {
  return new VaultError('PACK_INVALID', `${file} is refused: ${why}.`);
}

function mib(n: number): string {
  return n >= 1024 ** 4
    ? `${(n / 1024 ** 4).toFixed(1)} TiB`
    : n >= 1024 ** 3
      ? `${(n / 1024 ** 3).toFixed(1)} GiB`
      : `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

/** The Unix file type of an entry, when the ZIP was made on Unix (else 0). */
function unixType(e: yauzl.Entry): number {
  return e.versionMadeBy >> 8 === MADE_BY_UNIX ? ((e.externalFileAttributes >>> 16) & S_IFMT) >>> 0 : 0;
}

async function readEntries(zip: yauzl.ZipFile, stop?: Stopper): Promise<yauzl.Entry[]> {
  const all: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        stop?.check();
      } catch (e) {
        reject(e);
        return;
      }
      all.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return all;
}

function localHeader(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<yauzl.LocalFileHeader> {
  return new Promise((resolve, reject) =>
    zip.readLocalFileHeader(e, { minimal: false }, (err, h) => (err ? reject(err) : resolve(h))),
  );
}

/**
 * Open a ZIP pack from an open file descriptor (of a regular file; the ZipFile closes it).
 * Throws PACK_INVALID when the file is not a ZIP, or one refused (see above), naming why.
 */
export async function zipReader(fd: number, label: string, stop?: Stopper): Promise<BagReader> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromFd(
      fd,
      { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true, decodeStrings: true },
      (e, z) => (e || !z ? reject(e ?? new Error('no zip')) : resolve(z)),
    ),
  ).catch((e: unknown) => {
    throw new VaultError('PACK_INVALID', `${label} is neither a pack folder nor a readable ZIP file.`, { cause: e });
  });
  try {
    return await checkedReader(zip, label, stop);
  } catch (e) {
    zip.close();
    if (e instanceof VaultError) throw e;
    throw new VaultError('PACK_INVALID', `${label} is a damaged ZIP file: ${(e as Error).message}.`, { cause: e });
  }
}

async function checkedReader(zip: yauzl.ZipFile, label: string, stop?: Stopper): Promise<BagReader> {
  if (zip.entryCount > LIMITS.entries) {
    throw refuse(label, `it lists ${zip.entryCount} entries; a case pack has at most ${LIMITS.entries}`);
  }
  const all = await readEntries(zip, stop);
  // Sizes: stored entries are checked by yauzl (compressed = uncompressed); deflated ones here.
  let declared = 0;
  for (const e of all) {
    declared += e.uncompressedSize;
    if (e.uncompressedSize > e.compressedSize * LIMITS.ratio + LIMITS.smallEntry) {
      throw refuse(
        label,
        `entry ${e.fileName} declares ${mib(e.uncompressedSize)} from ${e.compressedSize} bytes of compressed data`,
      );
    }
  }
  if (declared > zip.fileSize * LIMITS.ratio + 16 * LIMITS.smallEntry) {
    throw refuse(label, `its entries declare ${mib(declared)} in all, from a ZIP of ${mib(zip.fileSize)}`);
  }

  // The bag's base directory: the folder holding bagit.txt (usually the ZIP's one top folder).
  // Problems name files relative to it, like everything else in the report.
  const bagitNames = all.map((e) => e.fileName).filter((n) => n === 'bagit.txt' || n.endsWith('/bagit.txt'));
  bagitNames.sort((a, b) => a.length - b.length);
  const prefix = bagitNames[0] ? bagitNames[0].slice(0, -'bagit.txt'.length) : '';
  const show = (name: string): string => (name.startsWith(prefix) ? name.slice(prefix.length) : name);

  // Local headers: each names the same file as the central directory, and no two entries' bytes overlap.
  const problems: ReaderProblem[] = [];
  const bad = new Set<yauzl.Entry>();
  const ranges: { start: number; end: number; name: string }[] = [];
  for (const e of all) {
    stop?.check();
    let h: yauzl.LocalFileHeader;
    try {
      h = await localHeader(zip, e);
    } catch (err) {
      problems.push({
        kind: 'bag',
        path: show(e.fileName),
        message: `${show(e.fileName)}: its local header in the ZIP is damaged (${(err as Error).message})`,
      });
      bad.add(e);
      continue;
    }
    if (!h.fileName.equals(e.fileNameRaw)) {
      problems.push({
        kind: 'bag',
        path: show(e.fileName),
        message: `${show(e.fileName)}: the ZIP's local header names another file (${JSON.stringify(h.fileName.toString('utf8'))}) than its central directory`,
      });
      bad.add(e);
    }
    const end = h.fileDataStart + e.compressedSize;
    if (end > zip.fileSize) {
      throw refuse(label, `entry ${e.fileName} claims ${mib(e.compressedSize)} of data beyond the end of the file`);
    }
    ranges.push({ start: e.relativeOffsetOfLocalHeader, end, name: e.fileName });
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1];
    const cur = ranges[i];
    if (prev && cur && cur.start < prev.end) {
      throw refuse(label, `entries ${prev.name} and ${cur.name} overlap (the same bytes counted twice)`);
    }
  }

  // Plain files only, each once.
  const entries = new Map<string, yauzl.Entry>();
  const seen = new Set<string>();
  for (const e of all) {
    const name = e.fileName;
    const type = unixType(e);
    if (name.endsWith('/') || type === S_IFDIR) continue;
    const shown = show(name);
    if (seen.has(name)) {
      problems.push({ kind: 'bag', path: shown, message: `${shown} appears more than once in the ZIP` });
      entries.delete(name);
      continue;
    }
    seen.add(name);
    if (type === S_IFLNK) {
      problems.push({
        kind: 'extra',
        path: shown,
        message: `${shown} is a symbolic link in the ZIP; a case pack holds plain files only`,
      });
    } else if (type !== 0 && type !== S_IFREG) {
      problems.push({
        kind: 'extra',
        path: shown,
        message: `${shown} is a special file (not a plain file) in the ZIP; a case pack holds plain files only`,
      });
    } else if (!bad.has(e)) entries.set(name, e);
  }

  const files = new Map<string, number>();
  const byRel = new Map<string, yauzl.Entry>();
  for (const [name, entry] of entries) {
    if (!name.startsWith(prefix)) {
      problems.push({ kind: 'extra', path: name, message: `${name} is in the ZIP but outside the bag's folder` });
      continue;
    }
    const rel = name.slice(prefix.length);
    files.set(rel, entry.uncompressedSize);
    byRel.set(rel, entry);
  }
  return {
    files,
    problems,
    expectedCrc: (p) => byRel.get(p)?.crc32 ?? null,
    open: (p) =>
      new Promise<Readable>((resolve, reject) => {
        const entry = byRel.get(p);
        if (!entry) return reject(new Error(`no entry ${p}`));
        zip.openReadStream(entry, (e, s) => (e || !s ? reject(e ?? new Error('no stream')) : resolve(s)));
      }),
    close: () => Promise.resolve(zip.close()),
  };
}
