/**
 * Performance marks and hooks shared by the renderer (which sets them) and the renderer benchmark
 * (bench/renderer.ts, which reads them with Playwright). Names are part of the contract: keep them.
 *
 * The renderer calls:
 *   perfMark(PERF_MARKS.unlockStart)      when the user submits the unlock form, before invoking 'vault.unlock'
 *   perfMark(PERF_MARKS.unlockDone)       when 'vault.unlock' answered ok (optional)
 *   perfMarkAfterPaint(PERF_MARKS.timelinePainted)
 *                                         once, when the timeline's first rows have been committed after an
 *                                         unlock (e.g. in a useEffect of the timeline list when it has data)
 *   perfMarkAfterPaint(PERF_MARKS.searchPainted, { query })
 *                                         each time the list has been re-rendered for a new search query
 *                                         (after any debounce), with the query it shows
 * and puts these attributes on its elements:
 *   PERF_ATTRS.timelineScroller  on the element that scrolls the timeline (the virtualiser's scroll parent)
 *   PERF_ATTRS.search            on the search <input>
 */
export const PERF_MARKS = {
  unlockStart: 'ev:unlock-start',
  unlockDone: 'ev:unlock-done',
  timelinePainted: 'ev:timeline-painted',
  searchPainted: 'ev:search-painted',
} as const;
export type PerfMarkName = (typeof PERF_MARKS)[keyof typeof PERF_MARKS];

/** data-* attributes (value "true") the benchmark uses to find the elements. */
export const PERF_ATTRS = {
  timelineScroller: 'data-ev-timeline-scroller',
  search: 'data-ev-search',
} as const;

/** performance.mark, where a Performance API exists (safe in Node and tests). */
export function perfMark(name: PerfMarkName, detail?: Record<string, unknown>): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(name, detail === undefined ? undefined : { detail });
}

/**
 * Mark once the current frame has painted: requestAnimationFrame, then a macrotask after it
 * (the frame is on screen by then). Falls back to an immediate mark where there is no rAF.
 */
export function perfMarkAfterPaint(name: PerfMarkName, detail?: Record<string, unknown>): void {
  if (typeof requestAnimationFrame !== 'function') {
    perfMark(name, detail);
    return;
  }
  requestAnimationFrame(() => {
    setTimeout(() => perfMark(name, detail), 0);
  });
}
