/**
 * Case-pack channels (export wizard, verify), merged into the channel map in ./ipc.ts, and the
 * names packs are given. The exporter (electron/core/pack/) takes the options these schemas
 * produce; the selection's meaning is ./selection.ts.
 */
import { z } from 'zod';
import { LanguageSchema } from './language.js';
import { CATEGORY_IDS, IdSchema } from './model.js';
import { selectionProblem } from './selection.js';

/** How a pack is saved (see PackOptionsSchema's format). */
export const PACK_FORMATS = ['folder', 'zip', 'both', 'portal'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

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
    /**
     * folder, zip; 'both': the folder and its ZIP from one export, with one pack id, named
     * case-pack-<pack id> and case-pack-<pack id>.zip inside the destination folder; 'portal':
     * part-1/, part-2/, … for a police upload portal (at most 16 files each), inside the destination.
     */
    format: z.enum(PACK_FORMATS).default('folder'),
    /** Free text for bag-info External-Description. */
    description: z.string().max(2000).optional(),
    /** Who the pack is for ("PC 1234 Patel, West Midlands Police"), for its summary (issue 14). */
    recipient: z.string().trim().max(500).optional(),
    /** The crime or incident reference the police gave, when no police case in the vault holds it. */
    crimeReference: z.string().trim().max(200).optional(),
    /** The producer's name and role for this pack only (default: the settings). */
    producerName: z.string().trim().max(500).optional(),
    producerRole: z.string().trim().max(200).optional(),
    /** The language of the pack's human-readable files (PDFs, README.txt, viewer, captions); JSON and CSV keys stay English. */
    language: LanguageSchema.default('en'),
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
  format: PackFormat;
  /** 'both': the ZIP's name, beside the folder (name) in the same place. */
  zipName?: string;
  /** 'portal': each part's folder, its number of files and its manifest's SHA-256 (tagManifestSha256 is part 1's). */
  parts?: { name: string; files: number; manifestSha256: string }[];
  incidents: number;
  exhibits: number;
  payloadBytes: number;
  /** SHA-256 of tagmanifest-sha256.txt (what the signature covers). */
  tagManifestSha256: string;
  /** SHA-256 of the ZIP file (zip and both). */
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
  /** The pack also carries the SSH signature (tagmanifest-sha256.txt.sshsig) and it is valid. */
  sshSignatureValid?: boolean;
  /** A portal part ("part 2 of 3"), or a portal folder: each part checked on its own. */
  portal?: { part: number | null; of: number; parts: PortalPartReport[] };
  problems: PackProblem[];
}

/** One part of a portal-mode pack, checked on its own. */
export interface PortalPartReport {
  /** Its folder's name (part-2). */
  name: string;
  part: number;
  of: number;
  ok: boolean;
  filesChecked: number;
  signatureValid: boolean;
  signingKeyFingerprint: string | null;
  problems: PackProblem[];
}

/** The key card (Settings → Print key card, `evidence-vault key-card`): a one-page PDF. */
export interface KeyCard {
  /** SHA-256 of the signing key's 32 bytes, hex. */
  fingerprint: string;
  /** As ssh-keygen prints it: SHA256:base64. */
  sshFingerprint: string;
  /** The PDF, base64. */
  pdfBase64: string;
  /** The QR code of the fingerprint, as the PDF draws it: one string of '0' and '1' per row of modules. */
  qr: string[];
}

/** Where an export is saved: a path the user chose in a native save dialog (Electron), or the
 * default exports folder beside the vault ("<vault's parent>/Evidence Vault exports/"). */
export const PackDestinationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grant'), grantId: GrantId }).strict(),
  z.object({ kind: z.literal('default') }).strict(),
]);

const PackId = z.string().regex(/^EVP-\d{8}-[0-9A-F]{8}$/);

/** Largest pack the browser version's window may send to be checked (its request limit is 384 MiB, sent as base64). */
export const MAX_PACK_UPLOAD_BYTES = 256 * 1024 * 1024;
/** Most files in a pack folder sent from the window to be checked. */
export const MAX_PACK_UPLOAD_FILES = 20_000;

