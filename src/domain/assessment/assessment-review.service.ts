import type { Actor } from '../../access/actor.ts';
import { withClient } from '../../access/with-client.ts';
import { deniedError, notVisibleError } from '../../access/audit.ts';
import type { Trx } from '../../db/database.ts';
import { addBusinessDays } from '../../lib/business-days.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import { activeManagersOf } from '../accounts/user-admin.service.ts';
import { closeTaskFor, openTaskFor } from '../tasks/task.service.ts';
import type { Review } from './assessment-review.ts';
import {
  answerReview,
  insertReview,
  selectReview,
  selectReviewForUpdate,
  selectReviews,
  setReviewTask,
} from './assessment-review.queries.ts';
import { selectAssessment } from './assessment.queries.ts';
import type { Moment } from '../../lib/clock.ts';

// The request's id and its moment (now, today in the city's zone), read once at the edge.
type Context = { requestId: string } & Moment;

// Business days a manager has to answer a review.
export const REVIEW_ANSWER_DAYS = 5;

// The client (from their account) or their worker asks for a review of an assessment: it becomes a
// task for a manager of the holding agency other than one who overrode it, whose written answer
// the client reads.
export async function requestReview(
  trx: Trx,
  actor: Actor,
  clientId: string,
  assessmentId: string,
  reason: string,
  context: Context,
): Promise<Review> {
  return withClient(
    trx,
    actor,
    clientId,
    'assessment.review_request',
    context,
    { category: 'assessment' },
    async (access) => {
      const assessment = isUuid(assessmentId) ? await selectAssessment(trx, access.clientId, assessmentId) : undefined;
      if (!assessment) {
        throw notVisibleError(
          actor,
          {
            action: 'assessment.review_request',
            recordType: 'assessment',
            recordId: isUuid(assessmentId) ? assessmentId : undefined,
            clientId: access.clientId,
            requestId: context.requestId,
          },
          false,
          'The client has no assessment with that id.',
        );
      }
      const overrider = assessment.kind === 'override' ? assessment.assessedBy : null;
      const manager = (await activeManagersOf(trx, access.holderOrganizationId)).find((id) => id !== overrider);
      if (!manager)
        throw new AppError(
          'conflict',
          'The agency has no other manager to answer a review: contact the system manager.',
        );
      const id = await insertReview(trx, {
        clientId: access.clientId,
        assessmentId: assessment.id,
        requestedBy: actor.kind === 'user' ? actor.userId : null,
        requestedVia: access.scope === 'self' ? 'client_account' : 'staff',
        reason,
      });
      const taskId = await openTaskFor(trx, actor, {
        clientId: access.clientId,
        organizationId: access.holderOrganizationId,
        assignedTo: manager,
        kind: 'review_request',
        title: 'Answer a request to review the assessment',
        dueOn: addBusinessDays(context.today, REVIEW_ANSWER_DAYS),
      });
      await setReviewTask(trx, id, taskId);
      return { result: selectReview(trx, id), audit: { recordType: 'assessment_review', recordId: id } };
    },
  );
}

export async function answerReviewRequest(
  trx: Trx,
  actor: Actor,
  clientId: string,
  reviewId: string,
  input: { answer: string; outcome: 'upheld' | 'changed' },
  context: Context,
): Promise<Review> {
  return withClient(trx, actor, clientId, 'assessment.review_answer', context, {}, async (access) => {
    const review = isUuid(reviewId) ? await selectReviewForUpdate(trx, access.clientId, reviewId) : undefined;
    if (!review) {
      throw notVisibleError(
        actor,
        {
          action: 'assessment.review_answer',
          recordType: 'assessment_review',
          recordId: isUuid(reviewId) ? reviewId : undefined,
          clientId: access.clientId,
          requestId: context.requestId,
        },
        false,
        'The client has no review with that id.',
      );
    }
    if (review.status !== 'open') throw new AppError('conflict', 'This review was already answered.');
    const assessment = await selectAssessment(trx, access.clientId, review.assessmentId);
    if (actor.kind === 'user' && assessment?.kind === 'override' && assessment.assessedBy === actor.userId) {
      throw deniedError(
        actor,
        {
          action: 'assessment.review_answer',
          recordType: 'assessment_review',
          recordId: review.id,
          clientId: access.clientId,
          reason: 'reviewer overrode the assessment',
          requestId: context.requestId,
        },
        'You overrode this assessment: another manager answers the review.',
      );
    }
    await answerReview(trx, review.id, { answeredBy: actor.kind === 'user' ? actor.userId : null, ...input });
    if (review.taskId) await closeTaskFor(trx, review.taskId, actor.kind === 'user' ? actor.userId : null, context.now);
    return {
      result: selectReview(trx, review.id),
      audit: { recordType: 'assessment_review', recordId: review.id, reason: input.outcome },
    };
  });
}

export async function listReviews(
  trx: Trx,
  actor: Actor,
  clientId: string,
  context: Context,
): Promise<ListEnvelope<Review>> {
  return withClient(trx, actor, clientId, 'assessment.read', context, { category: 'assessment' }, async (access) => {
    const items = await selectReviews(trx, access.clientId);
    return {
      result: { items, total: items.length, page: 1, perPage: items.length },
      audit: { recordType: 'assessment_review', recordIds: items.map((r) => r.id) },
    };
  });
}
