/**
 * The activity log (the custody log) as sentences a person reads (issue 15, item 6):
 * "Tue 12/11/2019 20:31 — you added the screenshot JS/1 (“post-1.png”) to “Leaflets torn down”".
 * Times in UK time (GMT/BST); what a record is called comes from the records still in the vault
 * (`names`), else from what the entry itself kept. The raw entry (ids, hashes) stays for the
 * officer in the window's details disclosure. Pure: no DOM.
 */
import { BIN_DAYS, type CustodyEntry } from './model.js';
import { INCIDENT_FIELD_LABELS, PERSON_FIELD_LABELS, writtenLabel } from './history-labels.js';

/** What the vault still holds, to name what an entry is about. */
export interface ActivityNames {
  incident?(id: string): string | undefined;
  /** An exhibit: its reference, file name and what it is ("screenshot", "photo", "e-mail"). */
  exhibit?(id: string): { ref?: string | undefined; name: string; noun?: string | undefined } | undefined;
  person?(id: string): string | undefined;
  contact?(id: string): string | undefined;
  case?(id: string): string | undefined;
}

const str = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const q = (s: string) => `“${s}”`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a file is, by its media type, when the vault no longer says. */
export function exhibitNoun(mediaType: string | undefined, physical = false): string {
  if (physical) return 'physical item';
  if (!mediaType) return 'file';
  if (mediaType.startsWith('image/')) return 'picture';
  if (mediaType.startsWith('video/')) return 'video';
  if (mediaType.startsWith('audio/')) return 'recording';
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType === 'message/rfc822') return 'e-mail';
  if (mediaType.startsWith('text/')) return 'text file';
  return 'file';
}

function changedWords(kind: string, changed: unknown): string {
  if (!Array.isArray(changed) || changed.length === 0) return '';
  const labels: Record<string, string> =
    kind === 'incident' ? INCIDENT_FIELD_LABELS : kind === 'person' ? PERSON_FIELD_LABELS : {};
  const words = changed
    .filter((c): c is string => typeof c === 'string')
    .map(
      (c) =>
        labels[c] ??
        c
          .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
          .replace(/^source\./, 'source: ')
          .toLowerCase(),
    );
  return words.length > 0 ? ` (${words.join(', ')})` : '';
}

/** "the screenshot JS/1 (“post-1.png”)", "the incident “Leaflets torn down”", "police case 46/1234/24". */
function subject(e: CustodyEntry, names: ActivityNames): string {
  const d = e.details;
  const id = e.subjectId ?? '';
  switch (e.subjectKind) {
    case 'incident': {
      const title = (id && names.incident?.(id)) || str(d.title);
      return title ? `the incident ${q(title)}` : 'an incident';
    }
    case 'exhibit': {
      const known = id ? names.exhibit?.(id) : undefined;
      const noun = known?.noun ?? exhibitNoun(str(d.mediaType), d.kind === 'physical');
      const ref = known?.ref ?? str(d.ref);
      const name = known?.name ?? str(d.name);
      return `the ${noun}${ref ? ` ${ref}` : ''}${name ? ` (${q(name)})` : ''}`;
    }
    case 'person': {
      const name = id ? names.person?.(id) : undefined;
      return name ? q(name) : 'a person';
    }
    case 'contact': {
      const name = id ? names.contact?.(id) : undefined;
      return name ? `the contact ${q(name)}` : 'a contact';
    }
    case 'case': {
      const ref = str(d.reference) ?? (id ? names.case?.(id) : undefined);
      return ref ? `police case ${ref}` : 'a police case';
    }
    case 'settings':
      return 'the settings';
    case 'pack':
      return str(d.packId) ? `the case pack ${str(d.packId)}` : 'a case pack';
    default:
      return 'the vault';
  }
}

