/**
 * The earlier versions of the producer's account of an exhibit (its description and provenance, and for
 * a physical item where it is kept and who has handled it), from 'exhibits.history': a "History" button
 * under the account, opening a dialog like the incident's (history/HistoryDialog.tsx). Oldest first; the
 * first version in full, each later one as the fields it changed, before and after.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Exhibit, ExhibitDetailsVersion } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { formatGivenDate } from '../format.js';
import { useT, type Translate } from '../i18n/index.js';
import { useWords, type Words } from '../i18n/words.js';

/** One field of the account as the exhibit page names it, and its value as text ('' when not given). */
interface AccountField {
  key: string;
  label: string;
  text(v: ExhibitDetailsVersion): string;
}

/** The account's fields, in the order and words of the exhibit page (DetailsView). */
export function accountFields(physical: boolean, t: Translate, w: Words): AccountField[] {
  const fields: AccountField[] = [
    { key: 'description', label: t('exhibits.account.description'), text: (v) => v.details.description },
  ];
  if (physical) {
    fields.push(
      { key: 'keptAt', label: t('exhibits.account.kept-at'), text: (v) => v.physical?.keptAt ?? '' },
      { key: 'handledBy', label: t('exhibits.account.handled-by'), text: (v) => v.physical?.handledBy ?? '' },
    );
  }
  fields.push(
    {
      key: 'obtainedHow',
      label: t('exhibits.account.how'),
      text: ({ details: d }) =>
        !d.obtainedHow
          ? ''
          : d.obtainedHow === 'other' && d.obtainedHowOther
            ? t('exhibits.account.other', { how: d.obtainedHowOther })
            : w.obtainedHow[d.obtainedHow],
    },
    {
      key: 'obtainedBy',
      label: physical ? t('exhibits.account.by-physical') : t('exhibits.account.by'),
      text: (v) => v.details.obtainedBy,
    },
    {
      key: 'obtainedAt',
      label: t('exhibits.account.when'),
      text: (v) => (v.details.obtainedAt ? formatGivenDate(v.details.obtainedAt) : ''),
    },
    { key: 'url', label: t('exhibits.account.link'), text: (v) => v.details.source.url },
    {
      key: 'source',
      label: t('exhibits.account.source'),
      text: ({ details: { source: s } }) =>
        [
          s.platform,
          s.handle,
          s.accountId ? t('exhibits.account.account-number', { id: s.accountId }) : '',
          s.phone ? t('exhibits.account.phone', { phone: s.phone }) : '',
          s.email ? t('exhibits.account.email', { email: s.email }) : '',
        ]
          .filter(Boolean)
          .join(', '),
    },
    {
      key: 'originalLocation',
      label: t('exhibits.account.original'),
      text: (v) => v.details.originalLocation,
    },
    { key: 'changedByMe', label: t('exhibits.account.changed'), text: (v) => v.details.changedByMe },
  );
  return fields;
}

/** The "History" button and its dialog, for the exhibit page's "Your account of it". */
export function ExhibitHistoryButton({ exhibit }: { exhibit: Exhibit }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const t = useT();
  return (
    <p className="written-line">
      {t('exhibits.history.kept')}{' '}
      <button type="button" className="btn-link" ref={button} onClick={() => setOpen(true)}>
        {t('exhibits.history.button')}
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
  const t = useT();
  const w = useWords();
  const notGiven = t('exhibits.history.not-given');

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

  const fields = accountFields(exhibit.kind === 'physical', t, w);
  const title = exhibit.ref ? `${exhibit.ref} (${exhibit.name})` : exhibit.name;
  return (
    <dialog ref={dialog} className="history-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>{t('exhibits.history.heading', { title })}</h2>
      <p className="hint">{t('exhibits.history.lead')}</p>
      {error ? (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      ) : null}
      {versions === null && !error ? <p role="status">{t('exhibits.history.reading')}</p> : null}
      {versions ? (
        <ol className="history-list" aria-label={t('exhibits.history.list')} data-testid="exhibit-history">
          {versions.map((ver, i) => {
            const prev = i > 0 ? versions[i - 1] : undefined;
            const changed = prev ? fields.filter((f) => f.text(prev) !== f.text(ver)) : [];
            const given = fields.filter((f) => f.text(ver) !== '');
            const what = i === 0 ? (exhibit.kind === 'physical' ? 'recorded' : 'added') : 'changed';
            return (
              <li key={`${i}-${ver.writtenAt}`} className="history-version">
                <h3>
                  {t('exhibits.history.version', { n: i + 1, what, when: w.writtenLabel(ver.writtenAt) })}
                  {ver.current && i > 0 ? ` ${t('exhibits.history.now')}` : ''}
                </h3>
                {prev ? (
                  changed.length > 0 ? (
                    <>
                      <p>
                        {t('exhibits.history.changed', {
                          fields: changed.map((f) => f.label.toLowerCase()).join(', '),
                        })}
                      </p>
                      <dl className="history-diff">
                        {changed.map((f) => (
                          <div key={f.key} className="history-field">
                            <dt>{f.label}</dt>
                            <dd>
                              <span className="history-before">
                                <span className="history-tag">{t('exhibits.history.before')}</span>{' '}
                                <span className="prose">{f.text(prev) || notGiven}</span>
                              </span>
                              <span className="history-after">
                                <span className="history-tag">{t('exhibits.history.after')}</span>{' '}
                                <span className="prose">{f.text(ver) || notGiven}</span>
                              </span>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    </>
                  ) : (
                    <p>{t('exhibits.history.same')}</p>
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
                  <p>{t('exhibits.history.not-described')}</p>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
      {versions && versions.length === 1 ? <p>{t('exhibits.history.unchanged')}</p> : null}
      <div className="btn-row">
        <button className="btn" type="button" ref={close} onClick={() => dialog.current?.close()}>
          {t('exhibits.close')}
        </button>
      </div>
    </dialog>
  );
}
