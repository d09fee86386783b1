import { NavLink } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

// NavLink marks the current page with aria-current="page".
export function PrimaryNav() {
  const { t } = useI18n();
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
      </ul>
    </nav>
  );
}
