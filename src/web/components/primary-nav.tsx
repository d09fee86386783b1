import { NavLink } from 'react-router';
import type { Role } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { isAdministrator } from './require-admin.tsx';
import { caseWorkerRoles, clientStaffRoles, hasAnyRole } from './require-client-staff.tsx';

// Each entry for the roles whose work it is (docs/permissions.md 3); the server decides every request.
const signedInLinks: { to: string; label: MessageKey; roles: readonly Role[] }[] = [
  { to: '/my-file', label: 'nav.myFile', roles: ['job_seeker'] },
  { to: '/caseload', label: 'nav.caseload', roles: ['agency_manager', 'employment_counsellor', 'caseworker', 'job_developer'] },
  { to: '/tasks', label: 'nav.tasks', roles: caseWorkerRoles },
  { to: '/clients/new', label: 'nav.newClient', roles: clientStaffRoles },
  { to: '/access-requests', label: 'nav.accessRequests', roles: clientStaffRoles },
  { to: '/reports/assessments', label: 'nav.reports', roles: ['system_administrator', 'system_analyst', 'agency_manager'] },
];

// NavLink marks the current page with aria-current="page".
export function PrimaryNav() {
  const { t } = useI18n();
  const session = useSession();
  const user = session.status === 'signedIn' ? session.user : undefined;
  const admin = user !== undefined && isAdministrator(user);
  return (
    <nav className="primary-nav" aria-label={t('layout.primaryNav')}>
      <ul className="container">
        <li>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/directory">{t('nav.directory')}</NavLink>
        </li>
        {user
          ? signedInLinks
              .filter((link) => hasAnyRole(user, link.roles))
              .map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end>
                    {t(link.label)}
                  </NavLink>
                </li>
              ))
          : null}
        {admin ? (
          <li>
            <NavLink to="/admin">{t('nav.admin')}</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
