import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  ApiError,
  getSession,
  isAbort,
  login,
  logout,
  logoutEverywhere,
  onUnauthorized,
  type SessionCan,
  type SessionInfo,
  type User,
} from './api.ts';

export type SessionState =
  | { status: 'loading' }
  // `ended`: the server stopped honouring a session this page had (expired, signed out elsewhere, disabled).
  | { status: 'signedOut'; ended: boolean; everywhere?: boolean }
  | { status: 'signedIn'; user: User; csrfToken: string; mfaEnrolmentRequired: boolean; can: SessionCan };

export type Session = SessionState & {
  signIn: (email: string, password: string, code?: string) => Promise<SessionInfo>;
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<number>;
  // Asks the server again (after setting up two-step sign-in, say).
  refresh: () => Promise<void>;
};

const SessionContext = createContext<Session | undefined>(undefined);

function signedIn(info: SessionInfo): SessionState {
  return {
    status: 'signedIn',
    user: info.user,
    csrfToken: info.csrfToken,
    mfaEnrolmentRequired: info.mfaEnrolmentRequired,
    can: info.can,
  };
}

// The session cookie is HttpOnly, so the page learns who is signed in by asking the server once at start.
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const statusRef = useRef(state.status);
  statusRef.current = state.status;

  useEffect(() => {
    const controller = new AbortController();
    getSession(controller.signal).then(
      (info) => setState(signedIn(info)),
      (error: unknown) => {
        if (isAbort(error)) return;
        // 401 is the ordinary answer when nobody is signed in; any other failure leaves the person
        // signed out too, and signing in will say what is wrong.
        setState({ status: 'signedOut', ended: false });
      },
    );
    return () => controller.abort();
  }, []);

  // A 401 from any other request while signed in means the session is over on the server.
  useEffect(() => {
    onUnauthorized(() => {
      if (statusRef.current === 'signedIn') setState({ status: 'signedOut', ended: true });
    });
    return () => onUnauthorized(undefined);
  }, []);

  const csrfToken = state.status === 'signedIn' ? state.csrfToken : undefined;
  const signIn = useCallback(
    async (email: string, password: string, code?: string) => {
      const info = await login({ email, password, ...(code ? { code } : {}) }, csrfToken);
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
    setState({ status: 'signedOut', ended: false });
  }, [csrfToken]);

  const signOutEverywhere = useCallback(async () => {
    if (csrfToken === undefined) return 0;
    const { sessionsEnded } = await logoutEverywhere(csrfToken);
    setState({ status: 'signedOut', ended: false, everywhere: true });
    return sessionsEnded;
  }, [csrfToken]);

  const refresh = useCallback(async () => {
    try {
      setState(signedIn(await getSession()));
    } catch {
      setState({ status: 'signedOut', ended: statusRef.current === 'signedIn' });
    }
  }, []);

  const value = useMemo<Session>(
    () => ({ ...state, signIn, signOut, signOutEverywhere, refresh }),
    [state, signIn, signOut, signOutEverywhere, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider> above it.');
  return value;
}
