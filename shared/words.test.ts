/** The shared words in Welsh (words('cy')) beside the English, which stays as it was. */
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_IDS,
  CHANNEL_KINDS,
  ESCALATION_SIGNALS,
  IDENTIFIER_KINDS,
  OBTAINED_HOW,
  BINNABLE_KINDS,
  CATEGORY_LABELS,
  IncidentInputSchema,
  PersonInputSchema,
  type CustodyEntry,
  type Person,
} from './model.js';
import { activityLine, activitySentence, exhibitNoun } from './activity-log.js';
import { changedLabel, fieldText, writtenLabel } from './history-labels.js';
import { exhibitRefsText, ukDateTime } from './chronology.js';
import { checkWhen, dateInWords, twiceQuestion } from './uk-time.js';
import { timeOffers } from './time-offers.js';
import { formatSize } from './format.js';
import { plainPackProblem } from './plain-errors.js';
import { PRIVATE_CHOICES } from './privacy.js';
import { words } from './words.js';

const en = words('en');
const cy = words('cy');

/** Welsh words that are written as in English: a proper name or letters. */
const SAME_IN_WELSH = new Set(['Person', 'PDF']);

function welshTable(name: string, keys: readonly string[], enT: Record<string, string>, cyT: Record<string, string>) {
  it(`${name}: every key in both languages, the Welsh filled in and not the English`, () => {
    expect(Object.keys(enT).sort()).toEqual([...keys].sort());
    expect(Object.keys(cyT).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect(cyT[k], `${name}.${k}`).toBeTruthy();
      if (!SAME_IN_WELSH.has(cyT[k]!)) expect(cyT[k], `${name}.${k}`).not.toBe(enT[k]);
    }
  });
}

describe('words(): the label tables', () => {
  welshTable('category', CATEGORY_IDS, en.category, cy.category);
  welshTable('channel', CHANNEL_KINDS, en.channel, cy.channel);
  welshTable('escalation', ESCALATION_SIGNALS, en.escalation, cy.escalation);
  welshTable('identifier', IDENTIFIER_KINDS, en.identifier, cy.identifier);
  welshTable('obtainedHow', OBTAINED_HOW, en.obtainedHow, cy.obtainedHow);
  welshTable('binKind', BINNABLE_KINDS, en.binKind, cy.binKind);
  welshTable('incidentField', Object.keys(IncidentInputSchema.shape), en.incidentField, cy.incidentField);
  welshTable('personField', Object.keys(PersonInputSchema.shape), en.personField, cy.personField);

  it('the private choices, one for one', () => {
    expect(en.privateChoices).toBe(PRIVATE_CHOICES);
    expect(cy.privateChoices.map((c) => c.id)).toEqual(PRIVATE_CHOICES.map((c) => c.id));
    for (const [i, c] of cy.privateChoices.entries()) {
      expect(c.label).not.toBe(PRIVATE_CHOICES[i]!.label);
      expect(c.shown).not.toBe(PRIVATE_CHOICES[i]!.shown);
    }
    expect(cy.privateFieldShown('location')).toBe('ble y digwyddodd');
    expect(cy.privateFieldShown('somethingNew')).toBe('somethingNew');
  });

  it('English by default, and the English tables are the ones the model has', () => {
    expect(words()).toBe(en);
    expect(en.category).toBe(CATEGORY_LABELS);
    expect(en.zoneLabel).toBe('UK time (GMT/BST)');
    expect(cy.zoneLabel).toBe('Amser y DU (GMT/BST)');
  });
});

