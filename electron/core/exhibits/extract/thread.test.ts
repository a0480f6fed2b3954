/**
 * The extraction thread (thread.ts): a library that runs past its time limit is stopped, its file gets
 * 'timeout', and the requests the thread held behind it are answered by a new thread, not lost.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ask, sendExtractionRequests } from './thread.js';

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

  test('requests sent in batches are each answered with their own reply, in any number', async () => {
    const jpg = readFileSync(`${FIXTURES}damage.jpg`);
    const eml = readFileSync(`${FIXTURES}email-1.eml`);
    const exif = { tiff: true, exif: true, gps: false, xmp: false, pick: ['Model'] };
    const mail = { maxNestingDepth: 4, maxRfc822NestingDepth: 0, attachmentEncoding: 'arraybuffer' };
    // 100 requests in one go: more than one batch (32), some left for the batching wait, then sent at once.
    const replies = Array.from({ length: 100 }, (_, i) =>
      i % 2 === 0 ? ask('exif', jpg, exif, 10_000) : ask('mail', new Uint8Array(eml), mail, 10_000),
    );
    sendExtractionRequests();
    const got = await Promise.all(replies);
    for (const [i, r] of got.entries()) {
      expect(r.error).toBeUndefined();
      if (i % 2 === 0) expect(r.tags).toMatchObject({ Model: 'iPhone 11' });
      else expect((r.mail as { subject?: string }).subject).toBeTruthy();
    }
    // The caller's bytes are never moved away: each request sent a copy.
    expect(jpg.length).toBeGreaterThan(0);
    expect(eml.length).toBeGreaterThan(0);
  }, 30_000);
});
