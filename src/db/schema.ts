import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the tables (camelCase; CamelCasePlugin maps to snake_case SQL).
// Keep in step with src/db/migrations.
type Timestamps = {
  createdAt: ColumnType<Date, Date | string | undefined, never>;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type NeighbourhoodsTable = Timestamps & {
  id: number;
  name: string;
  // The column is population_2016; Kysely's CamelCasePlugin puts no underscore before digits.
  population_2016: number;
  unemploymentRate: number | null;
  designation: 'nia' | 'emerging' | 'none';
  latitude: number;
  longitude: number;
};

export type ForwardSortationAreasTable = Timestamps & {
  code: string;
  placeName: string;
  latitude: number;
  longitude: number;
};

export type OrganizationsTable = Timestamps & {
  id: Generated<string>;
  name: string;
  nameFr: string | null;
  type:
    | 'community_agency'
    | 'employer'
    | 'employment_service_provider'
    | 'social_assistance_office'
    | 'system_manager'
    | 'training_organization';
  website: string | null;
  phone: string | null;
  email: string | null;
  offersFrench: Generated<boolean>;
  description: string | null;
};

export type SitesTable = Timestamps & {
  id: Generated<string>;
  organizationId: string;
  name: string;
  streetAddress: string;
  city: Generated<string>;
  province: Generated<string>;
  postalCode: string;
  country: Generated<string>;
  neighbourhoodId: number | null;
  latitude: number | null;
  longitude: number | null;
  wheelchairAccessible: boolean | null;
  accessibilityDescription: string | null;
  transportation: string | null;
  verifiedAt: Generated<Date>;
};

export type ServicesTable = Timestamps & {
  id: Generated<string>;
  organizationId: string;
  name: string;
  nameFr: string | null;
  alternateName: string | null;
  description: string;
  descriptionFr: string | null;
  url: string | null;
  email: string | null;
  phone: string | null;
  status: Generated<'active' | 'defunct' | 'inactive' | 'temporarily_closed'>;
  interventionTypes: string[];
  targetNocCodes: Generated<string[]>;
  targetNaicsCodes: Generated<string[]>;
  targetPopulations: Generated<string[]>;
  languages: Generated<string[]>;
  deliveryMode: Generated<'hybrid' | 'in_person' | 'virtual'>;
  eligibilityDescription: string | null;
  eligibilityDescriptionFr: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  credentialAwarded: string | null;
  funder: string | null;
  startsOn: string | null;
  endsOn: string | null;
  seats: number | null;
  seatsOpen: number | null;
  detailsVerifiedAt: Generated<Date>;
  capacityVerifiedAt: Date | null;
  verifiedBy: string | null;
  confirmPromptedAt: Date | null;
  verificationRequestedAt: Date | null;
  searchText: Generated<string>;
  sortName: ColumnType<string | null, never, never>;
  searchDocument: ColumnType<string | null, never, never>;
  // Kept by triggers on service_intake_windows (0028).
  intakeRanges: ColumnType<string | null, never, never>;
};

export type ServiceSitesTable = Timestamps & {
  id: Generated<string>;
  serviceId: string;
  siteId: string;
  description: string | null;
  verifiedAt: Generated<Date>;
};

export type ServiceSchedulesTable = Timestamps & {
  id: Generated<string>;
  serviceId: string;
  weekdays: string[];
  opensAt: string;
  closesAt: string;
  description: string | null;
  verifiedAt: Generated<Date>;
};

export type ServiceIntakeWindowsTable = Timestamps & {
  id: Generated<string>;
  serviceId: string;
  opensOn: string;
  closesOn: string | null;
  note: string | null;
  verifiedAt: Generated<Date>;
};

export type ServiceContactsTable = Timestamps & {
  id: Generated<string>;
  serviceId: string;
  name: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  verifiedAt: Generated<Date>;
};

export type ClientsTable = Timestamps & {
  id: Generated<string>;
  organizationId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  preferredLanguage: Generated<'en' | 'fr'>;
  postalCode: string | null;
  neighbourhoodId: number | null;
  educationLevel:
    | 'apprenticeship_or_trades'
    | 'bachelor'
    | 'college'
    | 'graduate'
    | 'high_school'
    | 'less_than_high_school'
    | 'unknown';
  incomeSource: 'ei' | 'none' | 'odsp' | 'ontario_works' | 'other';
  preferredName: string | null;
  pronouns: string | null;
  otherLanguages: Generated<string[]>;
  interpreterNeeded: Generated<boolean>;
  interpreterLanguage: string | null;
  email: string | null;
  phone: string | null;
  streetAddress: string | null;
  literacyNumeracy: Generated<'basic' | 'below_basic' | 'functional' | 'proficient' | 'unknown'>;
  goalStatement: string | null;
  targetNocCodes: Generated<string[]>;
  hoursWanted: number | null;
  // Null: not recorded (migration 0033).
  skills: string[] | null;
  credentials: string[] | null;
  timeHorizon: 'long_term' | 'now' | 'within_6_months' | 'within_a_year' | null;
  status: Generated<'active' | 'on_hold' | 'closed'>;
  closedReason:
    'deceased' | 'declined_services' | 'employed' | 'moved_away' | 'no_contact' | 'other' | 'transferred' | null;
  createdBy: string | null;
  // Generated by the database from the names (null only if both were null, which NOT NULL prevents).
  searchName: ColumnType<string | null, never, never>;
};

export type ClientEquityTable = Timestamps & {
  clientId: string;
  newcomer: boolean | null;
  arrivalYear: number | null;
  disability: boolean | null;
  francophone: boolean | null;
  indigenousIdentity: 'first_nations' | 'inuit' | 'metis' | 'no' | 'prefer_not_to_say' | null;
  racializedGroup: string[] | null;
  gender: string | null;
  lgbtq2s: boolean | null;
};

export type ClientStatusChangesTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  status: 'active' | 'closed' | 'on_hold';
  kind: 'closed' | 'on_hold' | 'opened' | 'reopened' | 'resumed' | 'transferred';
  closedReason: string | null;
  note: string | null;
  changedBy: string | null;
  organizationId: string;
};

