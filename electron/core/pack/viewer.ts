/**
 * data/viewer.html: one offline file. It shows the timeline with its exhibits from the case data
 * embedded in it, and, when the officer chooses the pack's folder, checks every file listed in
 * manifest-sha256.txt with WebCrypto. Content-Security-Policy: default-src 'none', the one inline
 * script and style allowed by hash, images only from blob: URLs the page makes itself. No network.
 */
import { createHash } from 'node:crypto';
import type { CaseFile } from './casefile.js';
import { CATEGORY_LABELS, CHANNEL_LABELS, ESCALATION_LABELS } from '../../../shared/model.js';

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.45; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
.muted { opacity: .75; }
.check { border: 2px solid currentColor; border-radius: 8px; padding: .75rem 1rem; margin: 1rem 0; }
.ok { font-weight: bold; }
.bad { font-weight: bold; text-decoration: underline; }
.incident { border-left: 4px solid currentColor; padding: .25rem 0 .25rem 1rem; margin: 1.25rem 0; }
.incident h2 { font-size: 1.1rem; margin: .1rem 0; }
.when { font-weight: bold; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .4rem 0; }
dt { font-weight: bold; }
dd { margin: 0; white-space: pre-wrap; }
.hash { font-family: ui-monospace, monospace; font-size: .85em; overflow-wrap: anywhere; }
.exhibit { margin: .4rem 0; padding: .4rem; border: 1px solid; border-radius: 6px; }
.exhibit img { max-width: 100%; max-height: 24rem; display: block; margin-top: .4rem; }
.escalation { font-weight: bold; text-transform: uppercase; }
li.problem { font-weight: bold; }
`;

// Plain ES2017, no modules, no eval, DOM built with textContent only.
const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('case-data').textContent);
  var labels = JSON.parse(document.getElementById('labels').textContent);
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function when(at) {
    var s = (at.approximate ? 'About ' : '') + at.date;
    if (at.time) s += ' ' + at.time + ' ' + (!at.offset || at.offset === 'Z' ? 'UTC' : 'UTC' + at.offset);
    return s;
  }
  var people = {};
  data.people.forEach(function (p) { people[p.id] = p; });
  function person(id) {
    var p = people[id];
    if (!p) return '(unknown person)';
    if (p.withheld) return '(person withheld)';
    return (p.name || '(no name)') + (p.handles.length ? ' (' + p.handles.join(', ') + ')' : '');
  }
  var exhibitsByRef = {};
  data.exhibits.forEach(function (x) { exhibitsByRef[x.ref] = x; });
  var exhibitNodes = {};
  // References are permanent: one not in this pack is shown where it would be, with why.
  var withheld = data.withheldReferences || [];
  var withheldNote = {};
  withheld.forEach(function (w) { withheldNote[w.ref] = w.note; });
  function refNumber(ref) { var m = /\\/(\\d+)/.exec(ref); return m ? Number(m[1]) : 0; }

  document.getElementById('title').textContent = 'Case pack ' + data.packId;
  document.getElementById('summary').textContent =
    (data.producer.name || 'Producer not named') + ' · made ' + data.createdAt + ' · ' +
    data.counts.incidents + ' incident(s), ' + data.counts.exhibits + ' exhibit(s)';
  function grouped(h) { return (h.match(/.{1,4}/g) || [h]).join(' '); }
  function signedBy(fp, note) {
    document.getElementById('signing-key').textContent =
      'Signed by key ' + grouped(fp) + '; compare it with the producer’s key card.' + (note ? ' ' + note : '');
  }
  signedBy(data.signingKey.fingerprintSha256, 'A valid signature shows only that the pack is unchanged since that key signed it.');

  var list = document.getElementById('timeline');
  data.incidents.forEach(function (inc, n) {
    var box = el('section', 'incident');
    box.appendChild(el('div', 'when', (n + 1) + '. ' + when(inc.occurredAt)));
    box.appendChild(el('h2', null, inc.title));
    var dl = el('dl');
    function row(k, v) { if (!v) return; dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, v)); }
    row('Categories', inc.categories.map(function (c) { return labels.categories[c] || c; }).join(', '));
    if (inc.channel) row('How it reached me', (labels.channels[inc.channel.kind] || inc.channel.kind) + (inc.channel.detail ? ': ' + inc.channel.detail : ''));
    row('Place', inc.location);
    row('Perpetrator(s)', inc.perpetratorIds.map(person).join('; '));
    row('Witness(es)', inc.witnessIds.map(person).join('; '));
    row('What happened', inc.description);
    if (inc.escalationSignals.length) {
      dl.appendChild(el('dt', 'escalation', 'Escalation'));
      dl.appendChild(el('dd', 'escalation', inc.escalationSignals.map(function (s) { return labels.escalation[s] || s; }).join('; ')));
    }
    inc.reports.forEach(function (r) {
      row(r.kind === 'police' ? 'Reported to police' : 'Reported to platform',
        [r.force || r.platform, r.reference && 'ref ' + r.reference, r.officer, r.date, r.outcome].filter(Boolean).join(', '));
    });
    row('Notes', inc.notes);
    box.appendChild(dl);
    var left = data.omittedExhibits.filter(function (o) { return o.incidentId === inc.id && o.ref; })
      .map(function (o) { return o.ref; });
    inc.exhibitRefs.concat(left).sort(function (a, b) { return refNumber(a) - refNumber(b); }).forEach(function (ref) {
      var x = exhibitsByRef[ref];
      if (!x) {
        box.appendChild(el('div', 'exhibit muted', 'Exhibit ' + ref + ': ' + (withheldNote[ref] || 'withheld by the producer')));
        return;
      }
      var xe = el('div', 'exhibit');
      xe.appendChild(el('strong', null, 'Exhibit ' + x.ref + ' — ' + x.originalName));
      if (x.physical) {
        xe.appendChild(el('div', null, 'Physical item, kept at ' + x.physical.keptAt + ' (no file in this pack)'));
        if (x.physical.handledBy) xe.appendChild(el('div', 'muted', 'Handled by ' + x.physical.handledBy));
        if (x.physical.description) xe.appendChild(el('div', null, x.physical.description));
        box.appendChild(xe);
        return;
      }
      xe.appendChild(el('div', 'muted', x.mediaType + ', ' + x.size + ' bytes, imported ' + x.importedAt));
      xe.appendChild(el('div', 'hash', 'SHA-256 ' + x.sha256));
      var status = el('div', 'muted', 'Not checked yet: choose the pack folder above.');
      xe.appendChild(status);
      exhibitNodes[x.path] = { box: xe, status: status, exhibit: x };
      box.appendChild(xe);
    });
    list.appendChild(box);
  });
  if (withheld.length) {
    var gaps = el('section', 'incident');
    gaps.appendChild(el('h2', null, 'References not in this pack'));
    withheld.forEach(function (w) { gaps.appendChild(el('div', 'muted', w.ref + ': ' + w.note)); });
    list.appendChild(gaps);
  }

  function hex(buf) {
    var b = new Uint8Array(buf), s = '';
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    return s;
  }
  function decodePath(p) { return p.replace(/%0A/gi, '\\n').replace(/%0D/gi, '\\r').replace(/%25/g, '%'); }

  async function check(files) {
    var out = document.getElementById('result');
    var problems = document.getElementById('problems');
    problems.textContent = '';
    out.className = '';
    var byPath = {};
    var manifest = null, base = '';
    for (var i = 0; i < files.length; i++) {
      var f = files[i];
      var rel = f.webkitRelativePath || f.name;
      byPath[rel] = f;
      if (/(^|\\/)manifest-sha256\\.txt$/.test(rel) && (!manifest || rel.length < manifest.rel.length)) manifest = { rel: rel, file: f };
    }
    if (!manifest) { out.textContent = 'manifest-sha256.txt was not found: choose the pack folder (the one holding bagit.txt).'; out.className = 'bad'; return; }
    base = manifest.rel.slice(0, manifest.rel.length - 'manifest-sha256.txt'.length);
    if (!crypto || !crypto.subtle) { out.textContent = 'This browser cannot compute SHA-256 here (WebCrypto unavailable).'; out.className = 'bad'; return; }
    var lines = (await manifest.file.text()).split(/\\r?\\n/).filter(function (l) { return l.trim() !== ''; });
    var listed = {};
    var bad = 0, good = 0;
    function problem(t) { bad++; problems.appendChild(el('li', 'problem', t)); }
    for (var j = 0; j < lines.length; j++) {
      var m = /^([0-9a-fA-F]{64})[ \\t]+\\*?(.+)$/.exec(lines[j]);
      if (!m) { problem('manifest line ' + (j + 1) + ' is not understood'); continue; }
      var p = decodePath(m[2]);
      listed[p] = true;
      out.textContent = 'Checking ' + (j + 1) + ' of ' + lines.length + ': ' + p;
      var file = byPath[base + p];
      var node = exhibitNodes[p];
      if (!file) { problem('MISSING: ' + p); if (node) node.status.textContent = 'MISSING from the folder you chose'; continue; }
      var digest = hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
      if (digest !== m[1].toLowerCase()) { problem('CHANGED: ' + p + ' (its SHA-256 differs from the manifest)'); if (node) node.status.textContent = 'CHANGED: SHA-256 differs'; continue; }
      good++;
      if (node) {
        node.status.textContent = 'SHA-256 matches the manifest.';
        if (/^image\\/(png|jpeg|gif|webp)$/.test(node.exhibit.mediaType)) {
          var img = el('img');
          img.alt = 'Exhibit ' + node.exhibit.ref + ': ' + node.exhibit.originalName;
          img.src = URL.createObjectURL(file);
          node.box.appendChild(img);
        }
      }
    }
    Object.keys(byPath).forEach(function (rel) {
      if (rel.indexOf(base + 'data/') !== 0) return;
      var p = rel.slice(base.length);
      if (!listed[p]) problem('EXTRA: ' + p + ' is not in the manifest');
    });
    out.textContent = 'Checking the signature';
    await checkSignature(byPath, base, problem);
    if (bad === 0) { out.textContent = 'All ' + good + ' files match manifest-sha256.txt.'; out.className = 'ok'; }
    else { out.textContent = bad + ' problem(s) found; ' + good + ' file(s) match.'; out.className = 'bad'; }
  }
  // The tag manifest's hashes (it covers manifest-sha256.txt), which key signing-key.pem is, and
  // the Ed25519 signature over the tag manifest where this browser's WebCrypto can check it.
  async function checkSignature(byPath, base, problem) {
    function file(n) { return byPath[base + n]; }
    var names = ['tagmanifest-sha256.txt', 'tagmanifest-sha256.txt.sig', 'signing-key.pem'];
    for (var i = 0; i < names.length; i++) {
      if (!file(names[i])) { problem('SIGNATURE: ' + names[i] + ' is missing from the folder, so the signature cannot be checked'); return; }
    }
    var tagBytes = await file('tagmanifest-sha256.txt').arrayBuffer();
    var tagLines = new TextDecoder().decode(tagBytes).split(/\\r?\\n/).filter(function (l) { return l.trim() !== ''; });
    for (var j = 0; j < tagLines.length; j++) {
      var m = /^([0-9a-fA-F]{64})[ \\t]+\\*?(.+)$/.exec(tagLines[j]);
      if (!m) { problem('tagmanifest-sha256.txt line ' + (j + 1) + ' is not understood'); continue; }
      var p = decodePath(m[2]);
      var f = file(p);
      if (!f) { problem('MISSING: ' + p); continue; }
      var digest = hex(await crypto.subtle.digest('SHA-256', await f.arrayBuffer()));
      if (digest !== m[1].toLowerCase()) problem('CHANGED: ' + p + ' (its SHA-256 differs from tagmanifest-sha256.txt)');
    }
    var pem = await file('signing-key.pem').text();
    var der;
    try {
      var b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\\s+/g, '');
      der = Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); });
    } catch (e) { der = new Uint8Array(0); }
    var prefix = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
    var isEd = der.length === 44 && prefix.every(function (b, k) { return der[k] === b; });
    if (!isEd) { problem('SIGNATURE: signing-key.pem is not an Ed25519 public key'); return; }
    var fp = hex(await crypto.subtle.digest('SHA-256', der.slice(12)));
    if (fp !== data.signingKey.fingerprintSha256) {
      problem('SIGNING KEY: signing-key.pem is key ' + grouped(fp) + ', not key ' + grouped(data.signingKey.fingerprintSha256) + ' that this page names');
    }
    var sig = await file('tagmanifest-sha256.txt.sig').arrayBuffer();
    var valid = null;
    try {
      var key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
      valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, tagBytes);
    } catch (e) { valid = null; }
    if (valid === false) problem('SIGNATURE: the signature over tagmanifest-sha256.txt is not valid for signing-key.pem');
    signedBy(fp, valid === null
      ? 'This browser cannot check Ed25519 signatures; evidence-vault verify can.'
      : 'A valid signature shows only that the pack is unchanged since that key signed it.');
  }

  document.getElementById('folder').addEventListener('change', function (ev) {
    check(ev.target.files).catch(function (e) { document.getElementById('result').textContent = 'Could not check: ' + e; });
  });
})();
`;

