import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { AccountMenu } from './account-menu.tsx';

export function SiteHeader() {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <p className="brand">
          <Link to="/" className="brand-link">
            <span className="brand-name">Continuum</span>
            <span className="brand-tagline">{t('layout.tagline')}</span>
          </Link>
        </p>
        <div className="site-header-tools">
          <AccountMenu />
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