/** The sentence of one entry, without its time: "you added the screenshot JS/1 (“post-1.png”)". */
export function activitySentence(e: CustodyEntry, names: ActivityNames = {}): string {
  const d = e.details;
  const what = subject(e, names);
  const reason = str(d.reason);
  const because = reason ? `, because: ${q(reason)}` : '';
  const incidentOf = str(d.incidentId) ? names.incident?.(str(d.incidentId)!) : undefined;
  switch (e.action) {
    case 'create':
      if (e.subjectKind === 'vault') return 'you created this vault';
      if (e.subjectKind === 'incident') return `you recorded ${what}`;
      if (e.subjectKind === 'exhibit') return `you recorded ${what}${incidentOf ? ` for ${q(incidentOf)}` : ''}`;
      return `you added ${what}`;
    case 'import':
      return `you added ${what}${incidentOf ? ` to ${q(incidentOf)}` : ''}${str(d.duplicateOf) ? ', on purpose, though it was already in the vault' : ''}`;
    case 'view':
      return `you opened ${what}`;
    case 'edit': {
      if (e.subjectKind === 'vault') {
        if (d.recoveryKey === 'replaced') return 'you made a new recovery key (the old one no longer works)';
        const given = num(d.exhibitReferencesGiven) ?? num(d.exhibitNumbersGiven);
        if (given !== undefined) return `exhibit references were given to ${plural(given, 'exhibit')}`;
        return 'you changed the vault';
      }
      if (e.subjectKind === 'person' && str(d.from) && str(d.into)) {
        const from = names.person?.(str(d.from)!);
        const into = names.person?.(str(d.into)!);
        return `you merged ${from ? q(from) : 'a person'} into ${into ? q(into) : 'another'}`;
      }
      if (e.subjectKind === 'case' && Array.isArray(d.linked)) {
        return `you added ${plural(d.linked.length, 'incident')} to ${what}`;
      }
      if (e.subjectKind === 'case' && Array.isArray(d.unlinked)) {
        return `you took ${plural(d.unlinked.length, 'incident')} off ${what}`;
      }
      if (e.subjectKind === 'exhibit')
        return `you changed your account of ${what}${changedWords('exhibit', d.changed)}`;
      if (e.subjectKind === 'person') return `you changed the details of ${what}${changedWords('person', d.changed)}`;
      return `you changed ${what}${changedWords(e.subjectKind, d.changed)}`;
    }
    case 'delete':
      if (e.subjectKind === 'person' && d.reason === 'merged') return `${what} was merged into another person`;
      return `you deleted ${what}${because} (kept in the bin for ${BIN_DAYS} days)`;
    case 'restore':
      return `you restored ${what} from the bin`;
    case 'purge':
      return `${what} was removed for good after ${BIN_DAYS} days in the bin`;
    case 'export':
      if (e.subjectKind === 'pack') {
        const n = num(d.exhibits);
        return `you made ${what}${n !== undefined ? ` with ${plural(n, 'exhibit')}` : ''}`;
      }
      return `${what} went into the case pack${str(d.packId) ? ` ${str(d.packId)}` : ''}`;
    case 'check': {
      if (str(d.problem)) return `the vault found a problem when it opened: ${str(d.problem)}`;
      const problems = num(d.problems) ?? 0;
      return d.ok === true || problems === 0
        ? 'you checked the vault: all is well'
        : `you checked the vault: ${plural(problems, 'problem')} found`;
    }
    case 'unlock':
      return d.method === 'recovery' || d.method === 'recovery-key'
        ? 'you unlocked the vault with the recovery key'
        : 'you unlocked the vault';
    case 'passphrase-change':
      return 'you changed the passphrase';
    default:
      return `${String(e.action)} ${what}`;
  }
}

/** "Tue 12/11/2019 20:31 — you added the screenshot JS/1 (“post-1.png”)". */
export function activityLine(e: CustodyEntry, names: ActivityNames = {}): string {
  return `${writtenLabel(e.at)} — ${activitySentence(e, names)}`;
}
