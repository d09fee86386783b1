import type { ReactNode } from 'react';
import type { Role, User } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { NotForYourRole } from './require-admin.tsx';
import { RequireSignIn } from './require-sign-in.tsx';

export type StaffScope = { user: User; csrfToken: string };

// The roles that open clients' files (intake, assessment, consent): docs/permissions.md 3.4–3.6.
export const clientStaffRoles: readonly Role[] = ['agency_manager', 'employment_counsellor', 'caseworker'];

export function isClientStaff(user: Pick<User, 'roles'>): boolean {
  return user.roles.some((role) => clientStaffRoles.includes(role));
}

export function isAgencyManager(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('agency_manager');
}

// Everyone who works with clients and may sit on a case team (docs/permissions.md 3.8–3.9).
export const caseWorkerRoles: readonly Role[] = ['agency_manager', 'employment_counsellor', 'caseworker', 'job_developer', 'trainer'];

export function hasAnyRole(user: Pick<User, 'roles'>, roles: readonly Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

export function isCaseWorker(user: Pick<User, 'roles'>): boolean {
  return hasAnyRole(user, caseWorkerRoles);
}

// A client's own account (docs/permissions.md, `self` for `job_seeker`).
export function isJobSeeker(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('job_seeker');
}

// Pages for the staff who open and work clients' files. The server decides every request; this only
// keeps the UI from offering what it would refuse.
export function RequireClientStaff({ children }: { children: (scope: StaffScope) => ReactNode }) {
  return (
    <RequireSignIn>
      <StaffInner>{children}</StaffInner>
    </RequireSignIn>
  );
}

function StaffInner({ children }: { children: (scope: StaffScope) => ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  if (session.status !== 'signedIn') return null;
  if (!isClientStaff(session.user)) return <NotForYourRole body={t('clients.notAllowedBody')} />;
  return <>{children({ user: session.user, csrfToken: session.csrfToken })}</>;
}
