/**
 * Dates and times in the window's language. Dates are the calendar dates as recorded (read in UTC
 * so no zone moves them); times keep their recorded offset.
 */
import { useMemo } from 'react';
import type { OccurredAt } from '../../../shared/model.js';
import { offsetLabel } from '../../../shared/format.js';
import { useT, type MessageId } from './index.js';

export interface Dates {
  /** "Thursday 14 November 2019" / "Dydd Iau 14 Tachwedd 2019". */
  day(date: string): string;
  /** "November 2019" / "Tachwedd 2019". */
  month(date: string): string;
  /** "20:15 (UTC+01:00)", "About 20:15 …", or that the time is not known. */
  time(at: OccurredAt): string;
}

export function useDates(): Dates {
  const t = useT();
  return useMemo(() => {
    // Month and weekday names come from the catalogue, not Intl: browsers ship ICU data without
    // Welsh (Chromium's Intl gives English for 'cy').
    const parts = (date: string) => {
      const d = new Date(`${date}T00:00:00Z`);
      return {
        weekday: t(`weekday.${d.getUTCDay()}` as MessageId),
        day: d.getUTCDate(),
        month: t(`month.${d.getUTCMonth() + 1}` as MessageId),
        year: d.getUTCFullYear(),
      };
    };
    return {
      day: (date) => t('date.day', parts(date)),
      month: (date) => {
        const p = parts(`${date.slice(0, 7)}-01`);
        return t('date.month', { month: p.month, year: p.year });
      },
      time: (at) => {
        if (!at.time) return at.approximate ? t('time.about-date-only') : t('time.date-only');
        const time = `${at.time.slice(0, 5)} (${offsetLabel(at.offset)})`;
        return at.approximate ? t('time.about', { time }) : time;
      },
    };
  }, [t]);
}
