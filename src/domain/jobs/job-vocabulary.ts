// A job order's codes, with no runtime dependencies: the web bundle words them and the server validates
// them (job-order.ts) and words them in the decent-work reasons (decent-work.ts).

export const jobSchedules = ['fixed', 'predictable', 'variable', 'on_call'] as const;
export type JobSchedule = (typeof jobSchedules)[number];

export const jobPermanence = ['permanent', 'contract', 'temporary', 'seasonal'] as const;
export type JobPermanence = (typeof jobPermanence)[number];

export const jobBenefits = [
  'health',
  'dental',
  'vision',
  'prescription_drugs',
  'pension',
  'life_insurance',
  'disability_insurance',
  'employee_assistance',
  'tuition_support',
] as const;
export type JobBenefit = (typeof jobBenefits)[number];

export const workplaceModes = ['on_site', 'hybrid', 'remote'] as const;
export type WorkplaceMode = (typeof workplaceModes)[number];

// Work-integrated learning: a job order may be a placement of one of these kinds.
export const wilTypes = ['co_op', 'internship', 'work_placement', 'apprenticeship', 'paid_work_experience'] as const;
export type WilType = (typeof wilTypes)[number];

export const jobIncentives = ['wage_subsidy', 'training_subsidy', 'hiring_incentive', 'other'] as const;
export type JobIncentive = (typeof jobIncentives)[number];

export const jobOrderStatuses = ['open', 'on_hold', 'filled', 'closed'] as const;
export type JobOrderStatus = (typeof jobOrderStatuses)[number];

type Words = { en: string; fr: string };

export const scheduleWords: Record<JobSchedule, Words> = {
  fixed: { en: 'the same hours every week', fr: 'les mêmes heures chaque semaine' },
  predictable: {
    en: 'shifts posted at least two weeks ahead',
    fr: 'quarts affichés au moins deux semaines à l’avance',
  },
  variable: { en: 'hours that change from week to week', fr: 'des heures qui changent d’une semaine à l’autre' },
  on_call: { en: 'on call, no hours guaranteed', fr: 'sur appel, sans heures garanties' },
};

export const permanenceWords: Record<JobPermanence, Words> = {
  permanent: { en: 'permanent', fr: 'permanent' },
  contract: { en: 'a fixed-term contract', fr: 'un contrat à durée déterminée' },
  temporary: { en: 'temporary', fr: 'temporaire' },
  seasonal: { en: 'seasonal', fr: 'saisonnier' },
};

export const benefitWords: Record<JobBenefit, Words> = {
  health: { en: 'extended health', fr: 'soins de santé complémentaires' },
  dental: { en: 'dental', fr: 'soins dentaires' },
  vision: { en: 'vision', fr: 'soins de la vue' },
  prescription_drugs: { en: 'prescription drugs', fr: 'médicaments sur ordonnance' },
  pension: { en: 'pension or retirement savings', fr: 'régime de retraite ou épargne-retraite' },
  life_insurance: { en: 'life insurance', fr: 'assurance vie' },
  disability_insurance: { en: 'disability insurance', fr: 'assurance invalidité' },
  employee_assistance: { en: 'employee assistance program', fr: 'programme d’aide aux employés' },
  tuition_support: { en: 'tuition support', fr: 'aide aux frais de scolarité' },
};

// An employer's record (docs/jobs.md, "Employers").
export const employerSizes = ['1_4', '5_19', '20_99', '100_499', '500_plus'] as const;
export type EmployerSize = (typeof employerSizes)[number];

export const hrSupports = [
  'recruitment',
  'onboarding',
  'accommodation',
  'retention',
  'training',
  'incentives',
] as const;
export type HrSupport = (typeof hrSupports)[number];

// What an agency did with an employer; `lead_change` is written by the server when the lead agency changes.
export const engagementKinds = ['call', 'visit', 'meeting', 'email', 'event', 'hr_support', 'lead_change'] as const;
export type EngagementKind = (typeof engagementKinds)[number];
