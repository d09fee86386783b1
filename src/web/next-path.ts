// Where to go after signing in. Only a path on this site: "//evil.example" and "/\evil.example" are
// other sites to a browser, so an open redirect through ?next= is refused and the home page used.
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Control characters and backslashes are stripped or rewritten by URL parsers; refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  const base = 'http://continuum.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  // Back to the sign-in page would only show the form again.
  if (url.pathname === '/sign-in') return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

// Where someone lands after signing in when no page asked for it: staff on their work, a job seeker on
// their own file, anyone else (an employer user, an administrator) on the home page.
export function landingPath(can: { work: boolean; myFile: boolean }): string {
  if (can.work) return '/work';
  if (can.myFile) return '/my-file';
  return '/';
}
