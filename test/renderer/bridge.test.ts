/** errorMessage() in the window's language: Welsh for every code, the English as the core wrote it. */
import { describe, expect, it } from 'vitest';
import { BridgeError, errorMessage } from '../../renderer/src/bridge.js';
import { ERROR_CODES } from '../../shared/errors.js';
import { ERROR_TEXT_CY } from '../../shared/error-words.js';
import { issueDetail } from '../../shared/plain-errors.js';

describe('errorMessage', () => {
  it('in Welsh: each code’s meaning and next step', () => {
    for (const code of [...ERROR_CODES, 'NO_HOST' as const]) {
      const e = new BridgeError(code, 'The English, with what to do.');
      expect(errorMessage(e, 'cy'), code).toBe(ERROR_TEXT_CY[code]);
      expect(errorMessage(e, 'en'), code).toBe('The English, with what to do.');
    }
  });

  it('in Welsh: a refused field in words, from the detail the service sent', () => {
    const issue = issueDetail(
      { code: 'too_big', path: ['input', 'location'], message: 'Too big', origin: 'string', maximum: 2000 },
      { input: { location: 'y'.repeat(2345) } },
    );
    const e = new BridgeError('INVALID_INPUT', 'The place can be up to 2,000 characters; it has 2,345.', { issue });
    expect(errorMessage(e, 'cy')).toBe(
      'Gall y lle fod hyd at 2,000 nod (2,345 ar hyn o bryd). Byrhewch y testun, yna cadwch eto.',
    );
    expect(errorMessage(e, 'en')).toBe('The place can be up to 2,000 characters; it has 2,345.');
  });

  it('the window’s own errors keep their words; nothing known is said plainly; English by default', () => {
    expect(errorMessage(new Error('Rhowch y dyddiad.'), 'cy')).toBe('Rhowch y dyddiad.');
    expect(errorMessage('?', 'cy')).toBe('Aeth rhywbeth o’i le. Ni newidiwyd dim.');
    expect(errorMessage('?')).toBe('Something went wrong. Nothing was changed.');
    expect(errorMessage(new BridgeError('CANCELLED', ''), 'cy')).toBe('');
    expect(errorMessage(new BridgeError('VAULT_LOCKED', 'The vault is locked. Unlock it first.'))).toBe(
      'The vault is locked. Unlock it first.',
    );
  });
});
