/**
 * "What was seen" (issue 12, item 5): the identifiers used in one incident, as they appeared (a
 * handle, a number, an e-mail address, a web address, a vehicle). Separate from "Believed
 * responsible", which links to a person she has recorded.
 */
import { IDENTIFIER_KINDS, type SeenIdentifier } from '../../../shared/model.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
import { ChoiceField, TextField } from './Field.js';

export function SeenIdentifiersEditor({
  value,
  onChange,
}: {
  value: SeenIdentifier[];
  onChange(v: SeenIdentifier[]): void;
}) {
  const t = useT();
  const words = useWords();
  const setAt = (i: number, x: SeenIdentifier) => onChange(value.map((y, j) => (j === i ? x : y)));
  return (
    <fieldset>
      <legend>{t('incident.what-was-seen')}</legend>
      <p className="hint">{t('incident.seen.hint')}</p>
      {value.map((x, i) => (
        <div key={i} className="report-box" role="group" aria-label={t('incident.seen.group', { n: i + 1 })}>
          <div className="row">
            <ChoiceField
              id={`seen-${i}-kind`}
              label={t('incident.seen.kind')}
              value={x.kind}
              choices={IDENTIFIER_KINDS}
              labels={words.identifier}
              onChange={(kind) => kind && setAt(i, { ...x, kind })}
            />
            <TextField
              id={`seen-${i}-value`}
              label={t('incident.seen.value')}
              value={x.value}
              onChange={(v) => setAt(i, { ...x, value: v })}
            />
            <TextField
              id={`seen-${i}-platform`}
              label={t('incident.seen.platform')}
              value={x.platform ?? ''}
              onChange={(v) => setAt(i, { ...x, platform: v })}
            />
          </div>
          <button
            className="btn"
            type="button"
            aria-label={
              x.value
                ? t('incident.seen.remove-value', { n: i + 1, value: x.value })
                : t('incident.seen.remove', { n: i + 1 })
            }
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            {t('incident.remove')}
          </button>
        </div>
      ))}
      <div className="btn-row">
        <button className="btn" type="button" onClick={() => onChange([...value, { kind: 'handle', value: '' }])}>
          {t('incident.seen.add')}
        </button>
      </div>
    </fieldset>
  );
}
