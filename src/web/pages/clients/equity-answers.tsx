import type { ReactNode } from 'react';
import type { NewClientInput } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { genders, indigenousIdentities, key, racializedGroups } from './client-text.ts';

type Equity = NonNullable<NewClientInput['equity']>;

// The self-identified answers given, in words; a code the page does not know (a gender in the
// client's own words, say) is shown as it was recorded.
export function EquityAnswers({ equity }: { equity: Equity | undefined }) {
  const { t } = useI18n();
  const known = (list: readonly string[], value: string, label: (v: string) => ReturnType<typeof key.gender>) =>
    list.includes(value) ? t(label(value)) : value;
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? undefined : value ? t('common.yes') : t('common.no');
  const rows: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode | undefined) => {
    if (value !== undefined && value !== '') rows.push([label, value]);
  };
  if (equity) {
    add(
      t('equity.indigenousQuestion'),
      equity.indigenousIdentity ? known(indigenousIdentities, equity.indigenousIdentity, key.indigenous) : undefined,
    );
    add(
      t('equity.racializedQuestion'),
      equity.racializedGroup?.length
        ? equity.racializedGroup
            .map((g) =>
              g === 'prefer_not_to_say'
                ? t('equity.answer.prefer_not_to_say')
                : known(racializedGroups, g, key.racialized),
            )
            .join(', ')
        : undefined,
    );
    add(t('equity.genderQuestion'), equity.gender ? known(genders, equity.gender, key.gender) : undefined);
    add(t('equity.disabilityQuestion'), yesNo(equity.disability));
    add(t('equity.newcomerQuestion'), yesNo(equity.newcomer));
    add(t('equity.arrivalYear'), equity.arrivalYear !== undefined ? String(equity.arrivalYear) : undefined);
    add(t('equity.francophoneQuestion'), yesNo(equity.francophone));
    add(t('equity.lgbtq2sQuestion'), yesNo(equity.lgbtq2s));
  }
  if (rows.length === 0) return <p>{t('equity.noneGiven')}</p>;
  return (
    <dl className="record-details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
