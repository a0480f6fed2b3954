import type { ReactNode } from 'react';
import { CharCount } from './CharCount.js';

/** A labelled form field: its hint and error are tied to the control by id. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children}
      {error ? (
        <p className="error-text" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A labelled one-line text input (text, tel, email, date); with `maxLength`, a character counter
 * by it (the input never cuts what is typed). Its direction follows what is typed (dir="auto").
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  maxLength,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'tel' | 'email' | 'date';
  maxLength?: number;
}) {
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type={type}
        dir="auto"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-describedby={maxLength ? `${id}-count` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {maxLength ? <CharCount id={`${id}-count`} value={value} max={maxLength} /> : null}
    </Field>
  );
}

/** A labelled drop-down of named choices, after an optional first choice `blank` (its value is ''). */
export function ChoiceField<T extends string>({
  id,
  label,
  value,
  choices,
  labels,
  blank,
  onChange,
}: {
  id: string;
  label: string;
  value: T | '';
  choices: readonly T[];
  labels: Readonly<Record<T, string>>;
  blank?: string;
  /** Called with '' only when `blank` is chosen. */
  onChange(value: T | ''): void;
}) {
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {choices.map((c) => (
          <option key={c} value={c}>
            {labels[c]}
          </option>
        ))}
      </select>
    </Field>
  );
}