export type ClientWorkHistoryTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  nocCode: string;
  jobTitle: string | null;
  employerName: string | null;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number | null;
};

export type ClientBarriersTable = Timestamps & {
  clientId: string;
  kind:
    | 'addictions'
    | 'childcare'
    | 'digital_access'
    | 'disability'
    | 'food'
    | 'housing'
    | 'income'
    | 'language'
    | 'legal'
    | 'mental_health'
    | 'other'
    | 'transportation';
  status: 'active' | 'resolved';
};

export type ClientAccommodationsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  kind: 'cognitive' | 'communication' | 'hearing' | 'mental_health' | 'mobility' | 'other' | 'scheduling' | 'vision';
  disabilityRelated: boolean;
  description: string | null;
};

export type ClientExternalIdsTable = Timestamps & {
  clientId: string;
  kind: 'eois_cams' | 'odsp' | 'ontario_works' | 'other';
  value: string;
};

export type ConsentsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  organizationId: string;
  recordedByOrganizationId: string;
  recordedBy: string | null;
  categories: string[];
  purpose: 'complaint' | 'integrated_case_management' | 'placement' | 'referral' | 'transfer';
  method: 'client_account' | 'in_person' | 'phone' | 'written';
  evidence: string;
  startsOn: string;
  expiresOn: string;
};

export type ConsentRevocationsTable = Timestamps & {
  consentId: string;
  revokedBy: string | null;
  method: 'client_account' | 'in_person' | 'phone' | 'written';
  reason: string | null;
};

export type AssessmentsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  sequence: number;
  kind: 'initial' | 'reassessment' | 'override';
  organizationId: string;
  assessedBy: string | null;
  modelVersion: string;
  modelChecksum: string;
  assessedOn: string;
  input: ColumnType<unknown, string, never>;
  result: ColumnType<unknown, string, never>;
  score: ColumnType<string, number, never>;
  computedStream: 'A' | 'B' | 'C';
  stream: 'A' | 'B' | 'C';
  previousStream: 'A' | 'B' | 'C' | null;
  reason: string | null;
  justification: string | null;
  overridesAssessmentId: string | null;
};

