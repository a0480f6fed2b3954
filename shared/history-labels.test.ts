import { describe, expect, it } from 'vitest';
import { IncidentInputSchema, PersonInputSchema, type Person } from './model.js';
import {
  INCIDENT_FIELD_LABELS,
  PERSON_FIELD_LABELS,
  changedLabel,
  daysLeft,
  dayOf,
  fieldText,
  writtenLabel,
} from './history-labels.js';

describe('history labels', () => {
  it('names every field of an incident and a person in plain words', () => {
    expect(Object.keys(INCIDENT_FIELD_LABELS).sort()).toEqual(Object.keys(IncidentInputSchema.shape).sort());
    expect(Object.keys(PERSON_FIELD_LABELS).sort()).toEqual(Object.keys(PersonInputSchema.shape).sort());
    expect(changedLabel('incident', ['location', 'description'])).toBe('place, what happened');
    expect(changedLabel('incident', ['somethingNew'])).toBe('other details');
    expect(changedLabel('person', ['basis'])).toBe('why I believe these are the same person');
  });

  it("writes an instant UK style in UK time (GMT/BST), whatever the computer's zone", () => {
    // GMT in November, BST in July; the test run's own zone plays no part.
    expect(writtenLabel('2019-11-12T20:31:00Z')).toBe('Tue 12/11/2019 20:31');
    expect(writtenLabel('2019-07-16T20:31:00Z')).toBe('Tue 16/07/2019 21:31');
    expect(writtenLabel('2019-07-16T23:30:00Z')).toBe('Wed 17/07/2019 00:30');
    expect(dayOf('2019-07-16T23:30:00Z')).toBe('17/07/2019');
    expect(dayOf('2019-11-12T23:30:00Z')).toBe('12/11/2019');
    expect(writtenLabel('not a date')).toBe('not a date');
  });

  it('counts whole days left in the bin, never below none', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    expect(daysLeft('2024-05-31T12:00:00Z', now)).toBe(30);
    expect(daysLeft('2024-05-01T12:00:01Z', now)).toBe(1);
    expect(daysLeft('2024-05-01T12:00:00Z', now)).toBe(0);
    expect(daysLeft('2024-04-01T12:00:00Z', now)).toBe(0);
  });

  it('shows values as readable text, never raw JSON', () => {
    const people = new Map<string, Person>([
      [
        'a'.repeat(32),
        { ...PersonInputSchema.parse({ name: 'John Smith' }), id: 'a'.repeat(32), createdAt: '', updatedAt: '' },
      ],
    ]);
    expect(fieldText('incident', 'perpetratorIds', ['a'.repeat(32), 'b'.repeat(32)], people)).toBe(
      'John Smith; A person no longer in the record',
    );
    expect(fieldText('incident', 'location', '', people)).toBe('Nothing recorded');
    expect(fieldText('incident', 'occurredAt', { date: '2019-11-12', approximate: false }, people)).toBe(
      'Tuesday 12 November 2019, Date only, time not known',
    );
    expect(fieldText('incident', 'channel', { kind: 'in-person', detail: '' }, people)).not.toContain('{');
    expect(fieldText('person', 'knowsNamed', true, people)).toBe('Yes');
    expect(fieldText('person', 'role', 'perpetrator', people)).toBe('Believed responsible');
  });
});
