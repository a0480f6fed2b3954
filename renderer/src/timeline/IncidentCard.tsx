import { memo } from 'react';
import { excerpt } from '../../../shared/timeline.js';
import { CategoryChips, EscalationBadge, exhibitSummary } from '../components/Chips.js';
import { useDates } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import type { VaultData } from '../state.js';
import { numberTitle, type RowFacts, type RowSelection } from './facts.js';
import { ReportStates } from './ReportStates.js';

/**
 * One incident as a card on the timeline, in two tight lines so that six or more fit in a
 * 1280×800 window: its number; its title, categories, escalation and the first line of what
 * happened (cut to what fits); its time, who is believed responsible and its exhibits by
 * reference; beside them, its tick box and both report states.
 */
export const IncidentCard = memo(function IncidentCard({
  facts,
  go,
  selected,
  selectBox,
}: { facts: RowFacts; go: VaultData['go'] } & RowSelection) {
  const t = useT();
  const dates = useDates();
  const { item, number } = facts;
  const { incident, escalated } = item;
  const titleId = `t-${incident.id}`;
  return (
    <article
      className={`entry${escalated ? ' escalated' : ''}${selected ? ' selected' : ''}`}
      aria-labelledby={titleId}
      data-incident={incident.id}
    >
      <span className="entry-no" title={numberTitle(t, number)}>
        <span className="visually-hidden">{t('timeline.number')} </span>
        {number}
      </span>
      <div className="entry-body">
        <div className="entry-line">
          <h4 className="entry-title" id={titleId}>
            <button type="button" dir="auto" onClick={() => go({ name: 'incident', id: incident.id })}>
              {incident.title}
            </button>
          </h4>
          <CategoryChips incident={incident} />
          {escalated ? <EscalationBadge /> : null}
          {incident.description ? (
            <p className="entry-desc" dir="auto">
              <span>{excerpt(incident.description, 1, 160)}</span>
            </p>
          ) : null}
        </div>
        <p className="entry-facts">
          <span className="entry-time">{dates.time(incident.occurredAt)}</span>
          <span>
            <span className="fact-label">{t('timeline.believed-responsible')}</span>{' '}
            {facts.responsible.length > 0 ? (
              <span dir="auto">{facts.responsible.join(', ')}</span>
            ) : (
              t('timeline.not-named-lower')
            )}
          </span>
          <span>
            {exhibitSummary(incident, t)}
            {facts.exhibitCount > 0 ? ` · ${facts.exhibits}` : ''}
          </span>
        </p>
      </div>
      <div className="entry-meta">
        {selectBox}
        <ReportStates facts={facts} />
      </div>
    </article>
  );
});
