/**
 * Case-pack channels (export wizard, verify), merged into the channel map in ./ipc.ts, and the
 * names packs are given. The exporter (electron/core/pack/) takes the options these schemas
 * produce; the selection's meaning is ./selection.ts.
 */
import { z } from 'zod';
import { CATEGORY_IDS, IdSchema } from './model.js';
import { selectionProblem } from './selection.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const JobId = z.string().regex(/^[0-9a-f]{16,32}$/);
const GrantId = z.string().regex(/^[0-9a-f]{32}$/);

/** Which incidents go in (see ./selection.ts); a date range back to front is refused here. */
export const PackSelectionSchema = z
  .object({
    /** Picked by hand. */
    incidentIds: z.array(IdSchema).max(100_000).optional(),
    /** Inclusive, by the incident's own date (YYYY-MM-DD). */
    from: DateOnly.optional(),
    to: DateOnly.optional(),
    /** The incident has at least one of these categories. */
    categories: z.array(z.enum(CATEGORY_IDS)).max(CATEGORY_IDS.length).optional(),
    /** The person is a perpetrator or a witness of the incident (any of these). */
    personIds: z.array(IdSchema).max(10_000).optional(),
  })
  .strict()
  .superRefine((sel, ctx) => {
    const problem = selectionProblem(sel);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['from'] });
  });
export type PackSelection = z.infer<typeof PackSelectionSchema>;

/** Producer's initials for exhibit references: letters only, 1-5 of them (AB → AB/1, AB/2, …). */
export const InitialsSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{1,5}$/, 'initials are 1 to 5 letters, e.g. AB')
  .transform((s) => s.toUpperCase());

export const PackOptionsSchema = z
  .object({
    selection: PackSelectionSchema.default({}),
    /** Absent: the producer's initials from the settings (the export is refused when there are none). */
    initials: InitialsSchema.optional(),
    /** Leave out every incident's notes. */
    omitNotes: z.boolean().default(false),
    /** Leave out fields the user marked private, and people marked private. */
    omitPrivate: z.boolean().default(false),
    /** Exhibits left out by the user (e.g. images carrying a GPS position); recorded in the pack. */
    excludeExhibitIds: z.array(IdSchema).max(100_000).default([]),
    /** Leave out every image exhibit that carries a GPS position (the CLI's --exclude-gps-exhibits). */
    excludeGpsExhibits: z.boolean().default(false),
    /** An exhibit whose stored copy fails its hash is left out (and recorded) instead of stopping the export. */
    skipDamaged: z.boolean().default(false),
    format: z.enum(['folder', 'zip']).default('folder'),
    /** Free text for bag-info External-Description. */
    description: z.string().max(2000).optional(),
  })
  .strict();
export type PackOptionsInput = z.input<typeof PackOptionsSchema>;
export type PackOptions = z.infer<typeof PackOptionsSchema>;

export interface GpsWarning {
  exhibitId: string;
  incidentId: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface PackPreview {
  incidents: number;
  exhibits: number;
  /** Bytes of exhibits that would go in. */
  exhibitBytes: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Image exhibits of the selection whose metadata holds a GPS position. */
  gpsWarnings: GpsWarning[];
  /** Suggested initials from the settings (may be ''). */
  initials: string;
}

/** An exhibit that is not in the pack, and why. */
export interface OmittedExhibit {
  ref: string | null;
  exhibitId: string;
  incidentId: string;
  name: string;
  reason: 'excluded-by-user' | 'gps-position' | 'damaged';
}

export interface PackReceipt {
  packId: string;
  /** File or folder name of the pack. */
  name: string;
  /** Where it was saved (for display). */
  location: string;
  format: 'folder' | 'zip';
  incidents: number;
  exhibits: number;
  payloadBytes: number;
  /** SHA-256 of tagmanifest-sha256.txt (what the signature covers). */
  tagManifestSha256: string;
  /** SHA-256 of the ZIP file (zip only). */
  packSha256: string | null;
  /** SHA-256 of the signing public key, hex. */
  signingKeyFingerprint: string;
  omitted: OmittedExhibit[];
  /** Exhibits in the pack whose image metadata holds a GPS position (the user chose to include them). */
  gpsIncluded: { ref: string; name: string; latitude: number; longitude: number }[];
}

/** An exhibit whose pages are not in the e-mail PDF (its SHA-256 is). */
export interface EmailLeftOut {
  ref: string;
  name: string;
  sha256: string;
  reason: string;
}

/** What an e-mail-mode export made. */
export interface EmailPdfReceipt {
  packId: string;
  /** The PDF's file name. */
  name: string;
  bytes: number;
  maxBytes: number;
  /** SHA-256 of the PDF file. */
  sha256: string;
  incidents: number;
  exhibits: number;
  /** Images put in as smaller copies (references). */
  reduced: string[];
  leftOut: EmailLeftOut[];
  omitted: OmittedExhibit[];
}

export interface PackProblem {
  kind: 'bag' | 'missing' | 'extra' | 'changed' | 'oxum' | 'signature' | 'unreadable';
  /** The file concerned, relative to the bag (e.g. data/exhibits/AB-01-post.png). */
  path?: string;
  message: string;
}

export interface PackVerifyReport {
  ok: boolean;
  /** Folder or ZIP checked (display). */
  location: string;
  packId: string | null;
  baggingDate: string | null;
  sourceOrganization: string | null;
  filesChecked: number;
  bytesChecked: number;
  signatureValid: boolean;
  signingKeyFingerprint: string | null;
  /** pack.verify with a vault unlocked: whether the pack is signed by that vault's key (absent when locked). */
  signingKeyIsThisVault?: boolean;
  problems: PackProblem[];
}

/** Where an export is saved: a path the user chose in a native save dialog (Electron), or the
 * default exports folder beside the vault ("<vault's parent>/Evidence Vault exports/"). */
export const PackDestinationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grant'), grantId: GrantId }).strict(),
  z.object({ kind: z.literal('default') }).strict(),
]);

