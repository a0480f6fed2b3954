/**
 * The incident model: the words of ../shared/DESIGN.md as types and runtime schemas.
 * shared/ imports nothing of ours; zod is the runtime schema library.
 */
import { z } from 'zod';
import type { Language } from './language.js';

export const CATEGORY_IDS = [
  'criminal-damage',
  'threatening-behaviour',
  'harassment',
  'stalking',
  'hate-crime',
  'election-offence',
  'malicious-communication',
  'online-abuse',
  'assault',
  'other',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const CATEGORY_LABELS: Record<CategoryId, string> = {
  'criminal-damage': 'Criminal damage',
  'threatening-behaviour': 'Threatening behaviour',
  harassment: 'Harassment',
  stalking: 'Stalking',
  'hate-crime': 'Hate crime',
  'election-offence': 'Election offence',
  'malicious-communication': 'Malicious communication',
  'online-abuse': 'Online abuse',
  assault: 'Assault',
  other: 'Other',
};

/** The Welsh for each category; CATEGORY_NAMES[lang] picks the language's. */
export const CATEGORY_LABELS_CY: Record<CategoryId, string> = {
  'criminal-damage': 'Difrod troseddol',
  'threatening-behaviour': 'Ymddygiad bygythiol',
  harassment: 'Aflonyddu',
  stalking: 'Stelcio',
  'hate-crime': 'Trosedd casineb',
  'election-offence': 'Trosedd etholiadol',
  'malicious-communication': 'Cyfathrebu maleisus',
  'online-abuse': 'Cam-drin ar-lein',
  assault: 'Ymosod',
  other: 'Arall',
};
export const CATEGORY_NAMES: Record<Language, Record<CategoryId, string>> = {
  en: CATEGORY_LABELS,
  cy: CATEGORY_LABELS_CY,
};

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}

export const CHANNEL_KINDS = [
  'in-person',
  'phone',
  'letter',
  'email',
  'social-media',
  'messaging-app',
  'other',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const CHANNEL_LABELS: Record<ChannelKind, string> = {
  'in-person': 'In person',
  phone: 'Phone',
  letter: 'Letter',
  email: 'E-mail',
  'social-media': 'Social media',
  'messaging-app': 'Messaging app',
  other: 'Other',
};
export const CHANNEL_NAMES: Record<Language, Record<ChannelKind, string>> = {
  en: CHANNEL_LABELS,
  cy: {
    'in-person': 'Wyneb yn wyneb',
    phone: 'Ffôn',
    letter: 'Llythyr',
    email: 'E-bost',
    'social-media': 'Cyfryngau cymdeithasol',
    'messaging-app': 'Ap negeseuon',
    other: 'Arall',
  },
};

export const ESCALATION_SIGNALS = ['imminent-violence', 'fixated-ideas', 'personal-information-released'] as const;
export type EscalationSignal = (typeof ESCALATION_SIGNALS)[number];
export const ESCALATION_LABELS: Record<EscalationSignal, string> = {
  'imminent-violence': 'Threat of imminent violence',
  'fixated-ideas': 'Fixated ideas',
  'personal-information-released': 'Release of personal information not already public',
};
export const ESCALATION_NAMES: Record<Language, Record<EscalationSignal, string>> = {
  en: ESCALATION_LABELS,
  cy: {
    'imminent-violence': 'Bygythiad o drais ar fin digwydd',
    'fixated-ideas': 'Syniadau obsesiynol',
    'personal-information-released': 'Rhyddhau gwybodaeth bersonol nad yw’n gyhoeddus yn barod',
  },
};

/**
 * When an incident happened. `date` is YYYY-MM-DD. `time` is HH:MM (or HH:MM:SS) local to the
 * place, `offset` its UTC offset (+01:00, Z); both absent for a date-only entry. `approximate`
 * marks "about then".
 */
export const OccurredAtSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  time: z
    .string()
    .regex(/^\d{2}:\d{2}(:\d{2})?$/)
    .optional(),
  offset: z
    .string()
    .regex(/^(Z|[+-]\d{2}:\d{2})$/)
    .optional(),
  approximate: z.boolean().default(false),
});
export type OccurredAt = z.infer<typeof OccurredAtSchema>;

