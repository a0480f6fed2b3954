/**
 * `evidence-vault verify` against forged and hostile packs, as a user runs it (the BUILT binary):
 * it names the key that signed a pack and says to compare it with the producer's key card;
 * --expect-fingerprint fails a pack re-signed with another key (exit 1, one line) and refuses a
 * malformed value (exit 2); a pipe as the pack path and a ZIP bomb are refused at once.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, expectOneLineError, run } from './helpers.js';
import { exportPack } from '../../electron/core/pack/exporter.js';
import { cleanup, forgePack, seedVault, tempDir } from '../support/pack.js';
import { craftZip, type CraftEntry } from '../support/zip-craft.js';

let pack: string;
let producer: string;
const grouped = (hex: string): string => hex.match(/.{4}/g)?.join(' ') ?? hex;

beforeAll(async () => {
  assertBuilt();
  const s = await seedVault();
  try {
    pack = path.join(tempDir('ev-verify-cli-'), 'pack');
    const r = await exportPack(s.vault, { out: pack, initials: 'AB' });
    producer = r.signingKeyFingerprint;
  } finally {
    s.vault.close();
  }
}, 60_000);
afterAll(cleanup);

/** A copy of the pack with an exhibit changed, both manifests re-hashed and a new key's signature. */
function forged(): { dir: string; key: string } {
  const d = path.join(tempDir('ev-verify-cli-'), 'forged');
  cpSync(pack, d, { recursive: true });
  return { dir: d, key: forgePack(d) };
}

describe('evidence-vault verify: whose key signed the pack', () => {
  it('names the signing key and says to compare it with the producer’s key card', async () => {
    const r = await run(['verify', pack]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Verified: \d+ files/m);
    expect(r.stdout).toContain(`\nSigned by key ${grouped(producer)}; compare it with the producer's key card.\n`);
  });

  it('a forged pack re-signed with a new key passes alone, naming the NEW key; with the producer’s key expected it fails', async () => {
    const f = forged();
    const alone = await run(['verify', f.dir]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain(`Signed by key ${grouped(f.key)}; compare it with the producer's key card.`);
    const r = await run(['verify', f.dir, '--expect-fingerprint', grouped(producer)]);
    expectOneLineError(
      r,
      1,
      new RegExp(
        `verify failed: 1 problem .*: the pack is signed by key ${grouped(f.key)}, not the expected key ${grouped(producer)}$`,
      ),
    );
    const j = await run(['verify', f.dir, '--json', '--expect-fingerprint', producer]);
    expect(j.code).toBe(1);
    expect((JSON.parse(j.stdout) as { ok: boolean; problems: { kind: string }[] }).problems).toEqual([
      expect.objectContaining({ kind: 'signature' }),
    ]);
  });

  it('the right fingerprint, spaced or not, passes and says so', async () => {
    for (const typed of [grouped(producer), producer.toUpperCase()]) {
      const r = await run(['verify', pack, '--expect-fingerprint', typed]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`Signed by key ${grouped(producer)}: the key you expected.`);
    }
  });

  it('a malformed fingerprint is a usage error (exit 2), before any checking', async () => {
    for (const typed of ['e24e df2d', 'not hex at all', `${producer}00`]) {
      expectOneLineError(
        await run(['verify', pack, '--expect-fingerprint', typed]),
        2,
        /verify: --expect-fingerprint must be the signing key's fingerprint, 64 hex digits/,
      );
    }
    expect((await run(['verify', '--help'])).stdout).toContain('--expect-fingerprint HEX');
  });
});

describe('evidence-vault verify: hostile input', () => {
  it('a pipe as the pack path is refused at once (exit 4)', async () => {
    const fifo = path.join(tempDir('ev-verify-cli-'), 'pack.zip');
    execFileSync('mkfifo', [fifo]);
    const t0 = Date.now();
    expectOneLineError(await run(['verify', fifo], { timeoutMs: 10_000 }), 4, /is not a folder or a plain file/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a 4 MB ZIP declaring terabytes is refused within 10 s (exit 1)', async () => {
    const one = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
    const bomb = Buffer.concat([...Array<Buffer>(4095).fill(one), deflateRawSync(Buffer.alloc(0))]);
    const es: CraftEntry[] = [
      { name: 'p/bagit.txt', data: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') },
      { name: 'p/data/x-0.bin', data: Buffer.alloc(0), raw: bomb, method: 8, size: 4095 * 1024 * 1024, crc: 0 },
      ...Array.from({ length: 999 }, (_, i): CraftEntry => ({
        name: `p/data/x-${i + 1}.bin`,
        data: Buffer.alloc(0),
        sameBytesAs: 1,
      })),
    ];
    const f = path.join(tempDir('ev-verify-cli-'), 'bomb.zip');
    writeFileSync(f, craftZip(es));
    const t0 = Date.now();
    expectOneLineError(
      await run(['verify', f], { timeoutMs: 20_000 }),
      1,
      /bomb\.zip is refused: entry p\/data\/x-0\.bin declares 4\.0 GiB/,
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
  }, 30_000);
});