/** A pack to verify: one chosen in a native dialog, or one exported in this session. */
export const PackToVerifySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grant'), grantId: GrantId }).strict(),
  z.object({ kind: z.literal('exported'), packId: z.string().regex(/^EVP-\d{8}-[0-9A-F]{8}$/) }).strict(),
]);

export const packChannels = {
  /** Counts and GPS warnings for a selection, before export. */
  'pack.preview': {
    req: z.object({ selection: PackSelectionSchema.default({}) }).strict(),
    res: null as unknown as PackPreview,
  },
  /** Native save dialog (Electron only): the window gets a grant, never the path. */
  'pack.chooseDestination': {
    req: z.object({ format: z.enum(['folder', 'zip']), suggestedName: z.string().max(200) }).strict(),
    res: null as unknown as { grantId: string; name: string } | null,
  },
  /** Native open dialog for a pack to verify (Electron only). */
  'pack.chooseToVerify': {
    req: z.object({ format: z.enum(['folder', 'zip']) }).strict(),
    res: null as unknown as { grantId: string; name: string } | null,
  },
  /** Export; progress arrives as 'progress' events with this jobId. */
  'pack.export': {
    req: z
      .object({
        jobId: JobId,
        options: PackOptionsSchema,
        destination: PackDestinationSchema.default({ kind: 'default' }),
      })
      .strict(),
    res: null as unknown as PackReceipt,
  },
  /**
   * E-mail mode (the CLI's `export --email`): one PDF under maxMb megabytes at a path the host
   * granted; progress as 'progress' events with this jobId, cancelled by 'pack.cancel'.
   */
  'pack.exportEmail': {
    req: z
      .object({
        jobId: JobId,
        options: PackOptionsSchema,
        maxMb: z.number().min(1).max(100).default(10),
        destination: z.object({ kind: z.literal('grant'), grantId: GrantId }).strict(),
      })
      .strict(),
    res: null as unknown as EmailPdfReceipt,
  },
  'pack.cancel': { req: z.object({ jobId: JobId }).strict(), res: null as unknown as null },
  'pack.verify': {
    req: z.object({ jobId: JobId.optional(), pack: PackToVerifySchema }).strict(),
    res: null as unknown as PackVerifyReport,
  },
} as const satisfies Record<string, { req: z.ZodType; res: unknown }>;

/** Folder beside the vault where packs go when there is no save dialog. */
export const DEFAULT_EXPORTS_FOLDER = 'Evidence Vault exports';

/**
 * A pack's file or folder name: "case-pack-AB-2024-05-03", then "-2", "-3", … for the n-th of a day;
 * ".zip" for a ZIP. The wizard suggests it, the exports folder uses it.
 */
export function packName(initials: string, day: string, opts: { n?: number; zip?: boolean } = {}): string {
  const n = opts.n ?? 1;
  return `case-pack-${initials}-${day}${n > 1 ? `-${n}` : ''}${opts.zip ? '.zip' : ''}`;
}

/** Exhibit reference for display (AB/3) and for file names (AB-3; see exhibitRefForFile). */
export function exhibitRef(initials: string, n: number): string {
  return `${initials}/${n}`;
}
/**
 * A reference as a file name's start, its numbers padded so that names sort: AB/3 → AB-03, and
 * with `digits` 3 (a pack whose numbers pass 99) AB-003. Sub-exhibits keep theirs: AB/1/2 → AB-01-02.
 */
export function exhibitRefForFile(ref: string, digits = 2): string {
  return ref
    .split('/')
    .map((part, i) => (i > 0 && /^\d+$/.test(part) ? part.padStart(digits, '0') : part))
    .join('-');
}
/** The number of a reference ("AB/12" → 12), or null when it has none. */
export function exhibitRefNumber(ref: string): number | null {
  const m = /^[A-Z]{1,5}\/(\d+)/.exec(ref);
  return m ? Number(m[1]) : null;
}
