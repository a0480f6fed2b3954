/**
 * ZIP packs no honest tool makes: a real exported pack rebuilt entry by entry with one thing
 * wrong (a CRC-32, a local header's name, a symbolic link, a duplicate entry), entries sharing
 * the same bytes, and a bomb: a 4 MB ZIP whose entries declare terabytes. Each is named or
 * refused in one line, the bomb within seconds.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPack } from '../exporter.js';
import { verifyPack } from '../verify.js';
import { cleanup, seedVault, tempDir } from '../../../../test/support/pack.js';
import { craftZip, readZipEntries, type CraftEntry } from '../../../../test/support/zip-craft.js';

let entries: { name: string; data: Buffer }[];
let prefix: string;

beforeAll(async () => {
  const s = await seedVault();
  try {
    const zip = path.join(tempDir(), 'case-pack.zip');
    await exportPack(s.vault, { out: zip, initials: 'AB', format: 'zip' });
    entries = await readZipEntries(zip);
    const bagit = entries.find((e) => e.name.endsWith('/bagit.txt'));
    prefix = bagit ? bagit.name.slice(0, -'bagit.txt'.length) : '';
  } finally {
    s.vault.close();
  }
});
afterAll(cleanup);

/** The pack rebuilt, with `change` applied to the entries first. */
function rebuilt(change: (es: CraftEntry[]) => CraftEntry[] = (es) => es): string {
  const f = path.join(tempDir(), 'crafted.zip');
  writeFileSync(f, craftZip(change(entries.map((e) => ({ ...e, method: e.data.length > 512 ? 8 : 0 })))));
  return f;
}
const at = (es: CraftEntry[], rel: string): CraftEntry => {
  const e = es.find((x) => x.name === prefix + rel);
  if (!e) throw new Error(`no ${rel}`);
  return e;
};
const named = async (f: string): Promise<string[]> =>
  (await verifyPack(f)).problems.map((p) => `${p.kind} ${p.path ?? ''}: ${p.message}`);

describe('a ZIP rebuilt with one thing wrong', () => {
  it('rebuilt as it was, it verifies (the control)', async () => {
    const r = await verifyPack(rebuilt());
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('a wrong CRC-32 is named, though the bytes are as the manifest says', async () => {
    const f = rebuilt((es) => {
      const e = at(es, 'data/README.txt');
      e.crc = 0x12345678;
      return es;
    });
    expect(await named(f)).toEqual([
      'unreadable data/README.txt: data/README.txt: its CRC-32 in the ZIP does not match its bytes (the ZIP is damaged or altered)',
    ]);
  });

  it('a local header naming another file than the central directory is named, and that entry not read', async () => {
    const f = rebuilt((es) => {
      at(es, 'data/chronology.csv').localName = `${prefix}data/chronology.exe`;
      return es;
    });
    const n = await named(f);
    expect(n).toContain(
      `bag data/chronology.csv: data/chronology.csv: the ZIP's local header names another file ("${prefix}data/chronology.exe") than its central directory`,
    );
    expect(n).toContain(
      'missing data/chronology.csv: data/chronology.csv is listed in manifest-sha256.txt but missing from the pack',
    );
  });

  it('a symbolic-link entry is named and never followed', async () => {
    const f = rebuilt((es) => [
      ...es,
      { name: `${prefix}data/exhibits/AB-09-link.png`, data: Buffer.from('/etc/passwd'), mode: 0o120777 },
    ]);
    expect(await named(f)).toEqual([
      'extra data/exhibits/AB-09-link.png: data/exhibits/AB-09-link.png is a symbolic link in the ZIP; a case pack holds plain files only',
    ]);
  });

  it('a file that appears twice is named (which copy an unzipper keeps differs)', async () => {
    const f = rebuilt((es) => [...es, { name: `${prefix}data/README.txt`, data: Buffer.from('Another story.\n') }]);
    expect(await named(f)).toContain('bag data/README.txt: data/README.txt appears more than once in the ZIP');
  });

  it('two entries sharing the same bytes are refused', async () => {
    const f = rebuilt((es) => {
      const i = es.findIndex((e) => e.name === `${prefix}data/README.txt`);
      return [...es, { name: `${prefix}data/README-2.txt`, data: Buffer.alloc(0), sameBytesAs: i }];
    });
    await expect(verifyPack(f)).rejects.toMatchObject({
      code: 'PACK_INVALID',
      message: expect.stringMatching(/is refused: entries .*data\/README.* and .*data\/README.* overlap/),
    });
  });
});

describe('a ZIP bomb', () => {
  /** Deflate data that inflates to `mib` MiB of zeros: one full-flushed MiB repeated, then a final empty block. */
  function zeros(mib: number): Buffer {
    const one = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
    return Buffer.concat([...Array<Buffer>(mib).fill(one), deflateRawSync(Buffer.alloc(0))]);
  }

  it('a 4 MB ZIP whose 1000 entries declare 4 TiB (sharing one real 4 GiB stream) is refused within 10 s', async () => {
    const bomb = zeros(4095);
    const n = 1000;
    const names = Array.from({ length: n }, (_, i) => `bomb/data/x-${String(i).padStart(4, '0')}.bin`);
    const manifest = names.map((m) => `${'0'.repeat(64)}  ${m.slice('bomb/'.length)}\n`).join('');
    const es: CraftEntry[] = [
      { name: 'bomb/bagit.txt', data: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') },
      { name: 'bomb/manifest-sha256.txt', data: Buffer.from(manifest) },
      { name: names[0] ?? '', data: Buffer.alloc(0), raw: bomb, method: 8, size: 4095 * 1024 * 1024, crc: 0 },
      ...names.slice(1).map((m): CraftEntry => ({ name: m, data: Buffer.alloc(0), sameBytesAs: 2 })),
    ];
    const f = path.join(tempDir(), 'bomb.zip');
    writeFileSync(f, craftZip(es));
    const t0 = Date.now();
    await expect(verifyPack(f)).rejects.toMatchObject({
      code: 'PACK_INVALID',
      message: expect.stringMatching(
        /bomb\.zip is refused: entry bomb\/data\/x-0000\.bin declares 4\.0 GiB from \d+ bytes/,
      ),
    });
    expect(Date.now() - t0).toBeLessThan(10_000);
  }, 20_000);

  it('a deflated entry far beyond any honest ratio is refused before it is inflated', async () => {
    const f = rebuilt((es) => [
      ...es,
      { name: `${prefix}data/zeros.bin`, data: Buffer.alloc(0), raw: zeros(64), method: 8, size: 64 * 1024 * 1024 },
    ]);
    await expect(verifyPack(f)).rejects.toMatchObject({
      code: 'PACK_INVALID',
      message: expect.stringMatching(/is refused: entry .*data\/zeros\.bin declares 64\.0 MiB from \d+ bytes/),
    });
  });
});
