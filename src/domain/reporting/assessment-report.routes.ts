import { employerReportQuerySchema, employerReportSchema } from './employer-report.ts';
import { employerReport } from './employer-report.service.ts';
import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import type { AppInstance } from '../../server/app.ts';
import { assessmentReportSchema } from './assessment-report.ts';
import { assessmentReport } from './assessment-report.service.ts';
import { referralReportQuerySchema, referralReportSchema } from './referral-report.ts';
import { referralReport } from './referral-report.service.ts';

export function reportRoutes(app: AppInstance): void {
  app.get(
    '/api/reports/assessments',
    {
      config: { permission: 'report.assessment_rates', statements: 7 },
      schema: {
        tags: ['reports'],
        summary:
          'Reassessment and override rates by agency, stream moves, and stream rates by self-identified group (small cells withheld)',
        querystring: z.strictObject({ organizationId: z.uuid().optional() }),
        response: { 200: assessmentReportSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        assessmentReport(trx, request.actor, {
          requestId: request.id,
          ...request.moment,
          organizationId: request.query.organizationId,
        }),
      ),
  );
  app.get(
    '/api/reports/referrals',
    {
      config: { permission: 'report.referrals', statements: 5 },
      schema: {
        tags: ['reports'],
        summary:
          'Closed-loop measures by receiving agency and program: loop closure, time to acknowledge and to first service, decline reasons, overdue now (small cells withheld)',
        querystring: referralReportQuerySchema,
        response: { 200: referralReportSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        referralReport(trx, request.actor, request.query, { requestId: request.id, ...request.moment }),
      ),
  );
  app.get(
    '/api/reports/employers',
    {
      config: { permission: 'report.employers', statements: 7 },
      schema: {
        tags: ['reports'],
        summary:
          'Employer engagement and placements by agency: contacts logged, employers reached, job orders by decent-work band, placements from proposal to hire, and each employer event held judged by hires (small counts of people withheld)',
        querystring: employerReportQuerySchema,
        response: { 200: employerReportSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        employerReport(trx, request.actor, request.query, {
          requestId: request.id,
          decentWorkModel: app.decentWorkModel,
          ...request.moment,
        }),
      ),
  );
}
