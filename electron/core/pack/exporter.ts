// Over 400 lines: exportCasePack makes one pack in order (contents, exhibits, documents, manifests, signature, activity log entries) over one sink and one abort signal; the parts it writes live in their own files (contents, pdf, csv, bagit, sink, custody).
/**
 * Export a case pack: a BagIt 1.0 bag (RFC 8493), as a folder or a ZIP, made under a temporary
 * name and renamed at the end. See data/README.txt (readme.ts) for the order files are made in.
 *
 * Two entry points: exportCasePack takes options already validated by the pack.export channel's
 * schema (the service, for every host: window and CLI); exportPack validates raw options first
 * (tests, benchmarks). Either way the options are validated once per export. The selection's
 * meaning is shared/selection.ts (the wizard uses the same function); what an image's head says
 * (GPS, EXIF thumbnail) is read once per exhibit and may be kept in an ImageFacts map across
 * preview and export. Nothing here imports 'electron'.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  exhibitRefForFile,
  exhibitRefNumber,
  PackOptionsSchema,
  type OmittedExhibit,
  type PackOptions,
  type PackOptionsInput,
  type PackReceipt,
} from '../../../shared/ipc-pack.js';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import type { Exhibit } from '../../../shared/model.js';
import { selectIncidents } from '../../../shared/selection.js';
import { BAGIT_TXT, bagInfo, formatManifest, type ManifestLine } from './bagit.js';
import { CASE_FORMAT, CASE_FORMAT_VERSION, type CaseExhibit, type CaseFile } from './casefile.js';
import {
  cancelled,
  caseIncident,
  casePeople,
  orderedExhibits,
  permanentReferences,
  producerInitials,
  scanImages,
  withheldReferences,
  THUMB_MAX_EACH,
  THUMB_MAX_TOTAL,
  type ImageFacts,
  type PackVault,
  caseSelection,
  newPackId,
  physicalCaseExhibit,
  fileCaseExhibit,
  casePoliceCases,
  splitExhibits,
} from './contents.js';
import { emailAttachments, EMAIL_READ_MAX, isEmail, TOO_LARGE_TO_LIST } from './attachments.js';
import { chronologyCsv } from './csv.js';
import { appendExportEntries, buildCustody, custodyCsv, exportEntries } from './custody.js';
import { capRootName, exhibitFileName } from './names.js';
import { chronologyPdf, gatherExtras } from './pdf.js';
import { bundleStream } from './bundle/bundle.js';
import { releaseChunkBuffers } from '../exhibits/blobs/index.js';
import { BUNDLE_FILE } from './bundle/words.js';
import {
  EXHIBIT_HASHES_FILE,
  PUBLIC_KEY_FILE,
  readmeText,
  SIGNATURE_FILE,
  SSH_PUBLIC_KEY_FILE,
  SSH_SIGNATURE_FILE,
} from './readme.js';
import { checkOutput, FolderSink, partialPath, TeeSink, ZipSink, type PackSink } from './sink.js';
import { KEY_CARD_FILE, keyCardPdf } from './key-card.js';
import { allowedSignersLine, sshFingerprint, sshPublicKeyLine, sshSignature } from './sshsig.js';
import {
  captionsText,
  partFiles,
  partFolder,
  partReadme,
  planPortal,
  PORTAL_EXHIBIT_LIST,
  PORTAL_PDF,
  type PartFile,
} from './portal.js';
import { viewerHtml } from './viewer.js';

export const SOFTWARE = 'Evidence Vault 0.1.0';

export { orderedExhibits, previewPack, producerInitials, type ImageFacts, type PackVault } from './contents.js';

export interface PackProgress {
  phase: 'scanning' | 'exhibits' | 'documents' | 'finishing';
  done: number;
  total: number;
  label: string;
}

/** Where a pack goes and how its progress and cancel reach the caller. */
export interface ExportTarget {
  /**
   * The pack's folder, or its .zip file; for 'both', the folder its folder and ZIP go in (named
   * case-pack-<pack id> and case-pack-<pack id>.zip); for 'portal', the folder of part-1/, part-2/, …
   */
  out: string;
  signal?: AbortSignal;
  onProgress?: (p: PackProgress) => void;
  /** For tests: the pack's creation time. */
  now?: Date;
  /** What image heads said, by exhibit id, kept across calls (the service keeps one per unlocked session). */
  imageFacts?: Map<string, ImageFacts>;
}

