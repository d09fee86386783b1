// The web UI's page paths. The server answers these with the app shell (200) and any other
// non-API path with the shell and a 404 status, so monitoring sees a missing page as missing.
export const pagePaths = [
  '/',
  '/directory',
  '/organizations/:id',
  '/sign-in',
  '/forgot-password',
  '/reset-password',
  '/accept-invitation',
  '/account',
  '/account/two-step',
  '/admin',
  '/admin/users',
  '/admin/users/invite',
  '/admin/audit',
  '/admin/organizations',
  '/admin/organizations/new',
  '/admin/organizations/:id',
  '/clients/new',
  '/clients/:id',
] as const;
