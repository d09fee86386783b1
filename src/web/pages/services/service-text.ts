import type { MatchReason } from '../../api.ts';
import type { I18n, MessageKey } from '../../i18n/i18n.tsx';
import { intlLocale, type Language } from '../../i18n/translate.ts';

// Words for the directory's codes, shared by the search and the program page.

type T = I18n['t'];

// A language code (en, fr, tam) named in the page's language.
export function languageName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([intlLocale[language]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

// A country code (US) named in the page's language.
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([intlLocale[language]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatKm(km: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale[language], { maximumFractionDigits: 1 }).format(km);
}

// Why a result matched, in a sentence.
export function reasonText(reason: MatchReason, t: T, language: Language): string {
  switch (reason.kind) {
    case 'words':
      return reason.fields && reason.fields.length > 0
        ? t('reason.words', {
            fields: new Intl.ListFormat(intlLocale[language], { type: 'conjunction' }).format(
              reason.fields.map((f) => t(`reasonField.${f}` as MessageKey)),
            ),
          })
        : t('reason.wordsAnywhere');
    case 'intervention':
      return t('reason.intervention', { value: t(`intervention.${reason.value ?? ''}` as MessageKey) });
    case 'population':
      return t('reason.population', { value: t(`population.${reason.value ?? ''}` as MessageKey) });
    case 'delivery_mode':
      return t('reason.delivery_mode', { value: t(`deliveryMode.${reason.value ?? ''}` as MessageKey) });
    case 'language':
      return t('reason.language', { value: languageName(reason.value ?? '', language) });
    case 'occupation':
    case 'industry':
    case 'organization':
      return t(`reason.${reason.kind}`, { value: reason.value ?? '' });
    case 'near':
      return reason.siteName
        ? t('reason.near', { km: formatKm(reason.km ?? 0, language), site: reason.siteName })
        : t('reason.nearNoSite', { km: formatKm(reason.km ?? 0, language) });
    case 'online':
    case 'intake_open':
    case 'intake_soon':
    case 'stale':
      return t(`reason.${reason.kind}`);
    default: {
      const unknown: never = reason.kind;
      return String(unknown);
    }
  }
}
