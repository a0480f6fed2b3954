/**
 * The earlier versions of the producer's account of an exhibit (its description and provenance, and for
 * a physical item where it is kept and who has handled it), from 'exhibits.history': a "History" button
 * under the account, opening a dialog like the incident's (history/HistoryDialog.tsx). Oldest first; the
 * first version in full, each later one as the fields it changed, before and after.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { OBTAINED_HOW_LABELS, type Exhibit, type ExhibitDetailsVersion } from '../../../shared/model.js';
import { writtenLabel } from '../../../shared/history-labels.js';
import { call, errorMessage } from '../bridge.js';
import { formatGivenDate } from '../format.js';

/** One field of the account as the exhibit page names it, and its value as text ('' when not given). */
interface AccountField {
  key: string;
  label: string;
  text(v: ExhibitDetailsVersion): string;
}

/** The account's fields, in the order and words of the exhibit page (DetailsView). */
export function accountFields(physical: boolean): AccountField[] {
  const fields: AccountField[] = [{ key: 'description', label: 'Description', text: (v) => v.details.description }];
  if (physical) {
    fields.push(
      { key: 'keptAt', label: 'Where it is kept', text: (v) => v.physical?.keptAt ?? '' },
      { key: 'handledBy', label: 'Who has handled it', text: (v) => v.physical?.handledBy ?? '' },
    );
  }
  fields.push(
    {
      key: 'obtainedHow',
      label: 'How you got it',
      text: ({ details: d }) =>
        !d.obtainedHow
          ? ''
          : d.obtainedHow === 'other' && d.obtainedHowOther
            ? `Other: ${d.obtainedHowOther}`
            : OBTAINED_HOW_LABELS[d.obtainedHow],
    },
    {
      key: 'obtainedBy',
      label: physical ? 'Received or found by' : 'Saved or made by',
      text: (v) => v.details.obtainedBy,
    },
    {
      key: 'obtainedAt',
      label: 'When',
      text: (v) => (v.details.obtainedAt ? formatGivenDate(v.details.obtainedAt) : ''),
    },
    { key: 'url', label: 'Link', text: (v) => v.details.source.url },
    {
      key: 'source',
      label: 'Source',
      text: ({ details: { source: s } }) =>
        [
          s.platform,
          s.handle,
          s.accountId ? `account number ${s.accountId}` : '',
          s.phone ? `phone ${s.phone}` : '',
          s.email ? `e-mail ${s.email}` : '',
        ]
          .filter(Boolean)
          .join(', '),
    },
    { key: 'originalLocation', label: 'Where the original is now', text: (v) => v.details.originalLocation },
    { key: 'changedByMe', label: 'Changed by you', text: (v) => v.details.changedByMe },
  );
  return fields;
}

const NOT_GIVEN = '(not given)';

/** The "History" button and its dialog, for the exhibit page's "Your account of it". */
export function ExhibitHistoryButton({ exhibit }: { exhibit: Exhibit }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <p className="written-line">
      Every version of this account is kept.{' '}
      <button type="button" className="btn-link" ref={button} onClick={() => setOpen(true)}>
        History
      </button>
      {open ? (
        <ExhibitHistoryDialog
          exhibit={exhibit}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </p>
  );
}

function ExhibitHistoryDialog({ exhibit, onClose }: { exhibit: Exhibit; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const [versions, setVersions] = useState<ExhibitDetailsVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    close.current?.focus();
    let live = true;
    call('exhibits.history', { id: exhibit.id }).then(
      (l) => live && setVersions(l),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [exhibit.id]);

  const fields = accountFields(exhibit.kind === 'physical');
  const title = exhibit.ref ? `${exhibit.ref} (${exhibit.name})` : exhibit.name;
  return (
    <dialog ref={dialog} className="history-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>History of your account of {title}</h2>
      <p className="hint">Every saved version of your description, and of where it came from, is kept, oldest first.</p>
      {error ? (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      ) : null}
      {versions === null && !error ? <p role="status">Reading the saved versions…</p> : null}
      {versions ? (
        <ol className="history-list" aria-label="Saved versions, oldest first" data-testid="exhibit-history">
          {versions.map((ver, i) => {
            const prev = i > 0 ? versions[i - 1] : undefined;
            const changed = prev ? fields.filter((f) => f.text(prev) !== f.text(ver)) : [];
            const given = fields.filter((f) => f.text(ver) !== '');
            const what = i === 0 ? (exhibit.kind === 'physical' ? 'recorded' : 'added') : 'changed';
            return (
              <li key={`${i}-${ver.writtenAt}`} className="history-version">
                <h3>
                  Version {i + 1}: {what} {writtenLabel(ver.writtenAt)}
                  {ver.current && i > 0 ? ' (as it reads now)' : ''}
                </h3>
                {prev ? (
                  changed.length > 0 ? (
                    <>
                      <p>Changed: {changed.map((f) => f.label.toLowerCase()).join(', ')}.</p>
                      <dl className="history-diff">
                        {changed.map((f) => (
                          <div key={f.key} className="history-field">
                            <dt>{f.label}</dt>
                            <dd>
                              <span className="history-before">
                                <span className="history-tag">Before</span>{' '}
                                <span className="prose">{f.text(prev) || NOT_GIVEN}</span>
                              </span>
                              <span className="history-after">
                                <span className="history-tag">After</span>{' '}
                                <span className="prose">{f.text(ver) || NOT_GIVEN}</span>
                              </span>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    </>
                  ) : (
                    <p>Saved again with nothing shown here changed.</p>
                  )
                ) : given.length > 0 ? (
                  <dl className="history-first">
                    {given.map((f) => (
                      <div key={f.key} className="history-field">
                        <dt>{f.label}</dt>
                        <dd className="prose">{f.text(ver)}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p>Not described then.</p>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
      {versions && versions.length === 1 ? <p>It has not been changed since.</p> : null}
      <div className="btn-row">
        <button className="btn" type="button" ref={close} onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
