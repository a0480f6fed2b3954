/**
 * A tiny ZIP writer for tests that need ZIPs no honest tool makes: wrong CRC-32s, local headers
 * naming another file, symbolic-link entries, declared sizes far beyond the bytes, and central
 * directory entries that share (overlap) the same bytes. Plain ZIP (no ZIP64, no data descriptors).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export interface CraftEntry {
  name: string;
  data: Buffer;
  /** 0 stored (default), 8 deflated. */
  method?: 0 | 8;
  /** Already-compressed bytes to write instead of compressing `data`. */
  raw?: Buffer;
  /** Override the CRC-32 written in both headers. */
  crc?: number;
  /** Override the uncompressed size written in both headers. */
  size?: number;
  /** The name written in the local header (default: `name`). */
  localName?: string;
  /** Unix mode for the external attributes (e.g. 0o120777 for a symbolic link). */
  mode?: number;
  /** Point the central directory entry at an earlier entry's local header (by index) instead of its own. */
  sameBytesAs?: number;
}

function localHeader(e: CraftEntry, compressed: Buffer, crc: number, size: number): Buffer {
  const name = Buffer.from(e.localName ?? e.name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(e.method ?? 0, 8);
  h.writeUInt32LE(0, 10); // time, date
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(compressed.length, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, name]);
}

function centralHeader(e: CraftEntry, compressedLength: number, crc: number, size: number, offset: number): Buffer {
  const name = Buffer.from(e.name, 'utf8');
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(e.mode !== undefined ? (3 << 8) | 20 : 20, 4); // made by Unix when a mode is given
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(e.method ?? 0, 10);
  h.writeUInt32LE(0, 12);
  h.writeUInt32LE(crc >>> 0, 16);
  h.writeUInt32LE(compressedLength, 20);
  h.writeUInt32LE(size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt16LE(0, 30); // extra
  h.writeUInt16LE(0, 32); // comment
  h.writeUInt16LE(0, 34); // disk
  h.writeUInt16LE(0, 36); // internal attributes
  h.writeUInt32LE(e.mode !== undefined ? (e.mode << 16) >>> 0 : 0, 38);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

export function craftZip(entries: CraftEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const placed: { offset: number; compressed: number; crc: number; size: number; method: 0 | 8 }[] = [];
  let at = 0;
  for (const e of entries) {
    const compressed = e.raw ?? ((e.method ?? 0) === 8 ? deflateRawSync(e.data) : e.data);
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    if (e.sameBytesAs !== undefined) {
      const p = placed[e.sameBytesAs];
      if (!p) throw new Error('sameBytesAs names a later entry');
      placed.push(p);
      central.push(centralHeader({ ...e, method: p.method }, p.compressed, p.crc, e.size ?? p.size, p.offset));
      continue;
    }
    const lh = localHeader(e, compressed, crc, size);
    placed.push({ offset: at, compressed: compressed.length, crc, size, method: e.method ?? 0 });
    central.push(centralHeader(e, compressed.length, crc, size, at));
    parts.push(lh, compressed);
    at += lh.length + compressed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** Every file entry of a real ZIP, uncompressed, in order (to rebuild it with changes). */
export async function readZipEntries(file: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (e.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(e, (err, s) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('error', reject);
        s.on('end', () => {
          out.push({ name: e.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}
