import { useEffect, useState } from 'react';
import PostalMime, { type Address, type Email } from 'postal-mime';
import { emailFrameDocument, sanitizeEmailHtml, type SanitizedEmail } from './sanitize.js';
import { formatInstant } from '../format.js';
import { formatSize } from '../../../shared/format.js';
import { bytesToBase64 } from '../../../shared/wire.js';
import { safePictureType } from './useExhibitBytes.js';

function addresses(list: Address[] | Address | undefined): string {
  if (!list) return '';
  const arr = Array.isArray(list) ? list : [list];
  return arr
    .flatMap((a) => (a.group ? a.group : [a]))
    .map((m) => (m.name ? `${m.name} <${m.address}>` : m.address))
    .join(', ');
}

function contentBytes(c: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof c === 'string') return new TextEncoder().encode(c);
  return c instanceof Uint8Array ? c : new Uint8Array(c);
}

/** An e-mail exhibit: headers, text, and the HTML body only sanitised and in a sandboxed frame. */
export function EmailView({ bytes }: { bytes: Uint8Array }) {
  const [email, setEmail] = useState<Email | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [safe, setSafe] = useState<SanitizedEmail | null>(null);

  useEffect(() => {
    let live = true;
    PostalMime.parse(bytes)
      .then((e) => {
        if (!live) return;
        setEmail(e);
        if (e.html) {
          const inline = new Map<string, string>();
          for (const a of e.attachments) {
            const content = contentBytes(a.content);
            // Only pictures whose bytes really are PNG, JPEG, GIF or WebP, whatever the e-mail claims.
            const type =
              a.contentId && /^image\/(png|jpeg|gif|webp)$/i.test(a.mimeType)
                ? safePictureType(a.mimeType, content)
                : null;
            if (a.contentId && type) {
              inline.set(
                a.contentId.replace(/^<|>$/g, '').toLowerCase(),
                `data:${type};base64,${bytesToBase64(content)}`,
              );
            }
          }
          setSafe(sanitizeEmailHtml(e.html, inline));
        }
      })
      .catch(() => {
        if (live) setError('This e-mail could not be read. The original file is kept unchanged.');
      });
    return () => {
      live = false;
    };
  }, [bytes]);

  if (error) return <p role="alert">{error}</p>;
  if (!email) return <p role="status">Reading the e-mail…</p>;

  const plain =
    email.text ??
    (email.html ? (new DOMParser().parseFromString(email.html, 'text/html').body.textContent ?? '').trim() : '');
  const sentDate = email.headers.find((h) => h.key === 'date')?.value.trim();
  const attachments = email.attachments.filter((a) => a.disposition !== 'inline' || !a.contentId);
  return (
    <div data-testid="email-view">
      <h2>E-mail</h2>
      <dl className="email-headers">
        <dt>From</dt>
        <dd>{addresses(email.from)}</dd>
        <dt>To</dt>
        <dd>{addresses(email.to)}</dd>
        {email.cc?.length ? (
          <>
            <dt>Copy to</dt>
            <dd>{addresses(email.cc)}</dd>
          </>
        ) : null}
        <dt>Date</dt>
        <dd>
          {email.date ? formatInstant(email.date) : 'Not given'}
          {sentDate ? <span className="hint"> (as written in the e-mail: {sentDate})</span> : null}
        </dd>
        <dt>Subject</dt>
        <dd>{email.subject ?? '(no subject)'}</dd>
      </dl>
      {safe && safe.blockedRemote > 0 ? (
        <p className="notice" role="note">
          {safe.blockedRemote === 1
            ? '1 picture or style from the internet was not loaded'
            : `${safe.blockedRemote} pictures or styles from the internet were not loaded`}
          , so the sender cannot tell you opened this e-mail. The original e-mail is kept unchanged.
        </p>
      ) : null}
      {safe ? (
        <>
          <h3>Message</h3>
          <iframe
            className="email-frame"
            title="E-mail message, shown safely"
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={emailFrameDocument(safe.html)}
          />
        </>
      ) : null}
      {plain ? (
        <details open={!safe}>
          <summary>{safe ? 'Plain text of the message' : 'Message'}</summary>
          <pre className="email-text" data-testid="email-text">
            {plain}
          </pre>
        </details>
      ) : null}
      {attachments.length > 0 ? (
        <>
          <h3>Attachments in this e-mail</h3>
          <ul>
            {attachments.map((a, i) => (
              <li key={i}>
                {a.filename ?? 'Unnamed attachment'} ({a.mimeType}, {formatSize(contentBytes(a.content).byteLength)})
              </li>
            ))}
          </ul>
          <p className="hint">
            Attachments stay inside the original e-mail file. To view one, save it from your e-mail program and add it
            as its own exhibit.
          </p>
        </>
      ) : null}
    </div>
  );
}
