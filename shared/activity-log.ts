/**
 * The activity log (the custody log) as sentences a person reads (issue 15, item 6):
 * "Tue 12/11/2019 20:31 — you added the screenshot JS/1 (“post-1.png”) to “Leaflets torn down”".
 * Times in UK time (GMT/BST); what a record is called comes from the records still in the vault
 * (`names`), else from what the entry itself kept. The raw entry (ids, hashes) stays for the
 * officer in the window's details disclosure. Pure: no DOM.
 */
import type { Language } from './language.js';
import { BIN_DAYS, type CustodyEntry } from './model.js';
import {
  INCIDENT_FIELD_LABELS,
  INCIDENT_FIELD_NAMES,
  PERSON_FIELD_LABELS,
  PERSON_FIELD_NAMES,
  writtenLabel,
  writtenLabelIn,
} from './history-labels.js';

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

/** exhibitNoun in a language: "llun", "e-bost", "eitem ffisegol". */
export function exhibitNounIn(lang: Language, mediaType: string | undefined, physical = false): string {
  const en = exhibitNoun(mediaType, physical);
  return lang === 'en' ? en : (EXHIBIT_NOUNS_CY[en] ?? en);
}

const EXHIBIT_NOUNS_CY: Record<string, string> = {
  'physical item': 'eitem ffisegol',
  file: 'ffeil',
  picture: 'llun',
  video: 'fideo',
  recording: 'recordiad',
  PDF: 'PDF',
  'e-mail': 'e-bost',
  'text file': 'ffeil destun',
};

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
      if (e.subjectKind === 'exhibit' && d.extracted === true)
        return `the app read what ${what} says about itself, and kept it`;
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

/* ---- Cymraeg ---- */

/** The names of an exhibit's details in Welsh, for "you changed your account of …". */
const EXHIBIT_FIELD_NAMES_CY: Record<string, string> = {
  description: 'disgrifiad',
  obtainedHow: 'sut y cawsoch ef',
  obtainedHowOther: 'sut y cawsoch ef',
  obtainedBy: 'pwy a’i cadwodd neu a’i tynnodd',
  obtainedAt: 'pryd y cafodd ei gadw neu ei dynnu',
  originalLocation: 'ble mae’r gwreiddiol',
  changedByMe: 'beth a newidiwyd gennych',
  keptAt: 'ble y’i cedwir',
  handledBy: 'pwy sydd wedi’i drin',
  'source.url': 'ffynhonnell: cyfeiriad gwe',
  'source.platform': 'ffynhonnell: platfform',
  'source.handle': 'ffynhonnell: enw defnyddiwr',
  'source.accountId': 'ffynhonnell: rhif adnabod y cyfrif',
  'source.phone': 'ffynhonnell: rhif ffôn',
  'source.email': 'ffynhonnell: cyfeiriad e-bost',
};