describe('words(): dates and times', () => {
  it('written labels in UK time, with Welsh short weekdays, winter (GMT) and summer (BST)', () => {
    expect(cy.writtenLabel('2019-11-12T20:31:00Z')).toBe('Maw 12/11/2019 20:31');
    expect(cy.writtenLabel('2019-07-16T20:31:00Z')).toBe('Maw 16/07/2019 21:31');
    // Past midnight in BST: the UK's day (Wednesday), not UTC's.
    expect(cy.writtenLabel('2019-07-16T23:30:00Z')).toBe('Mer 17/07/2019 00:30');
    const days = ['2019-11-10', '2019-11-11', '2019-11-12', '2019-11-13', '2019-11-14', '2019-11-15', '2019-11-16'];
    expect(days.map((d) => cy.writtenLabel(`${d}T12:00:00Z`).split(' ')[0])).toEqual([
      'Sul',
      'Llun',
      'Maw',
      'Mer',
      'Iau',
      'Gwe',
      'Sad',
    ]);
    expect(cy.writtenLabel('not a date')).toBe('not a date');
    expect(en.writtenLabel('2019-07-16T20:31:00Z')).toBe(writtenLabel('2019-07-16T20:31:00Z'));
  });

  it('dates in words, date and time as recorded, the hour that happened twice', () => {
    expect(cy.dateInWords('2019-11-12')).toBe('Dydd Mawrth 12 Tachwedd 2019');
    expect(cy.dateInWords('2024-02-29')).toBe('Dydd Iau 29 Chwefror 2024');
    expect(cy.dateInWords('2023-02-29')).toBeNull();
    expect(en.dateInWords('2019-11-12')).toBe(dateInWords('2019-11-12'));
    expect(cy.ukDateTime({ date: '2019-11-15', time: '21:40', offset: 'Z', approximate: true })).toBe(
      'Tua 15/11/2019 21:40 (UTC)',
    );
    expect(cy.ukDateTime({ date: '2019-11-15', approximate: false })).toBe('15/11/2019, amser ddim yn hysbys');
    expect(cy.ukDateTime({ date: '2019-11-15', approximate: true })).toBe('Tua 15/11/2019, amser ddim yn hysbys');
    const at = { date: '2019-11-14', time: '23:59', offset: '-05:00', approximate: false };
    expect(en.ukDateTime(at)).toBe(ukDateTime(at));
    const twice = { first: '+01:00', second: 'Z' };
    expect(cy.twiceQuestion('01:30', twice)).toBe(
      'Digwyddodd 01:30 ddwywaith y noson honno: y tro cyntaf (BST, +01:00) neu’r ail (GMT, +00:00)?',
    );
    expect(en.twiceQuestion('01:30', twice)).toBe(twiceQuestion('01:30', twice));
  });

  it('sizes and exhibit references', () => {
    expect(cy.formatSize(512)).toBe('512 beit');
    expect(cy.formatSize(1434)).toBe('1.4 KiB');
    expect(en.formatSize(512)).toBe(formatSize(512));
    expect(cy.exhibitRefsText({ refs: ['AB/1'], unreferenced: 2 })).toBe('AB/1, 2 heb gyfeirnod eto');
    expect(cy.exhibitRefsText({ refs: [], unreferenced: 0 })).toBe('Dim');
    expect(en.exhibitRefsText({ refs: ['AB/1'], unreferenced: 2 })).toBe(
      exhibitRefsText({ refs: ['AB/1'], unreferenced: 2 }),
    );
  });
});

describe('words(): when it happened, checked', () => {
  const now = new Date('2024-06-01T12:00:00Z');
  const entry = { date: '', time: '', zone: 'uk' as const, offset: 'Z', fold: '' as const };
  it('each problem in Welsh with what to do; the English as before', () => {
    const cases = [
      { ...entry },
      { ...entry, time: '10:00' },
      { ...entry, date: '2023-02-29' },
      { ...entry, date: '2024-05-01', time: '25:00' },
      { ...entry, date: '2024-07-01' },
      { ...entry, date: '2024-05-01', time: '10:00', zone: 'offset' as const, offset: 'x' },
      { ...entry, date: '2024-03-31', time: '01:30' },
      { ...entry, date: '2023-10-29', time: '01:30' },
      { ...entry, date: '2024-06-01', time: '23:00' },
    ];
    const welsh = cases.map((c) => {
      const r = cy.checkWhen(c, now);
      return r.ok ? 'ok' : r.message;
    });
    expect(welsh).toEqual([
      'Rhowch y dyddiad y digwyddodd, fel diwrnod, mis a blwyddyn.',
      'Rhowch y dyddiad yn ogystal â’r amser.',
      'Nid yw 29/02/2023 yn ddyddiad go iawn. Gwiriwch y diwrnod, y mis a’r flwyddyn.',
      'Rhowch yr amser fel oriau a munudau ar y cloc 24 awr, fel 21:40.',
      'Mae’r dyddiad hwn yn y dyfodol. Gwiriwch y diwrnod, y mis a’r flwyddyn.',
      'Dewiswch y gylchfa amser.',
      'Ni ddigwyddodd 01:30 ar 31/03/2024 yn y DU: aeth y clociau ymlaen awr y noson honno. Gwiriwch yr amser.',
      'Digwyddodd 01:30 ddwywaith y noson honno: y tro cyntaf (BST, +01:00) neu’r ail (GMT, +00:00)?',
      'Mae’r amser hwn yn hwyrach na nawr. Gwiriwch yr amser.',
    ]);
    for (const c of cases) expect(en.checkWhen(c, now)).toEqual(checkWhen(c, now));
    expect(cy.checkWhen({ ...entry, date: '2024-05-01', time: '10:00' }, now)).toEqual({
      ok: true,
      date: '2024-05-01',
      time: '10:00',
      offset: '+01:00',
    });
  });

  it('times the exhibits offer, labelled in Welsh', () => {
    const incident = {
      exhibits: [
        { id: 'e1', extracted: { capturedAt: '2019-11-20T07:12:03' } },
        { id: 'e2', extracted: { email: { date: 'Tue, 12 Nov 2019 20:15:00 +0000' } } },
      ],
    };
    expect(cy.timeOffers(incident, entry).map((o) => o.label)).toEqual([
      'Defnyddio 20/11/2019 07:12 o’r llun?',
      'Defnyddio 12/11/2019 20:15 o’r e-bost?',
    ]);
    expect(en.timeOffers(incident, entry)).toEqual(timeOffers(incident, entry));
  });
});

