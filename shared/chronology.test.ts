import { describe, expect, it } from 'vitest';
import {
  believedResponsible,
  exhibitRefsOf,
  exhibitRefsText,
  platformReferences,
  policeReferences,
  recordNumbers,
  ukDate,
  ukDateTime,
} from './chronology.js';
import type { Exhibit, Incident } from './model.js';
import { filterIncidents, indexIncidents, EMPTY_FILTER } from './timeline.js';

function incident(id: string, date: string, extra: Partial<Incident> = {}): Incident {
  return {
    id,
    title: `Incident ${id}`,
    occurredAt: { date, approximate: false },
    description: '',
    effect: '',
    categories: [],
    location: '',
    identifiers: [],
    perpetratorIds: [],
    witnessIds: [],
    escalationSignals: [],
    reports: [],
    notes: '',
    privateFields: [],
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    exhibits: [],
    ...extra,
  };
}

function exhibit(ref: string | undefined, refNumber: number | undefined): Exhibit {
  return {
    id: `e${refNumber ?? 'x'}`,
    kind: 'file',
    ...(ref ? { ref, refNumber } : {}),
    incidentId: 'i',
    name: 'a.png',
    size: 1,
    sha256: '',
    mediaType: 'image/png',
    fileModifiedAt: '',
    importedAt: '',
    details: {} as Exhibit['details'],
    warnings: [],
  };
}

describe('chronology', () => {
  it('numbers each incident by its place in the whole record, whatever the filter', () => {
    const all = indexIncidents(
      [
        incident('c'.repeat(32), '2024-03-01', { escalationSignals: ['imminent-violence'] }),
        incident('a'.repeat(32), '2024-01-01'),
        incident('b'.repeat(32), '2024-02-01'),
      ],
      [],
    );
    const numbers = recordNumbers(all);
    expect(numbers.get('a'.repeat(32))).toBe(1);
    expect(numbers.get('b'.repeat(32))).toBe(2);
    expect(numbers.get('c'.repeat(32))).toBe(3);
    // Filtered to the one escalated incident: still number 3.
    const shown = filterIncidents(all, { ...EMPTY_FILTER, escalation: 'yes' });
    expect(shown.map((x) => numbers.get(x.incident.id))).toEqual([3]);
  });

  it('writes dates and times the UK way, the offset named, a date alone said so', () => {
    expect(ukDate('2019-11-14')).toBe('14/11/2019');
    expect(ukDateTime({ date: '2019-11-14', time: '23:59', offset: '-05:00', approximate: false })).toBe(
      '14/11/2019 23:59 (UTC-05:00)',
    );
    expect(ukDateTime({ date: '2019-11-14', time: '21:40:12', offset: 'Z', approximate: true })).toBe(
      'About 14/11/2019 21:40 (UTC)',
    );
    expect(ukDateTime({ date: '2019-11-15', approximate: false })).toBe('15/11/2019, time not known');
    expect(ukDateTime({ date: '2019-11-15', approximate: true })).toBe('About 15/11/2019, time not known');
  });

  it('lists exhibits by reference, lowest first, and counts those without one', () => {
    const r = exhibitRefsOf({ exhibits: [exhibit('AB/12', 12), exhibit('AB/3', 3), exhibit(undefined, undefined)] });
    expect(r).toEqual({ refs: ['AB/3', 'AB/12'], unreferenced: 1 });
    expect(exhibitRefsText(r)).toBe('AB/3, AB/12, 1 without a reference yet');
    expect(exhibitRefsText({ refs: [], unreferenced: 0 })).toBe('None');
  });

  it('names the people believed responsible, and the police and platform references, each once', () => {
    const people = new Map([['p'.repeat(32), { name: 'Alice Troll' }]]);
    expect(believedResponsible({ perpetratorIds: ['p'.repeat(32), 'q'.repeat(32)] }, people)).toEqual(['Alice Troll']);
    const inc = incident('a'.repeat(32), '2024-01-01', {
      reports: [
        { kind: 'police', force: 'Kent Police', reference: '46/1/24', officer: '', date: '' },
        { kind: 'platform', platform: 'X', reference: 'X-REPORT-9', date: '', outcome: '' },
        { kind: 'platform', platform: 'Facebook', reference: '', date: '', outcome: '' },
      ],
    });
    const cases = [
      { incidentIds: ['a'.repeat(32)], reference: '46/1/24', force: 'Kent Police' },
      { incidentIds: ['a'.repeat(32)], reference: 'CAD 991', force: 'Met' },
      { incidentIds: ['b'.repeat(32)], reference: 'other', force: 'Met' },
    ];
    expect(policeReferences(inc, cases)).toEqual(['46/1/24, Kent Police', 'CAD 991, Met']);
    expect(platformReferences(inc)).toEqual(['X: X-REPORT-9', 'Facebook']);
  });
});
