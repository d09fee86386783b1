import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  STORAGE_KEY,
  detectLanguage,
  formatNumber,
  translate,
  translatePlural,
  type Language,
  type MessageKey,
  type PluralKey,
  type Vars,
} from './translate.ts';

export type { Language, MessageKey } from './translate.ts';

export type I18n = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  tp: (base: PluralKey, count: number, vars?: Vars) => string;
  n: (value: number) => string;
};

const I18nContext = createContext<I18n | undefined>(undefined);

// Storage can be unavailable (private windows, blocked cookies): the language then lasts for the visit.
function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Nothing to do: see readStoredLanguage.
  }
}

export function initialLanguage(): Language {
  return detectLanguage(readStoredLanguage(), navigator.language);
}

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? initialLanguage());

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    // Set at once so assistive technology reads the new strings with the right voice.
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, vars) => translate(language, key, vars),
      tp: (base, count, vars) => translatePlural(language, base, count, vars),
      n: (v) => formatNumber(language, v),
    }),
    [language, setLanguage],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider> above it.');
  return value;
}

// Each page names itself; the title follows the language like every other string. The pattern
// "page – Continuum" is the same in both languages, so it is not a catalogue string.
export function useDocumentTitle(pageTitle: string): void {
  const title = `${pageTitle} – Continuum`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
