/**
 * The words shared by the window and the case pack, in one language: labels for categories,
 * channels and the rest, dates and times in words, "changed …" lines, activity-log sentences,
 * plain-English pack problems. `words('cy')` gives the Welsh; the window takes its language's
 * words through renderer/src/i18n/words.ts (useWords), the pack through its options' language.
 *
 * Every function here is pure and takes what its English original takes.
 */
import type { Language } from './language.js';
import {
  CATEGORY_NAMES,
  CHANNEL_NAMES,
  ESCALATION_NAMES,
  IDENTIFIER_NAMES,
  OBTAINED_HOW_NAMES,
  personName,
  type CategoryId,
  type ChannelKind,
  type CustodyEntry,
  type EscalationSignal,
  type IdentifierKind,
  type ObtainedHow,
  type OccurredAt,
  type Person,
  type PersonIdentifier,
  type BinnableKind,
  type Exhibit,
} from './model.js';
import {
  BIN_KIND_NAMES,
  INCIDENT_FIELD_NAMES,
  PERSON_FIELD_NAMES,
  changedLabelIn,
  dayOf,
  fieldTextIn,
  writtenLabelIn,
  type HistoryKind,
} from './history-labels.js';
import { activityLineIn, activitySentenceIn, exhibitNounIn, type ActivityNames } from './activity-log.js';
import { exhibitRefsTextIn, ukDateTimeIn, type ExhibitRefs } from './chronology.js';
import {
  UK_ZONE_LABELS,
  checkWhenIn,
  dateInWordsIn,
  twiceQuestionIn,
  type WhenEntry,
  type WhenResult,
} from './uk-time.js';
import { timeOffers, type TimeOffer } from './time-offers.js';
import { formatSizeIn, offsetLabel } from './format.js';
import { plainPackProblemIn, type PackProblemLike } from './plain-errors.js';
import { PRIVATE_CHOICES_IN, privateFieldShownIn, type PrivateField } from './privacy.js';
import { noticeText, storedNoticeIn, type ExhibitNotice } from './exhibit-notices.js';

export interface Words {
  readonly lang: Language;
  readonly category: Record<CategoryId, string>;
  readonly channel: Record<ChannelKind, string>;
  readonly escalation: Record<EscalationSignal, string>;
  readonly identifier: Record<IdentifierKind, string>;
  readonly obtainedHow: Record<ObtainedHow, string>;
  readonly binKind: Record<BinnableKind, string>;
  readonly incidentField: Record<string, string>;
  readonly personField: Record<string, string>;
  /** The editor's "Keep private" choices and what the view calls each. */
  readonly privateChoices: readonly { id: PrivateField; label: string; shown: string }[];
  /** "UK time (GMT/BST)". */
  readonly zoneLabel: string;
  formatSize(bytes: number): string;
  /** "Tue 12/11/2019 20:31" (UK time). */
  writtenLabel(iso: string): string;
  /** "12/11/2019" (UK time). */
  dayOf(iso: string): string;
  /** "12/11/2019 20:15 (UTC)", "About …" for approximate, date-only shown as such. */
  ukDateTime(at: OccurredAt): string;
  /** "Tuesday 12 November 2019", or null for a date that is not real. */
  dateInWords(date: string): string | null;
  offsetLabel(offset: string | undefined): string;
  twiceQuestion(time: string, twice: { first: string; second: string }): string;
  changedLabel(kind: HistoryKind, fields: readonly string[]): string;
  fieldText(kind: HistoryKind, field: string, value: unknown, peopleById: ReadonlyMap<string, Person>): string;
  activitySentence(e: CustodyEntry, names?: ActivityNames): string;
  activityLine(e: CustodyEntry, names?: ActivityNames): string;
  exhibitNoun(mediaType: string | undefined, physical?: boolean): string;
  exhibitRefsText(r: ExhibitRefs): string;
  privateFieldShown(field: string): string;
  plainPackProblem(p: PackProblemLike): string;
  /** What the window calls a person: their name, else a handle, else "Unnamed person". */
  personName(p: Pick<Person, 'name' | 'handles'> & { identifiers?: readonly PersonIdentifier[] }): string;
  /** uk-time.ts checkWhen with its messages in this language. */
  checkWhen(e: WhenEntry, now?: Date): WhenResult;
  /** time-offers.ts timeOffers with its labels in this language ("Defnyddio 20/11/2019 07:12 o’r llun?"). */
  timeOffers(
    incident: { exhibits: readonly Pick<Exhibit, 'id' | 'extracted'>[] } | undefined,
    current: WhenEntry,
  ): TimeOffer[];
  /**
   * An exhibit's stored warning ("This is a Windows program named .png: …") in this language; a line
   * no template made is given as stored.
   */
  exhibitWarning(stored: string): string;
  /** An exhibit's stored extraction problem ("The e-mail's header is damaged: …") in this language, likewise. */
  extractionProblem(stored: string): string;
  /** A warning or extraction problem by code (shared/exhibit-notices.ts) in this language. */
  exhibitNotice(n: ExhibitNotice): string;
}

function build(lang: Language): Words {
  return {
    lang,
    category: CATEGORY_NAMES[lang],
    channel: CHANNEL_NAMES[lang],
    escalation: ESCALATION_NAMES[lang],
    identifier: IDENTIFIER_NAMES[lang],
    obtainedHow: OBTAINED_HOW_NAMES[lang],
    binKind: BIN_KIND_NAMES[lang],
    incidentField: INCIDENT_FIELD_NAMES[lang],
    personField: PERSON_FIELD_NAMES[lang],
    privateChoices: PRIVATE_CHOICES_IN[lang],
    zoneLabel: UK_ZONE_LABELS[lang],
    formatSize: (bytes) => formatSizeIn(lang, bytes),
    writtenLabel: (iso) => writtenLabelIn(lang, iso),
    dayOf: (iso) => dayOf(iso),
    ukDateTime: (at) => ukDateTimeIn(lang, at),
    dateInWords: (date) => dateInWordsIn(lang, date),
    offsetLabel: (offset) => offsetLabel(offset),
    twiceQuestion: (time, twice) => twiceQuestionIn(lang, time, twice),
    changedLabel: (kind, fields) => changedLabelIn(lang, kind, fields),
    fieldText: (kind, field, value, peopleById) => fieldTextIn(lang, kind, field, value, peopleById),
    activitySentence: (e, names) => activitySentenceIn(lang, e, names),
    activityLine: (e, names) => activityLineIn(lang, e, names),
    exhibitNoun: (mediaType, physical) => exhibitNounIn(lang, mediaType, physical),
    exhibitRefsText: (r) => exhibitRefsTextIn(lang, r),
    privateFieldShown: (field) => privateFieldShownIn(lang, field),
    plainPackProblem: (p) => plainPackProblemIn(lang, p),
    personName: (p) => personName(p, lang),
    checkWhen: (e, now) => checkWhenIn(lang, e, now),
    timeOffers: (incident, current) => timeOffers(incident, current, lang),
    exhibitWarning: (stored) => storedNoticeIn(lang, stored),
    extractionProblem: (stored) => storedNoticeIn(lang, stored),
    exhibitNotice: (n) => noticeText(lang, n),
  };
}

const WORDS: Record<Language, Words> = { en: build('en'), cy: build('cy') };

/** The shared words in a language: British English (the default) or Welsh. */
export function words(lang: Language = 'en'): Words {
  return WORDS[lang] ?? WORDS.en;
}
