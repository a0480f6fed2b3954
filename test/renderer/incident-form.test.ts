/**
 * The incident form's messages in the window's language: every problem checkWhen() finds with a
 * date or time reads, in English, exactly as checkWhen() says it, and in Welsh is not left in
 * English (a new or reworded message in shared/uk-time.ts fails here until it has its Welsh).
 */
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en.js';
import { cy } from '../../renderer/src/i18n/cy.js';
import type { Translate } from '../../renderer/src/i18n/index.js';
import { blank, validate, type Form } from '../../renderer/src/screens/incidentForm.js';
import { checkWhen } from '../../shared/uk-time.js';
import { words } from '../../shared/words.js';

const NOW = new Date('2024-11-20T12:00:00Z');

function translate(language: 'en' | 'cy'): Translate {
  const intl = createIntl({ locale: language === 'cy' ? 'cy' : 'en-GB', messages: language === 'cy' ? cy : en });
  return (id, values) => intl.formatMessage({ id }, values);
}

const form = (patch: Partial<Form>): Form => ({ ...blank(NOW), title: 'Threatening letter', ...patch });

/** One entry for each of checkWhen's problems, the hour that happened twice aside. */
const PROBLEMS: [string, Partial<Form>][] = [
  ['no date', { date: '', time: '' }],
  ['time without a date', { date: '', time: '21:40' }],
  ['not a real date', { date: '2023-02-30' }],
  ['a time that is not one', { date: '2024-11-01', time: '25:99' }],
  ['a date in the future', { date: '2024-12-25' }],
  ['no time zone', { date: '2024-11-01', time: '21:40', zone: 'offset', offset: '' }],
  ['a time that never happened', { date: '2024-03-31', time: '01:30' }],
  ['a time later than now', { date: '2024-11-20', time: '18:00' }],
];

describe('the incident form’s messages', () => {
  it('in English, read exactly as checkWhen() and the form always said them', () => {
    const t = translate('en');
    for (const [name, patch] of PROBLEMS) {
      const f = form(patch);
      const when = checkWhen(f, NOW);
      expect(when.ok, name).toBe(false);
      const errors = validate(f, false, t, words('en'), NOW);
      expect(Object.values(errors), name).toEqual([when.ok ? '' : when.message]);
    }
    expect(validate(form({ title: ' ' }), false, t, words('en'), NOW).title).toBe(
      'Give the incident a short title, for example “Threatening letter”.',
    );
    expect(validate(form({ description: '' }), true, t, words('en'), NOW).description).toBe(
      'Write what happened — a few words are enough for now.',
    );
  });

  it('in Welsh, none is left in English', () => {
    const t = translate('cy');
    for (const [name, patch] of PROBLEMS) {
      const f = form(patch);
      const when = checkWhen(f, NOW);
      const [message] = Object.values(validate(f, false, t, words('cy'), NOW));
      expect(message, name).toBeTruthy();
      expect(message, name).not.toBe(when.ok ? '' : when.message);
    }
    expect(validate(form({ date: '2023-02-30' }), false, t, words('cy'), NOW).date).toBe(
      'Nid yw 30/02/2023 yn ddyddiad go iawn. Gwiriwch y diwrnod, y mis a’r flwyddyn.',
    );
  });

  it('the hour that happened twice asks which, in the window’s words', () => {
    const f = form({ date: '2024-10-27', time: '01:30' });
    const errors = validate(f, false, translate('en'), words('en'), NOW);
    expect(errors.fold).toBe(
      '01:30 happened twice that night: the first time (BST, +01:00) or the second (GMT, +00:00)?',
    );
  });
});
