/**
 * Make an e-mail's HTML body safe to show: DOMPurify removes scripts, event handlers and dangerous
 * elements; our hooks then remove every URL that would make the window fetch something remote
 * (src, srcset, background, poster, CSS url() however it is spelt, <link>, <style>), so opening an e-mail never tells a
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

export function sanitizeEmailHtml(
  html: string,
  inlineImages: ReadonlyMap<string, string>,
  /** The alt text of a remote picture that was not loaded, in the window's language. */
  remotePictureAlt: string,
): SanitizedEmail {
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
        node.setAttribute('alt', node.getAttribute('alt') || remotePictureAlt);
        node.setAttribute('data-ev-blocked', 'remote-image');
      }
    }
    const style = node.getAttribute('style');
    if (style !== null) {
      const cleaned = cleanStyle(style);
      if (cleaned !== style) {
        if (cleaned) node.setAttribute('style', cleaned);
        else node.removeAttribute('style');
        blockedRemote++;
      }
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

/**
 * CSS that could fetch something, looked for after comments are dropped, escapes decoded and
 * spaces removed (so `u\72 l(`, `\75 rl(`, `url/**\/(` and `image-s\65 t(` are all caught).
 */
const REMOTE_CSS = /url\(|image-set\(|image\(|cross-fade\(|element\(|src\(|@import|expression\(|-moz-binding|behavior:/;

/** CSS text as the browser's tokenizer sees it: no comments, escapes decoded, no white space, lower case. */
export function decodeCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([\s\S])/g, (_m, hex: string | undefined, ch: string | undefined) => {
      if (hex === undefined) return ch === '\n' ? '' : (ch ?? '');
      const cp = parseInt(hex, 16);
      return cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
    })
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * A style attribute with every declaration that could fetch something removed. The browser's CSS
 * parser reads it (the same parser the frame uses), each declaration is checked after decoding,
 * and the result is the browser's canonical text; if anything suspicious is still left, or the text
 * cannot be read, null (drop the whole attribute). Returns the input unchanged when it is clean.
 */
export function cleanStyle(style: string): string | null {
  if (!REMOTE_CSS.test(decodeCss(style))) return style;
  const decl = document.createElement('div').style;
  decl.cssText = style;
  const props: string[] = [];
  for (let i = 0; i < decl.length; i++) props.push(decl.item(i));
  for (const prop of props) {
    if (REMOTE_CSS.test(decodeCss(`${prop}:${decl.getPropertyValue(prop)}`))) decl.removeProperty(prop);
  }
  const out = decl.cssText;
  return out && !REMOTE_CSS.test(decodeCss(out)) ? out : null;
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
