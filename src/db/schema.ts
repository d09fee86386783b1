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
  population2016: number;
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
  type: string;
  website: string | null;
  phone: string | null;
  email: string | null;
  offersFrench: Generated<boolean>;
};

export type SitesTable = Timestamps & {
  id: Generated<string>;
  organizationId: string;
  name: string;
  streetAddress: string;
  city: Generated<string>;
  province: Generated<string>;
  postalCode: string;
  neighbourhoodId: number | null;
  latitude: number | null;
  longitude: number | null;
  wheelchairAccessible: boolean | null;
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
  educationLevel: string;
  incomeSource: string;
  preferredName: string | null;
  pronouns: string | null;
  otherLanguages: Generated<string[]>;
  interpreterNeeded: Generated<boolean>;
  interpreterLanguage: string | null;
  email: string | null;
  phone: string | null;
  streetAddress: string | null;
  literacyNumeracy: Generated<string>;
  goalStatement: string | null;
  targetNocCodes: Generated<string[]>;
  hoursWanted: number | null;
  timeHorizon: string | null;
  status: Generated<'active' | 'on_hold' | 'closed'>;
  closedReason: string | null;
  createdBy: string | null;
  searchName: ColumnType<string, never, never>;
};

export type ClientEquityTable = Timestamps & {
  clientId: string;
  newcomer: boolean | null;
  arrivalYear: number | null;
  disability: boolean | null;
  francophone: boolean | null;
  indigenousIdentity: string | null;
  racializedGroup: string[] | null;
  gender: string | null;
  lgbtq2s: boolean | null;
};

export type ClientStatusChangesTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  status: string;
  kind: string;
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

export type ClientBarriersTable = Timestamps & { clientId: string; kind: string; status: string };

export type ClientAccommodationsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  kind: string;
  disabilityRelated: boolean;
  description: string | null;
};

export type ClientExternalIdsTable = Timestamps & { clientId: string; kind: string; value: string };

export type ConsentsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  organizationId: string;
  recordedByOrganizationId: string;
  recordedBy: string | null;
  categories: string[];
  purpose: string;
  method: string;
  evidence: string;
  startsOn: string;
  expiresOn: string;
};

export type ConsentRevocationsTable = Timestamps & {
  consentId: string;
  revokedBy: string | null;
  method: string;
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
  teamRole: string;
  addedBy: string | null;
  removedAt: Date | null;
  removedBy: string | null;
  removalReason: string | null;
};

export type CaseNotesTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  organizationId: string;
  authorId: string | null;
  kind: string;
  visibility: 'agency' | 'case_team' | 'client';
  contactOn: string;
  body: string;
  correctsNoteId: string | null;
};

export type TasksTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  organizationId: string;
  createdBy: string | null;
  assignedTo: string;
  kind: string;
  phase: Generated<string>;
  title: string;
  dueOn: string;
  recurrence: Generated<string>;
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
  kind: string;
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
  phase: string;
  title: string;
  status: Generated<'planned' | 'in_progress' | 'done' | 'stopped'>;
  startsOn: string | null;
  dueOn: string | null;
  completedOn: string | null;
  linkedKind: string | null;
  linkedId: string | null;
};

export type PlanStepChangesTable = Timestamps & { id: Generated<string>; stepId: string; status: string; changedBy: string | null };

export type PlanAcknowledgementsTable = Timestamps & {
  id: Generated<string>;
  clientId: string;
  agrees: boolean;
  method: string;
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
};

export type UserRolesTable = {
  userId: string;
  role: string;
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
  revokedReason: string | null;
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

export type Database = {
  neighbourhoods: NeighbourhoodsTable;
  forwardSortationAreas: ForwardSortationAreasTable;
  organizations: OrganizationsTable;
  sites: SitesTable;
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
};
