/**
 * The case as it goes into a pack: incidents (oldest first, privacy applied), people, exhibits
 * with their references. case.json is exactly this object (see case.schema.json); the PDF, CSV,
 * README and viewer are made from it.
 */
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  ESCALATION_LABELS,
  formatOccurredAt,
  type CategoryId,
  type EscalationSignal,
  type ExhibitDetails,
  type ExtractedMetadata,
  type OccurredAt,
  type PersonIdentifier,
  type Report,
  type SeenIdentifier,
} from '../../../shared/model.js';
import type { OmittedExhibit } from '../../../shared/ipc-pack.js';
import type { Language } from '../../../shared/language.js';
import type { CaseAttachment } from './attachments.js';
import type { WithheldReference } from './contents.js';
import { formatSize } from '../../../shared/format.js';

export const CASE_FORMAT = 'evidence-vault-case-pack';
export const CASE_FORMAT_VERSION = 1;

export interface CasePerson {
  id: string;
  /** true when the user chose to leave out people marked private: no details follow. */
  withheld: boolean;
  name: string;
  handles: string[];
  description: string;
  role: 'perpetrator' | 'witness' | 'other';
  /** Every account or identifier recorded for the person (platform, handle, account id, URL, first and last seen). */
  identifiers?: PersonIdentifier[];
  /** Why the producer believes these identifiers are the same person. */
  basis?: string;
  /** A witness: how to reach them, and what they saw or heard. */
  contact?: string;
  sawWhat?: string;
}

/** A police case the vault records, covering at least one incident in the pack. */
export interface CasePoliceCase {
  id: string;
  force: string;
  reference: string;
  officer: string;
  collarNumber: string;
  spoc: string;
  /** YYYY-MM-DD or ''. */
  firstReportedOn: string;
  /** The incidents of this pack it covers. */
  incidentIds: string[];
}

export interface CaseIncident {
  id: string;
  title: string;
  occurredAt: OccurredAt;
  /** ISO 8601 text: 2024-05-03T21:40+01:00 or 2024-05-03. */
  occurredAtText: string;
  description: string;
  /** How it affected the producer ('' when not written or left out as private). */
  effect?: string;
  /** The identifiers used, as they appeared in this incident (what was seen, not whom). */
  identifiers?: SeenIdentifier[];
  categories: CategoryId[];
  channel: { kind: string; detail: string } | null;
  location: string;
  perpetratorIds: string[];
  witnessIds: string[];
  escalationSignals: EscalationSignal[];
  reports: Report[];
  /** null when notes were left out. */
  notes: string | null;
  /** Fields left out at the user's request (privacy). */
  withheldFields: string[];
  exhibitRefs: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CaseExhibit {
  ref: string;
  /** Path inside the bag: data/exhibits/AB-01-post-1.png */
  path: string;
  /** The file name as it was on the producer's disk. */
  originalName: string;
  mediaType: string;
  size: number;
  sha256: string;
  importedAt: string;
  fileModifiedAt: string;
  incidentId: string;
  exhibitId: string;
  /** The image's own metadata holds a GPS position (the file is unaltered). */
  hasGpsPosition: boolean;
  /** Only for a physical item (issue 13): no file in the pack (path, sha256 and mediaType ''). */
  kind?: 'physical';
  physical?: { keptAt: string; handledBy: string; description: string };
  /** The producer's account of the exhibit: description, how and when obtained, source, where the original is, changes made. */
  details?: ExhibitDetails;
  /** What the file says about itself, read at import (capture time, camera, GPS, e-mail headers, PDF dates). */
  extracted?: ExtractedMetadata;
  /** An e-mail's attachments, as sub-exhibits (AB/5/1, …), in the order they appear in it. */
  attachments?: CaseAttachment[];
  /** Why an e-mail's attachments could not be listed. */
  attachmentsProblem?: string;
}

export interface CaseFile {
  format: typeof CASE_FORMAT;
  formatVersion: typeof CASE_FORMAT_VERSION;
  packId: string;
  createdAt: string;
  software: string;
  /** The language of the pack's human-readable files (PDFs, README.txt, viewer); absent in older packs: English. */
  language?: Language;
  producer: { name: string; role?: string; initials: string; email: string; phone: string };
  signingKey: { algorithm: 'Ed25519'; fingerprintSha256: string; publicKeyFile: string };
  selection: {
    incidentIds: string[] | null;
    from: string | null;
    to: string | null;
    categories: string[] | null;
    personIds: string[] | null;
  };
  privacy: { notesLeftOut: boolean; privateFieldsLeftOut: boolean };
  counts: { incidents: number; exhibits: number; omittedExhibits: number; exhibitBytes: number };
  incidents: CaseIncident[];
  people: CasePerson[];
  /** The police cases covering the pack's incidents (absent in older packs). */
  policeCases?: CasePoliceCase[];
  exhibits: CaseExhibit[];
  omittedExhibits: OmittedExhibit[];
  /**
   * Every exhibit reference up to the vault's highest that is not in this pack, with why
   * ("withheld by the producer"): references are permanent, so a gap is explained, never closed.
   */
  withheldReferences: WithheldReference[];
}

// ---- display helpers shared by the PDF, CSV, README and viewer ----

export function displayWhen(at: OccurredAt): string {
  const prefix = at.approximate ? 'About ' : '';
  if (!at.time) return `${prefix}${at.date} (date only)`;
  const zone = !at.offset || at.offset === 'Z' ? 'UTC' : `UTC${at.offset}`;
  return `${prefix}${at.date} ${at.time} ${zone}`;
}
export { formatOccurredAt };

export function categoryLabel(id: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[id] ?? id;
}
export function escalationLabel(id: string): string {
  return (ESCALATION_LABELS as Record<string, string>)[id] ?? id;
}
export function channelLabel(ch: CaseIncident['channel']): string {
  if (!ch) return '';
  const base = (CHANNEL_LABELS as Record<string, string>)[ch.kind] ?? ch.kind;
  return ch.detail ? `${base}: ${ch.detail}` : base;
}
export function personLabel(p: CasePerson | undefined): string {
  if (!p) return '(unknown person)';
  if (p.withheld) return '(person withheld at the producer’s request)';
  const handles = p.handles.length ? ` (${p.handles.join(', ')})` : '';
  return `${p.name || '(no name)'}${handles}`;
}
export function reportLines(reports: Report[], kind: 'police' | 'platform'): string[] {
  const out: string[] = [];
  for (const r of reports) {
    if (r.kind !== kind) continue;
    if (r.kind === 'police') {
      out.push(
        [r.force, r.reference && `ref ${r.reference}`, r.officer && `officer ${r.officer}`, r.date]
          .filter(Boolean)
          .join(', '),
      );
    } else {
      out.push(
        [r.platform, r.reference && `ref ${r.reference}`, r.date, r.outcome && `outcome: ${r.outcome}`]
          .filter(Boolean)
          .join(', '),
      );
    }
  }
  return out;
}
/** "AB/3 (physical item, kept at Office safe)" for a physical item; the reference alone for a file. */
export function exhibitRefText(ref: string, x: CaseExhibit | undefined): string {
  return x?.physical ? `${ref} (physical item, kept at ${x.physical.keptAt})` : ref;
}

/** "1.4 KiB (1,434 bytes)": the size as the window shows it, and the exact count. */
export function humanBytes(n: number): string {
  return n < 1024 ? formatSize(n) : `${formatSize(n)} (${n.toLocaleString('en-GB')} bytes)`;
}
