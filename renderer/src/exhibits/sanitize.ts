/**
 * Make an e-mail's HTML body safe to show: DOMPurify removes scripts, event handlers and dangerous
 * elements; our hooks then remove every URL that would make the window fetch something remote
 * (src, srcset, background, poster, CSS url(), <link>, <style>), so opening an e-mail never tells a
 * sender it was read. Inline images (cid:) are replaced by data: URLs from the e-mail's own parts.
 * The result is shown in an <iframe sandbox=""> (no scripts, opaque origin) with its own CSP.
 */
import DOMPurify from 'dompurify';

export interface SanitizedEmail {
  html: string;
  /** How many remote resources (images, styles, frames…) were removed. */
  blockedRemote: number;
  /** How many links were made inert. */
  disabledLinks: number;
}

const URL_ATTRS = ['src', 'srcset', 'background', 'poster', 'lowsrc', 'dynsrc', 'longdesc', 'cite', 'data', 'action'];
const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'svg',
  'math',
  'template',
  'portal',
];

/** A CSP for the e-mail frame: nothing may load except data: images; no script at all. */
export const EMAIL_FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src 'none'";

export function sanitizeEmailHtml(html: string, inlineImages: ReadonlyMap<string, string>): SanitizedEmail {
  const purify = DOMPurify(window);
  let blockedRemote = 0;
  let disabledLinks = 0;
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (FORBID_TAGS.includes(data.tagName) && (data.tagName === 'link' || data.tagName === 'style')) blockedRemote++;
    void node;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    for (const attr of URL_ATTRS) {
      const value = node.getAttribute(attr);
      if (value === null) continue;
      const v = value.trim();
      if (attr === 'src' && /^cid:/i.test(v)) {
        const data = inlineImages.get(v.slice(4).replace(/^<|>$/g, '').toLowerCase());
        if (data) {
          node.setAttribute('src', data);
          continue;
        }
      }
      if (attr === 'src' && /^data:image\/(png|jpeg|gif|webp);/i.test(v)) continue;
      node.removeAttribute(attr);
      blockedRemote++;
      if (node.tagName === 'IMG') {
        node.setAttribute('alt', node.getAttribute('alt') || 'Remote picture not loaded');
        node.setAttribute('data-ev-blocked', 'remote-image');
      }
    }
    const style = node.getAttribute('style');
    if (style !== null && /url\s*\(|image-set\s*\(|@import|expression\s*\(/i.test(style)) {
      node.setAttribute(
        'style',
        style.replace(/(url|image-set|expression)\s*\([^)]*\)?/gi, 'none').replace(/@import/gi, ''),
      );
      blockedRemote++;
    }
    if (node.hasAttribute('href')) {
      const href = node.getAttribute('href') ?? '';
      node.removeAttribute('href');
      if (href && !href.startsWith('#')) {
        node.setAttribute('title', `Link not followed: ${href}`.slice(0, 500));
        disabledLinks++;
      }
    }
    for (const a of ['ping', 'formaction', 'xlink:href', 'target']) node.removeAttribute(a);
  });
  const clean = purify.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR: ['srcset', 'ping', 'formaction'],
    ALLOW_DATA_ATTR: false,
    WHOLE_DOCUMENT: false,
    RETURN_TRUSTED_TYPE: false,
  });
  purify.removeAllHooks();
  return { html: clean, blockedRemote, disabledLinks };
}

/** The whole document for the sandboxed frame's srcdoc. */
export function emailFrameDocument(bodyHtml: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${EMAIL_FRAME_CSP}">` +
    '<meta name="referrer" content="no-referrer">' +
    '<meta name="color-scheme" content="light">' +
    '</head><body>' +
    bodyHtml +
    '</body></html>'
  );
}
