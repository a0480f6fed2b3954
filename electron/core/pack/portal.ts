/**
 * Portal mode (`export … --portal`): the pack as parts a police upload portal takes one at a time
 * (Axon Citizen takes at most 16 files per submission), under --out as part-1/, part-2/, …, each
 * a flat folder of at most PORTAL_MAX_FILES files:
 *
 *   part 1: the summary, chronology and exhibit list PDF, the exhibit hash list, then exhibits;
 *   later parts: exhibits, each its own file, in reference order;
 *   every part: part-N-of-M-README.txt, part-N-of-M-captions.txt (the caption to paste for each
 *   file), part-N-of-M-allowed_signers, part-N-of-M-manifest-sha256.txt (every other file of the
 *   part, `sha256sum -c`-able in the part's folder) and its SSH signature
 *   part-N-of-M-manifest-sha256.txt.sshsig (`ssh-keygen -Y verify`).
 *
 * The per-part names carry the part number, so parts uploaded into one case never collide.
 * Pure text here; the exporter writes the files.
 */
import { ukDate } from '../../../shared/uk-time.js';
import { groupHex } from '../../../shared/format.js';
import type { CaseExhibit, CaseFile } from './casefile.js';
import { SSHSIG_NAMESPACE, SSH_PRINCIPAL } from './sshsig.js';
import { packText } from './words/index.js';

export const PORTAL_MAX_FILES = 16;
/** The files every part carries besides its payload. */
export const PART_OVERHEAD = 5;
/** Payload files of a part. */
export const PART_PAYLOAD = PORTAL_MAX_FILES - PART_OVERHEAD;
export const PORTAL_PDF = '00-summary-chronology-exhibit-list.pdf';
export const PORTAL_EXHIBIT_LIST = '00-exhibit-hashes-sha256.txt';
/** Files in part 1 before its exhibits. */
const PART1_DOCS = 2;

/** A part's folder under --out. */
export function partFolder(n: number): string {
  return `part-${n}`;
}

/** The part's own files. */
export function partFiles(
  n: number,
  of: number,
): {
  readme: string;
  captions: string;
  allowedSigners: string;
  manifest: string;
  signature: string;
} {
  const p = `part-${n}-of-${of}-`;
  return {
    readme: `${p}README.txt`,
    captions: `${p}captions.txt`,
    allowedSigners: `${p}allowed_signers`,
    manifest: `${p}manifest-sha256.txt`,
    signature: `${p}manifest-sha256.txt.sshsig`,
  };
}

/** How many parts `exhibitFiles` exhibits need, and the part (1-based) of the i-th (0-based). */
export function planPortal(exhibitFiles: number): { parts: number; partOf(i: number): number } {
  const first = PART_PAYLOAD - PART1_DOCS;
  const rest = Math.max(0, exhibitFiles - first);
  return {
    parts: 1 + Math.ceil(rest / PART_PAYLOAD),
    partOf: (i) => (i < first ? 1 : 2 + Math.floor((i - first) / PART_PAYLOAD)),
  };
}

/** One file of a part as the README and captions describe it. */
export interface PartFile {
  name: string;
  sha256: string;
  size: number;
  /** The exhibit it is, if it is one. */
  exhibit?: CaseExhibit;
}

function incidentLine(c: CaseFile, x: CaseExhibit): string {
  const i = c.incidents.find((n) => n.id === x.incidentId);
  return i ? `${i.title} (${ukDate(i.occurredAt.date)})` : '';
}

/** What to paste in the portal's caption or description box for a file (in case.json's language). */
export function caption(c: CaseFile, f: PartFile, n: number, of: number): string {
  const t = packText(c.language ?? 'en');
  const where = t('portal.where', { packId: c.packId, n, of });
  if (f.exhibit) {
    const inc = incidentLine(c, f.exhibit);
    return t('portal.caption.exhibit', {
      ref: f.exhibit.ref,
      name: f.exhibit.originalName,
      incident: inc ? t('portal.caption.incident', { incident: inc }) : '',
      day: ukDate(f.exhibit.importedAt.slice(0, 10)),
      sha256: f.sha256,
      where,
    });
  }
  if (f.name === PORTAL_PDF) {
    return t('portal.caption.pdf', { incidents: c.counts.incidents, exhibits: c.counts.exhibits, where });
  }
  if (f.name === PORTAL_EXHIBIT_LIST) return t('portal.caption.list', { where });
  if (f.name.endsWith('captions.txt')) return t('portal.caption.captions', { where });
  if (f.name.endsWith('README.txt')) return t('portal.caption.readme', { where });
  if (f.name.endsWith('allowed_signers')) return t('portal.caption.signers', { where });
  if (f.name.endsWith('.sshsig')) return t('portal.caption.signature', { where });
  if (f.name.endsWith('manifest-sha256.txt')) return t('portal.caption.manifest', { where });
  return `(${where})`;
}

export function captionsText(c: CaseFile, files: PartFile[], n: number, of: number): string {
  const t = packText(c.language ?? 'en');
  const names = partFiles(n, of);
  const own: PartFile[] = [names.readme, names.captions, names.allowedSigners, names.manifest, names.signature].map(
    (name) => ({
      name,
      sha256: '',
      size: 0,
    }),
  );
  const lines = [...files, ...own].map((f) => `${f.name}\n    ${caption(c, f, n, of)}\n`);
  return `${t('portal.captions.title', { packId: c.packId, n, of })}

${t('portal.captions.intro', { files: files.length + PART_OVERHEAD })}

${lines.join('\n')}`;
}

export function partReadme(
  c: CaseFile,
  files: PartFile[],
  n: number,
  of: number,
  key: { allowedSigners: string; sshFingerprint: string },
): string {
  const t = packText(c.language ?? 'en');
  const names = partFiles(n, of);
  const list = files.map((f) => `  ${f.exhibit ? `${f.exhibit.ref.padEnd(8)} ` : '         '}${f.name}`).join('\n');
  const who = c.producer.name || t('readme.who');
  const heading = t('portal.readme.heading', { packId: c.packId, n, of });
  return `${heading}
${'='.repeat(heading.length)}

${t('portal.readme.body', {
  n,
  of,
  who,
  day: ukDate(c.createdAt.slice(0, 10)),
  pdf: PORTAL_PDF,
  incidents: c.counts.incidents,
  exhibits: c.counts.exhibits,
  files: files.length + PART_OVERHEAD,
  list,
  captions: names.captions,
  allowedSigners: names.allowedSigners,
  manifest: names.manifest,
  signature: names.signature,
  principal: SSH_PRINCIPAL,
  namespace: SSHSIG_NAMESPACE,
  sshFingerprint: key.sshFingerprint,
  signersLine: key.allowedSigners,
  fingerprint: groupHex(c.signingKey.fingerprintSha256),
})}`;
}

/** Pack id and part numbers as the README's first line says them, or null. */
export function parsePartHeading(readme: string): { packId: string; part: number; of: number } | null {
  const m = /^(?:CASE PACK|PECYN ACHOS) (EVP-\d{8}-[0-9A-F]{8}): (?:PART|RHAN) (\d+) (?:OF|O) (\d+)/.exec(readme);
  return m?.[1] && m[2] && m[3] ? { packId: m[1], part: Number(m[2]), of: Number(m[3]) } : null;
}
