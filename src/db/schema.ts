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
};

export type ClientEquityTable = Timestamps & {
  clientId: string;
  newcomer: boolean | null;
  arrivalYear: number | null;
  disability: boolean | null;
  francophone: boolean | null;
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
