import type { OrganizationType } from '../domain/organizations/organization.ts';

// The vocabulary of who acts (docs/permissions.md, section 1). It lives in the access layer, below
// the modules, so that deciding access never imports a module; the accounts module re-exports it.
export const roles = [
  'system_administrator',
  'system_analyst',
  'agency_manager',
  'employment_counsellor',
  'job_developer',
  'caseworker',
  'trainer',
  'employer_user',
  'job_seeker',
  'ombudsperson',
] as const;
export type Role = (typeof roles)[number];

// The parts of a client's file a consent opens, field by field (docs/permissions.md 2.2); the clients
// module builds its schema on it.
export const consentCategories = ['identity_contact', 'employment', 'assessment', 'plan', 'notes', 'equity'] as const;
export type ConsentCategory = (typeof consentCategories)[number];

// Which roles an organization's staff may hold (docs/permissions.md, section 1), shared by the server's
// checks and the web UI's forms: system-wide roles only at the system manager, employer users only at
// employers, agency roles at agencies. Client accounts (`job_seeker`) are not staff: they come only from
// a client's record (`client.invite_account`). Pure data, safe to bundle for the browser.
export const staffRolesByOrganizationType: Record<OrganizationType, readonly Role[]> = {
  system_manager: ['system_administrator', 'system_analyst', 'ombudsperson'],
  employment_service_provider: ['agency_manager', 'employment_counsellor', 'caseworker', 'job_developer', 'trainer'],
  social_assistance_office: ['agency_manager', 'employment_counsellor', 'caseworker'],
  training_organization: ['agency_manager', 'employment_counsellor', 'job_developer', 'trainer'],
  community_agency: ['agency_manager', 'employment_counsellor', 'caseworker', 'job_developer', 'trainer'],
  employer: ['employer_user'],
};

// Who may sit on a client's case team (docs/permissions.md 3.9): the staff who work with clients.
export const caseTeamRoles: readonly Role[] = [
  'agency_manager',
  'employment_counsellor',
  'caseworker',
  'job_developer',
  'trainer',
];

// What an agency manager may grant; system roles and employer users are granted by system administrators.
export const agencyRoles: readonly Role[] = [
  'agency_manager',
  'employment_counsellor',
  'caseworker',
  'job_developer',
  'trainer',
];

// The roles a person holding `actorRoles` may give someone at an organization of this type.
export function grantableRoles(actorRoles: readonly Role[], type: OrganizationType): Role[] {
  const fitting = staffRolesByOrganizationType[type];
  if (actorRoles.includes('system_administrator')) return [...fitting];
  if (actorRoles.includes('agency_manager')) return fitting.filter((r) => agencyRoles.includes(r));
  return [];
}
