/**
 * E-mail mode (issue 14, "For e-mail"): one PDF to attach to an e-mail to the SPOC, under a size
 * the user sets (default 10 MB): the chronology document (summary, incidents, exhibit list), then
 * a page listing every original file's SHA-256, then the rendered exhibits. No HTML, no script, no
 * attachments inside it: the originals go later by portal or USB and are checked against the
 * hashes listed here. Images are shrunk to fit (./fit.ts); what still cannot fit is left out with
 * a line saying so and its hash.
 *
 * The case is gathered as the pack exporter gathers it (selection, permanent references,
 * privacy, left-out exhibits), then the PDF is made in memory (it is at most the limit), written
 * under a temporary name recorded in the vault, and renamed.
 */
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { PDFDocument as LibDocument } from 'pdf-lib';
import PDFDocument from 'pdfkit';
import {
  exhibitRefForFile,
  exhibitRefNumber,
  type EmailLeftOut,
  type EmailPdfReceipt,
  type PackOptions,
} from '../../../../shared/ipc-pack.js';
import { isVaultError, VaultError } from '../../../../shared/errors.js';
import { selectIncidents } from '../../../../shared/selection.js';
import { formatManifest } from '../bagit.js';
import { CASE_FORMAT, CASE_FORMAT_VERSION, humanBytes, type CaseExhibit, type CaseFile } from '../casefile.js';
import {
  cancelled,
  caseIncident,
  casePeople,
  orderedExhibits,
  permanentReferences,
  producerInitials,
  scanImages,
  withheldReferences,
  type ImageFacts,
  type PackVault,
  caseSelection,
  newPackId,
  physicalCaseExhibit,
  fileCaseExhibit,
  casePoliceCases,
  splitExhibits,
} from '../contents.js';
import { exhibitFileName } from '../names.js';
import { chronologyPdf, gatherExtras } from '../pdf.js';
import { humanSize, packText, type PackId } from '../words/index.js';
import { partialPath } from '../sink.js';
import { drawText, registerPackFonts } from '../text.js';
import { bundlePdf, type FittedImage } from './bundle.js';
import { CannotShrink, shrinkImage } from './fit.js';

export const EMAIL_DEFAULT_MAX_MB = 10;
const MB = 1_000_000;
/** Room kept for what joining the parts adds. */
const SAFETY = 0.04;

export interface EmailPdfTarget {
  out: string;
  maxMb: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
  now?: Date;
  imageFacts?: Map<string, ImageFacts>;
  software: string;
}

/** The case as a pack would hold it, without writing a pack. */
async function gather(
  vault: PackVault,
  options: PackOptions,
  t: EmailPdfTarget,
): Promise<{ caseFile: CaseFile; descriptions: Map<string, string> }> {
  let settings = vault.getSettings();
  const initials = producerInitials(options.initials, settings);
  if (selectIncidents(vault.listIncidents(), options.selection).length === 0)
    throw new VaultError('INVALID_INPUT', 'No incidents match the selection: nothing to export.');
  if (!/^[A-Z]{1,5}$/.test(settings.producerInitials)) settings = vault.updateSettings({ producerInitials: initials });
  const everything = vault.listIncidents();
  const refs = permanentReferences(everything);
  const incidents = selectIncidents(everything, options.selection);
  const candidates = orderedExhibits(incidents);
  const { gps } = await scanImages(vault, candidates, { signal: t.signal, facts: t.imageFacts });
  const { included, omitted, digits } = splitExhibits(candidates, refs, gps, options);
  const exhibits: CaseExhibit[] = included.map(({ exhibit: e, ref }) =>
    e.kind === 'physical'
      ? physicalCaseExhibit(e, ref)
      : fileCaseExhibit(
          e,
          ref,
          `data/exhibits/${exhibitFileName(exhibitRefForFile(ref, digits), e.name)}`,
          gps.has(e.id),
        ),
  );
  const refsByIncident = new Map<string, string[]>();
  for (const x of exhibits) refsByIncident.set(x.incidentId, [...(refsByIncident.get(x.incidentId) ?? []), x.ref]);
  for (const list of refsByIncident.values())
    list.sort((a, b) => (exhibitRefNumber(a) ?? 0) - (exhibitRefNumber(b) ?? 0));
  const caseIncidents = incidents.map((i) => caseIncident(i, options, refsByIncident.get(i.id) ?? []));
  const now = t.now ?? new Date();
  const caseFile: CaseFile = {
    format: CASE_FORMAT,
    formatVersion: CASE_FORMAT_VERSION,
    packId: newPackId(now),
    createdAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    software: t.software,
    language: options.language,
    producer: {
      name: settings.producerName,
      role: settings.producerRole,
      initials,
      email: settings.contactEmail,
      phone: settings.contactPhone,
    },
    signingKey: {
      algorithm: 'Ed25519',
      fingerprintSha256: createHash('sha256').update(vault.signingPublicKey()).digest('hex'),
      publicKeyFile: '',
    },
    ...caseSelection(options, caseIncidents, exhibits, omitted),
    incidents: caseIncidents,
    people: casePeople(caseIncidents, vault.listPeople(), options.omitPrivate),
    policeCases: casePoliceCases(vault.listCases(), caseIncidents),
    exhibits,
    omittedExhibits: omitted,
    withheldReferences: withheldReferences(refs, new Set(exhibits.map((x) => x.ref)), omitted),
  };
  return { caseFile, descriptions: new Map(included.map((x) => [x.exhibit.id, x.exhibit.details.description])) };
}

