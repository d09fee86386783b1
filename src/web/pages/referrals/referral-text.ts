import type { MessageKey } from '../../i18n/i18n.tsx';
import { fits, referralReasons, referralStatuses } from '../../../domain/referrals/referral-vocabulary.ts';
import type { Referral } from '../../api-referrals.ts';

// The words of a referral's codes, from the catalogues (referralStatus.*, referralReason.*, referralFit.*).
export const referralKey = {
  status: (s: (typeof referralStatuses)[number]) => `referralStatus.${s}` as MessageKey,
  // What the button that takes a step says ("Accept", "Record that the client started").
  action: (s: (typeof referralStatuses)[number]) => `referralAction.${s}` as MessageKey,
  reason: (r: (typeof referralReasons)[number]) => `referralReason.${r}` as MessageKey,
  fit: (f: (typeof fits)[number]) => `referralFit.${f}` as MessageKey,
};
export { fits, referralReasons, referralStatuses };

// What the referral is to: the program (in French where it has a French name), the named specialist, or both.
export function referralTarget(r: Pick<Referral, 'service' | 'toUser' | 'to'>, language: 'en' | 'fr'): string {
  const program = r.service ? (language === 'fr' && r.service.nameFr ? r.service.nameFr : r.service.name) : undefined;
  if (program && r.toUser) return `${program} (${r.toUser.name})`;
  return program ?? r.toUser?.name ?? r.to.name;
}