export interface ExportRequest extends PackOptionsInput, ExportTarget {}

// ---------------------------------------------------------------- the case file

/** The folder (and ZIP) name of a pack made with format 'both'. */
export function bothName(packId: string): string {
  return `case-pack-${packId}`;
}

/** Where one export's files go, by format (see ExportTarget.out). */
interface Layout {
  /** The bag's top folder name (inside the ZIP; the folder's own name): what Windows paths start with. */
  root: string;
  folder: string | null;
  zip: string | null;
  portal: boolean;
}

function layoutOf(format: PackOptions['format'], out: string, packId: string): Layout {
  switch (format) {
    case 'folder':
      return { root: path.basename(out), folder: out, zip: null, portal: false };
    case 'zip':
      return { root: capRootName(path.basename(out).replace(/\.zip$/i, '')), folder: null, zip: out, portal: false };
    case 'both': {
      const name = bothName(packId);
      return { root: name, folder: path.join(out, name), zip: path.join(out, `${name}.zip`), portal: false };
    }
    case 'portal':
      return { root: path.basename(out), folder: out, zip: null, portal: true };
  }
}

function publicKeyPem(raw: Uint8Array): string {
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(raw)]);
  return createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }).toString();
}

class DamagedExhibit extends Error {
  constructor(
    readonly exhibit: Exhibit,
    readonly ref: string,
    cause: unknown,
  ) {
    super(`exhibit ${ref} damaged`, { cause });
  }
}

// ---------------------------------------------------------------- export

/** Validate raw options (once), then export. */
export async function exportPack(vault: PackVault, req: ExportRequest): Promise<PackReceipt> {
  const options = PackOptionsSchema.parse({
    selection: req.selection,
    initials: req.initials,
    omitNotes: req.omitNotes,
    omitPrivate: req.omitPrivate,
    excludeExhibitIds: req.excludeExhibitIds,
    excludeGpsExhibits: req.excludeGpsExhibits,
    skipDamaged: req.skipDamaged,
    format: req.format,
    description: req.description,
    recipient: req.recipient,
    crimeReference: req.crimeReference,
    producerName: req.producerName,
    producerRole: req.producerRole,
    language: req.language,
  });
  return exportCasePack(vault, options, req);
}

/** Export with options the pack.export schema has already validated. */
export async function exportCasePack(vault: PackVault, options: PackOptions, req: ExportTarget): Promise<PackReceipt> {
  // 'both' makes its destination folder when missing: a failed export takes it away again (if empty).
  const made = options.format === 'both' && !(await fsp.stat(path.resolve(req.out)).catch(() => null));
  try {
    return await exportInOrder(vault, options, req);
  } catch (e) {
    if (made) await fsp.rmdir(path.resolve(req.out)).catch(() => undefined);
    throw e;
  }
}

