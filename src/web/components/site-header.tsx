import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { AccountMenu } from './account-menu.tsx';
import { SITE_NAV_ID, SITE_TOOLS_ID, useSiteMenu } from './site-menu.tsx';
import { UnreadBadge, UnreadContext, useUnreadCount } from './notification-count.tsx';
import { useSession } from '../session.tsx';

export function SiteHeader() {
  const { t } = useI18n();
  const menu = useSiteMenu();
  const session = useSession();
  const unread = useUnreadCount(session.status === 'signedIn');
  return (
    <UnreadContext.Provider value={unread}>
      <header className="site-header">
        <div className="container site-header-inner">
          <p className="brand">
            <Link to="/" className="brand-link">
              <span className="brand-name">Continuum</span>
              <span className="brand-tagline">{t('layout.tagline')}</span>
            </Link>
          </p>
          {/* Only on a narrow screen (styles.css): the tools and the navigation fold behind it. */}
          <button
            type="button"
            className="header-button menu-button"
            aria-expanded={menu.open}
            aria-controls={`${SITE_TOOLS_ID} ${SITE_NAV_ID}`}
            onClick={menu.toggle}
            onKeyDown={(e) => {
              if (e.key === 'Escape') menu.close();
            }}
          >
            {t('layout.menu')}
            <UnreadBadge />
          </button>
          <div id={SITE_TOOLS_ID} className={menu.open ? 'site-header-tools is-open' : 'site-header-tools'}>
            <AccountMenu />
            <LanguageSwitch />
          </div>
        </div>
      </header>
    </UnreadContext.Provider>
  );
}
