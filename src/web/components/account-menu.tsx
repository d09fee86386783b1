import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { NotificationLink } from './notification-count.tsx';

type Notice = 'none' | 'signedOut' | 'signOutFailed';

// Signed out: a "Sign in" link that brings the person back to this page. Signed in: who, and "Sign out".
export function AccountMenu() {
  const { t } = useI18n();
  const session = useSession();
  const { pathname, search } = useLocation();
  const [notice, setNotice] = useState<Notice>('none');
  const [busy, setBusy] = useState(false);
  const signInLink = useRef<HTMLAnchorElement>(null);
  const focusSignIn = useRef(false);

  // The "Sign out" button disappears with the session: focus goes to the link that takes its place
  // rather than falling back to the top of the document.
  useEffect(() => {
    if (session.status === 'signedOut' && focusSignIn.current) {
      focusSignIn.current = false;
      signInLink.current?.focus();
    }
    if (session.status === 'signedIn') setNotice('none');
  }, [session.status]);

  const onSignOut = () => {
    setBusy(true);
    // Asked for before the request: another check of the session (the notification count, say) may see it
    // end first, and the link that appears then must take focus all the same.
    focusSignIn.current = true;
    session.signOut().then(
      () => {
        setNotice('signedOut');
        setBusy(false);
      },
      () => {
        focusSignIn.current = false;
        setNotice('signOutFailed');
        setBusy(false);
      },
    );
  };

  const here = `${pathname}${search}`;
  const next = pathname === '/' || pathname === '/sign-in' ? '' : `?${new URLSearchParams({ next: here }).toString()}`;

  return (
    <div className="account" aria-busy={session.status === 'loading'}>
      {session.status === 'signedIn' ? (
        <>
          <p className="account-name">
            <Link to="/account" className="header-link">
              {t('account.signedInAs', { name: session.user.displayName })}
            </Link>
          </p>
          {/* Until two-step sign-in is set up the server opens nothing else, so nothing is asked. */}
          {session.mfaEnrolmentRequired ? null : <NotificationLink />}
          <button type="button" className="header-button" onClick={onSignOut} disabled={busy}>
            {t('account.signOut')}
          </button>
        </>
      ) : null}
      {session.status === 'signedOut' ? (
        <Link ref={signInLink} to={`/sign-in${next}`} className="header-link">
          {t('account.signIn')}
        </Link>
      ) : null}
      {/* Always in the page, so the change of text is announced (politely) where it happens. */}
      <p role="status" className="account-notice">
        {notice === 'signedOut' ? t('account.signedOut') : notice === 'signOutFailed' ? t('account.signOutFailed') : ''}
      </p>
    </div>
  );
}
