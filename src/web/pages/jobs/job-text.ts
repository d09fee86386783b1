import type { MessageKey } from '../../i18n/i18n.tsx';
import type {
  jobIncentives,
  jobPermanence,
  jobSchedules,
  wilTypes,
  workplaceModes,
} from '../../../domain/jobs/job-vocabulary.ts';
import { jobOrderStatuses } from '../../../domain/jobs/job-vocabulary.ts';
import {
  notHiredReasons,
  placementStatuses,
  withdrawnReasons,
  type PlacementReason,
  type PlacementStatus,
} from '../../../domain/placements/placement-vocabulary.ts';

// The words of job orders' and placements' codes, from the catalogues.
export const jobKey = {
  status: (s: (typeof jobOrderStatuses)[number]) => `jobStatus.${s}` as MessageKey,
  schedule: (s: (typeof jobSchedules)[number]) => `jobSchedule.${s}` as MessageKey,
  permanence: (p: (typeof jobPermanence)[number]) => `jobPermanence.${p}` as MessageKey,
  workplace: (w: (typeof workplaceModes)[number]) => `jobWorkplace.${w}` as MessageKey,
  wil: (w: (typeof wilTypes)[number]) => `wilType.${w}` as MessageKey,
  incentive: (i: (typeof jobIncentives)[number]) => `jobIncentive.${i}` as MessageKey,
};
export const placementKey = {
  status: (s: PlacementStatus) => `placementStatus.${s}` as MessageKey,
  // What the choice that takes a step says ("Share with the employer", "Record the interview").
  action: (s: PlacementStatus) => `placementAction.${s}` as MessageKey,
  reason: (r: PlacementReason) => `placementReason.${r}` as MessageKey,
};
export { jobOrderStatuses, notHiredReasons, placementStatuses, withdrawnReasons };

// Dollars and cents an hour, as each language writes them.
export function formatWage(amount: number, language: 'en' | 'fr'): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { style: 'currency', currency: 'CAD' }).format(
    amount,
  );
}

// A score out of 100, with the words of its band (strong, fair, weak) from the server's scorecard.
export function pick(text: { en: string; fr: string }, language: 'en' | 'fr'): string {
  return language === 'fr' ? text.fr : text.en;
}
