/**
 * Export a case pack: a BagIt 1.0 bag (RFC 8493), as a folder or a ZIP, made under a temporary
 * name and renamed at the end. See data/README.txt (readme.ts) for the order files are made in.
 */
import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { addAbortSignal, Transform } from 'node:stream';
import {
  exhibitRef,
  exhibitRefForFile,
  PackOptionsSchema,
  type GpsWarning,
  type OmittedExhibit,
  type PackOptions,
  type PackOptionsInput,
  type PackPreview,
  type PackReceipt,
  type PackSelection,
} from '../../../shared/ipc-pack.js';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { formatOccurredAt, type Exhibit, type Incident, type Person } from '../../../shared/model.js';
import { formatSize } from '../../../shared/format.js';
import { compareForTimeline } from '../../../shared/timeline.js';
import type { VaultApi } from '../api.js';
import { BAGIT_TXT, formatBagInfo, formatManifest, type ManifestLine } from './bagit.js';
import {
  CASE_FORMAT,
  CASE_FORMAT_VERSION,
  type CaseExhibit,
  type CaseFile,
  type CaseIncident,
  type CasePerson,
} from './casefile.js';
import { chronologyCsv } from './csv.js';
import { buildCustody, custodyCsv } from './custody.js';
import { exifThumbnail, gpsPosition, HEAD_BYTES, IMAGE_TYPES_WITH_METADATA, readHead } from './images.js';
import { exhibitFileName } from './names.js';
import { chronologyPdf } from './pdf.js';
import { EXHIBIT_HASHES_FILE, PUBLIC_KEY_FILE, readmeText, SIGNATURE_FILE } from './readme.js';
import { FolderSink, ZipSink, type PackSink } from './sink.js';
import { viewerHtml } from './viewer.js';

export const SOFTWARE = 'Evidence Vault 0.1.0';

/** What the exporter needs of the vault. */
export type PackVault = Pick<
  VaultApi,
  | 'dir'
  | 'listIncidents'
  | 'listPeople'
  | 'getSettings'
  | 'openExhibitStream'
  | 'custodyLog'
  | 'recordCustody'
  | 'signingPublicKey'
  | 'signDetached'
>;

export interface PackProgress {
  phase: 'scanning' | 'exhibits' | 'documents' | 'finishing';
  done: number;
  total: number;
  label: string;
}

export interface ExportRequest extends PackOptionsInput {
  /** The pack's folder, or its .zip file. */
  out: string;
  signal?: AbortSignal;
  onProgress?: (p: PackProgress) => void;
  /** For tests: the pack's creation time. */
  now?: Date;
}

const PRIVATE_FIELDS = [
  'title',
  'description',
  'location',
  'channel',
  'categories',
  'perpetratorIds',
  'witnessIds',
  'escalationSignals',
  'reports',
  'notes',
] as const;

/** Thumbnails kept in memory for the PDF: each at most this big, and all together. */
const THUMB_MAX_EACH = 4 * 1024 * 1024;
const THUMB_MAX_TOTAL = 48 * 1024 * 1024;

// ---------------------------------------------------------------- selection

export function selectIncidents(all: Incident[], sel: PackSelection): Incident[] {
  const ids = sel.incidentIds ? new Set(sel.incidentIds) : null;
  const cats = sel.categories?.length ? new Set<string>(sel.categories) : null;
  const persons = sel.personIds?.length ? new Set(sel.personIds) : null;
  if (sel.from && sel.to && sel.from > sel.to) {
    throw new VaultError('INVALID_INPUT', `The date range is back to front: ${sel.from} is after ${sel.to}.`);
  }
  return all
    .filter(
      (i) =>
        (!ids || ids.has(i.id)) &&
        (!sel.from || i.occurredAt.date >= sel.from) &&
        (!sel.to || i.occurredAt.date <= sel.to) &&
        (!cats || i.categories.some((c) => cats.has(c))) &&
        (!persons || [...i.perpetratorIds, ...i.witnessIds].some((p) => persons.has(p))),
    )
    .sort(compareForTimeline);
}

