/**
 * The offline viewer's page as written (its behaviour in a browser is e2e/viewer.spec.ts): UK dates
 * and times, where it may sit in the pack (data/viewer.html, or index.html at the top), the
 * strict Content-Security-Policy, and nothing that could reach a network.
 */
import { describe, expect, it } from 'vitest';
import type { CaseFile } from './casefile.js';
import { ukInstant, ukWhen, viewerHtml } from './viewer.js';

const CASE = {
  packId: 'EVP-20261201-0A1B2C3D',
  createdAt: '2026-07-01T12:00:00Z',
  producer: { name: 'Alex Brown', initials: 'AB', email: '', phone: '' },
  counts: { incidents: 0, exhibits: 0, omittedExhibits: 0, exhibitBytes: 0 },
  signingKey: { algorithm: 'Ed25519', fingerprintSha256: 'ab'.repeat(32), publicKeyFile: 'signing-key.pem' },
  incidents: [],
  people: [],
  exhibits: [],
  omittedExhibits: [],
  withheldReferences: [],
} as unknown as CaseFile;

describe('the viewer page', () => {
  it('writes UK dates: weekday dd/mm/yyyy, 24-hour time, GMT or BST where the offset is the UK’s', () => {
    expect(ukWhen({ date: '2019-11-12', time: '20:15', offset: 'Z', approximate: false })).toBe(
      'Tue 12/11/2019 20:15 GMT',
    );
    expect(ukWhen({ date: '2024-05-03', time: '21:40', offset: '+01:00', approximate: true })).toBe(
      'About Fri 03/05/2024 21:40 BST',
    );
    expect(ukWhen({ date: '2024-05-03', approximate: false })).toBe('Fri 03/05/2024 (date only)');
    expect(ukWhen({ date: '2024-05-03', time: '21:40', offset: '+05:30', approximate: false })).toBe(
      'Fri 03/05/2024 21:40 UTC+05:30',
    );
    // +01:00 in winter is not UK time: named as the offset it is.
    expect(ukWhen({ date: '2024-01-03', time: '09:00', offset: '+01:00', approximate: false })).toBe(
      'Wed 03/01/2024 09:00 UTC+01:00',
    );
    expect(ukInstant('2026-07-01T12:00:00Z')).toBe('01/07/2026 13:00 BST');
    expect(ukInstant('2026-12-01T12:00:00Z')).toBe('01/12/2026 12:00 GMT');
  });

  it('links to the pack’s files from where it sits, and names itself in the ZIP notice', () => {
    const inData = viewerHtml(CASE);
    expect(inData).toContain('"toRoot":"../"');
    expect(inData).toContain('then open <strong>data/viewer.html</strong>');
    const atTop = viewerHtml(CASE, { viewerPath: 'index.html' });
    expect(atTop).toContain('"toRoot":""');
    expect(atTop).toContain('then open <strong>index.html</strong>');
    expect(atTop).toContain('"createdAt":"01/07/2026 13:00 BST"'); // shown in UK style, not as ISO text
  });

  it('keeps a strict CSP and holds no network address', () => {
    const html = viewerHtml(CASE);
    expect(html).toMatch(
      /content="default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'; img-src blob: file:; media-src blob:; form-action 'none'; base-uri 'none'"/,
    );
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('@media print');
  });
});
