import { describe, expect, it } from 'vitest';
import type { Incident, PoliceCase } from './model.js';
import {
  casesOf,
  needsTellingPolice,
  notYetToldPolice,
  parseReportDate,
  toldPlatform,
  toldPolice,
  ukToday,
} from './reporting.js';

type I = Pick<Incident, 'id' | 'reports' | 'escalationSignals'>;
const police = { kind: 'police', force: 'Met', reference: 'CAD 1', officer: '', date: '' } as const;
const platform = { kind: 'platform', platform: 'X', reference: '', date: '', outcome: '' } as const;
const a: I = { id: 'a'.repeat(32), reports: [], escalationSignals: [] };
const b: I = { id: 'b'.repeat(32), reports: [platform], escalationSignals: ['imminent-violence'] };
const c: I = { id: 'c'.repeat(32), reports: [police], escalationSignals: [] };
const d: I = { id: 'd'.repeat(32), reports: [], escalationSignals: ['fixated-ideas'] };
const cases: Pick<PoliceCase, 'incidentIds' | 'reference'>[] = [{ reference: '01/123', incidentIds: [d.id] }];

describe('told whom', () => {
  it('told the police by a linked case or a police report; told the platform by a platform report', () => {
    expect([a, b, c, d].map((i) => toldPolice(i, cases))).toEqual([false, false, true, true]);
    expect([a, b, c, d].map((i) => toldPlatform(i))).toEqual([false, true, false, false]);
    expect(casesOf(d.id, cases).map((x) => x.reference)).toEqual(['01/123']);
    expect(casesOf(a.id, cases)).toEqual([]);
  });
  it('"Not yet told the police" keeps platform-only incidents', () => {
    expect(notYetToldPolice([a, b, c, d], cases).map((i) => i.id)).toEqual([a.id, b.id]);
  });
  it('an escalated incident not yet told the police is flagged; once a case links it, not', () => {
    expect([a, b, c, d].map((i) => needsTellingPolice(i, cases))).toEqual([false, true, false, false]);
    expect(needsTellingPolice(b, [{ incidentIds: [b.id] }])).toBe(false);
  });
});

describe('parseReportDate', () => {
  it('reads UK day/month/year and ISO dates', () => {
    expect(parseReportDate('18/11/2019', '2024-01-01')).toBe('2019-11-18');
    expect(parseReportDate('1/2/2020', '2024-01-01')).toBe('2020-02-01');
    expect(parseReportDate('2019-11-18', '2024-01-01')).toBe('2019-11-18');
    expect(parseReportDate('2024-01-01', '2024-01-01')).toBe('2024-01-01');
  });
  it('refuses impossible, future and unreadable dates in plain words', () => {
    expect(() => parseReportDate('31/02/2024', '2025-01-01')).toThrow(/not a real date \(February has no day 31\)/);
    expect(() => parseReportDate('2024-13-01', '2025-01-01')).toThrow(/not a real date/);
    expect(() => parseReportDate('2024-01-02', '2024-01-01')).toThrow(/in the future/);
    expect(() => parseReportDate('yesterday', '2024-01-01')).toThrow(/not a date: use day\/month\/year/);
  });
  it('today is the UK date', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July in London.
    expect(ukToday(new Date('2024-06-30T23:30:00Z'))).toBe('2024-07-01');
    expect(ukToday(new Date('2024-12-31T23:30:00Z'))).toBe('2024-12-31');
  });
});
