import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { User } from '../api.ts';
import { useDocumentTitle, useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { PageHeading } from './route-focus.tsx';
import { RequireSignIn } from './require-sign-in.tsx';

export type AdminScope = { user: User; csrfToken: string; acrossOrganizations: boolean };

// What a page says to someone whose roles do not include its work; `body` says who the page is for.
export function NotForYourRole({ body }: { body?: string }) {
  const { t } = useI18n();
  useDocumentTitle(t('admin.notAllowedTitle'));
  return (
    <>
      <PageHeading>{t('admin.notAllowedTitle')}</PageHeading>
      <p className="lead">{body ?? t('admin.notAllowedBody')}</p>
      <p>
        <Link to="/account">{t('signIn.yourAccount')}</Link>
      </p>
    </>
  );
}

// Administration is for those who may invite users: system administrators (every organization) and
// agency managers (their own), as the session's `can` says. The server decides every request.
export function RequireAdmin({ children }: { children: (scope: AdminScope) => ReactNode }) {
  return (
    <RequireSignIn>
      <AdminInner>{children}</AdminInner>
    </RequireSignIn>
  );
}

function AdminInner({ children }: { children: (scope: AdminScope) => ReactNode }) {
  const session = useSession();
  if (session.status !== 'signedIn') return null;
  if (!session.can.administration) return <NotForYourRole />;
  return (
    <>
      {children({
        user: session.user,
        csrfToken: session.csrfToken,
        acrossOrganizations: session.can.everyOrganization,
      })}
    </>
  );
}
