/**
 * The CLI's read-ahead (readAheadForExtraction): what files say is read before the vault is opened, and an
 * import keeps it only for a file whose bytes it finds the same. Real fixtures, a real vault, real files.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { Exhibit } from '../../../../shared/model.js';
import { cleanupTemp, incident, newVault, tempDir } from '../../../../test/support/core.js';
import { readAheadForExtraction, readAheadHeld } from './index.js';

afterAll(cleanupTemp);

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const NAMES = ['damage.jpg', 'email-1.eml', 'email-2.eml', 'email-received.eml', 'letter.pdf', 'post-1.png'];

async function importAll(paths: string[]): Promise<Exhibit[]> {
  const { vault } = await newVault();
  try {
    const inc = vault.createIncident(incident('Car keyed'));
    return await vault.importExhibits(inc.id, paths);
  } finally {
    vault.close();
  }
}

function copies(names: string[]): string[] {
  const src = tempDir('ev-read-ahead-');
  return names.map((n) => {
    const p = join(src, n);
    copyFileSync(join(FIXTURES, n), p);
    return p;
  });
}

describe('reading ahead of an import', () => {
  test('what was read ahead is what an import without it reads, and the import takes all of it', async () => {
    const without = await importAll(copies(NAMES));
    const paths = copies(NAMES);
    readAheadForExtraction(paths);
    expect(readAheadHeld()).toBe(NAMES.length - 1); // not the screenshot: the import looks at its chunks
    const withIt = await importAll(paths);
    expect(readAheadHeld()).toBe(0);
    expect(withIt.map((e) => [e.name, e.extracted])).toEqual(without.map((e) => [e.name, e.extracted]));
    expect(withIt.find((e) => e.name === 'damage.jpg')?.extracted?.gps).toBeDefined();
    expect(withIt.find((e) => e.name === 'email-received.eml')?.extracted?.email?.received?.length).toBe(3);
  });

  test('a file changed after the read-ahead: what is kept is what the imported bytes say', async () => {
    const [path] = copies(['email-1.eml']);
    readAheadForExtraction([path!]);
    expect(readAheadHeld()).toBe(1);
    writeFileSync(path!, readFileSync(join(FIXTURES, 'email-2.eml')));
    const [e] = await importAll([path!]);
    expect(e?.extracted?.email?.subject).toBe("We're watching 👀");
    expect(e?.extracted?.email?.messageId).toBe('<pub-2@example.com>');
  });

  test('a PDF named .eml: read ahead as an e-mail, imported as the PDF it is, its dates read from the import', async () => {
    const dir = tempDir('ev-read-ahead-');
    const path = join(dir, 'letter.eml');
    copyFileSync(join(FIXTURES, 'letter.pdf'), path);
    readAheadForExtraction([path]);
    expect(readAheadHeld()).toBe(1);
    const [e] = await importAll([path]);
    expect(readAheadHeld()).toBe(0);
    expect(e?.mediaType).toBe('application/pdf');
    expect(e?.extracted?.email).toBeUndefined();
    expect(e?.extracted?.pdf?.createdAt).toBeDefined();
  });

  test('the same bytes under two names are read once, and both exhibits get what they say', async () => {
    const dir = tempDir('ev-read-ahead-');
    const a = join(dir, 'a.eml');
    const b = join(dir, 'b.eml');
    copyFileSync(join(FIXTURES, 'email-received.eml'), a);
    copyFileSync(join(FIXTURES, 'email-received.eml'), b);
    readAheadForExtraction([a, b]);
    expect(readAheadHeld()).toBe(1);
    const { vault } = await newVault();
    try {
      const inc = vault.createIncident(incident('Twice'));
      const both = await vault.importExhibits(inc.id, [a, b], { allowDuplicates: true });
      expect(both.map((e) => e.extracted?.email?.received?.length)).toEqual([3, 3]);
    } finally {
      vault.close();
    }
  });

  test('paths it cannot read (missing, a folder, a FIFO, empty, unreadable names) are skipped at once', () => {
    const dir = tempDir('ev-read-ahead-');
    mkdirSync(join(dir, 'folder.pdf'));
    writeFileSync(join(dir, 'empty.eml'), '');
    const fifo = join(dir, 'pipe.eml');
    execFileSync('mkfifo', [fifo]);
    const started = performance.now();
    readAheadForExtraction([join(dir, 'missing.jpg'), join(dir, 'folder.pdf'), join(dir, 'empty.eml'), fifo, '']);
    expect(performance.now() - started).toBeLessThan(5000); // a FIFO opened for reading would wait for a writer
    expect(readAheadHeld()).toBe(0);
  });
});
