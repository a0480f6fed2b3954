import { useEffect, useId, useRef, useState } from 'react';
import type { IncidentVersion, PersonVersion } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import type { HistoryKind } from '../../../shared/history-labels.js';
import { Msg, useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';

/** The fields the first version shows in full: its wording as first written. */
const FIRST_SHOWN: Record<HistoryKind, string[]> = {
  incident: ['title', 'occurredAt', 'description', 'effect', 'location', 'notes'],
  person: ['name', 'description', 'basis', 'sawWhat'],
};

interface Version {
  version: number;
  writtenAt: string;
  changed: string[];
  body: Record<string, unknown>;
  /** Who saved it, in a vault with more than one person's passphrase. */
  enteredBy?: string;
}

function asVersions(kind: HistoryKind, list: IncidentVersion[] | PersonVersion[]): Version[] {
  return list.map((v) => ({
    version: v.version,
    writtenAt: v.writtenAt,
    changed: v.changed,
    body: ('incident' in v ? v.incident : v.person) as unknown as Record<string, unknown>,
    ...('enteredBy' in v && typeof v.enteredBy === 'string' ? { enteredBy: v.enteredBy } : {}),
  }));
}

/**
 * Every saved version of an incident or a person, oldest first: when each was written, what it
 * changed, the first wording in full and, for each later version, each changed field as it read
 * before and after. Opened by a "History" button; focus goes back to it on close.
 */
export function HistoryDialog({
  kind,
  id,
  title,
  onClose,
}: {
  kind: HistoryKind;
  id: string;
  title: string;
  onClose(): void;
}) {
  const v = useVault();
  const t = useT();
  const w = useWords();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    close.current?.focus();
    let live = true;
    const load =
      kind === 'incident'
        ? call('incidents.history', { id }).then((l) => asVersions(kind, l))
        : call('people.history', { id }).then((l) => asVersions(kind, l));
    load.then(
      (l) => live && setVersions(l),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [kind, id]);

  const labels: Record<string, string> = kind === 'incident' ? w.incidentField : w.personField;
  const text = (field: string, value: unknown) => w.fieldText(kind, field, value, v.peopleById);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  return (
    <dialog ref={dialog} className="history-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>
        <Msg id="pack.history.heading" values={{ title: <span dir="auto">{title}</span> }} />
      </h2>
      <p className="hint">{t('pack.history.hint')}</p>
      {error ? (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      ) : null}
      {versions === null && !error ? <p role="status">{t('pack.history.reading')}</p> : null}
      {versions ? (
        <ol className="history-list" aria-label={t('pack.history.list')}>
          {versions.map((ver, i) => {
            const prev = i > 0 ? versions[i - 1] : undefined;
            return (
              <li key={ver.version} className="history-version">
                <h3>
                  {t(i === 0 ? 'pack.history.first' : 'pack.history.changed', {
                    version: ver.version,
                    when: w.writtenLabel(ver.writtenAt),
                  })}
                </h3>
                {ver.enteredBy ? (
                  <p className="entered-by" dir="auto">
                    {t('pack.history.entered-by', { name: ver.enteredBy })}
                  </p>
                ) : null}
                {prev ? (
                  ver.changed.length ? (
                    <>
                      <p>{t('pack.history.changed-fields', { fields: w.changedLabel(kind, ver.changed) })}</p>
                      <dl className="history-diff">
                        {ver.changed.map((f) => (
                          <div key={f} className="history-field">
                            <dt>{cap(labels[f] ?? t('pack.history.other'))}</dt>
                            <dd>
                              <span className="history-before">
                                <span className="history-tag">{t('pack.history.before')}</span>{' '}
                                <span className="prose" dir="auto">
                                  {text(f, prev.body[f])}
                                </span>
                              </span>
                              <span className="history-after">
                                <span className="history-tag">{t('pack.history.after')}</span>{' '}
                                <span className="prose" dir="auto">
                                  {text(f, ver.body[f])}
                                </span>
                              </span>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    </>
                  ) : (
                    <p>{t('pack.history.saved-again')}</p>
                  )
                ) : (
                  <dl className="history-first">
                    {FIRST_SHOWN[kind].map((f) => (
                      <div key={f} className="history-field">
                        <dt>{cap(labels[f] ?? f)}</dt>
                        <dd className="prose" dir="auto">
                          {text(f, ver.body[f])}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
      <div className="btn-row">
        <button className="btn" type="button" ref={close} onClick={() => dialog.current?.close()}>
          {t('pack.close')}
        </button>
      </div>
    </dialog>
  );
}
