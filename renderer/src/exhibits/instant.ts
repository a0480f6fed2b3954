/**
 * An instant (importedAt, an e-mail's date) in UK time in the window's language: English exactly as
 * formatInstant gives it ("12 November 2019 at 20:31 GMT"); Welsh with the month from the catalogue
 * ("12 Tachwedd 2019 am 20:31 GMT"), since Chromium's Intl has no Welsh month names.
 */
import { useCallback } from 'react';
import { formatInstant } from '../format.js';
import { useLanguage, useT } from '../i18n/index.js';

export function useInstant(): (iso: string) => string {
  const t = useT();
  const { language } = useLanguage();
  return useCallback((iso: string) => formatInstant(iso, language === 'en' ? undefined : t), [t, language]);
}
