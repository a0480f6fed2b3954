import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { useVault } from '../state.js';
import { call, errorMessage } from '../bridge.js';
import { exhibitKind } from '../format.js';
import { DetailsForm, DetailsView } from './DetailsForm.js';
import { ExhibitHistoryButton } from './ExhibitHistory.js';
import { ExtractedView } from './ExtractedView.js';
import { Warnings } from './Warnings.js';
import { contentMismatch, keptAtPlace } from './provenance.js';
import { safePictureType, useBlobUrl, useExhibitBytes } from './useExhibitBytes.js';
import type { Exhibit } from '../../../shared/model.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { useDraftKeys } from '../components/FormDraft.js';
import { formKeys } from '../drafts.js';
import { Msg, useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
import { useInstant } from './instant.js';

// The e-mail parser/sanitiser and pdf.js are large: loaded only when such an exhibit is opened.
const EmailView = lazy(() => import('./EmailView.js').then((m) => ({ default: m.EmailView })));
const PdfView = lazy(() => import('./PdfView.js').then((m) => ({ default: m.PdfView })));

export function ExhibitPage({ incidentId, exhibitId }: { incidentId: string; exhibitId: string }) {
  const v = useVault();
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [describing, setDescribing] = useState(false);
  // An account left unsaved (a lock, or kept as a draft): the form opens again with it.
  const detailsDraft = useDraftKeys((k) => k === formKeys.exhibit(exhibitId));
  useEffect(() => {
    if (detailsDraft && detailsDraft.length > 0) setDescribing(true);
  }, [detailsDraft]);
  const describeButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  // After the form closes, the focus goes back to the button that opened it (once it is on the page again).
  useEffect(() => {
    if (refocus && !describing) {
      describeButton.current?.focus();
      setRefocus(false);
    }
  }, [refocus, describing]);
  const incident = v.incidents.find((i) => i.id === incidentId);
  const exhibit = incident?.exhibits.find((e) => e.id === exhibitId);
  const back = (
    <p>
      <button type="button" className="btn-link" onClick={() => v.go({ name: 'incident', id: incidentId })}>
        {incident ? t('exhibits.page.back-to', { title: incident.title }) : t('exhibits.page.back')}
      </button>
    </p>
  );
  if (!incident || !exhibit) {
    return (
      <div className="page-narrow">
        {back}
        <h1>{t('exhibits.page.not-found')}</h1>
      </div>
    );
  }
  const kind = exhibitKind(exhibit.mediaType, exhibit.name);
  const ex = exhibit;

  async function remove(reason: string) {
    setBusy(true);
    try {
      await call('exhibits.delete', { id: ex.id, reason });
      setAsking(false);
      v.putIncident(await call('incidents.get', { id: incidentId }));
      v.announce(
        ex.ref
          ? t('exhibits.page.removed-ref', { ref: ex.ref, name: ex.name })
          : t('exhibits.page.removed', { name: ex.name }),
      );
      v.go({ name: 'incident', id: incidentId });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
      setAsking(false);
    }
  }

  function closeForm(message?: string) {
    setDescribing(false);
    setRefocus(true);
    if (message) v.announce(message);
  }

  async function saved() {
    v.putIncident(await call('incidents.get', { id: incidentId }));
    closeForm(t('exhibits.page.saved', { name: ex.ref ?? ex.name }));
  }

  const physical = exhibit.kind === 'physical';
  const mismatch = contentMismatch(exhibit);
  return (
    <div className="page-narrow">
      {back}
      <p className="exhibit-ref" data-testid="exhibit-ref">
        {exhibit.ref ? (
          <Msg id="exhibits.page.ref" values={{ ref: exhibit.ref, b: (c) => <strong>{c}</strong> }} />
        ) : (
          <>
            {t('exhibits.page.no-ref')}{' '}
            <button type="button" className="btn-link" onClick={() => v.go({ name: 'settings' })}>
              {t('exhibits.open-settings')}
            </button>
          </>
        )}
      </p>
      <div className="page-head">
        <h1 dir="auto">{exhibit.name}</h1>
        <button className="btn btn-danger" type="button" onClick={() => setAsking(true)}>
          {t('exhibits.remove')}
        </button>
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <Warnings exhibit={exhibit} />
      {physical ? (
        <PhysicalFacts exhibit={exhibit} />
      ) : (
        <ExhibitFacts exhibit={exhibit} kind={t(`exhibits.kind.${kind}`)} />
      )}
      {describing ? (
        <DetailsForm exhibit={exhibit} onSaved={() => void saved()} onCancel={() => closeForm()} />
      ) : (
        <section className="card" aria-labelledby="account-heading">
          <div className="page-head">
            <h2 id="account-heading">{t('exhibits.page.account')}</h2>
            <button className="btn" type="button" ref={describeButton} onClick={() => setDescribing(true)}>
              {t('exhibits.describe')}
            </button>
          </div>
          <DetailsView exhibit={exhibit} />
          <ExhibitHistoryButton exhibit={exhibit} />
        </section>
      )}
      {physical ? null : <ExtractedView exhibit={exhibit} />}
      <section className="card" aria-label={t('exhibits.page.contents')}>
        {physical ? (
          <p>{t('exhibits.page.physical', { advice: t('exhibits.handling-advice') })}</p>
        ) : mismatch ? (
          <p data-testid="not-opened">{t('exhibits.page.not-opened')}</p>
        ) : (
          <Suspense fallback={<p role="status">{t('exhibits.page.opening')}</p>}>
            <ExhibitBody exhibit={exhibit} kind={kind} />
          </Suspense>
        )}
      </section>
      <ConfirmDialog
        open={asking}
        heading={t('exhibits.page.remove-heading')}
        confirmLabel={t('exhibits.remove')}
        busy={busy}
        onConfirm={(reason) => void remove(reason)}
        onCancel={() => setAsking(false)}
      >
        <p>{t('exhibits.page.remove-text', { name: exhibit.name })}</p>
      </ConfirmDialog>
    </div>
  );
}

function ExhibitFacts({ exhibit, kind }: { exhibit: Exhibit; kind: string }) {
  const t = useT();
  const w = useWords();
  const instant = useInstant();
  return (
    <dl className="detail-grid exhibit-grid card">
      <dt>{t('exhibits.page.type')}</dt>
      <dd>
        {kind} ({exhibit.mediaType})
      </dd>
      <dt>{t('exhibits.page.size')}</dt>
      <dd>{w.formatSize(exhibit.size)}</dd>
      <dt>{t('exhibits.sha256')}</dt>
      <dd className="hash" data-testid="exhibit-sha256">
        {exhibit.sha256}
      </dd>
      <dt>{t('exhibits.page.added')}</dt>
      <dd>{instant(exhibit.importedAt)}</dd>
    </dl>
  );
}

function PhysicalFacts({ exhibit }: { exhibit: Exhibit }) {
  const t = useT();
  const instant = useInstant();
  return (
    <dl className="detail-grid exhibit-grid card">
      <dt>{t('exhibits.page.type')}</dt>
      <dd>{t('exhibits.page.physical-type', { place: keptAtPlace(exhibit, t) })}</dd>
      <dt>{t('exhibits.page.recorded')}</dt>
      <dd>{instant(exhibit.importedAt)}</dd>
      <dt>{t('exhibits.page.handling')}</dt>
      <dd>{t('exhibits.handling-advice')}</dd>
    </dl>
  );
}

function ExhibitBody({ exhibit, kind }: { exhibit: Exhibit; kind: ReturnType<typeof exhibitKind> }) {
  const { bytes, error } = useExhibitBytes(exhibit.id);
  const t = useT();
  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        {error}
      </div>
    );
  }
  if (!bytes) return <p role="status">{t('exhibits.page.unlocking')}</p>;
  switch (kind) {
    case 'image':
      return safePictureType(exhibit.mediaType, bytes) ? (
        <ImageView bytes={bytes} exhibit={exhibit} />
      ) : (
        <CannotShow mediaType={exhibit.mediaType} bytes={bytes} />
      );
    case 'email':
      return <EmailView bytes={bytes} />;
    case 'pdf':
      return <PdfView bytes={bytes} name={exhibit.name} />;
    case 'text':
      return <pre className="email-text">{new TextDecoder().decode(bytes)}</pre>;
    default:
      return <CannotShow mediaType={exhibit.mediaType} bytes={bytes} />;
  }
}

/** Files the window will not show: kept, listed and packed as they are, never opened as a page. */
function CannotShow({ mediaType, bytes }: { mediaType: string; bytes: Uint8Array }) {
  // Markup by its type or by its first character (after a byte-order mark and white space).
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF?\s*/, '');
  const active = /svg|xml|html|javascript/i.test(mediaType) || head.startsWith('<');
  const t = useT();
  return (
    <p>
      {t('exhibits.page.cannot-show')}
      {active ? ` ${t('exhibits.page.active')}` : null}
    </p>
  );
}

function ImageView({ bytes, exhibit }: { bytes: Uint8Array; exhibit: Exhibit }) {
  const url = useBlobUrl(bytes, exhibit.mediaType);
  const t = useT();
  if (!url) return null;
  return <img className="viewer-image" src={url} alt={t('exhibits.page.picture-alt', { name: exhibit.name })} />;
}
