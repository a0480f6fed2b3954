import { describe, expect, it } from 'vitest';
import { ExhibitDetailsSchema, parseOccurredAt, type Incident, type Person } from './model.js';
import {
  EMPTY_FILTER,
  buildTimelineRows,
  compareForTimeline,
  excerpt,
  filterIncidents,
  groupByPerson,
  inTimelineOrder,
  indexIncidents,
  mentionsOf,
  timeLabel,
  type TimelineRow,
} from './timeline.js';

const id = (n: number) => n.toString(16).padStart(32, '0');

function incident(n: number, over: Partial<Incident> = {}): Incident {
  return {
    id: id(n),
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    title: `Incident ${n}`,
    occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00', approximate: false },
    description: '',
    categories: [],
    location: '',
    perpetratorIds: [],
    witnessIds: [],
    escalationSignals: [],
    reports: [],
    notes: '',
    privateFields: [],
    exhibits: [],
    ...over,
  };
}
const person = (n: number, name: string, handles: string[] = []): Person => ({
  id: id(1000 + n),
  name,
  handles,
  description: '',
  role: 'perpetrator',
  private: false,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
});

const alice = person(1, 'Alice Smith', ['@alice99']);
const bob = person(2, 'Bob Jones');
const incidents: Incident[] = [
  incident(3, {
    title: 'Leaflets torn',
    occurredAt: { date: '2024-06-01', approximate: false },
    categories: ['criminal-damage'],
    perpetratorIds: [bob.id],
  }),
  incident(1, {
    title: 'Threatening email',
    occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00', approximate: false },
    description: 'Said they KNOW where I live.\nSecond line\nThird line',
    categories: ['threatening-behaviour'],
    channel: { kind: 'email' },
    perpetratorIds: [alice.id],
    escalationSignals: ['imminent-violence'],
    exhibits: [
      {
        id: id(50),
        incidentId: id(1),
        name: 'Screenshot-Inbox.PNG',
        size: 10,
        sha256: 'a'.repeat(64),
        mediaType: 'image/png',
        fileModifiedAt: '2024-05-03T20:00:00Z',
        importedAt: '2024-05-04T10:00:00Z',
        kind: 'file',
        details: ExhibitDetailsSchema.parse({}),
        warnings: [],
      },
    ],
  }),
  incident(2, {
    title: 'Post on X',
    occurredAt: { date: '2024-05-03', time: '23:30', offset: '+01:00', approximate: false },
    channel: { kind: 'social-media', detail: 'X (Twitter)' },
    categories: ['online-abuse', 'harassment'],
    perpetratorIds: [alice.id],
    witnessIds: [bob.id],
    reports: [{ kind: 'platform', platform: 'X', reference: 'CASE-77', date: '', outcome: '' }],
    notes: 'Reported via the app',
  }),
];
const index = indexIncidents(incidents, [alice, bob]);

