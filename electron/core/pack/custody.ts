/**
 * data/custody/: the activity log kept by the producer's own software (not a chain of custody):
 * the entries of every exported incident and exhibit (edits with the fields changed), every
 * deletion in the vault with its hashes and reason even when the item is not in the pack (never
 * its words), every earlier pack, plus this export.
 * custody-log.json (machine-readable) and custody-log.csv (spreadsheet, injection-safe).
 */
import { stringify } from 'csv-stringify/sync';
import type { CustodyEntry } from '../../../shared/model.js';
import type { VaultApi } from '../api.js';
import type { CaseFile } from './casefile.js';
import { neutraliseCell } from './csv.js';

/** Only plain facts of the vault's entries go in (never record text): these keys, scalar values. */
const DETAIL_KEYS = ['name', 'size', 'sha256', 'mediaType', 'ref', 'packId', 'reason', 'fileModifiedAt', 'extracted'];

export interface CustodyRecord {
  seq: number | null;
  at: string;
  action: string;
  subjectKind: string;
  subjectId: string | null;
  ref: string | null;
  details: Record<string, string | number | boolean | string[]>;
}

export interface CustodyExhibitSummary {
  ref: string;
  exhibitId: string;
  originalName: string;
  importedAt: string;
  importedUnderName: string;
  sha256AtImport: string;
  sha256AtExport: string;
  exportedAt: string;
}

export interface CustodyDocument {
  packId: string;
  exportedAt: string;
  exhibits: CustodyExhibitSummary[];
  entries: CustodyRecord[];
}

export function buildCustody(c: CaseFile, log: CustodyEntry[]): CustodyDocument {
  const refById = new Map<string, string>(c.exhibits.map((e) => [e.exhibitId, e.ref]));
  const subjects = new Set<string>([...c.incidents.map((i) => i.id), ...c.exhibits.map((e) => e.exhibitId)]);
  const entries: CustodyRecord[] = [];
  const withheld = new Map(
    c.incidents.map((i) => [i.id, new Set([...i.withheldFields, ...(c.privacy.notesLeftOut ? ['notes'] : [])])]),
  );
  for (const e of log) {
    const inPack = !!e.subjectId && subjects.has(e.subjectId);
    const tombstone = e.action === 'delete' || e.action === 'purge' || e.action === 'restore';
    const earlierPack = e.action === 'export' && e.subjectKind === 'pack';
    if (!inPack && !tombstone && !earlierPack) continue;
    const details: CustodyRecord['details'] = inPack
      ? pickDetails(e.details)
      : pickDetails(e.details, earlierPack ? PACK_KEYS : TOMBSTONE_KEYS);
    const changed = e.details.changed;
    if (inPack && e.action === 'edit' && Array.isArray(changed)) {
      const hidden = withheld.get(e.subjectId ?? '') ?? new Set<string>();
      details.changed = changed.filter((f): f is string => typeof f === 'string' && !hidden.has(f));
    }
    entries.push({
      seq: e.seq,
      at: e.at,
      action: e.action,
      subjectKind: e.subjectKind,
      subjectId: e.subjectId,
      ref: e.subjectId ? (refById.get(e.subjectId) ?? null) : null,
      details,
    });
  }
  const imports = new Map<string, CustodyEntry>();
  for (const e of log)
    if (e.action === 'import' && e.subjectId && !imports.has(e.subjectId)) imports.set(e.subjectId, e);
  const exhibits = c.exhibits.map((x): CustodyExhibitSummary => {
    const imp = imports.get(x.exhibitId);
    const d = imp ? pickDetails(imp.details) : {};
    return {
      ref: x.ref,
      exhibitId: x.exhibitId,
      originalName: x.originalName,
      importedAt: imp?.at ?? x.importedAt,
      importedUnderName: typeof d.name === 'string' ? d.name : x.originalName,
      sha256AtImport: typeof d.sha256 === 'string' ? d.sha256 : x.sha256,
      sha256AtExport: x.sha256,
      exportedAt: c.createdAt,
    };
  });
  for (const x of c.exhibits) {
    entries.push({
      seq: null,
      at: c.createdAt,
      action: 'export',
      subjectKind: 'exhibit',
      subjectId: x.exhibitId,
      ref: x.ref,
      details: { packId: c.packId, ref: x.ref, name: x.originalName, sha256: x.sha256, size: x.size },
    });
  }
  return { packId: c.packId, exportedAt: c.createdAt, exhibits, entries };
}

