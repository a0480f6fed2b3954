/**
 * English and Welsh: one message catalogue per language (en.ts, cy.ts), read through react-intl
 * (FormatJS). The choice is remembered outside the vault like the theme (it is not sensitive, and
 * the unlock screen needs it before any vault is open); dates and numbers go through Intl with the
 * same locale.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { FormattedMessage, IntlProvider, createIntl, useIntl } from 'react-intl';
import { LANGUAGES, LOCALES, isLanguage, type Language } from '../../../shared/language.js';
import { en, type MessageId } from './en.js';
import { cy } from './cy.js';

export { LANGUAGES, LOCALES, type Language };
const CATALOGUES: Record<Language, Record<MessageId, string>> = { en, cy };
const KEY = 'ev-language';

export function rememberedLanguage(): Language {
  try {
    const l = localStorage.getItem(KEY);
    if (l === 'en' || l === 'cy') return l;
  } catch {
    /* storage may be unavailable: English */
  }
  return 'en';
}

let current: Language = 'en';
/**
 * The window's language, for code outside React (shared/ text functions called from event
 * handlers, plain-English errors). Components should prefer useLanguage().
 */
export function currentLanguage(): Language {
  return current;
}

function remember(language: Language): void {
  current = language;
  try {
    localStorage.setItem(KEY, language);
  } catch {
    /* the choice still holds for this session */
  }
  document.documentElement.lang = LOCALES[language];
}

const LanguageContext = createContext<{ language: Language; setLanguage(l: Language): void }>({
  language: 'en',
  setLanguage: () => undefined,
});

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setState] = useState<Language>(() => {
    const l = initial ?? rememberedLanguage();
    current = l;
    document.documentElement.lang = LOCALES[l];
    return l;
  });
  const setLanguage = useCallback((l: Language) => {
    remember(l);
    setState(l);
  }, []);
  // The tests switch the language on any screen, without a visit to Settings that would lose the
  // screen's state: window.dispatchEvent(new CustomEvent('ev:language', { detail: 'cy' })).
  useEffect(() => {
    const onLanguage = (e: Event) => {
      const l = (e as CustomEvent<unknown>).detail;
      if (isLanguage(l)) setLanguage(l);
    };
    window.addEventListener('ev:language', onLanguage);
    return () => window.removeEventListener('ev:language', onLanguage);
  }, [setLanguage]);
  useEffect(() => {
    // The host hears it too: the desktop app words its menu and its own dialogs in the window's language.
    void window.vault?.invoke('vault.language', { language }).catch(() => undefined);
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LanguageContext.Provider value={value}>
      <IntlProvider locale={LOCALES[language]} defaultLocale="en-GB" messages={CATALOGUES[language]}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage() {
  return useContext(LanguageContext);
}

export type Translate = (id: MessageId, values?: Record<string, string | number>) => string;

/** The window's words: t('guidance.heading'), t('guidance.progress', { done: 2, total: 6 }). */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback<Translate>((id, values) => intl.formatMessage({ id }, values), [intl]);
}

export type { MessageId };

const translators = new Map<Language, Translate>();
/**
 * The window's words for code outside React (a plain module's function with no useT() to be given),
 * in the window's language now; made once per language.
 */
export function currentTranslate(): Translate {
  const language = currentLanguage();
  let t = translators.get(language);
  if (!t) {
    const intl = createIntl({ locale: LOCALES[language], defaultLocale: 'en-GB', messages: CATALOGUES[language] });
    t = (id, values) => intl.formatMessage({ id }, values);
    translators.set(language, t);
  }
  return t;
}

/**
 * A message with markup inside it: <Msg id="strip.danger" values={{ call: (c) => <a href="tel:999">{c}</a> }} />
 * for "In danger now? <call>Call 999</call>". Values may be text, elements, or tag functions.
 */
export function Msg({
  id,
  values,
}: {
  id: MessageId;
  values?: Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>;
}) {
  return <FormattedMessage id={id} values={values} />;
}
