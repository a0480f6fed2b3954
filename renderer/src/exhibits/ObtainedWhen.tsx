/**
 * "When it was saved or made": an optional day / month / year date and 24-hour time, the UK way
 * whatever the computer's language (React Aria fields in en-GB, as components/DateTimeField.tsx),
 * the time in UK time (GMT/BST) worked out for that date by shared/uk-time.ts; the hour that
 * happens twice is asked, never guessed.
 */
import { CalendarDate, Time } from '@internationalized/date';
import { useLayoutEffect, useRef } from 'react';
import { DateField, DateInput, DateSegment, I18nProvider, Label, TimeField } from 'react-aria-components';
import { UK_ZONE_LABEL, checkWhen, dateInWords, realDate, twiceQuestion, ukOffset } from '../../../shared/uk-time.js';

export interface ObtainedWhenValue {
  date: string;
  time: string;
  fold: 'first' | 'second' | '';
}

const pad = (n: number) => String(n).padStart(2, '0');

function toTime(time: string): Time | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return m ? new Time(Number(m[1]), Number(m[2])) : null;
}

/** The stored text ('' not given, YYYY-MM-DD, or YYYY-MM-DDTHH:MM±HH:MM), or a plain-English problem. */
export function obtainedAtFrom(v: ObtainedWhenValue): { ok: true; value: string } | { ok: false; message: string } {
  if (v.date === '' && v.time === '') return { ok: true, value: '' };
  const r = checkWhen({ date: v.date, time: v.time, zone: 'uk', offset: 'Z', fold: v.fold });
  if (!r.ok) return { ok: false, message: r.message };
  if (!r.time || !r.offset) return { ok: true, value: r.date };
  return { ok: true, value: `${r.date}T${r.time}${r.offset === 'Z' ? '+00:00' : r.offset}` };
}

/** The form's value for stored text (the fold from the offset, for the hour that happened twice). */
export function obtainedWhenOf(text: string): ObtainedWhenValue {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})([+-]\d{2}:\d{2}|Z)?)?/.exec(text);
  if (!m) return { date: '', time: '', fold: '' };
  const date = m[1] ?? '';
  const time = m[2] ?? '';
  let fold: ObtainedWhenValue['fold'] = '';
  if (time && m[3] && realDate(date)) {
    const uk = ukOffset(date, time);
    const same = (a: string, b: string) => (a === 'Z' ? '+00:00' : a) === (b === 'Z' ? '+00:00' : b);
    if (uk.kind === 'twice') fold = same(uk.first, m[3]) ? 'first' : 'second';
  }
  return { date, time, fold };
}

export function ObtainedWhen({
  idPrefix,
  legend,
  value,
  error,
  onChange,
}: {
  idPrefix: string;
  legend: string;
  value: ObtainedWhenValue;
  error: string | undefined;
  onChange(v: ObtainedWhenValue): void;
}) {
  const ids = { date: `${idPrefix}-date`, time: `${idPrefix}-time`, fold: `${idPrefix}-fold` };
  const box = useRef<HTMLFieldSetElement>(null);
  // React Aria keeps each value in hidden inputs of its own: the browser must not save or restore
  // them either (as components/DateTimeField.tsx does).
  useLayoutEffect(() => {
    for (const el of Array.from(box.current?.querySelectorAll('input') ?? [])) {
      if (el.type === 'checkbox' || el.type === 'radio') continue;
      el.setAttribute('autocomplete', 'off');
      el.setAttribute('spellcheck', 'false');
    }
  });
  const date = realDate(value.date);
  const words = dateInWords(value.date);
  const twice = date && toTime(value.time) ? ukOffset(value.date, value.time) : null;
  return (
    <I18nProvider locale="en-GB">
      <fieldset className="when" ref={box}>
        <legend>{legend}</legend>
        <p className="hint" id={`${idPrefix}-when-hint`}>
          Leave it blank if you are not sure. Times are {UK_ZONE_LABEL}.
        </p>
        <div className="row">
          <DateField
            className="field"
            id={ids.date}
            value={date ? new CalendarDate(date.year, date.month, date.day) : null}
            onChange={(d) =>
              onChange({
                ...value,
                date: d ? `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}` : '',
                fold: '',
              })
            }
            granularity="day"
            shouldForceLeadingZeros
            isInvalid={Boolean(error)}
            aria-describedby={[`${ids.date}-hint`, `${ids.date}-words`, error ? `${idPrefix}-when-error` : '']
              .filter(Boolean)
              .join(' ')}
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
          </DateField>
          <TimeField
            className="field"
            id={ids.time}
            value={toTime(value.time)}
            onChange={(t) => onChange({ ...value, time: t ? `${pad(t.hour)}:${pad(t.minute)}` : '', fold: '' })}
            hourCycle={24}
            shouldForceLeadingZeros
            aria-describedby={`${ids.time}-hint`}
          >
            <Label>Time (if known)</Label>
            <span className="hint" id={`${ids.time}-hint`}>
              24-hour clock, like 21:40
            </span>
            <DateInput className="input date-input">
              {(segment) => <DateSegment className="date-segment" segment={segment} />}
            </DateInput>
          </TimeField>
        </div>
        {twice?.kind === 'twice' ? (
          <div className="fold" role="radiogroup" aria-labelledby={`${ids.fold}-question`}>
            <p id={`${ids.fold}-question`} className="fold-question">
              {twiceQuestion(value.time, twice)}
            </p>
            {(['first', 'second'] as const).map((f) => (
              <label className="check" key={f}>
                <input
                  type="radio"
                  name={ids.fold}
                  checked={value.fold === f}
                  onChange={() => onChange({ ...value, fold: f })}
                />
                <span>
                  The {f} time ({twice[f] === 'Z' ? 'GMT, +00:00' : `BST, ${twice[f]}`})
                </span>
              </label>
            ))}
          </div>
        ) : null}
        {value.date !== '' || value.time !== '' ? (
          <div className="btn-row when-actions">
            <button className="btn-link" type="button" onClick={() => onChange({ date: '', time: '', fold: '' })}>
              Clear the date and time
            </button>
          </div>
        ) : null}
        {error ? (
          <p className="error-text" id={`${idPrefix}-when-error`}>
            {error}
          </p>
        ) : null}
      </fieldset>
    </I18nProvider>
  );
}
