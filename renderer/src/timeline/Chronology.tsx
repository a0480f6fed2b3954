import { memo } from 'react';
import { createPortal } from 'react-dom';
import type { OccurredAt } from '../../../shared/model.js';
import { formatInstantShort } from '../format.js';
import { useT, type MessageId, type Translate } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
import type { VaultData } from '../state.js';
import { NUMBER_EXPLAINED, numberTitle, type RowFacts, type RowSelection } from './facts.js';

export const COLUMNS = [
  'timeline.col.no',
  'timeline.col.when',
  'timeline.col.what',
  'timeline.col.responsible',
  'timeline.col.exhibits',
  'timeline.col.police',
  'timeline.col.platform',
] as const satisfies readonly MessageId[];
/** The print's headings, in full. */
const PRINT_COLUMNS = [
  'timeline.col.no',
  'timeline.col.print-when',
  'timeline.col.what',
  'timeline.col.responsible',
  'timeline.col.exhibits',
  'timeline.col.print-police',
  'timeline.col.print-platform',
] as const satisfies readonly MessageId[];

/** The chronology's column headings (the first row of its table). */
export function ChronologyHead({ selectable }: { selectable: boolean }) {
  const t = useT();
  return (
    <div className={selectable ? 'chrono-row chrono-head selectable' : 'chrono-row chrono-head'} role="row">
      {selectable ? (
        <span role="columnheader" className="chrono-select">
          <span className="visually-hidden">{t('timeline.selected')}</span>
        </span>
      ) : null}
      {COLUMNS.map((c, i) => (
        <span key={c} role="columnheader" className={`chrono-c${i}`} title={i === 0 ? t(NUMBER_EXPLAINED) : undefined}>
          {t(c)}
        </span>
      ))}
    </div>
  );
}

/** Told the police: "Yes" and the references, "Not yet", or flagged when escalated and not yet told. */
function PoliceCell({ facts }: { facts: RowFacts }) {
  const t = useT();
  const { toldPolice, flagged } = facts.item;
  if (!toldPolice) {
    return flagged ? (
      <span className="badge badge-flag">{t('timeline.cell.not-yet-escalated')}</span>
    ) : (
      <span className="badge badge-unreported">{t('timeline.cell.not-yet')}</span>
    );
  }
  return (
    <>
      <span className="badge badge-reported">{t('timeline.cell.yes')}</span>
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
  const t = useT();
  if (!facts.item.toldPlatform) return <span className="badge badge-unreported">{t('timeline.cell.no')}</span>;
  return (
    <>
      <span className="badge badge-platform">{t('timeline.cell.yes')}</span>
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
  const text = useWords().ukDateTime(at);
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
  const t = useT();
  const { incident, escalated } = facts.item;
  const cls = `chrono-row${escalated ? ' escalated' : ''}${selectBox ? ' selectable' : ''}${selected ? ' selected' : ''}`;
  return (
    <div className={cls} role="row" aria-rowindex={rowIndex} data-incident={incident.id}>
      {selectBox ? (
        <span role="cell" className="chrono-select">
          {selectBox}
        </span>
      ) : null}
      <span role="cell" className="chrono-c0 chrono-no" title={numberTitle(t, facts.number)}>
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
            <span className="badge badge-escalation chrono-esc">{t('timeline.cell.escalation')}</span>
          </>
        ) : null}
      </span>
      <span role="cell" className="chrono-c3" dir="auto">
        {facts.responsible.length > 0 ? (
          facts.responsible.join(', ')
        ) : (
          <span className="muted">{t('timeline.cell.not-named')}</span>
        )}
      </span>
      <span role="cell" className="chrono-c4">
        {facts.exhibitCount === 0 ? <span className="muted">{t('timeline.cell.none')}</span> : facts.exhibits}
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

function policeWords(t: Translate, f: RowFacts): string {
  if (!f.item.toldPolice) return f.item.flagged ? t('timeline.print.not-yet-escalated') : t('timeline.cell.not-yet');
  return [t('timeline.cell.yes'), ...f.police].join('; ');
}
function platformWords(t: Translate, f: RowFacts): string {
  return f.item.toldPlatform ? [t('timeline.cell.yes'), ...f.platform].join('; ') : t('timeline.cell.no');
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
  const t = useT();
  const words = useWords();
  const lead = [
    producer ? t('timeline.print.kept', { producer }) : '',
    filtered ? t('timeline.print.filtered', { shown: rows.length, total }) : t('timeline.print.all', { total }),
    t('timeline.print.printed', { when: formatInstantShort(new Date().toISOString()) }),
  ];
  return createPortal(
    <section className="print-chronology printable" aria-label={t('timeline.print.label')}>
      <h1>{t('timeline.print.heading')}</h1>
      <p>{lead.filter((s) => s !== '').join(' ')}</p>
      <table className="table">
        <thead>
          <tr>
            {PRINT_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.item.incident.id}>
              <td>{f.number}</td>
              <td>{words.ukDateTime(f.item.incident.occurredAt)}</td>
              <td dir="auto">
                {f.item.incident.title}
                {f.item.escalated ? t('timeline.print.escalation') : ''}
              </td>
              <td dir="auto">{f.responsible.join(', ') || t('timeline.cell.not-named')}</td>
              <td>{f.exhibitCount === 0 ? t('timeline.cell.none') : f.exhibits}</td>
              <td dir="auto">{policeWords(t, f)}</td>
              <td dir="auto">{platformWords(t, f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>,
    document.body,
  );
}
