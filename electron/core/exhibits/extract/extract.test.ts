/**
 * What the files say, read at import (issue 13): real fixtures imported into a real vault (real SQLite,
 * real libsodium, real files), and crafted bad inputs. Every bad input gives a problem line beside the
 * exhibit; the import itself succeeds within seconds and nothing else changes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import yazl from 'yazl';
import { afterAll, describe, expect, test } from 'vitest';
import type { Exhibit, ExtractedMetadata } from '../../../../shared/model.js';
import { cleanupTemp, incident, newVault, rawDb, tempDir } from '../../../../test/support/core.js';
import { pdfkitPdf } from '../../../../test/support/pdfs.js';
import type { Vault } from '../../vault.js';
import { words } from '../../../../shared/words.js';
import { EXTRACT_HEAD_BYTES } from './index.js';

afterAll(cleanupTemp);

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

function write(dir: string, name: string, bytes: Buffer | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Imports `paths` into a new incident of a new vault; returns the exhibits and the vault (still open). */
async function importAll(paths: string[]): Promise<{ vault: Vault; dir: string; exhibits: Exhibit[] }> {
  const { vault, dir } = await newVault();
  const inc = vault.createIncident(incident('Car keyed'));
  const exhibits = await vault.importExhibits(inc.id, paths);
  return { vault, dir, exhibits };
}

function byName(exhibits: Exhibit[], name: string): Exhibit {
  const e = exhibits.find((x) => x.name === name);
  if (!e) throw new Error(`no exhibit ${name}`);
  return e;
}

