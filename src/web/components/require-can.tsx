import type { ReactNode } from 'react';
import type { SessionCan, User } from '../api.ts';
import { useSession } from '../session.tsx';
import { NotForYourRole } from './require-admin.tsx';
import { RequireSignIn } from './require-sign-in.tsx';

export type StaffPage = { user: User; csrfToken: string; can: SessionCan };

// A page the session's `can` opens (the server decides it from the action the page's API needs);
// anyone else reads who the page is for. The server still decides every request.
export function RequireCan({
  page,
  body,
  children,
}: {
  page: keyof SessionCan;
  body: string;
  children: (scope: StaffPage) => ReactNode;
}) {
  return (
    <RequireSignIn>
      <CanInner page={page} body={body}>
        {children}
      </CanInner>
    </RequireSignIn>
  );
}

function CanInner({
  page,
  body,
  children,
}: {
  page: keyof SessionCan;
  body: string;
  children: (scope: StaffPage) => ReactNode;
}) {
  const session = useSession();
  if (session.status !== 'signedIn') return null;
  if (!session.can[page]) return <NotForYourRole body={body} />;
  return <>{children({ user: session.user, csrfToken: session.csrfToken, can: session.can })}</>;
}
