import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CATEGORY_IDS, CATEGORY_LABELS, CHANNEL_KINDS, CHANNEL_LABELS } from '../../../shared/model.js';
import {
  EMPTY_FILTER,
  buildTimelineRows,
  filterIncidents,
  isFilterEmpty,
  type IncidentFilter,
  type IndexedIncident,
  type TimelineRow,
  type TriState,
} from '../../../shared/timeline.js';
import { PERF_ATTRS, PERF_MARKS, perfMarkAfterPaint } from '../../../shared/perf.js';
import { recordNumbers } from '../../../shared/chronology.js';
import { useVault } from '../state.js';
import { PersonOptions } from '../components/PersonOptions.js';
import { ChoiceField, Field, TextField } from '../components/Field.js';
import { BulkBar } from '../agent/BulkBar.js';
import { SelectBox } from '../agent/SelectBox.js';
import { useBulkSelection } from '../agent/useBulkSelection.js';
import { rowFacts, type RowSelection } from '../timeline/facts.js';
import { IncidentCard } from '../timeline/IncidentCard.js';
import { ChronologyHead, ChronologyRow, PrintChronology } from '../timeline/Chronology.js';
import { TodoPanel } from '../timeline/TodoPanel.js';
import { FirstRun, firstRunActive } from '../timeline/FirstRun.js';
import '../timeline/timeline.css';

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
  const view = settings.timelineView;
  const items = useMemo(() => filterIncidents(v.index, filter), [v.index, filter]);
  const rows = useMemo(
    () =>
      view === 'chronology'
        ? (order === 'oldest-first' ? items : [...items].reverse()).map((item): TimelineRow => ({
            kind: 'incident',
            key: item.incident.id,
            item,
          }))
        : buildTimelineRows(items, order),
    [items, order, view],
  );
  // Each incident's number: its place in the whole record (never in the filtered list).
  const numbers = useMemo(() => recordNumbers(v.index), [v.index]);
  const scroller = useRef<HTMLDivElement>(null);
  // Bulk changes (../agent/): the incidents in the list's order, for Shift-click ranges and Ctrl-A.
  const listed = useMemo(() => rows.flatMap((r) => (r.kind === 'incident' ? [r.item.incident.id] : [])), [rows]);
  const bulk = useBulkSelection(listed);
  const selection = (incident: { id: string; title: string }, compact = false): RowSelection => ({
    selected: bulk.isSelected(incident.id),
    selectBox: <SelectBox id={incident.id} title={incident.title} selection={bulk} compact={compact} />,
  });

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => {
      const r = rows[i];
      if (view === 'chronology') return 52;
      return r?.kind === 'month' ? 40 : r?.kind === 'day' ? 30 : 92;
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

  // Printing (the button, or the browser's own Print): the whole of what is shown, as one table.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  const set = (patch: Partial<IncidentFilter>) => setFilter({ ...filter, ...patch });
  const [moreOpen, setMoreOpen] = useState(
    () => !isFilterEmpty({ ...filter, query: '', categories: [], personId: null }),
  );
  const total = v.index.length;
  const facts = (item: IndexedIncident) => rowFacts(item, numbers.get(item.incident.id) ?? 0, v.peopleById, v.cases);
  const setView = (next: typeof view) => {
    if (next !== view) void v.updateSettings({ timelineView: next });
  };

  return (
    <>
      <div className="page-head timeline-head">
        <h1>Timeline</h1>
        <div className="btn-row timeline-tools">
          <div className="segmented" role="group" aria-label="View">
            <button type="button" className="btn" aria-pressed={view === 'cards'} onClick={() => setView('cards')}>
              Cards
            </button>
            <button
              type="button"
              className="btn"
              aria-pressed={view === 'chronology'}
              onClick={() => setView('chronology')}
            >
              Chronology
            </button>
          </div>
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
          {total > 0 ? (
            <button type="button" className="btn" onClick={() => window.print()}>
              Print<span className="wide-only"> the chronology</span>
            </button>
          ) : null}
        </div>
      </div>
      {firstRunActive(v) ? (
        <FirstRun />
      ) : (
        <TodoPanel
          onShowList={() => {
            setMoreOpen(true);
            requestAnimationFrame(() => scroller.current?.focus());
          }}
        />
      )}
      <search className={moreOpen ? 'filters open' : 'filters'} aria-label="Search and filter incidents">
        <div className="row filters-row">
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
          <button
            type="button"
            className="btn more-filters"
            aria-expanded={moreOpen}
            aria-controls="more-filters"
            onClick={() => setMoreOpen(!moreOpen)}
          >
            More filters
          </button>
        </div>
        {moreOpen ? (
          <div className="row filters-row" id="more-filters">
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
        ) : null}
      </search>
      <div className="list-head">
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
        {view === 'cards' ? (
          <div className="scroll-place" aria-hidden="true">
            {placeLabel(rows, virtualizer.getVirtualItems(), virtualizer.scrollOffset ?? 0)}
          </div>
        ) : (
          <p className="list-note" id="chrono-numbers">
            No.: each incident’s place in your whole record, oldest first (filters never change it).
          </p>
        )}
      </div>
      <BulkBar selection={bulk} shown={bulk.selected.filter((id) => listed.includes(id)).length} listRef={scroller} />
      <div
        className={view === 'chronology' ? 'scroller chrono-scroller' : 'scroller'}
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
            <p>
              Each incident you record shows here, oldest first, with its number, its exhibits and whether you have told
              the police and the platform.
            </p>
            <button className="btn btn-primary" type="button" onClick={() => v.go({ name: 'new', quick: true })}>
              Record an incident
            </button>
          </div>
        ) : rows.length === 0 ? (
          <div className="empty">
            <p>No incident matches. Try fewer words or clear the filters.</p>
          </div>
        ) : view === 'chronology' ? (
          <div
            className="chrono"
            role="table"
            aria-label="Chronology"
            aria-describedby="chrono-numbers"
            aria-rowcount={rows.length + 1}
          >
            <div role="rowgroup" className="chrono-thead">
              <ChronologyHead selectable />
            </div>
            <div role="rowgroup" className="vlist" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((vi) => {
                const row = rows[vi.index];
                if (row?.kind !== 'incident') return null;
                return (
                  <div
                    key={vi.key}
                    className="vrow"
                    data-index={vi.index}
                    ref={virtualizer.measureElement}
                    style={{ transform: `translateY(${vi.start}px)` }}
                  >
                    <ChronologyRow
                      facts={facts(row.item)}
                      go={v.go}
                      rowIndex={vi.index + 2}
                      {...selection(row.item.incident, true)}
                    />
                  </div>
                );
              })}
            </div>
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
                  {row.kind === 'month' ? (
                    <h2 className="month-head">
                      {row.label} <small>{row.count === 1 ? '1 incident' : `${row.count} incidents`}</small>
                    </h2>
                  ) : row.kind === 'day' ? (
                    <h3 className="day-head">{row.label}</h3>
                  ) : (
                    <IncidentCard facts={facts(row.item)} go={v.go} {...selection(row.item.incident)} />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {printing ? (
        <PrintChronology
          rows={rows.flatMap((r) => (r.kind === 'incident' ? [facts(r.item)] : []))}
          total={total}
          filtered={!isFilterEmpty(filter)}
          producer={settings.producerName}
        />
      ) : null}
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
