import { z } from 'zod';

// What the actor may do, as the answers tell the web UI (issue 9, point 4): a `can` map of booleans
// on a client's record (and its summary) and on the session. The server decides them in
// decide-can.ts from the same rules its routes apply, so the UI shows an action exactly when its
// route would take it, and keeps no role list of its own. Pure names and schemas: safe for the web.

// One entry per thing a client's pages offer; the comment names the route whose answer it predicts.
export const clientActions = [
  'readPlan', // GET /api/clients/:id/plan
  'createPlan', // POST /api/clients/:id/plan/goals, /steps
  'updatePlan', // PATCH /api/clients/:id/plan/goals/:itemId, /steps/:itemId
  'acknowledgePlan', // POST /api/clients/:id/plan/acknowledgements
  'readNotes', // GET /api/clients/:id/notes
  'addNote', // POST /api/clients/:id/notes
  'correctOwnNotes', // POST /api/clients/:id/notes/:noteId/corrections, a note the actor wrote
  'correctAgencyNotes', // the same, a note another person of the actor's organization wrote
  'readTasks', // GET /api/clients/:id/tasks
  'addTask', // POST /api/clients/:id/tasks
  'readTeam', // GET /api/clients/:id/team
  'readAccessLog', // GET /api/clients/:id/access-log: who opened the file
  'addTeamMember', // POST /api/clients/:id/team (and GET …/team/candidates)
  'removeTeamMembers', // POST /api/clients/:id/team/:memberId/remove, another member
  'leaveTeam', // the same, the actor's own place
  'readConsents', // GET /api/clients/:id/consents
  'grantConsent', // POST /api/clients/:id/consents
  'revokeConsents', // POST /api/clients/:id/consents/:consentId/revoke, any consent of the file
  'revokeConsentsNamingYou', // the same, a consent naming the actor's organization
  'readAssessment', // GET /api/clients/:id/assessments, /reviews
  'createAssessment', // POST /api/clients/:id/assessments
  'overrideAssessment', // POST /api/clients/:id/assessments/:assessmentId/override (not one's own)
  'requestReview', // POST /api/clients/:id/assessments/:assessmentId/reviews
  'answerReview', // POST /api/clients/:id/reviews/:reviewId/answer
  'readAttachments', // GET /api/clients/:id/attachments
  'addAttachment', // POST /api/clients/:id/attachments
  'updateRecord', // PATCH /api/clients/:id
  'changeStatus', // POST /api/clients/:id/status
  'inviteAccount', // POST /api/clients/:id/account
  'readTransfers', // GET /api/clients/:id/transfers (the holding agency: all of them)
  'requestTransfer', // POST /api/clients/:id/transfers
  'readReferrals', // GET /api/clients/:id/referrals (the holding agency and the client)
  'sendReferral', // POST /api/clients/:id/referrals
  'readJobMatches', // GET /api/clients/:id/job-matches (needs the employment information)
  'readProgramMatches', // GET /api/clients/:id/program-matches (needs the employment information)
  'readPlacements', // GET /api/clients/:id/placements (the reader's agency's own)
  'proposePlacement', // POST /api/clients/:id/placements
  'registerForEvents', // POST /api/clients/:id/hiring-events (needs the employment information)
] as const;
export type ClientAction = (typeof clientActions)[number];

// Which top-level pages (and page-wide options) the user's roles open, for the navigation.
export const sessionActions = [
  'myFile', // GET /api/me/client: a client's own account
  'work', // GET /api/tasks?due=today: the staff home page ("My work")
  'team', // GET /api/caseload/team: the team's open work, per worker (managers)
  'caseload', // POST /api/caseload
  'agencyCaseload', // the same, for another worker of the agency (workerId); POST /api/caseload/agency
  'handover', // POST /api/caseload/reassign
  'tasks', // GET /api/tasks
  'agencyTasks', // GET /api/tasks?scope=agency
  'completeOwnTasks', // POST /api/tasks/:taskId/complete, a task assigned to or created by the user
  'completeAgencyTasks', // the same, another task of the user's organization
  'newClient', // POST /api/clients
  'accessRequests', // GET /api/access-requests
  'transfers', // GET /api/transfers (the agency's own)
  'referrals', // GET /api/referrals (the agency's inbox and outbox)
  'recruit', // GET /api/services/:id/candidates (the worker's clients who fit a program)
  'employers', // GET /api/employers/:id/engagements (the agencies' shared employer records and contacts)
  'manageEmployers', // PATCH /api/employers/:id, any employer (taking the lead of an account nobody leads)
  'postJobs', // POST /api/jobs (an employer's staff for their own; job developers and managers for any employer)
  'jobs', // GET /api/jobs (staff: every job order; an employer: its own)
  'placements', // GET /api/placements (the agency's pipeline, the candidates shared with an employer, a client's own)
  'jobCandidates', // GET /api/jobs/:id/candidates (a job order's best candidates among the worker's clients)
  'manageEvents', // POST /api/hiring-events (an event the user's organization hosts)
  'eventRegistrations', // GET /api/hiring-events/:eventId/registrations (the agency's own)
  'reports', // GET /api/reports/assessments
  'landscape', // GET /api/reports/landscape (the system manager's map of programs)
  'administration', // GET /api/users, POST /api/users (the administration pages)
  'everyOrganization', // administration across organizations (POST /api/organizations)
] as const;
export type SessionAction = (typeof sessionActions)[number];

function booleans<K extends string>(keys: readonly K[]) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>);
}

export const clientCanSchema = booleans(clientActions);
export type ClientCan = z.infer<typeof clientCanSchema>;

export const sessionCanSchema = booleans(sessionActions);
export type SessionCan = z.infer<typeof sessionCanSchema>;
