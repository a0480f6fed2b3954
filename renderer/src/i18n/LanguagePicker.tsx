import { useId } from 'react';
import { LANGUAGES, useLanguage, useT } from './index.js';

/** Choose the window's language: in Settings and on the first screens. */
export function LanguagePicker() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const id = useId();
  return (
    <div className="field language-picker">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const chosen = LANGUAGES.find((l) => l === e.target.value);
          if (chosen) setLanguage(chosen);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l === 'cy' ? 'cy' : 'en-GB'}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      <p className="hint" id={`${id}-help`}>
        {t('language.help')}
      </p>
    </div>
  );
}