describe('what the fixtures say', () => {
  test('the photo, both e-mails, an e-mail with a Received chain and the PDF: read at import, kept encrypted, there after a reopen', async () => {
    const src = tempDir('ev-extract-');
    const names = ['damage.jpg', 'email-1.eml', 'email-2.eml', 'email-received.eml', 'letter.pdf', 'post-1.png'];
    const paths = names.map((n) => {
      const p = join(src, n);
      copyFileSync(join(FIXTURES, n), p);
      return p;
    });
    const { vault, dir, exhibits } = await importAll(paths);

    const photo = byName(exhibits, 'damage.jpg');
    // The camera's clock, as it gave it (no zone in this file: none is invented).
    expect(photo.extracted?.capturedAt).toBe('2019-11-13T08:05:10');
    expect(photo.extracted?.camera).toEqual({ make: 'Apple', model: 'iPhone 11' });
    expect(photo.extracted?.gps?.latitude).toBeCloseTo(52.4862, 4);
    expect(photo.extracted?.gps?.longitude).toBeCloseTo(-1.8904, 4);
    expect(photo.extracted?.problems).toBeUndefined();

    expect(byName(exhibits, 'email-1.eml').extracted).toEqual({
      email: {
        date: 'Wed, 13 Nov 2019 19:20:00 +0000',
        from: 'Local Patriot <patriot1999@example.net>',
        to: ['Sam Candidate <sam@example.org>'],
        subject: 'Stay away from our town',
        messageId: '<pub-1@example.net>',
      },
    });
    // Encoded words decoded; the body (an HTML part with a remote image, a PDF attachment) never parsed.
    expect(byName(exhibits, 'email-2.eml').extracted).toEqual({
      email: {
        date: 'Thu, 14 Nov 2019 23:59:59 -0500',
        from: 'Zöe Anon <zoe.anon@example.com>',
        to: ['sam@example.org'],
        subject: "We're watching 👀",
        messageId: '<pub-2@example.com>',
      },
    });
    const received = byName(exhibits, 'email-received.eml').extracted?.email;
    expect(received?.messageId).toBe('<c9f1e2a7.77@outbound.example.net>');
    expect(received?.date).toBe('Thu, 21 Nov 2019 09:13:58 +0000');
    expect(received?.cc).toEqual(['Agent, Jo <jo.agent@example.org>']);
    expect(received?.to).toEqual(['Sam Candidate <sam@example.org>', 'office@example.org']);
    // Newest (top) first, unfolded, as written.
    expect(received?.received).toEqual([
      'from mx1.example.org (mx1.example.org [192.0.2.10]) by inbound.example.org with ESMTPS id 4A1B2C3D for <sam@example.org>; Thu, 21 Nov 2019 09:14:07 +0000 (GMT)',
      'from outbound.example.net (outbound.example.net [198.51.100.7]) by mx1.example.org with ESMTP id 99XYZ for <sam@example.org>; Thu, 21 Nov 2019 09:14:05 +0000',
      'from [203.0.113.45] (unknown [203.0.113.45]) by outbound.example.net with ESMTPSA id 77QRS; Thu, 21 Nov 2019 09:14:02 +0000',
    ]);

    const pdf = byName(exhibits, 'letter.pdf').extracted?.pdf;
    expect(pdf?.createdAt).toBe('2026-11-24T00:13:34.000Z');
    expect(pdf?.modifiedAt).toBe('2026-11-24T00:13:34.000Z');
    expect(pdf?.title).toBe('l.html');
    expect(pdf?.producer).toBe('Skia/PDF m156');
    expect(pdf?.creator).toMatch(/^Mozilla\/5\.0 .*HeadlessChrome/);

    // A PNG with no metadata: nothing claimed.
    expect(byName(exhibits, 'post-1.png').extracted).toBeUndefined();
    for (const e of exhibits) expect(e.warnings).toEqual([]);

    const before = vault.getIncident(photo.incidentId).exhibits.map((e) => e.extracted);
    vault.close();
    // Encrypted like every record: no metadata in the clear anywhere in the database.
    const db = rawDb(dir);
    const bodies = Buffer.concat(
      (db.prepare('SELECT body FROM records').all() as { body: Buffer }[]).map((r) => Buffer.from(r.body)),
    );
    db.close();
    for (const needle of ['iPhone 11', 'patriot1999', 'pub-2@example.com', 'Skia/PDF', '203.0.113.45']) {
      expect(bodies.includes(needle)).toBe(false);
    }
    const { Vault: V } = await import('../../vault.js');
    const again = await V.open(dir, { passphrase: 'correct horse battery staple' });
    try {
      expect(again.getIncident(photo.incidentId).exhibits.map((e) => e.extracted)).toEqual(before);
    } finally {
      again.close();
    }
  });

  test('pasted bytes (a stream) are read the same way; a PDF bigger than the head is read back from the vault', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Pasted'));
    // A comment of 600 KiB after the header moves every object: pdfjs finds them again, and the whole
    // file is needed, so it is read back (decrypted, checked) once sealed.
    const letter = fixture('letter.pdf');
    const nl = letter.indexOf('\n') + 1;
    const bigPdf = Buffer.concat([
      letter.subarray(0, nl),
      Buffer.from(`%${'x'.repeat(600 * 1024)}\n`),
      letter.subarray(nl),
    ]);
    expect(bigPdf.length).toBeGreaterThan(EXTRACT_HEAD_BYTES);
    const [mail, pdf] = await vault.importExhibitStreams(inc.id, [
      { name: 'pasted.eml', stream: Readable.from([fixture('email-1.eml')]) },
      { name: 'big-letter.pdf', stream: Readable.from([bigPdf]) },
    ]);
    expect(mail?.extracted?.email?.messageId).toBe('<pub-1@example.net>');
    expect(pdf?.extracted?.pdf?.createdAt).toBe('2026-11-24T00:13:34.000Z');
    vault.close();
  });

  test('extraction can be left out (the benchmark compares both): the exhibits are the same but for `extracted`', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('No extraction'));
    const src = tempDir('ev-extract-');
    const photo = write(src, 'damage.jpg', fixture('damage.jpg'));
    const [e] = await vault.importExhibits(inc.id, [photo], { extract: false });
    expect(e?.extracted).toBeUndefined();
    expect(e?.sha256).toBe(sha256(fixture('damage.jpg')));
    vault.close();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Crafted files

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** post-1.png with `chunk` inserted after its IHDR chunk. */
function pngWith(chunk: Buffer): Buffer {
  const png = fixture('post-1.png');
  const afterIhdr = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, afterIhdr), chunk, png.subarray(afterIhdr)]);
}

/** The TIFF block of damage.jpg's EXIF (APP1 at offset 20: "Exif\0\0" then TIFF from offset 30). */
function photoTiff(): Buffer {
  const jpg = fixture('damage.jpg');
  const app1Length = jpg.readUInt16BE(22);
  return jpg.subarray(30, 22 + app1Length);
}

