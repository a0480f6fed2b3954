import { useVault } from '../state.js';
import { exhibitKind, formatInstant, formatSize, KIND_LABELS } from '../format.js';
import { useBlobUrl, useExhibitBytes } from './useExhibitBytes.js';
import { EmailView } from './EmailView.js';
import { PdfView } from './PdfView.js';
import type { Exhibit } from '../../../shared/model.js';

export function ExhibitPage({ incidentId, exhibitId }: { incidentId: string; exhibitId: string }) {
  const v = useVault();
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
  return (
    <div className="page-narrow">
      {back}
      <h1>{exhibit.name}</h1>
      <ExhibitFacts exhibit={exhibit} kind={KIND_LABELS[kind]} />
      <section className="card" aria-label="Contents">
        <ExhibitBody exhibit={exhibit} kind={kind} />
      </section>
    </div>
  );
}

function ExhibitFacts({ exhibit, kind }: { exhibit: Exhibit; kind: string }) {
  return (
    <dl className="detail-grid card">
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
      <dt>File’s own date</dt>
      <dd>{formatInstant(exhibit.fileModifiedAt)}</dd>
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
      return <ImageView bytes={bytes} exhibit={exhibit} />;
    case 'email':
      return <EmailView bytes={bytes} />;
    case 'pdf':
      return <PdfView bytes={bytes} name={exhibit.name} />;
    case 'text':
      return <pre className="email-text">{new TextDecoder().decode(bytes)}</pre>;
    default:
      return (
        <p>
          Evidence Vault cannot show this kind of file, but it is kept safely and unchanged. Its details are above, and
          it goes into a case pack as it is.
        </p>
      );
  }
}

function ImageView({ bytes, exhibit }: { bytes: Uint8Array; exhibit: Exhibit }) {
  const url = useBlobUrl(bytes, exhibit.mediaType);
  if (!url) return null;
  return <img className="viewer-image" src={url} alt={`Picture: ${exhibit.name}`} />;
}
