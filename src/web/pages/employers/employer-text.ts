import type { MessageKey } from '../../i18n/i18n.tsx';
import type { EmployerSize, EngagementKind, HrSupport } from '../../../domain/jobs/job-vocabulary.ts';
import { employerSizes, engagementKinds, hrSupports } from '../../../domain/jobs/job-vocabulary.ts';

// The words of an employer record's codes, from the catalogues.
export const employerKey = {
  size: (s: EmployerSize) => `employerSize.${s}` as MessageKey,
  hrSupport: (h: HrSupport) => `hrSupport.${h}` as MessageKey,
  engagement: (k: EngagementKind) => `engagementKind.${k}` as MessageKey,
};
export { employerSizes, engagementKinds, hrSupports };
