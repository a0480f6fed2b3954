/**
 * Small rules the exhibit screens share: whether a file may be previewed, and where a physical
 * item is kept. (The police's handling advice is 'exhibits.handling-advice' in the catalogue.)
 */
import type { Exhibit } from '../../../shared/model.js';
import type { Translate } from '../i18n/index.js';

/**
 * True when the import warned that the content is not what its name says ("This is a Windows
 * program named .png: it is kept sealed and never opened."): such a file is never opened here.
 */
export function contentMismatch(exhibit: Exhibit): boolean {
  if (exhibit.kind === 'physical') return false;
  return exhibit.warnings.some((w) => /\bnamed\b|does not match|never opened|not what its name/i.test(w));
}

/** Where a physical item is kept, or that it was not given (the list and the page say the same). */
export function keptAtPlace(exhibit: Exhibit, t: Translate): string {
  return exhibit.physical?.keptAt || t('exhibits.kept-at-none');
}

/** "physical item, kept at …" (the list and the page say the same). */
export function keptAtLine(exhibit: Exhibit, t: Translate): string {
  return t('exhibits.kept-at', { place: keptAtPlace(exhibit, t) });
}
