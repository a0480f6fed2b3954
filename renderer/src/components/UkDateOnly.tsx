/**
 * A date alone (no time): day / month / year whatever the computer's language (React Aria's
 * DateField with en-GB forced, as in DateTimeField), echoed in words. Value YYYY-MM-DD or ''.
 */
import type { CalendarDate } from '@internationalized/date';
import { DateField, DateInput, DateSegment, I18nProvider, Label } from 'react-aria-components';
import { dateInWords, realDate } from '../../../shared/uk-time.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date alone, day / month / year with the en-GB order forced, echoed in words. */
export function UkDateOnly({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  onChange(date: string): void;
}) {
  const words = value ? dateInWords(value) : null;
  return (
    <I18nProvider locale="en-GB">
      <DateField
        className="field"
        id={id}
        value={realDate(value)}
        onChange={(d: CalendarDate | null) =>
          onChange(d ? `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}` : '')
        }
        granularity="day"
        shouldForceLeadingZeros
        isInvalid={Boolean(error)}
        aria-describedby={[`${id}-hint`, `${id}-words`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      >
        <Label>{label}</Label>
        <span className="hint" id={`${id}-hint`}>
          Day, month, year
        </span>
        <DateInput className="input date-input">
          {(segment) => <DateSegment className="date-segment" segment={segment} />}
        </DateInput>
        <span className="hint date-words" id={`${id}-words`} aria-live="polite">
          {words ?? '\u00a0'}
        </span>
        {error ? (
          <p className="error-text" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </DateField>
    </I18nProvider>
  );
}