/** An e-mail whose body nests `depth` multipart/mixed parts, one inside the other. */
function nestedEmail(depth: number): string {
  const head = [
    'From: Nested <nested@example.net>',
    'To: sam@example.org',
    'Subject: Deep',
    'Date: Fri, 22 Nov 2019 10:00:00 +0000',
    'Message-ID: <deep@example.net>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b0"',
    '',
    '',
  ].join('\r\n');
  let open = '';
  let close = '';
  for (let i = 1; i <= depth; i++) {
    open += `--b${i - 1}\r\nContent-Type: multipart/mixed; boundary="b${i}"\r\n\r\n`;
    close = `--b${i - 1}--\r\n${close}`;
  }
  return `${head}${open}--b${depth}\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b${depth}--\r\n${close}`;
}

/** letter.pdf with `from` replaced by `to` (the same length, so the cross-reference table still fits). */
function letterWith(from: string, to: string): Buffer {
  const s = fixture('letter.pdf').toString('latin1');
  expect(to.length).toBe(from.length);
  expect(s.includes(from)).toBe(true);
  return Buffer.from(s.replace(from, to), 'latin1');
}

/**
 * Imports `bad` beside a good photo. The import succeeds within a few seconds; the bad file's bytes are
 * kept exactly; the photo's metadata is read as ever; the vault checks clean. Returns what the bad file says.
 */
async function badBesideGood(
  name: string,
  bad: Buffer | string,
  withinMs = 5000,
): Promise<ExtractedMetadata | undefined> {
  const src = tempDir('ev-bad-');
  const bytes = Buffer.isBuffer(bad) ? bad : Buffer.from(bad);
  const badPath = write(src, name, bytes);
  const good = write(src, 'damage.jpg', fixture('damage.jpg'));
  const t0 = performance.now();
  const { vault, exhibits } = await importAll([badPath, good]);
  try {
    expect(performance.now() - t0).toBeLessThan(withinMs);
    expect(exhibits).toHaveLength(2);
    const [b, g] = exhibits;
    expect(b?.size).toBe(bytes.length);
    expect(b?.sha256).toBe(sha256(bytes));
    expect(Buffer.from(await vault.readExhibit(b!.id)).equals(bytes)).toBe(true);
    expect(g?.extracted?.capturedAt).toBe('2019-11-13T08:05:10');
    expect(g?.extracted?.problems).toBeUndefined();
    expect((await vault.check()).problems).toEqual([]);
    return b?.extracted;
  } finally {
    vault.close();
  }
}

