import { useEffect, useState } from 'react';
import type { DraftInfo } from '../../../shared/model.js';
import { ukDate, ukNow } from '../../../shared/uk-time.js';
import { call, errorMessage } from '../bridge.js';
import { routeForAnyKey } from '../drafts.js';
import { useVault, type Route, type VaultData } from '../state.js';
import { personName } from '../../../shared/model.js';
import { useT, type Translate } from '../i18n/index.js';

/**
 * On the timeline: the drafts kept in the vault (an unfinished incident is never forgotten), and any
 * draft that could not be read, named so she can discard it (never dropped silently).
 */
export function DraftsNotice({ onOpen }: { onOpen(route: Route): void }) {
  const t = useT();
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
      v.announce(t('keys.drafts.discarded'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const rows = drafts.flatMap((d): { d: DraftInfo; route: Route | null; label: string }[] => {
    if (d.damaged) return [{ d, route: null, label: t('keys.drafts.damaged') }];
    const route = routeForAnyKey(d.key, v.incidents);
    if (!route) return [];
    const what = draftWhat(t, d.key, route, v);
    if (what === null) return [];
    return [{ d, route, label: t('keys.drafts.row', { what, when: savedAtLabel(d.savedAt, t) }) }];
  });
  if (rows.length === 0) return null;

  return (
    <section className="notice" aria-labelledby="drafts-title">
      <h2 id="drafts-title" className="notice-title">
        {t('keys.drafts.heading')}
      </h2>
      <ul className="drafts-list">
        {rows.map(({ d, route, label }) => (
          <li key={d.damaged ? d.id : d.key}>
            {label}{' '}
            {route ? (
              <button className="btn-link" type="button" onClick={() => onOpen(route)}>
                {t('keys.drafts.open')}
              </button>
            ) : null}{' '}
            <button className="btn-link" type="button" onClick={() => void discard(d)}>
              {t('keys.drafts.discard')}
            </button>
          </li>
        ))}
      </ul>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}

/**
 * "20:31", or "20:31 on 12/11/2019" for another day (UK time). Pass the window's `t` for its
 * language ("20:31 ar 12/11/2019"); without it the words are English.
 */
export function savedAtLabel(savedAt: string, t?: Translate): string {
  const at = ukNow(new Date(savedAt));
  if (at.date === ukNow().date) return at.time;
  const date = ukDate(at.date);
  return t ? t('keys.drafts.on-day', { time: at.time, date }) : `${at.time} on ${date}`;
}

/** What a draft is of, in words ("Changes to “Reply on X”", "A new police case"), or null when its record is gone. */
function draftWhat(t: Translate, key: string, route: Route, v: VaultData): string | null {
  const [kind, id] = key.split(':');
  const isNew = id === 'new';
  switch (kind) {
    case 'incident': {
      if (route.name !== 'edit') {
        return t(route.name === 'new' && route.quick ? 'keys.drafts.what.quick-add' : 'keys.drafts.what.new-incident');
      }
      const title = v.incidents.find((i) => i.id === route.id)?.title;
      return title === undefined ? null : t('keys.drafts.what.incident', { title });
    }
    case 'quick-add':
      return t('keys.drafts.what.quick-add');
    case 'person': {
      const p = v.people.find((x) => x.id === id);
      return p ? t('keys.drafts.what.person', { name: personName(p) }) : null;
    }
    case 'contact': {
      if (isNew) return t('keys.drafts.what.new-contact');
      const c = v.contacts.find((x) => x.id === id);
      return c
        ? t('keys.drafts.what.contact', { name: c.name || c.organisation || t('keys.drafts.what.no-name') })
        : null;
    }
    case 'case': {
      if (isNew) return t('keys.drafts.what.new-case');
      const c = v.cases.find((x) => x.id === id);
      return c ? t('keys.drafts.what.case', { reference: c.reference }) : null;
    }
    case 'exhibit': {
      const x = v.incidents.flatMap((i) => i.exhibits).find((e) => e.id === id);
      return x ? t('keys.drafts.what.exhibit', { ref: x.ref ?? x.name }) : null;
    }
    case 'physical': {
      const title = v.incidents.find((i) => i.id === id)?.title;
      return title === undefined ? null : t('keys.drafts.what.physical', { title });
    }
    default:
      return null;
  }
}
