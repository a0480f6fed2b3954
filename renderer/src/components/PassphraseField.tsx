import type { ReactNode, Ref } from 'react';

/**
 * A passphrase input with its label, its error (tied to it by id) and what follows it (the
 * strength meter): for making a vault and for changing the passphrase.
 */
export function PassphraseField({
  id,
  label,
  value,
  onChange,
  error,
  describedBy,
  inputRef,
  invalid,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** Shown under the input, and read out with it. */
  error?: string | null | false | undefined;
  /** Ids of other descriptions, e.g. the strength meter's. */
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Marked invalid when the error is shown elsewhere (a form's one message line). */
  invalid?: boolean;
  children?: ReactNode;
}) {
  const errorId = `${id}-error`;
  const described = [describedBy, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error || invalid ? true : undefined}
        aria-describedby={described || undefined}
      />
      {error ? (
        <p id={errorId} className="error-text">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}