/**
 * Exhibits of the selected incidents in chronological order: incident order, then import time,
 * then the vault's own order (files imported together keep the order they were given in).
 */
export function orderedExhibits(incidents: Incident[]): Exhibit[] {
  return incidents.flatMap((i) => [...i.exhibits].sort((a, b) => a.importedAt.localeCompare(b.importedAt)));
}

async function scanImages(
  vault: PackVault,
  exhibits: Exhibit[],
  signal?: AbortSignal,
  onEach?: (done: number, total: number) => void,
): Promise<{ gps: Map<string, { latitude: number; longitude: number }>; exifThumbs: Map<string, Buffer> }> {
  const gps = new Map<string, { latitude: number; longitude: number }>();
  const exifThumbs = new Map<string, Buffer>();
  const images = exhibits.filter((e) => IMAGE_TYPES_WITH_METADATA.test(e.mediaType));
  let done = 0;
  for (const e of images) {
    if (signal?.aborted) throw cancelled();
    let head: Buffer;
    try {
      head = await readHead(vault.openExhibitStream(e.id), HEAD_BYTES);
    } catch {
      continue; // A damaged exhibit is reported when it is exported.
    }
    const pos = await gpsPosition(head);
    if (pos) gps.set(e.id, pos);
    if (e.size > THUMB_MAX_EACH && e.mediaType === 'image/jpeg') {
      const t = await exifThumbnail(head);
      if (t) exifThumbs.set(e.id, t);
    }
    onEach?.(++done, images.length);
  }
  return { gps, exifThumbs };
}

export async function previewPack(vault: PackVault, selection: PackSelection): Promise<PackPreview> {
  const incidents = selectIncidents(vault.listIncidents(), selection);
  const exhibits = orderedExhibits(incidents);
  const { gps } = await scanImages(vault, exhibits);
  const warnings: GpsWarning[] = exhibits
    .filter((e) => gps.has(e.id))
    .map((e) => {
      const g = gps.get(e.id) ?? { latitude: 0, longitude: 0 };
      return { exhibitId: e.id, incidentId: e.incidentId, name: e.name, latitude: g.latitude, longitude: g.longitude };
    });
  return {
    incidents: incidents.length,
    exhibits: exhibits.length,
    exhibitBytes: exhibits.reduce((s, e) => s + e.size, 0),
    firstDate: incidents[0]?.occurredAt.date ?? null,
    lastDate: incidents[incidents.length - 1]?.occurredAt.date ?? null,
    gpsWarnings: warnings,
    initials: vault.getSettings().producerInitials.toUpperCase(),
  };
}

// ---------------------------------------------------------------- output checks

function cancelled(): VaultError {
  return new VaultError('CANCELLED', 'The export was cancelled; nothing was kept.');
}

async function checkOutput(out: string, format: 'folder' | 'zip'): Promise<void> {
  const st = await fsp.stat(out).catch(() => null);
  if (st) {
    if (format === 'folder') {
      if (!st.isDirectory())
        throw new VaultError('OUTPUT_EXISTS', `${out} already exists and is not a folder: choose a new name.`);
      if ((await fsp.readdir(out)).length > 0) {
        throw new VaultError('OUTPUT_EXISTS', `${out} already exists and is not empty: choose a new or empty folder.`);
      }
    } else {
      throw new VaultError('OUTPUT_EXISTS', `${out} already exists: choose a new file name.`);
    }
  }
  if (format === 'zip' && (await fsp.stat(`${out}.sha256`).catch(() => null))) {
    throw new VaultError('OUTPUT_EXISTS', `${out}.sha256 already exists: choose a new file name.`);
  }
  const parent = path.dirname(out);
  const pst = await fsp.stat(parent).catch(() => null);
  if (!pst) await fsp.mkdir(parent, { recursive: true });
  else if (!pst.isDirectory()) throw new VaultError('INVALID_INPUT', `${parent} is not a folder.`);
}

// ---------------------------------------------------------------- the case file

