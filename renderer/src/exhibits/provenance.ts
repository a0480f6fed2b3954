/**
 * Small rules the exhibit screens share: the reference line, whether a file may be previewed, and
 * the police's handling advice for physical items.
 */
import type { Exhibit } from '../../../shared/model.js';

/** What the police advise for a physical item (shown on the form and on the item's page). */
export const HANDLING_ADVICE = 'Keep it in a paper envelope, not plastic; handle it by the edges; do not write on it.';

export const NO_REF_YET = 'No reference yet: set your initials in Settings';

/**
 * True when the import warned that the content is not what its name says ("This is a Windows
 * program named .png: it is kept sealed and never opened."): such a file is never opened here.
 */
export function contentMismatch(exhibit: Exhibit): boolean {
  if (exhibit.kind === 'physical') return false;
  return exhibit.warnings.some((w) => /\bnamed\b|does not match|never opened|not what its name/i.test(w));
}

/** "physical item, kept at …" (the list and the page say the same). */
export function keptAtLine(exhibit: Exhibit): string {
  return `physical item, kept at ${exhibit.physical?.keptAt || 'a place not given'}`;
}
