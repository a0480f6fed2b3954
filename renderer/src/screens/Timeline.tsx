import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CATEGORY_IDS, CATEGORY_LABELS, CHANNEL_KINDS, CHANNEL_LABELS } from '../../../shared/model.js';
import {
  EMPTY_FILTER,
  buildTimelineRows,
  excerpt,
  filterIncidents,
  isFilterEmpty,
  timeLabel,
  type IncidentFilter,
  type TimelineRow,
  type TriState,
} from '../../../shared/timeline.js';
import { PERF_ATTRS, PERF_MARKS, perfMarkAfterPaint } from '../../../shared/perf.js';
import { useVault, type VaultData } from '../state.js';
import { CategoryChips, EscalationBadge, ToldBadges, exhibitSummary } from '../components/Chips.js';
import { PersonOptions } from '../components/PersonOptions.js';
import { ChoiceField, Field, TextField } from '../components/Field.js';
import { BulkBar } from '../agent/BulkBar.js';
import { SelectBox } from '../agent/SelectBox.js';
import { useBulkSelection, type BulkSelection } from '../agent/useBulkSelection.js';

const TRI_STATES: readonly TriState[] = ['any', 'yes', 'no'];

let timelinePaintMarked = false;
/** Called at each unlock so the next first paint is marked again. */
export function resetTimelinePaintMark(): void {
  timelinePaintMarked = false;
}

