import { describe, expect, it } from 'vitest';
import {
  formatOccurredAt,
  IncidentInputSchema,
  isCategoryId,
  occurredAtSortKey,
  parseOccurredAt,
  personName,
} from './model.js';

describe('parseOccurredAt', () => {
  it('keeps the date, time and UTC offset as given', () => {
    expect(parseOccurredAt('2024-05-03T21:40+01:00')).toEqual({
      date: '2024-05-03',
      time: '21:40',
      offset: '+01:00',
      approximate: false,
    });
    expect(parseOccurredAt('2024-05-03T21:40:15Z')).toEqual({
      date: '2024-05-03',
      time: '21:40:15',
      offset: 'Z',
      approximate: false,
    });
    expect(parseOccurredAt('2024-05-03T21:40+0100').offset).toBe('+01:00');
  });

  it('accepts a date alone, and "approximately"', () => {
    expect(parseOccurredAt('2024-05-03', true)).toEqual({ date: '2024-05-03', approximate: true });
  });

  it.each([
    ['2024-02-30', /impossible date/],
    ['2023-02-29', /impossible date/],
    ['2024-13-01', /impossible date/],
    ['2024-05-03T24:00Z', /impossible time/],
    ['2024-05-03T21:40', /no UTC offset/],
    ['2024-05-03T21:40+15:00', /impossible UTC offset/],
    ['yesterday', /invalid date/],
    ['03/05/2024', /invalid date/],
    ['', /invalid date/],
  ])('refuses %j with a clear message', (text, message) => {
    expect(() => parseOccurredAt(text)).toThrow(message);
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseOccurredAt('2024-02-29').date).toBe('2024-02-29');
  });
});

describe('ordering', () => {
  it('formats back to ISO 8601 and sorts by the instant, not the local clock', () => {
    const a = parseOccurredAt('2024-05-03T21:40+01:00'); // 20:40Z
    const b = parseOccurredAt('2024-05-03T21:00Z'); // later instant, earlier clock
    expect(formatOccurredAt(a)).toBe('2024-05-03T21:40+01:00');
    expect(occurredAtSortKey(a)).toBeLessThan(occurredAtSortKey(b));
  });
});

describe('personName', () => {
  it('is the name, else the first online handle, else says the person has none', () => {
    expect(personName({ name: 'Alice Troll', handles: ['@alice'] })).toBe('Alice Troll');
    expect(personName({ name: '', handles: ['@alice', '@al'] })).toBe('@alice');
    expect(personName({ name: '', handles: [] })).toBe('Unnamed person');
  });
});

describe('IncidentInputSchema', () => {
  it('refuses an unknown category and an empty title', () => {
    const base = { title: 'Paint on the office door', occurredAt: { date: '2024-05-03' } };
    expect(IncidentInputSchema.safeParse({ ...base, categories: ['criminal-damage'] }).success).toBe(true);
    expect(IncidentInputSchema.safeParse({ ...base, categories: ['vandalism'] }).success).toBe(false);
    expect(IncidentInputSchema.safeParse({ ...base, title: '  ' }).success).toBe(false);
    expect(isCategoryId('stalking')).toBe(true);
    expect(isCategoryId('vandalism')).toBe(false);
  });
});
