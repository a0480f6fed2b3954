/**
 * What the file says about itself (read at import, never fetched, never checked), each line
 * labelled for whose claim it is: the camera's clock, the sender's mail server, the PDF's own dates.
 */
import type { Exhibit, ExtractedMetadata } from '../../../shared/model.js';
import { formatClockReading, formatInstantShort } from '../format.js';

export function ExtractedView({ exhibit }: { exhibit: Exhibit }) {
  const x = exhibit.extracted;
  return (
    <section className="card" aria-labelledby="extracted-heading">
      <h2 id="extracted-heading">What the file says about itself</h2>
      <p className="hint">
        Read from the file when it was added. These are the file’s own claims: a clock can be set wrong and details can
        be changed, so they are shown as the file gives them. Nothing was checked online.
      </p>
      {x === undefined ? (
        <p>
          Nothing was read from this file. Evidence Vault reads the details of photos, e-mails and PDFs as they are
          added (not of files added by an earlier version).
        </p>
      ) : (
        <ExtractedDetails x={x} />
      )}
      <dl className="detail-grid exhibit-grid">
        <dt>Last modified on the computer it came from</dt>
        <dd data-testid="file-modified">
          {formatInstantShort(exhibit.fileModifiedAt)}
          <span className="hint block">Not when it was made: copying a file can change this.</span>
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
      {any || (x.problems && x.problems.length > 0) ? null : (
        <p>The file gives no capture time, camera, position, e-mail headers or document dates.</p>
      )}
      {x.capturedAt !== undefined || camera || x.camera?.software || x.gps ? (
        <dl className="detail-grid exhibit-grid" aria-label="What the photo says">
          {x.capturedAt !== undefined ? (
            <>
              <dt>The camera’s clock said</dt>
              <dd data-testid="captured-at">{formatClockReading(x.capturedAt)}</dd>
            </>
          ) : null}
          {camera ? (
            <>
              <dt>Camera</dt>
              <dd data-testid="camera">{camera}</dd>
            </>
          ) : null}
          {x.camera?.software ? (
            <>
              <dt>Software</dt>
              <dd>{x.camera.software}</dd>
            </>
          ) : null}
          {x.gps ? (
            <>
              <dt>
                Position recorded in the photo{' '}
                <span className="sensitive">(sensitive: it can show where you were)</span>
              </dt>
              <dd data-testid="gps">
                Latitude {degrees(x.gps.latitude)}, longitude {degrees(x.gps.longitude)}
                {x.gps.altitudeMetres !== undefined ? `, ${Math.round(x.gps.altitudeMetres)} m above sea level` : ''}
                <span className="hint block">
                  Think before sharing this photo: a case pack can leave positions out (Case pack, privacy).
                </span>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {email ? <EmailHeaders email={email} /> : null}
      {pdf ? <PdfDates pdf={pdf} /> : null}
      {x.contentCredentials ? (
        <p data-testid="content-credentials">
          {x.contentCredentials === 'c2pa' ? 'Content credentials (C2PA)' : 'A ProofMode bundle'}: present, not checked.
          Evidence Vault does not verify them; an expert can.
        </p>
      ) : null}
      {x.problems && x.problems.length > 0 ? (
        <div className="notice" data-testid="extract-problems">
          <h3 className="notice-title">What could not be read</h3>
          <ul>
            {x.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function EmailHeaders({ email }: { email: NonNullable<ExtractedMetadata['email']> }) {
  const parsed = email.date ? new Date(email.date) : null;
  return (
    <>
      <h3>The e-mail’s own headers</h3>
      <p className="hint">
        Written by the sender’s mail program; an officer can use them to ask the provider for records.
      </p>
      <dl className="detail-grid exhibit-grid" aria-label="The e-mail's own headers">
        {email.date ? (
          <>
            <dt>Date (as the sender’s computer said)</dt>
            <dd data-testid="email-date">
              {email.date}
              {parsed && !Number.isNaN(parsed.getTime()) ? ` (${formatInstantShort(parsed.toISOString())})` : ''}
            </dd>
          </>
        ) : null}
        {email.from ? (
          <>
            <dt>From</dt>
            <dd>{email.from}</dd>
          </>
        ) : null}
        {email.to && email.to.length > 0 ? (
          <>
            <dt>To</dt>
            <dd>{email.to.join(', ')}</dd>
          </>
        ) : null}
        {email.cc && email.cc.length > 0 ? (
          <>
            <dt>Cc</dt>
            <dd>{email.cc.join(', ')}</dd>
          </>
        ) : null}
        {email.subject !== undefined ? (
          <>
            <dt>Subject</dt>
            <dd>{email.subject}</dd>
          </>
        ) : null}
        {email.messageId ? (
          <>
            <dt>Message-ID</dt>
            <dd className="hash" data-testid="email-message-id">
              {email.messageId}
            </dd>
          </>
        ) : null}
      </dl>
      {email.received && email.received.length > 0 ? (
        <>
          <h3>The sender’s mail server said</h3>
          <p className="hint">Each server that passed the e-mail on added a “Received” line; the newest is first.</p>
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
  return (
    <>
      <h3>The PDF’s own details</h3>
      <dl className="detail-grid exhibit-grid" aria-label="The PDF's own details">
        {pdf.createdAt ? (
          <>
            <dt>The PDF says it was made</dt>
            <dd data-testid="pdf-created">{formatInstantShort(pdf.createdAt)}</dd>
          </>
        ) : null}
        {pdf.modifiedAt ? (
          <>
            <dt>The PDF says it was last changed</dt>
            <dd data-testid="pdf-modified">{formatInstantShort(pdf.modifiedAt)}</dd>
          </>
        ) : null}
        {pdf.title ? (
          <>
            <dt>Title</dt>
            <dd>{pdf.title}</dd>
          </>
        ) : null}
        {pdf.author ? (
          <>
            <dt>Author</dt>
            <dd>{pdf.author}</dd>
          </>
        ) : null}
        {pdf.creator ? (
          <>
            <dt>Made with</dt>
            <dd>{pdf.creator}</dd>
          </>
        ) : null}
        {pdf.producer ? (
          <>
            <dt>Converted to PDF by</dt>
            <dd>{pdf.producer}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
