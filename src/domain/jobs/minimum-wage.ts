// Ontario's general minimum wage (Employment Standards Act, 2000, O. Reg. 285/01, s. 23.1), indexed to
// Ontario's consumer price index every October 1 and announced by April 1. A job order may not offer
// less than the rate in force on the day it is posted or changed. Add each new rate here, with its source,
// when the Province announces it (docs/jobs.md, "Keeping the figures current").
export type MinimumWage = { effectiveFrom: string; hourly: number; source: string };

export const ontarioMinimumWages: readonly MinimumWage[] = [
  { effectiveFrom: '2023-10-01', hourly: 16.55, source: 'Ontario news release, 2023-04-03' },
  { effectiveFrom: '2024-10-01', hourly: 17.2, source: 'Ontario news release, 2024-04-01' },
  { effectiveFrom: '2025-10-01', hourly: 17.6, source: 'Ontario news release, 2025-04-01' },
];

export function minimumWageOn(date: string): MinimumWage {
  let found = ontarioMinimumWages[0]!;
  for (const rate of ontarioMinimumWages) if (rate.effectiveFrom <= date) found = rate;
  return found;
}
