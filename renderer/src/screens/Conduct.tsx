import { useEffect, useMemo, useRef, useState } from 'react';
import { personIdentifiers, personName } from '../../../shared/model.js';
import { dayLabel, groupByPerson, timeLabel } from '../../../shared/timeline.js';
import { useVault } from '../state.js';
import { EscalationBadge } from '../components/Chips.js';
import { PersonForm } from '../components/PersonForm.js';
import { RemovePerson } from '../components/RemovePerson.js';
import { HistoryDialog } from '../history/HistoryDialog.js';
import { MergePerson } from '../components/MergePerson.js';

/** Course of conduct: harassment and stalking are proved by a pattern, so show each person's incidents together. */
export function Conduct() {
  const v = useVault();
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
  const LIMIT = 50;
  return (
    <div className="page-narrow">
      <h1 ref={heading} tabIndex={-1}>
        Course of conduct
      </h1>
      <p className="lead">
        Harassment and stalking are shown by a pattern of behaviour. Here are your incidents grouped by the person you
        believe responsible, oldest first. You can correct or remove the people you have recorded here.
      </p>
      {groups.length === 0 ? (
        <div className="empty">
          <p>No incidents recorded yet.</p>
          <p>
            When you record an incident and name the person you believe responsible, their incidents are gathered here,
            so the pattern shows.
          </p>
          <button className="btn btn-primary" type="button" onClick={() => v.go({ name: 'new', quick: true })}>
            Record an incident
          </button>
        </div>
      ) : null}
      {groups.map((g) => {
        const name = g.person ? personName(g.person) : 'Person not named';
        const key = g.person?.id ?? 'none';
        const headingId = `cg-${key}`;
        return (
          <section key={g.person?.id ?? 'none'} className="card conduct-group" aria-labelledby={headingId}>
            <h2 id={headingId}>{name}</h2>
            {g.person && personIdentifiers(g.person).length > 0 ? (
              <p className="hint">
                Also known as:{' '}
                {personIdentifiers(g.person)
                  .map((i) =>
                    [i.handle || i.url || i.accountId, i.platform && `(${i.platform})`].filter(Boolean).join(' '),
                  )
                  .join(', ')}
              </p>
            ) : null}
            {g.person?.basis ? <p className="hint">Why I believe these are the same person: {g.person.basis}</p> : null}
            {g.person?.description ? <p className="prose">{g.person.description}</p> : null}
            {g.items.length === 0 ? (
              <p>{witnessText(witnessed.get(g.person?.id ?? '') ?? 0)}</p>
            ) : (
              <p>
                <strong>
                  {g.items.length} incident{g.items.length === 1 ? '' : 's'}
                </strong>{' '}
                {g.first === g.last ? `on ${dayLabel(g.first)}` : `from ${dayLabel(g.first)} to ${dayLabel(g.last)}`}
                {g.escalated > 0 ? `, ${g.escalated} with escalation signals` : ''}.
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
                      {dayLabel(x.incident.occurredAt.date)}, {timeLabel(x.incident.occurredAt)}: {x.incident.title}
                    </button>{' '}
                    {x.escalated ? <EscalationBadge /> : null}
                  </li>
                ))}
              </ol>
            ) : null}
            {g.items.length > LIMIT && !expanded.has(key) ? (
              <button type="button" className="btn" onClick={() => setExpanded(new Set([...expanded, key]))}>
                Show all {g.items.length} incidents
              </button>
            ) : null}
            {g.effects.length > 0 ? (
              <>
                <h3>How it affected me</h3>
                <ul className="conduct-effects">
                  {g.effects.map((e) => (
                    <li key={e.incidentId}>
                      <strong>{dayLabel(e.occurredAt.date)}</strong> ({e.title}):{' '}
                      <span className="prose">{e.effect}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {g.person && editing === g.person.id ? (
              <PersonForm person={g.person} onDone={() => setEditing(null)} />
            ) : g.person ? (
              <div className="btn-row">
                <button
                  type="button"
                  className="btn"
                  aria-label={`Edit details of ${name}`}
                  onClick={() => setEditing(g.person?.id ?? null)}
                >
                  Edit details
                </button>
                <button
                  type="button"
                  className="btn"
                  aria-label={`History of ${name}`}
                  onClick={() => setHistoryOf(g.person ? { id: g.person.id, name } : null)}
                >
                  History
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

function witnessText(n: number): string {
  if (n === 0) return 'No incidents linked to this person yet.';
  return `Not named as responsible for any incident; named as a witness in ${n} incident${n === 1 ? '' : 's'}.`;
}
