/**
 * Errors in plain English with a next step, never schema text (issue 15, item 6): what a refused
 * request says instead of zod's "Too big: expected string to have <=500 characters" at
 * "input.title", and what a case pack check says instead of BagIt's "Payload-Oxum says …". Pure
 * (no DOM, no Node): the service words every refused request with it, the window every pack
 * check problem.
 */
import type { IssueDetail } from './errors.js';
import type { Language } from './language.js';

/** What a field is called where a person reads it, by its key (the last named part of its path). */
const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  description: 'description',
  effect: '“How it affected me”',
  location: 'place',
  notes: 'notes',
  name: 'name',
  handles: 'online handles',
  basis: '“Why I believe these are the same person”',
  contact: 'contact details',
  sawWhat: '“What they saw or heard”',
  organisation: 'organisation',
  phone: 'phone number',
  email: 'e-mail address',
  force: 'police force',
  reference: 'reference',
  officer: 'officer',
  collarNumber: 'collar number',
  spoc: 'SPOC',
  url: 'web address',
  platform: 'platform',
  handle: 'handle',
  accountId: 'account id',
  value: 'identifier',
  identifiers: 'identifiers',
  outcome: 'outcome',
  detail: 'detail',
  date: 'date',
  obtainedHow: '“How you got it”',
  obtainedHowOther: '“How you got it”',
  obtainedBy: '“Who saved or took it”',
  obtainedAt: '“When you saved or took it”',
  originalLocation: '“Where the original is”',
  changedByMe: '“What you changed”',
  keptAt: '“Where it is kept”',
  handledBy: '“Who has handled it”',
  reason: 'reason',
  passphrase: 'passphrase',
  reports: 'reports',
  categories: 'kinds of incident',
  perpetratorIds: 'people believed responsible',
  witnessIds: 'witnesses',
  incidentIds: 'incidents',
  firstReportedOn: 'date first reported',
  occurredAt: 'date and time',
  time: 'time',
  offset: 'UTC offset',
};

/** "collarNumber" → "collar number": a key no list names, still in words. */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
}

/** The name of the field at `path` ("title", "web address"), from its last named part. */
export function fieldName(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (key === undefined) return 'request';
  return FIELD_NAMES[key] ?? words(key);
}

/** The value at `path` in `input`, if there is one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const p of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[p];
  }
  return at;
}

/** What zod says of one problem (a subset of its issue, so the window and the tests can build one). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  keys?: readonly string[];
}

const n = (x: number | bigint) => Number(x).toLocaleString('en-GB');
/** zod's own wording (never shown): anything else is one of our messages, already for people. */
const ZOD_WORDING = /^(Too big|Too small|Invalid|Unrecognized|Expected|Required)\b/;

