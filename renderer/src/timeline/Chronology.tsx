import { memo } from 'react';
import { createPortal } from 'react-dom';
import { ukDateTime } from '../../../shared/chronology.js';
import type { OccurredAt } from '../../../shared/model.js';
import { formatInstantShort } from '../format.js';
import type { VaultData } from '../state.js';
import { NUMBER_EXPLAINED, numberTitle, type RowFacts, type RowSelection } from './facts.js';

export const COLUMNS = [
  'No.',
  'Date and time',
  'What happened',
  'Believed responsible',
  'Exhibits',
  'Told police',
  'Told platform',
] as const;
/** The print's headings, in full. */
const PRINT_COLUMNS = [
  'No.',
  'Date and time (as recorded)',
  'What happened',
  'Believed responsible',
  'Exhibits',
  'Told the police (reference)',
  'Told the platform (reference)',
] as const;

/** The chronology's column headings (the first row of its table). */
export function ChronologyHead({ selectable }: { selectable: boolean }) {
  return (
    <div className={selectable ? 'chrono-row chrono-head selectable' : 'chrono-row chrono-head'} role="row">
      {selectable ? (
        <span role="columnheader" className="chrono-select">
          <span className="visually-hidden">Selected</span>
        </span>
      ) : null}
      {COLUMNS.map((c, i) => (
        <span key={c} role="columnheader" className={`chrono-c${i}`} title={i === 0 ? NUMBER_EXPLAINED : undefined}>
          {c}
        </span>
      ))}
    </div>
  );
}

/** Told the police: "Yes" and the references, "Not yet", or flagged when escalated and not yet told. */
function PoliceCell({ facts }: { facts: RowFacts }) {
  const { toldPolice, flagged } = facts.item;
  if (!toldPolice) {
    return flagged ? (
      <span className="badge badge-flag">Not yet: escalated</span>
    ) : (
      <span className="badge badge-unreported">Not yet</span>
    );
  }
  return (
    <>
      <span className="badge badge-reported">Yes</span>
      {facts.police.map((r) => (
        <span key={r} className="ref-line" dir="auto">
          {r}
        </span>
      ))}
    </>
  );
}

/** Told the platform: "Yes" and the references, or "No". */
function PlatformCell({ facts }: { facts: RowFacts }) {
  if (!facts.item.toldPlatform) return <span className="badge badge-unreported">No</span>;
  return (
    <>
      <span className="badge badge-platform">Yes</span>
      {facts.platform.map((r) => (
        <span key={r} className="ref-line" dir="auto">
          {r}
        </span>
      ))}
    </>
  );
}

/** "03/03/2022 22:20" over "(UTC+01:00)"; a date alone says the time is not known. */
function WhenText({ at }: { at: OccurredAt }) {
  const text = ukDateTime(at);
  const cut = text.indexOf(' (');
  const comma = text.indexOf(', ');
  const split = cut > 0 ? cut : comma;
  if (split < 0) return <>{text}</>;
  return (
    <>
      <span className="when-date">{text.slice(0, split).replace(/(\d{4}) (\d{2}:\d{2})/, '$1\u00a0$2')}</span>{' '}
      <span className="when-zone">{text.slice(split + (cut > 0 ? 1 : 2))}</span>
    </>
  );
}

/** One incident as a row of the chronology. */
export const ChronologyRow = memo(function ChronologyRow({
  facts,
  go,
  rowIndex,
  selected,
  selectBox,
}: { facts: RowFacts; go: VaultData['go']; rowIndex: number } & RowSelection) {
  const { incident, escalated } = facts.item;
  const cls = `chrono-row${escalated ? ' escalated' : ''}${selectBox ? ' selectable' : ''}${selected ? ' selected' : ''}`;
  return (
    <div className={cls} role="row" aria-rowindex={rowIndex} data-incident={incident.id}>
      {selectBox ? (
        <span role="cell" className="chrono-select">
          {selectBox}
        </span>
      ) : null}
      <span role="cell" className="chrono-c0 chrono-no" title={numberTitle(facts.number)}>
        {facts.number}
      </span>
      <span role="cell" className="chrono-c1">
        <WhenText at={incident.occurredAt} />
      </span>
      <span role="cell" className="chrono-c2">
        <button
          type="button"
          className="chrono-title"
          dir="auto"
          onClick={() => go({ name: 'incident', id: incident.id })}
        >
          {incident.title}
        </button>
        {escalated ? (
          <>
            {' '}
            <span className="badge badge-escalation chrono-esc">Escalation signal</span>
          </>
        ) : null}
      </span>
      <span role="cell" className="chrono-c3" dir="auto">
        {facts.responsible.length > 0 ? facts.responsible.join(', ') : <span className="muted">Not named</span>}
      </span>
      <span role="cell" className="chrono-c4">
        {facts.exhibitCount === 0 ? <span className="muted">None</span> : facts.exhibits}
      </span>
      <span role="cell" className="chrono-c5">
        <PoliceCell facts={facts} />
      </span>
      <span role="cell" className="chrono-c6">
        <PlatformCell facts={facts} />
      </span>
    </div>
  );
});

function policeWords(f: RowFacts): string {
  if (!f.item.toldPolice) return f.item.flagged ? 'Not yet (escalated)' : 'Not yet';
  return ['Yes', ...f.police].join('; ');
}
function platformWords(f: RowFacts): string {
  return f.item.toldPlatform ? ['Yes', ...f.platform].join('; ') : 'No';
}

/**
 * The chronology as one plain table, every row of what is shown (not only those on screen), for
 * printing: rendered into the page only while printing (styles.css hides the app then).
 */
export function PrintChronology({
  rows,
  total,
  filtered,
  producer,
}: {
  rows: RowFacts[];
  total: number;
  filtered: boolean;
  producer: string;
}) {
  return createPortal(
    <section className="print-chronology printable" aria-label="Chronology for printing">
      <h1>Chronology of incidents</h1>
      <p>
        {producer ? <>Kept by {producer}. </> : null}
        {filtered ? `${rows.length} of ${total} incidents (filtered). ` : `${total} incidents. `}
        Printed {formatInstantShort(new Date().toISOString())}. Numbers are each incident’s place in the whole record,
        oldest first. Dates and times as recorded where it happened.
      </p>
      <table className="table">
        <thead>
          <tr>
            {PRINT_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.item.incident.id}>
              <td>{f.number}</td>
              <td>{ukDateTime(f.item.incident.occurredAt)}</td>
              <td dir="auto">
                {f.item.incident.title}
                {f.item.escalated ? ' (escalation signal)' : ''}
              </td>
              <td dir="auto">{f.responsible.join(', ') || 'Not named'}</td>
              <td>{f.exhibitCount === 0 ? 'None' : f.exhibits}</td>
              <td dir="auto">{policeWords(f)}</td>
              <td dir="auto">{platformWords(f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>,
    document.body,
  );
}
