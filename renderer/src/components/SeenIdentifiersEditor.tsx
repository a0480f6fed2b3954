/**
 * "What was seen" (issue 12, item 5): the identifiers used in one incident, as they appeared (a
 * handle, a number, an e-mail address, a web address, a vehicle). Separate from "Believed
 * responsible", which links to a person she has recorded.
 */
import { IDENTIFIER_KINDS, IDENTIFIER_LABELS, type SeenIdentifier } from '../../../shared/model.js';
import { ChoiceField, TextField } from './Field.js';

export function SeenIdentifiersEditor({
  value,
  onChange,
}: {
  value: SeenIdentifier[];
  onChange(v: SeenIdentifier[]): void;
}) {
  const setAt = (i: number, x: SeenIdentifier) => onChange(value.map((y, j) => (j === i ? x : y)));
  return (
    <fieldset>
      <legend>What was seen</legend>
      <p className="hint">
        The handle, number, e-mail address, web address or vehicle as it appeared, exactly as written. Whom you believe
        it was goes under “Believed responsible”.
      </p>
      {value.map((x, i) => (
        <div key={i} className="report-box" role="group" aria-label={`What was seen ${i + 1}`}>
          <div className="row">
            <ChoiceField
              id={`seen-${i}-kind`}
              label="Kind"
              value={x.kind}
              choices={IDENTIFIER_KINDS}
              labels={IDENTIFIER_LABELS}
              onChange={(kind) => kind && setAt(i, { ...x, kind })}
            />
            <TextField
              id={`seen-${i}-value`}
              label="As it appeared"
              value={x.value}
              onChange={(v) => setAt(i, { ...x, value: v })}
            />
            <TextField
              id={`seen-${i}-platform`}
              label="Platform or app"
              value={x.platform ?? ''}
              onChange={(v) => setAt(i, { ...x, platform: v })}
            />
          </div>
          <button
            className="btn"
            type="button"
            aria-label={`Remove what was seen ${i + 1}${x.value ? `: ${x.value}` : ''}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="btn-row">
        <button className="btn" type="button" onClick={() => onChange([...value, { kind: 'handle', value: '' }])}>
          Add what was seen
        </button>
      </div>
    </fieldset>
  );
}
