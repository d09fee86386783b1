import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import type { AppInstance } from '../../server/app.ts';
import { assessmentReportSchema } from './assessment-report.ts';
import { assessmentReport } from './assessment-report.service.ts';

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
}
