import { useI18n } from '../../i18n/i18n.tsx';
import { formatRate } from '../clients/case-text.ts';

// How a report's figures are written, a withheld one included.
export function useCells() {
  const { t, n, language } = useI18n();
  // One word for every withheld figure: saying which were withheld only to protect another would tell
  // that those are at least the minimum, and with the totals that can give a small count away.
  const fewer = t('report.withheld');
  return {
    fewer,
    count: (value: number | null) => (value === null ? fewer : n(value)),
    rate: (value: number | null) => (value === null ? fewer : formatRate(value, language)),
  };
}
