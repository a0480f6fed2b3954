/**
 * "When it happened": a day / month / year date whatever the computer's language (React Aria's
 * DateField with the en-GB locale forced), echoed in words; a 24-hour time, empty unless she types
 * one or chooses "Just now"; the zone "UK time (GMT/BST)" unless she picks another UTC offset; and,
 * for the hour that happens twice when the clocks go back, the question which one (shared/uk-time.ts).
 */
import { useRef } from 'react';
import { I18nProvider } from 'react-aria-components';
import { realDate, ukNow, ukOffset } from '../../../shared/uk-time.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
import { FoldQuestion, UkDateInput, UkTimeInput, toTime, useNoAutofill } from './UkDateParts.js';

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
  const t = useT();
  const words = useWords();
  const box = useRef<HTMLFieldSetElement>(null);
  useNoAutofill(box);
  const twice = twiceFor(value);

  return (
    <I18nProvider locale="en-GB">
      <fieldset className="when" ref={box}>
        <legend>{t('incident.when.legend')}</legend>
        <div className="row">
          <UkDateInput
            id={ids.date}
            label={t('incident.when.date')}
            value={value.date}
            onChange={(d) => onChange({ date: d, fold: '' }, { date: true })}
            error={errors.date}
          />
          <UkTimeInput
            id={ids.time}
            value={value.time}
            onChange={(time) => onChange({ time, fold: '' }, { clock: false })}
            error={errors.time}
          />
          <div className="field">
            <label htmlFor={ids.offset}>{t('incident.when.time-zone')}</label>
            <span className="hint" id={`${ids.offset}-hint`}>
              {t('incident.when.time-zone-hint')}
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
              <option value="uk">{words.zoneLabel}</option>
              {offsets.map((o) => (
                <option key={o} value={o}>
                  {`UTC${o === 'Z' ? ' (GMT)' : o}`}
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
            {t('incident.when.just-now')}
          </button>
          {value.time !== '' ? (
            <button
              className="btn-link"
              type="button"
              onClick={() => onChange({ time: '', fold: '' }, { clock: false })}
            >
              {t('incident.when.clear-time')}
            </button>
          ) : null}
        </div>
        {twice ? (
          <FoldQuestion
            id={ids.fold}
            time={value.time}
            twice={twice}
            value={value.fold}
            onChange={(f) => onChange({ fold: f }, {})}
            error={Boolean(errors.fold)}
          />
        ) : null}
        <label className="check">
          <input type="checkbox" checked={approximate} onChange={(e) => onApproximate(e.target.checked)} />
          <span>{t('incident.when.not-sure')}</span>
        </label>
      </fieldset>
    </I18nProvider>
  );
}
