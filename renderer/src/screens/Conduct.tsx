import { useEffect, useMemo, useRef, useState } from 'react';
import { personIdentifiers, personName } from '../../../shared/model.js';
import { groupByPerson } from '../../../shared/timeline.js';
import { useVault } from '../state.js';
import { EscalationBadge } from '../components/Chips.js';
import { PersonForm } from '../components/PersonForm.js';
import { RemovePerson } from '../components/RemovePerson.js';
import { HistoryDialog } from '../history/HistoryDialog.js';
import { MergePerson } from '../components/MergePerson.js';
import { useT, type Translate } from '../i18n/index.js';
import { useDates } from '../i18n/format.js';
import { useDraftKeys } from '../components/FormDraft.js';

/** Course of conduct: harassment and stalking are proved by a pattern, so show each person's incidents together. */
export function Conduct() {
  const v = useVault();
  const t = useT();
  const dates = useDates();
  const groups = useMemo(() => {
    const linked = groupByPerson(v.index, v.people);
    const seen = new Set(linked.map((g) => g.person?.id));
    // People recorded but not yet linked to an incident, so their details can still be completed.
    const unlinked = v.people
      .filter((p) => !seen.has(p.id))
      .map((person) => ({ person, items: [], first: '', last: '', escalated: 0, effects: [] }));
    return [...linked, ...unlinked];
  }, [v.index, v.people]);
  // For people responsible for nothing: how many incidents name them as a witness.
  const witnessed = useMemo(() => {
    const counts = new Map<string, number>();
    for (const x of v.index) for (const id of x.incident.witnessIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }, [v.index]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a person is removed their section (and its dialog) is gone: the page heading takes the
  // focus, once the page without them is on screen (the heading is inert while the dialog is open).
  const [removed, setRemoved] = useState(0);
  const [historyOf, setHistoryOf] = useState<{ id: string; name: string } | null>(null);
  useEffect(() => {
    if (removed > 0) heading.current?.focus();
  }, [removed]);
  // A person's details left unsaved (a lock, or kept as a draft): their form opens again with it.
  const drafts = useDraftKeys((k) => k.startsWith('person:'));
  useEffect(() => {
    const id = drafts?.map((k) => k.slice('person:'.length)).find((pid) => v.people.some((p) => p.id === pid));
    if (id) setEditing((e) => e ?? id);
    // Once, when the drafts are known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drafts]);
  /** After the details form closes, the focus goes back to its "Edit details" button. */
  const [closedForm, setClosedForm] = useState<string | null>(null);
  useEffect(() => {
    if (!closedForm) return;
    document.getElementById(`edit-person-${closedForm}`)?.focus();
    setClosedForm(null);
  }, [closedForm]);
  const LIMIT = 50;
  return (
    <div className="page-narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('conduct.heading')}
      </h1>
      <p className="lead">{t('conduct.lead')}</p>
      {groups.length === 0 ? (
        <div className="empty">
          <p>{t('conduct.empty')}</p>
          <p>{t('conduct.empty-more')}</p>
          <button className="btn btn-primary" type="button" onClick={() => v.go({ name: 'new', quick: true })}>
            {t('conduct.record')}
          </button>
        </div>
      ) : null}
      {groups.map((g) => {
        const name = g.person ? personName(g.person) : t('conduct.not-named');
        const key = g.person?.id ?? 'none';
        const headingId = `cg-${key}`;
        return (
          <section key={g.person?.id ?? 'none'} className="card conduct-group" aria-labelledby={headingId}>
            <h2 id={headingId} dir="auto">
              {name}
            </h2>
            {g.person && personIdentifiers(g.person).length > 0 ? (
              <p className="hint" dir="auto">
                {t('conduct.also-known-as', {
                  names: personIdentifiers(g.person)
                    .map((i) =>
                      [i.handle || i.url || i.accountId, i.platform && `(${i.platform})`].filter(Boolean).join(' '),
                    )
                    .join(', '),
                })}
              </p>
            ) : null}
            {g.person?.basis ? (
              <p className="hint" dir="auto">
                {t('conduct.basis', { basis: g.person.basis })}
              </p>
            ) : null}
            {g.person?.description ? (
              <p className="prose" dir="auto">
                {g.person.description}
              </p>
            ) : null}
            {g.items.length === 0 ? (
              <p>{witnessText(t, witnessed.get(g.person?.id ?? '') ?? 0)}</p>
            ) : (
              <p>
                <strong>{t('conduct.count', { count: g.items.length })}</strong>{' '}
                {g.first === g.last
                  ? t('conduct.on', { day: dates.day(g.first) })
                  : t('conduct.from-to', { first: dates.day(g.first), last: dates.day(g.last) })}
                {g.escalated > 0 ? t('conduct.escalated', { count: g.escalated }) : ''}.
              </p>
            )}
            {g.items.length > 0 ? (
              <ol>
                {(expanded.has(key) ? g.items : g.items.slice(0, LIMIT)).map((x) => (
                  <li key={x.incident.id}>
                    <button
                      type="button"
                      className="btn-link"
                      onClick={() => v.go({ name: 'incident', id: x.incident.id })}
                    >
                      {t('conduct.item', {
                        day: dates.day(x.incident.occurredAt.date),
                        time: dates.time(x.incident.occurredAt),
                        title: x.incident.title,
                      })}
                    </button>{' '}
                    {x.escalated ? <EscalationBadge /> : null}
                  </li>
                ))}
              </ol>
            ) : null}
            {g.items.length > LIMIT && !expanded.has(key) ? (
              <button type="button" className="btn" onClick={() => setExpanded(new Set([...expanded, key]))}>
                {t('conduct.show-all', { count: g.items.length })}
              </button>
            ) : null}
            {g.effects.length > 0 ? (
              <>
                <h3>{t('conduct.effects')}</h3>
                <ul className="conduct-effects">
                  {g.effects.map((e) => (
                    <li key={e.incidentId}>
                      <strong>{dates.day(e.occurredAt.date)}</strong> <span dir="auto">({e.title})</span>:{' '}
                      <span className="prose" dir="auto">
                        {e.effect}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {g.person && editing === g.person.id ? (
              <PersonForm
                key={g.person.id}
                person={g.person}
                onDone={() => {
                  setClosedForm(g.person?.id ?? null);
                  setEditing(null);
                }}
              />
            ) : g.person ? (
              <div className="btn-row">
                <button
                  type="button"
                  className="btn"
                  id={`edit-person-${g.person.id}`}
                  aria-label={t('conduct.edit-label', { name })}
                  onClick={() => setEditing(g.person?.id ?? null)}
                >
                  {t('conduct.edit')}
                </button>
                <button
                  type="button"
                  className="btn"
                  aria-label={t('conduct.history-label', { name })}
                  onClick={() => setHistoryOf(g.person ? { id: g.person.id, name } : null)}
                >
                  {t('conduct.history')}
                </button>
                <MergePerson person={g.person} onMerged={() => setRemoved((n) => n + 1)} />
                <RemovePerson person={g.person} onRemoved={() => setRemoved((n) => n + 1)} />
              </div>
            ) : null}
          </section>
        );
      })}
      {historyOf ? (
        <HistoryDialog kind="person" id={historyOf.id} title={historyOf.name} onClose={() => setHistoryOf(null)} />
      ) : null}
    </div>
  );
}

function witnessText(t: Translate, n: number): string {
  return n === 0 ? t('conduct.no-incidents') : t('conduct.witness-only', { count: n });
}