export type CaseTeamMembersTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  userId: string;
  organizationId: string;
  teamRole: 'caseworker' | 'employment_counsellor' | 'job_developer' | 'other' | 'primary_worker' | 'trainer';
  addedBy: string | null;
  removedAt: Date | null;
  removedBy: string | null;
  removalReason: 'consent_revoked' | 'handover' | 'left_team' | 'removed' | 'transferred' | null;
};

export type CaseNotesTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  organizationId: string;
  authorId: string | null;
  kind:
    | 'assessment'
    | 'contact'
    | 'employer'
    | 'life_stabilization'
    | 'other'
    | 'plan'
    | 'referral'
    | 'retention'
    | 'transfer';
  visibility: 'agency' | 'case_team' | 'client';
  contactOn: string;
  body: string;
  correctsNoteId: string | null;
};

export type TasksTable = Timestamps & {
  id: Generated<string>;
  // A task names a client, or a program (a listing to confirm).
  clientId: string | null;
  serviceId: string | null;
  // Or an employer (a lead agency's new account).
  employerId: Generated<string | null>;
  organizationId: string;
  createdBy: string | null;
  assignedTo: string;
  kind:
    | 'check_in'
    | 'follow_up'
    | 'other'
    | 'review_request'
    | 'transfer_accept'
    | 'transfer_release'
    | 'referral_respond'
    | 'referral_start'
    | 'listing_confirm'
    | 'placement_review'
    | 'employer_lead';
  phase: Generated<'after_employment' | 'any' | 'before_employment'>;
  title: string;
  dueOn: string;
  recurrence: Generated<'every_2_weeks' | 'every_3_months' | 'monthly' | 'none' | 'weekly'>;
  recurUntil: string | null;
  status: Generated<'open' | 'done' | 'cancelled'>;
  completedAt: Date | null;
  completedBy: string | null;
  previousTaskId: string | null;
  overdueNotifiedAt: Date | null;
};

export type NotificationsTable = Timestamps & {
  id: Generated<string>;
  userId: string;
  kind:
    | 'access_answered'
    | 'access_requested'
    | 'assessment_changed'
    | 'caseload_received'
    | 'consent_revoked'
    | 'note_added'
    | 'task_assigned'
    | 'task_overdue'
    | 'team_added'
    | 'transfer_requested'
    | 'transfer_accepted'
    | 'transfer_released'
    | 'transfer_release_overdue'
    | 'referral_received'
    | 'referral_updated'
    | 'referral_overdue'
    | 'listing_confirm'
    | 'placement_shared'
    | 'placement_updated'
    | 'employer_lead_assigned'
    | 'hiring_event_joined'
    | 'hiring_event_cancelled';
  clientId: string | null;
  subjectId: string | null;
  readAt: Date | null;
};

export type PlanGoalsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  organizationId: string;
  createdBy: string | null;
  description: string;
  targetDate: string | null;
  status: Generated<'open' | 'achieved' | 'dropped'>;
};

export type PlanStepsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  goalId: string | null;
  organizationId: string;
  createdBy: string | null;
  phase:
    'advancement' | 'job_search' | 'life_stabilization' | 'placement' | 'pre_employment' | 'retention' | 'training';
  title: string;
  status: Generated<'planned' | 'in_progress' | 'done' | 'stopped'>;
  startsOn: string | null;
  dueOn: string | null;
  completedOn: string | null;
  linkedKind: 'assessment' | 'case_note' | 'task' | 'referral' | null;
  linkedId: string | null;
};

export type PlanStepChangesTable = Timestamps & {
  id: Generated<string>;
  stepId: string;
  status: string;
  changedBy: string | null;
};

export type PlanAcknowledgementsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  agrees: boolean;
  method: 'client_account' | 'in_person' | 'phone' | 'written';
  comment: string | null;
  recordedBy: string | null;
};

