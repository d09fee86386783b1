import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { Loading } from './status.tsx';

// Pages for signed-in people: a visitor is sent to sign in and brought back afterwards; a session that
// ended on the server says so there.
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const { pathname, search } = useLocation();
  if (session.status === 'loading') {
    return <Loading label={t('account.loading')} />;
  }
  if (session.status === 'signedOut') {
    const params = new URLSearchParams({ next: `${pathname}${search}` });
    if (session.ended) params.set('expired', '1');
    if (session.everywhere) params.set('everywhere', '1');
    return <Navigate to={`/sign-in?${params.toString()}`} replace />;
  }
  return <>{children}</>;
}

// While a role requires two-step sign-in that is not set up, the server opens nothing but enrolment,
// the session and sign-out; the UI takes the person straight to enrolment rather than to refusals.
export function MfaEnrolmentGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const { pathname } = useLocation();
  const open = pathname === '/account/two-step' || pathname === '/sign-in';
  if (session.status === 'signedIn' && session.mfaEnrolmentRequired && !open)
    return <Navigate to="/account/two-step" replace />;
  return <>{children}</>;
}
