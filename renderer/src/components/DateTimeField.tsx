/**
 * "When it happened": a day / month / year date whatever the computer's language (React Aria's
 * DateField with the en-GB locale forced), echoed in words; a 24-hour time, empty unless she types
 * one or chooses "Just now"; the zone "UK time (GMT/BST)" unless she picks another UTC offset; and,
 * for the hour that happens twice when the clocks go back, the question which one (shared/uk-time.ts).
 */
import { CalendarDate, Time } from '@internationalized/date';
import { useLayoutEffect, useRef } from 'react';
import { DateField, DateInput, DateSegment, I18nProvider, Label, TimeField } from 'react-aria-components';
import { UK_ZONE_LABEL, dateInWords, realDate, twiceQuestion, ukNow, ukOffset } from '../../../shared/uk-time.js';

export interface When {
  date: string;
  time: string;
  zone: 'uk' | 'offset';
  offset: string;
  fold: 'first' | 'second' | '';
}

export interface WhenErrors {
  date?: string | undefined;
  time?: string | undefined;
  fold?: string | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function toCalendarDate(date: string): CalendarDate | null {
  return realDate(date);
}
function fromCalendarDate(d: CalendarDate | null): string {
  return d ? `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}` : '';
}
function toTime(time: string): Time | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return m ? new Time(Number(m[1]), Number(m[2])) : null;
}

/** What the hour that happened twice offers, or null when this date and time are not one. */
function twiceFor(w: When): { first: string; second: string } | null {
  if (w.zone !== 'uk' || !realDate(w.date) || !toTime(w.time)) return null;
  const uk = ukOffset(w.date, w.time);
  return uk.kind === 'twice' ? uk : null;
}

export function DateTimeField({
  idPrefix,
  value,
  offsets,
  errors,
  onChange,
  approximate,
  onApproximate,
}: {
  idPrefix: string;
  value: When;
  /** The other UTC offsets on offer (for an incident abroad): "Z", "+01:00", "-05:00"… */
  offsets: readonly string[];
  errors: WhenErrors;
  /** `clock`: true when the time was filled from the clock ("Just now"), false when she typed or cleared it. */
  onChange(patch: Partial<When>, how: { clock?: boolean; date?: boolean }): void;
  approximate: boolean;
  onApproximate(v: boolean): void;
}) {
  const ids = {
    date: `${idPrefix}-date`,
    time: `${idPrefix}-time`,
    offset: `${idPrefix}-offset`,
    fold: `${idPrefix}-fold`,
  };
  const box = useRef<HTMLFieldSetElement>(null);
  // React Aria keeps each value in hidden inputs of its own (for native forms), which it gives no
  // autocomplete or spellcheck attribute: ask the browser not to save or restore them either.
  useLayoutEffect(() => {
    for (const el of Array.from(box.current?.querySelectorAll('input') ?? [])) {
      if (el.type === 'checkbox' || el.type === 'radio') continue;
      el.setAttribute('autocomplete', 'off');
      el.setAttribute('spellcheck', 'false');
    }
  });
  const words = dateInWords(value.date);
  const twice = twiceFor(value);
  const describedBy = (k: keyof WhenErrors, ...more: string[]) =>
    [...more, errors[k] ? `${ids[k]}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <I18nProvider locale="en-GB">
      <fieldset className="when" ref={box}>
        <legend>When it happened</legend>
        <div className="row">
          <DateField
            className="field"
            id={ids.date}
            value={toCalendarDate(value.date)}
            onChange={(d) => onChange({ date: fromCalendarDate(d), fold: '' }, { date: true })}
            granularity="day"
            shouldForceLeadingZeros
            isInvalid={Boolean(errors.date)}
            aria-describedby={describedBy('date', `${ids.date}-hint`, `${ids.date}-words`)}
          >
            <Label>Date</Label>
            <span className="hint" id={`${ids.date}-hint`}>
              Day, month, year
            </span>
            <DateInput className="input date-input">
              {(segment) => <DateSegment className="date-segment" segment={segment} />}
            </DateInput>
            <span className="hint date-words" id={`${ids.date}-words`} aria-live="polite">
              {words ?? '\u00a0'}
            </span>
            {errors.date ? (
              <p className="error-text" id={`${ids.date}-error`}>
                {errors.date}
              </p>
            ) : null}
          </DateField>
          <TimeField
            className="field"
            id={ids.time}
            value={toTime(value.time)}
            onChange={(t) => onChange({ time: t ? `${pad(t.hour)}:${pad(t.minute)}` : '', fold: '' }, { clock: false })}
            hourCycle={24}
            shouldForceLeadingZeros
            isInvalid={Boolean(errors.time)}
            aria-describedby={describedBy('time', `${ids.time}-hint`)}
          >
            <Label>Time (if known)</Label>
            <span className="hint" id={`${ids.time}-hint`}>
              24-hour clock, like 21:40
            </span>
            <DateInput className="input date-input">
              {(segment) => <DateSegment className="date-segment" segment={segment} />}
            </DateInput>
            {errors.time ? (
              <p className="error-text" id={`${ids.time}-error`}>
                {errors.time}
              </p>
            ) : null}
          </TimeField>
          <div className="field">
            <label htmlFor={ids.offset}>Time zone</label>
            <span className="hint" id={`${ids.offset}-hint`}>
              Another only if it was abroad
            </span>
            <select
              id={ids.offset}
              value={value.zone === 'uk' ? 'uk' : value.offset}
              disabled={value.time === ''}
              aria-describedby={`${ids.offset}-hint`}
              onChange={(e) =>
                onChange(
                  e.target.value === 'uk' ? { zone: 'uk', fold: '' } : { zone: 'offset', offset: e.target.value },
                  {},
                )
              }
            >
              <option value="uk">{UK_ZONE_LABEL}</option>
              {offsets.map((o) => (
                <option key={o} value={o}>
                  UTC{o === 'Z' ? ' (GMT)' : o}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="btn-row when-actions">
          <button
            className="btn"
            type="button"
            onClick={() => {
              const now = ukNow();
              onChange({ date: now.date, time: now.time, zone: 'uk', fold: '' }, { clock: true, date: true });
            }}
          >
            Just now
          </button>
          {value.time !== '' ? (
            <button
              className="btn-link"
              type="button"
              onClick={() => onChange({ time: '', fold: '' }, { clock: false })}
            >
              Clear the time
            </button>
          ) : null}
        </div>
        {twice ? (
          <div
            className="fold"
            id={ids.fold}
            role="radiogroup"
            aria-labelledby={`${ids.fold}-question`}
            aria-invalid={errors.fold ? true : undefined}
            aria-describedby={errors.fold ? `${ids.fold}-error` : undefined}
          >
            <p id={`${ids.fold}-question`} className="fold-question">
              {twiceQuestion(value.time, twice)}
            </p>
            {(['first', 'second'] as const).map((f) => {
              const off = twice[f];
              const name = off === 'Z' ? 'GMT, +00:00' : `BST, ${off}`;
              return (
                <label className="check" key={f}>
                  <input
                    type="radio"
                    name={ids.fold}
                    checked={value.fold === f}
                    onChange={() => onChange({ fold: f }, {})}
                  />
                  <span>
                    The {f} time ({name})
                  </span>
                </label>
              );
            })}
            {errors.fold ? (
              <p className="error-text" id={`${ids.fold}-error`}>
                Choose the first or the second time.
              </p>
            ) : null}
          </div>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={approximate} onChange={(e) => onApproximate(e.target.checked)} />
          <span>I am not sure of the exact time</span>
        </label>
      </fieldset>
    </I18nProvider>
  );
}
