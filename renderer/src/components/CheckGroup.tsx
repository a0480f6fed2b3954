/** A fieldset of checkboxes choosing some of a list (categories, escalation signals, private fields). */
export function CheckGroup<T extends string>({
  legend,
  hint,
  options,
  value,
  onChange,
  columns = true,
}: {
  legend: string;
  hint?: string;
  options: readonly { id: T; label: string }[];
  value: readonly T[];
  onChange(value: T[]): void;
  /** Side by side in columns (short labels); false: one under another. */
  columns?: boolean;
}) {
  const boxes = options.map((o) => (
    <label key={o.id} className="check">
      <input
        type="checkbox"
        checked={value.includes(o.id)}
        onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((x) => x !== o.id))}
      />
      <span>{o.label}</span>
    </label>
  ));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      {columns ? <div className="checks">{boxes}</div> : boxes}
    </fieldset>
  );
}