describe('timeline index and filters', () => {
  it('sorts oldest first and searches every field, case-insensitively', () => {
    expect(index.map((x) => x.incident.title)).toEqual(['Threatening email', 'Post on X', 'Leaflets torn']);
    const q = (query: string) => filterIncidents(index, { ...EMPTY_FILTER, query }).map((x) => x.incident.title);
    expect(q('know where')).toEqual(['Threatening email']);
    expect(q('@ALICE99')).toEqual(['Threatening email', 'Post on X']);
    expect(q('bob')).toEqual(['Post on X', 'Leaflets torn']); // perpetrator or witness
    expect(q('inbox.png')).toEqual(['Threatening email']); // exhibit name
    expect(q('reported via')).toEqual(['Post on X']); // notes
    expect(q('case-77')).toEqual(['Post on X']); // report reference
    expect(q('nothing-like-this')).toEqual([]);
  });

  it('filters by category, person, channel, platform, dates, reported and escalation', () => {
    const f = (over: Partial<typeof EMPTY_FILTER>) =>
      filterIncidents(index, { ...EMPTY_FILTER, ...over }).map((x) => x.incident.title);
    expect(f({ categories: ['harassment', 'criminal-damage'] })).toEqual(['Post on X', 'Leaflets torn']);
    expect(f({ personId: alice.id })).toEqual(['Threatening email', 'Post on X']);
    expect(f({ channel: 'email' })).toEqual(['Threatening email']);
    expect(f({ platform: 'twitter' })).toEqual(['Post on X']);
    expect(f({ from: '2024-05-04' })).toEqual(['Leaflets torn']);
    expect(f({ to: '2024-05-03' })).toEqual(['Threatening email', 'Post on X']);
    expect(f({ reported: 'yes' })).toEqual(['Post on X']);
    expect(f({ reported: 'no' })).toEqual(['Threatening email', 'Leaflets torn']);
    expect(f({ escalation: 'yes' })).toEqual(['Threatening email']);
  });

  it('groups rows by month and day in either order', () => {
    /** A row's month or day heading, or its incident's title. */
    const label = (r: TimelineRow): string => (r.kind === 'incident' ? r.item.incident.title : r.label);
    const rows = buildTimelineRows(index, 'oldest-first');
    expect(rows.map(label)).toEqual([
      'May 2024',
      'Friday 3 May 2024',
      'Threatening email',
      'Post on X',
      'June 2024',
      'Saturday 1 June 2024',
      'Leaflets torn',
    ]);
    expect(buildTimelineRows(index, 'newest-first').map(label)).toEqual([
      'June 2024',
      'Saturday 1 June 2024',
      'Leaflets torn',
      'May 2024',
      'Friday 3 May 2024',
      'Post on X',
      'Threatening email',
    ]);
    expect(rows[0]).toMatchObject({ kind: 'month', count: 2 });
  });

  it('keeps days in order when offsets differ: the date as recorded comes first', () => {
    const late = incident(70, {
      title: 'E-mail late on the 14th',
      occurredAt: { date: '2019-11-14', time: '23:59', offset: '-05:00', approximate: false },
    });
    const dayOnly = incident(71, {
      title: 'Posters on the 15th',
      occurredAt: { date: '2019-11-15', approximate: false },
    });
    const early = incident(72, {
      title: 'Call early on the 15th',
      occurredAt: { date: '2019-11-15', time: '01:00', offset: 'Z', approximate: false },
    });
    const rows = buildTimelineRows(indexIncidents([dayOnly, early, late], []), 'oldest-first');
    expect(rows.map((r) => (r.kind === 'incident' ? r.item.incident.title : r.label))).toEqual([
      'November 2019',
      'Thursday 14 November 2019',
      'E-mail late on the 14th',
      'Friday 15 November 2019',
      'Posters on the 15th',
      'Call early on the 15th',
    ]);
  });

  it('has one order for every list: compareForTimeline, inTimelineOrder and the index agree', () => {
    const late = incident(80, {
      occurredAt: { date: '2019-11-14', time: '23:59', offset: '-05:00', approximate: false },
    });
    const dayOnly = incident(81, { occurredAt: { date: '2019-11-15', approximate: false } });
    const early = incident(82, { occurredAt: { date: '2019-11-15', time: '01:00', offset: 'Z', approximate: false } });
    // Same moment: the one recorded first comes first, then the lower id.
    const twinB = incident(84, { occurredAt: early.occurredAt, createdAt: '2024-01-02T00:00:00Z' });
    const twinA = incident(83, { occurredAt: early.occurredAt, createdAt: '2024-01-02T00:00:00Z' });
    const expected = [late, dayOnly, early, twinA, twinB].map((i) => i.id);
    const shuffled = [twinB, early, dayOnly, twinA, late];
    expect([...shuffled].sort(compareForTimeline).map((i) => i.id)).toEqual(expected);
    expect(inTimelineOrder(shuffled, (i) => i).map((i) => i.id)).toEqual(expected);
    expect(indexIncidents(shuffled, []).map((x) => x.incident.id)).toEqual(expected);
    // Within a day, by the instant, not the local clock.
    const a = parseOccurredAt('2024-05-03T21:40+01:00'); // 20:40Z
    const b = parseOccurredAt('2024-05-03T21:00Z'); // later instant, earlier clock
    const rows = [
      { id: 'b', createdAt: '1', occurredAt: b },
      { id: 'a', createdAt: '1', occurredAt: a },
    ];
    expect(rows.sort(compareForTimeline).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('finds the incidents that name a person, as responsible or as a witness, oldest first', () => {
    const p = id(500);
    const q = id(501);
    const both = incident(90, {
      occurredAt: { date: '2024-06-01', approximate: false },
      perpetratorIds: [p],
      witnessIds: [p],
    });
    const saw = incident(91, { occurredAt: { date: '2024-05-01', approximate: false }, witnessIds: [q, p] });
    const did = incident(92, { occurredAt: { date: '2024-07-01', approximate: false }, perpetratorIds: [p] });
    const other = incident(93, { perpetratorIds: [q] });
    const found = mentionsOf(indexIncidents([did, other, both, saw], []), p);
    expect(found.map((m) => [m.item.incident.id, m.responsible, m.witness])).toEqual([
      [saw.id, false, true],
      [both.id, true, true],
      [did.id, true, false],
    ]);
    expect(mentionsOf(indexIncidents([other], []), p)).toEqual([]);
  });

  it('groups a course of conduct by person, most incidents first', () => {
    const groups = groupByPerson(index, [alice, bob]);
    expect(groups.map((g) => [g.person?.name, g.items.length, g.escalated])).toEqual([
      ['Alice Smith', 2, 1],
      ['Bob Jones', 1, 0],
    ]);
    expect(groups[0]).toMatchObject({ first: '2024-05-03', last: '2024-05-03' });
    const withUnknown = groupByPerson(indexIncidents([incident(9)], []), []);
    expect(withUnknown[0]?.person).toBeNull();
  });

  it('is fast enough for 10,000 incidents', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      incident(i + 10, { title: `Incident number ${i}`, description: 'lorem ipsum '.repeat(20) }),
    );
    const big = indexIncidents(many, []);
    const t0 = performance.now();
    const hits = filterIncidents(big, { ...EMPTY_FILTER, query: 'number 999' });
    const ms = performance.now() - t0;
    expect(hits.length).toBe(19); // 999, 1999 … 8999, 9990 … 9999
    expect(ms).toBeLessThan(50);
  });
});

describe('text helpers', () => {
  it('makes excerpts and time labels', () => {
    expect(excerpt('one\n\n two \nthree')).toBe('one two');
    expect(excerpt('x'.repeat(300)).length).toBe(220);
    expect(timeLabel({ date: '2024-05-03', time: '21:40', offset: '+01:00', approximate: false })).toBe(
      '21:40 (UTC+01:00)',
    );
    expect(timeLabel({ date: '2024-05-03', time: '21:40:10', offset: 'Z', approximate: true })).toBe(
      'About 21:40 (UTC)',
    );
    expect(timeLabel({ date: '2024-05-03', approximate: false })).toBe('Date only, time not known');
    expect(timeLabel({ date: '2024-05-03', approximate: true })).toBe('About this date, time not known');
  });
});