describe('words(): the history', () => {
  const person: Person = {
    ...PersonInputSchema.parse({ name: 'Jo Bloggs' }),
    id: 'p'.repeat(32),
    createdAt: '',
    updatedAt: '',
  };
  const people = new Map([[person.id, person]]);

  it('changed fields and field values in Welsh', () => {
    expect(cy.changedLabel('incident', ['location', 'description'])).toBe('lle, beth ddigwyddodd');
    expect(cy.changedLabel('incident', ['somethingNew'])).toBe('manylion eraill');
    expect(en.changedLabel('incident', ['location', 'somethingNew'])).toBe(
      changedLabel('incident', ['location', 'somethingNew']),
    );
    expect(cy.fieldText('incident', 'categories', ['harassment', 'stalking'], people)).toBe('Aflonyddu; Stelcio');
    expect(cy.fieldText('incident', 'channel', { kind: 'social-media', detail: 'X' }, people)).toBe(
      'Cyfryngau cymdeithasol: X',
    );
    expect(
      cy.fieldText(
        'incident',
        'occurredAt',
        { date: '2019-11-12', time: '20:15', offset: 'Z', approximate: true },
        people,
      ),
    ).toBe('Dydd Mawrth 12 Tachwedd 2019, Tua 20:15 (UTC)');
    expect(cy.fieldText('incident', 'perpetratorIds', [person.id, 'q'.repeat(32)], people)).toBe(
      'Jo Bloggs; Person nad yw yn y cofnod mwyach',
    );
    expect(
      cy.fieldText(
        'incident',
        'reports',
        [{ kind: 'police', force: 'Kent Police', reference: '46/1', officer: '', date: '' }],
        people,
      ),
    ).toBe('Heddlu (Kent Police) cyfeirnod 46/1');
    expect(cy.fieldText('incident', 'privateFields', ['location', 'notes'], people)).toBe('ble y digwyddodd; nodiadau');
    expect(cy.fieldText('incident', 'notes', '  ', people)).toBe('Dim wedi’i gofnodi');
    expect(cy.fieldText('person', 'role', 'witness', people)).toBe('Tyst');
    expect(cy.fieldText('person', 'knowsNamed', true, people)).toBe('Ie');
    expect(cy.personName({ name: '', handles: [] })).toBe('Person heb enw');
    expect(en.personName({ name: '', handles: [] })).toBe('Unnamed person');
    for (const [field, value] of [
      ['reports', [{ kind: 'platform', platform: '', reference: 'R1', date: '', outcome: '' }]],
      ['occurredAt', { date: '2019-11-12', approximate: false }],
      ['notes', ''],
    ] as const) {
      expect(en.fieldText('incident', field, value, people)).toBe(fieldText('incident', field, value, people));
    }
  });
});

const entry = (e: Partial<CustodyEntry>): CustodyEntry => ({
  seq: 1,
  at: '2019-11-12T20:31:00.000Z',
  action: 'create',
  subjectKind: 'vault',
  subjectId: null,
  details: {},
  ...e,
});
const X = 'a'.repeat(32);
const I = 'b'.repeat(32);
const P = 'c'.repeat(32);

