import { useI18n, type Language } from '../i18n/i18n.tsx';

// Labelled in the other language, in that language ("Français" with lang="fr"), as on ontario.ca.
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const other: Language = language === 'en' ? 'fr' : 'en';
  return (
    <button type="button" className="language-switch" lang={other} onClick={() => setLanguage(other)}>
      {t('layout.languageSwitch')}
    </button>
  );
}
