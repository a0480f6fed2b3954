/**
 * The pack catalogue: English and Welsh have the same ids and the same {placeholders}, every id
 * is used by the pack's code, and neither language overclaims.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cy } from './cy.js';
import { en } from './en.js';
import { fill, packText, placeholders } from './index.js';

const PACK_DIR = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'words' ? [] : sources(p);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [p] : [];
  });
}

describe('the pack catalogue', () => {
  it('has the same ids in English and Welsh', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
  });

  it('has the same placeholders in both, and no empty words', () => {
    for (const [id, english] of Object.entries(en)) {
      const welsh = (cy as Record<string, string>)[id] ?? '';
      expect(placeholders(welsh), id).toEqual(placeholders(english));
      expect(welsh.trim(), id).not.toBe('');
    }
  });

  it('has seven day names in each list', () => {
    for (const t of [packText('en'), packText('cy')])
      for (const id of ['when.daysShort', 'when.daysLong', 'when.daysOn'] as const)
        expect(t(id).split('|')).toHaveLength(7);
  });

  it('is Welsh in Welsh (not English left in)', () => {
    const same = Object.entries(en).filter(([id, english]) => (cy as Record<string, string>)[id] === english);
    // Only words that are the same in both languages may be equal: e-mail header names, "PDF"
    // and the name of the menu item Windows shows.
    expect(same.map(([id]) => id).sort()).toEqual(
      [
        'bundle.kind.pdf',
        'bundle.mail.bcc',
        'bundle.mail.cc',
        'bundle.mail.messageId',
        'viewer.html.extractAll',
        'viewer.js.mail.cc',
        'viewer.js.mail.message-id',
      ].sort(),
    );
  });

  it('never overclaims, in either language', () => {
    const all = [...Object.values(en), ...Object.values(cy)].join('\n').toLowerCase();
    for (const claim of [
      'legally admissible',
      'court-proof',
      'tamper-proof',
      'derbyniol yn gyfreithiol',
      'derbyniol yn y llys',
    ])
      expect(all).not.toContain(claim);
  });

  it('every id is used by the pack’s code', () => {
    const code = sources(PACK_DIR)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(en).filter((id) => !code.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('{a} of {b}', { a: 1 })).toBe('1 of {b}');
    expect(packText('cy')('pdf.footer', { packId: 'EVP-1', page: 2, pages: 3 })).toBe(
      'Pecyn achos EVP-1 — Tudalen 2 o 3',
    );
  });
});
