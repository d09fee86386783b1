import { NavLink } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { isAdministrator } from './require-admin.tsx';
import { isClientStaff } from './require-client-staff.tsx';

// NavLink marks the current page with aria-current="page".
export function PrimaryNav() {
  const { t } = useI18n();
  const session = useSession();
  const admin = session.status === 'signedIn' && isAdministrator(session.user);
  const staff = session.status === 'signedIn' && isClientStaff(session.user);
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
        {staff ? (
          <li>
            <NavLink to="/clients/new">{t('nav.newClient')}</NavLink>
          </li>
        ) : null}
        {admin ? (
          <li>
            <NavLink to="/admin">{t('nav.admin')}</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