export type TransfersTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  requestedBy: string | null;
  requestedByKind: 'client' | 'receiving_agency';
  reason: string | null;
  status: Generated<'requested' | 'accepted' | 'released' | 'cancelled'>;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  releaseDueOn: string | null;
  releasedAt: Date | null;
  releasedBy: string | null;
  // The transfer policy version that set releaseDueOn (null until accepted, or accepted before 0018).
  policyVersion: string | null;
  // The client's consent the transfer carries (a client-asked transfer recorded by the holding agency).
  consentId: string | null;
  // The receiving agency's task to accept, and the sending agency's to release (0020).
  acceptTaskId: string | null;
  releaseTaskId: string | null;
  // When the overdue release was announced (0021): once per transfer.
  releaseOverdueNotifiedAt: Generated<Date | null>;
};

export type ReferralsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  serviceId: string | null;
  toUserId: string | null;
  sentBy: string | null;
  handledBy: string | null;
  note: string | null;
  status: Generated<
    | 'sent'
    | 'received'
    | 'accepted'
    | 'declined'
    | 'waitlisted'
    | 'enrolled'
    | 'attending'
    | 'completed'
    | 'dropped'
    | 'withdrawn'
  >;
  reason:
    | 'no_capacity'
    | 'not_eligible'
    | 'could_not_contact'
    | 'no_longer_interested'
    | 'referred_elsewhere'
    | 'other'
    | null;
  reasonNote: string | null;
  issueOpen: Generated<boolean>;
  consentId: string | null;
  planStepId: string | null;
  policyVersion: string;
  acknowledgeDueOn: string;
  firstServiceDueOn: string | null;
  receivedAt: Date | null;
  acceptedAt: Date | null;
  enrolledAt: Date | null;
  closedAt: Date | null;
  respondTaskId: string | null;
  startTaskId: string | null;
  acknowledgeOverdueNotifiedAt: Date | null;
  firstServiceOverdueNotifiedAt: Date | null;
};

export type ReferralEventsTable = Timestamps & {
  id: Generated<string>;
  seq: Generated<string>;
  referralId: string;
  kind: 'status' | 'issue_raised' | 'issue_resolved' | 'rated';
  status:
    | 'sent'
    | 'received'
    | 'accepted'
    | 'declined'
    | 'waitlisted'
    | 'enrolled'
    | 'attending'
    | 'completed'
    | 'dropped'
    | 'withdrawn'
    | null;
  reason:
    | 'no_capacity'
    | 'not_eligible'
    | 'could_not_contact'
    | 'no_longer_interested'
    | 'referred_elsewhere'
    | 'other'
    | null;
  note: string | null;
  actorId: string | null;
  organizationId: string | null;
};

export type ReferralRatingsTable = Timestamps & {
  id: Generated<string>;
  referralId: string;
  rater: 'receiving_worker' | 'client';
  fit: 'good' | 'partial' | 'poor';
  comment: string | null;
  ratedBy: string | null;
};

export type AssessmentReviewsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  assessmentId: string;
  requestedBy: string | null;
  requestedVia: 'client_account' | 'staff';
  reason: string;
  taskId: string | null;
  status: Generated<'open' | 'answered'>;
  answeredBy: string | null;
  answer: string | null;
  outcome: 'upheld' | 'changed' | null;
  answeredAt: Date | null;
};

export type ClientAttachmentsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  organizationId: string;
  uploadedBy: string | null;
  kind: 'resume' | 'signed_consent' | 'other';
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
};

export type ClientAccessRequestsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  requestingOrganizationId: string;
  requestedBy: string | null;
  reason: string;
  status: Generated<'open' | 'granted' | 'declined'>;
  answeredBy: string | null;
  answeredAt: Date | null;
  consentId: string | null;
};

export type SyntheticLoadsTable = Timestamps & {
  id: Generated<string>;
  seed: number;
  clients: number;
  organizations: number;
  durationMs: number;
};