/** A message of ours, ended as a sentence. */
function sentence(m: string): string {
  const t = m.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * One refused field in plain English with what to do: "The title can be up to 500 characters; it
 * has 543. Shorten it, then save again." `input` is what was sent (to count what it holds).
 */
export function plainIssue(issue: IssueLike, input?: unknown): string {
  const label = fieldName(issue.path);
  const The = `The ${label}`;
  const value = valueAt(input, issue.path);
  const own = !ZOD_WORDING.test(issue.message) && issue.message.trim() !== '';
  switch (issue.code) {
    case 'too_big': {
      if (issue.origin === 'string' || typeof value === 'string') {
        const has = typeof value === 'string' ? `; it has ${n([...value].length)}` : '';
        return `${The} can be up to ${n(issue.maximum ?? 0)} characters${has}. Shorten it, then save again.`;
      }
      if (issue.origin === 'array' || Array.isArray(value)) {
        const has = Array.isArray(value) ? `; there are ${n(value.length)}` : '';
        return `There can be up to ${n(issue.maximum ?? 0)} ${label}${has}. Remove some, then save again.`;
      }
      return `${The} is too large (at most ${n(issue.maximum ?? 0)}). Use a smaller one, then save again.`;
    }
    case 'too_small': {
      if (own) return `${sentence(issue.message)} Fill it in, then save again.`;
      if (issue.origin === 'string' || typeof value === 'string') {
        return Number(issue.minimum ?? 1) <= 1
          ? `${The} is needed. Fill it in, then save again.`
          : `${The} needs at least ${n(issue.minimum ?? 1)} characters. Add to it, then save again.`;
      }
      if (issue.origin === 'array' || Array.isArray(value)) {
        return `Add at least ${n(issue.minimum ?? 1)} to the ${label}, then save again.`;
      }
      return `${The} is too small (at least ${n(issue.minimum ?? 0)}). Change it, then save again.`;
    }
    case 'invalid_value':
    case 'invalid_enum_value':
      return own
        ? sentence(issue.message)
        : `${The} is not one of the choices. Choose it from the list, then save again.`;
    case 'invalid_format':
    case 'invalid_string':
      return own
        ? `${The} is not in the right form: ${sentence(issue.message)}`
        : `${The} is not in the right form. Check it, then save again.`;
    case 'unrecognized_keys':
      return 'The app sent something this version does not know. Reload the window (Ctrl+R), then try again; nothing was changed.';
    case 'invalid_type':
      return value === undefined
        ? `${The} is missing. Fill it in, then save again.`
        : `${The} is not the right kind of value. Enter it again, then save again.`;
    default:
      return own ? sentence(issue.message) : `${The} is not right. Check it, then save again.`;
  }
}

/** A refused field as data (to cross IPC): what plainIssue needs, with what was sent described. */
export function issueDetail(issue: IssueLike, input?: unknown): IssueDetail {
  const value = valueAt(input, issue.path);
  const sent: IssueDetail['sent'] =
    typeof value === 'string'
      ? { type: 'string', length: [...value].length }
      : Array.isArray(value)
        ? { type: 'array', length: value.length }
        : value === undefined
          ? { type: 'missing' }
          : { type: 'other' };
  const d: IssueDetail = {
    code: issue.code,
    path: issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number'),
    message: issue.message,
    sent,
  };
  if (issue.origin !== undefined) d.origin = issue.origin;
  if (issue.maximum !== undefined) d.maximum = Number(issue.maximum);
  if (issue.minimum !== undefined) d.minimum = Number(issue.minimum);
  return d;
}

/** What a field is called in Welsh, with its article ("y teitl"), by its key. */
const FIELD_NAMES_CY: Record<string, string> = {
  title: 'y teitl',
  description: 'y disgrifiad',
  effect: '“Sut yr effeithiodd arnaf”',
  location: 'y lle',
  notes: 'y nodiadau',
  name: 'yr enw',
  handles: 'yr enwau defnyddiwr ar-lein',
  basis: '“Pam rwy’n credu mai’r un person yw’r rhain”',
  contact: 'y manylion cyswllt',
  sawWhat: '“Beth a welsant neu a glywsant”',
  organisation: 'y sefydliad',
  phone: 'y rhif ffôn',
  email: 'y cyfeiriad e-bost',
  force: 'y llu heddlu',
  reference: 'y cyfeirnod',
  officer: 'y swyddog',
  collarNumber: 'y rhif coler',
  spoc: 'y SPOC',
  url: 'y cyfeiriad gwe',
  platform: 'y platfform',
  handle: 'yr enw defnyddiwr',
  accountId: 'rhif adnabod y cyfrif',
  value: 'y dynodwr',
  identifiers: 'y dynodwyr',
  outcome: 'y canlyniad',
  detail: 'y manylion',
  date: 'y dyddiad',
  obtainedHow: '“Sut y cawsoch ef”',
  obtainedHowOther: '“Sut y cawsoch ef”',
  obtainedBy: '“Pwy a’i cadwodd neu a’i tynnodd”',
  obtainedAt: '“Pryd y cafodd ei gadw neu ei dynnu”',
  originalLocation: '“Ble mae’r gwreiddiol”',
  changedByMe: '“Beth a newidiwyd gennych”',
  keptAt: '“Ble y’i cedwir”',
  handledBy: '“Pwy sydd wedi’i drin”',
  reason: 'y rheswm',
  passphrase: 'y cyfrinymadrodd',
  reports: 'yr adroddiadau',
  categories: 'y mathau o ddigwyddiad',
  perpetratorIds: 'y bobl y credir eu bod yn gyfrifol',
  witnessIds: 'y tystion',
  incidentIds: 'y digwyddiadau',
  firstReportedOn: 'y dyddiad y rhoddwyd gwybod gyntaf',
  occurredAt: 'y dyddiad a’r amser',
  time: 'yr amser',
  offset: 'y gwahaniaeth o UTC',
};

/** The Welsh name of the field at `path`, with its article. */
export function fieldNameCy(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (key === undefined) return 'y cais';
  return FIELD_NAMES_CY[key] ?? `y maes “${words(key)}”`;
}

/** The schemas' own words (shared/model.ts, ipc.ts, ipc-pack.ts) in Welsh. */
const OWN_WORDS_CY: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^use YYYY-MM-DD$/, () => 'rhowch y dyddiad fel YYYY-MM-DD'],
  [/^use a date as YYYY-MM-DD$/, () => 'rhowch y dyddiad fel YYYY-MM-DD'],
  [/^not a record id$/, () => 'nid yw’n rhif adnabod cofnod'],
  [/^Choose the case pack: a ZIP file or its folder\.$/, () => 'Dewiswch y pecyn achos: ffeil ZIP neu ei ffolder.'],
  [
    /^A case pack folder has at most (\d+) files\.$/,
    (m) => `Mae gan ffolder pecyn achos ${m[1]} o ffeiliau ar y mwyaf.`,
  ],
  [
    /^A file is too large to send from the window \((.+) at most\)\.$/,
    (m) => `Mae ffeil yn rhy fawr i’w hanfon o’r ffenestr (${m[1]} ar y mwyaf).`,
  ],
  [/^A draft is (.+) at most\.$/, (m) => `Gall drafft fod yn ${m[1]} ar y mwyaf.`],
  [
    /^Give the name of the person this passphrase is for\.$/,
    () => 'Rhowch enw’r person y mae’r cyfrinymadrodd hwn ar ei gyfer.',
  ],
  [
    /^The name is too long: (\d+) characters at most\. Shorten it and try again\.$/,
    (m) => `Mae’r enw’n rhy hir: ${m[1]} nod ar y mwyaf. Byrhewch ef a rhowch gynnig arall arni.`,
  ],
  [/^Give the item a short name$/, () => 'Rhowch enw byr i’r eitem'],
  [/^An identifier needs its text, as it appeared$/, () => 'Mae angen testun y dynodwr, fel yr ymddangosodd'],
  [/^A title is needed$/, () => 'Mae angen teitl'],
  [/^Say where the item is kept$/, () => 'Dywedwch ble y cedwir yr eitem'],
  [
    /^Say why it is being deleted \(a few words\): the activity log keeps the reason\.$/,
    () => 'Dywedwch pam rydych yn ei ddileu (ychydig eiriau): mae’r log gweithgarwch yn cadw’r rheswm.',
  ],
  [/^a draft key like (.+) or (.+)$/, (m) => `allwedd drafft fel ${m[1]} neu ${m[2]}`],
  [/^Name the police force$/, () => 'Enwch y llu heddlu'],
  [/^Give the crime or incident number$/, () => 'Rhowch rif y drosedd neu’r digwyddiad'],
];

