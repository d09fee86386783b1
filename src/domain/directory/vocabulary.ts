// The directory's words as plain lists, with no imports: the web UI reads them for its forms and
// labels without pulling in zod or the reference data (src/domain/directory/service.ts builds on them).

export const interventionTypes = [
  'life_stabilization',
  'pre_employment',
  'training',
  'employment_services',
  'retention',
  'entrepreneurship',
  'work_integrated_learning',
] as const;

export const targetPopulations = [
  'youth',
  'newcomers',
  'women',
  'indigenous',
  'black',
  'racialized',
  'persons_with_disabilities',
  'social_assistance_recipients',
  'mature_workers',
  'francophones',
  'lgbtq2s',
  'justice_involved',
  'veterans',
  'unhoused',
  'laid_off_workers',
] as const;

export const serviceStatuses = ['active', 'inactive', 'defunct', 'temporarily_closed'] as const;

export const deliveryModes = ['in_person', 'virtual', 'hybrid'] as const;

export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

// Whether a program takes applications today, as everyone may see it; the numbers stay with staff.
export const intakeStates = ['open', 'opens_soon', 'full', 'closed'] as const;
export type IntakeState = (typeof intakeStates)[number];

// The parts of a listing whose confirmation is recorded separately.
export const listingParts = ['details', 'sites', 'schedules', 'intake', 'contacts', 'capacity'] as const;
export type ListingPart = (typeof listingParts)[number];

export const matchReasonKinds = [
  'words',
  'intervention',
  'occupation',
  'industry',
  'population',
  'language',
  'delivery_mode',
  'organization',
  'near',
  'online',
  'intake_open',
  'intake_soon',
  'stale',
] as const;
