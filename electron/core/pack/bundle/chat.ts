/**
 * A chat export (or any text exhibit) as a transcript for the bundle. WhatsApp's "Export chat"
 * text (`12/11/2019, 20:15 - Name: message`, and the bracketed iOS form) gets each sender in bold;
 * a Telegram JSON export (result.json: messages with date, from and text) or a plain JSON list of
 * messages becomes one line per message; any other text is shown as it is, line by line.
 */
import type { Span } from '../text.js';
import { packText, type PackText } from '../words/index.js';

export interface Transcript {
  /** What the file was read as ("a WhatsApp chat export", in the pack's language), or '' for plain text. */
  kind: string;
  lines: Span[][];
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

const WHATSAPP_ANDROID =
  /^(\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?) [-–] ([^:]{1,80}): (.*)$/i;
const WHATSAPP_IOS =
  /^\[(\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?)\] ([^:]{1,80}): (.*)$/i;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function textOf(v: Json | undefined): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : isObject(x) ? textOf(x.text) : '')).join('');
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}
function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function field(o: { [k: string]: Json }, names: string[]): string {
  for (const n of names) {
    const t = textOf(o[n]);
    if (t) return t;
  }
  return '';
}

/** "2019-11-13T09:00:00" → "13/11/2019 09:00", as the export's own clock wrote it; other text as it is. */
function ukStyle(when: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(when);
  if (!m) return when;
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}

function jsonMessages(value: Json, t: PackText): Span[][] | null {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.messages) ? value.messages : null;
  if (!list) return null;
  const lines: Span[][] = [];
  for (const m of list) {
    if (!isObject(m)) continue;
    const when = ukStyle(field(m, ['date', 'timestamp', 'time', 'sent_at', 'created_at']));
    const who = field(m, ['from', 'sender', 'author', 'sender_name', 'user', 'name']);
    const text = field(m, ['text', 'message', 'content', 'body']);
    if (!text && !who) continue;
    lines.push([
      ...(when ? [{ text: `${when}  ` }] : []),
      ...(who ? [{ text: `${who}: `, bold: true }] : []),
      { text: text || t('bundle.chat.noText') },
    ]);
  }
  return lines.length ? lines : null;
}

export function chatTranscript(bytes: Uint8Array, name: string, t: PackText = packText('en')): Transcript {
  const text = decode(bytes);
  if (/\.json$/i.test(name) || /^\s*[[{]/.test(text)) {
    try {
      const lines = jsonMessages(JSON.parse(text) as Json, t);
      if (lines) return { kind: t('bundle.chat.json'), lines };
    } catch {
      // not JSON: shown as text
    }
  }
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  let whatsapp = 0;
  const lines = raw.map((l): Span[] => {
    const m = WHATSAPP_ANDROID.exec(l) ?? WHATSAPP_IOS.exec(l);
    if (!m) return [{ text: l || ' ' }];
    whatsapp++;
    return [{ text: `${m[1]}  ` }, { text: `${m[2]}: `, bold: true }, { text: m[3] ?? '' }];
  });
  while (lines.length && lines[lines.length - 1]?.[0]?.text === ' ') lines.pop();
  return { kind: whatsapp >= 1 && whatsapp >= raw.length / 4 ? t('bundle.chat.whatsapp') : '', lines };
}