/** A schema's own words in Welsh, or null when there is no Welsh for them. */
function ownWordsCy(message: string): string | null {
  for (const [re, cy] of OWN_WORDS_CY) {
    const m = re.exec(message.trim());
    if (m) return cy(m);
  }
  return null;
}

/** The input plainIssue would have seen, rebuilt from a detail (the English from data). */
function inputFrom(d: IssueDetail): unknown {
  const value =
    d.sent.type === 'string'
      ? 'x'.repeat(d.sent.length ?? 0)
      : d.sent.type === 'array'
        ? new Array<string>(d.sent.length ?? 0).fill('')
        : d.sent.type === 'missing'
          ? undefined
          : 0;
  let at: unknown = value;
  for (const p of [...d.path].reverse()) at = typeof p === 'number' ? Object.assign([], { [p]: at }) : { [p]: at };
  return at;
}

/**
 * A refused field in a language, from its detail: the English is plainIssue's; the Welsh says the
 * same, with what to do ("Gall y teitl fod hyd at 500 nod (543 ar hyn o bryd). …").
 */
export function plainIssueIn(lang: Language, d: IssueDetail): string {
  if (lang === 'en') return d.code === 'custom' ? d.message : plainIssue(d, inputFrom(d));
  const the = fieldNameCy(d.path);
  const own = !ZOD_WORDING.test(d.message) && d.message.trim() !== '' ? ownWordsCy(d.message) : null;
  const text = d.sent.type === 'string';
  const list = d.sent.type === 'array';
  const now = d.sent.length !== undefined ? ` (${n(d.sent.length)} ar hyn o bryd)` : '';
  const fill = 'Llenwch y maes, yna cadwch eto.';
  // After a vowel the article is ’r: "Nid yw’r teitl", "Mae’r teitl".
  const the_ = (word: string) => (/^yr? /.test(the) ? `${word}’r ${the.replace(/^yr? /, '')}` : `${word} ${the}`);
  switch (d.code) {
    case 'custom':
      return own ? sentence(own) : `${the_('Nid yw')} yn iawn. Gwiriwch y maes, yna cadwch eto.`;
    case 'too_big':
      if (d.origin === 'string' || text)
        return `Gall ${the} fod hyd at ${n(d.maximum ?? 0)} nod${text ? now : ''}. Byrhewch y testun, yna cadwch eto.`;
      if (d.origin === 'array' || list)
        return `Mae terfyn o ${n(d.maximum ?? 0)} ar ${the}${list ? now : ''}. Tynnwch rai, yna cadwch eto.`;
      return `${the_('Mae')} yn rhy fawr (${n(d.maximum ?? 0)} ar y mwyaf). Defnyddiwch un llai, yna cadwch eto.`;
    case 'too_small':
      if (own) return `${sentence(own)} ${fill}`;
      if (d.origin === 'string' || text)
        return Number(d.minimum ?? 1) <= 1
          ? `Mae angen ${the}. ${fill}`
          : `Mae angen o leiaf ${n(d.minimum ?? 1)} nod yn ${the}. Ychwanegwch ato, yna cadwch eto.`;
      if (d.origin === 'array' || list) return `Ychwanegwch o leiaf ${n(d.minimum ?? 1)} at ${the}, yna cadwch eto.`;
      return `${the_('Mae')} yn rhy fach (${n(d.minimum ?? 0)} o leiaf). Newidiwch ef, yna cadwch eto.`;
    case 'invalid_value':
    case 'invalid_enum_value':
      return own ? sentence(own) : `${the_('Nid yw')} yn un o’r dewisiadau. Dewiswch o’r rhestr, yna cadwch eto.`;
    case 'invalid_format':
    case 'invalid_string':
      return own
        ? `${the_('Nid yw')} yn y ffurf gywir: ${sentence(own)}`
        : `${the_('Nid yw')} yn y ffurf gywir. Gwiriwch y maes, yna cadwch eto.`;
    case 'unrecognized_keys':
      return 'Anfonodd yr ap rywbeth nad yw’r fersiwn hon yn ei adnabod. Ail-lwythwch y ffenestr (Ctrl+R), yna rhowch gynnig arall arni; ni newidiwyd dim.';
    case 'invalid_type':
      return d.sent.type === 'missing'
        ? `${the_('Mae')} ar goll. ${fill}`
        : `${the_('Nid yw')} y math cywir o werth. Rhowch ef eto, yna cadwch eto.`;
    default:
      return own ? sentence(own) : `${the_('Nid yw')} yn iawn. Gwiriwch y maes, yna cadwch eto.`;
  }
}