describe('bad input: a problem line beside the exhibit, the import goes on', () => {
  test('a malformed EXIF block (IFD0 claims 65,535 entries)', async () => {
    const jpg = Buffer.from(fixture('damage.jpg'));
    jpg.writeUInt16BE(0xffff, 38); // IFD0's entry count
    const said = await badBesideGood('damaged-exif.jpg', jpg);
    expect(said?.problems).toEqual([
      "The photo's EXIF block is damaged: its capture time, camera and position were not read.",
    ]);
    // A Welsh window words it in Welsh.
    expect(said?.problems?.map(words('cy').extractionProblem)).toEqual([
      'Mae bloc EXIF y llun wedi’i ddifrodi: ni ddarllenwyd amser tynnu’r llun, y camera na’r lleoliad.',
    ]);
    expect(said?.capturedAt).toBeUndefined();
  });

  test('an enormous EXIF block (an 8 MiB eXIf chunk in a PNG): only the head is read', async () => {
    const exif = Buffer.alloc(8 << 20);
    photoTiff().copy(exif, 0);
    const said = await badBesideGood('huge-exif.png', pngWith(pngChunk('eXIf', exif)));
    expect(said?.problems).toEqual([
      "The photo's metadata is larger than the 256 KiB read at import: its capture time, camera and position were not read.",
    ]);
  });

  test('an eXIf chunk after the image data is read; a PNG with only a tEXt comment claims nothing', async () => {
    const png = fixture('post-1.png');
    const iend = png.length - 12;
    const late = Buffer.concat([png.subarray(0, iend), pngChunk('eXIf', photoTiff()), png.subarray(iend)]);
    const src = tempDir('ev-png-');
    const { vault, exhibits } = await importAll([write(src, 'late.png', late), write(src, 'plain.png', png)]);
    expect(exhibits[0]?.extracted?.capturedAt).toBe('2019-11-13T08:05:10');
    expect(exhibits[0]?.extracted?.camera?.model).toBe('iPhone 11');
    expect(exhibits[1]?.extracted).toBeUndefined();
    vault.close();
  });

  test('an EXIF capture time that is not a date', async () => {
    const jpg = Buffer.from(fixture('damage.jpg'));
    const at = jpg.indexOf('2019:11:13 08:05:10');
    jpg.write('2019:13:45 99:05:10', at, 'latin1');
    const said = await badBesideGood('bad-time.jpg', jpg);
    expect(said?.problems).toEqual(["The photo's capture time is not a valid date: it was not read."]);
    expect(said?.camera?.model).toBe('iPhone 11'); // the rest is still read
  });

  test('an e-mail with 300 nested MIME parts: its headers are read, its body never parsed', async () => {
    const said = await badBesideGood('nested.eml', nestedEmail(300));
    expect(said?.email?.messageId).toBe('<deep@example.net>');
    expect(said?.problems).toEqual([
      'The e-mail has an unusual structure (more than 100 multipart sections): only its headers were read.',
    ]);
  });

  test('an e-mail whose header is several megabytes long', async () => {
    const folded = Array.from({ length: 60_000 }, (_, i) => `\t${String(i).padStart(80, 'x')}`).join('\r\n');
    const mail = `From: Big <big@example.net>\r\nTo: sam@example.org\r\nSubject: Big\r\nX-Padding: start\r\n${folded}\r\n\r\nBody\r\n`;
    expect(mail.length).toBeGreaterThan(4 << 20);
    const said = await badBesideGood('big-header.eml', mail);
    expect(said?.problems).toEqual([
      "The e-mail's header is larger than the 256 KiB read at import: its sender, date and Received chain were not read.",
    ]);
    expect(said?.email).toBeUndefined();
  });

  test('a PDF whose info dictionary is broken (the trailer points at no object)', async () => {
    const said = await badBesideGood('broken-info.pdf', letterWith('/Info 1 0 R', '/Info 9 9 R'));
    expect(said?.problems).toEqual([
      "The PDF's document information is damaged: its title, author and dates were not read.",
    ]);
    expect(said?.pdf).toBeUndefined();
  });

  test('a PDF whose info dictionary is not a dictionary', async () => {
    const s = fixture('letter.pdf').toString('latin1');
    const start = s.indexOf('1 0 obj');
    const end = s.indexOf('endobj', start);
    const obj = '1 0 obj\n42';
    const pdf = Buffer.from(s.slice(0, start) + obj + ' '.repeat(end - start - obj.length) + s.slice(end), 'latin1');
    const said = await badBesideGood('info-number.pdf', pdf);
    expect(said?.problems).toEqual([
      "The PDF's document information is damaged: its title, author and dates were not read.",
    ]);
  });

  test('a PDF whose creation date is not a date: that line, and the rest is read', async () => {
    const said = await badBesideGood(
      'bad-date.pdf',
      letterWith("/CreationDate (D:20261124001334+00'00')", "/CreationDate (D:2026XX24001334+00'00')"),
    );
    expect(said?.problems).toEqual([`The PDF's creation date could not be read (it says "D:2026XX24001334+00'00'").`]);
    expect(said?.pdf?.modifiedAt).toBe('2026-11-24T00:13:34.000Z');
    expect(said?.pdf?.producer).toBe('Skia/PDF m156');
  });

  test('an encrypted PDF: one that needs a password to open gives one line; with an owner password only, its dates are read', async () => {
    const locked = await badBesideGood('locked.pdf', await pdfkitPdf({ userPassword: 'open', ownerPassword: 'own' }));
    expect(locked).toEqual({ problems: ['The PDF is protected by a password: its own dates were not read.'] });
    // Its strings are encrypted in the file: read after decryption (pdfjs), not as ciphertext.
    const owned = await badBesideGood('owner-only.pdf', await pdfkitPdf({ ownerPassword: 'own' }));
    expect(owned?.pdf).toMatchObject({
      title: 'Sealed letter',
      createdAt: '2024-05-01T10:00:00.000Z',
      modifiedAt: '2024-05-02T11:00:00.000Z',
    });
    expect(owned?.problems).toBeUndefined();
  });

  test('a PDF that is not a PDF past its first line', async () => {
    const said = await badBesideGood('garbage.pdf', `%PDF-1.7\n${randomBytes(3000).toString('latin1')}`);
    expect(said?.problems).toEqual(['The PDF is damaged: its own dates were not read.']);
  });

  test('a PDF over 64 MiB is not read for its dates', async () => {
    const big = Buffer.alloc((64 << 20) + 1024, 0x20);
    Buffer.from('%PDF-1.4\n').copy(big);
    // The time is the 64 MiB import itself: the PDF is not read again.
    const said = await badBesideGood('huge.pdf', big, 20_000);
    expect(said?.problems).toEqual(['The PDF is too large to read its dates here (over 64 MiB).']);
  });
});

