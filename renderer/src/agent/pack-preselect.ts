/**
 * Incidents chosen on the timeline for a case pack ("Put in a case pack" on the bulk bar): the
 * export wizard opens with exactly these ticked. Renderer memory only, taken once.
 */
let chosen: readonly string[] | null = null;

export function setPackPreselection(ids: readonly string[]): void {
  chosen = [...ids];
}

/** Whether the case-pack screen should open the export wizard straight away. */
export function hasPackPreselection(): boolean {
  return chosen !== null;
}

/** The chosen ids, once (null when none were chosen). */
export function takePackPreselection(): readonly string[] | null {
  const c = chosen;
  chosen = null;
  return c;
}
