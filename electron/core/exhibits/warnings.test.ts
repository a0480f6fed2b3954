/**
 * A file that is not what its name says: a plain warning beside the exhibit (the window never previews
 * it), the real kind named. Unit cases, then real imports: the bytes are still kept and read back exactly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, test } from 'vitest';
import { cleanupTemp, incident, newVault, tempDir } from '../../../test/support/core.js';
import { sniffMediaType } from './sniff.js';
import { words } from '../../../shared/words.js';
import { contentNotices, contentWarnings } from './warnings.js';

afterAll(cleanupTemp);

const FIXTURES = fileURLToPath(new URL('./extract/fixtures/', import.meta.url));
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

/** The start of a Windows program (an "MZ" header and the DOS stub's words). */
const WINDOWS_PROGRAM = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
  Buffer.alloc(50),
  Buffer.from('This program cannot be run in DOS mode.\r\r\n$', 'latin1'),
  Buffer.alloc(400, 0x90),
]);

describe('contentWarnings', () => {
  it.each([
    [
      'post.png',
      'application/x-msdownload',
      'This is a Windows program named .png: it is kept sealed and never opened.',
    ],
    ['letter.pdf', 'application/zip', 'This is a ZIP archive named .pdf: it is kept sealed and never opened.'],
    ['photo.JPG', 'application/pdf', 'This is a PDF named .jpg: it is kept sealed and never opened.'],
    ['message.eml', 'image/png', 'This is a PNG image named .eml: it is kept sealed and never opened.'],
    ['notes.txt', 'application/x-elf', 'This is a Linux program named .txt: it is kept sealed and never opened.'],
    ['post.png', 'text/plain', 'This is a text file named .png: it is kept sealed and never opened.'],
    [
      'post.png',
      'application/octet-stream',
      'This is a file of unknown kind named .png: it is kept sealed and never opened.',
    ],
    [
      'report.docx',
      'application/x-msdownload',
      'This is a Windows program named .docx: it is kept sealed and never opened.',
    ],
    [
      'invoice',
      'application/x-msdownload',
      'This is a Windows program with no file extension: it is kept sealed and never opened.',
    ],
    [
      'clip.mov',
      'application/x-mach-binary',
      'This is a macOS program named .mov: it is kept sealed and never opened.',
    ],
    [
      'email.eml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'This is an Excel spreadsheet named .eml: it is kept sealed and never opened.',
    ],
  ])('"%s" holding %s: %s', (name, type, warning) => {
    expect(contentWarnings(name, type)).toEqual([warning]);
  });

  it('gives each warning by code too, worded in Welsh for a Welsh window', () => {
    expect(contentNotices('post.png', 'application/x-msdownload')).toEqual([
      { code: 'warning.named-as', values: { mediaType: 'application/x-msdownload', ext: 'png' } },
    ]);
    expect(contentNotices('invoice', 'application/x-msdownload')).toEqual([
      { code: 'warning.no-extension', values: { mediaType: 'application/x-msdownload' } },
    ]);
    expect(contentWarnings('letter.pdf', 'application/zip').map(words('cy').exhibitWarning)).toEqual([
      'Archif ZIP yw’r ffeil hon, ond mae ei henw’n gorffen â .pdf: caiff ei chadw dan sêl ac ni chaiff ei hagor byth.',
    ]);
    expect(contentWarnings('invoice', 'application/x-msdownload').map(words('cy').exhibitWarning)).toEqual([
      'Rhaglen Windows yw’r ffeil hon, heb estyniad ffeil: caiff ei chadw dan sêl ac ni chaiff ei hagor byth.',
    ]);
  });

  it.each([
    ['post.png', 'image/png'],
    ['photo.jpeg', 'image/jpeg'],
    ['IMG_0001.HEIC', 'image/heic'],
    ['letter.pdf', 'application/pdf'],
    ['message.eml', 'message/rfc822'],
    ['message.eml', 'text/plain'], // an e-mail sniffing did not recognise is still text
    ['saved.txt', 'message/rfc822'],
    ['report.docx', 'application/zip'],
    ['setup.exe', 'application/x-msdownload'], // a program named as one: no surprise to warn about
    ['data.bin', 'application/octet-stream'], // extensions we do not judge
    ['recording.m4a', 'audio/x-m4a'],
    ['no-extension', 'text/plain'],
    ['.hidden', 'image/png'],
  ])('"%s" holding %s: no warning', (name, type) => {
    expect(contentWarnings(name, type)).toEqual([]);
  });
});

describe('warnings at import', () => {
  test('a Windows program named .png, a ZIP named .pdf, a PDF named .jpg: warned, kept sealed, bytes intact; the rest not', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200)]);
    expect(await sniffMediaType(WINDOWS_PROGRAM, true)).toBe('application/x-msdownload');
    const src = tempDir('ev-warn-');
    const files: [string, Buffer][] = [
      ['post.png', WINDOWS_PROGRAM],
      ['letter.pdf', zip],
      ['photo.jpg', fixture('letter.pdf')],
      ['real.png', fixture('post-1.png')],
    ];
    const paths = files.map(([n, b]) => {
      const p = join(src, n);
      writeFileSync(p, b);
      return p;
    });
    const { vault, dir } = await newVault();
    const inc = vault.createIncident(incident('Odd files'));
    const exhibits = await vault.importExhibits(inc.id, paths);
    expect(exhibits.map((e) => e.warnings)).toEqual([
      ['This is a Windows program named .png: it is kept sealed and never opened.'],
      ['This is a ZIP archive named .pdf: it is kept sealed and never opened.'],
      ['This is a PDF named .jpg: it is kept sealed and never opened.'],
      [],
    ]);
    // Sealed, not refused: exhibits.read still gives the exact bytes (the window decides not to show them).
    for (const [i, e] of exhibits.entries()) {
      expect(Buffer.from(await vault.readExhibit(e.id)).equals(files[i]![1])).toBe(true);
    }
    // The same after a reopen, from the incident's list too.
    vault.close();
    const { Vault } = await import('../vault.js');
    const again = await Vault.open(dir, { passphrase: 'correct horse battery staple' });
    try {
      expect(again.getIncident(inc.id).exhibits.map((e) => e.warnings.length)).toEqual([1, 1, 1, 0]);
      expect(again.getExhibit(exhibits[0]!.id).warnings).toEqual(exhibits[0]!.warnings);
      // A Welsh window words the stored English warning in Welsh.
      expect(again.getExhibit(exhibits[0]!.id).warnings.map(words('cy').exhibitWarning)).toEqual([
        'Rhaglen Windows yw’r ffeil hon, ond mae ei henw’n gorffen â .png: caiff ei chadw dan sêl ac ni chaiff ei hagor byth.',
      ]);
    } finally {
      again.close();
    }
  });
});
