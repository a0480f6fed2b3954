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
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  ESCALATION_LABELS,
  IDENTIFIER_LABELS,
  OBTAINED_HOW_LABELS,
  type CategoryId,
  type ChannelKind,
  type CustodyEntry,
  type EscalationSignal,
  type IdentifierKind,
  type ObtainedHow,
  type OccurredAt,
  type Person,
  type BinnableKind,
} from './model.js';
import {
  BIN_KIND_LABELS,
  INCIDENT_FIELD_LABELS,
  PERSON_FIELD_LABELS,
  changedLabel,
  dayOf,
  fieldText,
  writtenLabel,
  type HistoryKind,
} from './history-labels.js';
import { activityLine, activitySentence, exhibitNoun, type ActivityNames } from './activity-log.js';
import { exhibitRefsText, ukDateTime, type ExhibitRefs } from './chronology.js';
import { UK_ZONE_LABEL, dateInWords, twiceQuestion } from './uk-time.js';
import { formatSize, offsetLabel } from './format.js';
import { plainPackProblem } from './plain-errors.js';
import { PRIVATE_CHOICES, privateFieldShown, type PrivateField } from './privacy.js';

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
  /** "Tue 12/11/2019 20:15 GMT", approximate and date-only shown as such. */
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
  plainPackProblem: typeof plainPackProblem;
}

const english: Words = {
  lang: 'en',
  category: CATEGORY_LABELS,
  channel: CHANNEL_LABELS,
  escalation: ESCALATION_LABELS,
  identifier: IDENTIFIER_LABELS,
  obtainedHow: OBTAINED_HOW_LABELS,
  binKind: BIN_KIND_LABELS,
  incidentField: INCIDENT_FIELD_LABELS,
  personField: PERSON_FIELD_LABELS,
  privateChoices: PRIVATE_CHOICES,
  zoneLabel: UK_ZONE_LABEL,
  formatSize,
  writtenLabel,
  dayOf,
  ukDateTime,
  dateInWords,
  offsetLabel,
  twiceQuestion,
  changedLabel,
  fieldText,
  activitySentence,
  activityLine,
  exhibitNoun,
  exhibitRefsText,
  privateFieldShown,
  plainPackProblem,
};

/** The shared words in a language (English until the Welsh is filled in). */
export function words(lang: Language = 'en'): Words {
  void lang;
  return english;
}
