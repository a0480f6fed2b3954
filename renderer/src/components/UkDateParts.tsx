/**
 * The pieces every date and time entry in the window is built from, so each form asks the same way:
 * a day / month / year date whatever the computer's language (React Aria's DateField with en-GB
 * forced), echoed in words; a 24-hour time; the question for the hour that happens twice when the
 * clocks go back (shared/uk-time.ts); and the hidden inputs React Aria keeps kept out of autofill.
 */
import { CalendarDate, Time } from '@internationalized/date';
import { useLayoutEffect, type RefObject } from 'react';
import { DateField, DateInput, DateSegment, Label, TimeField } from 'react-aria-components';
import { realDate } from '../../../shared/uk-time.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';

const pad = (n: number) => String(n).padStart(2, '0');

export function fromCalendarDate(d: CalendarDate | null): string {
  return d ? `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}` : '';
}

export function toTime(time: string): Time | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return m ? new Time(Number(m[1]), Number(m[2])) : null;
}

/**
 * React Aria keeps each value in hidden inputs of its own (for native forms), which it gives no
 * autocomplete or spellcheck attribute: ask the browser not to save or restore them either.
 */
export function useNoAutofill(box: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    for (const el of Array.from(box.current?.querySelectorAll('input') ?? [])) {
      if (el.type === 'checkbox' || el.type === 'radio') continue;
      el.setAttribute('autocomplete', 'off');
      el.setAttribute('spellcheck', 'false');
    }
  });
}

/**
 * A date, day / month / year, echoed in words. Value YYYY-MM-DD or ''. Its error shows under it
 * when `error` is given; `describedBy` adds descriptions shown elsewhere (a fieldset's one error).
 */
export function UkDateInput({
  id,
  label,
  value,
  onChange,
  error,
  invalid,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  onChange(date: string): void;
  error?: string | undefined;
  invalid?: boolean;
  describedBy?: string | undefined;
}) {
  const t = useT();
  const w = useWords();
  const words = value ? w.dateInWords(value) : null;
  return (
    <DateField
      className="field"
      id={id}
      value={realDate(value)}
      onChange={(d: CalendarDate | null) => onChange(fromCalendarDate(d))}
      granularity="day"
      shouldForceLeadingZeros
      isInvalid={Boolean(error) || invalid === true}
      aria-describedby={[`${id}-hint`, `${id}-words`, error ? `${id}-error` : '', describedBy ?? '']
        .filter(Boolean)
        .join(' ')}
    >
      <Label>{label}</Label>
      <span className="hint" id={`${id}-hint`}>
        {t('incident.when.date-hint')}
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
  );
}

/** A 24-hour time, HH:MM or ''. */
export function UkTimeInput({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange(time: string): void;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <TimeField
      className="field"
      id={id}
      value={toTime(value)}
      onChange={(v) => onChange(v ? `${pad(v.hour)}:${pad(v.minute)}` : '')}
      hourCycle={24}
      shouldForceLeadingZeros
      isInvalid={Boolean(error)}
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
    >
      <Label>{t('incident.when.time')}</Label>
      <span className="hint" id={`${id}-hint`}>
        {t('incident.when.time-hint')}
      </span>
      <DateInput className="input date-input">
        {(segment) => <DateSegment className="date-segment" segment={segment} />}
      </DateInput>
      {error ? (
        <p className="error-text" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </TimeField>
  );
}

/** "Which 01:30?": the hour that happened twice when the clocks went back, asked, never guessed. */
export function FoldQuestion({
  id,
  time,
  twice,
  value,
  onChange,
  error,
}: {
  id: string;
  time: string;
  twice: { first: string; second: string };
  value: 'first' | 'second' | '';
  onChange(fold: 'first' | 'second'): void;
  error?: boolean;
}) {
  const t = useT();
  const words = useWords();
  return (
    <div
      className="fold"
      id={id}
      role="radiogroup"
      aria-labelledby={`${id}-question`}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <p id={`${id}-question`} className="fold-question">
        {words.twiceQuestion(time, twice)}
      </p>
      {(['first', 'second'] as const).map((f) => (
        <label className="check" key={f}>
          <input type="radio" name={id} checked={value === f} onChange={() => onChange(f)} />
          <span>{t(`incident.when.fold.${f}`, { zone: twice[f] === 'Z' ? 'GMT, +00:00' : `BST, ${twice[f]}` })}</span>
        </label>
      ))}
      {error ? (
        <p className="error-text" id={`${id}-error`}>
          {t('incident.when.fold-missing')}
        </p>
      ) : null}
    </div>
  );
}
