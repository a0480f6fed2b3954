/**
 * A date alone (no time): day / month / year whatever the computer's language, echoed in words.
 * Value YYYY-MM-DD or ''.
 */
import { I18nProvider } from 'react-aria-components';
import { UkDateInput } from './UkDateParts.js';

export function UkDateOnly({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  onChange(date: string): void;
}) {
  return (
    <I18nProvider locale="en-GB">
      <UkDateInput id={id} label={label} value={value} error={error} onChange={onChange} />
    </I18nProvider>
  );
}
