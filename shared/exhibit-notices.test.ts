/** Exhibit warnings and extraction problems by code: the English read back exactly, the Welsh beside it. */
import { describe, expect, it } from 'vitest';
import { KIND_NAMES, NOTICE_CODES, noticeText, readNotice, type ExhibitNotice } from './exhibit-notices.js';
import { words } from './words.js';

/** One example of every code, with values where it takes them. */
const EXAMPLES: ExhibitNotice[] = [
  { code: 'warning.named-as', values: { mediaType: 'application/x-msdownload', ext: 'png' } },
  { code: 'warning.named-as', values: { mediaType: 'message/rfc822', ext: 'pdf' } },
  { code: 'warning.named-as', values: { mediaType: 'application/x-unheard-of', ext: 'jpg' } },
  { code: 'warning.no-extension', values: { mediaType: 'application/x-elf' } },
  { code: 'extract.failed' },
  { code: 'pdf.too-large', values: { size: '64 MiB' } },
  { code: 'pdf.password' },
  { code: 'pdf.timeout' },
  { code: 'pdf.damaged' },
  { code: 'pdf.bad-date', values: { which: 'creation', raw: 'D:2019XX01' } },
  { code: 'pdf.bad-date', values: { which: 'modification', raw: 'yesterday' } },
  { code: 'pdf.info-damaged' },
  { code: 'image.metadata-too-large', values: { size: '256 KiB' } },
  { code: 'image.exif-damaged' },
  { code: 'image.bad-capture-time' },
  { code: 'image.gps-out-of-range' },
  { code: 'email.header-too-large', values: { size: '256 KiB' } },
  { code: 'email.no-headers' },
  { code: 'email.header-damaged' },
  { code: 'email.many-parts', values: { count: '50' } },
];

describe('exhibit notices', () => {
  it('has an example of every code', () => {
    expect(new Set(EXAMPLES.map((n) => n.code))).toEqual(new Set(NOTICE_CODES));
  });

  it.each(EXAMPLES.map((n) => [noticeText('en', n), n] as const))('reads back %s', (text, n) => {
    expect(readNotice(text)).toEqual(n);
  });

  it('reads every named kind back to a type with the same words', () => {
    for (const mediaType of Object.keys(KIND_NAMES.en)) {
      const text = noticeText('en', { code: 'warning.named-as', values: { mediaType, ext: 'xyz' } });
      const back = readNotice(text);
      expect(back?.code).toBe('warning.named-as');
      expect(KIND_NAMES.en[back!.values!.mediaType!]).toBe(KIND_NAMES.en[mediaType]);
      expect(KIND_NAMES.cy[back!.values!.mediaType!]).toBe(KIND_NAMES.cy[mediaType]);
    }
    expect(Object.keys(KIND_NAMES.cy).sort()).toEqual(Object.keys(KIND_NAMES.en).sort());
  });

  it('gives a Welsh line for every code, with the values in it and no English left', () => {
    for (const n of EXAMPLES) {
      const cy = noticeText('cy', n);
      expect(cy).not.toBe(noticeText('en', n));
      for (const value of Object.values(n.values ?? {})) {
        if (value === 'creation' || value === 'modification' || value.includes('/')) continue;
        expect(cy).toContain(value);
      }
      expect(cy).not.toMatch(/\b(the|is|was|were|not|read)\b/);
    }
  });

  it('words a stored English warning in Welsh, and leaves the English and unknown lines as stored', () => {
    const stored = 'This is a Windows program named .png: it is kept sealed and never opened.';
    expect(words('en').exhibitWarning(stored)).toBe(stored);
    expect(words('cy').exhibitWarning(stored)).toBe(
      'Rhaglen Windows yw’r ffeil hon, ond mae ei henw’n gorffen â .png: caiff ei chadw dan sêl ac ni chaiff ei hagor byth.',
    );
    expect(
      words('cy').extractionProblem(
        "The e-mail's header is damaged: its sender, date and Received chain were not read.",
      ),
    ).toBe('Mae pennawd yr e-bost wedi’i ddifrodi: ni ddarllenwyd yr anfonwr, y dyddiad na’r gadwyn Received.');
    expect(words('cy').extractionProblem('Something a later version says.')).toBe('Something a later version says.');
    expect(words('cy').exhibitNotice({ code: 'pdf.damaged' })).toBe(
      'Mae’r PDF wedi’i ddifrodi: ni ddarllenwyd ei ddyddiadau ei hun.',
    );
  });
});
