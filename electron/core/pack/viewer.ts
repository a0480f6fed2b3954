/**
 * data/viewer.html: one offline file. It shows the timeline with its exhibits from the case data
 * embedded in it and, when the officer chooses the pack's folder, checks with WebCrypto:
 *  - every file listed in manifest-sha256.txt, and each exhibit ALSO against the SHA-256 embedded
 *    in this page when the pack was made (so an exhibit changed together with its manifest line
 *    is caught);
 *  - tagmanifest-sha256.txt (which covers manifest-sha256.txt), and the Ed25519 signature over it
 *    where the browser's WebCrypto has Ed25519 (it says plainly when it has not);
 *  - that signing-key.pem is the key this page names.
 * Exhibits that match are opened in the page: images, e-mails and chat exports as text (never
 * loading anything remote: the e-mail's HTML is turned into text in an inert document), audio and
 * video, PDFs in the browser's own viewer or as a copy to save. Opened from inside a ZIP that was
 * not extracted (the other files cannot be read), the page says so and how to extract it.
 * Content-Security-Policy: default-src 'none', the one inline script and style allowed by hash,
 * images and media only from blob: URLs the page makes itself (and the pack's own files for the
 * check that the pack's other files can be read). No network. Prints well (a print stylesheet).
 */
import { createHash } from 'node:crypto';
import type { CaseFile } from './casefile.js';
import type { OccurredAt } from '../../../shared/model.js';
import type { Language } from '../../../shared/language.js';
import { words } from '../../../shared/words.js';
import { normaliseOffset } from '../../../shared/format.js';
import { PACK_CATALOGUES, humanSize, packText } from './words/index.js';
import { UK_ZONE, ukDate, ukOffset } from '../../../shared/uk-time.js';

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.45; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
.muted { opacity: .8; }
.check, .notice { border: 2px solid currentColor; border-radius: 8px; padding: .75rem 1rem; margin: 1rem 0; }
.notice { border-width: 3px; }
.notice h2 { margin-top: 0; font-size: 1.2rem; }
.ok { font-weight: bold; }
.bad { font-weight: bold; text-decoration: underline; }
.result-line { margin: .3rem 0; }
.incident { border-left: 4px solid currentColor; padding: .25rem 0 .25rem 1rem; margin: 1.25rem 0; }
.incident h2 { font-size: 1.1rem; margin: .1rem 0; }
.when { font-weight: bold; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .4rem 0; }
dt { font-weight: bold; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.hash { font-family: ui-monospace, monospace; font-size: .85em; overflow-wrap: anywhere; }
.exhibit { margin: .5rem 0; padding: .5rem .6rem; border: 1px solid; border-radius: 6px; }
.exhibit img { max-width: 100%; max-height: 28rem; display: block; margin-top: .4rem; }
.exhibit video, .exhibit audio { max-width: 100%; display: block; margin-top: .4rem; }
.exhibit pre { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 30rem; overflow: auto; border: 1px dashed; padding: .5rem; margin: .4rem 0 0; font-size: .9em; }
.exhibit .links a { margin-right: 1rem; }
.exhibit .status-ok { font-weight: bold; }
.exhibit .status-bad { font-weight: bold; text-decoration: underline; }
.mail-head { margin-top: .4rem; }
.escalation { font-weight: bold; text-transform: uppercase; }
li.problem { font-weight: bold; }
label.inline { font-weight: bold; }
[hidden] { display: none !important; }
@media (max-width: 40rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .3rem; } }
@media print {
  :root { color-scheme: light; }
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000; background: #fff; }
  .no-print, #zip-notice, input[type=file], label[for=folder] { display: none !important; }
  .check { border: 1px solid #000; break-inside: avoid; }
  .incident { border-left: 3px solid #000; }
  .incident .when, .incident h2 { break-after: avoid; }
  .exhibit { break-inside: avoid; border-color: #000; }
  .exhibit img { max-height: 12cm; }
  .exhibit pre { max-height: none; overflow: visible; border-color: #000; }
  .exhibit .links a:not(.file-link) { display: none; }
  .exhibit a.file-link::after { content: " (" attr(href) ")"; font-family: ui-monospace, monospace; font-size: .85em; }
  a { color: #000; text-decoration: none; }
  h1 { font-size: 16pt; }
}
@page { margin: 15mm; }
`;

// Plain ES2017, no modules, no eval, DOM built with textContent only. No network address in it.
const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('case-data').textContent);
  var labels = JSON.parse(document.getElementById('labels').textContent);
  var view = JSON.parse(document.getElementById('view').textContent);
  var words = JSON.parse(document.getElementById('words').textContent);
  // The page's words in the pack's language: w('viewer.js.…', { name: value }).
  function w(id, v) {
    var s = words[id] || id;
    return s.replace(/\\{(\\w+)\\}/g, function (all, k) { return v && v[k] !== undefined ? String(v[k]) : all; });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function ukDate(d) { var m = /^(\\d{4})-(\\d{2})-(\\d{2})$/.exec(d || ''); return m ? m[3] + '/' + m[2] + '/' + m[1] : (d || ''); }
  var people = {};
  data.people.forEach(function (p) { people[p.id] = p; });
  function person(id) {
    var p = people[id];
    if (!p) return w('viewer.js.unknownPerson');
    if (p.withheld) return w('viewer.js.withheldPerson');
    return (p.name || w('viewer.js.noName')) + (p.handles && p.handles.length ? ' (' + p.handles.join(', ') + ')' : '');
  }
  var exhibitsByRef = {};
  data.exhibits.forEach(function (x) { exhibitsByRef[x.ref] = x; });
  var exhibitNodes = {};
  // References are permanent: one not in this pack is shown where it would be, with why.
  var withheld = data.withheldReferences || [];
  var withheldNote = {};
  withheld.forEach(function (w) { withheldNote[w.ref] = w.note; });
  // The notes case.json gives a reference not in the pack, in the page's language.
  function noteText(note) {
    if (note === 'withheld by the producer') return w('viewer.js.note.withheld');
    if (note === 'left out: its stored copy failed its SHA-256 check') return w('viewer.js.note.damaged');
    return note;
  }
  function refNumber(ref) { var m = /\\/(\\d+)/.exec(ref); return m ? Number(m[1]) : 0; }
  // Where a file of the pack is, seen from this page (the page is at view.viewerPath in the pack).
  function hrefOf(p) { return view.toRoot + p.split('/').map(encodeURIComponent).join('/'); }

  document.getElementById('title').textContent = w('viewer.js.title', { packId: data.packId });
  document.getElementById('summary').textContent = w('viewer.js.summary', {
    who: data.producer.name || w('viewer.js.noProducer'),
    made: view.createdAt,
    incidents: w(data.counts.incidents === 1 ? 'viewer.js.incidents.one' : 'viewer.js.incidents.other', { n: data.counts.incidents }),
    exhibits: w(data.counts.exhibits === 1 ? 'viewer.js.exhibits.one' : 'viewer.js.exhibits.other', { n: data.counts.exhibits })
  });
  function grouped(h) { return (h.match(/.{1,4}/g) || [h]).join(' '); }
  function signedBy(fp, note) {
    document.getElementById('signing-key').textContent =
      w('viewer.js.signedBy', { key: grouped(fp) }) + (note ? ' ' + note : '');
  }
  signedBy(data.signingKey.fingerprintSha256, w('viewer.js.validShows'));

  var list = document.getElementById('timeline');
  data.incidents.forEach(function (inc, n) {
    var box = el('section', 'incident');
    box.appendChild(el('div', 'when', (n + 1) + '. ' + (view.when[inc.id] || inc.occurredAtText || '')));
    box.appendChild(el('h2', null, inc.title));
    var dl = el('dl');
    function row(k, v) { if (!v) return; dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, v)); }
    row(w('viewer.js.type'), inc.categories.map(function (c) { return labels.categories[c] || c; }).join(', '));
    if (inc.channel) row(w('viewer.js.howReached'), (labels.channels[inc.channel.kind] || inc.channel.kind) + (inc.channel.detail ? ': ' + inc.channel.detail : ''));
    row(w('viewer.js.place'), inc.location);
    row(w('viewer.js.responsible'), (inc.perpetratorIds || []).map(person).join('; '));
    row(w('viewer.js.witnesses'), (inc.witnessIds || []).map(person).join('; '));
    row(w('viewer.js.what'), inc.description);
    row(w('viewer.js.effect'), inc.effect);
    if (inc.escalationSignals && inc.escalationSignals.length) {
      dl.appendChild(el('dt', 'escalation', w('viewer.js.escalation')));
      dl.appendChild(el('dd', 'escalation', inc.escalationSignals.map(function (s) { return labels.escalation[s] || s; }).join('; ')));
    }
    (inc.reports || []).forEach(function (r) {
      row(r.kind === 'police' ? w('viewer.js.reportedPolice') : w('viewer.js.reportedPlatform'),
        [r.force || r.platform, r.reference && w('viewer.js.ref', { ref: r.reference }), r.officer, r.date && ukDate(r.date), r.outcome].filter(Boolean).join(', '));
    });
    row(w('viewer.js.notes'), inc.notes);
    box.appendChild(dl);
    var left = data.omittedExhibits.filter(function (o) { return o.incidentId === inc.id && o.ref; })
      .map(function (o) { return o.ref; });
    inc.exhibitRefs.concat(left).sort(function (a, b) { return refNumber(a) - refNumber(b); }).forEach(function (ref) {
      var x = exhibitsByRef[ref];
      if (!x) {
        box.appendChild(el('div', 'exhibit muted', w('viewer.js.exhibitNote', { ref: ref, note: noteText(withheldNote[ref] || 'withheld by the producer') })));
        return;
      }
      var xe = el('div', 'exhibit');
      xe.appendChild(el('strong', null, w('viewer.js.exhibitHeading', { ref: x.ref, name: x.originalName })));
      if (x.physical) {
        xe.appendChild(el('div', null, w('viewer.js.physical', { keptAt: x.physical.keptAt })));
        if (x.physical.handledBy) xe.appendChild(el('div', 'muted', w('viewer.js.handledBy', { who: x.physical.handledBy })));
        if (x.physical.description) xe.appendChild(el('div', null, x.physical.description));
        box.appendChild(xe);
        return;
      }
      var kind = kindOf(x);
      xe.appendChild(el('div', 'muted', w('viewer.js.fileLine', {
        kind: kindLabel(kind, x.mediaType),
        size: view.size[x.ref] || w('viewer.js.bytes', { n: x.size }),
        imported: view.imported[x.ref] || x.importedAt
      })));
      xe.appendChild(el('div', 'hash', 'SHA-256 ' + x.sha256));
      xe.appendChild(el('div', 'hash', w('viewer.js.fileInPack', { path: x.path })));
      var links = el('div', 'links');
      var open = el('a', 'file-link', w('viewer.js.openFile'));
      open.href = hrefOf(x.path);
      open.target = '_blank';
      open.rel = 'noopener noreferrer';
      links.appendChild(open);
      xe.appendChild(links);
      var status = el('div', 'muted', w('viewer.js.notChecked'));
      xe.appendChild(status);
      exhibitNodes[x.path] = { box: xe, status: status, links: links, exhibit: x, kind: kind, shown: null };
      box.appendChild(xe);
    });
    list.appendChild(box);
  });
  if (withheld.length) {
    var gaps = el('section', 'incident');
    gaps.appendChild(el('h2', null, w('viewer.js.refsNotIn')));
    withheld.forEach(function (g) { gaps.appendChild(el('div', 'muted', g.ref + ': ' + noteText(g.note))); });
    list.appendChild(gaps);
  }

  // ---- What kind of file an exhibit is, and how it is opened here ----
  function kindOf(x) {
    var t = (x.mediaType || '').toLowerCase();
    var n = (x.originalName || x.path || '').toLowerCase();
    if (/^image\\/(png|jpeg|gif|webp|bmp|avif)$/.test(t)) return 'image';
    if (t === 'application/pdf' || /\\.pdf$/.test(n)) return 'pdf';
    if (t === 'message/rfc822' || /\\.eml$/.test(n)) return 'email';
    if (/^audio\\//.test(t)) return 'audio';
    if (/^video\\//.test(t)) return 'video';
    if (/^text\\//.test(t) || t === 'application/json' || /\\.(txt|csv|json|log|vcf|md)$/.test(n)) return 'text';
    return 'other';
  }
  function kindLabel(kind, t) {
    return w(({ image: 'viewer.js.kind.image', pdf: 'viewer.js.kind.pdf', email: 'viewer.js.kind.email',
      audio: 'viewer.js.kind.audio', video: 'viewer.js.kind.video', text: 'viewer.js.kind.text',
      other: 'viewer.js.kind.other' })[kind]) + (t ? ' (' + t + ')' : '');
  }
  var MAX_TEXT = 2 * 1024 * 1024;
  function decodeText(bytes, charset) {
    try { return new TextDecoder(charset || 'utf-8').decode(bytes); }
    catch (e) { return new TextDecoder('utf-8').decode(bytes); }
  }
  function latin1(bytes) { var s = ''; for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]); return s; }
  function bytesOf(s) { var b = new Uint8Array(s.length); for (var i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 255; return b; }
  function fromBase64(s) { try { return bytesOf(atob(s.replace(/[^A-Za-z0-9+\\/=]/g, ''))); } catch (e) { return new Uint8Array(0); } }
  function fromQp(s) {
    return bytesOf(s.replace(/=\\r?\\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, function (_, h) { return String.fromCharCode(parseInt(h, 16)); }));
  }
  // RFC 2047 encoded words in a header: =?utf-8?B?...?= and =?utf-8?Q?...?=
  function decodeWords(v) {
    return v.replace(/\\?=\\s+=\\?/g, '?==?').replace(/=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=/g, function (_, cs, enc, text) {
      var b = /b/i.test(enc) ? fromBase64(text) : fromQp(text.replace(/_/g, ' '));
      return decodeText(b, cs);
    });
  }
  // A MIME entity (latin-1 string of its bytes): its headers and body.
  function parseEntity(raw) {
    var m = /\\r?\\n\\r?\\n/.exec(raw);
    var head = m ? raw.slice(0, m.index) : raw;
    var body = m ? raw.slice(m.index + m[0].length) : '';
    var headers = {};
    var order = [];
    head.replace(/\\r?\\n[ \\t]+/g, ' ').split(/\\r?\\n/).forEach(function (line) {
      var i = line.indexOf(':');
      if (i <= 0) return;
      var k = line.slice(0, i).trim().toLowerCase();
      if (!(k in headers)) { headers[k] = line.slice(i + 1).trim(); order.push(k); }
    });
    return { headers: headers, body: body };
  }
  function param(v, name) {
    var m = new RegExp(name + '\\\\*?=\\\\s*(?:"([^"]*)"|([^;\\\\s]*))', 'i').exec(v || '');
    return m ? (m[1] !== undefined ? m[1] : m[2]) : '';
  }
  function bodyBytes(ent) {
    var enc = (ent.headers['content-transfer-encoding'] || '').toLowerCase();
    if (enc === 'base64') return fromBase64(ent.body);
    if (enc === 'quoted-printable') return fromQp(ent.body);
    return bytesOf(ent.body);
  }
  // The text of a message and its attachments, walking multipart bodies. HTML becomes text in an
  // inert document (DOMParser loads nothing and runs nothing).
  function walk(ent, out, depth) {
    var type = (ent.headers['content-type'] || 'text/plain').toLowerCase();
    var disp = (ent.headers['content-disposition'] || '').toLowerCase();
    if (/^multipart\\//.test(type) && depth < 8) {
      var boundary = param(ent.headers['content-type'], 'boundary');
      if (!boundary) return;
      var parts = ent.body.split('--' + boundary);
      for (var i = 1; i < parts.length; i++) {
        var p = parts[i];
        if (/^--/.test(p)) break;
        walk(parseEntity(p.replace(/^\\r?\\n/, '')), out, depth + 1);
      }
      return;
    }
    var name = decodeWords(param(ent.headers['content-disposition'], 'filename') || param(ent.headers['content-type'], 'name'));
    if (/^attachment/.test(disp) || (name && !/^text\\//.test(type))) {
      out.attachments.push({ name: name, type: type.split(';')[0], data: bodyBytes(ent) });
      return;
    }
    var charset = param(ent.headers['content-type'], 'charset') || 'utf-8';
    if (/^text\\/plain/.test(type)) out.plain.push(decodeText(bodyBytes(ent), charset));
    else if (/^text\\/html/.test(type)) {
      var doc = new DOMParser().parseFromString(decodeText(bodyBytes(ent), charset), 'text/html');
      doc.querySelectorAll('br').forEach(function (b) { b.replaceWith('\\n'); });
      doc.querySelectorAll('p, div, li, tr, h1, h2, h3, h4').forEach(function (b) { b.append('\\n'); });
      out.html.push((doc.body ? doc.body.textContent : '') || '');
    }
  }
  function showEmail(node, bytes) {
    var ent = parseEntity(latin1(bytes));
    var out = { plain: [], html: [], attachments: [] };
    walk(ent, out, 0);
    var head = el('dl', 'mail-head');
    ['from', 'to', 'cc', 'date', 'subject', 'message-id'].forEach(function (k) {
      if (!ent.headers[k]) return;
      head.appendChild(el('dt', null, w(({ from: 'viewer.js.mail.from', to: 'viewer.js.mail.to', cc: 'viewer.js.mail.cc',
        date: 'viewer.js.mail.date', subject: 'viewer.js.mail.subject', 'message-id': 'viewer.js.mail.message-id' })[k])));
      head.appendChild(el('dd', null, decodeWords(ent.headers[k])));
    });
    var text = out.plain.length ? out.plain.join('\\n\\n') : out.html.join('\\n\\n');
    var wrap = el('div', 'shown');
    wrap.appendChild(head);
    wrap.appendChild(el('pre', null, text.trim() || w('viewer.js.noText')));
    if (out.attachments.length) {
      var listEl = el('ul', 'attachments');
      wrap.appendChild(el('div', null, w('viewer.js.attachments')));
      wrap.appendChild(listEl);
      showAttachments(node.exhibit, out.attachments, listEl).catch(function () { /* listed without their check */ });
    }
    wrap.appendChild(el('div', 'muted', w('viewer.js.shownAsText', { path: node.exhibit.path })));
    return wrap;
  }
  // Each attachment with its sub-exhibit reference (AB/5/1) and its SHA-256 checked against the
  // one this page was made with; saved from a blob: URL, never opened here.
  async function showAttachments(x, found, listEl) {
    var known = (x.attachments || []).slice();
    for (var i = 0; i < found.length; i++) {
      var a = found[i];
      var k = -1;
      for (var j = 0; j < known.length; j++) if (known[j] && known[j].filename === a.name) { k = j; break; }
      if (k < 0 && known[i]) k = i;
      var sub = k >= 0 ? known[k] : null;
      if (k >= 0) known[k] = null;
      var digest = hex(await crypto.subtle.digest('SHA-256', a.data));
      var li = el('li', null, (sub ? sub.ref + ': ' : '') + (a.name || w('viewer.js.noName')) + ' · ' + a.type + ' · ' +
        w('viewer.js.bytes', { n: a.data.length.toLocaleString('en-GB') }));
      if (sub) {
        li.appendChild(el('span', sub.sha256 === digest ? 'status-ok' : 'status-bad',
          sub.sha256 === digest ? w('viewer.js.attachmentOk') : w('viewer.js.attachmentBad')));
      }
      var save = el('a', null, w('viewer.js.saveCopy'));
      save.href = URL.createObjectURL(new Blob([a.data], { type: 'application/octet-stream' }));
      save.download = a.name || ((sub ? sub.ref.replace(/\\//g, '-') : 'attachment') + '.bin');
      li.appendChild(document.createTextNode(' '));
      li.appendChild(save);
      listEl.appendChild(li);
    }
  }
  function showExhibit(node, file, bytes) {
    if (node.shown) node.shown.remove();
    var x = node.exhibit;
    var url = URL.createObjectURL(new Blob([bytes], { type: x.mediaType || 'application/octet-stream' }));
    var wrap;
    if (node.kind === 'image') {
      wrap = el('img', 'shown');
      wrap.alt = w('viewer.js.exhibitLabel', { ref: x.ref, name: x.originalName });
      wrap.src = url;
    } else if (node.kind === 'audio' || node.kind === 'video') {
      wrap = el(node.kind, 'shown');
      wrap.controls = true;
      wrap.src = url;
      wrap.setAttribute('aria-label', w('viewer.js.exhibitLabel', { ref: x.ref, name: x.originalName }));
    } else if (node.kind === 'email') {
      wrap = showEmail(node, bytes);
    } else if (node.kind === 'text') {
      wrap = el('div', 'shown');
      var t = decodeText(bytes.length > MAX_TEXT ? bytes.slice(0, MAX_TEXT) : bytes, 'utf-8');
      wrap.appendChild(el('pre', null, t));
      if (bytes.length > MAX_TEXT) wrap.appendChild(el('div', 'muted', w('viewer.js.first2mb')));
    } else {
      wrap = el('div', 'shown muted', node.kind === 'pdf' ? w('viewer.js.pdfHint') : w('viewer.js.notShown'));
    }
    node.shown = wrap;
    node.box.appendChild(wrap);
    if (!node.checkedLinks) {
      var openCopy = el('a', null, w('viewer.js.openCopy'));
      openCopy.href = url;
      openCopy.target = '_blank';
      openCopy.rel = 'noopener';
      var save = el('a', null, w('viewer.js.saveCopy'));
      save.href = url;
      save.download = x.originalName || x.path.split('/').pop();
      node.links.appendChild(openCopy);
      node.links.appendChild(save);
      node.checkedLinks = [openCopy, save];
    } else {
      node.checkedLinks.forEach(function (a) { a.href = url; });
    }
  }

  // ---- The check ----
  function hex(buf) {
    var b = new Uint8Array(buf), s = '';
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    return s;
  }
  function decodePath(p) { return p.replace(/%0A/gi, '\\n').replace(/%0D/gi, '\\r').replace(/%25/g, '%'); }
  var exhibitByPath = {};
  data.exhibits.forEach(function (x) { if (!x.physical && x.path) exhibitByPath[x.path] = x; });
  function setStatus(node, text, good) { if (!node) return; node.status.textContent = text; node.status.className = good ? 'status-ok' : 'status-bad'; }

  async function check(files) {
    var out = document.getElementById('result');
    var sigOut = document.getElementById('result-signature');
    var problems = document.getElementById('problems');
    problems.textContent = '';
    out.className = 'result-line';
    sigOut.textContent = '';
    var byPath = {};
    var manifest = null, base = '';
    for (var i = 0; i < files.length; i++) {
      var f = files[i];
      var rel = f.webkitRelativePath || f.name;
      byPath[rel] = f;
      if (/(^|\\/)manifest-sha256\\.txt$/.test(rel) && (!manifest || rel.length < manifest.rel.length)) manifest = { rel: rel, file: f };
    }
    if (!manifest) {
      out.textContent = w('viewer.js.noManifest');
      out.className = 'result-line bad';
      return;
    }
    base = manifest.rel.slice(0, manifest.rel.length - 'manifest-sha256.txt'.length);
    if (!window.crypto || !crypto.subtle) {
      out.textContent = w('viewer.js.noCrypto');
      out.className = 'result-line bad';
      return;
    }
    var lines = (await manifest.file.text()).split(/\\r?\\n/).filter(function (l) { return l.trim() !== ''; });
    var listed = {};
    var bad = 0, good = 0;
    function problem(t) { bad++; problems.appendChild(el('li', 'problem', t)); }
    for (var j = 0; j < lines.length; j++) {
      var m = /^([0-9a-fA-F]{64})[ \\t]+\\*?(.+)$/.exec(lines[j]);
      if (!m) { problem(w('viewer.js.lineNotUnderstood', { file: 'manifest-sha256.txt', n: j + 1 })); continue; }
      var p = decodePath(m[2]);
      var listedHash = m[1].toLowerCase();
      listed[p] = true;
      out.textContent = w('viewer.js.checking', { n: j + 1, of: lines.length, path: p });
      var file = byPath[base + p];
      var node = exhibitNodes[p];
      var made = exhibitByPath[p];
      if (!file) { problem(w('viewer.js.missing', { path: p, file: 'manifest-sha256.txt' })); setStatus(node, w('viewer.js.missingStatus'), false); continue; }
      var bytes = new Uint8Array(await file.arrayBuffer());
      var digest = hex(await crypto.subtle.digest('SHA-256', bytes));
      if (digest !== listedHash) {
        problem(w('viewer.js.changed', { path: p, file: 'manifest-sha256.txt' }));
        setStatus(node, w('viewer.js.changedStatus'), false);
        continue;
      }
      if (made && made.sha256 !== listedHash) {
        problem(w('viewer.js.changedBoth', { path: p, sha256: made.sha256 }));
        setStatus(node, w('viewer.js.changedBothStatus'), false);
        continue;
      }
      good++;
      if (node) {
        setStatus(node, w('viewer.js.checked'), true);
        try { showExhibit(node, file, bytes); } catch (e) { node.box.appendChild(el('div', 'muted', w('viewer.js.cannotShow'))); }
      }
    }
    Object.keys(exhibitByPath).forEach(function (p) {
      if (!listed[p]) { problem(w('viewer.js.notListed', { path: p })); setStatus(exhibitNodes[p], w('viewer.js.notListedStatus'), false); }
    });
    Object.keys(byPath).forEach(function (rel) {
      if (rel.indexOf(base + 'data/') !== 0) return;
      var p = rel.slice(base.length);
      if (!listed[p]) problem(w('viewer.js.extra', { path: p }));
    });
    out.textContent = w('viewer.js.checkingTags');
    var sig = await checkSignature(byPath, base, problem);
    var n = good + sig.tagFiles;
    if (bad === 0) {
      out.textContent = w(good > 0 ? 'viewer.js.allMatchExhibits' : 'viewer.js.allMatch', { n: n });
      out.className = 'result-line ok';
    } else {
      out.textContent = w(bad === 1 ? 'viewer.js.problems.one' : 'viewer.js.problems.other', { n: bad }) + ' ' +
        w(n === 1 ? 'viewer.js.filesMatch.one' : 'viewer.js.filesMatch.other', { n: n });
      out.className = 'result-line bad';
    }
    sigOut.textContent = sig.text;
    sigOut.className = 'result-line ' + (sig.state === 'valid' ? 'ok' : 'bad');
  }
  // The tag manifest's hashes (it covers manifest-sha256.txt), which key signing-key.pem is, and
  // the Ed25519 signature over the tag manifest where this browser's WebCrypto can check it.
  async function checkSignature(byPath, base, problem) {
    function file(n) { return byPath[base + n]; }
    var result = { state: 'invalid', text: '', tagFiles: 0 };
    var names = ['tagmanifest-sha256.txt', 'tagmanifest-sha256.txt.sig', 'signing-key.pem'];
    for (var i = 0; i < names.length; i++) {
      if (!file(names[i])) {
        problem(w('viewer.js.sigFileMissing', { file: names[i] }));
        result.text = w('viewer.js.sigNotCheckedMissing', { file: names[i] });
        return result;
      }
    }
    var tagBytes = await file('tagmanifest-sha256.txt').arrayBuffer();
    var tagLines = new TextDecoder().decode(tagBytes).split(/\\r?\\n/).filter(function (l) { return l.trim() !== ''; });
    var coversManifest = false;
    for (var j = 0; j < tagLines.length; j++) {
      var m = /^([0-9a-fA-F]{64})[ \\t]+\\*?(.+)$/.exec(tagLines[j]);
      if (!m) { problem(w('viewer.js.lineNotUnderstood', { file: 'tagmanifest-sha256.txt', n: j + 1 })); continue; }
      var p = decodePath(m[2]);
      if (p === 'manifest-sha256.txt') coversManifest = true;
      var f = file(p);
      if (!f) { problem(w('viewer.js.missing', { path: p, file: 'tagmanifest-sha256.txt' })); continue; }
      var digest = hex(await crypto.subtle.digest('SHA-256', await f.arrayBuffer()));
      if (digest !== m[1].toLowerCase()) problem(w('viewer.js.changed', { path: p, file: 'tagmanifest-sha256.txt' }));
      else result.tagFiles++;
    }
    if (!coversManifest) problem(w('viewer.js.notCovering'));
    var pem = await file('signing-key.pem').text();
    var der;
    try {
      var b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\\s+/g, '');
      der = Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); });
    } catch (e) { der = new Uint8Array(0); }
    var prefix = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
    var isEd = der.length === 44 && prefix.every(function (b, k) { return der[k] === b; });
    if (!isEd) {
      problem(w('viewer.js.notEd'));
      result.text = w('viewer.js.notEdResult');
      return result;
    }
    var fp = hex(await crypto.subtle.digest('SHA-256', der.slice(12)));
    var otherKey = fp !== data.signingKey.fingerprintSha256;
    if (otherKey) {
      problem(w('viewer.js.otherKey', { key: grouped(fp), named: grouped(data.signingKey.fingerprintSha256) }));
    }
    var sig = await file('tagmanifest-sha256.txt.sig').arrayBuffer();
    var valid = null;
    try {
      var key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
      valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, tagBytes);
    } catch (e) { valid = null; }
    if (valid === false) problem(w('viewer.js.sigInvalid'));
    signedBy(fp, valid === null ? w('viewer.js.noEd') : w('viewer.js.validShows'));
    if (valid === null) {
      result.state = 'unchecked';
      result.text = w('viewer.js.sigUnchecked');
    } else if (valid && !otherKey) {
      result.state = 'valid';
      result.text = w('viewer.js.sigValid', { key: grouped(fp) });
    } else {
      result.text = valid ? w('viewer.js.sigOtherKey') : w('viewer.js.sigNotValid');
    }
    return result;
  }

  document.getElementById('folder').addEventListener('change', function (ev) {
    check(ev.target.files).catch(function (e) {
      document.getElementById('result').textContent = w('viewer.js.couldNotCheck', { why: e && e.message ? e.message : e });
    });
  });
  document.getElementById('print').addEventListener('click', function () { window.print(); });

  // ---- Opened from inside a ZIP that was not extracted? ----
  // Windows opens a file inside a ZIP from a temporary copy of that one file (…\\Temp1_pack.zip\\…),
  // 7-Zip and others likewise: the rest of the pack is then not beside this page.
  function zipNotice() { document.getElementById('zip-notice').hidden = false; }
  var here = '';
  try { here = decodeURIComponent(location.pathname); } catch (e) { here = location.pathname; }
  if (/\\.zip[\\/\\\\]/i.test(here) || /[\\/\\\\](Temp\\d+_[^\\/\\\\]*|7zO[0-9A-Fa-f]*|\\.fr-[^\\/\\\\]*)[\\/\\\\]/.test(here)) zipNotice();
  else if (location.protocol === 'file:') {
    var probe = data.exhibits.filter(function (x) { return !x.physical && kindOf(x) === 'image'; })[0];
    if (probe) {
      var img = new Image();
      img.onerror = zipNotice;
      img.src = hrefOf(probe.path);
    }
  }
})();
`;

function sha256b64(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

function escapeHtml(t: string): string {
  return t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside <script type="application/json">: no '<' so nothing can close the element. */
function embedJson(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** "Tue 12/11/2019 20:15 GMT", "About Tue 12/11/2019 (date only)", "Sat 04/05/2024 02:40 UTC+05:30" (Welsh day names for 'cy'). */
export function ukWhen(at: OccurredAt, lang: Language = 'en'): string {
  const t = packText(lang);
  const weekdays = t('when.daysShort').split('|');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(at.date) ? new Date(`${at.date}T12:00:00Z`).getUTCDay() : -1;
  const date = `${day >= 0 ? `${weekdays[day] ?? ''} ` : ''}${ukDate(at.date)}`;
  const about = (when: string): string => (at.approximate ? t('when.about', { when }) : when);
  if (!at.time) return about(t('when.dateOnly', { day: date }));
  const offset = normaliseOffset(at.offset ?? 'Z');
  let zone = offset === 'Z' ? 'UTC' : `UTC${offset}`;
  try {
    const uk = ukOffset(at.date, at.time.slice(0, 5));
    const ukOffsets = uk.kind === 'exact' ? [uk.offset] : uk.kind === 'twice' ? [uk.first, uk.second] : [];
    if (ukOffsets.some((o) => normaliseOffset(o) === offset)) zone = offset === 'Z' ? 'GMT' : 'BST';
  } catch {
    // Not a real date and time: the zone stays as UTC±hh:mm.
  }
  return about(`${date} ${at.time.slice(0, 5)} ${zone}`);
}

/** An ISO instant as "01/12/2026 13:40 GMT" (UK time), or the text as given when it is not one. */
export function ukInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: UK_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(d);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  const zone = /BST|GMT\+1/.test(get('timeZoneName')) ? 'BST' : 'GMT';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')} ${zone}`;
}

export interface ViewerOptions {
  /** Where the page is in the pack (default data/viewer.html): links to the pack's files are made relative to it. */
  viewerPath?: string;
}

export function viewerHtml(c: CaseFile, opts: ViewerOptions = {}): string {
  const viewerPath = opts.viewerPath ?? 'data/viewer.html';
  const depth = viewerPath.split('/').length - 1;
  const lang = c.language ?? 'en';
  const t = packText(lang);
  const w = words(lang);
  const labels = { categories: w.category, channels: w.channel, escalation: w.escalation };
  const pageWords = Object.fromEntries(
    Object.entries(PACK_CATALOGUES[lang]).filter(([id]) => id.startsWith('viewer.js.')),
  );
  const view = {
    viewerPath,
    toRoot: '../'.repeat(depth),
    createdAt: ukInstant(c.createdAt),
    when: Object.fromEntries(c.incidents.map((i) => [i.id, ukWhen(i.occurredAt, lang)])),
    imported: Object.fromEntries(c.exhibits.map((x) => [x.ref, ukInstant(x.importedAt)])),
    size: Object.fromEntries(c.exhibits.map((x) => [x.ref, humanSize(lang, x.size)])),
  };
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256b64(SCRIPT)}'`,
    `style-src 'sha256-${sha256b64(STYLE)}'`,
    // blob: the checked copies this page shows; file: only the probe that the pack's other files can be read.
    'img-src blob: file:',
    'media-src blob:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="${lang === 'cy' ? 'cy' : 'en-GB'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('viewer.html.title'))}</title>
<style>${STYLE}</style>
</head>
<body>
<div id="zip-notice" class="notice" role="alert" hidden>
<h2>${escapeHtml(t('viewer.html.zipHeading'))}</h2>
<p>${escapeHtml(t('viewer.html.zipBody'))}</p>
<p>${t('viewer.html.zipWhat', {
    what: `<strong>${escapeHtml(t('viewer.html.whatToDo'))}</strong>`,
    extractAll: `<strong>${escapeHtml(t('viewer.html.extractAll'))}</strong>`,
    path: `<strong>${escapeHtml(viewerPath)}</strong>`,
  })}</p>
</div>
<h1 id="title">${escapeHtml(t('viewer.html.heading'))}</h1>
<p id="summary" class="muted"></p>
<p id="signing-key"></p>
<div class="check">
<p><strong>${escapeHtml(t('viewer.html.checkHeading'))}</strong> ${escapeHtml(t('viewer.html.checkBody'))}</p>
<label for="folder" class="inline">${escapeHtml(t('viewer.html.folder'))}</label><input id="folder" type="file" webkitdirectory multiple>
<p id="result" class="result-line" role="status" aria-live="polite">${escapeHtml(t('viewer.html.notChecked'))}</p>
<p id="result-signature" class="result-line"></p>
<ul id="problems"></ul>
<p class="no-print"><button id="print" type="button">${escapeHtml(t('viewer.html.print'))}</button></p>
</div>
<main id="timeline" aria-label="${escapeHtml(t('viewer.html.timeline'))}"></main>
<script type="application/json" id="case-data">${embedJson(c)}</script>
<script type="application/json" id="labels">${embedJson(labels)}</script>
<script type="application/json" id="view">${embedJson(view)}</script>
<script type="application/json" id="words">${embedJson(pageWords)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
