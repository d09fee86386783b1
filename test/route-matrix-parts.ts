// How the route matrix is split into files that run in parallel (src/access/route-matrix.*.int.test.ts).
const path = (route: string) => route.split(' ')[1] ?? '';
const clientWork = /^\/api\/clients\/:id\/(team|notes|tasks|plan|timeline|summary|transfers|referrals|placements)/;

export const matrixParts = {
  // The directory, sign-in, users, the audit log, reference data and reports.
  platform: (route: string) =>
    !path(route).startsWith('/api/clients') &&
    !/^\/api\/(tasks|caseload|notifications|transfers|referrals|placements|access-requests|me)/.test(path(route)),
  // The client record: intake, duplicates, consents, assessments and reviews, attachments, accounts, access requests.
  record: (route: string) =>
    (path(route).startsWith('/api/clients') && !clientWork.test(path(route))) ||
    /^\/api\/(access-requests|me)/.test(path(route)),
  // Case work: the team, notes, tasks, caseloads, notifications, plans, timeline and summary, transfers, referrals.
  caseWork: (route: string) =>
    clientWork.test(path(route)) ||
    /^\/api\/(tasks|caseload|notifications|transfers|referrals|placements)/.test(path(route)),
};