function sha256b64(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

/** JSON inside <script type="application/json">: no '<' so nothing can close the element. */
function embedJson(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function viewerHtml(c: CaseFile): string {
  const labels = { categories: CATEGORY_LABELS, channels: CHANNEL_LABELS, escalation: ESCALATION_LABELS };
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256b64(SCRIPT)}'`,
    `style-src 'sha256-${sha256b64(STYLE)}'`,
    'img-src blob:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Case pack viewer</title>
<style>${STYLE}</style>
</head>
<body>
<h1 id="title">Case pack</h1>
<p id="summary" class="muted"></p>
<p id="signing-key"></p>
<div class="check">
<p><strong>Check this pack.</strong> Choose the pack's folder (the one holding bagit.txt). Every file listed in
manifest-sha256.txt and tagmanifest-sha256.txt is hashed on this computer, and the signature is checked where
this browser can; nothing is sent anywhere.</p>
<label for="folder">Pack folder: </label><input id="folder" type="file" webkitdirectory multiple>
<p id="result" role="status" aria-live="polite">Not checked yet.</p>
<ul id="problems"></ul>
</div>
<main id="timeline" aria-label="Incidents, oldest first"></main>
<script type="application/json" id="case-data">${embedJson(c)}</script>
<script type="application/json" id="labels">${embedJson(labels)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
