import { z } from 'zod';
import type { SyntheticService } from './generate-directory.ts';
import type { CaseWork } from './case-work.ts';
import type { EducationLevel, IncomeSource } from './distributions.ts';
import type { Gender, IndigenousIdentity, RacializedAnswer } from './equity.ts';
import type {
  AccommodationKind,
  AssessmentInput,
  BarrierKind,
  BarrierStatus,
  LiteracyLevel,
} from '../domain/assessment/assessment-input.ts';

// The shapes of a synthetic city. Organization types and column values match the CHECK
// constraints of migrations 0001 and 0003.

// One list of organization types for the whole product.
import { organizationTypes, type OrganizationType } from '../domain/organizations/organization.ts';

export const ORGANIZATION_TYPES = organizationTypes;
export type { OrganizationType };

export const cityOptionsSchema = z.object({
  // Stored in synthetic_loads.seed, a PostgreSQL integer.
  seed: z.number().int().min(0).max(2_147_483_647),
  clients: z.number().int().min(0).max(10_000_000),
  // One planted near-duplicate pair in each block of this many clients (near-duplicates.ts).
  duplicateEvery: z.number().int().min(2).max(1_000_000).default(500),
  // The directory's size: services per provider, times this (benchmarks ask for a bigger directory).
  servicesPerProvider: z.number().min(0.1).max(100).default(1),
});
export type CityOptions = z.input<typeof cityOptionsSchema>;

export type SyntheticOrganization = {
  id: string;
  type: OrganizationType;
  name: string;
  nameFr: string | null;
  website: string | null;
  phone: string;
  email: string | null;
  offersFrench: boolean;
};

export type SyntheticSite = {
  id: string;
  organizationId: string;
  name: string;
  streetAddress: string;
  city: 'Toronto';
  province: 'ON';
  postalCode: string;
  // The FSA the site was placed in (the first three characters of postalCode); not a column.
  fsa: string;
  neighbourhoodId: number;
  latitude: number;
  longitude: number;
  wheelchairAccessible: boolean;
};

export type ClientStatus = 'active' | 'on_hold' | 'closed';
export type ClosedReason =
  'employed' | 'moved_away' | 'transferred' | 'declined_services' | 'no_contact' | 'deceased' | 'other';
export type TimeHorizon = 'now' | 'within_6_months' | 'within_a_year' | 'long_term';
export type ConsentCategory = 'identity_contact' | 'employment' | 'assessment' | 'plan' | 'notes' | 'equity';
export type ConsentPurpose = 'integrated_case_management' | 'referral';
export type ConsentMethod = 'in_person' | 'phone' | 'written';
export type Stream = 'A' | 'B' | 'C';

export type SyntheticJob = {
  id: string;
  nocCode: string;
  jobTitle: string;
  employerName: string | null;
  startDate: string;
  // null: the client still holds the job.
  endDate: string | null;
  hoursPerWeek: number;
};

export type SyntheticBarrier = { kind: BarrierKind; status: BarrierStatus };
export type SyntheticAccommodation = {
  id: string;
  kind: AccommodationKind;
  disabilityRelated: boolean;
  description: string | null;
};
export type SyntheticExternalId = { kind: 'ontario_works' | 'odsp'; value: string };
export type SyntheticStatusChange = {
  id: string;
  status: ClientStatus;
  kind: 'opened' | 'on_hold' | 'closed';
  closedReason: ClosedReason | null;
  note: string | null;
  on: string;
};

// What a reassessment newly learned, and how the record differed at the initial assessment.
export type ReassessmentChange =
  | { kind: 'barrier_resolved'; barrier: BarrierKind }
  | { kind: 'barrier_disclosed'; barrier: BarrierKind }
  | { kind: 'literacy_assessed' }
  | { kind: 'started_job'; jobId: string }
  | { kind: 'periodic_review' };

// The assessments a client has, drawn with the client; the model scores them only when they are
// written out (assessments.ts), so passes that do not need them do not pay for scoring.
export type AssessmentPlan = {
  initial: { id: string; on: string };
  reassessment: { id: string; on: string; change: ReassessmentChange; reason: string } | null;
  override: { id: string; on: string; direction: 1 | -1 } | null;
};