describe('words(): the activity log in Welsh', () => {
  it('"Maw 12/11/2019 20:31 — gwnaethoch ychwanegu’r sgrinlun JS/1 …"', () => {
    const e = entry({
      action: 'import',
      subjectKind: 'exhibit',
      subjectId: X,
      details: { name: 'post-1.png', mediaType: 'image/png', incidentId: I },
    });
    const names = {
      exhibit: (id: string) => (id === X ? { ref: 'JS/1', name: 'post-1.png', noun: 'sgrinlun' } : undefined),
      incident: (id: string) => (id === I ? 'Leaflets torn down' : undefined),
    };
    expect(cy.activityLine(e, names)).toBe(
      'Maw 12/11/2019 20:31 — gwnaethoch ychwanegu’r sgrinlun JS/1 (“post-1.png”) at “Leaflets torn down”',
    );
    expect(cy.activityLine({ ...e, at: '2019-07-16T20:31:00Z' })).toBe(
      'Maw 16/07/2019 21:31 — gwnaethoch ychwanegu’r llun (“post-1.png”)',
    );
    expect(en.activityLine(e, names)).toBe(activityLine(e, names));
  });

  it('every kind of entry reads as a Welsh sentence', () => {
    const cases: [Partial<CustodyEntry>, string][] = [
      [{ action: 'create', subjectKind: 'vault' }, 'gwnaethoch greu’r gladdgell hon'],
      [
        { action: 'create', subjectKind: 'incident', subjectId: I, details: { title: 'Leaflets' } },
        'gwnaethoch gofnodi’r digwyddiad “Leaflets”',
      ],
      [
        { action: 'create', subjectKind: 'exhibit', subjectId: X, details: { kind: 'physical', ref: 'AB/2' } },
        'gwnaethoch gofnodi’r eitem ffisegol AB/2',
      ],
      [{ action: 'create', subjectKind: 'person', subjectId: P }, 'gwnaethoch ychwanegu person'],
      [{ action: 'create', subjectKind: 'contact', subjectId: X }, 'gwnaethoch ychwanegu cyswllt'],
      [
        { action: 'create', subjectKind: 'case', subjectId: X, details: { reference: '46/1234/24' } },
        'gwnaethoch ychwanegu achos heddlu 46/1234/24',
      ],
      [
        {
          action: 'import',
          subjectKind: 'exhibit',
          subjectId: X,
          details: { name: 'a.eml', mediaType: 'message/rfc822', duplicateOf: X },
        },
        'gwnaethoch ychwanegu’r e-bost (“a.eml”), yn fwriadol, er ei fod yn y gladdgell yn barod',
      ],
      [
        {
          action: 'view',
          subjectKind: 'exhibit',
          subjectId: X,
          details: { name: 'l.pdf', mediaType: 'application/pdf' },
        },
        'gwnaethoch agor y PDF (“l.pdf”)',
      ],
      [
        { action: 'edit', subjectKind: 'vault', details: { recoveryKey: 'replaced' } },
        'gwnaethoch wneud allwedd adfer newydd (nid yw’r hen un yn gweithio mwyach)',
      ],
      [
        { action: 'edit', subjectKind: 'vault', details: { exhibitReferencesGiven: 3 } },
        'rhoddwyd cyfeirnodau i 3 arddangosyn',
      ],
      [{ action: 'edit', subjectKind: 'vault' }, 'gwnaethoch newid y gladdgell'],
      [
        { action: 'edit', subjectKind: 'person', subjectId: P, details: { from: X, into: P } },
        'gwnaethoch gyfuno person ag un arall',
      ],
      [
        { action: 'edit', subjectKind: 'case', subjectId: X, details: { reference: '46/1', linked: [I, X] } },
        'gwnaethoch ychwanegu 2 digwyddiad at achos heddlu 46/1',
      ],
      [
        { action: 'edit', subjectKind: 'case', subjectId: X, details: { reference: '46/1', unlinked: [I] } },
        'gwnaethoch dynnu 1 digwyddiad oddi ar achos heddlu 46/1',
      ],
      [
        {
          action: 'edit',
          subjectKind: 'exhibit',
          subjectId: X,
          details: { name: 'p.png', mediaType: 'image/png', changed: ['description', 'source.url'] },
        },
        'gwnaethoch newid eich disgrifiad o’r llun (“p.png”) (disgrifiad, ffynhonnell: cyfeiriad gwe)',
      ],
      [
        { action: 'edit', subjectKind: 'person', subjectId: P, details: { changed: ['name', 'basis'] } },
        'gwnaethoch newid manylion person (enw, pam rwy’n credu mai’r un person yw’r rhain)',
      ],
      [
        {
          action: 'edit',
          subjectKind: 'incident',
          subjectId: I,
          details: { title: 'Leaflets', changed: ['location'] },
        },
        'gwnaethoch newid y digwyddiad “Leaflets” (lle)',
      ],
      [{ action: 'edit', subjectKind: 'settings' }, 'gwnaethoch newid y gosodiadau'],
      [
        {
          action: 'delete',
          subjectKind: 'incident',
          subjectId: I,
          details: { title: 'Leaflets', reason: 'typed twice' },
        },
        'gwnaethoch ddileu’r digwyddiad “Leaflets”, oherwydd: “typed twice” (caiff ei gadw yn y bin am 30 diwrnod)',
      ],
      [
        { action: 'delete', subjectKind: 'person', subjectId: P, details: { reason: 'merged' } },
        'cafodd person ei gyfuno â pherson arall',
      ],
      [{ action: 'restore', subjectKind: 'contact', subjectId: X }, 'gwnaethoch adfer cyswllt o’r bin'],
      [
        { action: 'purge', subjectKind: 'incident', subjectId: I, details: { title: 'Leaflets' } },
        'tynnwyd y digwyddiad “Leaflets” am byth ar ôl 30 diwrnod yn y bin',
      ],
      [
        { action: 'export', subjectKind: 'pack', details: { packId: 'EV-1', exhibits: 4 } },
        'gwnaethoch wneud y pecyn achos EV-1 gyda 4 arddangosyn',
      ],
      [
        { action: 'export', subjectKind: 'incident', subjectId: I, details: { title: 'Leaflets', packId: 'EV-1' } },
        'aeth y digwyddiad “Leaflets” i’r pecyn achos EV-1',
      ],
      [
        { action: 'check', subjectKind: 'vault', details: { ok: true } },
        'gwnaethoch wirio’r gladdgell: mae popeth yn iawn',
      ],
      [
        { action: 'check', subjectKind: 'vault', details: { ok: false, problems: 2 } },
        'gwnaethoch wirio’r gladdgell: 2 problem wedi’u canfod',
      ],
      [
        { action: 'check', subjectKind: 'vault', details: { problem: 'the database is damaged' } },
        'daeth y gladdgell o hyd i broblem wrth agor: the database is damaged',
      ],
      [{ action: 'unlock', subjectKind: 'vault' }, 'gwnaethoch ddatgloi’r gladdgell'],
      [
        { action: 'unlock', subjectKind: 'vault', details: { method: 'recovery-key' } },
        'gwnaethoch ddatgloi’r gladdgell gyda’r allwedd adfer',
      ],
      [{ action: 'passphrase-change', subjectKind: 'vault' }, 'gwnaethoch newid y cyfrinymadrodd'],
    ];
    for (const [e, want] of cases) {
      const full = entry(e);
      expect(cy.activitySentence(full)).toBe(want);
      expect(en.activitySentence(full)).toBe(activitySentence(full));
    }
  });

  it('exhibit nouns', () => {
    expect(cy.exhibitNoun('image/jpeg')).toBe('llun');
    expect(cy.exhibitNoun('message/rfc822')).toBe('e-bost');
    expect(cy.exhibitNoun(undefined, true)).toBe('eitem ffisegol');
    expect(cy.exhibitNoun('text/plain')).toBe('ffeil destun');
    expect(en.exhibitNoun('video/mp4')).toBe(exhibitNoun('video/mp4'));
  });
});

describe('words(): case pack problems', () => {
  it('in Welsh, with the next step; the English unchanged', () => {
    const kinds = ['oxum', 'missing', 'extra', 'changed', 'unreadable', 'signature', 'bag', 'other'];
    for (const kind of kinds) {
      const p = { kind, path: 'data/a.png', message: 'Payload-Oxum mismatch' };
      expect(cy.plainPackProblem(p)).not.toBe(plainPackProblem(p));
      expect(cy.plainPackProblem(p)).not.toMatch(/Payload|BagIt|manifest/);
      expect(en.plainPackProblem(p)).toBe(plainPackProblem(p));
    }
    expect(cy.plainPackProblem({ kind: 'changed', path: 'data/a.png', message: '' })).toMatch(
      /^Mae “data\/a.png” wedi newid/,
    );
    expect(cy.plainPackProblem({ kind: 'bag', message: '501 more problems not listed' })).toBe(
      'Mae 501 problem arall heb eu rhestru.',
    );
  });
});
