/**
 * The activity log (the custody log) as sentences, newest first: "Tue 12/11/2019 20:31 — you added
 * the screenshot JS/1 (“post-1.png”) to “Leaflets torn down”" (shared/activity-log.ts), times in
 * UK time (GMT/BST). Each entry's raw record (its number, ids, hashes) stays for the officer in a
 * details disclosure.
 */
import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { personName, type CustodyEntry, type Exhibit, type ObtainedHow } from '../../../shared/model.js';
import { activitySentence, exhibitNoun, type ActivityNames } from '../../../shared/activity-log.js';
import { writtenLabel } from '../../../shared/history-labels.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';

const SHOWN = 200;

const HOW_NOUN: Partial<Record<ObtainedHow, string>> = {
  screenshot: 'screenshot',
  'phone-photo': 'photo',
  'saved-email': 'e-mail',
  'paper-scan': 'scan',
  recording: 'recording',
};

function exhibitNounOf(x: Exhibit): string {
  const how = x.details.obtainedHow;
  return (how && HOW_NOUN[how]) ?? exhibitNoun(x.mediaType, x.kind === 'physical');
}

/** The raw entry for the officer: number, action, what it is about, and every detail (hashes in full). */
function rawLines(e: CustodyEntry): [string, string][] {
  const out: [string, string][] = [
    ['Entry', String(e.seq)],
    ['At (UTC)', e.at],
    ['Action', e.action],
    ['About', e.subjectId ? `${e.subjectKind} ${e.subjectId}` : e.subjectKind],
  ];
  for (const [k, v] of Object.entries(e.details)) out.push([k, typeof v === 'string' ? v : JSON.stringify(v)]);
  return out;
}

export function ActivityLog() {
  const v = useVault();
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
      v.incidents.flatMap((i) => i.exhibits).map((x) => [x.id, { ref: x.ref, name: x.name, noun: exhibitNounOf(x) }]),
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
  }, [v.incidents, v.people, v.contacts, v.cases]);

  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>Activity log</h2>
      <p>
        Evidence Vault notes every time evidence is added, changed, viewed or exported. The log is locked like your
        record, and any change to it is detected. Times are UK time (GMT/BST).
      </p>
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
          Show the activity log
        </button>
      ) : (
        <>
          <p className="hint">
            {entries.length} entr{entries.length === 1 ? 'y' : 'ies'}
            {entries.length > SHOWN ? `; the latest ${SHOWN} are shown` : ''}.
          </p>
          <ol className="activity-log" aria-label="Activity log, newest first" ref={list} tabIndex={-1}>
            {[...entries]
              .reverse()
              .slice(0, SHOWN)
              .map((e) => (
                <li key={e.seq}>
                  <p className="activity-line">
                    <time dateTime={e.at}>{writtenLabel(e.at)}</time> —{' '}
                    <span dir="auto">{activitySentence(e, names)}</span>
                  </p>
                  <details className="activity-raw">
                    <summary>
                      Details<span className="visually-hidden"> of entry {e.seq}</span>
                    </summary>
                    <dl className="detail-grid hash">
                      {rawLines(e).map(([k, val]) => (
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