function newPackId(now: Date): string {
  const d = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `EVP-${d}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

function publicKeyPem(raw: Uint8Array): string {
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(raw)]);
  return createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }).toString();
}

function caseIncident(i: Incident, opts: PackOptions, refs: string[]): CaseIncident {
  const withheld = opts.omitPrivate ? PRIVATE_FIELDS.filter((f) => i.privateFields.includes(f)) : [];
  const w = new Set<string>(withheld);
  return {
    id: i.id,
    title: w.has('title') ? '(title withheld)' : i.title,
    occurredAt: { ...i.occurredAt, approximate: i.occurredAt.approximate ?? false },
    occurredAtText: formatOccurredAt(i.occurredAt),
    description: w.has('description') ? '' : i.description,
    categories: w.has('categories') ? [] : i.categories,
    channel: w.has('channel') || !i.channel ? null : { kind: i.channel.kind, detail: i.channel.detail ?? '' },
    location: w.has('location') ? '' : i.location,
    perpetratorIds: w.has('perpetratorIds') ? [] : i.perpetratorIds,
    witnessIds: w.has('witnessIds') ? [] : i.witnessIds,
    escalationSignals: w.has('escalationSignals') ? [] : i.escalationSignals,
    reports: w.has('reports') ? [] : i.reports,
    notes: opts.omitNotes || w.has('notes') ? null : i.notes,
    withheldFields: withheld,
    exhibitRefs: refs,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

function casePeople(incidents: CaseIncident[], people: Person[], omitPrivate: boolean): CasePerson[] {
  const used = new Set(incidents.flatMap((i) => [...i.perpetratorIds, ...i.witnessIds]));
  return people
    .filter((p) => used.has(p.id))
    .map((p) =>
      omitPrivate && p.private
        ? { id: p.id, withheld: true, name: '', handles: [], description: '', role: p.role }
        : { id: p.id, withheld: false, name: p.name, handles: p.handles, description: p.description, role: p.role },
    );
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

export async function exportPack(vault: PackVault, req: ExportRequest): Promise<PackReceipt> {
  const opts = PackOptionsSchema.parse({
    selection: req.selection,
    initials: req.initials,
    omitNotes: req.omitNotes,
    omitPrivate: req.omitPrivate,
    excludeExhibitIds: req.excludeExhibitIds,
    excludeGpsExhibits: req.excludeGpsExhibits,
    skipDamaged: req.skipDamaged,
    format: req.format,
    description: req.description,
  });
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

  const settings = vault.getSettings();
  const incidents = selectIncidents(vault.listIncidents(), opts.selection);
  if (incidents.length === 0)
    throw new VaultError('INVALID_INPUT', 'No incidents match the selection: nothing to export.');
  const candidates = orderedExhibits(incidents);
  const { gps, exifThumbs } = await scanImages(vault, candidates, signal, (done, total) =>
    progress({ phase: 'scanning', done, total, label: 'Looking for GPS positions in images' }),
  );

  const userExcluded = new Set(opts.excludeExhibitIds);
  const omittedBefore: OmittedExhibit[] = [];
  const included: { exhibit: Exhibit; ref: string }[] = [];
  for (const e of candidates) {
    if (userExcluded.has(e.id) || (opts.excludeGpsExhibits && gps.has(e.id))) {
      omittedBefore.push({
        ref: null,
        exhibitId: e.id,
        incidentId: e.incidentId,
        name: e.name,
        reason: userExcluded.has(e.id) ? 'excluded-by-user' : 'gps-position',
      });
      continue;
    }
    included.push({ exhibit: e, ref: exhibitRef(opts.initials, included.length + 1) });
  }

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
    const bagName = path.basename(out).replace(/\.zip$/i, '');
    const sink: PackSink = opts.format === 'zip' ? ZipSink.create(out, bagName) : await FolderSink.create(out);
    try {
      return await fill(sink, packId, createdAt);
    } catch (e) {
      await sink.abort();
      if (signal?.aborted) throw cancelled();
      throw e;
    }
  }

  async function fill(sink: PackSink, packId: string, createdAt: string): Promise<PackReceipt> {
    const payload: ManifestLine[] = [];
    const sizes: number[] = [];
    const thumbs = new Map<string, Buffer>();
    let thumbBytes = 0;
    const live = included.filter((x) => !damaged.has(x.exhibit.id));
    const totalBytes = live.reduce((s, x) => s + x.exhibit.size, 0);
    let doneBytes = 0;
    const caseExhibits: CaseExhibit[] = [];

    // 1. Exhibits, streamed from the vault (which checks each against its SHA-256 at import).
    for (const { exhibit: e, ref } of live) {
      if (signal?.aborted) throw cancelled();
      const rel = `data/exhibits/${exhibitFileName(exhibitRefForFile(ref), e.name)}`;
      const keep =
        /^image\/(png|jpeg)$/.test(e.mediaType) && e.size <= THUMB_MAX_EACH && thumbBytes + e.size <= THUMB_MAX_TOTAL;
      const parts: Buffer[] = [];
      const tap = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          doneBytes += chunk.length;
          if (keep) parts.push(chunk);
          progress({ phase: 'exhibits', done: doneBytes, total: totalBytes, label: `${ref} ${e.name}` });
          cb(null, chunk);
        },
      });
      let source;
      try {
        source = vault.openExhibitStream(e.id);
      } catch (err) {
        if (isVaultError(err) && err.code === 'TAMPERED') throw new DamagedExhibit(e, ref, err);
        throw err;
      }
      if (signal) addAbortSignal(signal, source);
      // An error of the vault's stream (TAMPERED) must reach the sink through the tap.
      source.on('error', (err) => tap.destroy(err));
      let added;
      try {
        // The vault's stream ends only after the bytes matched the recorded SHA-256, so that
        // hash is the manifest's; the sink does not hash them a second time.
        added = await sink.add(rel, source.pipe(tap), { hash: false, mtime: new Date(e.fileModifiedAt) });
      } catch (err) {
        source.destroy();
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
      caseExhibits.push({
        ref,
        path: rel,
        originalName: e.name,
        mediaType: e.mediaType,
        size: e.size,
        sha256: e.sha256,
        importedAt: e.importedAt,
        fileModifiedAt: e.fileModifiedAt,
        incidentId: e.incidentId,
        exhibitId: e.id,
        hasGpsPosition: gps.has(e.id),
      });
    }
    progress({ phase: 'documents', done: 0, total: 1, label: 'Writing the chronology' });

    // 2. The case file (privacy applied).
    const refsByIncident = new Map<string, string[]>();
    for (const x of caseExhibits)
      refsByIncident.set(x.incidentId, [...(refsByIncident.get(x.incidentId) ?? []), x.ref]);
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
      producer: {
        name: settings.producerName,
        initials: opts.initials,
        email: settings.contactEmail,
        phone: settings.contactPhone,
      },
      signingKey: { algorithm: 'Ed25519', fingerprintSha256: fingerprint, publicKeyFile: PUBLIC_KEY_FILE },
      selection: {
        incidentIds: opts.selection.incidentIds ?? null,
        from: opts.selection.from ?? null,
        to: opts.selection.to ?? null,
        categories: opts.selection.categories ?? null,
        personIds: opts.selection.personIds ?? null,
      },
      privacy: { notesLeftOut: opts.omitNotes, privateFieldsLeftOut: opts.omitPrivate },
      counts: {
        incidents: caseIncidents.length,
        exhibits: caseExhibits.length,
        omittedExhibits: omitted.length,
        exhibitBytes: caseExhibits.reduce((s, x) => s + x.size, 0),
      },
      incidents: caseIncidents,
      people: casePeople(caseIncidents, vault.listPeople(), opts.omitPrivate),
      exhibits: caseExhibits,
      omittedExhibits: omitted,
    };

    const addDoc = async (rel: string, body: string | Buffer): Promise<void> => {
      if (signal?.aborted) throw cancelled();
      const r = await sink.add(rel, body);
      payload.push({ sha256: r.sha256 ?? '', path: rel });
      sizes.push(r.size);
    };

    // 3. Custody log, then the exhibit list whose hash the PDF shows.
    const custody = buildCustody(caseFile, vault.custodyLog());
    await addDoc('data/custody/custody-log.json', `${JSON.stringify(custody, null, 2)}\n`);
    await addDoc('data/custody/custody-log.csv', custodyCsv(custody));
    const exhibitList = formatManifest(payload.map((l) => ({ sha256: l.sha256, path: l.path.slice('data/'.length) })));
    const exhibitListSha256 = createHash('sha256').update(exhibitList).digest('hex');
    await addDoc(EXHIBIT_HASHES_FILE, exhibitList);

    // 4. The documents.
    await addDoc('data/case.json', `${JSON.stringify(caseFile, null, 2)}\n`);
    await addDoc('data/chronology.csv', chronologyCsv(caseFile));
    await addDoc('data/README.txt', readmeText(caseFile, exhibitListSha256));
    await addDoc('data/viewer.html', viewerHtml(caseFile));
    await addDoc('data/chronology.pdf', await chronologyPdf({ caseFile, exhibitListSha256, thumbnails: thumbs }));
    progress({ phase: 'finishing', done: 0, total: 1, label: 'Writing the manifests and signature' });

    // 5. Manifests and tag files, then the signature over the tag manifest.
    const payloadBytes = sizes.reduce((s, n) => s + n, 0);
    const tags: ManifestLine[] = [];
    const addTag = async (rel: string, body: string): Promise<void> => {
      const r = await sink.add(rel, body);
      tags.push({ sha256: r.sha256 ?? '', path: rel });
    };
    await addTag('manifest-sha256.txt', formatManifest(payload));
    await addTag('bagit.txt', BAGIT_TXT);
    const contactName = settings.producerName;
    await addTag(
      'bag-info.txt',
      formatBagInfo([
        ['Source-Organization', settings.producerName || 'Evidence Vault user'],
        ['Contact-Name', contactName],
        ['Contact-Email', settings.contactEmail],
        ['Contact-Phone', settings.contactPhone],
        [
          'External-Description',
          opts.description ??
            `Case pack of ${caseIncidents.length} incident(s) and ${caseExhibits.length} exhibit(s), made with Evidence Vault for the police or CPS.`,
        ],
        ['External-Identifier', packId],
        ['Bagging-Date', createdAt.slice(0, 10)],
        ['Bag-Software-Agent', SOFTWARE],
        ['Payload-Oxum', `${payloadBytes}.${sizes.length}`],
        ['Bag-Size', formatSize(payloadBytes)],
        ['Bag-Count', '1 of 1'],
      ]),
    );
    await addTag(PUBLIC_KEY_FILE, publicKeyPem(pub));
    const tagManifest = formatManifest(tags);
    const tagManifestSha256 = createHash('sha256').update(tagManifest).digest('hex');
    await sink.add('tagmanifest-sha256.txt', tagManifest);
    await sink.add(SIGNATURE_FILE, vault.signDetached(new TextEncoder().encode(tagManifest)), { hash: false });
    if (signal?.aborted) throw cancelled();

    const { packSha256 } = await sink.commit();
    if (packSha256) {
      const side = `${out}.sha256`;
      const tmp = `${side}.partial-${randomBytes(4).toString('hex')}`;
      await fsp.writeFile(tmp, `${packSha256}  ${path.basename(out)}\n`, { flag: 'wx' });
      await fsp.rename(tmp, side);
    }

    // 6. Custody: the export of each exhibit and incident, and of the pack.
    for (const x of caseExhibits) {
      vault.recordCustody({
        action: 'export',
        subjectKind: 'exhibit',
        subjectId: x.exhibitId,
        details: { packId, ref: x.ref, name: x.originalName, sha256: x.sha256, size: x.size },
      });
    }
    for (const i of caseIncidents) {
      vault.recordCustody({ action: 'export', subjectKind: 'incident', subjectId: i.id, details: { packId } });
    }
    vault.recordCustody({
      action: 'export',
      subjectKind: 'pack',
      subjectId: null,
      details: {
        packId,
        format: opts.format,
        incidents: caseIncidents.length,
        exhibits: caseExhibits.length,
        omitted: omitted.map((o) => ({ ref: o.ref, name: o.name, reason: o.reason })),
        tagManifestSha256,
        packSha256,
        signingKeyFingerprint: fingerprint,
      },
    });

    return {
      packId,
      name: path.basename(out),
      location: out,
      format: opts.format,
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
