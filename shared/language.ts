/**
 * The languages the window and the case pack speak: British English and Welsh (Cymraeg). The
 * window's words live in renderer/src/i18n; the words shared with the case pack (labels, dates,
 * activity-log sentences, plain-English errors) take a Language argument, English by default.
 */
import { z } from 'zod';

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = z.enum(LANGUAGES);
/** The locale Intl formats with: British English, or Welsh. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', cy: 'cy' };

export function isLanguage(x: unknown): x is Language {
  return x === 'en' || x === 'cy';
}