/** A pack check problem as its kind and the checker's own words (electron/core/pack/verify.ts). */
export interface PackProblemLike {
  kind: string;
  path?: string;
  message: string;
}

/**
 * A case pack check problem for people: what it means and what to do, never BagIt's terms
 * ("Payload-Oxum", "tagmanifest", "octets"). The checker's own words stay in a details disclosure
 * for the officer.
 */
export function plainPackProblem(p: PackProblemLike): string {
  const file = p.path ? `“${p.path}”` : 'a file';
  const ask = 'Ask whoever sent the pack for a fresh copy, straight from their Evidence Vault.';
  switch (p.kind) {
    case 'oxum':
      return `The pack does not hold the number or size of files it says it does: a file may have been added, removed or cut short. ${ask}`;
    case 'missing':
      return /manifest/.test(p.message)
        ? `A list the pack uses to check its files is missing, so the pack cannot be checked. ${ask}`
        : `${file} is listed in the pack but is not there. ${ask}`;
    case 'extra':
      return `${file} is in the pack folder but was not part of the pack when it was made: it may have been added since. ${ask}`;
    case 'changed':
      return `${file} has changed since the pack was made (its fingerprint no longer matches). ${ask}`;
    case 'unreadable':
      return `${file} could not be read: the copy may be incomplete or the disk damaged. Copy the pack again, then check it again.`;
    case 'signature':
      return /not the expected key/.test(p.message)
        ? `The pack is signed by a different key from the one expected: compare the key with the sender's key card before relying on it.`
        : `The pack's signature does not match its contents or is missing, so it may have been changed after it was made. ${ask}`;
    case 'bag':
      return /more problem/.test(p.message)
        ? sentence(p.message.charAt(0).toUpperCase() + p.message.slice(1))
        : `This is not a complete case pack, or a list it uses to check itself is damaged. ${ask}`;
    default:
      return /Payload-Oxum|tagmanifest|manifest-sha256|bag-info|BagIt|octets/i.test(p.message)
        ? `Part of the pack does not match what it says about itself. ${ask}`
        : sentence(p.message);
  }
}

