import { useI18n } from '../../i18n/i18n.tsx';
import { pick } from './job-text.ts';

// A match's score broken down: each factor with its points out of its share of the 100, and its reason
// in plain words; a factor that does not apply says why and counts for nothing.
// (Job matching's factors and program matching's share this shape.)
type Factor = {
  code: string;
  label: { en: string; fr: string };
  applies: boolean;
  points: number;
  maxPoints: number;
  plain: { en: string; fr: string };
};

export function MatchFactors({ factors }: { factors: readonly Factor[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="factor-list">
      {factors.map((f) => (
        <li key={f.code}>
          <strong>{pick(f.label, language)}</strong>{' '}
          <span className="muted">
            {f.applies
              ? t('match.points', {
                  points: formatPoints(f.points, language),
                  max: formatPoints(f.maxPoints, language),
                })
              : t('match.notCounted')}
          </span>
          <br />
          {pick(f.plain, language)}
        </li>
      ))}
    </ul>
  );
}

export function formatPoints(n: number, language: 'en' | 'fr'): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 1 }).format(n);
}
