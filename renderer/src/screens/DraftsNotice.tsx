import { useEffect, useState } from 'react';
import type { DraftInfo } from '../../../shared/model.js';
import { ukDate, ukNow } from '../../../shared/uk-time.js';
import { call, errorMessage } from '../bridge.js';
import { routeForAnyKey } from '../drafts.js';
import { useVault, type Route, type VaultData } from '../state.js';
import { personName } from '../../../shared/model.js';

/**
 * On the timeline: the drafts kept in the vault (an unfinished incident is never forgotten), and any
 * draft that could not be read, named so she can discard it (never dropped silently).
 */
export function DraftsNotice({ onOpen }: { onOpen(route: Route): void }) {
  const v = useVault();
  const [drafts, setDrafts] = useState<DraftInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('drafts.list', {})
      .then((d) => live && setDrafts(d))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const discard = async (d: DraftInfo) => {
    setError(null);
    try {
      await call('drafts.discard', d.damaged ? { id: d.id } : { key: d.key });
      setDrafts((all) => all.filter((x) => x !== d));
      v.announce('Draft discarded.');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const rows = drafts.flatMap((d): { d: DraftInfo; route: Route | null; label: string }[] => {
    if (d.damaged) return [{ d, route: null, label: 'A draft could not be read: it may be damaged.' }];
    const route = routeForAnyKey(d.key, v.incidents);
    if (!route) return [];
    const what = draftWhat(d.key, route, v);
    if (what === null) return [];
    return [{ d, route, label: `${what}, not saved yet: draft kept at ${savedAtLabel(d.savedAt)}.` }];
  });
  if (rows.length === 0) return null;

  return (
    <section className="notice" aria-labelledby="drafts-title">
      <h2 id="drafts-title" className="notice-title">
        Unfinished writing
      </h2>
      <ul className="drafts-list">
        {rows.map(({ d, route, label }) => (
          <li key={d.damaged ? d.id : d.key}>
            {label}{' '}
            {route ? (
              <button className="btn-link" type="button" onClick={() => onOpen(route)}>
                Open it
              </button>
            ) : null}{' '}
            <button className="btn-link" type="button" onClick={() => void discard(d)}>
              Discard it
            </button>
          </li>
        ))}
      </ul>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}

/** "20:31", or "20:31 on 12/11/2019" for another day (UK time). */
export function savedAtLabel(savedAt: string): string {
  const at = ukNow(new Date(savedAt));
  return at.date === ukNow().date ? at.time : `${at.time} on ${ukDate(at.date)}`;
}

/** What a draft is of, in words ("Changes to “Reply on X”", "A new police case"), or null when its record is gone. */
function draftWhat(key: string, route: Route, v: VaultData): string | null {
  const [kind, id] = key.split(':');
  const isNew = id === 'new';
  switch (kind) {
    case 'incident': {
      if (route.name !== 'edit') return route.name === 'new' && route.quick ? 'A quick add' : 'A new incident';
      const title = v.incidents.find((i) => i.id === route.id)?.title;
      return title === undefined ? null : `Changes to “${title}”`;
    }
    case 'quick-add':
      return 'A quick add';
    case 'person': {
      const p = v.people.find((x) => x.id === id);
      return p ? `Changes to the details of ${personName(p)}` : null;
    }
    case 'contact': {
      if (isNew) return 'A new contact';
      const c = v.contacts.find((x) => x.id === id);
      return c ? `Changes to the contact ${c.name || c.organisation || 'without a name'}` : null;
    }
    case 'case': {
      if (isNew) return 'A new police case';
      const c = v.cases.find((x) => x.id === id);
      return c ? `Changes to police case ${c.reference}` : null;
    }
    case 'exhibit': {
      const x = v.incidents.flatMap((i) => i.exhibits).find((e) => e.id === id);
      return x ? `Your account of exhibit ${x.ref ?? x.name}` : null;
    }
    case 'physical': {
      const title = v.incidents.find((i) => i.id === id)?.title;
      return title === undefined ? null : `A physical item for “${title}”`;
    }
    default:
      return null;
  }
}
