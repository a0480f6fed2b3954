/**
 * An e-mail exhibit as the bundle prints it: its headers as written and its text. Read with
 * postal-mime, bounded as ../attachments.ts reads it (size, nesting depth, header size). Only the
 * text is drawn: an HTML-only message is turned into plain text here, so nothing in it (pictures,
 * styles, scripts, tracking pixels) is ever loaded, fetched or run.
 */
import PostalMime from 'postal-mime';
import type { Language } from '../../../../shared/language.js';
import { EMAIL_READ_MAX } from '../attachments.js';
import { datesIn } from '../pdf/when.js';
import { packText, type PackId, type PackText } from '../words/index.js';
import { ukInstant } from './words.js';

export const MAIL_READ_MAX = EMAIL_READ_MAX;

export type MailForReading =
  | {
      ok: true;
      headers: [string, string][];
      body: string;
      fromHtml: boolean;
      attachmentNames: string[];
    }
  | { ok: false; problem: string };

interface Address {
  name?: string;
  address?: string;
  group?: Address[];
}

function addresses(list: Address[] | Address | undefined): string {
  const all = Array.isArray(list) ? list : list ? [list] : [];
  return all
    .map((a) =>
      a.group
        ? `${a.name ?? ''}: ${addresses(a.group)}`
        : a.name && a.address
          ? `${a.name} <${a.address}>`
          : (a.address ?? a.name ?? ''),
    )
    .filter(Boolean)
    .join(', ');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML to plain text for reading: tags dropped, blocks on their own lines, entities decoded. */
export function htmlToText(html: string, t: PackText = packText('en')): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|table)\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '• ')
    .replace(/<img\b[^>]*>/gi, t('bundle.mail.pictureNotLoaded'))
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
      if (code[0] === '#') {
        const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
      }
      return ENTITIES[code.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The e-mail's headers (their names in the pack's language), its text and attachments' names. */
export async function mailForReading(bytes: Uint8Array, lang: Language = 'en'): Promise<MailForReading> {
  const t = packText(lang);
  const when = lang === 'en' ? ukInstant : (iso: string) => datesIn(lang).ukInstant(iso);
  if (bytes.length > MAIL_READ_MAX) return { ok: false, problem: t('bundle.mail.tooLarge') };
  try {
    const m = await PostalMime.parse(bytes, {
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: 64,
      maxHeadersSize: 1024 * 1024,
    });
    const headers: [string, string][] = [];
    const add = (name: PackId, value: string | undefined): void => {
      if (value && value.trim()) headers.push([t(name), value.trim().slice(0, 2000)]);
    };
    add('bundle.mail.from', addresses(m.from as Address | undefined));
    add('bundle.mail.sender', addresses(m.sender as Address | undefined));
    add('bundle.mail.to', addresses(m.to as Address[] | undefined));
    add('bundle.mail.cc', addresses(m.cc as Address[] | undefined));
    add('bundle.mail.bcc', addresses(m.bcc as Address[] | undefined));
    add('bundle.mail.replyTo', addresses(m.replyTo as Address[] | undefined));
    const rawDate = m.headers.find((h) => h.key === 'date')?.value;
    add('bundle.mail.date', rawDate ? (m.date ? `${rawDate} (${when(m.date)})` : rawDate) : undefined);
    add('bundle.mail.subject', m.subject);
    add('bundle.mail.messageId', m.messageId);
    add('bundle.mail.inReplyTo', m.inReplyTo);
    const received = m.headers.filter((h) => h.key === 'received');
    received.slice(0, 3).forEach((h, i) => add(i === 0 ? 'bundle.mail.receivedLast' : 'bundle.mail.received', h.value));
    if (received.length > 3) add('bundle.mail.received', t('bundle.mail.receivedMore', { n: received.length - 3 }));
    const text = m.text ?? '';
    const fromHtml = !text.trim() && Boolean(m.html);
    return {
      ok: true,
      headers,
      body: fromHtml ? htmlToText(m.html ?? '', t) : text,
      fromHtml,
      attachmentNames: m.attachments.map((a) => `${a.filename ?? t('bundle.mail.noName')} (${a.mimeType})`),
    };
  } catch {
    return { ok: false, problem: t('bundle.unreadable') };
  }
}