export const ChannelSchema = z.object({
  kind: z.enum(CHANNEL_KINDS),
  /** The platform's or app's name for social-media and messaging-app ("X", "WhatsApp"), free text otherwise. */
  detail: z.string().max(200).optional(),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const PoliceReportSchema = z.object({
  kind: z.literal('police'),
  force: z.string().max(200).default(''),
  reference: z.string().max(200).default(''),
  officer: z.string().max(200).default(''),
  date: z.string().max(40).default(''),
});
export const PlatformReportSchema = z.object({
  kind: z.literal('platform'),
  platform: z.string().max(200).default(''),
  reference: z.string().max(200).default(''),
  date: z.string().max(40).default(''),
  outcome: z.string().max(2000).default(''),
});
export const ReportSchema = z.discriminatedUnion('kind', [PoliceReportSchema, PlatformReportSchema]);
export type Report = z.infer<typeof ReportSchema>;

export const ID_PATTERN = /^[0-9a-f]{32}$/;
export const IdSchema = z.string().regex(ID_PATTERN, 'not a record id');

export const PERSON_ROLES = ['perpetrator', 'witness', 'other'] as const;

/** YYYY-MM-DD, or '' for not given. */
const OptionalDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'use a date as YYYY-MM-DD')
  .default('');

/**
 * One account or identifier a person record holds (issue 12): every field optional ('' unknown).
 * firstSeen/lastSeen: when the victim first and last saw it used (YYYY-MM-DD).
 */
export const PersonIdentifierSchema = z.object({
  platform: z.string().max(200).default(''),
  handle: z.string().max(500).default(''),
  /** The platform's numeric account id, where known. */
  accountId: z.string().max(200).default(''),
  url: z.string().max(2000).default(''),
  firstSeen: OptionalDate,
  lastSeen: OptionalDate,
});
export type PersonIdentifierInput = z.input<typeof PersonIdentifierSchema>;
export type PersonIdentifier = z.infer<typeof PersonIdentifierSchema>;

export const PersonInputSchema = z.object({
  name: z.string().max(500).default(''),
  /** Online handles as plain text (vaults before 0.3); `identifiers` holds the full detail. */
  handles: z.array(z.string().max(500)).max(50).default([]),
  description: z.string().max(10_000).default(''),
  role: z.enum(PERSON_ROLES).default('perpetrator'),
  /** Left out of case packs when the user asks to leave out private fields. */
  private: z.boolean().default(false),
  /** Every account or identifier the victim believes is this person's. */
  identifiers: z.array(PersonIdentifierSchema).max(200).default([]),
  /** "Why I believe these are the same person": the basis for linking the identifiers. */
  basis: z.string().max(10_000).default(''),
  /** Witnesses: how to reach them (phone, e-mail, address), as text. */
  contact: z.string().max(2000).default(''),
  /** Witnesses: what they saw or heard. */
  sawWhat: z.string().max(10_000).default(''),
  /** Witnesses: whether they know they are named in this record. */
  knowsNamed: z.boolean().default(false),
});
export type PersonInput = z.input<typeof PersonInputSchema>;
export type PersonData = z.infer<typeof PersonInputSchema>;
export interface Person extends PersonData {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** The fields a person record made before 0.3 lacks, with their defaults (applied when read). */
export const PERSON_DEFAULTS = {
  identifiers: [] as PersonIdentifier[],
  basis: '',
  contact: '',
  sawWhat: '',
  knowsNamed: false,
};

/** What a person with no name or handle is called. */
export const UNNAMED_PERSON: Record<Language, string> = { en: 'Unnamed person', cy: 'Person heb enw' };

/** What the window calls a person: their name, else their first online handle. */
export function personName(
  p: Pick<Person, 'name' | 'handles'> & { identifiers?: readonly PersonIdentifier[] },
  lang: Language = 'en',
): string {
  const first = p.identifiers?.find((i) => i.handle !== '' || i.url !== '' || i.accountId !== '');
  return p.name || p.handles[0] || first?.handle || first?.url || first?.accountId || UNNAMED_PERSON[lang];
}

/**
 * A person's identifiers to show: the full ones where there are any, else the plain handles of an
 * older record (each as a handle on no named platform).
 */
export function personIdentifiers(
  p: Pick<Person, 'handles'> & { identifiers?: readonly PersonIdentifier[] },
): PersonIdentifier[] {
  if (p.identifiers && p.identifiers.length > 0) return [...p.identifiers];
  return p.handles.map((handle) => ({ platform: '', handle, accountId: '', url: '', firstSeen: '', lastSeen: '' }));
}

/** What an identifier that appeared in an incident was: a handle, a phone number, an e-mail address... */
export const IDENTIFIER_KINDS = ['handle', 'phone', 'email', 'url', 'vehicle', 'other'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];
export const IDENTIFIER_LABELS: Record<IdentifierKind, string> = {
  handle: 'Handle',
  phone: 'Phone number',
  email: 'E-mail address',
  url: 'Web address',
  vehicle: 'Vehicle',
  other: 'Other',
};
export const IDENTIFIER_NAMES: Record<Language, Record<IdentifierKind, string>> = {
  en: IDENTIFIER_LABELS,
  cy: {
    handle: 'Enw defnyddiwr',
    phone: 'Rhif ffôn',
    email: 'Cyfeiriad e-bost',
    url: 'Cyfeiriad gwe',
    vehicle: 'Cerbyd',
    other: 'Arall',
  },
};

/** An identifier as it appeared in one incident ("@troll123 on X", "07700 900123"): what was seen, not whom. */
export const SeenIdentifierSchema = z.object({
  kind: z.enum(IDENTIFIER_KINDS),
  value: z.string().trim().min(1, 'An identifier needs its text, as it appeared').max(2000),
  platform: z.string().max(200).optional(),
});
export type SeenIdentifier = z.infer<typeof SeenIdentifierSchema>;

export const IncidentInputSchema = z.object({
  title: z.string().trim().min(1, 'A title is needed').max(500),
  occurredAt: OccurredAtSchema,
  description: z.string().max(100_000).default(''),
  /** "How it affected me, and what I changed because of it": never a private field by default. */
  effect: z.string().max(100_000).default(''),
  categories: z.array(z.enum(CATEGORY_IDS)).max(CATEGORY_IDS.length).default([]),
  channel: ChannelSchema.optional(),
  location: z.string().max(2000).default(''),
  /** The identifiers used, as they appeared (what was seen); who is believed responsible is perpetratorIds. */
  identifiers: z.array(SeenIdentifierSchema).max(200).default([]),
  /** The people believed responsible (outputs call it "believedResponsible"). */
  perpetratorIds: z.array(IdSchema).max(200).default([]),
  witnessIds: z.array(IdSchema).max(200).default([]),
  escalationSignals: z.array(z.enum(ESCALATION_SIGNALS)).default([]),
  reports: z.array(ReportSchema).max(100).default([]),
  notes: z.string().max(100_000).default(''),
  /** Names of fields the user marked private (left out of a pack on request): 'location', 'notes', ... */
  privateFields: z.array(z.string().max(50)).max(30).default([]),
});
export type IncidentInput = z.input<typeof IncidentInputSchema>;
export type IncidentData = z.infer<typeof IncidentInputSchema>;

/** The fields an incident record made before 0.3 lacks, with their defaults (applied when read). */
export const INCIDENT_DEFAULTS = { effect: '', identifiers: [] as SeenIdentifier[] };

/** How the producer came to have an exhibit (issue 13): a closed list with "other". */
export const OBTAINED_HOW = [
  'screenshot',
  'phone-photo',
  'app-export',
  'saved-email',
  'paper-scan',
  'recording',
  'other',
] as const;
export type ObtainedHow = (typeof OBTAINED_HOW)[number];
export const OBTAINED_HOW_LABELS: Record<ObtainedHow, string> = {
  screenshot: 'Screenshot taken on this computer',
  'phone-photo': 'Photo or screenshot taken on a phone',
  'app-export': 'Exported from an app or website',
  'saved-email': 'Saved e-mail',
  'paper-scan': 'Scan or photo of paper',
  recording: 'Recording (sound or video)',
  other: 'Other',
};
export const OBTAINED_HOW_NAMES: Record<Language, Record<ObtainedHow, string>> = {
  en: OBTAINED_HOW_LABELS,
  cy: {
    screenshot: 'Sgrinlun a dynnwyd ar y cyfrifiadur hwn',
    'phone-photo': 'Llun neu sgrinlun a dynnwyd ar ffôn',
    'app-export': 'Wedi’i allforio o ap neu wefan',
    'saved-email': 'E-bost a gadwyd',
    'paper-scan': 'Sgan neu lun o bapur',
    recording: 'Recordiad (sain neu fideo)',
    other: 'Arall',
  },
};

/** Where an exhibit came from online or by phone: every field optional ('' unknown). */
export const ExhibitSourceSchema = z
  .object({
    /** URL or permalink of the post, message or page. */
    url: z.string().max(2000).default(''),
    platform: z.string().max(200).default(''),
    /** The account's handle as shown ("@someone"). */
    handle: z.string().max(500).default(''),
    /** The platform's numeric account id, where known. */
    accountId: z.string().max(200).default(''),
    phone: z.string().max(100).default(''),
    email: z.string().max(500).default(''),
  })
  .strict();
export type ExhibitSource = z.infer<typeof ExhibitSourceSchema>;

/** What the producer says about an exhibit (provenance). Every field optional; '' means not given. */
export const ExhibitDetailsSchema = z
  .object({
    description: z.string().max(10_000).default(''),
    obtainedHow: z.enum(OBTAINED_HOW).optional(),
    /** With obtainedHow 'other': how, in the producer's words. */
    obtainedHowOther: z.string().max(500).default(''),
    /** Who made or saved the copy ("me", "my agent Sam Jones"). */
    obtainedBy: z.string().max(500).default(''),
    /** When it was obtained: YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM; '' not given. */
    obtainedAt: z.string().max(40).default(''),
    source: ExhibitSourceSchema.default({ url: '', platform: '', handle: '', accountId: '', phone: '', email: '' }),
    /** Where the original is now ("on my phone", "letter in the office safe"). */
    originalLocation: z.string().max(2000).default(''),
    /** '' when the producer did not change it; otherwise what was done, with what ("cropped in Photos"). */
    changedByMe: z.string().max(2000).default(''),
  })
  .strict();
export type ExhibitDetailsInput = z.input<typeof ExhibitDetailsSchema>;
export type ExhibitDetails = z.infer<typeof ExhibitDetailsSchema>;

/** A physical item (a letter, an envelope): no file, kept somewhere, handled by someone. */
export const PhysicalItemSchema = z
  .object({
    /** Where it is kept ("office safe, brown envelope"). */
    keptAt: z.string().trim().min(1, 'Say where the item is kept').max(2000),
    /** Who has handled it, in the producer's words. */
    handledBy: z.string().max(2000).default(''),
  })
  .strict();
export type PhysicalItemInput = z.input<typeof PhysicalItemSchema>;
export type PhysicalItem = z.infer<typeof PhysicalItemSchema>;

/** One version of an exhibit's provenance (issue 13): each save keeps the one before. */
export interface ExhibitDetailsVersion {
  /** When this version was written (ISO 8601, UTC). */
  writtenAt: string;
  details: ExhibitDetails;
  physical?: PhysicalItem;
  /** The version the exhibit has now (the last of the list). */
  current: boolean;
}

/**
 * What the file itself says, read at import with a library (never fetched, never trusted blindly).
 * Each field is what the file claims: the camera's clock, the sender's mail server.
 */
export interface ExtractedMetadata {
  /** EXIF/XMP capture time as the camera's clock said it: "2019-11-20T07:12:03", with ±HH:MM when the file gives one. */
  capturedAt?: string;
  camera?: { make?: string; model?: string; software?: string };
  /** Decimal degrees (WGS 84). Sensitive: it can show where the producer lives. */
  gps?: { latitude: number; longitude: number; altitudeMetres?: number };
  email?: {
    /** The Date header as written (RFC 5322 text). */
    date?: string;
    from?: string;
    to?: string[];
    cc?: string[];
    subject?: string;
    messageId?: string;
    /** Received headers, newest (top) first, as written. */
    received?: string[];
  };
  pdf?: {
    title?: string;
    author?: string;
    creator?: string;
    producer?: string;
    /** ISO 8601 when the PDF's own date could be read. */
    createdAt?: string;
    modifiedAt?: string;
  };
  /** A content credential (C2PA manifest) or a ProofMode bundle is present; not verified. */
  contentCredentials?: 'c2pa' | 'proofmode';
  /**
   * What could not be read, one plain line each ("The photo's EXIF block is damaged: its capture time was not read."),
   * stored in English as worded by shared/exhibit-notices.ts; words(lang).extractionProblem gives a line in a language.
   */
  problems?: string[];
}

export interface Exhibit {
  id: string;
  /** 'physical': an item with no file (size 0, sha256 '', mediaType ''); 'file' otherwise. */
  kind: 'file' | 'physical';
  /** Permanent reference ("AB/3"), assigned once and never reused; absent until the producer's initials are set. */
  ref?: string;
  /** The number in that reference (3 for "AB/3"), given once in order of assignment, never reused. */
  refNumber?: number;
  incidentId: string;
  /** Original file name, as it was on the user's disk. */
  name: string;
  size: number;
  /** SHA-256 of the original bytes, lowercase hex. */
  sha256: string;
  /** Media type sniffed from the content, e.g. image/png, message/rfc822, application/pdf. */
  mediaType: string;
  /** Last modified on the computer it came from (ISO 8601, UTC): not a capture time; copying resets it. */
  fileModifiedAt: string;
  /** When it was imported into the vault (ISO 8601, UTC). */
  importedAt: string;
  /** What the producer says about it (defaults: every field ''). */
  details: ExhibitDetails;
  /** kind 'physical' only. */
  physical?: PhysicalItem;
  /** What the file says about itself (file exhibits; absent for files imported before 0.3). */
  extracted?: ExtractedMetadata;
  /**
   * What the file says is still being read (the app reads it once the import has returned, in a moment);
   * set until the reading is written (with its activity-log entry), absent otherwise.
   */
  extractPending?: true;
  /**
   * Plain-English warnings from import ("This is a Windows program named .png: it is kept sealed and never opened."),
   * worded by shared/exhibit-notices.ts; words(lang).exhibitWarning gives a warning in a language.
   */
  warnings: string[];
  /** Who added it ("Sam (agent)"), in a vault with more than one person's passphrase; absent otherwise. */
  enteredBy?: string;
}

export interface Incident extends IncidentData {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** When it was first written (ISO 8601, UTC): the same as createdAt (always set by the core). */
  writtenAt?: string;
  /** When it was last changed (ISO 8601, UTC); absent if it never was. */
  changedAt?: string;
  /** The fields the last change changed (absent if never changed, or changed before 0.4 kept versions). */
  changedFields?: string[];
  /**
   * Who first wrote it, and who made its latest change ("Sam (agent)"), in a vault with more than
   * one person's passphrase; absent otherwise (and for what was written before there was a second).
   */
  enteredBy?: string;
  changedBy?: string;
  exhibits: Exhibit[];
}

/** One saved version of a record (incident, person, exhibit description): every version is kept, oldest first. */
export interface Revision<T> {
  /** 1 for the first version written, then 2, 3, ... */
  version: number;
  /** When this version was saved (ISO 8601, UTC). */
  writtenAt: string;
  /** The fields this version changed from the one before ([] for version 1). */
  changed: string[];
  /** The record as it was saved. */
  body: T;
  /** Who saved it ("Sam (agent)"), in a vault with more than one person's passphrase; absent otherwise. */
  enteredBy?: string;
}

/** An incident's saved version as 'incidents.history' gives it. */
export interface IncidentVersion {
  version: number;
  writtenAt: string;
  changed: string[];
  /** Who saved this version, in a vault with more than one person's passphrase; absent otherwise. */
  enteredBy?: string;
  incident: Omit<Incident, 'id' | 'exhibits' | 'writtenAt' | 'changedAt' | 'changedFields'> & { id: string };
}

/** A person's saved version as 'people.history' gives it. */
export interface PersonVersion {
  version: number;
  writtenAt: string;
  changed: string[];
  person: Person;
}

/**
 * Who can open the vault (vault.json's key slots, as 'slots.list' gives them): the owner's
 * passphrase (id 'owner'), each further person's (the agent's: a random id, the name given when it
 * was added) and the recovery key (id 'recovery'). Only further people's can be removed.
 */
export interface KeySlotInfo {
  id: string;
  kind: 'owner' | 'person' | 'recovery';
  /** The owner: their name in Settings, or "Owner"; a further person: the name given; "Recovery key". */
  name: string;
  /** This passphrase (or the recovery key) unlocked the vault now. */
  current: boolean;
}

/** How long a deleted item stays in the bin, restorable, before it is removed for good. */
export const BIN_DAYS = 30;

/** What can be deleted into the bin. */
export const BINNABLE_KINDS = ['incident', 'person', 'exhibit', 'contact', 'case'] as const;
export type BinnableKind = (typeof BINNABLE_KINDS)[number];

/** Why something is deleted: asked every time, kept in the activity log for good. */
export const DeleteReasonSchema = z
  .string()
  .trim()
  .min(1, 'Say why it is being deleted (a few words): the activity log keeps the reason.')
  .max(2000);

/** An item in the bin (its exhibits go with an incident and come back with it). */
export interface BinItem {
  /** The deleted record's id (restore with it). */
  id: string;
  kind: BinnableKind;
  /** What it was called (an incident's title, a person's name, a file name, a contact's name). */
  label: string;
  deletedAt: string;
  reason: string;
  /** When it will be removed for good (deletedAt + BIN_DAYS). */
  expiresAt: string;
  /** An incident: how many exhibits went with it. */
  exhibits?: number;
}

/** A form's saved draft (never the record: the record changes only when the form is saved). */
export const DraftKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z][a-z0-9-]*(:[a-z0-9-]+)*$/, 'a draft key like "incident:new", "incident:<id>" or "quick-add"');

