/**
 * What a saved e-mail says about itself, from its header block only (postal-mime): Date, From, To, Cc,
 * Subject, Message-ID and the Received chain an officer needs for a communications-data request.
 *
 * The body is never parsed: the header block ends at the first empty line and is read only if it fits in
 * the bytes the import keeps of the file's head. So 300 nested MIME parts or a header of several megabytes
 * cost nothing and give a problem line, not a hang.
 */
import type { Address } from 'postal-mime';
import type { ExtractedMetadata } from '../../../../shared/model.js';
import { compact, kib, plain } from './text.js';
import { ask, FILE_TIME_LIMIT_MS } from './thread.js';
import { noticeText } from '../../../../shared/exhibit-notices.js';

/** Multipart sections counted in the bytes we have beyond which the structure is called unusual. */
export const MANY_PARTS = 100;
const MAX_ADDRESSES = 100;

/** What the extraction thread (thread.ts) gives back of postal-mime's parse. */
interface ParsedHeaders {
  headers: { key: string; value: string }[];
  from?: Address;
  to?: Address[];
  cc?: Address[];
  subject?: string;
  messageId?: string;
}
const MAX_RECEIVED = 50;

function mailbox(a: { name: string; address?: string }): string | undefined {
  const name = plain(a.name, 300);
  const address = plain(a.address, 300);
  if (name && address) return `${name} <${address}>`;
  return address ?? name;
}

function addresses(list: Address[] | undefined): string[] | undefined {
  if (!list) return undefined;
  const out: string[] = [];
  for (const a of list) {
    for (const m of a.group ?? [a]) {
      const s = mailbox(m);
      if (s && out.length < MAX_ADDRESSES) out.push(s);
    }
  }
  return out.length > 0 ? out : undefined;
}

/** Where the header block ends (the index of its first empty line), or -1. */
function headerEnd(head: Buffer): number {
  const lf = head.indexOf('\n\n');
  const crlf = head.indexOf('\r\n\r\n');
  const ends = [lf, crlf].filter((i) => i >= 0);
  return ends.length > 0 ? Math.min(...ends) : -1;
}

/**
 * @param head the file's first bytes
 * @param complete true when `head` is the whole file (then a file of headers only is fine)
 * @param limit how many bytes the import keeps of a file's head (for the problem line)
 */
export async function extractEmail(head: Buffer, complete: boolean, limit: number): Promise<ExtractedMetadata> {
  let end = headerEnd(head);
  if (end < 0) {
    if (!complete) {
      return {
        problems: [noticeText('en', { code: 'email.header-too-large', values: { size: kib(limit) } })],
      };
    }
    end = head.length;
  }
  let block = head.subarray(0, end);
  // An mbox "From " envelope line in front is not a header.
  if (block.subarray(0, 5).toString('latin1') === 'From ') {
    const nl = block.indexOf('\n');
    block = nl < 0 ? Buffer.alloc(0) : block.subarray(nl + 1);
  }
  const problems: string[] = [];
  const out: ExtractedMetadata = {};
  try {
    // A plain Uint8Array: postal-mime takes a Node Buffer by a slower path (four times the CPU here).
    const input = new Uint8Array(block.length + 4);
    input.set(block);
    input.set([13, 10, 13, 10], block.length);
    // postal-mime runs in the extraction thread (thread.ts).
    const r = await ask(
      'mail',
      input,
      { maxNestingDepth: 4, maxHeadersSize: limit, maxRfc822NestingDepth: 0, attachmentEncoding: 'arraybuffer' },
      FILE_TIME_LIMIT_MS,
    );
    if (r.error || !r.mail) throw new Error(r.error?.message ?? 'no reply');
    const mail = r.mail as ParsedHeaders;
    const raw = (key: string): string[] => mail.headers.filter((h) => h.key === key).map((h) => h.value);
    const received = raw('received')
      .map((v) => plain(v, 2000))
      .filter((v): v is string => v !== undefined)
      .slice(0, MAX_RECEIVED);
    const email = compact({
      date: plain(raw('date')[0], 200),
      from: mail.from ? mailbox(mail.from.group?.[0] ?? mail.from) : undefined,
      to: addresses(mail.to),
      cc: addresses(mail.cc),
      subject: plain(mail.subject, 1000),
      messageId: plain(mail.messageId ?? raw('message-id')[0], 1000),
      received: received.length > 0 ? received : undefined,
    });
    if (email) out.email = email;
    else problems.push(noticeText('en', { code: 'email.no-headers' }));
  } catch {
    problems.push(noticeText('en', { code: 'email.header-damaged' }));
  }
  // The body is not read; say so when its structure is unusual rather than pretend it was looked at.
  const rest = head.subarray(end).toString('latin1');
  const parts = rest.match(/^content-type:[ \t]*multipart\//gim)?.length ?? 0;
  if (parts >= MANY_PARTS) {
    problems.push(noticeText('en', { code: 'email.many-parts', values: { count: String(MANY_PARTS) } }));
  }
  if (problems.length > 0) out.problems = problems;
  return out;
}
