import { describe, expect, it } from 'vitest';
import type { Incident } from './model.js';
import { TIME_LIMIT_NOTE, timeLimitNote } from './time-limits.js';

type I = Pick<Incident, 'id' | 'reports' | 'categories' | 'occurredAt'>;
const inc = (date: string, categories: I['categories'] = ['harassment'], reports: I['reports'] = []): I => ({
  id: 'a'.repeat(32),
  reports,
  categories,
  occurredAt: { date, approximate: false },
});

describe('timeLimitNote', () => {
  it('no note at 3 months 29 days, the note at 4 months 1 day', () => {
    expect(timeLimitNote(inc('2024-01-10'), [], '2024-05-09')).toBeNull(); // 3 months 29 days
    expect(timeLimitNote(inc('2024-01-10'), [], '2024-05-10')).toBeNull(); // exactly 4 months
    expect(timeLimitNote(inc('2024-01-10'), [], '2024-05-11')).toBe(TIME_LIMIT_NOTE); // 4 months 1 day
    expect(timeLimitNote(inc('2024-01-10', ['stalking']), [], '2024-09-01')).toBe(TIME_LIMIT_NOTE);
  });
  it('says what the limit is, where it comes from, and that it is not legal advice', () => {
    expect(TIME_LIMIT_NOTE).toMatch(/within 6 months/);
    expect(TIME_LIMIT_NOTE).toMatch(/Magistrates' Courts Act 1980, s\.127/);
    expect(TIME_LIMIT_NOTE).toMatch(/This is not legal advice\.$/);
  });
  it('no note once the police are told: a police report or a linked case', () => {
    const police = { kind: 'police', force: 'Met', reference: '', officer: '', date: '' } as const;
    expect(timeLimitNote(inc('2024-01-10', ['harassment'], [police]), [], '2024-06-01')).toBeNull();
    expect(timeLimitNote(inc('2024-01-10'), [{ incidentIds: ['a'.repeat(32)] }], '2024-06-01')).toBeNull();
    // A platform report is not telling the police.
    const platform = { kind: 'platform', platform: 'X', reference: '', date: '', outcome: '' } as const;
    expect(timeLimitNote(inc('2024-01-10', ['harassment'], [platform]), [], '2024-06-01')).toBe(TIME_LIMIT_NOTE);
  });
  it('no note for another category', () => {
    expect(timeLimitNote(inc('2024-01-10', ['criminal-damage', 'online-abuse']), [], '2024-09-01')).toBeNull();
    expect(timeLimitNote(inc('2024-01-10', []), [], '2024-09-01')).toBeNull();
  });
  it('month ends are calendar months: 31 October plus 4 months is the end of February', () => {
    expect(timeLimitNote(inc('2023-10-31'), [], '2024-02-29')).toBeNull();
    expect(timeLimitNote(inc('2023-10-31'), [], '2024-03-01')).toBe(TIME_LIMIT_NOTE);
  });
});
