/** Errors in Welsh, with the next step; the English as the core wrote it. */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.js';
import { ERROR_TEXT_CY, SOMETHING_WENT_WRONG, errorText } from './error-words.js';
import { CaseInputSchema, IncidentInputSchema, PersonInputSchema } from './model.js';
import { issueDetail, plainIssue, plainIssueIn, type IssueLike } from './plain-errors.js';

const SCHEMA_OR_ENGLISH = /Too big|Too small|expected|<=|input\.| the | is | can be | save again/;

function firstIssue(
  schema: { safeParse(x: unknown): { success: boolean; error?: { issues: unknown[] } } },
  x: unknown,
) {
  const r = schema.safeParse(x);
  expect(r.success).toBe(false);
  return r.error!.issues[0] as IssueLike;
}

describe('each error code in Welsh', () => {
  it('has a Welsh message with a next step, never the English', () => {
    for (const code of [...ERROR_CODES, 'NO_HOST' as const]) {
      const cy = errorText('cy', code, 'The English message.');
      expect(cy, code).toBe(ERROR_TEXT_CY[code]);
      expect(cy, code).toMatch(/\.$/);
      expect(cy, code).not.toMatch(SCHEMA_OR_ENGLISH);
      expect(errorText('en', code, 'The English message.')).toBe('The English message.');
    }
    expect(SOMETHING_WENT_WRONG.en).toBe('Something went wrong. Nothing was changed.');
  });
});

describe('a refused field in Welsh, from its detail', () => {
  const cases: [string, IssueLike, unknown, string][] = [];
  const long = { title: 'x'.repeat(543), occurredAt: { date: '2024-05-03' } };
  cases.push([
    'too long',
    firstIssue(IncidentInputSchema, long),
    long,
    'Gall y teitl fod hyd at 500 nod (543 ar hyn o bryd). Byrhewch y testun, yna cadwch eto.',
  ]);
  const handles = { name: 'A', handles: Array.from({ length: 51 }, (_, i) => `@h${i}`) };
  cases.push([
    'too many',
    firstIssue(PersonInputSchema, handles),
    handles,
    'Mae terfyn o 50 ar yr enwau defnyddiwr ar-lein (51 ar hyn o bryd). Tynnwch rai, yna cadwch eto.',
  ]);
  const force = { force: ' ', reference: 'R' };
  cases.push([
    'our own words',
    firstIssue(CaseInputSchema, force),
    force,
    'Enwch y llu heddlu. Llenwch y maes, yna cadwch eto.',
  ]);
  const wrong = { title: 42, occurredAt: { date: '2024-05-03' } };
  cases.push([
    'wrong kind',
    firstIssue(IncidentInputSchema, wrong),
    wrong,
    'Nid yw’r teitl y math cywir o werth. Rhowch ef eto, yna cadwch eto.',
  ]);
  const date = { force: 'F', reference: 'R', firstReportedOn: '3/5/24' };
  cases.push([
    'wrong form',
    firstIssue(CaseInputSchema, date),
    date,
    'Nid yw’r dyddiad y rhoddwyd gwybod gyntaf yn y ffurf gywir: rhowch y dyddiad fel YYYY-MM-DD.',
  ]);

  for (const [name, issue, input, welsh] of cases) {
    it(`${name}: "${welsh.slice(0, 40)}…"; the English from the same detail as before`, () => {
      const nested = { input };
      const d = issueDetail({ ...issue, path: ['input', ...issue.path] }, nested);
      expect(JSON.parse(JSON.stringify(d))).toEqual(d);
      expect(plainIssueIn('cy', d)).toBe(welsh);
      expect(errorText('cy', 'INVALID_INPUT', 'x', { issue: d })).toBe(welsh);
      expect(plainIssueIn('en', d)).toBe(plainIssue(issue, input));
    });
  }

  it('a field no list names, a choice not on the list, an unknown field, a missing field', () => {
    const d = (issue: IssueLike, input?: unknown) => plainIssueIn('cy', issueDetail(issue, input));
    expect(d({ code: 'too_big', path: ['somethingNew'], message: 'Too big', origin: 'string', maximum: 10 })).toBe(
      'Gall y maes “something new” fod hyd at 10 nod. Byrhewch y testun, yna cadwch eto.',
    );
    expect(d({ code: 'invalid_value', path: ['kind'], message: 'Invalid option' })).toBe(
      'Nid yw’r maes “kind” yn un o’r dewisiadau. Dewiswch o’r rhestr, yna cadwch eto.',
    );
    expect(d({ code: 'unrecognized_keys', path: [], message: 'Unrecognized key', keys: ['x'] })).toMatch(
      /^Anfonodd yr ap rywbeth nad yw’r fersiwn hon yn ei adnabod\./,
    );
    expect(d({ code: 'invalid_type', path: ['input', 'title'], message: 'Required' }, { input: {} })).toBe(
      'Mae’r teitl ar goll. Llenwch y maes, yna cadwch eto.',
    );
    expect(
      d({ code: 'custom', path: ['bytes'], message: 'A file is too large to send from the window (512 MiB at most).' }),
    ).toBe('Mae ffeil yn rhy fawr i’w hanfon o’r ffenestr (512 MiB ar y mwyaf).');
  });
});
