import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CATEGORY_IDS, CHANNEL_KINDS } from '../../../shared/model.js';
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
import { Msg, useT } from '../i18n/index.js';
import { useDates } from '../i18n/format.js';
import { useWords } from '../i18n/words.js';
import '../timeline/timeline.css';

const TRI_STATES: readonly TriState[] = ['any', 'yes', 'no'];

let timelinePaintMarked = false;
/** Called at each unlock so the next first paint is marked again. */
export function resetTimelinePaintMark(): void {
  timelinePaintMarked = false;
}

export function Timeline() {
  const v = useVault();
  const t = useT();
  const words = useWords();
  const dates = useDates();
  const { filter, setFilter, settings } = v;
  const order = settings.timelineOrder;
  const view = settings.timelineView;
  const items = useMemo(() => filterIncidents(v.index, filter), [v.index, filter]);
  // The cards: a thin row for each month; each day's heading beside (or, when narrow, above) the
  // day's first card, in the same row, so that it takes no height of its own.
  const { rows, dayStarts } = useMemo(() => {
    const dayStarts = new Set<string>();
    if (view === 'chronology') {
      const list = order === 'oldest-first' ? items : [...items].reverse();
      return {
        rows: list.map((item): TimelineRow => ({ kind: 'incident', key: item.incident.id, item })),
        dayStarts,
      };
    }
    const all = buildTimelineRows(items, order);
    all.forEach((r, i) => {
      if (r.kind === 'incident' && all[i - 1]?.kind === 'day') dayStarts.add(r.key);
    });
    return { rows: all.filter((r) => r.kind !== 'day'), dayStarts };
  }, [items, order, view]);
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
      return r?.kind === 'month' ? 26 : 60;
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
  const facts = (item: IndexedIncident) =>
    rowFacts(item, numbers.get(item.incident.id) ?? 0, v.peopleById, v.cases, words.exhibitRefsText);
  const heading = (row: TimelineRow) => rowHeading(row, dates);
  const setView = (next: typeof view) => {
    if (next !== view) void v.updateSettings({ timelineView: next });
  };

  return (
    <>
      <div className="page-head timeline-head">
        <h1>{t('screen.timeline')}</h1>
        <div className="btn-row timeline-tools">
          <div className="segmented" role="group" aria-label={t('timeline.view')}>
            <button type="button" className="btn" aria-pressed={view === 'cards'} onClick={() => setView('cards')}>
              {t('timeline.cards')}
            </button>
            <button
              type="button"
              className="btn"
              aria-pressed={view === 'chronology'}
              onClick={() => setView('chronology')}
            >
              {t('timeline.chronology')}
            </button>
          </div>
          <label htmlFor="order" className="visually-hidden">
            {t('timeline.order')}
          </label>
          <select
            id="order"
            className="input"
            value={order}
            onChange={(e) => void v.updateSettings({ timelineOrder: e.target.value as typeof order })}
          >
            <option value="oldest-first">{t('timeline.oldest-first')}</option>
            <option value="newest-first">{t('timeline.newest-first')}</option>
          </select>
          {total > 0 ? (
            <button type="button" className="btn" onClick={() => window.print()}>
              {/* One flex item, so that the button's gap does not part "Argraffu" from "’r gronoleg". */}
              <span>
                <Msg id="timeline.print" values={{ wide: (c) => <span className="wide-only">{c}</span> }} />
              </span>
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
      <search className={moreOpen ? 'filters open' : 'filters'} aria-label={t('timeline.filters')}>
        <div className="row filters-row">
          <div className="field search">
            <label htmlFor="q">{t('timeline.search')}</label>
            <input
              id="q"
              autoComplete="off"
              spellCheck={false}
              type="search"
              {...{ [PERF_ATTRS.search]: 'true' }}
              placeholder={t('timeline.search-placeholder')}
              value={filter.query}
              onChange={(e) => set({ query: e.target.value })}
            />
          </div>
          <ChoiceField
            id="f-category"
            label={t('timeline.category')}
            value={filter.categories[0] ?? ''}
            choices={CATEGORY_IDS}
            labels={words.category}
            blank={t('timeline.any-category')}
            onChange={(c) => set({ categories: c ? [c] : [] })}
          />
          <Field id="f-person" label={t('timeline.person')}>
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
            {t('timeline.more-filters')}
          </button>
        </div>
        {moreOpen ? (
          <div className="row filters-row" id="more-filters">
            <ChoiceField
              id="f-channel"
              label={t('timeline.channel')}
              value={filter.channel ?? ''}
              choices={CHANNEL_KINDS}
              labels={words.channel}
              blank={t('timeline.any-way')}
              onChange={(c) => set({ channel: c || null })}
            />
            <TextField
              id="f-platform"
              label={t('timeline.platform')}
              value={filter.platform}
              onChange={(platform) => set({ platform })}
            />
            <TextField
              id="f-from"
              label={t('timeline.from')}
              type="date"
              value={filter.from}
              onChange={(from) => set({ from })}
            />
            <TextField
              id="f-to"
              label={t('timeline.to')}
              type="date"
              value={filter.to}
              onChange={(to) => set({ to })}
            />
            <TriSelect
              id="f-police"
              label={t('timeline.police-filter')}
              value={filter.police ?? 'any'}
              labels={[t('timeline.either'), t('timeline.police-filter'), t('timeline.police-no')]}
              onChange={(police) => set({ police })}
            />
            <TriSelect
              id="f-escalation"
              label={t('timeline.escalation')}
              value={filter.escalation}
              labels={[t('timeline.either'), t('timeline.escalation-yes'), t('timeline.escalation-no')]}
              onChange={(escalation) => set({ escalation })}
            />
          </div>
        ) : null}
      </search>
      <div className="list-head">
        <p className="result-count" role="status" aria-live="polite">
          {isFilterEmpty(filter)
            ? t('timeline.incidents', { count: total })
            : t('timeline.showing', { shown: items.length, count: total })}
        </p>
        {!isFilterEmpty(filter) ? (
          <button className="btn-link" type="button" onClick={() => setFilter(EMPTY_FILTER)}>
            {t('timeline.clear-filters')}
          </button>
        ) : null}
        {view === 'cards' ? (
          <div className="scroll-place" aria-hidden="true">
            {placeLabel(rows, virtualizer.getVirtualItems(), virtualizer.scrollOffset ?? 0, heading)}
          </div>
        ) : (
          <p className="list-note" id="chrono-numbers">
            {t('timeline.numbers-note')}
          </p>
        )}
      </div>
      <BulkBar selection={bulk} shown={bulk.selected.filter((id) => listed.includes(id)).length} listRef={scroller} />
      <div
        className={view === 'chronology' ? 'scroller chrono-scroller' : 'scroller'}
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={t('timeline.list')}
        onKeyDown={bulk.onListKeyDown}
        {...{ [PERF_ATTRS.timelineScroller]: 'true' }}
      >
        {total === 0 ? (
          <div className="empty">
            <h2>{t('timeline.empty-heading')}</h2>
            <p>{t('timeline.empty-text')}</p>
            <p>{t('timeline.empty-more')}</p>
            <button className="btn btn-primary" type="button" onClick={() => v.go({ name: 'new', quick: true })}>
              {t('timeline.record')}
            </button>
          </div>
        ) : rows.length === 0 ? (
          <div className="empty">
            <p>{t('timeline.no-match')}</p>
          </div>
        ) : view === 'chronology' ? (
          <div
            className="chrono"
            role="table"
            aria-label={t('timeline.chronology')}
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
                      {heading(row)} <small>{t('timeline.incidents', { count: row.count })}</small>
                    </h2>
                  ) : row.kind === 'incident' ? (
                    <CardRow day={dayStarts.has(row.key) ? heading(row) : null}>
                      <IncidentCard facts={facts(row.item)} go={v.go} {...selection(row.item.incident, true)} />
                    </CardRow>
                  ) : null}
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

/** A card with the heading of the day it begins, beside it (above it when narrow). */
function CardRow({ day, children }: { day: string | null; children: ReactNode }) {
  return (
    <div className="day-group">
      <div className="day-side">{day ? <h3 className="day-head">{day}</h3> : null}</div>
      {children}
    </div>
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

/**
 * A row's heading in the window's language: a month's, or the day of an incident (or of a day
 * row). A month or day row's key holds its date as recorded ("m2019-11", "d2019-11-14":
 * shared/timeline.ts buildTimelineRows); its label is the English.
 */
function rowHeading(row: TimelineRow, dates: ReturnType<typeof useDates>): string {
  if (row.kind === 'incident') return dates.day(row.item.incident.occurredAt.date);
  const date = row.key.slice(1);
  return row.kind === 'month' ? dates.month(date) : dates.day(date);
}

/** Where the reader is in a long timeline: the day of the first row in view (empty at the top). */
function placeLabel(
  rows: TimelineRow[],
  items: { index: number; end: number }[],
  offset: number,
  heading: (row: TimelineRow) => string,
): string {
  if (offset < 40) return '';
  const first = items.find((vi) => vi.end > offset);
  const r = first ? rows[first.index] : undefined;
  return r ? heading(r) : '';
}
