import { useEffect, useState } from 'react';
import PostalMime, { type Address, type Email } from 'postal-mime';
import { emailFrameDocument, sanitizeEmailHtml, type SanitizedEmail } from './sanitize.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
import { useInstant } from './instant.js';
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
  const t = useT();
  const w = useWords();
  const instant = useInstant();

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
          setSafe(sanitizeEmailHtml(e.html, inline, t('exhibits.email.remote-picture')));
        }
      })
      .catch(() => {
        if (live) setError(t('exhibits.email.error'));
      });
    return () => {
      live = false;
    };
  }, [bytes, t]);

  if (error) return <p role="alert">{error}</p>;
  if (!email) return <p role="status">{t('exhibits.email.reading')}</p>;

  const plain =
    email.text ??
    (email.html ? (new DOMParser().parseFromString(email.html, 'text/html').body.textContent ?? '').trim() : '');
  const sentDate = email.headers.find((h) => h.key === 'date')?.value.trim();
  const attachments = email.attachments.filter((a) => a.disposition !== 'inline' || !a.contentId);
  return (
    <div data-testid="email-view">
      <h2>{t('exhibits.email.heading')}</h2>
      <dl className="email-headers">
        <dt>{t('exhibits.email.from')}</dt>
        <dd>{addresses(email.from)}</dd>
        <dt>{t('exhibits.email.to')}</dt>
        <dd>{addresses(email.to)}</dd>
        {email.cc?.length ? (
          <>
            <dt>{t('exhibits.email.cc')}</dt>
            <dd>{addresses(email.cc)}</dd>
          </>
        ) : null}
        <dt>{t('exhibits.email.date')}</dt>
        <dd>
          {email.date ? instant(email.date) : t('exhibits.not-given')}
          {sentDate ? <span className="hint"> {t('exhibits.email.written', { date: sentDate })}</span> : null}
        </dd>
        <dt>{t('exhibits.email.subject')}</dt>
        <dd>{email.subject ?? t('exhibits.email.no-subject')}</dd>
      </dl>
      {safe && safe.blockedRemote > 0 ? (
        <p className="notice" role="note">
          {t('exhibits.email.blocked', { count: safe.blockedRemote })}
        </p>
      ) : null}
      {safe ? (
        <>
          <h3>{t('exhibits.email.message')}</h3>
          <iframe
            className="email-frame"
            title={t('exhibits.email.frame')}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={emailFrameDocument(safe.html)}
          />
        </>
      ) : null}
      {plain ? (
        <details open={!safe}>
          <summary>{safe ? t('exhibits.email.plain') : t('exhibits.email.message')}</summary>
          <pre className="email-text" data-testid="email-text">
            {plain}
          </pre>
        </details>
      ) : null}
      {attachments.length > 0 ? (
        <>
          <h3>{t('exhibits.email.attachments')}</h3>
          <ul>
            {attachments.map((a, i) => (
              <li key={i}>
                {a.filename ?? t('exhibits.email.unnamed')} ({a.mimeType},{' '}
                {w.formatSize(contentBytes(a.content).byteLength)})
              </li>
            ))}
          </ul>
          <p className="hint">{t('exhibits.email.attachments-hint')}</p>
        </>
      ) : null}
    </div>
  );
}
