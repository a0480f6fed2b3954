/**
 * Size classes for sealed bodies: the classes themselves, the padding, and that record bodies and
 * custody entries seal to their class and open both padded and as stored before padding.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSodium, open, randomBytes, seal, utf8 } from './index.js';
import { LINEAR_STEP, MIN_CLASS, SEAL_OVERHEAD, padJson, sizeClass, unpaddedLength } from './padding.js';
import { openRecordBodies, openRecordBody, sealRecordBody } from '../store/record-body.js';
import { openCustodyTexts } from '../custody/log.js';

const KiB = 1024;
let key: Uint8Array;
const VAULT = 'a'.repeat(32);
const ID = 'b'.repeat(32);

beforeAll(async () => {
  await loadSodium();
  key = randomBytes(32);
});

describe('size classes', () => {
  test('powers of two from 256 bytes to 64 KiB, then multiples of 64 KiB', () => {
    expect(sizeClass(0)).toBe(MIN_CLASS);
    expect(sizeClass(1)).toBe(256);
    expect(sizeClass(256)).toBe(256);
    expect(sizeClass(257)).toBe(512);
    expect(sizeClass(1000)).toBe(1024);
    expect(sizeClass(4097)).toBe(8 * KiB);
    expect(sizeClass(64 * KiB)).toBe(64 * KiB);
    expect(sizeClass(64 * KiB + 1)).toBe(128 * KiB);
    expect(sizeClass(128 * KiB + 1)).toBe(192 * KiB);
    expect(sizeClass(1000 * KiB)).toBe(1024 * KiB);
    expect(() => sizeClass(-1)).toThrow(RangeError);
    expect(() => sizeClass(1.5)).toThrow(RangeError);
  });

  test('every class holds its length, and no class more than doubles it (or adds more than 64 KiB)', () => {
    for (let n = 0; n <= 300 * KiB; n += 1 + (n >> 6)) {
      const c = sizeClass(n);
      expect(c).toBeGreaterThanOrEqual(n);
      expect(c).toBeLessThanOrEqual(Math.max(MIN_CLASS, n < LINEAR_STEP ? 2 * n : n + LINEAR_STEP));
      expect(sizeClass(c)).toBe(c);
    }
  });
});

describe('padJson', () => {
  test('pads with trailing spaces to the class less the sealing overhead, and plain JSON.parse still reads it', () => {
    for (const value of [{}, { a: 'x'.repeat(215) }, { a: 'x'.repeat(216) }, { t: 'é€😀'.repeat(500) }, [1, 2, 3]]) {
      const json = JSON.stringify(value);
      const padded = padJson(json);
      expect(padded.length + SEAL_OVERHEAD).toBe(sizeClass(utf8(json).length + SEAL_OVERHEAD));
      // Trailing whitespace is JSON: a reader that knows nothing of padding gets the same value.
      const text = new TextDecoder('utf-8', { fatal: true }).decode(padded);
      expect(JSON.parse(text)).toEqual(value);
      expect(unpaddedLength(padded)).toBe(utf8(json).length);
      expect(padded.subarray(unpaddedLength(padded)).every((b) => b === 0x20)).toBe(true);
    }
  });

  test('a text already filling its class is left as it is; multi-byte UTF-8 is counted in bytes', () => {
    const exact = JSON.stringify('x'.repeat(MIN_CLASS - SEAL_OVERHEAD - 2));
    expect(padJson(exact).length).toBe(MIN_CLASS - SEAL_OVERHEAD);
    expect(unpaddedLength(padJson(exact))).toBe(MIN_CLASS - SEAL_OVERHEAD);
    const wide = JSON.stringify('😀'.repeat(60)); // 242 bytes, 62 characters
    expect(padJson(wide).length).toBe(512 - SEAL_OVERHEAD);
  });

  test('seal() adds exactly SEAL_OVERHEAD bytes, so a padded body seals to its class', () => {
    for (const n of [0, 1, 216, 5000]) {
      expect(seal(key, new Uint8Array(n), utf8('ad')).length).toBe(n + SEAL_OVERHEAD);
    }
    expect(seal(key, padJson('{"a":1}'), utf8('ad')).length).toBe(MIN_CLASS);
  });
});

describe('record bodies', () => {
  test('a record of 10 bytes and one of 200 bytes seal to the same length', () => {
    const ten = { t: 'ab' };
    expect(JSON.stringify(ten)).toHaveLength(10);
    const twoHundred = { t: 'x'.repeat(192) };
    expect(JSON.stringify(twoHundred)).toHaveLength(200);
    const a = sealRecordBody(key, VAULT, ID, 'incident', 1, ten);
    const b = sealRecordBody(key, VAULT, ID, 'incident', 1, twoHundred);
    expect(a.length).toBe(b.length);
    expect(a.length).toBe(256);
    // And they open to what was sealed, one at a time and in bulk.
    const rows = [
      { id: ID, kind: 'incident', version: 1, body: a },
      { id: ID, kind: 'incident', version: 1, body: b },
    ];
    expect(rows.map((r) => openRecordBody(key, VAULT, r))).toEqual([ten, twoHundred]);
    expect(openRecordBodies(key, VAULT, rows)).toEqual([ten, twoHundred]);
  });

  test('longer text moves up a class, and the classes seen are few', () => {
    const lengths = new Set<number>();
    for (let n = 0; n < 20_000; n += 37) {
      lengths.add(sealRecordBody(key, VAULT, ID, 'incident', 1, { d: 'y'.repeat(n) }).length);
    }
    expect([...lengths].sort((x, y) => x - y)).toEqual([256, 512, 1024, 2048, 4096, 8192, 16384, 32768]);
  });

  test('a body sealed before padding (no trailing spaces) opens the same way', () => {
    const value = { title: 'Before padding', n: 3 };
    const ad = utf8(`evidence-vault record|${VAULT}|${ID}|person|2`);
    const old = seal(key, utf8(JSON.stringify(value)), ad);
    expect(old.length).toBe(utf8(JSON.stringify(value)).length + SEAL_OVERHEAD);
    const row = { id: ID, kind: 'person', version: 2, body: old };
    expect(openRecordBody(key, VAULT, row)).toEqual(value);
    expect(openRecordBodies(key, VAULT, [row])).toEqual([value]);
    // The new body of the same value is what any reader, old or new, sees as the same JSON.
    const padded = sealRecordBody(key, VAULT, ID, 'person', 2, value);
    const text = new TextDecoder().decode(open(key, padded, ad)!);
    expect(text.startsWith(JSON.stringify(value))).toBe(true);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('custody entry bodies', () => {
  test('an entry sealed before padding and a padded one both open to their JSON without the padding', () => {
    const entry = JSON.stringify({ at: '2024-05-03T21:40:00.000Z', action: 'view', subjectKind: 'exhibit' });
    const ad1 = utf8(`evidence-vault custody|${VAULT}|1`);
    const ad2 = utf8(`evidence-vault custody|${VAULT}|2`);
    const rows = [
      { seq: 1, body: seal(key, utf8(entry), ad1) },
      { seq: 2, body: seal(key, padJson(entry), ad2) },
    ];
    expect(rows[1]!.body.length).toBe(MIN_CLASS);
    expect(openCustodyTexts(key, VAULT, rows)).toEqual([entry, entry]);
  });
});