/** The largest draft text (UTF-8 bytes). */
export const MAX_DRAFT_BYTES = 1024 * 1024;

export interface Draft {
  key: string;
  /** The form's state as the window saved it (JSON text). */
  text: string;
  savedAt: string;
}

/** A draft as 'drafts.list' gives it: a damaged one is named, never silently dropped. */
export type DraftInfo =
  | { key: string; savedAt: string; bytes: number; damaged?: undefined }
  | { key: null; id: string; damaged: true; message: string };

export const CONTACT_KINDS = ['spoc', 'police', 'platform', 'party-security', 'employer-security', 'other'] as const;
export const ContactInputSchema = z.object({
  kind: z.enum(CONTACT_KINDS),
  name: z.string().max(500).default(''),
  organisation: z.string().max(500).default(''),
  phone: z.string().max(100).default(''),
  email: z.string().max(500).default(''),
  notes: z.string().max(10_000).default(''),
});
export type ContactInput = z.input<typeof ContactInputSchema>;
export interface Contact extends z.infer<typeof ContactInputSchema> {
  id: string;
}

/**
 * A police case at vault level (issue 12, "told whom"): one crime or incident reference, which may
 * cover many incidents. firstReportedOn is YYYY-MM-DD ('' not given), never in the future.
 */
export const CaseInputSchema = z.object({
  force: z.string().trim().min(1, 'Name the police force').max(200),
  /** The crime or incident number the police gave. */
  reference: z.string().trim().min(1, 'Give the crime or incident number').max(200),
  /** The officer in the case, by name. */
  officer: z.string().max(200).default(''),
  collarNumber: z.string().max(50).default(''),
  /** The single point of contact (SPOC) for this case, if not the officer. */
  spoc: z.string().max(500).default(''),
  firstReportedOn: OptionalDate,
  incidentIds: z.array(IdSchema).max(10_000).default([]),
});
export type CaseInput = z.input<typeof CaseInputSchema>;
export type CaseData = z.infer<typeof CaseInputSchema>;
export interface PoliceCase extends CaseData {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** The three-step start after a vault is made in the window: store the SPOC, record what happened, the checklist. */
export const FIRST_RUN_STEPS = ['spoc', 'record', 'checklist'] as const;
export type FirstRunStep = (typeof FIRST_RUN_STEPS)[number];

/** Minutes of inactivity before the vault locks, until the user chooses. */
export const DEFAULT_AUTO_LOCK_MINUTES = 5;

export const SettingsSchema = z.object({
  /** Minutes of inactivity before the vault locks; 0 never. */
  autoLockMinutes: z.number().int().min(0).max(240).default(DEFAULT_AUTO_LOCK_MINUTES),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** The person keeping the record: goes on the case pack. */
  producerName: z.string().max(500).default(''),
  /** Capital letters A-Z, 1 to 5 of them (settings.update refuses others); '' not set yet. */
  producerInitials: z.string().max(5).default(''),
  /** The producer's role, for the case pack ("Candidate", "Election agent"). */
  producerRole: z.string().max(200).default(''),
  contactEmail: z.string().max(500).default(''),
  contactPhone: z.string().max(100).default(''),
  /** Guidance checklist items ticked, by id. */
  guidanceDone: z.array(z.string().max(100)).max(100).default([]),
  timelineOrder: z.enum(['oldest-first', 'newest-first']).default('oldest-first'),
  /** When the recovery key now in use was made and saved (ISO 8601, set by the window); '' unknown. */
  recoveryKeyMadeAt: z.string().max(40).default(''),
  /** When she last tested the recovery key and it worked (ISO 8601); '' never. */
  recoveryKeyCheckedAt: z.string().max(40).default(''),
  /** For the case pack's summary (issue 14): the constituency or ward she stands in ('' none). */
  constituency: z.string().max(200).default(''),
  /** The election's date, YYYY-MM-DD ('' none). */
  electionDate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'use a date as YYYY-MM-DD')
    .default(''),
  /** How the police can reach her safely ("text my agent first on 07700 900456"). */
  safeContact: z.string().max(500).default(''),
  /** Dates or times the police should avoid (for the back of the MG11). */
  timesToAvoid: z.string().max(1000).default(''),
  /** How the timeline shows incidents: cards, or the numbered chronology (a compact table). */
  timelineView: z.enum(['cards', 'chronology']).default('cards'),
  /**
   * When the window made this vault and began its three-step start (ISO 8601); '' for a vault made
   * elsewhere (the command line) or before the start existed: then no start is shown.
   */
  firstRunStartedAt: z.string().max(40).default(''),
  /** The steps of the start done or skipped, by id. */
  firstRunSteps: z.array(z.enum(FIRST_RUN_STEPS)).max(FIRST_RUN_STEPS.length).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * A change to some settings ('settings.update'): each field optional and without its default, so a
 * field not given keeps its value. (In zod 4, SettingsSchema.partial() fills every field not given
 * with its default, so each change reset all the other settings.) Typed as that partial schema.
 */
export const SettingsPatchSchema = z.object(
  Object.fromEntries(
    Object.entries(SettingsSchema.shape).map(([key, field]: [string, z.ZodType]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional(),
    ]),
  ),
) as unknown as ReturnType<typeof SettingsSchema.partial>;

export interface CustodyEntry {
  seq: number;
  at: string;
  /**
   * 'delete' moves an incident, person, exhibit or contact to the bin and is its tombstone (details:
   * reason, sha256 of the record, what it was); 'restore' brings it back; 'purge' removes it for good
   * once its bin time has passed (the tombstone stays).
   */
  action:
    | 'create'
    | 'edit'
    | 'delete'
    | 'import'
    | 'view'
    | 'export'
    | 'check'
    | 'unlock'
    | 'passphrase-change'
    | 'restore'
    | 'purge';
  /** What it is about: 'incident', 'exhibit', 'person', 'contact', 'settings', 'vault', 'pack'. */
  subjectKind: string;
  subjectId: string | null;
  /** Details, e.g. for an import: { name, size, sha256 }. */
  details: Record<string, unknown>;
  /**
   * Who made it ("Sam (agent)"), when the vault has more than one person's passphrase: the name of
   * the passphrase that unlocked it (the owner's: their name in Settings, or "Owner"). Absent otherwise.
   */
  enteredBy?: string;
}

/** One named failure found by check(). */
export interface CheckProblem {
  /** 'record' | 'blob' | 'custody' | 'header' */
  kind: string;
  /** e.g. "incident 3f2a…: body fails authentication", "exhibit letter.pdf (…): SHA-256 differs". */
  message: string;
  id?: string;
}
export interface CheckReport {
  ok: boolean;
  records: number;
  blobs: number;
  custodyEntries: number;
  problems: CheckProblem[];
  /** Set when the result could not be written to the activity log (the disk is full): why, in one line. */
  notLogged?: string;
}

/**
 * Parse an ISO 8601 string from the CLI into an OccurredAt.
 * Accepts YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]; rejects impossible dates (2023-02-30).
 * A time without offset is refused: the offset must be kept.
 */
export function parseOccurredAt(text: string, approximate = false): OccurredAt {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text.trim(),
  );
  if (!m) throw new RangeError(`invalid date "${text}": use ISO 8601, e.g. 2024-05-03T21:40+01:00 or 2024-05-03`);
  const [, y, mo, d, hh, mi, ss, off] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  ) {
    throw new RangeError(`impossible date "${text}": ${y}-${mo} has no day ${d}`);
  }
  if (hh === undefined) return { date: `${y}-${mo}-${d}`, approximate };
  if (Number(hh) > 23 || Number(mi) > 59 || (ss !== undefined && Number(ss) > 59)) {
    throw new RangeError(`impossible time in "${text}"`);
  }
  if (off === undefined) {
    throw new RangeError(`date "${text}" has a time but no UTC offset: add Z or +01:00`);
  }
  let offset = off;
  if (offset !== 'Z') {
    const om = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
    if (!om || Number(om[2]) > 14 || Number(om[3]) > 59) throw new RangeError(`impossible UTC offset in "${text}"`);
    offset = `${om[1]}${om[2]}:${om[3]}`;
  }
  return { date: `${y}-${mo}-${d}`, time: ss === undefined ? `${hh}:${mi}` : `${hh}:${mi}:${ss}`, offset, approximate };
}

/** The ISO 8601 text of an OccurredAt: "2024-05-03", "2024-05-03T21:40+01:00". */
export function formatOccurredAt(at: OccurredAt): string {
  if (!at.time) return at.date;
  return `${at.date}T${at.time}${at.offset ?? ''}`;
}

/** Milliseconds since the epoch for sorting: date-only entries sort at 00:00 UTC of their day. */
export function occurredAtSortKey(at: OccurredAt): number {
  if (!at.time) return Date.parse(`${at.date}T00:00:00Z`);
  return Date.parse(`${at.date}T${at.time.length === 5 ? at.time + ':00' : at.time}${at.offset ?? 'Z'}`);
}
