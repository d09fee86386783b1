import { Outlet } from 'react-router';
import { MAIN_ID, SkipLink } from './skip-link.tsx';
import { SiteHeader } from './site-header.tsx';
import { PrimaryNav } from './primary-nav.tsx';
import { SiteFooter } from './site-footer.tsx';
import { RouteFocusProvider } from './route-focus.tsx';
import { MfaEnrolmentGate } from './require-sign-in.tsx';
import { SiteMenuProvider } from './site-menu.tsx';

export function Layout() {
  return (
    <RouteFocusProvider>
      <SkipLink />
      <SiteMenuProvider>
        <SiteHeader />
        <PrimaryNav />
      </SiteMenuProvider>
      {/* tabIndex -1: the skip link can move focus here without adding a tab stop. */}
      <main id={MAIN_ID} tabIndex={-1} className="container main">
        <MfaEnrolmentGate>
          <Outlet />
        </MfaEnrolmentGate>
      </main>
      <SiteFooter />
    </RouteFocusProvider>
  );
}
