/**
 * Import progress has one meaning: each report names a file (fileIndex, name) and gives that file's
 * bytes done and size, however many files the blob store runs at once and in whatever order they finish.
 * Real vault, real files, real encryption.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import type { ImportProgress } from '../api.js';
import { cleanupTemp, incident, newVault, tempDir } from '../../../test/support/core.js';
import { BLOB_CHUNK_BYTES } from './blobs/index.js';

afterAll(cleanupTemp);

/** Checks every report against the files' real names and sizes; returns the reports per file. */
function checkReports(reports: ImportProgress[], names: string[], sizes: number[]): ImportProgress[][] {
  const perFile = names.map(() => [] as ImportProgress[]);
  for (const p of reports) {
    expect(p.fileCount).toBe(names.length);
    expect(p.fileIndex).toBeGreaterThanOrEqual(0);
    expect(p.fileIndex).toBeLessThan(names.length);
    // The index names the file the bytes belong to: its name and its own size, never the batch's.
    expect(p.name).toBe(names[p.fileIndex]);
    expect(p.bytesTotal).toBe(sizes[p.fileIndex]);
    expect(p.bytesDone).toBeGreaterThan(0);
    expect(p.bytesDone).toBeLessThanOrEqual(p.bytesTotal); // never over 100%
    const mine = perFile[p.fileIndex]!;
    const before = mine.at(-1);
    if (before) expect(p.bytesDone).toBeGreaterThan(before.bytesDone); // per-file bytes only grow
    mine.push(p);
  }
  // Every file is reported, and ends at 100%.
  for (const [i, mine] of perFile.entries()) expect(mine.at(-1)?.bytesDone).toBe(sizes[i]);
  return perFile;
}

describe('import progress', () => {
  test('files finishing out of order (a large file first, small ones after): every report is consistent', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Out of order'));
    const d = tempDir('ev-progress-');
    // 12 chunks first, then small files that run beside it and finish long before it.
    const sizes = [12 * BLOB_CHUNK_BYTES + 777, 100_000, 250_000, 1, BLOB_CHUNK_BYTES + 5, 64_000, 3_000, 500_000];
    const paths = sizes.map((n, i) => {
      const p = join(d, `file-${i}.bin`);
      writeFileSync(p, randomBytes(n));
      return p;
    });
    const reports: ImportProgress[] = [];
    const exhibits = await vault.importExhibits(inc.id, paths, { onProgress: (p) => reports.push({ ...p }) });
    expect(exhibits.map((e) => e.size)).toEqual(sizes);

    const perFile = checkReports(
      reports,
      paths.map((p) => basename(p)),
      sizes,
    );
    expect(perFile[0]!.length).toBe(13); // one report per chunk of the large file
    // The test does what it says: a later file finished while the first was still under way (the old
    // guess from batch bytes named the first file for the small ones' bytes, and the batch's size).
    const firstDone = reports.findIndex((p) => p.fileIndex === 0 && p.bytesDone === sizes[0]);
    const smallDone = reports.findIndex((p) => p.fileIndex === 1 && p.bytesDone === sizes[1]);
    expect(smallDone).toBeGreaterThanOrEqual(0);
    expect(smallDone).toBeLessThan(firstDone);
    vault.close();
  });

  test('two files of 10 MB: a report is never over 100% of the file it names', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Two videos'));
    const d = tempDir('ev-progress-');
    const sizes = [10_000_000, 10_000_000];
    const paths = sizes.map((n, i) => {
      const p = join(d, `video-${i}.mp4`);
      writeFileSync(p, randomBytes(n));
      return p;
    });
    const reports: ImportProgress[] = [];
    await vault.importExhibits(inc.id, paths, { onProgress: (p) => reports.push({ ...p }) });
    checkReports(
      reports,
      paths.map((p) => basename(p)),
      sizes,
    );
    vault.close();
  });

  test('streams (pasted files): reported one after the other, each by its own index and bytes', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Pasted'));
    const data = [randomBytes(2 * BLOB_CHUNK_BYTES + 10), randomBytes(1000)];
    const names = ['paste-1.png', 'paste-2.png'];
    const reports: ImportProgress[] = [];
    await vault.importExhibitStreams(
      inc.id,
      data.map((b, i) => ({ name: names[i]!, stream: Readable.from([b]) })),
      { onProgress: (p) => reports.push({ ...p }) },
    );
    // A stream's size is unknown until its end: bytesTotal is what is known (bytesDone) until then.
    for (const p of reports) expect(p.bytesTotal).toBe(p.bytesDone);
    expect(reports.map((p) => [p.fileIndex, p.bytesDone])).toEqual([
      [0, BLOB_CHUNK_BYTES],
      [0, 2 * BLOB_CHUNK_BYTES],
      [0, 2 * BLOB_CHUNK_BYTES + 10],
      [1, 1000],
    ]);
    expect(reports.map((p) => p.name)).toEqual([names[0], names[0], names[0], names[1]]);
    vault.close();
  });
});