/** Of an item not in the pack, only its hashes and the reason: never its words or name. */
const TOMBSTONE_KEYS = ['reason', 'sha256', 'recordSha256', 'size'];
/** Of an earlier pack: which, and its tag manifest's hash. */
const PACK_KEYS = ['packId', 'format', 'tagManifestSha256', 'packSha256', 'signingKeyFingerprint'];

function pickDetails(
  d: Record<string, unknown>,
  keys: readonly string[] = DETAIL_KEYS,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const k of keys) {
    const v = d[k];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

export function custodyCsv(doc: CustodyDocument): string {
  const header = [
    'When (UTC)',
    'Action',
    'Subject',
    'Subject id',
    'Exhibit ref',
    'Original name',
    'SHA-256',
    'Size',
    'Pack',
    'Reason',
    'Fields changed',
  ];
  const rows = doc.entries.map((e) => [
    e.at,
    e.action,
    e.subjectKind,
    e.subjectId ?? '',
    e.ref ?? '',
    String(e.details.name ?? ''),
    String(e.details.sha256 ?? ''),
    e.details.size === undefined ? '' : String(e.details.size),
    String(e.details.packId ?? ''),
    String(e.details.reason ?? ''),
    // An 'edit' with extracted: the app read what the file says (after its import), not the producer's change.
    e.details.extracted === true
      ? 'what the file says (read by the app)'
      : Array.isArray(e.details.changed)
        ? e.details.changed.join('; ')
        : '',
  ]);
  return stringify(
    [header, ...rows].map((r) => r.map(neutraliseCell)),
    {
      bom: true,
      record_delimiter: '\r\n',
      quoted_match: /[\r\n]/,
    },
  );
}

type NewEntry = Omit<CustodyEntry, 'seq' | 'at'>;

/** The vault's custody entries of one export: each exhibit and incident in the pack, and the pack. */
export function exportEntries(
  caseFile: Pick<CaseFile, 'packId' | 'exhibits' | 'incidents' | 'omittedExhibits'>,
  pack: {
    format: 'folder' | 'zip' | 'both' | 'portal';
    tagManifestSha256: string;
    packSha256: string | null;
    signingKeyFingerprint: string;
  },
): NewEntry[] {
  const packId = caseFile.packId;
  return [
    ...caseFile.exhibits.map((x): NewEntry => ({
      action: 'export',
      subjectKind: 'exhibit',
      subjectId: x.exhibitId,
      details: { packId, ref: x.ref, name: x.originalName, sha256: x.sha256, size: x.size },
    })),
    ...caseFile.incidents.map((i): NewEntry => ({
      action: 'export',
      subjectKind: 'incident',
      subjectId: i.id,
      details: { packId },
    })),
    {
      action: 'export',
      subjectKind: 'pack',
      subjectId: null,
      details: {
        packId,
        format: pack.format,
        incidents: caseFile.incidents.length,
        exhibits: caseFile.exhibits.length,
        omitted: caseFile.omittedExhibits.map((o) => ({ ref: o.ref, name: o.name, reason: o.reason })),
        tagManifestSha256: pack.tagManifestSha256,
        packSha256: pack.packSha256,
        signingKeyFingerprint: pack.signingKeyFingerprint,
      },
    },
  ];
}

/** The custody entries of one export, appended together. */
export function appendExportEntries(vault: Pick<VaultApi, 'recordCustody'>, entries: NewEntry[]): void {
  // One call, one SQLite transaction: all of an export's entries are in the log, or none.
  vault.recordCustody(entries);
}
