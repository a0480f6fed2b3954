/**
 * The text of `exhibit show` for what the file itself says (extracted metadata, filled at import
 * by the metadata reader): each labelled for what it is, times in UK form, nothing more claimed.
 */
import { describe, expect, it } from 'vitest';
import { ExhibitDetailsSchema, type Exhibit } from '../../shared/model.js';
import type { CliIO } from './io.js';
import { exhibitShowJson, printExhibit, ukTime } from './exhibit-show.js';

function capture(): { io: CliIO; out: () => string } {
  let text = '';
  const io: CliIO = {
    stdout: (t) => (text += t),
    stderr: () => undefined,
    env: {},
    stdinIsTTY: false,
    stderrIsTTY: false,
    readSecret: () => Promise.resolve(''),
    signal: new AbortController().signal,
  };
  return { io, out: () => text };
}

const base: Exhibit = {
  id: 'a'.repeat(32),
  incidentId: 'b'.repeat(32),
  kind: 'file',
  ref: 'AB/3',
  name: 'photo.jpg',
  size: 2048,
  sha256: 'c'.repeat(64),
  mediaType: 'image/jpeg',
  fileModifiedAt: '2024-01-10T12:00:00.000Z',
  importedAt: '2024-07-01T08:30:00.000Z',
  details: ExhibitDetailsSchema.parse({}),
  warnings: ['This is a Windows program named .png: it is kept sealed and never opened.'],
  extracted: {
    capturedAt: '2019-11-20T07:12:03',
    camera: { make: 'Canon', model: 'EOS 5D', software: 'Firmware 1.1' },
    gps: { latitude: 51.5, longitude: -0.12, altitudeMetres: 20 },
    email: {
      date: 'Fri, 03 May 2024 21:40:00 +0100',
      from: 'someone@example.org',
      to: ['me@example.org'],
      subject: 'You have been warned',
      messageId: '<abc@example.org>',
      received: ['from mx.example.org by mail.example.net', 'from [10.0.0.1] by mx.example.org'],
    },
    pdf: { createdAt: '2024-05-01T09:00:00Z', producer: 'Word' },
    contentCredentials: 'c2pa',
    problems: ["The photo's XMP block is damaged: it was not read."],
  },
};

describe('exhibit show, text', () => {
  it('UK times: GMT in winter, BST in summer, dd/mm/yyyy 24-hour', () => {
    expect(ukTime('2024-01-10T12:00:00.000Z')).toBe('10/01/2024 12:00 UK time (GMT)');
    expect(ukTime('2024-07-01T20:30:00Z')).toBe('01/07/2024 21:30 UK time (BST)');
    expect(ukTime('')).toBe('');
  });

  it('labels what the file says for what it is, with the warnings', () => {
    const { io, out } = capture();
    printExhibit(io, base, []);
    const text = out();
    expect(text).toMatch(/^Exhibit AB\/3: photo\.jpg\n/);
    expect(text).toMatch(/Last modified on the computer it came from +10\/01\/2024 12:00 UK time \(GMT\)/);
    expect(text).toMatch(/What the file itself says \(read from the file; not checked\)/);
    expect(text).toMatch(
      /The camera's clock said +20\/11\/2019 07:12:03 \(its own clock; the file gives no time zone\)/,
    );
    expect(text).toMatch(/Camera +Canon EOS 5D\n/);
    expect(text).toMatch(/GPS position in the file +51\.5, -0\.12, 20 m up/);
    expect(text).toMatch(/The sender's mail program dated it +Fri, 03 May 2024 21:40:00 \+0100/);
    expect(text).toMatch(/Message-ID +<abc@example\.org>/);
    expect(text).toMatch(
      /Received headers \(2, newest first\) +1\. from mx\.example\.org by mail\.example\.net\n +2\. from/,
    );
    expect(text).toMatch(/The PDF says it was created +01\/05\/2024 10:00 UK time \(BST\)/);
    expect(text).toMatch(/Content credentials +a C2PA manifest is present \(not verified\)/);
    expect(text).toMatch(/Could not be read +The photo's XMP block is damaged/);
    expect(text).toMatch(/Warnings\n {2}- +This is a Windows program named \.png/);
    expect(text).toMatch(/What I say about it: nothing yet/);
  });

  it('user text with control characters is shown escaped, never obeyed', () => {
    const { io, out } = capture();
    printExhibit(
      io,
      { ...base, details: { ...base.details, description: 'evil\u001b[2Jtext' }, extracted: undefined },
      [],
    );
    expect(out()).toContain('evil\\u{1b}[2Jtext');
    expect(out()).not.toContain('\u001b');
  });

  it('an exhibit whose reading was never written says so, not that the file says nothing', () => {
    const { io, out } = capture();
    printExhibit(io, { ...base, extracted: undefined, extractPending: true }, []);
    expect(out()).toMatch(
      /What the file itself says: not read yet \(the app was closed a moment after adding it; it is read when the app next opens the vault\)/,
    );
    expect(out()).not.toMatch(/read from the file; not checked/);
    expect(exhibitShowJson({ ...base, extracted: undefined, extractPending: true }, [])).toMatchObject({
      extractPending: true,
    });
  });

  it('--json: the exhibit as it is, with its earlier versions', () => {
    const json = exhibitShowJson(base, [
      { writtenAt: base.importedAt, details: base.details, current: false },
      { writtenAt: '2024-07-02T08:30:00.000Z', details: { ...base.details, description: 'now' }, current: true },
    ]);
    expect(json).toMatchObject({ id: base.id, extracted: { capturedAt: '2019-11-20T07:12:03' } });
    expect(json.earlierVersions).toEqual([{ writtenAt: base.importedAt, details: base.details }]);
  });
});
