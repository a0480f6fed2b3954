/**
 * "When it was saved or made": an optional day / month / year date and 24-hour time, the UK way
 * whatever the computer's language (React Aria fields in en-GB, as components/DateTimeField.tsx),
 * the time in UK time (GMT/BST) worked out for that date by shared/uk-time.ts; the hour that
 * happens twice is asked, never guessed.
 */
import { useRef } from 'react';
import { I18nProvider } from 'react-aria-components';
import { realDate, ukOffset } from '../../../shared/uk-time.js';
import { currentWords } from '../i18n/words.js';
import { FoldQuestion, UkDateInput, UkTimeInput, toTime, useNoAutofill } from '../components/UkDateParts.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';

export interface ObtainedWhenValue {
  date: string;
  time: string;
  fold: 'first' | 'second' | '';
}

/** The stored text ('' not given, YYYY-MM-DD, or YYYY-MM-DDTHH:MM±HH:MM), or a plain-English problem. */
export function obtainedAtFrom(v: ObtainedWhenValue): { ok: true; value: string } | { ok: false; message: string } {
  if (v.date === '' && v.time === '') return { ok: true, value: '' };
  // The problem in the window's language (shared/uk-time.ts words it).
  const r = currentWords().checkWhen({ date: v.date, time: v.time, zone: 'uk', offset: 'Z', fold: v.fold });
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
  const t = useT();
  const w = useWords();
  useNoAutofill(box);
  const twice = realDate(value.date) && toTime(value.time) ? ukOffset(value.date, value.time) : null;
  return (
    <I18nProvider locale="en-GB">
      <fieldset className="when" ref={box}>
        <legend>{legend}</legend>
        <p className="hint" id={`${idPrefix}-when-hint`}>
          {t('exhibits.when.hint', { zone: w.zoneLabel })}
        </p>
        <div className="row">
          <UkDateInput
            id={ids.date}
            label={t('exhibits.when.date')}
            value={value.date}
            onChange={(d) => onChange({ ...value, date: d, fold: '' })}
            invalid={Boolean(error)}
            describedBy={error ? `${idPrefix}-when-error` : undefined}
          />
          <UkTimeInput id={ids.time} value={value.time} onChange={(t) => onChange({ ...value, time: t, fold: '' })} />
        </div>
        {twice?.kind === 'twice' ? (
          <FoldQuestion
            id={ids.fold}
            time={value.time}
            twice={twice}
            value={value.fold}
            onChange={(f) => onChange({ ...value, fold: f })}
          />
        ) : null}
        {value.date !== '' || value.time !== '' ? (
          <div className="btn-row when-actions">
            <button className="btn-link" type="button" onClick={() => onChange({ date: '', time: '', fold: '' })}>
              {t('exhibits.when.clear')}
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
