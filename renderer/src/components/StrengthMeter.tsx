/** Passphrase strength from zxcvbn-ts, loaded lazily (its dictionaries are large). */
import { useEffect, useState } from 'react';

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  warning: string;
  suggestions: string[];
}

type Checker = (password: string) => Strength;
let checkerPromise: Promise<Checker> | null = null;

export function loadChecker(): Promise<Checker> {
  checkerPromise ??= (async () => {
    const [core, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const factory = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    return (password: string): Strength => {
      const r = factory.check(password);
      return {
        score: r.score,
        warning: r.feedback.warning ?? '',
        suggestions: r.feedback.suggestions,
      };
    };
  })();
  return checkerPromise;
}

export const MIN_PASSPHRASE_LENGTH = 10;
export const PASSPHRASES_DIFFER = 'The two passphrases are not the same.';

/** Why a new passphrase will not do, or null: one rule for making a vault and changing the passphrase. */
export function passphraseProblem(pass: string, strength: Strength | null): string | null {
  if (pass.length === 0) return 'Choose a passphrase.';
  if (pass.length < MIN_PASSPHRASE_LENGTH) return `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (strength && strength.score < 2) return 'This passphrase is too easy to guess. Add another word or two.';
  return null;
}

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

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
          Strength: <strong>{LABELS[score]}</strong>
          {strength.warning ? `. ${strength.warning}` : ''}
          {strength.score < 3 && strength.suggestions[0] ? ` ${strength.suggestions[0]}` : ''}
        </p>
      ) : (
        <p>Tip: three or four unrelated words make a passphrase that is strong and easy to remember.</p>
      )}
    </div>
  );
}
