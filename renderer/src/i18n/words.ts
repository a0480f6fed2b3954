/**
 * The shared words (shared/words.ts: labels, dates in words, activity-log sentences, pack
 * problems) in the window's language. Use this instead of importing CATEGORY_LABELS,
 * writtenLabel, activitySentence and the rest from shared/ directly.
 */
import { useMemo } from 'react';
import { words, type Words } from '../../../shared/words.js';
import { currentLanguage, useLanguage } from './index.js';

export function useWords(): Words {
  const { language } = useLanguage();
  return useMemo(() => words(language), [language]);
}

/** For code outside React (event handlers in plain modules). */
export function currentWords(): Words {
  return words(currentLanguage());
}

export type { Words };
