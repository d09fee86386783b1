import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, getSession, isAbort, login, logout, type SessionInfo, type User } from './api.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: User; csrfToken: string };

export type Session = SessionState & {
  signIn: (email: string, password: string) => Promise<SessionInfo>;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<Session | undefined>(undefined);

function signedIn(info: SessionInfo): SessionState {
  return { status: 'signedIn', user: info.user, csrfToken: info.csrfToken };
}

// The session cookie is HttpOnly, so the page learns who is signed in by asking the server once at start.
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    getSession(controller.signal).then(
      (info) => setState(signedIn(info)),
      (error: unknown) => {
        if (isAbort(error)) return;
        // 401 is the ordinary answer when nobody is signed in; any other failure leaves the person
        // signed out too, and signing in will say what is wrong.
        setState({ status: 'signedOut' });
      },
    );
    return () => controller.abort();
  }, []);

  const csrfToken = state.status === 'signedIn' ? state.csrfToken : undefined;
  const signIn = useCallback(
    async (email: string, password: string) => {
      const info = await login({ email, password }, csrfToken);
      setState(signedIn(info));
      return info;
    },
    [csrfToken],
  );

  const signOut = useCallback(async () => {
    if (csrfToken === undefined) return;
    try {
      await logout(csrfToken);
    } catch (error) {
      // An expired session is already signed out; anything else the caller reports.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ status: 'signedOut' });
  }, [csrfToken]);

  const value = useMemo<Session>(() => ({ ...state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider> above it.');
  return value;
}