/** Join PDFs (pdf-lib): pages in order, no scripts or attachments carried over (pdfkit writes none). */
async function join(parts: Buffer[], title: string, c: CaseFile): Promise<Buffer> {
  const out = await LibDocument.create({ updateMetadata: false });
  for (const p of parts) {
    const src = await LibDocument.load(p, { updateMetadata: false });
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const page of pages) out.addPage(page);
  }
  out.setTitle(title);
  out.setAuthor(c.producer.name || packText(c.language)('pdf.info.author'));
  out.setCreator(c.software);
  out.setProducer(c.software);
  out.setCreationDate(new Date(c.createdAt));
  out.setModificationDate(new Date(c.createdAt));
  return Buffer.from(await out.save({ useObjectStreams: true }));
}

export async function exportEmailPdf(
  vault: PackVault,
  options: PackOptions,
  t: EmailPdfTarget,
): Promise<EmailPdfReceipt> {
  const out = path.resolve(t.out);
  const vaultDir = path.resolve(vault.dir);
  if (out === vaultDir || out.startsWith(vaultDir + path.sep))
    throw new VaultError(
      'INVALID_INPUT',
      'The e-mail PDF holds readable copies of your evidence: save it outside the vault folder, not in it.',
    );
  if (!/\.pdf$/i.test(out)) throw new VaultError('INVALID_INPUT', 'The e-mail PDF needs a file name ending in .pdf.');
  const exists = await fsp.lstat(out).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new VaultError(
      'OUTPUT_EXISTS',
      `${path.basename(out)} already exists: choose a new file name, or move the old file first.`,
    );
  const maxBytes = Math.floor(t.maxMb * MB);
  const progress = t.onProgress ?? (() => undefined);
  const { caseFile, descriptions } = await gather(vault, options, t);
  const c = caseFile;
  if (t.signal?.aborted) throw cancelled();

  progress(0, 1, 'Writing the chronology');
  const listSha = createHash('sha256')
    .update(
      formatManifest(c.exhibits.filter((x) => x.sha256).map((x) => ({ sha256: x.sha256, path: x.path.slice(5) }))),
    )
    .digest('hex');
  // The summary, chronology, people and exhibit list with everything the record holds (../pdf/).
  const extras = gatherExtras(vault, c, options, vault.getSettings());
  const chronology = await chronologyPdf({ caseFile: c, exhibitListSha256: listSha, thumbnails: new Map(), extras });

  const images = c.exhibits.filter((x) => /^image\/(jpeg|png)$/.test(x.mediaType));
  const pdfs = c.exhibits.filter((x) => x.mediaType === 'application/pdf');
  const open = (id: string) => vault.openExhibitStream(id);
  const leftOut = new Map<string, EmailLeftOut>();
  /** Why each was left out, in the pack's language (the receipt and the activity log keep the English). */
  const leftOutShown = new Map<string, string>();
  const reduced = new Set<string>();
  const lang = c.language ?? 'en';
  const say = packText(lang);
  const noteLeftOut = (e: CaseExhibit, id: PackId): string => {
    leftOut.set(e.ref, { ref: e.ref, name: e.originalName, sha256: e.sha256, reason: packText('en')(id) });
    leftOutShown.set(e.ref, say(id));
    return say('email.leftOut', { reason: say(id), path: e.path });
  };

  // 1. Everything but the images (each image a one-line page), to see what room the images have.
  const base = async (allowPdfs: boolean): Promise<number> =>
    (
      await bundlePdf({
        caseFile: c,
        open,
        descriptions,
        signal: t.signal,
        title: packText(c.language)('email.rendered'),
        fitImage: () => Promise.resolve({ leftOut: 'measuring' }),
        fitPdf: (e) => (allowPdfs ? null : `${e.ref} measuring`),
        onReadError: (_e, err) => (isVaultError(err) && err.code === 'TAMPERED' ? 'measuring' : null),
      })
    ).length;
  let allowPdfs = true;
  let fixed = chronology.length + (await base(true));
  if (fixed > maxBytes * (1 - SAFETY) && pdfs.length) {
    allowPdfs = false;
    fixed = chronology.length + (await base(false));
  }
  if (fixed > maxBytes * (1 - SAFETY)) {
    throw new VaultError(
      'INVALID_INPUT',
      `Even without its pictures the e-mail PDF would be ${humanBytes(fixed)}, over the ${t.maxMb} MB limit: ` +
        'choose fewer incidents, or a larger limit with --max-mb.',
    );
  }

  // 2. Share the room among the images, smallest first: one that fits as it is leaves more for the rest.
  let room = maxBytes * (1 - SAFETY) - fixed;
  for (let attempt = 0; attempt < 5; attempt++) {
    leftOut.clear();
    leftOutShown.clear();
    reduced.clear();
    const notDrawn = new Set<string>();
    const allowance = new Map<string, number>();
    let left = room;
    const bySize = [...images].sort((a, b) => a.size - b.size);
    bySize.forEach((e, i) => {
      const share = left / (bySize.length - i);
      const a = Math.min(e.size, share);
      allowance.set(e.exhibitId, a);
      left -= a;
    });
    const fitImage = async (e: CaseExhibit, bytes: Buffer): Promise<FittedImage> => {
      const a = allowance.get(e.exhibitId) ?? 0;
      if (bytes.length <= a) return { bytes, note: say('email.fit.asIs') };
      try {
        const s = await shrinkImage(bytes, e.mediaType, Math.max(0, a - 2048));
        reduced.add(e.ref);
        return {
          bytes: s.bytes,
          note: say('email.fit.smaller', {
            w: s.width,
            h: s.height,
            quality: s.quality,
            size: humanSize(lang, e.size),
          }),
        };
      } catch (err) {
        return { leftOut: noteLeftOut(e, err instanceof CannotShrink ? err.id : 'email.fit.failed') };
      }
    };
    const onReadError = (e: CaseExhibit, err: unknown): string | null => {
      if (!isVaultError(err) || err.code !== 'TAMPERED') return null;
      if (!options.skipDamaged)
        throw new VaultError(
          'TAMPERED',
          `Exhibit ${e.ref} "${e.originalName}" failed its SHA-256 check: the stored copy is damaged. ` +
            'The e-mail PDF was not made. Run a vault check, or export again choosing to leave damaged exhibits out.',
          { cause: err },
        );
      return noteLeftOut(e, 'email.damaged');
    };
    const fitPdf = (e: CaseExhibit): string | null => (allowPdfs ? null : noteLeftOut(e, 'email.pdfRoom'));
    progress(0, 1, 'Drawing the exhibits');
    const rendered = await bundlePdf({
      caseFile: c,
      open,
      descriptions,
      signal: t.signal,
      title: packText(c.language)('email.rendered'),
      originalWhere: say('email.originalWhere'),
      fitImage,
      fitPdf,
      onReadError,
      onNotDrawn: (ref) => notDrawn.add(ref),
      onExhibit: (done, total, ref) => progress(done, total, `Drawing exhibit ${ref}`.trim()),
    });
    const hashes = await hashPages(c, leftOutShown, reduced, notDrawn);
    const pdf = await join(
      [chronology, hashes, rendered],
      packText(c.language)('email.title', { packId: c.packId }),
      c,
    );
    if (pdf.length <= maxBytes) return write(pdf);
    // Over the limit (the estimate was short): less room for the images, and again.
    room = attempt === 3 ? 0 : room * 0.8 - (pdf.length - maxBytes);
    if (room < 0) room = 0;
  }
  throw new VaultError(
    'INVALID_INPUT',
    `The e-mail PDF would not fit in ${t.maxMb} MB even with its pictures left out: choose fewer incidents, or a larger limit with --max-mb.`,
  );

  async function write(pdf: Buffer): Promise<EmailPdfReceipt> {
    if (t.signal?.aborted) throw cancelled();
    const temp = partialPath(out);
    const token = vault.beginExport([temp]);
    try {
      await fsp.writeFile(temp, pdf, { flag: 'wx' });
      const fh = await fsp.open(temp, 'r+');
      await fh.sync().finally(() => fh.close());
      await fsp.rename(temp, out);
    } catch (e) {
      await fsp.rm(temp, { force: true }).catch(() => undefined);
      throw e;
    } finally {
      try {
        vault.endExport(token);
      } catch {
        /* the next open finds nothing at the path and drops the record */
      }
    }
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    vault.recordCustody([
      ...c.exhibits.map((x) => ({
        action: 'export' as const,
        subjectKind: 'exhibit',
        subjectId: x.exhibitId,
        details: {
          packId: c.packId,
          ref: x.ref,
          name: x.originalName,
          sha256: x.sha256,
          size: x.size,
          format: 'email-pdf',
        },
      })),
      ...c.incidents.map((i) => ({
        action: 'export' as const,
        subjectKind: 'incident',
        subjectId: i.id,
        details: { packId: c.packId, format: 'email-pdf' },
      })),
      {
        action: 'export' as const,
        subjectKind: 'pack',
        subjectId: null,
        details: {
          packId: c.packId,
          format: 'email-pdf',
          incidents: c.incidents.length,
          exhibits: c.exhibits.length,
          omitted: c.omittedExhibits.map((o) => ({ ref: o.ref, name: o.name, reason: o.reason })),
          leftOutOfPdf: [...leftOut.values()].map((l) => ({ ref: l.ref, sha256: l.sha256, reason: l.reason })),
          pdfSha256: sha256,
          bytes: pdf.length,
        },
      },
    ]);
    return {
      packId: c.packId,
      name: path.basename(out),
      bytes: pdf.length,
      maxBytes,
      sha256,
      incidents: c.incidents.length,
      exhibits: c.exhibits.length,
      reduced: [...reduced],
      leftOut: [...leftOut.values()],
      omitted: c.omittedExhibits,
    };
  }
}

