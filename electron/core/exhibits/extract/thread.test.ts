/**
 * The extraction thread (thread.ts): a library that runs past its time limit is stopped, its file gets
 * 'timeout', and the requests the thread held behind it are answered by a new thread, not lost.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ask } from './thread.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A PDF of `n` small objects: pdf-lib parses every one, which takes far longer than a few milliseconds. */
function manyObjects(n: number): Buffer {
  const parts = ['%PDF-1.4\n'];
  for (let i = 1; i <= n; i++) parts.push(`${i} 0 obj\n<< /Type /Thing /N ${i} /S (object number ${i}) >>\nendobj\n`);
  parts.push(`trailer\n<< /Size ${n + 1} >>\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

describe('the extraction thread', () => {
  test('a request past its time limit gets "timeout"; the ones behind it are answered by a new thread', async () => {
    const slow = ask('pdf', manyObjects(200_000), { fields: ['Title'], dateFields: [] }, 5);
    const jpg = readFileSync(`${FIXTURES}damage.jpg`);
    const behind = ask('exif', jpg, { tiff: true, exif: true, gps: false, xmp: false, pick: ['Model'] }, 10_000);
    const [a, b] = await Promise.all([slow, behind]);
    expect(a.error?.message).toBe('timeout');
    expect(b.error).toBeUndefined();
    expect(b.tags).toMatchObject({ Model: 'iPhone 11' });
    // And the next request is answered as ever.
    const again = await ask('exif', jpg, { tiff: true, exif: true, gps: false, xmp: false, pick: ['Make'] }, 10_000);
    expect(again.tags).toMatchObject({ Make: 'Apple' });
  }, 30_000);
});
