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
