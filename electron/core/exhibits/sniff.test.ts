import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeEmail, sniffMediaType } from './sniff.js';

import { FIXTURES, FIXTURE_MEDIA_TYPES } from '../../../test/fixtures.js';
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

describe('sniffMediaType', () => {
  it.each(FIXTURE_MEDIA_TYPES)('recognises the fixture %s as %s from its content', async (name, type) => {
    expect(await sniffMediaType(fixture(name), true)).toBe(type);
  });

  it('looks only at the content: an e-mail cut short (only its first bytes) is still an e-mail', async () => {
    const eml = fixture('email-2.eml');
    expect(await sniffMediaType(eml.subarray(0, 600), false)).toBe('message/rfc822');
  });

  it('an mbox "From " envelope line in front of the headers is allowed', async () => {
    const eml = Buffer.concat([
      Buffer.from('From someone@example.net Thu Nov 14 23:59:59 2019\n'),
      fixture('email-1.eml'),
    ]);
    expect(await sniffMediaType(eml, true)).toBe('message/rfc822');
  });

  it('plain UTF-8 text is text/plain, also when the sniffed bytes end inside a multi-byte character', async () => {
    const text = Buffer.from('He said “we know where your office is” — 14 Nov 2019 😡\r\n\tsecond line\n');
    expect(await sniffMediaType(text, true)).toBe('text/plain');
    const cut = text.subarray(0, text.indexOf(Buffer.from('😡')) + 2);
    expect(await sniffMediaType(cut, false)).toBe('text/plain');
    // ...but a whole file that ends in half a character is not valid UTF-8.
    expect(await sniffMediaType(cut, true)).toBe('application/octet-stream');
  });

  it('UTF-16 text with a byte-order mark is text/plain', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a note to self\n', 'utf16le')]);
    expect(await sniffMediaType(le, true)).toBe('text/plain');
  });

  it('text with header-like lines but no e-mail originator is plain text, not an e-mail', async () => {
    const notes = Buffer.from('Note: call the SPOC\nTodo: print the case pack\n\nThen go to the station.\n');
    expect(await sniffMediaType(notes, true)).toBe('text/plain');
    expect(looksLikeEmail(notes, true)).toBe(false);
  });

  it('random bytes, NUL-laden text and invalid UTF-8 are application/octet-stream', async () => {
    expect(await sniffMediaType(randomBytes(4096), true)).toBe('application/octet-stream');
    expect(await sniffMediaType(Buffer.from('abc\0def\n'), true)).toBe('application/octet-stream');
    expect(await sniffMediaType(Buffer.from([0x61, 0xc3, 0x28, 0x62]), true)).toBe('application/octet-stream');
    expect(await sniffMediaType(new Uint8Array(0), true)).toBe('application/octet-stream');
  });

  it('the extension plays no part: a PNG and an e-mail with swapped contents keep their real types', async () => {
    // (Names are not even passed in; this documents the contract.)
    expect(await sniffMediaType(fixture('post-1.png'), true)).toBe('image/png');
    expect(await sniffMediaType(fixture('email-1.eml'), true)).toBe('message/rfc822');
  });
});