export type OutboxMessagesTable = Timestamps & {
  id: Generated<string>;
  kind: string;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  nextAttemptAt: ColumnType<Date, Date | string | undefined, Date | string>;
  claimedAt: Date | null;
  sentAt: Date | null;
  lastError: string | null;
  deliveryRef: string | null;
};

export type UsersTable = Timestamps & {
  id: Generated<string>;
  organizationId: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  status: Generated<'invited' | 'active' | 'disabled'>;
  preferredLanguage: Generated<'en' | 'fr'>;
  disabledAt: Date | null;
  totpSecret: Generated<string | null>;
  totpPendingSecret: Generated<string | null>;
  totpEnrolledAt: Generated<Date | null>;
  totpLastStep: Generated<number | null>;
  clientId: Generated<string | null>;
  // The daily e-mail digest of unread notifications (0021), and the city day it was last sent.
  notificationDigest: Generated<'off' | 'daily'>;
  digestSentOn: Generated<string | null>;
};

export type UserRolesTable = {
  userId: string;
  role:
    | 'agency_manager'
    | 'caseworker'
    | 'employer_user'
    | 'employment_counsellor'
    | 'job_developer'
    | 'job_seeker'
    | 'ombudsperson'
    | 'system_administrator'
    | 'system_analyst'
    | 'trainer';
  createdAt: ColumnType<Date, Date | string | undefined, never>;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type SessionsTable = Timestamps & {
  id: Generated<string>;
  tokenHash: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: ColumnType<Date, Date | string | undefined, Date | string>;
  absoluteExpiresAt: ColumnType<Date, Date | string, Date | string>;
  revokedAt: Date | null;
  revokedReason: 'password_changed' | 'sign_out' | 'sign_out_everywhere' | 'two_step_reset' | 'user_disabled' | null;
  userAgent: string | null;
};

export type AuditLogTable = {
  id: Generated<number>;
  actorKind: 'user' | 'system' | 'anonymous';
  actorUserId: string | null;
  actorName: string | null;
  actorOrganizationId: string | null;
  action: string;
  outcome: 'allowed' | 'denied' | 'succeeded' | 'failed';
  recordType: string | null;
  recordId: string | null;
  recordIds: string[] | null;
  clientId: string | null;
  purpose: string | null;
  reason: string | null;
  requestId: string | null;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
};

export type RateLimitsTable = Timestamps & {
  key: string;
  hits: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
};

export type AccountTokensTable = Timestamps & {
  id: Generated<string>;
  tokenHash: string;
  userId: string;
  purpose: 'invitation' | 'password_reset';
  expiresAt: ColumnType<Date, Date | string, Date | string>;
  usedAt: Date | null;
};

export type SchemaMigrationsTable = {
  version: number;
  name: string;
  checksum: string;
  appliedAt: ColumnType<Date, Date | string | undefined, never>;
};

// Reference data for matching (0029): read only.
export type NocOnetCrosswalkTable = { nocCode: string; onetCode: string; onetTitle: string };
export type EscoOccupationsTable = {
  uri: string;
  iscoGroup: string;
  label: string;
  altLabels: string[];
  description: string | null;
};
export type EscoSkillsTable = {
  uri: string;
  skillType: 'knowledge' | 'skill/competence';
  reuseLevel: 'sector-specific' | 'transversal';
  label: string;
  altLabels: string[];
  description: string | null;
};

export type EmployerProfilesTable = Timestamps & {
  organizationId: string;
  naicsCode: string | null;
  size: '1_4' | '5_19' | '20_99' | '100_499' | '500_plus' | null;
  leadOrganizationId: string | null;
  hiringPlans: string | null;
  skillsNeeded: Generated<string[]>;
  hrSupportWanted: Generated<string[]>;
  createdByOrganizationId: string | null;
};

export type EmployerContactsTable = Timestamps & {
  id: Generated<string>;
  employerId: string;
  name: string;
  jobTitle: string | null;
  phone: string | null;
  email: string | null;
  preferredLanguage: Generated<'en' | 'fr'>;
  isPrimary: Generated<boolean>;
};

export type HiringEventsTable = Timestamps & {
  id: Generated<string>;
  organizationId: string;
  createdBy: string | null;
  kind: 'job_fair' | 'hiring_event' | 'networking' | 'information_session';
  title: string;
  description: string | null;
  startsAt: ColumnType<Date, Date | string, Date | string>;
  endsAt: ColumnType<Date, Date | string, Date | string>;
  online: Generated<boolean>;
  address: string | null;
  postalCode: string | null;
  capacity: number | null;
  status: Generated<'planned' | 'held' | 'cancelled'>;
};

export type HiringEventEmployersTable = {
  eventId: string;
  employerId: string;
  addedBy: string | null;
  addedByOrganizationId: string;
  addedAt: ColumnType<Date, Date | string | undefined, never>;
};

export type HiringEventJobsTable = {
  eventId: string;
  employerId: string;
  jobOrderId: string;
};

export type HiringEventRegistrationsTable = {
  id: Generated<string>;
  eventId: string;
  clientId: string;
  organizationId: string;
  registeredBy: string | null;
  registeredAt: ColumnType<Date, Date | string | undefined, never>;
  attended: boolean | null;
  attendanceRecordedBy: string | null;
  attendanceRecordedAt: Date | null;
  cancelledAt: Date | null;
};

export type PlacementsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  jobOrderId: string;
  employerId: string;
  organizationId: string;
  proposedBy: string | null;
  status: Generated<'proposed' | 'shared' | 'interview' | 'offer' | 'hired' | 'not_hired' | 'withdrawn'>;
  reason:
    | 'not_selected'
    | 'candidate_declined'
    | 'no_show'
    | 'position_filled'
    | 'not_qualified'
    | 'consent_withdrawn'
    | 'client_found_other_work'
    | 'other'
    | null;
  pitch: string | null;
  consentId: string | null;
  sharedAt: Date | null;
  interviewAt: Date | null;
  employerTaskId: string | null;
  hiringEventId: Generated<string | null>;
};

