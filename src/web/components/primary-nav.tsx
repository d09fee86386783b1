import { NavLink } from 'react-router';
import type { SessionCan } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { SITE_NAV_ID, useSiteMenu } from './site-menu.tsx';

// Each entry for those the session's `can` opens it to (the server decides from the action the
// page's API needs); the server still decides every request.
const signedInLinks: { to: string; label: MessageKey; can: keyof SessionCan }[] = [
  { to: '/my-file', label: 'nav.myFile', can: 'myFile' },
  { to: '/work', label: 'nav.work', can: 'work' },
  { to: '/caseload', label: 'nav.caseload', can: 'caseload' },
  { to: '/tasks', label: 'nav.tasks', can: 'tasks' },
  { to: '/clients/new', label: 'nav.newClient', can: 'newClient' },
  { to: '/access-requests', label: 'nav.accessRequests', can: 'accessRequests' },
  { to: '/transfers', label: 'nav.transfers', can: 'transfers' },
  { to: '/referrals', label: 'nav.referrals', can: 'referrals' },
  { to: '/employers', label: 'nav.employers', can: 'employers' },
  { to: '/jobs', label: 'nav.jobs', can: 'jobs' },
  { to: '/placements', label: 'nav.placements', can: 'placements' },
  { to: '/reports/assessments', label: 'nav.reports', can: 'reports' },
  { to: '/reports/landscape', label: 'nav.landscape', can: 'landscape' },
];

// NavLink marks the current page with aria-current="page".
export function PrimaryNav() {
  const { t } = useI18n();
  const session = useSession();
  const can = session.status === 'signedIn' ? session.can : undefined;
  const menu = useSiteMenu();
  return (
    <nav className="primary-nav" aria-label={t('layout.primaryNav')}>
      <ul id={SITE_NAV_ID} className={menu.open ? 'container is-open' : 'container'}>
        <li>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/directory">{t('nav.directory')}</NavLink>
        </li>
        <li>
          <NavLink to="/services">{t('nav.services')}</NavLink>
        </li>
        <li>
          <NavLink to="/events">{t('nav.events')}</NavLink>
        </li>
        {can
          ? signedInLinks
              .filter((link) => can[link.can])
              .map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end>
                    {t(link.label)}
                  </NavLink>
                </li>
              ))
          : null}
        {can?.administration ? (
          <li>
            <NavLink to="/admin">{t('nav.admin')}</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
