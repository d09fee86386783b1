import { z } from 'zod';

// A worker's caseload is their active places on case teams. Searched by name or identifier in the
// request body: names never go in the address.
export const caseloadQuerySchema = z.strictObject({
  workerId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  // Only active clients with no contact (a case note's contact date) in this many days, whose file is
  // older than that: the ones a worker may have lost sight of.
  quietDays: z.number().int().min(1).max(365).optional(),
  page: z.number().int().min(1).default(1),
  perPage: z.number().int().min(1).max(200).default(50),
});
export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;

export const caseloadItemSchema = z.object({
  clientId: z.uuid(),
  // Where the viewer's client page shows identity and contact (src/access, clientVisible).
  name: z.string().nullable(),
  status: z.enum(['active', 'on_hold', 'closed']),
  stream: z.enum(['A', 'B', 'C']).nullable(),
  teamRole: z.string(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  nextDueOn: z.string().nullable(),
  lastContactOn: z.string().nullable(),
});
export type CaseloadItem = z.infer<typeof caseloadItemSchema>;

export const reassignSchema = z.strictObject({
  fromUserId: z.uuid(),
  toUserId: z.uuid(),
  // Absent: the whole caseload.
  clientIds: z.array(z.uuid()).min(1).max(1000).optional(),
});
export type Reassign = z.infer<typeof reassignSchema>;

export const reassignResultSchema = z.object({
  clientsMoved: z.number().int(),
  tasksMoved: z.number().int(),
  clientIds: z.array(z.uuid()),
});

// Every file the agency holds, searched by name or identifier (managers): who holds it on the team.
export const agencyFilesQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  status: z.enum(['active', 'on_hold', 'closed']).optional(),
  page: z.number().int().min(1).default(1),
  perPage: z.number().int().min(1).max(200).default(50),
});
export type AgencyFilesQuery = z.infer<typeof agencyFilesQuerySchema>;

export const agencyFileSchema = z.object({
  clientId: z.uuid(),
  name: z.string().nullable(),
  status: z.enum(['active', 'on_hold', 'closed']),
  stream: z.enum(['A', 'B', 'C']).nullable(),
  // The agency's primary worker on the case team, if any.
  primaryWorker: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  lastContactOn: z.string().nullable(),
});
export type AgencyFile = z.infer<typeof agencyFileSchema>;

// A manager's morning: each worker of the agency with their open work, counted.
export const teamWorkQuerySchema = z.strictObject({
  quietDays: z.coerce.number().int().min(1).max(365).default(30),
});
export type TeamWorkQuery = z.infer<typeof teamWorkQuerySchema>;

export const workerLoadSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  // disabled: a worker who has left with clients still on their caseload (hand them over).
  status: z.enum(['invited', 'active', 'disabled']),
  clients: z.number().int(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  dueToday: z.number().int(),
  quietClients: z.number().int(),
});
export type WorkerLoad = z.infer<typeof workerLoadSchema>;

export const teamWorkSchema = z.object({
  organizationId: z.uuid(),
  today: z.string(),
  quietDays: z.number().int(),
  workers: z.array(workerLoadSchema),
  totals: workerLoadSchema.pick({
    clients: true,
    openTasks: true,
    overdueTasks: true,
    dueToday: true,
    quietClients: true,
  }),
});
export type TeamWork = z.infer<typeof teamWorkSchema>;
