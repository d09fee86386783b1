import { z } from 'zod';

// A worker's caseload is their active places on case teams. Searched by name or identifier in the
// request body: names never go in the address.
export const caseloadQuerySchema = z.strictObject({
  workerId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
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
