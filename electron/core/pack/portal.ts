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

/** What to paste in the portal's caption or description box for a file. */
export function caption(c: CaseFile, f: PartFile, n: number, of: number): string {
  const where = `case pack ${c.packId}, part ${n} of ${of}`;
  if (f.exhibit) {
    const inc = incidentLine(c, f.exhibit);
    return (
      `Exhibit ${f.exhibit.ref}: "${f.exhibit.originalName}"${inc ? `, incident: ${inc}` : ''}. ` +
      `Byte-for-byte the file imported on ${ukDate(f.exhibit.importedAt.slice(0, 10))}. SHA-256 ${f.sha256}. (${where})`
    );
  }
  if (f.name === PORTAL_PDF) {
    return `Summary for police, chronology and exhibit list of ${c.counts.incidents} incident(s) and ${c.counts.exhibits} exhibit(s). (${where})`;
  }
  if (f.name === PORTAL_EXHIBIT_LIST) return `SHA-256 of every exhibit file of the case pack (all parts). (${where})`;
  if (f.name.endsWith('captions.txt')) return `The caption to paste for each file of this part. (${where})`;
  if (f.name.endsWith('README.txt')) return `What this part holds and how to check it. (${where})`;
  if (f.name.endsWith('allowed_signers')) return `The producer's signing key, for ssh-keygen -Y verify. (${where})`;
  if (f.name.endsWith('.sshsig')) return `Signature over this part's manifest. (${where})`;
  if (f.name.endsWith('manifest-sha256.txt')) return `SHA-256 of every other file of this part. (${where})`;
  return `(${where})`;
}

export function captionsText(c: CaseFile, files: PartFile[], n: number, of: number): string {
  const names = partFiles(n, of);
  const own: PartFile[] = [names.readme, names.captions, names.allowedSigners, names.manifest, names.signature].map(
    (name) => ({
      name,
      sha256: '',
      size: 0,
    }),
  );
  const lines = [...files, ...own].map((f) => `${f.name}\n    ${caption(c, f, n, of)}\n`);
  return `CASE PACK ${c.packId}: PART ${n} OF ${of}, CAPTIONS TO PASTE

Upload every file of this folder (${files.length + PART_OVERHEAD} files) in one submission. For each file,
paste the line under its name into the portal's caption or description box.

${lines.join('\n')}`;
}

export function partReadme(
  c: CaseFile,
  files: PartFile[],
  n: number,
  of: number,
  key: { allowedSigners: string; sshFingerprint: string },
): string {
  const names = partFiles(n, of);
  const list = files.map((f) => `  ${f.exhibit ? `${f.exhibit.ref.padEnd(8)} ` : '         '}${f.name}`).join('\n');
  const who = c.producer.name || 'the person who keeps this record';
  return `CASE PACK ${c.packId}: PART ${n} OF ${of}
${'='.repeat(`CASE PACK ${c.packId}: PART ${n} OF ${of}`.length)}

This is part ${n} of ${of} of a case pack made by ${who} with Evidence Vault on
${ukDate(c.createdAt.slice(0, 10))}, split for a police upload portal (at most 16 files in each part).
Part 1 holds the summary for police, the chronology and the exhibit list (${PORTAL_PDF});
every exhibit is its own file, named by its exhibit reference (AB-01-... is exhibit AB/1).
The whole pack holds ${c.counts.incidents} incident(s) and ${c.counts.exhibits} exhibit(s) in ${of} part(s).

This part holds ${files.length + PART_OVERHEAD} files:
${list}
  and this README, ${names.captions} (what to paste as each file's caption),
  ${names.allowedSigners} (the signing key, for ssh-keygen),
  ${names.manifest} (the SHA-256 of every other file of this part)
  and ${names.signature} (its signature).

How to check this part on its own
---------------------------------
Put the part's files in one folder and open a terminal there.

Linux or macOS:
    sha256sum -c ${names.manifest}
  (on older macOS: shasum -a 256 -c ${names.manifest}). Every line must say OK.

Windows (PowerShell; the manifest is read as UTF-8):
    Get-Content -Encoding UTF8 ${names.manifest} | ForEach-Object {
      $hash, $file = $_ -split ' +', 2
      if ((Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash -ne $hash.ToUpper()) { "CHANGED: $file" }
    }
  No output means every file matches.

The signature (Windows 10/11, macOS and Linux have ssh-keygen):
    ssh-keygen -Y verify -f ${names.allowedSigners} -I ${SSH_PRINCIPAL} -n ${SSHSIG_NAMESPACE} -s ${names.signature} < ${names.manifest}
  It must say: Good "${SSHSIG_NAMESPACE}" signature for ${SSH_PRINCIPAL} with ED25519 key ${key.sshFingerprint}
  (in PowerShell, which has no "<", put the same command in: cmd /c "...")
  ${names.allowedSigners} holds this line:
    ${key.allowedSigners}

Evidence Vault itself: evidence-vault verify <this part's folder>

The signing key travels with the pack, so a good signature shows that this part is unchanged
since that key signed it, not who made it. Compare the key with the producer's key card:
    Signing key fingerprint (SHA-256 of the 32-byte key): ${groupHex(c.signingKey.fingerprintSha256)}
    As ssh-keygen prints it: ${key.sshFingerprint}
`;
}

/** Pack id and part numbers as the README's first line says them, or null. */
export function parsePartHeading(readme: string): { packId: string; part: number; of: number } | null {
  const m = /^CASE PACK (EVP-\d{8}-[0-9A-F]{8}): PART (\d+) OF (\d+)/.exec(readme);
  return m?.[1] && m[2] && m[3] ? { packId: m[1], part: Number(m[2]), of: Number(m[3]) } : null;
}