/** plainPackProblem in a language (Welsh: the same meaning and next step). */
export function plainPackProblemIn(lang: Language, p: PackProblemLike): string {
  if (lang === 'en') return plainPackProblem(p);
  const file = p.path ? `“${p.path}”` : 'ffeil';
  const ask = 'Gofynnwch i bwy bynnag a anfonodd y pecyn am gopi newydd, yn syth o’u Evidence Vault.';
  switch (p.kind) {
    case 'oxum':
      return `Nid yw’r pecyn yn dal y nifer neu’r maint o ffeiliau y mae’n dweud ei fod yn eu dal: efallai bod ffeil wedi’i hychwanegu, ei thynnu neu ei thorri’n fyr. ${ask}`;
    case 'missing':
      return /manifest/.test(p.message)
        ? `Mae rhestr y mae’r pecyn yn ei defnyddio i wirio ei ffeiliau ar goll, felly nid oes modd gwirio’r pecyn. ${ask}`
        : `Mae ${file} wedi’i rhestru yn y pecyn ond nid yw yno. ${ask}`;
    case 'extra':
      return `Mae ${file} yn ffolder y pecyn ond nid oedd yn rhan o’r pecyn pan gafodd ei wneud: efallai ei fod wedi’i ychwanegu ers hynny. ${ask}`;
    case 'changed':
      return `Mae ${file} wedi newid ers i’r pecyn gael ei wneud (nid yw ei ôl bys yn cyfateb mwyach). ${ask}`;
    case 'unreadable':
      return `Nid oedd modd darllen ${file}: efallai bod y copi’n anghyflawn neu fod y ddisg wedi’i difrodi. Copïwch y pecyn eto, yna gwiriwch ef eto.`;
    case 'signature':
      return /not the expected key/.test(p.message)
        ? 'Mae’r pecyn wedi’i lofnodi ag allwedd wahanol i’r un a ddisgwylid: cymharwch yr allwedd â cherdyn allwedd yr anfonwr cyn dibynnu arno.'
        : `Nid yw llofnod y pecyn yn cyfateb i’w gynnwys, neu mae ar goll, felly efallai iddo gael ei newid ar ôl ei wneud. ${ask}`;
    case 'bag': {
      const more = /^(\d+) more problems? not listed/.exec(p.message);
      if (more) return `Mae ${more[1]} problem arall heb eu rhestru.`;
      return `Nid yw hwn yn becyn achos cyflawn, neu mae rhestr y mae’n ei defnyddio i’w wirio’i hun wedi’i difrodi. ${ask}`;
    }
    default:
      return `Nid yw rhan o’r pecyn yn cyfateb i’r hyn y mae’n ei ddweud amdano’i hun. ${ask}`;
  }
}

/** What Node's error codes mean, for people. */
const NODE_CODES: Record<string, string> = {
  ENOENT: 'it is not there',
  EACCES: 'this computer does not allow Evidence Vault to use it',
  EPERM: 'this computer does not allow Evidence Vault to use it',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of its path is a file, not a folder',
  EBUSY: 'another program is using it',
  EEXIST: 'something with that name is already there',
  EMFILE: 'too many files are open',
  EIO: 'the disk could not be read',
  ENAMETOOLONG: 'its name is too long',
};

/**
 * A message for the window with any Node or SQLite error text put in words: "EACCES: permission
 * denied, mkdir '/x'" becomes "this computer does not allow Evidence Vault to use it", "database
 * disk image is malformed" "the vault's database is damaged". The rest is left as it is.
 */
export function plainSystemText(message: string): string {
  return message
    .replace(
      /\b(E[A-Z]{2,14}): [a-z][^,()]*?(?:, [a-z]+(?: '[^']*')?(?: -> '[^']*')?)?(?=[).;]|$)/g,
      (all, code: string) => {
        return NODE_CODES[code] ?? 'the computer refused (an error of the file system)';
      },
    )
    .replace(/\bSQLITE_[A-Z_]+(?::[^.;)]*)?/g, 'the vault’s database could not be used')
    .replace(/\bdatabase disk image is malformed\b/gi, 'the vault’s database is damaged')
    .replace(/\bfile is not a database\b/gi, 'the vault’s database file is not a database (it is damaged)')
    .replace(/\bdatabase is locked\b/gi, 'the vault is in use by another window');
}