export type SyntheticAssessment = {
  id: string;
  sequence: number;
  kind: 'initial' | 'reassessment' | 'override';
  organizationId: string;
  // The date the model assessed (for an override: that of the assessment it overrides, as the
  // service stores it) and the date the row was made.
  assessedOn: string;
  recordedOn: string;
  input: AssessmentInput;
  modelVersion: string;
  modelChecksum: string;
  // The model's result as the service stores it (JSON text), its score and streams.
  resultJson: string;
  score: number;
  computedStream: Stream;
  stream: Stream;
  previousStream: Stream | null;
  reason: string | null;
  justification: string | null;
  overridesAssessmentId: string | null;
};

export type SyntheticConsent = {
  id: string;
  organizationId: string;
  categories: readonly ConsentCategory[];
  purpose: ConsentPurpose;
  method: ConsentMethod;
  evidence: string;
  startsOn: string;
  expiresOn: string;
  revocation: { method: ConsentMethod; reason: string | null; on: string } | null;
};

export type SyntheticTraits = {
  newcomer: boolean;
  arrivalYear: number | null;
  disability: boolean;
  francophone: boolean;
};

export type SyntheticEquity = {
  indigenousIdentity: IndigenousIdentity | null;
  // Several groups allowed; ['prefer_not_to_say'] when the client declined.
  racializedGroup: readonly RacializedAnswer[] | null;
  gender: Gender | null;
  disability: boolean | null;
  newcomer: boolean | null;
  arrivalYear: number | null;
  francophone: boolean | null;
  lgbtq2s: boolean | null;
};

export type NearDuplicateKind =
  'family_typo' | 'day_month_swapped' | 'hyphenated_family' | 'accents_dropped' | 'year_off_by_one' | 'nickname';

export type SyntheticClient = {
  id: string;
  organizationId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  preferredLanguage: 'en' | 'fr';
  postalCode: string;
  neighbourhoodId: number;
  educationLevel: EducationLevel;
  incomeSource: IncomeSource;
  // What is true of the client as drawn: drives the record (languages, barriers, name). Never
  // written as such; `equity` holds what the client chose to answer.
  traits: SyntheticTraits;
  // The self-identified answers (client_equity): null where a question was left unanswered.
  equity: SyntheticEquity;
  // The intake record (migration 0010).
  intakeDate: string;
  preferredName: string | null;
  pronouns: string | null;
  otherLanguages: readonly string[];
  interpreterNeeded: boolean;
  interpreterLanguage: string | null;
  email: string | null;
  phone: string | null;
  streetAddress: string | null;
  literacyNumeracy: LiteracyLevel;
  goals: {
    statement: string | null;
    targetNocCodes: readonly string[];
    hoursWanted: number | null;
    timeHorizon: TimeHorizon | null;
  };
  status: ClientStatus;
  closedReason: ClosedReason | null;
  statusChanges: readonly SyntheticStatusChange[];
  workHistory: readonly SyntheticJob[];
  barriers: readonly SyntheticBarrier[];
  accommodations: readonly SyntheticAccommodation[];
  externalIds: readonly SyntheticExternalId[];
  assessmentPlan: AssessmentPlan | null;
  consents: readonly SyntheticConsent[];
  // Set on the planted second record of a near-duplicate pair: the first record and what changed.
  plantedCopyOf: { originalId: string; kind: NearDuplicateKind } | null;
  // The staff, case team, notes, tasks and plan on the file (case-work.ts).
  caseWork: CaseWork;
};

// A client's record before its case work is drawn.
export type ClientRecord = Omit<SyntheticClient, 'caseWork'>;

export type SyntheticCity = {
  seed: number;
  clientCount: number;
  // The day the city is dated at: REFERENCE_DATE as generated, the load day once moved (city-as-of.ts).
  referenceDate: string;
  organizations: readonly SyntheticOrganization[];
  sites: readonly SyntheticSite[];
  // The directory of programs (generate-directory.ts), dated in days from referenceDate.
  services: readonly SyntheticService[];
  // A fresh pass over the same clients each call: they are generated on demand, never held in
  // memory, so a million of them stream through COPY.
  clients: () => Generator<SyntheticClient, void, undefined>;
};
