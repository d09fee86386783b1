import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import type { AppInstance } from '../../server/app.ts';
import { idParams as clientIdParams } from '../../lib/params.ts';
import { assessmentParams, assessmentSchema, newAssessmentSchema, overrideSchema } from './assessment.ts';
import { assessClient, listAssessments, overrideAssessment } from './assessment.service.ts';
import { reviewAnswerSchema, reviewParams, reviewRequestSchema, reviewSchema } from './assessment-review.ts';
import { answerReviewRequest, listReviews, requestReview } from './assessment-review.service.ts';

export const MAX_PER_PAGE = 100;

export function assessmentRoutes(app: AppInstance): void {
  app.post(
    '/api/clients/:id/assessments',
    {
      config: { permission: 'assessment.create' },
      schema: {
        tags: ['assessment'],
        summary:
          'Assess (or reassess, with the reason) a client from their record: stream A, B or C and the factor-by-factor explanation',
        params: clientIdParams,
        body: newAssessmentSchema,
        response: { 201: assessmentSchema },
      },
    },
    async (request, reply) => {
      const saved = await withTransaction(app.db, (trx) =>
        assessClient(trx, request.actor, request.params.id, request.body, { requestId: request.id, ...request.moment }),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/clients/:id/assessments',
    {
      config: { permission: 'assessment.read', statements: 6 },
      schema: {
        tags: ['assessment'],
        summary: "A client's assessment history, newest first, with reasons, overrides and their justifications",
        params: clientIdParams,
        querystring: z.strictObject({
          page: z.coerce.number().int().min(1).default(1),
          perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(20),
        }),
        response: { 200: listEnvelopeSchema(assessmentSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listAssessments(trx, request.actor, request.params.id, request.query, {
          requestId: request.id,
          ...request.moment,
        }),
      ),
  );

  app.post(
    '/api/clients/:id/assessments/:assessmentId/override',
    {
      config: { permission: 'assessment.override' },
      schema: {
        tags: ['assessment'],
        summary: "A manager's override of the stream in force, with a written justification the client sees",
        params: assessmentParams,
        body: overrideSchema,
        response: { 201: assessmentSchema },
      },
    },
    async (request, reply) => {
      const saved = await withTransaction(app.db, (trx) =>
        overrideAssessment(trx, request.actor, request.params.id, request.params.assessmentId, request.body, {
          requestId: request.id,
          ...request.moment,
        }),
      );
      return reply.status(201).send(saved);
    },
  );

  app.post(
    '/api/clients/:id/assessments/:assessmentId/reviews',
    {
      config: { permission: 'assessment.review_request' },
      schema: {
        tags: ['assessment'],
        summary: 'Ask for a review of an assessment (the client, or their worker): a task for a manager',
        params: assessmentParams,
        body: reviewRequestSchema,
        response: { 201: reviewSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await withTransaction(app.db, (trx) =>
          requestReview(trx, request.actor, request.params.id, request.params.assessmentId, request.body.reason, {
            requestId: request.id,
            ...request.moment,
          }),
        ),
      ),
  );

  app.get(
    '/api/clients/:id/reviews',
    {
      config: { permission: 'assessment.read', statements: 5 },
      schema: {
        tags: ['assessment'],
        summary: 'Review requests and their written answers',
        params: clientIdParams,
        response: { 200: listEnvelopeSchema(reviewSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listReviews(trx, request.actor, request.params.id, { requestId: request.id, ...request.moment }),
      ),
  );

  app.post(
    '/api/clients/:id/reviews/:reviewId/answer',
    {
      config: { permission: 'assessment.review_answer' },
      schema: {
        tags: ['assessment'],
        summary: "A manager's written answer to a review request, which the client reads",
        params: reviewParams,
        body: reviewAnswerSchema,
        response: { 200: reviewSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        answerReviewRequest(trx, request.actor, request.params.id, request.params.reviewId, request.body, {
          requestId: request.id,
          ...request.moment,
        }),
      ),
  );
}