export function Timeline() {
  const v = useVault();
  const { filter, setFilter, settings } = v;
  const order = settings.timelineOrder;
  const items = useMemo(() => filterIncidents(v.index, filter), [v.index, filter]);
  const rows = useMemo(() => buildTimelineRows(items, order), [items, order]);
  const scroller = useRef<HTMLDivElement>(null);
  // Bulk changes (../agent/): the incidents in the list's order, for Shift-click ranges and Ctrl-A.
  const listed = useMemo(() => rows.flatMap((r) => (r.kind === 'incident' ? [r.item.incident.id] : [])), [rows]);
  const bulk = useBulkSelection(listed);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => {
      const r = rows[i];
      return r?.kind === 'month' ? 58 : r?.kind === 'day' ? 42 : 124;
    },
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 8,
  });

  useEffect(() => {
    if (!timelinePaintMarked) {
      timelinePaintMarked = true;
      perfMarkAfterPaint(PERF_MARKS.timelinePainted, { incidents: v.index.length });
    }
  }, [v.index.length]);

  const firstQuery = useRef(true);
  useEffect(() => {
    if (firstQuery.current) {
      firstQuery.current = false;
      return;
    }
    perfMarkAfterPaint(PERF_MARKS.searchPainted, { query: filter.query, results: items.length });
  }, [items, filter.query]);

  const set = (patch: Partial<IncidentFilter>) => setFilter({ ...filter, ...patch });
  const [moreOpen, setMoreOpen] = useState(
    () => !isFilterEmpty({ ...filter, query: '', categories: [], personId: null }),
  );
  const total = v.index.length;

  return (
    <>
      <div className="page-head">
        <h1>Timeline</h1>
        <div className="btn-row">
          <label htmlFor="order" className="visually-hidden">
            Order
          </label>
          <select
            id="order"
            className="input"
            value={order}
            onChange={(e) => void v.updateSettings({ timelineOrder: e.target.value as typeof order })}
          >
            <option value="oldest-first">Oldest first</option>
            <option value="newest-first">Newest first</option>
          </select>
        </div>
      </div>
      <search className="filters" aria-label="Search and filter incidents">
        <div className="row">
          <div className="field search">
            <label htmlFor="q">Search</label>
            <input
              id="q"
              autoComplete="off"
              spellCheck={false}
              type="search"
              {...{ [PERF_ATTRS.search]: 'true' }}
              placeholder="Words, names, notes, file names…"
              value={filter.query}
              onChange={(e) => set({ query: e.target.value })}
            />
          </div>
          <ChoiceField
            id="f-category"
            label="Category"
            value={filter.categories[0] ?? ''}
            choices={CATEGORY_IDS}
            labels={CATEGORY_LABELS}
            blank="Any category"
            onChange={(c) => set({ categories: c ? [c] : [] })}
          />
          <Field id="f-person" label="Person">
            <select
              id="f-person"
              value={filter.personId ?? ''}
              onChange={(e) => set({ personId: e.target.value || null })}
            >
              <PersonOptions people={v.people} />
            </select>
          </Field>
        </div>
        <details open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
          <summary>More filters</summary>
          <div className="row">
            <ChoiceField
              id="f-channel"
              label="How it reached you"
              value={filter.channel ?? ''}
              choices={CHANNEL_KINDS}
              labels={CHANNEL_LABELS}
              blank="Any way"
              onChange={(c) => set({ channel: c || null })}
            />
            <TextField
              id="f-platform"
              label="Platform or app"
              value={filter.platform}
              onChange={(platform) => set({ platform })}
            />
            <TextField id="f-from" label="From" type="date" value={filter.from} onChange={(from) => set({ from })} />
            <TextField id="f-to" label="To" type="date" value={filter.to} onChange={(to) => set({ to })} />
            <TriSelect
              id="f-police"
              label="Told the police"
              value={filter.police ?? 'any'}
              labels={['Either', 'Told the police', 'Not yet told the police']}
              onChange={(police) => set({ police })}
            />
            <TriSelect
              id="f-escalation"
              label="Escalation signals"
              value={filter.escalation}
              labels={['Either', 'Has escalation signals', 'No escalation signals']}
              onChange={(escalation) => set({ escalation })}
            />
          </div>
        </details>
      </search>
      <div className="page-head">
        <p className="result-count" role="status" aria-live="polite">
          {isFilterEmpty(filter)
            ? `${total} incident${total === 1 ? '' : 's'}`
            : `Showing ${items.length} of ${total} incident${total === 1 ? '' : 's'}`}
        </p>
        {!isFilterEmpty(filter) ? (
          <button className="btn-link" type="button" onClick={() => setFilter(EMPTY_FILTER)}>
            Clear search and filters
          </button>
        ) : null}
      </div>
      <BulkBar selection={bulk} shown={bulk.selected.filter((id) => listed.includes(id)).length} listRef={scroller} />
      <div className="scroll-place" aria-hidden="true">
        {placeLabel(rows, virtualizer.getVirtualItems(), virtualizer.scrollOffset ?? 0)}
      </div>
      <div
        className="scroller"
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label="Incidents"
        onKeyDown={bulk.onListKeyDown}
        {...{ [PERF_ATTRS.timelineScroller]: 'true' }}
      >
        {total === 0 ? (
          <div className="empty">
            <h2>Nothing recorded yet</h2>
            <p>When something happens, write it down here as soon as you can — even just when and what happened.</p>
            <button className="btn btn-primary" type="button" onClick={() => v.go({ name: 'new', quick: true })}>
              Record an incident
            </button>
          </div>
        ) : rows.length === 0 ? (
          <div className="empty">
            <p>No incident matches. Try fewer words or clear the filters.</p>
          </div>
        ) : (
          <div className="vlist" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((vi) => {
              const row = rows[vi.index];
              if (!row) return null;
              return (
                <div
                  key={vi.key}
                  className="vrow"
                  data-index={vi.index}
                  ref={virtualizer.measureElement}
                  style={{ transform: `translateY(${vi.start}px)` }}
                >
                  <Row
                    row={row}
                    go={v.go}
                    bulk={bulk}
                    checked={row.kind === 'incident' && bulk.isSelected(row.item.incident.id)}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </>
  );
}

function TriSelect({
  id,
  label,
  value,
  labels,
  onChange,
}: {
  id: string;
  label: string;
  value: TriState;
  labels: [string, string, string];
  onChange(v: TriState): void;
}) {
  return (
    <ChoiceField
      id={id}
      label={label}
      value={value}
      choices={TRI_STATES}
      labels={{ any: labels[0], yes: labels[1], no: labels[2] }}
      onChange={(v) => onChange(v || 'any')}
    />
  );
}

const Row = memo(function Row({
  row,
  go,
  bulk,
}: {
  row: TimelineRow;
  go: VaultData['go'];
  bulk: BulkSelection;
  /** Only so the row draws again when its box changes. */
  checked: boolean;
}) {
  if (row.kind === 'month') {
    return (
      <h2 className="month-head">
        {row.label} <small>{row.count === 1 ? '1 incident' : `${row.count} incidents`}</small>
      </h2>
    );
  }
  if (row.kind === 'day') return <h3 className="day-head">{row.label}</h3>;
  const { incident, escalated, toldPolice, toldPlatform, flagged } = row.item;
  const titleId = `t-${incident.id}`;
  return (
    <article className={escalated ? 'entry escalated' : 'entry'} aria-labelledby={titleId}>
      <div className="entry-time">{timeLabel(incident.occurredAt)}</div>
      <div>
        <h4 className="entry-title" id={titleId}>
          <button type="button" onClick={() => go({ name: 'incident', id: incident.id })}>
            {incident.title}
          </button>
        </h4>
        <CategoryChips incident={incident} />
        {incident.description ? <p className="entry-desc">{excerpt(incident.description)}</p> : null}
      </div>
      <div className="entry-meta">
        <SelectBox id={incident.id} title={incident.title} selection={bulk} />
        {escalated ? <EscalationBadge /> : null}
        <ToldBadges toldPolice={toldPolice} toldPlatform={toldPlatform} flagged={flagged} />
        <span className="hint">{exhibitSummary(incident)}</span>
      </div>
    </article>
  );
});

/** Where the reader is in a long timeline: the day of the first row in view (empty at the top). */
function placeLabel(rows: TimelineRow[], items: { index: number; end: number }[], offset: number): string {
  if (offset < 40) return '';
  const first = items.find((vi) => vi.end > offset);
  if (!first) return '';
  for (let i = first.index; i >= 0; i--) {
    const r = rows[i];
    if (r?.kind === 'day' || r?.kind === 'month') return r.label;
  }
  return '';
}
