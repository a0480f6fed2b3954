import { useMemo, useState } from 'react';
import { groupByPerson } from '../../../shared/timeline.js';
import { useVault } from '../state.js';
import { dayLabel, timeLabel } from '../../../shared/timeline.js';
import { EscalationBadge } from '../components/Chips.js';
import { PersonForm } from '../components/PersonForm.js';

/** Course of conduct: harassment and stalking are proved by a pattern, so show each person's incidents together. */
export function Conduct() {
  const v = useVault();
  const groups = useMemo(() => {
    const linked = groupByPerson(v.index, v.people);
    const seen = new Set(linked.map((g) => g.person?.id));
    // People recorded but not yet linked to an incident, so their details can still be completed.
    const unlinked = v.people
      .filter((p) => !seen.has(p.id))
      .map((person) => ({ person, items: [], first: '', last: '', escalated: 0 }));
    return [...linked, ...unlinked];
  }, [v.index, v.people]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const LIMIT = 50;
  return (
    <div className="page-narrow">
      <h1>Course of conduct</h1>
      <p className="lead">
        Harassment and stalking are shown by a pattern of behaviour. Here are your incidents grouped by the person
        responsible, oldest first.
      </p>
      {groups.length === 0 ? <p className="empty">No incidents recorded yet.</p> : null}
      {groups.map((g) => {
        const name = g.person ? g.person.name || g.person.handles[0] || 'Unnamed person' : 'Person not named';
        const key = g.person?.id ?? 'none';
        const headingId = `cg-${key}`;
        return (
          <section key={g.person?.id ?? 'none'} className="card conduct-group" aria-labelledby={headingId}>
            <h2 id={headingId}>{name}</h2>
            {g.person && g.person.handles.length > 0 ? (
              <p className="hint">Also known as: {g.person.handles.join(', ')}</p>
            ) : null}
            {g.person?.description ? <p className="prose">{g.person.description}</p> : null}
            {g.items.length === 0 ? (
              <p>No incidents linked to this person yet.</p>
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
            {g.person && editing === g.person.id ? (
              <PersonForm person={g.person} onDone={() => setEditing(null)} />
            ) : g.person ? (
              <button
                type="button"
                className="btn"
                aria-label={`Edit details of ${name}`}
                onClick={() => setEditing(g.person?.id ?? null)}
              >
                Edit details
              </button>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
