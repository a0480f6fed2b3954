/**
 * The case pack's own words (PDFs, README.txt, the viewer, portal captions, the key card) in the
 * pack's language: ./en.ts and ./cy.ts have the same ids (a Welsh id missing is a type error) and
 * the same {placeholders} (words.test.ts). Labels, "changed …" lines and the like shared with the
 * window come from shared/words.ts instead.
 */
import type { Language } from '../../../../shared/language.js';
import { words } from '../../../../shared/words.js';
import { cy } from './cy.js';
import { en, type PackId } from './en.js';

export type { PackId } from './en.js';
export type PackValues = Readonly<Record<string, string | number>>;
/** A pack word by id, its {placeholders} filled in. */
export type PackText = (id: PackId, values?: PackValues) => string;

export const PACK_CATALOGUES: Readonly<Record<Language, Readonly<Record<PackId, string>>>> = { en, cy };

/** "{n} of {m}" with n and m given; a placeholder without a value is left as it is. */
export function fill(template: string, values?: PackValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}

/** The pack's words in a language. */
export function packText(lang: Language = 'en'): PackText {
  const catalogue = PACK_CATALOGUES[lang];
  return (id, values) => fill(catalogue[id], values);
}

/** The {placeholders} a template uses, sorted. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/** "2.1 MB (2,202,009 bytes)" in a language (as casefile.ts humanBytes says it in English). */
export function humanSize(lang: Language, n: number): string {
  const w = words(lang);
  return n < 1024
    ? w.formatSize(n)
    : fill(PACK_CATALOGUES[lang]['pdf.bytes'], { size: w.formatSize(n), n: n.toLocaleString('en-GB') });
}
