import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { decentWorkBands } from '../jobs/decent-work.ts';

// Employer engagement and placement measures (issue 14; docs/jobs.md, "Measures"): by agency, what was
// done with employers in the period (contacts logged, employers reached, job orders posted and how decent
// they are) and what came of it for clients (placements proposed, shared, interviewed, offered, hired),
// and each employer event held, judged by hires rather than sign-ups. Counts of people (placements,
// registrations, attendance, hires) below the minimum cell are withheld (null), with complementary
// suppression; counts about employers and job orders describe no person and are shown whole.

const cell = z.number().int().nullable();

export const employerMeasuresSchema = z.object({
  engagements: z.number().int(),
  employersEngaged: z.number().int(),
  jobOrders: z.number().int(),
  // Job orders posted, by decent-work band under the scorecard in force.
  jobOrdersByBand: z.array(z.object({ band: z.enum(decentWorkBands), count: z.number().int() })),
  proposed: cell,
  shared: cell,
  interviewed: cell,
  offered: cell,
  hired: cell,
  notHired: cell,
  withdrawn: cell,
  hireRate: z.number().nullable(),
});
export type EmployerMeasures = z.infer<typeof employerMeasuresSchema>;

export const employerReportSchema = z.object({
  generatedAt: z.string(),
  policyVersion: z.string(),
  minCell: z.number().int(),
  decentWorkModel: z.string(),
  scope: z.enum(['system', 'organization']),
  from: z.string(),
  to: z.string(),
  total: employerMeasuresSchema,
  byAgency: z.array(employerMeasuresSchema.extend({ organizationId: z.uuid(), organizationName: z.string() })),
  events: z.array(
    z.object({
      eventId: z.uuid(),
      title: z.string(),
      startsAt: z.string(),
      host: z.object({ id: z.uuid(), name: z.string() }),
      employers: z.number().int(),
      jobOrders: z.number().int(),
      registered: cell,
      came: cell,
      proposed: cell,
      hired: cell,
    }),
  ),
});
export type EmployerReport = z.infer<typeof employerReportSchema>;

export const employerReportQuerySchema = z
  .strictObject({
    // From this day to that day (Toronto dates); by default the last 365 days.
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    // For the system manager: one agency's activity.
    organizationId: z.uuid().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type EmployerReportQuery = z.infer<typeof employerReportQuerySchema>;
