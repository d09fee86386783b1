import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { referralReasons } from '../referrals/referral-vocabulary.ts';

// Closed-loop measures (issue 13, point 8), by receiving agency and program: how many referrals were
// sent in the period, how many loops closed (the sender learned the outcome: declined, started,
// completed, dropped or withdrawn), how fast agencies acknowledge and start, why they decline, and how
// many wait past a deadline today. Counts below the minimum cell are withheld (null), with
// complementary suppression; a median over fewer referrals than the minimum cell is withheld too.

const cell = z.number().int().nullable();

export const referralMeasuresSchema = z.object({
  sent: cell,
  loopClosed: cell,
  loopClosureRate: z.number().nullable(),
  answered: cell,
  accepted: cell,
  declined: cell,
  started: cell,
  completed: cell,
  overdueNow: cell,
  // Days from sending to the first answer, and to the start of the service: medians.
  medianDaysToAcknowledge: z.number().nullable(),
  medianDaysToFirstService: z.number().nullable(),
  // Why declined, by coded reason.
  declineReasons: z.array(z.object({ reason: z.enum(referralReasons), count: cell })),
});
export type ReferralMeasures = z.infer<typeof referralMeasuresSchema>;

export const referralReportSchema = z.object({
  generatedAt: z.string(),
  policyVersion: z.string(),
  minCell: z.number().int(),
  scope: z.enum(['system', 'organization']),
  from: z.string(),
  to: z.string(),
  total: referralMeasuresSchema,
  byAgency: z.array(referralMeasuresSchema.extend({ organizationId: z.uuid(), organizationName: z.string() })),
  byService: z.array(
    referralMeasuresSchema.extend({
      organizationId: z.uuid(),
      organizationName: z.string(),
      serviceId: z.uuid().nullable(),
      serviceName: z.string().nullable(),
    }),
  ),
});
export type ReferralReport = z.infer<typeof referralReportSchema>;

export const referralReportQuerySchema = z
  .strictObject({
    // Referrals sent from this day to that day (Toronto dates); by default the last 365 days.
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    // For the system manager: one agency's referrals (sent or received).
    organizationId: z.uuid().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type ReferralReportQuery = z.infer<typeof referralReportQuerySchema>;
