/**
 * An instant (importedAt, an e-mail's date) in UK time in the window's language: English exactly as
 * formatInstant gives it ("12 November 2019 at 20:31 GMT"); Welsh with the month from the catalogue
 * ("12 Tachwedd 2019 am 20:31 GMT"), since Chromium's Intl has no Welsh month names.
 */
import { useCallback } from 'react';
import { formatInstant } from '../format.js';
import { useLanguage, useT, type MessageId } from '../i18n/index.js';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

export function useInstant(): (iso: string) => string {
  const t = useT();
  const { language } = useLanguage();
  return useCallback(
    (iso: string) => {
      if (language === 'en') return formatInstant(iso);
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      const p = Object.fromEntries(PARTS.formatToParts(d).map((x) => [x.type, x.value]));
      return t('exhibits.instant', {
        day: Number(p.day),
        month: t(`month.${Number(p.month)}` as MessageId),
        year: p.year ?? '',
        time: `${p.hour ?? ''}:${p.minute ?? ''}`,
        zone: p.timeZoneName ?? '',
      });
    },
    [t, language],
  );
}
