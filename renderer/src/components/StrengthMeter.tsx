/** The strength meter: zxcvbn-ts's score for a passphrase being chosen. */
import { useEffect, useState } from 'react';
import { loadChecker, type Strength } from '../../../shared/passphrase.js';
import { useLanguage, useT } from '../i18n/index.js';

// The rule lives in shared/passphrase.ts (the CLI's init applies it too).
export {
  MIN_PASSPHRASE_LENGTH,
  PASSPHRASES_DIFFER,
  loadChecker,
  passphraseProblem,
  type Strength,
} from '../../../shared/passphrase.js';

const LABELS = ['very-weak', 'weak', 'fair', 'strong', 'very-strong'] as const;

export function useStrength(password: string): Strength | null {
  const [result, setResult] = useState<Strength | null>(null);
  useEffect(() => {
    let live = true;
    if (password === '') {
      setResult(null);
      return;
    }
    void loadChecker().then((check) => {
      if (live) setResult(check(password));
    });
    return () => {
      live = false;
    };
  }, [password]);
  return result;
}

export function StrengthMeter({ id, strength }: { id: string; strength: Strength | null }) {
  const t = useT();
  const { language } = useLanguage();
  const score = strength?.score ?? 0;
  return (
    <div id={id} className="hint" aria-live="polite">
      <div className="meter" data-score={strength ? String(score) : 'none'} aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
      {strength ? (
        <p>
          {t('strength.label')} <strong>{t(`strength.${LABELS[score]}`)}</strong>
          {/* The checker (zxcvbn) words its warnings in English only: in Welsh, our own tip instead. */}
          {language === 'en' && strength.warning ? `. ${strength.warning}` : ''}
          {language === 'en' && strength.score < 3 && strength.suggestions[0] ? ` ${strength.suggestions[0]}` : ''}
          {language !== 'en' && strength.score < 3 ? `. ${t('strength.tip')}` : ''}
        </p>
      ) : (
        <p>{t('strength.tip')}</p>
      )}
    </div>
  );
}