describe('content credentials and ProofMode bundles: presence only', () => {
  test('a C2PA manifest in a JPEG (APP11 JUMBF) and in a PNG (caBX): "c2pa", the EXIF still read', async () => {
    const jumbf = Buffer.concat([
      Buffer.from('JP', 'latin1'),
      Buffer.from([0x00, 0x01, 0x00, 0x00, 0x00, 0x01]),
      Buffer.from([0x00, 0x00, 0x00, 0x30]),
      Buffer.from('jumb', 'latin1'),
      Buffer.from([0x00, 0x00, 0x00, 0x28]),
      Buffer.from('jumd', 'latin1'),
      Buffer.from('c2pa', 'latin1'),
      Buffer.alloc(12),
      Buffer.from([0x03]),
      Buffer.from('c2pa\0', 'latin1'),
    ]);
    const app11 = Buffer.alloc(4);
    app11.writeUInt16BE(0xffeb, 0);
    app11.writeUInt16BE(jumbf.length + 2, 2);
    const jpg = fixture('damage.jpg');
    const signed = Buffer.concat([jpg.subarray(0, 2), app11, jumbf, jpg.subarray(2)]);
    const src = tempDir('ev-c2pa-');
    const { vault, exhibits } = await importAll([
      write(src, 'signed.jpg', signed),
      write(src, 'signed.png', pngWith(pngChunk('caBX', jumbf.subarray(8)))),
      write(src, 'plain.jpg', fixture('damage.jpg')),
    ]);
    expect(exhibits[0]?.extracted?.contentCredentials).toBe('c2pa');
    expect(exhibits[0]?.extracted?.capturedAt).toBe('2019-11-13T08:05:10');
    expect(exhibits[1]?.extracted?.contentCredentials).toBe('c2pa');
    expect(exhibits[2]?.extracted?.contentCredentials).toBeUndefined();
    vault.close();
  });

  test('a ProofMode bundle (a ZIP with proof.json and .asc signatures): "proofmode"; another ZIP: nothing', async () => {
    const zip = (entries: [string, Buffer | string][]): Promise<Buffer> =>
      new Promise((resolve, reject) => {
        const z = new yazl.ZipFile();
        for (const [n, b] of entries) z.addBuffer(Buffer.isBuffer(b) ? b : Buffer.from(b), n);
        z.end();
        const parts: Buffer[] = [];
        z.outputStream.on('data', (c: Buffer) => parts.push(c));
        z.outputStream.on('end', () => resolve(Buffer.concat(parts)));
        z.outputStream.on('error', reject);
      });
    const bundle = await zip([
      ['IMG_0042.jpg', fixture('damage.jpg')],
      ['IMG_0042.jpg.proof.json', '{"File Hash SHA256":"..."}'],
      ['IMG_0042.jpg.asc', '-----BEGIN PGP SIGNATURE-----\n...\n'],
      ['pubkey.asc', '-----BEGIN PGP PUBLIC KEY BLOCK-----\n...\n'],
    ]);
    const other = await zip([['notes.txt', 'hello']]);
    const src = tempDir('ev-proofmode-');
    const { vault, exhibits } = await importAll([write(src, 'proof.zip', bundle), write(src, 'other.zip', other)]);
    expect(exhibits[0]?.extracted).toEqual({ contentCredentials: 'proofmode' });
    expect(exhibits[1]?.extracted).toBeUndefined();
    vault.close();
  });
});