/** The page of every original's SHA-256, and what this PDF shows of it. */
async function hashPages(
  c: CaseFile,
  leftOut: Map<string, string>,
  reduced: Set<string>,
  notDrawn: Set<string>,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 60, left: 48, right: 48 } });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const fonts = registerPackFonts(doc);
  const lang = c.language ?? 'en';
  const t = packText(lang);
  const o = { x: 48, width: doc.page.width - 96 };
  doc.y = 48;
  drawText(doc, fonts, t('email.hashes.title'), { ...o, size: 16 });
  doc.y += 6;
  drawText(doc, fonts, t('email.hashes.intro', { packId: c.packId }), { ...o, size: 9.5 });
  doc.y += 8;
  const sorted = [...c.exhibits].sort((a, b) => (exhibitRefNumber(a.ref) ?? 0) - (exhibitRefNumber(b.ref) ?? 0));
  for (const e of sorted) {
    const shown = e.physical
      ? t('email.shown.physical')
      : leftOut.has(e.ref)
        ? t('email.shown.leftOut', { reason: leftOut.get(e.ref) ?? '' })
        : notDrawn.has(e.ref)
          ? t('email.shown.notDrawn')
          : reduced.has(e.ref)
            ? t('email.shown.smaller')
            : t('email.shown.full');
    drawText(
      doc,
      fonts,
      [
        { text: `${e.ref}  `, bold: true },
        { text: `${e.originalName}${e.size ? ` · ${humanSize(lang, e.size)}` : ''} · ${shown}` },
      ],
      { ...o, size: 9 },
    );
    if (e.sha256)
      drawText(
        doc,
        fonts,
        [
          { text: 'SHA-256 ', bold: true },
          { text: e.sha256, mono: true },
        ],
        { ...o, size: 8 },
      );
    doc.y += 3;
  }
  doc.end();
  await ended;
  return Buffer.concat(parts);
}
