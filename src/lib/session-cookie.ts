// The session cookie and the CSRF header, shared by the sign-in routes that set them and the server's
// hook that reads them.
export const SESSION_COOKIE = 'continuum_session';
export const CSRF_HEADER = 'x-csrf-token';

export function sessionCookieOptions(options: { cookieSecure: boolean; maxAgeSeconds: number }) {
  return {
    path: '/',
    httpOnly: true,
    secure: options.cookieSecure,
    sameSite: 'strict' as const,
    maxAge: options.maxAgeSeconds,
  };
}
