/**
 * Sub-exhibits: the attachments of an e-mail exhibit get references under it (AB/5/1, AB/5/2, …),
 * in the order they appear in the message. The e-mail's bytes never change (their SHA-256 is
 * checked as they are read), so the same attachment gets the same reference in every pack. Read
 * with postal-mime, bounded (size, nesting depth, header size); a message it cannot read lists no
 * attachments and says so in one line. Nothing is fetched and nothing in the e-mail is run.
 */
import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';

/** E-mails larger than this are not read for attachments (the pack says so). */
export const EMAIL_READ_MAX = 16 * 1024 * 1024;

export interface CaseAttachment {
  /** AB/5/1: the first attachment of exhibit AB/5. */
  ref: string;
  /** The name the e-mail gives it ('' when none). */
  filename: string;
  mediaType: string;
  size: number;
  /** SHA-256 of the decoded attachment, lowercase hex. */
  sha256: string;
}

export interface EmailParts {
  attachments: CaseAttachment[];
  /** Why the attachments could not be listed, in one plain line. */
  problem?: string;
}

export function isEmail(mediaType: string): boolean {
  return mediaType === 'message/rfc822';
}

export const TOO_LARGE_TO_LIST = 'the e-mail is too large to list its attachments here; they are inside the file';

export async function emailAttachments(bytes: Uint8Array, ref: string): Promise<EmailParts> {
  if (bytes.length > EMAIL_READ_MAX) return { attachments: [], problem: TOO_LARGE_TO_LIST };
  try {
    const email = await PostalMime.parse(bytes, {
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: 64,
      maxHeadersSize: 1024 * 1024,
    });
    return {
      attachments: email.attachments.map((a, i): CaseAttachment => {
        const content =
          typeof a.content === 'string'
            ? Buffer.from(a.content, a.encoding === 'base64' ? 'base64' : 'utf8')
            : a.content;
        const body = content instanceof ArrayBuffer ? new Uint8Array(content) : content;
        return {
          ref: `${ref}/${i + 1}`,
          filename: a.filename ?? '',
          mediaType: a.mimeType,
          size: body.byteLength,
          sha256: createHash('sha256').update(body).digest('hex'),
        };
      }),
    };
  } catch {
    return {
      attachments: [],
      problem:
        'the e-mail’s structure could not be read (damaged or unusually built), so its attachments are not listed; they are inside the file',
    };
  }
}
