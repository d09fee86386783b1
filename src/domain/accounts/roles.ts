import type { Role } from './account.ts';
import type { OrganizationType } from '../organizations/organization.ts';

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

// What an agency manager may grant; system roles and employer users are granted by system administrators.
export const agencyRoles: readonly Role[] = ['agency_manager', 'employment_counsellor', 'caseworker', 'job_developer', 'trainer'];

// The roles a person holding `actorRoles` may give someone at an organization of this type.
export function grantableRoles(actorRoles: readonly Role[], type: OrganizationType): Role[] {
  const fitting = staffRolesByOrganizationType[type];
  if (actorRoles.includes('system_administrator')) return [...fitting];
  if (actorRoles.includes('agency_manager')) return fitting.filter((r) => agencyRoles.includes(r));
  return [];
}
