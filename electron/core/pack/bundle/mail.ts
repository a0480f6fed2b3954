/**
 * An e-mail exhibit as the bundle prints it: its headers as written and its text. Read with
 * postal-mime, bounded as ../attachments.ts reads it (size, nesting depth, header size). Only the
 * text is drawn: an HTML-only message is turned into plain text here, so nothing in it (pictures,
 * styles, scripts, tracking pixels) is ever loaded, fetched or run.
 */
import PostalMime from 'postal-mime';
import { EMAIL_READ_MAX } from '../attachments.js';
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
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|table)\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '• ')
    .replace(/<img\b[^>]*>/gi, '[picture not loaded]')
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

export async function mailForReading(bytes: Uint8Array): Promise<MailForReading> {
  if (bytes.length > MAIL_READ_MAX) return { ok: false, problem: 'it is too large to read here' };
  try {
    const m = await PostalMime.parse(bytes, {
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: 64,
      maxHeadersSize: 1024 * 1024,
    });
    const headers: [string, string][] = [];
    const add = (name: string, value: string | undefined): void => {
      if (value && value.trim()) headers.push([name, value.trim().slice(0, 2000)]);
    };
    add('From', addresses(m.from as Address | undefined));
    add('Sender', addresses(m.sender as Address | undefined));
    add('To', addresses(m.to as Address[] | undefined));
    add('Cc', addresses(m.cc as Address[] | undefined));
    add('Bcc', addresses(m.bcc as Address[] | undefined));
    add('Reply-To', addresses(m.replyTo as Address[] | undefined));
    const rawDate = m.headers.find((h) => h.key === 'date')?.value;
    add('Date', rawDate ? (m.date ? `${rawDate} (${ukInstant(m.date)})` : rawDate) : undefined);
    add('Subject', m.subject);
    add('Message-ID', m.messageId);
    add('In-Reply-To', m.inReplyTo);
    const received = m.headers.filter((h) => h.key === 'received');
    received.slice(0, 3).forEach((h, i) => add(i === 0 ? 'Received (last hop)' : 'Received', h.value));
    if (received.length > 3) add('Received', `${received.length - 3} more in the original`);
    const text = m.text ?? '';
    const fromHtml = !text.trim() && Boolean(m.html);
    return {
      ok: true,
      headers,
      body: fromHtml ? htmlToText(m.html ?? '') : text,
      fromHtml,
      attachmentNames: m.attachments.map((a) => `${a.filename ?? '(no name)'} (${a.mimeType})`),
    };
  } catch {
    return { ok: false, problem: 'its structure could not be read (damaged or unusually built)' };
  }
}
