/**
 * The activity log (the custody log) as sentences, newest first: "Tue 12/11/2019 20:31 — you added
 * the screenshot JS/1 (“post-1.png”) to “Leaflets torn down”" (shared/activity-log.ts), times in
 * UK time (GMT/BST). Each entry's raw record (its number, ids, hashes) stays for the officer in a
 * details disclosure.
 */
import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { personName, type CustodyEntry, type Exhibit, type ObtainedHow } from '../../../shared/model.js';
import type { ActivityNames } from '../../../shared/activity-log.js';
import { useT, type MessageId, type Translate } from '../i18n/index.js';
import { useWords, type Words } from '../i18n/words.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';

const SHOWN = 200;

const HOW_NOUN: Partial<Record<ObtainedHow, MessageId>> = {
  screenshot: 'pack.activity.noun.screenshot',
  'phone-photo': 'pack.activity.noun.photo',
  'saved-email': 'pack.activity.noun.email',
  'paper-scan': 'pack.activity.noun.scan',
  recording: 'pack.activity.noun.recording',
};

function exhibitNounOf(x: Exhibit, t: Translate, w: Words): string {
  const how = x.details.obtainedHow;
  const id = how && HOW_NOUN[how];
  return id ? t(id) : w.exhibitNoun(x.mediaType, x.kind === 'physical');
}

/** The raw entry for the officer: number, action, what it is about, and every detail (hashes in full). */
function rawLines(e: CustodyEntry, t: Translate): [string, string][] {
  const out: [string, string][] = [
    [t('pack.activity.entry'), String(e.seq)],
    [t('pack.activity.at'), e.at],
    [t('pack.activity.action'), e.action],
    [t('pack.activity.about'), e.subjectId ? `${e.subjectKind} ${e.subjectId}` : e.subjectKind],
  ];
  for (const [k, v] of Object.entries(e.details)) out.push([k, typeof v === 'string' ? v : JSON.stringify(v)]);
  return out;
}

export function ActivityLog() {
  const v = useVault();
  const t = useT();
  const w = useWords();
  const uid = useId();
  const [entries, setEntries] = useState<CustodyEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // The list takes the place of the button: the focus goes to it, not the page body.
  const focusList = useRef(false);
  useEffect(() => {
    if (entries && focusList.current) {
      focusList.current = false;
      list.current?.focus();
    }
  }, [entries]);

  const names = useMemo((): ActivityNames => {
    const incidents = new Map(v.incidents.map((i) => [i.id, i.title]));
    const exhibits = new Map(
      v.incidents
        .flatMap((i) => i.exhibits)
        .map((x) => [x.id, { ref: x.ref, name: x.name, noun: exhibitNounOf(x, t, w) }]),
    );
    const people = new Map(v.people.map((p) => [p.id, personName(p)]));
    const contacts = new Map(v.contacts.map((c) => [c.id, c.name || c.organisation]));
    const cases = new Map(v.cases.map((c) => [c.id, c.reference]));
    return {
      incident: (id) => incidents.get(id),
      exhibit: (id) => exhibits.get(id),
      person: (id) => people.get(id),
      contact: (id) => contacts.get(id) || undefined,
      case: (id) => cases.get(id),
    };
  }, [v.incidents, v.people, v.contacts, v.cases, t, w]);

  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('pack.activity.heading')}</h2>
      <p>{t('pack.activity.lead')}</p>
      {entries === null ? (
        <button
          className="btn"
          type="button"
          onClick={() => {
            call('custody.list', {})
              .then((all) => {
                focusList.current = true;
                setEntries(all);
              })
              .catch((e: unknown) => setError(errorMessage(e)));
          }}
        >
          {t('pack.activity.show')}
        </button>
      ) : (
        <>
          <p className="hint">
            {entries.length > SHOWN
              ? t('pack.activity.count-latest', { count: entries.length, shown: SHOWN })
              : t('pack.activity.count', { count: entries.length })}
          </p>
          <ol className="activity-log" aria-label={t('pack.activity.list')} ref={list} tabIndex={-1}>
            {[...entries]
              .reverse()
              .slice(0, SHOWN)
              .map((e) => (
                <li key={e.seq}>
                  <p className="activity-line">
                    <time dateTime={e.at}>{w.writtenLabel(e.at)}</time> —{' '}
                    <span dir="auto">{w.activitySentence(e, names)}</span>
                  </p>
                  <details className="activity-raw">
                    <summary>
                      {t('pack.activity.details')}
                      <span className="visually-hidden"> {t('pack.activity.of-entry', { seq: e.seq })}</span>
                    </summary>
                    <dl className="detail-grid hash">
                      {rawLines(e, t).map(([k, val]) => (
                        <Fragment key={k}>
                          <dt>{k}</dt>
                          <dd dir="auto">{val}</dd>
                        </Fragment>
                      ))}
                    </dl>
                  </details>
                </li>
              ))}
          </ol>
        </>
      )}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
