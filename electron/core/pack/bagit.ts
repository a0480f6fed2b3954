/**
 * BagIt 1.0 (RFC 8493) text files: writing and reading. Pure functions, no I/O.
 */
import { formatSize } from '../../../shared/format.js';

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export interface ManifestLine {
  sha256: string;
  /** Path relative to the bag's base directory, with '/' separators (e.g. data/README.txt). */
  path: string;
}

/** RFC 8493 §2.1.3: CR, LF and % in a manifest path are percent-encoded. */
export function encodeManifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\r/g, '%0D');
}
export function decodeManifestPath(p: string): string {
  return p.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

/** Lines `<sha256>  <path>`, sorted by path (byte order), so `sha256sum -c` reads them too. */
export function formatManifest(lines: ManifestLine[]): string {
  const sorted = [...lines].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sorted.map((l) => `${l.sha256}  ${encodeManifestPath(l.path)}\n`).join('');
}

export function parseManifest(text: string): { lines: ManifestLine[]; errors: string[] } {
  const lines: ManifestLine[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const m = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(raw);
    if (!m || m[1] === undefined || m[2] === undefined) {
      errors.push(`line ${i + 1} is not "<sha256> <path>"`);
      return;
    }
    lines.push({ sha256: m[1].toLowerCase(), path: decodeManifestPath(m[2]) });
  });
  return { lines, errors };
}

/** bag-info.txt: `Label: value` lines; values are single-line (newlines folded to spaces). */
export function formatBagInfo(fields: [string, string][]): string {
  return fields
    .filter(([, v]) => v.trim() !== '')
    .map(([k, v]) => `${k}: ${v.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`)
    .join('');
}

/** bag-info.txt of a case pack: who made it, what it is, Payload-Oxum and size. */
export function bagInfo(
  caseFile: {
    packId: string;
    createdAt: string;
    language?: string;
    counts: { incidents: number; exhibits: number };
  },
  settings: { producerName: string; contactEmail: string; contactPhone: string },
  pack: { description?: string; software: string; payloadBytes: number; payloadFiles: number },
): string {
  const { incidents, exhibits } = caseFile.counts;
  return formatBagInfo([
    ['Source-Organization', settings.producerName || 'Evidence Vault user'],
    ['Contact-Name', settings.producerName],
    ['Contact-Email', settings.contactEmail],
    ['Contact-Phone', settings.contactPhone],
    [
      'External-Description',
      pack.description ??
        `Case pack of ${incidents} incident(s) and ${exhibits} exhibit(s), made with Evidence Vault for the police or CPS.`,
    ],
    ['External-Identifier', caseFile.packId],
    ['Bagging-Date', caseFile.createdAt.slice(0, 10)],
    ['Bag-Software-Agent', pack.software],
    ['Payload-Oxum', `${pack.payloadBytes}.${pack.payloadFiles}`],
    ['Bag-Size', formatSize(pack.payloadBytes)],
    ['Bag-Count', '1 of 1'],
    // Not a reserved BagIt tag: the language of the pack's human-readable files (en, cy).
    ['Language', caseFile.language ?? ''],
  ]);
}

export function parseBagInfo(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let last: { key: string; idx: number } | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (raw === '') continue;
    if (/^[ \t]/.test(raw) && last) {
      const arr = out.get(last.key);
      if (arr) arr[last.idx] = `${arr[last.idx] ?? ''} ${raw.trim()}`;
      continue;
    }
    const i = raw.indexOf(':');
    if (i <= 0) continue;
    const key = raw.slice(0, i).trim();
    const value = raw.slice(i + 1).trim();
    const arr = out.get(key) ?? [];
    arr.push(value);
    out.set(key, arr);
    last = { key, idx: arr.length - 1 };
  }
  return out;
}

/** A safe relative bag path: no absolute paths, no '..', no empty or '.' components. */
export function isSafeBagPath(p: string): boolean {
  if (p.startsWith('/') || p.includes('\\') || /^[A-Za-z]:/.test(p)) return false;
  return p.split('/').every((c) => c !== '' && c !== '.' && c !== '..');
}
