import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';

/**
 * Choosing several incidents on the timeline at once (issue 15, item 4): a checkbox per incident,
 * Shift-click (or Shift+Space) for the range from the last one ticked, Ctrl/Cmd-A within the list
 * for every incident it shows, Escape to clear. `order` is the incidents the list shows, in its
 * order; a chosen incident the filters hide stays chosen (the bar says how many are out of view).
 */
export interface BulkSelection {
  selected: readonly string[];
  isSelected(id: string): boolean;
  /** The checkbox's click: a plain click toggles; with Shift, the range from the anchor takes the anchor's state. */
  onCheckboxClick(id: string, e: MouseEvent<HTMLInputElement>): void;
  /** The checkbox's keys: Shift+Space for a range. */
  onCheckboxKeyDown(id: string, e: KeyboardEvent<HTMLInputElement>): void;
  /** The list's keys: Ctrl/Cmd-A chooses every incident shown, Escape clears (not inside a text field). */
  onListKeyDown(e: KeyboardEvent<HTMLElement>): void;
  selectAll(): void;
  clear(): void;
  /** Keep only these (e.g. after some were deleted). */
  keepOnly(ids: readonly string[]): void;
}

export function useBulkSelection(order: readonly string[]): BulkSelection {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const orderRef = useRef(order);
  orderRef.current = order;

  const toggle = useCallback((id: string, range: boolean) => {
    setChosen((prev) => {
      const next = new Set(prev);
      const list = orderRef.current;
      const from = anchor.current !== null ? list.indexOf(anchor.current) : -1;
      const to = list.indexOf(id);
      if (range && from >= 0 && to >= 0) {
        const on = prev.has(anchor.current!);
        const [a, b] = from < to ? [from, to] : [to, from];
        for (const x of list.slice(a, b + 1)) {
          if (on) next.add(x);
          else next.delete(x);
        }
      } else {
        if (next.has(id)) next.delete(id);
        else next.add(id);
        anchor.current = id;
      }
      return next;
    });
  }, []);

  const selectAll = useCallback(() => setChosen(new Set(orderRef.current)), []);
  const clear = useCallback(() => {
    anchor.current = null;
    setChosen(new Set());
  }, []);

  return useMemo<BulkSelection>(
    () => ({
      selected: [...chosen],
      isSelected: (id) => chosen.has(id),
      onCheckboxClick: (id, e) => {
        // The box is controlled: the state decides what is shown (the range included).
        toggle(id, e.shiftKey);
      },
      onCheckboxKeyDown: (id, e) => {
        if (e.key === ' ' && e.shiftKey) {
          e.preventDefault();
          toggle(id, true);
        }
      },
      onListKeyDown: (e) => {
        const t = e.target as HTMLElement;
        if (t.tagName === 'INPUT' && (t as HTMLInputElement).type !== 'checkbox') return;
        if (t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable) return;
        if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a') {
          e.preventDefault();
          selectAll();
        } else if (e.key === 'Escape' && chosen.size > 0) {
          // One Escape clears the choice; quick exit (Escape twice) still works from the shell.
          clear();
        }
      },
      selectAll,
      clear,
      keepOnly: (ids) => setChosen((prev) => new Set([...prev].filter((x) => ids.includes(x)))),
    }),
    [chosen, toggle, selectAll, clear],
  );
}