function changedWordsCy(kind: string, changed: unknown): string {
  if (!Array.isArray(changed) || changed.length === 0) return '';
  const labels: Record<string, string> =
    kind === 'incident'
      ? INCIDENT_FIELD_NAMES.cy
      : kind === 'person'
        ? PERSON_FIELD_NAMES.cy
        : kind === 'exhibit'
          ? EXHIBIT_FIELD_NAMES_CY
          : {};
  const words = changed
    .filter((c): c is string => typeof c === 'string')
    .map((c) => labels[c] ?? c.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
  return words.length > 0 ? ` (${words.join(', ')})` : '';
}

/** A Welsh noun phrase with its article apart, so "cofnodi" + "y digwyddiad" becomes "cofnodi’r digwyddiad". */
interface Phrase {
  art?: 'y' | 'yr';
  np: string;
}
const articleFor = (noun: string): 'y' | 'yr' => (/^[aeiouwyh]/i.test(noun) ? 'yr' : 'y');
const full = (p: Phrase): string => (p.art ? `${p.art} ${p.np}` : p.np);
/** "gwnaethoch gofnodi" + the phrase: after a vowel the article is ’r. */
function then(words: string, p: Phrase): string {
  if (p.art && /[aeiouwy]$/i.test(words)) return `${words}’r ${p.np}`;
  return `${words} ${full(p)}`;
}

function subjectCy(e: CustodyEntry, names: ActivityNames): Phrase {
  const d = e.details;
  const id = e.subjectId ?? '';
  switch (e.subjectKind) {
    case 'incident': {
      const title = (id && names.incident?.(id)) || str(d.title);
      return title ? { art: 'y', np: `digwyddiad ${q(title)}` } : { np: 'digwyddiad' };
    }
    case 'exhibit': {
      const known = id ? names.exhibit?.(id) : undefined;
      const noun = known?.noun ?? exhibitNounIn('cy', str(d.mediaType), d.kind === 'physical');
      const ref = known?.ref ?? str(d.ref);
      const name = known?.name ?? str(d.name);
      return { art: articleFor(noun), np: `${noun}${ref ? ` ${ref}` : ''}${name ? ` (${q(name)})` : ''}` };
    }
    case 'person': {
      const name = id ? names.person?.(id) : undefined;
      return { np: name ? q(name) : 'person' };
    }
    case 'contact': {
      const name = id ? names.contact?.(id) : undefined;
      return name ? { art: 'y', np: `cyswllt ${q(name)}` } : { np: 'cyswllt' };
    }
    case 'case': {
      const ref = str(d.reference) ?? (id ? names.case?.(id) : undefined);
      return { np: ref ? `achos heddlu ${ref}` : 'achos heddlu' };
    }
    case 'settings':
      return { art: 'y', np: 'gosodiadau' };
    case 'pack':
      return str(d.packId) ? { art: 'y', np: `pecyn achos ${str(d.packId)}` } : { np: 'pecyn achos' };
    default:
      return { art: 'y', np: 'gladdgell' };
  }
}

/** activitySentence in Welsh: "gwnaethoch ychwanegu’r sgrinlun JS/1 (“post-1.png”)". */
function activitySentenceCy(e: CustodyEntry, names: ActivityNames): string {
  const d = e.details;
  const what = subjectCy(e, names);
  const reason = str(d.reason);
  const because = reason ? `, oherwydd: ${q(reason)}` : '';
  const incidentOf = str(d.incidentId) ? names.incident?.(str(d.incidentId)!) : undefined;
  const count = (n: number, noun: string) => `${n} ${noun}`;
  switch (e.action) {
    case 'create':
      if (e.subjectKind === 'vault') return 'gwnaethoch greu’r gladdgell hon';
      if (e.subjectKind === 'incident') return then('gwnaethoch gofnodi', what);
      if (e.subjectKind === 'exhibit')
        return `${then('gwnaethoch gofnodi', what)}${incidentOf ? ` ar gyfer ${q(incidentOf)}` : ''}`;
      return then('gwnaethoch ychwanegu', what);
    case 'import':
      return `${then('gwnaethoch ychwanegu', what)}${incidentOf ? ` at ${q(incidentOf)}` : ''}${str(d.duplicateOf) ? ', yn fwriadol, er ei fod yn y gladdgell yn barod' : ''}`;
    case 'view':
      return then('gwnaethoch agor', what);
    case 'edit': {
      if (e.subjectKind === 'vault') {
        if (d.recoveryKey === 'replaced')
          return 'gwnaethoch wneud allwedd adfer newydd (nid yw’r hen un yn gweithio mwyach)';
        const given = num(d.exhibitReferencesGiven) ?? num(d.exhibitNumbersGiven);
        if (given !== undefined) return `rhoddwyd cyfeirnodau i ${count(given, 'arddangosyn')}`;
        return 'gwnaethoch newid y gladdgell';
      }
      if (e.subjectKind === 'person' && str(d.from) && str(d.into)) {
        const from = names.person?.(str(d.from)!);
        const into = names.person?.(str(d.into)!);
        return `gwnaethoch gyfuno ${from ? q(from) : 'person'} ${into ? `â ${q(into)}` : 'ag un arall'}`;
      }
      if (e.subjectKind === 'case' && Array.isArray(d.linked)) {
        return `gwnaethoch ychwanegu ${count(d.linked.length, 'digwyddiad')} at ${full(what)}`;
      }
      if (e.subjectKind === 'case' && Array.isArray(d.unlinked)) {
        return `gwnaethoch dynnu ${count(d.unlinked.length, 'digwyddiad')} oddi ar ${full(what)}`;
      }
      if (e.subjectKind === 'exhibit' && d.extracted === true)
        return `darllenodd yr ap beth mae ${full(what)} yn ei ddweud amdano ei hun, a’i gadw`;
      if (e.subjectKind === 'exhibit')
        return `${then('gwnaethoch newid eich disgrifiad o', what)}${changedWordsCy('exhibit', d.changed)}`;
      if (e.subjectKind === 'person')
        return `gwnaethoch newid manylion ${full(what)}${changedWordsCy('person', d.changed)}`;
      return `${then('gwnaethoch newid', what)}${changedWordsCy(e.subjectKind, d.changed)}`;
    }
    case 'delete':
      if (e.subjectKind === 'person' && d.reason === 'merged') return `cafodd ${full(what)} ei gyfuno â pherson arall`;
      return `${then('gwnaethoch ddileu', what)}${because} (caiff ei gadw yn y bin am ${BIN_DAYS} diwrnod)`;
    case 'restore':
      return `${then('gwnaethoch adfer', what)} o’r bin`;
    case 'purge':
      return `${then('tynnwyd', what)} am byth ar ôl ${BIN_DAYS} diwrnod yn y bin`;
    case 'export':
      if (e.subjectKind === 'pack') {
        const n = num(d.exhibits);
        return `${then('gwnaethoch wneud', what)}${n !== undefined ? ` gyda ${count(n, 'arddangosyn')}` : ''}`;
      }
      return `${then('aeth', what)} i’r pecyn achos${str(d.packId) ? ` ${str(d.packId)}` : ''}`;
    case 'check': {
      if (str(d.problem)) return `daeth y gladdgell o hyd i broblem wrth agor: ${str(d.problem)}`;
      const problems = num(d.problems) ?? 0;
      return d.ok === true || problems === 0
        ? 'gwnaethoch wirio’r gladdgell: mae popeth yn iawn'
        : `gwnaethoch wirio’r gladdgell: ${problems} ${problems === 1 ? 'problem wedi’i chanfod' : 'problem wedi’u canfod'}`;
    }
    case 'unlock':
      return d.method === 'recovery' || d.method === 'recovery-key'
        ? 'gwnaethoch ddatgloi’r gladdgell gyda’r allwedd adfer'
        : 'gwnaethoch ddatgloi’r gladdgell';
    case 'passphrase-change':
      return 'gwnaethoch newid y cyfrinymadrodd';
    default:
      return `${String(e.action)} ${full(what)}`;
  }
}

/** activitySentence in a language. */
export function activitySentenceIn(lang: Language, e: CustodyEntry, names: ActivityNames = {}): string {
  return lang === 'en' ? activitySentence(e, names) : activitySentenceCy(e, names);
}

/** activityLine in a language: "Maw 12/11/2019 20:31 — gwnaethoch ychwanegu’r …". */
export function activityLineIn(lang: Language, e: CustodyEntry, names: ActivityNames = {}): string {
  return lang === 'en' ? activityLine(e, names) : `${writtenLabelIn(lang, e.at)} — ${activitySentenceCy(e, names)}`;
}
