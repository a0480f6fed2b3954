/**
 * Why a new passphrase will not do, in the window's words. The rule itself stays in
 * shared/passphrase.ts (passphraseProblem, which the CLI's init applies too); this only chooses the
 * catalogue's wording for the problem it finds.
 */
import { MIN_PASSPHRASE_LENGTH, passphraseProblem, type Strength } from '../../../shared/passphrase.js';
import type { Translate } from '../i18n/index.js';

export function passphraseProblemText(t: Translate, pass: string, strength: Strength | null): string | null {
  if (passphraseProblem(pass, strength) === null) return null;
  if (pass.length === 0) return t('keys.pass.choose');
  if (pass.length < MIN_PASSPHRASE_LENGTH) return t('keys.pass.short', { min: MIN_PASSPHRASE_LENGTH });
  return t('keys.pass.weak');
}

/** The new passphrase's problem, or that the two typed differ, or null. */
export function newPassphraseProblem(
  t: Translate,
  pass: string,
  confirm: string,
  strength: Strength | null,
): string | null {
  return passphraseProblemText(t, pass, strength) ?? (pass !== confirm ? t('keys.pass.differ') : null);
}