async function exportInOrder(vault: PackVault, options: PackOptions, req: ExportTarget): Promise<PackReceipt> {
  // What the files say, when an import has only just returned: in the pack, not "still being read".
  await vault.whenRead();
  let settings = vault.getSettings();
  const opts = { ...options, initials: producerInitials(options.initials, settings) };
  const out = path.resolve(req.out);
  const signal = req.signal;
  const progress = req.onProgress ?? (() => undefined);
  const vaultDir = path.resolve(vault.dir);
  if (out === vaultDir || out.startsWith(vaultDir + path.sep) || vaultDir.startsWith(out + path.sep)) {
    throw new VaultError(
      'INVALID_INPUT',
      'A case pack holds readable copies of your evidence: save it outside the vault folder, not in it.',
    );
  }
  await checkOutput(out, opts.format);
  if (signal?.aborted) throw cancelled();

  if (selectIncidents(vault.listIncidents(), opts.selection).length === 0)
    throw new VaultError('INVALID_INPUT', 'No incidents match the selection: nothing to export.');
  // References are permanent (../records/exhibit-refs.ts): initials given for a vault that has none
  // become its initials, and every numbered exhibit takes them for good, before anything is written.
  if (!/^[A-Z]{1,5}$/.test(settings.producerInitials)) {
    settings = vault.updateSettings({ producerInitials: opts.initials });
  }
  const everything = vault.listIncidents();
  const refs = permanentReferences(everything);
  const incidents = selectIncidents(everything, opts.selection);
  const candidates = orderedExhibits(incidents);
  const { gps, exifThumbs } = await scanImages(vault, candidates, {
    signal,
    facts: req.imageFacts,
    onEach: (done, total) => progress({ phase: 'scanning', done, total, label: 'Looking for GPS positions in images' }),
  });

  const { included, omitted: omittedBefore, digits } = splitExhibits(candidates, refs, gps, opts);

  const damaged = new Map<string, string>(); // exhibit id -> ref
  for (;;) {
    try {
      return await attempt();
    } catch (e) {
      if (e instanceof DamagedExhibit) {
        if (opts.skipDamaged && !damaged.has(e.exhibit.id)) {
          damaged.set(e.exhibit.id, e.ref);
          continue; // Start again without it; the pack records why it is missing.
        }
        throw new VaultError(
          'TAMPERED',
          `Exhibit ${e.ref} "${e.exhibit.name}" failed its SHA-256 check: the stored copy is damaged. ` +
            'The export stopped and nothing was kept. Run a vault check, or export again choosing to leave damaged exhibits out.',
          { cause: e.cause },
        );
      }
      throw e;
    }
  }

  async function attempt(): Promise<PackReceipt> {
    const now = req.now ?? new Date();
    const createdAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const packId = newPackId(now);
    const layout = layoutOf(opts.format, out, packId);
    if (opts.format === 'both') {
      // Named by the pack id, so new; checked all the same.
      if (layout.folder) await checkOutput(layout.folder, 'folder');
      if (layout.zip) await checkOutput(layout.zip, 'zip');
    }
    // Before the first byte, the vault records where this pack is written (../records/exports.ts):
    // a kill then leaves nothing the next open does not remove. The record goes once the pack is
    // in place, or once its temporary files are gone.
    const folderTemp = layout.folder ? partialPath(layout.folder) : null;
    const zipTemp = layout.zip ? partialPath(layout.zip) : null;
    const sideTemp = layout.zip ? partialPath(`${layout.zip}.sha256`) : null;
    const temps = [folderTemp, zipTemp, sideTemp].filter((p): p is string => p !== null);
    const token = vault.beginExport(temps);
    const done = (): void => {
      try {
        vault.endExport(token);
      } catch {
        /* the record stays; the next open finds nothing at its paths and drops it */
      }
    };
    let sink: PackSink;
    try {
      const folder = layout.folder && folderTemp ? await FolderSink.create(layout.folder, folderTemp) : null;
      let zip: ZipSink | null = null;
      try {
        zip = layout.zip && zipTemp ? ZipSink.create(layout.zip, layout.root, zipTemp) : null;
      } catch (e) {
        await folder?.abort();
        throw e;
      }
      const one = folder ?? zip;
      if (!one) throw new Error('no sink for the pack');
      sink = folder && zip ? new TeeSink([folder, zip]) : one;
    } catch (e) {
      done();
      throw e;
    }
    try {
      const receipt = await fill(sink, layout, packId, createdAt, sideTemp);
      done();
      return receipt;
    } catch (e) {
      await sink.abort();
      if (sideTemp) await fsp.rm(sideTemp, { force: true }).catch(() => undefined);
      const left = await Promise.all(
        temps.map((p) =>
          fsp.lstat(p).then(
            () => true,
            () => false,
          ),
        ),
      );
      if (!left.includes(true)) done();
      if (signal?.aborted) throw cancelled();
      throw e;
    }
  }

  async function fill(
    sink: PackSink,
    layout: Layout,
    packId: string,
    createdAt: string,
    sideTemp: string | null,
  ): Promise<PackReceipt> {
    const payload: ManifestLine[] = [];
    const sizes: number[] = [];
    const thumbs = new Map<string, Buffer>();
    let thumbBytes = 0;
    const live = included.filter((x) => !damaged.has(x.exhibit.id));
    const totalBytes = live.reduce((s, x) => s + x.exhibit.size, 0);
    let doneBytes = 0;
    const caseExhibits: CaseExhibit[] = [];
    // Portal mode: which part each exhibit file goes in (part 1 starts with the PDF).
    const plan = planPortal(live.filter((x) => x.exhibit.kind !== 'physical').length);
    const partFilesOf = new Map<number, PartFile[]>();
    const inPart = (n: number, f: PartFile): void => {
      partFilesOf.set(n, [...(partFilesOf.get(n) ?? []), f]);
    };
    let fileIndex = 0;
    // Names are capped so that every path stays under 200 characters unpacked 60 characters deep (names.ts).
    const exhibitRel = (ref: string, name: string): { rel: string; part: number } => {
      const forFile = exhibitRefForFile(ref, digits);
      if (!layout.portal) return { rel: `data/exhibits/${exhibitFileName(forFile, name)}`, part: 0 };
      const part = plan.partOf(fileIndex++);
      return { rel: `${partFolder(part)}/${exhibitFileName(forFile, name)}`, part };
    };

    // 1. Exhibits, streamed from the vault (which checks each against its SHA-256 at import).
    for (const { exhibit: e, ref } of live) {
      if (signal?.aborted) throw cancelled();
      if (e.kind === 'physical') {
        caseExhibits.push(physicalCaseExhibit(e, ref)); // listed, no file, no manifest line
        continue;
      }
      const { rel, part } = exhibitRel(ref, e.name);
      const keep =
        /^image\/(png|jpeg)$/.test(e.mediaType) && e.size <= THUMB_MAX_EACH && thumbBytes + e.size <= THUMB_MAX_TOTAL;
      const parts: Buffer[] = [];
      // An e-mail's bytes are kept (one at a time, bounded) to list its attachments as sub-exhibits.
      const email = isEmail(e.mediaType) && e.size <= EMAIL_READ_MAX;
      const mailParts: Buffer[] = [];
      const seen = (chunk: Buffer): void => {
        doneBytes += chunk.length;
        // Kept chunks are copies: the chunks are reused buffers (openExhibitChunks); sinks that keep them a while copy them too.
        if (keep) parts.push(Buffer.from(chunk));
        if (email) mailParts.push(Buffer.from(chunk));
        progress({ phase: 'exhibits', done: doneBytes, total: totalBytes, label: `${ref} ${e.name}` });
      };
      let added;
      try {
        // The vault's stream ends only after the bytes matched the recorded SHA-256, so that
        // hash is the manifest's; the sink does not hash them a second time.
        const opts = { hash: false, mtime: new Date(e.fileModifiedAt) };
        added = await sink.add(rel, { chunks: watched(vault.openExhibitChunks(e.id), seen, signal) }, opts);
      } catch (err) {
        if (isVaultError(err) && err.code === 'TAMPERED') throw new DamagedExhibit(e, ref, err);
        if (signal?.aborted) throw cancelled();
        throw err;
      }
      if (added.size !== e.size) {
        throw new DamagedExhibit(e, ref, new Error(`size ${added.size} differs from the recorded ${e.size}`));
      }
      if (keep) {
        thumbs.set(e.id, Buffer.concat(parts));
        thumbBytes += e.size;
      } else {
        const t = exifThumbs.get(e.id);
        if (t) thumbs.set(e.id, t);
      }
      payload.push({ sha256: e.sha256, path: rel });
      sizes.push(added.size);
      if (layout.portal) inPart(part, { name: rel.slice(rel.indexOf('/') + 1), sha256: e.sha256, size: added.size });
      const mail = isEmail(e.mediaType)
        ? email
          ? await emailAttachments(Buffer.concat(mailParts), ref)
          : { attachments: [], problem: TOO_LARGE_TO_LIST }
        : null;
      caseExhibits.push({
        ...fileCaseExhibit(e, ref, rel, gps.has(e.id)),
        ...(mail && (mail.attachments.length || mail.problem)
          ? { attachments: mail.attachments, ...(mail.problem ? { attachmentsProblem: mail.problem } : {}) }
          : {}),
      });
    }
    // The exhibits are read: the chunk buffers kept for reuse are let go before the documents are drawn.
    releaseChunkBuffers();
    sink.exhibitsWritten();
    progress({ phase: 'documents', done: 0, total: 1, label: 'Writing the chronology' });

    // 2. The case file (privacy applied).
    const refsByIncident = new Map<string, string[]>();
    for (const x of caseExhibits)
      refsByIncident.set(x.incidentId, [...(refsByIncident.get(x.incidentId) ?? []), x.ref]);
    const byNumber = (a: string, b: string): number => (exhibitRefNumber(a) ?? 0) - (exhibitRefNumber(b) ?? 0);
    for (const list of refsByIncident.values()) list.sort(byNumber);
    const caseIncidents = incidents.map((i) => caseIncident(i, opts, refsByIncident.get(i.id) ?? []));
    const omitted: OmittedExhibit[] = [
      ...omittedBefore,
      ...included
        .filter((x) => damaged.has(x.exhibit.id))
        .map((x): OmittedExhibit => ({
          ref: x.ref,
          exhibitId: x.exhibit.id,
          incidentId: x.exhibit.incidentId,
          name: x.exhibit.name,
          reason: 'damaged',
        })),
    ];
    const pub = vault.signingPublicKey();
    const fingerprint = createHash('sha256').update(pub).digest('hex');
    const caseFile: CaseFile = {
      format: CASE_FORMAT,
      formatVersion: CASE_FORMAT_VERSION,
      packId,
      createdAt,
      software: SOFTWARE,
      language: opts.language,
      producer: {
        name: opts.producerName || settings.producerName,
        role: opts.producerRole || settings.producerRole,
        initials: opts.initials,
        email: settings.contactEmail,
        phone: settings.contactPhone,
      },
      signingKey: { algorithm: 'Ed25519', fingerprintSha256: fingerprint, publicKeyFile: PUBLIC_KEY_FILE },
      ...caseSelection(opts, caseIncidents, caseExhibits, omitted),
      incidents: caseIncidents,
      people: casePeople(caseIncidents, vault.listPeople(), opts.omitPrivate),
      policeCases: casePoliceCases(vault.listCases(), caseIncidents),
      exhibits: caseExhibits,
      omittedExhibits: omitted,
      withheldReferences: withheldReferences(refs, new Set(caseExhibits.map((x) => x.ref)), omitted),
    };

    const addDoc = async (rel: string, body: string | Buffer | Readable): Promise<void> => {
      if (signal?.aborted) throw cancelled();
      const r = await sink.add(rel, body);
      payload.push({ sha256: r.sha256 ?? '', path: rel });
      sizes.push(r.size);
    };
    const sign = (data: Uint8Array): Uint8Array => vault.signDetached(data);
    const encode = (t: string): Uint8Array => new TextEncoder().encode(t);

    let tagManifestSha256: string;
    let parts: PackReceipt['parts'];
    if (layout.portal) {
      // 3-5 (portal). Part 1: the PDF and the exhibit hash list; then every part's own files.
      const exhibitList = formatManifest(
        payload.map((l) => ({ sha256: l.sha256, path: l.path.slice(l.path.indexOf('/') + 1) })),
      );
      const exhibitListSha256 = createHash('sha256').update(exhibitList).digest('hex');
      const first = partFolder(1);
      const listed = await sink.add(`${first}/${PORTAL_EXHIBIT_LIST}`, exhibitList);
      const extras = gatherExtras(vault, caseFile, opts, settings);
      const pdf = await chronologyPdf({ caseFile, exhibitListSha256, thumbnails: thumbs, extras });
      const pdfAdded = await sink.add(`${first}/${PORTAL_PDF}`, pdf);
      const byPath = new Map(caseExhibits.map((x) => [x.path, x]));
      for (const [n, files] of partFilesOf) {
        for (const f of files) f.exhibit = byPath.get(`${partFolder(n)}/${f.name}`);
      }
      partFilesOf.set(1, [
        { name: PORTAL_PDF, sha256: pdfAdded.sha256 ?? '', size: pdfAdded.size },
        { name: PORTAL_EXHIBIT_LIST, sha256: listed.sha256 ?? '', size: listed.size },
        ...(partFilesOf.get(1) ?? []),
      ]);
      progress({ phase: 'finishing', done: 0, total: 1, label: 'Writing each part’s manifest and signature' });
      const key = { allowedSigners: allowedSignersLine(pub), sshFingerprint: sshFingerprint(pub) };
      parts = [];
      for (let n = 1; n <= plan.parts; n++) {
        if (signal?.aborted) throw cancelled();
        const files = partFilesOf.get(n) ?? [];
        const names = partFiles(n, plan.parts);
        const dir = partFolder(n);
        const own: PartFile[] = [];
        const addOwn = async (name: string, body: string): Promise<void> => {
          const r = await sink.add(`${dir}/${name}`, body);
          own.push({ name, sha256: r.sha256 ?? '', size: r.size });
        };
        await addOwn(names.readme, partReadme(caseFile, files, n, plan.parts, key));
        await addOwn(names.captions, captionsText(caseFile, files, n, plan.parts));
        await addOwn(names.allowedSigners, `${key.allowedSigners}\n`);
        const manifest = formatManifest([...files, ...own].map((f) => ({ sha256: f.sha256, path: f.name })));
        await sink.add(`${dir}/${names.manifest}`, manifest);
        await sink.add(`${dir}/${names.signature}`, sshSignature(encode(manifest), pub, sign));
        parts.push({
          name: dir,
          files: files.length + own.length + 2,
          manifestSha256: createHash('sha256').update(manifest).digest('hex'),
        });
      }
      tagManifestSha256 = parts[0]?.manifestSha256 ?? '';
    } else {
      // 3. Custody log, then the exhibit list whose hash the PDF shows.
      const custody = buildCustody(caseFile, vault.custodyLog());
      await addDoc('data/custody/custody-log.json', `${JSON.stringify(custody, null, 2)}\n`);
      await addDoc('data/custody/custody-log.csv', custodyCsv(custody));
      const exhibitList = formatManifest(
        payload.map((l) => ({ sha256: l.sha256, path: l.path.slice('data/'.length) })),
      );
      const exhibitListSha256 = createHash('sha256').update(exhibitList).digest('hex');
      await addDoc(EXHIBIT_HASHES_FILE, exhibitList);

      // 4. The documents.
      await addDoc('data/case.json', `${JSON.stringify(caseFile, null, 2)}\n`);
      await addDoc('data/chronology.csv', chronologyCsv(caseFile));
      await addDoc(
        'data/README.txt',
        readmeText(caseFile, exhibitListSha256, {
          allowedSigners: allowedSignersLine(pub),
          sshFingerprint: sshFingerprint(pub),
        }),
      );
      await addDoc('data/viewer.html', viewerHtml(caseFile));
      const extras = gatherExtras(vault, caseFile, opts, settings);
      await addDoc(
        'data/chronology.pdf',
        await chronologyPdf({ caseFile, exhibitListSha256, thumbnails: thumbs, extras }),
      );
      await addDoc(
        KEY_CARD_FILE,
        await keyCardPdf({
          publicKey: pub,
          producerName: settings.producerName,
          producerRole: settings.producerRole,
          now: new Date(createdAt),
          language: opts.language,
        }),
      );
      // The exhibit bundle (./bundle/): each exhibit drawn on its own pages, read again one at a time.
      const descriptions = new Map(live.map((x) => [x.exhibit.id, x.exhibit.details.description]));
      const onExhibit = (done: number, total: number, ref: string): void =>
        progress({ phase: 'documents', done, total, label: `Drawing the exhibit bundle ${ref}`.trim() });
      await addDoc(
        BUNDLE_FILE,
        bundleStream({ caseFile, descriptions, signal, onExhibit, open: (id) => vault.openExhibitStream(id) }),
      );
      progress({ phase: 'finishing', done: 0, total: 1, label: 'Writing the manifests and signature' });

      // 5. Manifests and tag files, then the signature over the tag manifest: Ed25519 raw
      //    (openssl) and the same key's SSH signature (ssh-keygen -Y verify).
      const tags: ManifestLine[] = [];
      const addTag = async (rel: string, body: string): Promise<void> => {
        const r = await sink.add(rel, body);
        tags.push({ sha256: r.sha256 ?? '', path: rel });
      };
      await addTag('manifest-sha256.txt', formatManifest(payload));
      await addTag('bagit.txt', BAGIT_TXT);
      await addTag(
        'bag-info.txt',
        bagInfo(caseFile, settings, {
          description: opts.description,
          software: SOFTWARE,
          payloadBytes: sizes.reduce((s, n) => s + n, 0),
          payloadFiles: sizes.length,
        }),
      );
      await addTag(PUBLIC_KEY_FILE, publicKeyPem(pub));
      await addTag(SSH_PUBLIC_KEY_FILE, `${sshPublicKeyLine(pub)}\n`);
      const tagManifest = formatManifest(tags);
      tagManifestSha256 = createHash('sha256').update(tagManifest).digest('hex');
      await sink.add('tagmanifest-sha256.txt', tagManifest);
      await sink.add(SIGNATURE_FILE, sign(encode(tagManifest)), { hash: false });
      await sink.add(SSH_SIGNATURE_FILE, sshSignature(encode(tagManifest), pub, sign));
    }
    if (signal?.aborted) throw cancelled();
    const payloadBytes = sizes.reduce((s, n) => s + n, 0);

    const { packSha256 } = await sink.commit();
    if (packSha256 && layout.zip) {
      const side = `${layout.zip}.sha256`;
      const tmp = sideTemp ?? partialPath(side);
      await fsp.writeFile(tmp, `${packSha256}  ${path.basename(layout.zip)}\n`, { flag: 'wx' });
      await fsp.rename(tmp, side);
    }

    // 6. Custody: the export of each exhibit and incident, and of the pack, together.
    appendExportEntries(
      vault,
      exportEntries(caseFile, {
        format: opts.format,
        tagManifestSha256,
        packSha256,
        signingKeyFingerprint: fingerprint,
      }),
    );

    const location = layout.folder ?? layout.zip ?? out;
    return {
      packId,
      name: path.basename(location),
      location,
      format: opts.format,
      ...(opts.format === 'both' && layout.zip ? { zipName: path.basename(layout.zip) } : {}),
      ...(parts ? { parts } : {}),
      incidents: caseIncidents.length,
      exhibits: caseExhibits.length,
      payloadBytes,
      tagManifestSha256,
      packSha256,
      signingKeyFingerprint: fingerprint,
      omitted,
      gpsIncluded: caseExhibits.flatMap((x) => {
        const g = gps.get(x.exhibitId);
        return g ? [{ ref: x.ref, name: x.originalName, latitude: g.latitude, longitude: g.longitude }] : [];
      }),
    };
  }
}

/** An exhibit's chunks (reused buffers), each shown to `seen` first; stops at the signal. */
async function* watched(
  chunks: AsyncIterable<Buffer>,
  seen: (chunk: Buffer) => void,
  signal: AbortSignal | undefined,
): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    if (signal?.aborted) throw cancelled();
    seen(chunk);
    yield chunk;
  }
}