export type PlacementEventsTable = {
  id: Generated<string>;
  placementId: string;
  status: 'proposed' | 'shared' | 'interview' | 'offer' | 'hired' | 'not_hired' | 'withdrawn';
  reason:
    | 'not_selected'
    | 'candidate_declined'
    | 'no_show'
    | 'position_filled'
    | 'not_qualified'
    | 'consent_withdrawn'
    | 'client_found_other_work'
    | 'other'
    | null;
  note: string | null;
  actorId: string | null;
  organizationId: string;
  at: ColumnType<Date, Date | string | undefined, never>;
  seq: ColumnType<number, never, never>;
};

export type PlacementEvaluationsTable = {
  id: Generated<string>;
  placementId: string;
  evaluatedBy: string | null;
  organizationId: string;
  periodEnd: string;
  attendance: number;
  punctuality: number;
  jobSkills: number;
  teamwork: number;
  communication: number;
  wouldHire: 'yes' | 'maybe' | 'no';
  comments: string | null;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
};

export type EmploymentsTable = {
  id: Generated<string>;
  clientId: string;
  placementId: string | null;
  employerId: string | null;
  organizationId: string;
  recordedBy: string | null;
  jobTitle: string;
  nocCode: string;
  startDate: string;
  endDate: string | null;
  // numeric(4,1): two part-time jobs' hours add up (the 20-hours rule).
  hoursPerWeek: number;
  hourlyWageCents: number;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
};

export type EmployerEngagementsTable = {
  id: Generated<string>;
  employerId: string;
  organizationId: string;
  userId: string | null;
  kind: 'call' | 'visit' | 'meeting' | 'email' | 'event' | 'hr_support' | 'lead_change';
  hrSupport: 'recruitment' | 'onboarding' | 'accommodation' | 'retention' | 'training' | 'incentives' | null;
  occurredOn: string;
  summary: string;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
};

