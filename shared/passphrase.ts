/**
 * The rule for a new passphrase, one for every host: the app's create and change screens and the
 * CLI's init. zxcvbn-ts scores it; it is loaded only when a passphrase is being chosen (its
 * dictionaries are large).
 */

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  warning: string;
  suggestions: string[];
}

export type StrengthChecker = (password: string) => Strength;
let checkerPromise: Promise<StrengthChecker> | null = null;

/** zxcvbn-ts with the common and English dictionaries, loaded once. */
export function loadChecker(): Promise<StrengthChecker> {
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

/**
 * Why a new passphrase will not do, or null: at least MIN_PASSPHRASE_LENGTH characters and a
 * zxcvbn score of 2 or more (`strength` null while the checker loads: the length rule alone).
 */
export function passphraseProblem(pass: string, strength: Strength | null): string | null {
  if (pass.length === 0) return 'Choose a passphrase.';
  if (pass.length < MIN_PASSPHRASE_LENGTH) return `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (strength && strength.score < 2) return 'This passphrase is too easy to guess. Add another word or two.';
  return null;
}
