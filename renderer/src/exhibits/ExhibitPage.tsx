import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { useVault } from '../state.js';
import { call, errorMessage } from '../bridge.js';
import { exhibitKind, formatInstant, KIND_LABELS } from '../format.js';
import { DetailsForm, DetailsView } from './DetailsForm.js';
import { ExhibitHistoryButton } from './ExhibitHistory.js';
import { ExtractedView } from './ExtractedView.js';
import { Warnings } from './Warnings.js';
import { contentMismatch, HANDLING_ADVICE, keptAtLine, NO_REF_YET } from './provenance.js';
import { formatSize } from '../../../shared/format.js';
import { safePictureType, useBlobUrl, useExhibitBytes } from './useExhibitBytes.js';
import type { Exhibit } from '../../../shared/model.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { useDraftKeys } from '../components/FormDraft.js';
import { formKeys } from '../drafts.js';

// The e-mail parser/sanitiser and pdf.js are large: loaded only when such an exhibit is opened.
const EmailView = lazy(() => import('./EmailView.js').then((m) => ({ default: m.EmailView })));
const PdfView = lazy(() => import('./PdfView.js').then((m) => ({ default: m.PdfView })));

export function ExhibitPage({ incidentId, exhibitId }: { incidentId: string; exhibitId: string }) {
  const v = useVault();
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
        ← Back to {incident ? `“${incident.title}”` : 'the incident'}
      </button>
    </p>
  );
  if (!incident || !exhibit) {
    return (
      <div className="page-narrow">
        {back}
        <h1>Exhibit not found</h1>
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
      v.announce(`Exhibit ${ex.ref ? `${ex.ref} ` : ''}${ex.name} removed.`);
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
    closeForm(`Saved your description of ${ex.ref ?? ex.name}.`);
  }

  const physical = exhibit.kind === 'physical';
  const mismatch = contentMismatch(exhibit);
  return (
    <div className="page-narrow">
      {back}
      <p className="exhibit-ref" data-testid="exhibit-ref">
        {exhibit.ref ? (
          <>
            Exhibit <strong>{exhibit.ref}</strong>
          </>
        ) : (
          <>
            {NO_REF_YET}.{' '}
            <button type="button" className="btn-link" onClick={() => v.go({ name: 'settings' })}>
              Open Settings
            </button>
          </>
        )}
      </p>
      <div className="page-head">
        <h1 dir="auto">{exhibit.name}</h1>
        <button className="btn btn-danger" type="button" onClick={() => setAsking(true)}>
          Remove exhibit
        </button>
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <Warnings exhibit={exhibit} />
      {physical ? <PhysicalFacts exhibit={exhibit} /> : <ExhibitFacts exhibit={exhibit} kind={KIND_LABELS[kind]} />}
      {describing ? (
        <DetailsForm exhibit={exhibit} onSaved={() => void saved()} onCancel={() => closeForm()} />
      ) : (
        <section className="card" aria-labelledby="account-heading">
          <div className="page-head">
            <h2 id="account-heading">Your account of it</h2>
            <button className="btn" type="button" ref={describeButton} onClick={() => setDescribing(true)}>
              Describe this exhibit
            </button>
          </div>
          <DetailsView exhibit={exhibit} />
          <ExhibitHistoryButton exhibit={exhibit} />
        </section>
      )}
      {physical ? null : <ExtractedView exhibit={exhibit} />}
      <section className="card" aria-label="Contents">
        {physical ? (
          <p>This is a physical item: there is no file to show. {HANDLING_ADVICE}</p>
        ) : mismatch ? (
          <p data-testid="not-opened">
            Evidence Vault does not open this file, because what is inside it does not match its name. It is kept sealed
            and unchanged, and goes into a case pack as it is.
          </p>
        ) : (
          <Suspense fallback={<p role="status">Opening…</p>}>
            <ExhibitBody exhibit={exhibit} kind={kind} />
          </Suspense>
        )}
      </section>
      <ConfirmDialog
        open={asking}
        heading="Remove this exhibit?"
        confirmLabel="Remove exhibit"
        busy={busy}
        onConfirm={(reason) => void remove(reason)}
        onCancel={() => setAsking(false)}
      >
        <p>
          “{exhibit.name}” will be moved to the bin, kept for 30 days and then removed for good. If it is evidence, keep
          a copy somewhere safe first. The custody log keeps a note that it was removed, and why.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function ExhibitFacts({ exhibit, kind }: { exhibit: Exhibit; kind: string }) {
  return (
    <dl className="detail-grid exhibit-grid card">
      <dt>Type</dt>
      <dd>
        {kind} ({exhibit.mediaType})
      </dd>
      <dt>Size</dt>
      <dd>{formatSize(exhibit.size)}</dd>
      <dt>SHA-256</dt>
      <dd className="hash" data-testid="exhibit-sha256">
        {exhibit.sha256}
      </dd>
      <dt>Added to the vault</dt>
      <dd>{formatInstant(exhibit.importedAt)}</dd>
    </dl>
  );
}

function PhysicalFacts({ exhibit }: { exhibit: Exhibit }) {
  return (
    <dl className="detail-grid exhibit-grid card">
      <dt>Type</dt>
      <dd>A {keptAtLine(exhibit)}</dd>
      <dt>Recorded in the vault</dt>
      <dd>{formatInstant(exhibit.importedAt)}</dd>
      <dt>Handling</dt>
      <dd>{HANDLING_ADVICE}</dd>
    </dl>
  );
}

function ExhibitBody({ exhibit, kind }: { exhibit: Exhibit; kind: ReturnType<typeof exhibitKind> }) {
  const { bytes, error } = useExhibitBytes(exhibit.id);
  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        {error}
      </div>
    );
  }
  if (!bytes) return <p role="status">Unlocking the file…</p>;
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
  return (
    <p>
      Evidence Vault cannot show this kind of file, but it is kept safely and unchanged. Its details are above, and it
      goes into a case pack as it is.
      {active ? ' Drawings (SVG), web pages and XML files can contain code, so Evidence Vault never opens them.' : null}
    </p>
  );
}

function ImageView({ bytes, exhibit }: { bytes: Uint8Array; exhibit: Exhibit }) {
  const url = useBlobUrl(bytes, exhibit.mediaType);
  if (!url) return null;
  return <img className="viewer-image" src={url} alt={`Picture: ${exhibit.name}`} />;
}
