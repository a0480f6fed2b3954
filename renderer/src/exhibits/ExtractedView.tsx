/**
 * What the file says about itself (read at import, never fetched, never checked), each line
 * labelled for whose claim it is: the camera's clock, the sender's mail server, the PDF's own dates.
 */
import type { Exhibit, ExtractedMetadata } from '../../../shared/model.js';
import { formatClockReading, formatInstantShort } from '../format.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';

export function ExtractedView({ exhibit }: { exhibit: Exhibit }) {
  const x = exhibit.extracted;
  const t = useT();
  return (
    <section className="card" aria-labelledby="extracted-heading">
      <h2 id="extracted-heading">{t('exhibits.extracted.heading')}</h2>
      <p className="hint">{t('exhibits.extracted.lead')}</p>
      {exhibit.extractPending ? (
        <p role="status" data-testid="extract-pending">
          {t('exhibits.extracted.reading')}
        </p>
      ) : x === undefined ? (
        <p>{t('exhibits.extracted.nothing')}</p>
      ) : (
        <ExtractedDetails x={x} />
      )}
      <dl className="detail-grid exhibit-grid">
        <dt>{t('exhibits.extracted.modified')}</dt>
        <dd data-testid="file-modified">
          {formatInstantShort(exhibit.fileModifiedAt)}
          <span className="hint block">{t('exhibits.extracted.modified-hint')}</span>
        </dd>
      </dl>
    </section>
  );
}

function cameraName(c: NonNullable<ExtractedMetadata['camera']>): string {
  const make = c.make?.trim() ?? '';
  const model = c.model?.trim() ?? '';
  // "Apple" + "iPhone 12"; but "Canon" + "Canon EOS 80D" says the make once.
  if (make && model.toLowerCase().startsWith(make.toLowerCase())) return model;
  return [make, model].filter(Boolean).join(' ');
}

function degrees(n: number): string {
  return n.toFixed(5);
}