/** A path inside an uploaded pack folder: relative, forward slashes, no "." or ".." parts. */
const UploadPath = z
  .string()
  .min(1)
  .max(1000)
  .refine(
    (p) =>
      !p.startsWith('/') &&
      !p.includes('\\') &&
      !p.includes('\0') &&
      !/^[A-Za-z]:/.test(p) &&
      p.split('/').every((part) => part !== '' && part !== '.' && part !== '..'),
    'A file in the pack has a name that cannot be used.',
  );

/**
 * A pack sent by the window as bytes (the browser version, which has no file dialogs of its own):
 * one ZIP file, or a folder's files with their paths (as the browser's folder chooser gives them).
 */
export const PackUploadSchema = z
  .object({
    kind: z.literal('upload'),
    files: z
      .array(z.object({ path: UploadPath, data: z.instanceof(Uint8Array) }).strict())
      .min(1, 'Choose the case pack: a ZIP file or its folder.')
      .max(MAX_PACK_UPLOAD_FILES, `A case pack folder has at most ${MAX_PACK_UPLOAD_FILES} files.`),
  })
  .strict()
  .refine(
    (u) => u.files.reduce((n, f) => n + f.data.byteLength, 0) <= MAX_PACK_UPLOAD_BYTES,
    'This case pack is too large to check in the browser version (256 MiB at most): use the desktop app or evidence-vault verify.',
  );

/** A pack to verify: one chosen in a native dialog, one exported in this session, or one the window sent. */
export const PackToVerifySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grant'), grantId: GrantId }).strict(),
  z.object({ kind: z.literal('exported'), packId: PackId }).strict(),
  PackUploadSchema,
]);

/** "Copy to a USB stick…": where the copy went and whether it checks out. */
export interface PackCopyResult {
  /** The copy's name (the pack's own name). */
  name: string;
  /** Where it is, for display: the chosen folder's name and the copy's. */
  location: string;
  /** The copy was checked after copying (every hash and the signature). */
  checked: boolean;
  /** Problems found in the copy (none when it matches). */
  problems: PackProblem[];
}

export const packChannels = {
  /** Counts and GPS warnings for a selection, before export. */
  'pack.preview': {
    req: z.object({ selection: PackSelectionSchema.default({}) }).strict(),
    res: null as unknown as PackPreview,
  },
  /** Native save dialog (Electron only): the window gets a grant, never the path. */
  'pack.chooseDestination': {
    req: z.object({ format: z.enum(PACK_FORMATS), suggestedName: z.string().max(200) }).strict(),
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
  /** The receipt's "Show in folder": the system's file manager opens at the pack (desktop only; shown: false elsewhere). */
  'pack.showInFolder': {
    req: z.object({ packId: PackId }).strict(),
    res: null as unknown as { shown: boolean },
  },
  /**
   * The receipt's "Copy to a USB stick…" (desktop): a folder dialog, then the pack (and its .sha256
   * receipt file) copied there and checked. null when cancelled; nothing is overwritten.
   */
  'pack.copyToFolder': {
    req: z.object({ packId: PackId, jobId: JobId.optional() }).strict(),
    res: null as unknown as PackCopyResult | null,
  },
  /** The browser version's "Save a copy…": a ZIP pack of this session as bytes, for the browser to save. */
  'pack.download': {
    req: z.object({ packId: PackId }).strict(),
    res: null as unknown as { name: string; data: Uint8Array },
  },
  /**
   * The signing key card as a PDF: returned (pdfBase64) for the window to print, and, with a
   * destination, also saved there (a granted path, or the default exports folder).
   */
  'pack.keyCard': {
    req: z.object({ destination: PackDestinationSchema.optional() }).strict(),
    res: null as unknown as KeyCard & { savedAs: string | null },
  },
} as const satisfies Record<string, { req: z.ZodType; res: unknown }>;

/** Said to the user at every export (the wizard and the CLI): what she sends may reach the defence. */
export const DEFENCE_NOTE =
  'The defence may see what you send: the police may have to share what is in the pack with the defence. Leave out anything you do not want them to see, and tell the officer what you left out.';

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
