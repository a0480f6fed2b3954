/** The timeline card's exhibit count in words ("3 exhibits: 2 pictures, 1 e-mail"), English unchanged, and Welsh. */
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en.js';
import { cy } from '../../renderer/src/i18n/cy.js';
import type { Translate } from '../../renderer/src/i18n/index.js';
import { exhibitSummary } from '../../renderer/src/components/Chips.js';
import type { Incident } from '../../shared/model.js';

function translate(language: 'en' | 'cy'): Translate {
  const intl = createIntl({ locale: language === 'cy' ? 'cy' : 'en-GB', messages: language === 'cy' ? cy : en });
  return (id, values) => intl.formatMessage({ id }, values);
}

const exhibit = (kind: 'file' | 'physical', mediaType: string, name: string) => ({ kind, mediaType, name });
const incident = (exhibits: ReturnType<typeof exhibit>[]) => ({ exhibits }) as unknown as Incident;

describe('exhibitSummary', () => {
  const three = incident([
    exhibit('file', 'image/png', 'a.png'),
    exhibit('file', 'message/rfc822', 'b.eml'),
    exhibit('file', 'image/jpeg', 'c.jpg'),
  ]);

  it('counts in English as before, a physical item as one', () => {
    expect(exhibitSummary(three, translate('en'))).toBe('3 exhibits: 2 pictures, 1 e-mail');
    expect(exhibitSummary(three)).toBe('3 exhibits: 2 pictures, 1 e-mail');
    expect(exhibitSummary(incident([]))).toBe('No exhibits');
    expect(
      exhibitSummary(incident([exhibit('physical', '', 'Letter'), exhibit('file', 'application/pdf', 'x.pdf')])),
    ).toBe('2 exhibits: 1 physical item, 1 pdf document');
  });

  it('counts in Welsh', () => {
    expect(exhibitSummary(three, translate('cy'))).toBe('3 arddangosyn: 2 llun, 1 e-bost');
    expect(exhibitSummary(incident([]), translate('cy'))).toBe('Dim arddangosion');
  });
});