export type JobOrdersTable = Timestamps & {
  id: Generated<string>;
  employerId: string;
  postedByOrganizationId: string;
  postedByUserId: string | null;
  title: string;
  nocCode: string;
  description: string;
  skills: Generated<string[]>;
  credentialsRequired: Generated<string[]>;
  hoursPerWeek: number;
  schedule: 'fixed' | 'predictable' | 'variable' | 'on_call';
  hourlyWageCents: number;
  hourlyWageMaxCents: number | null;
  benefits: Generated<string[]>;
  paidSickDays: Generated<number>;
  permanence: 'permanent' | 'contract' | 'temporary' | 'seasonal';
  durationMonths: number | null;
  advancementPath: Generated<boolean>;
  trainingProvided: Generated<boolean>;
  safetyTraining: Generated<boolean>;
  workplace: 'on_site' | 'hybrid' | 'remote';
  siteId: string | null;
  postalCode: string | null;
  accommodationsOffered: Generated<string[]>;
  openings: number;
  closingOn: string | null;
  wilType: 'co_op' | 'internship' | 'work_placement' | 'apprenticeship' | 'paid_work_experience' | null;
  incentive: 'wage_subsidy' | 'training_subsidy' | 'hiring_incentive' | 'other' | null;
  incentiveNote: string | null;
  status: Generated<'open' | 'on_hold' | 'filled' | 'closed'>;
  decentWorkScore: number;
  decentWorkModel: string;
};

export type Database = {
  neighbourhoods: NeighbourhoodsTable;
  forwardSortationAreas: ForwardSortationAreasTable;
  organizations: OrganizationsTable;
  sites: SitesTable;
  services: ServicesTable;
  serviceSites: ServiceSitesTable;
  serviceSchedules: ServiceSchedulesTable;
  serviceIntakeWindows: ServiceIntakeWindowsTable;
  serviceContacts: ServiceContactsTable;
  clients: ClientsTable;
  clientEquity: ClientEquityTable;
  clientStatusChanges: ClientStatusChangesTable;
  clientWorkHistory: ClientWorkHistoryTable;
  clientBarriers: ClientBarriersTable;
  clientAccommodations: ClientAccommodationsTable;
  clientExternalIds: ClientExternalIdsTable;
  consents: ConsentsTable;
  assessments: AssessmentsTable;
  caseTeamMembers: CaseTeamMembersTable;
  caseNotes: CaseNotesTable;
  tasks: TasksTable;
  notifications: NotificationsTable;
  planGoals: PlanGoalsTable;
  planSteps: PlanStepsTable;
  planStepChanges: PlanStepChangesTable;
  planAcknowledgements: PlanAcknowledgementsTable;
  transfers: TransfersTable;
  referrals: ReferralsTable;
  referralEvents: ReferralEventsTable;
  referralRatings: ReferralRatingsTable;
  assessmentReviews: AssessmentReviewsTable;
  clientAttachments: ClientAttachmentsTable;
  clientAccessRequests: ClientAccessRequestsTable;
  consentRevocations: ConsentRevocationsTable;
  syntheticLoads: SyntheticLoadsTable;
  outboxMessages: OutboxMessagesTable;
  users: UsersTable;
  userRoles: UserRolesTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
  rateLimits: RateLimitsTable;
  accountTokens: AccountTokensTable;
  schemaMigrations: SchemaMigrationsTable;
  nocOnetCrosswalk: NocOnetCrosswalkTable;
  escoOccupations: EscoOccupationsTable;
  escoSkills: EscoSkillsTable;
  employerProfiles: EmployerProfilesTable;
  employerContacts: EmployerContactsTable;
  employerEngagements: EmployerEngagementsTable;
  jobOrders: JobOrdersTable;
  placements: PlacementsTable;
  placementEvents: PlacementEventsTable;
  placementEvaluations: PlacementEvaluationsTable;
  employments: EmploymentsTable;
  hiringEvents: HiringEventsTable;
  hiringEventEmployers: HiringEventEmployersTable;
  hiringEventJobs: HiringEventJobsTable;
  hiringEventRegistrations: HiringEventRegistrationsTable;
};