function ExtractedDetails({ x }: { x: ExtractedMetadata }) {
  const camera = x.camera ? cameraName(x.camera) : '';
  const email = x.email;
  const pdf = x.pdf;
  const t = useT();
  const words = useWords();
  const any =
    x.capturedAt !== undefined ||
    camera !== '' ||
    x.camera?.software !== undefined ||
    x.gps !== undefined ||
    email !== undefined ||
    pdf !== undefined ||
    x.contentCredentials !== undefined;
  return (
    <>
      {any || (x.problems && x.problems.length > 0) ? null : <p>{t('exhibits.extracted.none')}</p>}
      {x.capturedAt !== undefined || camera || x.camera?.software || x.gps ? (
        <dl className="detail-grid exhibit-grid" aria-label={t('exhibits.extracted.photo')}>
          {x.capturedAt !== undefined ? (
            <>
              <dt>{t('exhibits.extracted.clock')}</dt>
              <dd data-testid="captured-at">{formatClockReading(x.capturedAt)}</dd>
            </>
          ) : null}
          {camera ? (
            <>
              <dt>{t('exhibits.extracted.camera')}</dt>
              <dd data-testid="camera">{camera}</dd>
            </>
          ) : null}
          {x.camera?.software ? (
            <>
              <dt>{t('exhibits.extracted.software')}</dt>
              <dd>{x.camera.software}</dd>
            </>
          ) : null}
          {x.gps ? (
            <>
              <dt>
                {t('exhibits.extracted.gps')} <span className="sensitive">{t('exhibits.extracted.gps-sensitive')}</span>
              </dt>
              <dd data-testid="gps">
                {t('exhibits.extracted.position', {
                  latitude: degrees(x.gps.latitude),
                  longitude: degrees(x.gps.longitude),
                })}
                {x.gps.altitudeMetres !== undefined
                  ? t('exhibits.extracted.altitude', { metres: Math.round(x.gps.altitudeMetres) })
                  : ''}
                <span className="hint block">{t('exhibits.extracted.gps-hint')}</span>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {email ? <EmailHeaders email={email} /> : null}
      {pdf ? <PdfDates pdf={pdf} /> : null}
      {x.contentCredentials ? (
        <p data-testid="content-credentials">
          {x.contentCredentials === 'c2pa' ? t('exhibits.extracted.c2pa') : t('exhibits.extracted.proofmode')}
        </p>
      ) : null}
      {x.problems && x.problems.length > 0 ? (
        <div className="notice" data-testid="extract-problems">
          <h3 className="notice-title">{t('exhibits.extracted.problems')}</h3>
          <ul>
            {x.problems.map((p, i) => (
              <li key={i}>{words.extractionProblem(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function EmailHeaders({ email }: { email: NonNullable<ExtractedMetadata['email']> }) {
  const parsed = email.date ? new Date(email.date) : null;
  const t = useT();
  return (
    <>
      <h3>{t('exhibits.extracted.email-heading')}</h3>
      <p className="hint">{t('exhibits.extracted.email-hint')}</p>
      <dl className="detail-grid exhibit-grid" aria-label={t('exhibits.extracted.email-label')}>
        {email.date ? (
          <>
            <dt>{t('exhibits.extracted.email-date')}</dt>
            <dd data-testid="email-date">
              {email.date}
              {parsed && !Number.isNaN(parsed.getTime()) ? ` (${formatInstantShort(parsed.toISOString())})` : ''}
            </dd>
          </>
        ) : null}
        {email.from ? (
          <>
            <dt>{t('exhibits.email.from')}</dt>
            <dd>{email.from}</dd>
          </>
        ) : null}
        {email.to && email.to.length > 0 ? (
          <>
            <dt>{t('exhibits.email.to')}</dt>
            <dd>{email.to.join(', ')}</dd>
          </>
        ) : null}
        {email.cc && email.cc.length > 0 ? (
          <>
            <dt>{t('exhibits.extracted.cc')}</dt>
            <dd>{email.cc.join(', ')}</dd>
          </>
        ) : null}
        {email.subject !== undefined ? (
          <>
            <dt>{t('exhibits.email.subject')}</dt>
            <dd>{email.subject}</dd>
          </>
        ) : null}
        {email.messageId ? (
          <>
            <dt>{t('exhibits.extracted.message-id')}</dt>
            <dd className="hash" data-testid="email-message-id">
              {email.messageId}
            </dd>
          </>
        ) : null}
      </dl>
      {email.received && email.received.length > 0 ? (
        <>
          <h3>{t('exhibits.extracted.received-heading')}</h3>
          <p className="hint">{t('exhibits.extracted.received-hint')}</p>
          <ol className="received" data-testid="email-received">
            {email.received.map((r, i) => (
              <li key={i} className="hash">
                {r}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

function PdfDates({ pdf }: { pdf: NonNullable<ExtractedMetadata['pdf']> }) {
  const t = useT();
  return (
    <>
      <h3>{t('exhibits.extracted.pdf-heading')}</h3>
      <dl className="detail-grid exhibit-grid" aria-label={t('exhibits.extracted.pdf-label')}>
        {pdf.createdAt ? (
          <>
            <dt>{t('exhibits.extracted.pdf-created')}</dt>
            <dd data-testid="pdf-created">{formatInstantShort(pdf.createdAt)}</dd>
          </>
        ) : null}
        {pdf.modifiedAt ? (
          <>
            <dt>{t('exhibits.extracted.pdf-modified')}</dt>
            <dd data-testid="pdf-modified">{formatInstantShort(pdf.modifiedAt)}</dd>
          </>
        ) : null}
        {pdf.title ? (
          <>
            <dt>{t('exhibits.extracted.title')}</dt>
            <dd>{pdf.title}</dd>
          </>
        ) : null}
        {pdf.author ? (
          <>
            <dt>{t('exhibits.extracted.author')}</dt>
            <dd>{pdf.author}</dd>
          </>
        ) : null}
        {pdf.creator ? (
          <>
            <dt>{t('exhibits.extracted.creator')}</dt>
            <dd>{pdf.creator}</dd>
          </>
        ) : null}
        {pdf.producer ? (
          <>
            <dt>{t('exhibits.extracted.producer')}</dt>
            <dd>{pdf.producer}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
