import en from './en.json';
import fr from './fr.json';

export type Language = 'en' | 'fr';
export const languages: readonly Language[] = ['en', 'fr'];

export type MessageKey = keyof typeof en;
// Plural messages are stored as `<base>.one` and `<base>.other` (French `many` falls back to `other`).
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];
export type Vars = Record<string, string | number>;

// `satisfies` makes the type checker reject a French catalogue that lacks an English key.
export const catalogues = { en, fr } satisfies Record<Language, Record<MessageKey, string>>;

// Canadian locales: French numbers group with a narrow space ("1 234"), English with a comma.
export const intlLocale: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

export const STORAGE_KEY = 'continuum.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'fr';
}

// A choice the person made wins; otherwise the browser's language (any French variant means French).
export function detectLanguage(stored: string | null | undefined, browserLanguage: string | undefined): Language {
  if (isLanguage(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(intlLocale[language]).format(value);
}

export function interpolate(language: Language, template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(language, value) : value;
  });
}

export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  return interpolate(language, catalogues[language][key], vars);
}

const pluralRules: Record<Language, Intl.PluralRules> = {
  en: new Intl.PluralRules(intlLocale.en),
  fr: new Intl.PluralRules(intlLocale.fr),
};

export function translatePlural(language: Language, base: PluralKey, count: number, vars: Vars = {}): string {
  const messages: Record<string, string> = catalogues[language];
  const category = pluralRules[language].select(count);
  const template = messages[`${base}.${category}`] ?? messages[`${base}.other`] ?? base;
  return interpolate(language, template, { ...vars, count });
}
