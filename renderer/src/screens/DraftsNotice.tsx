import { useEffect, useState } from 'react';
import type { DraftInfo } from '../../../shared/model.js';
import { ukDate, ukNow } from '../../../shared/uk-time.js';
import { call, errorMessage } from '../bridge.js';
import { routeForKey } from '../drafts.js';
import { useVault, type Route } from '../state.js';

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
    const route = routeForKey(d.key);
    if (!route) return [];
    let what: string;
    if (route.name === 'edit') {
      const title = v.incidents.find((i) => i.id === route.id)?.title;
      if (title === undefined) return [];
      what = `Changes to “${title}”`;
    } else {
      what = route.name === 'new' && route.quick ? 'A quick add' : 'A new incident';
    }
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
