import type { Actor } from '../../access/actor.ts';
import { withClient, type ClientAudit } from '../../access/with-client.ts';
import { deniedError, notVisibleError } from '../../access/audit.ts';
import { type ClientAccess } from '../../access/client-access.ts';
import type { Trx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import { assessableRecord } from '../clients/client-facts.ts';
import { assessmentInputSchemaOn, type AssessmentInput } from './assessment-input.ts';
import { teamUserIds } from '../case-team/case-team.service.ts';
import { notify } from '../notifications/notification.service.ts';
import { clientAccountOf } from '../accounts/user-admin.service.ts';
import type { Assessment, NewAssessment, Override } from './assessment.ts';
import { insertAssessment, selectAssessment, selectAssessments, selectLatestAssessment } from './assessment.queries.ts';
import { findModel, listModels, defaultModelVersion } from './models.ts';
import { compareResults, scoreAssessment } from './score.ts';
import type { Moment } from '../../lib/clock.ts';

// The request's id and its moment (now, today in the city's zone), read once at the edge.
type Context = { requestId: string } & Moment;

function modelFor(version: string | undefined) {
  const model = findModel(version ?? defaultModelVersion);
  if (!model) {
    throw new AppError(
      'invalid',
      `No assessment model ${version ?? ''}: available are ${listModels()
        .map((m) => m.version)
        .join(', ')}.`,
      [{ field: 'modelVersion', message: 'unknown model version' }],
    );
  }
  return model;
}

// A stream never changes silently: the case team, and the client through their account, are told.
async function tellTeam(trx: Trx, actor: Actor, clientId: string, assessmentId: string): Promise<void> {
  const account = await clientAccountOf(trx, clientId);
  await notify(
    trx,
    actor,
    [...(await teamUserIds(trx, clientId)), ...(account ? [account] : [])],
    'assessment_changed',
    { clientId, subjectId: assessmentId },
  );
}

// Assesses a client from their record as it stands: the first time, or again whenever something new
// is learned (with the reason, which goes on the record). The history is appended, never rewritten.
// What the Common Assessment reads of a client's file, taken from the record as it stands (never from
// the self-identified equity answers), with the row locked so the history numbers in order.
async function assessmentInputFor(trx: Trx, clientId: string, assessedOn: string): Promise<AssessmentInput> {
  const record = await assessableRecord(trx, clientId);
  if (!record) throw new AppError('not_found', 'No client has that id.');
  if (assessedOn < record.dateOfBirth) {
    throw new AppError('invalid', 'A client cannot be assessed on a day before their date of birth.', [
      { field: 'body.assessedOn', message: 'must not be before the date of birth', code: 'before_date_of_birth' },
    ]).withReason('before_date_of_birth');
  }
  const parsed = assessmentInputSchemaOn(assessedOn).safeParse({
    dateOfBirth: record.dateOfBirth,
    assessedOn,
    educationLevel: record.educationLevel,
    incomeSource: record.incomeSource,
    literacyNumeracy: record.literacyNumeracy,
    workHistory: record.workHistory.map((w) => ({
      nocCode: w.nocCode,
      startDate: w.startDate,
      endDate: w.endDate,
      ...(w.hoursPerWeek !== null ? { hoursPerWeek: w.hoursPerWeek } : {}),
    })),
    barriers: record.barriers,
    accommodations: record.accommodations.map((a) => ({ kind: a.kind, disabilityRelated: a.disabilityRelated })),
  });
  // The record as it stands cannot be read on that day (a job that starts after it, say): the person
  // assessing is told which parts, and the record stays as it is.
  if (!parsed.success) {
    throw new AppError(
      'invalid',
      'The client’s record cannot be assessed as of that day; correct the parts named or choose another day.',
      parsed.error.issues.map((issue) => ({
        field: ['record', ...issue.path.map(String)].join('.'),
        message: issue.message,
        code: 'record_not_assessable',
      })),
    ).withReason('record_not_assessable');
  }
  return parsed.data;
}

export async function assessClient(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewAssessment,
  context: Context,
): Promise<Assessment> {
  return withClient(trx, actor, clientId, 'assessment.create', context, { category: 'assessment' }, async (access) => {
    const model = modelFor(input.modelVersion);
    const today = context.today;
    if (input.assessedOn && input.assessedOn > today) {
      throw new AppError('invalid', 'An assessment cannot be dated in the future.', [
        { field: 'assessedOn', message: `after today (${today})` },
      ]);
    }
    const answers = await assessmentInputFor(trx, access.clientId, input.assessedOn ?? today);
    const previous = await selectLatestAssessment(trx, access.clientId);
    if (previous && !input.reason) {
      throw new AppError(
        'invalid',
        'A reassessment needs its reason: what was newly learned, and why assess again now.',
        [{ field: 'reason', message: 'required for a reassessment' }],
      );
    }
    const result = scoreAssessment(model, answers);
    const id = await insertAssessment(trx, {
      clientId: access.clientId,
      sequence: (previous?.sequence ?? 0) + 1,
      kind: previous ? 'reassessment' : 'initial',
      organizationId: actor.kind === 'user' ? actor.organizationId : access.holderOrganizationId,
      assessedBy: actor.kind === 'user' ? actor.userId : null,
      input: answers,
      result,
      computedStream: result.stream,
      stream: result.stream,
      previousStream: previous?.stream ?? null,
      reason: input.reason ?? null,
      justification: null,
      overridesAssessmentId: null,
    });
    const audit: ClientAudit = {
      recordType: 'assessment',
      recordId: id,
      reason: previous
        ? `reassessment: stream ${previous.stream} -> ${result.stream}`
        : `initial: stream ${result.stream}`,
    };
    if (previous && previous.stream !== result.stream) await tellTeam(trx, actor, access.clientId, id);
    const saved = await selectAssessment(trx, access.clientId, id);
    if (!saved) throw new AppError('internal', 'The assessment could not be read back.');
    return { result: previous ? { ...saved, changes: compareResults(previous.result, result).summary } : saved, audit };
  });
}

// A manager's override of the stream in force: a written justification, never on an assessment
// they made themself (a second person stands behind it), appended as a version of its own.
export async function overrideAssessment(
  trx: Trx,
  actor: Actor,
  clientId: string,
  assessmentId: string,
  input: Override,
  context: Context,
): Promise<Assessment> {
  return withClient(
    trx,
    actor,
    clientId,
    'assessment.override',
    context,
    { category: 'assessment' },
    async (access) => {
      await assessmentInputFor(trx, access.clientId, context.today);
      const target = isUuid(assessmentId) ? await selectAssessment(trx, access.clientId, assessmentId) : undefined;
      if (!target) {
        throw notVisibleError(
          actor,
          {
            action: 'assessment.override',
            recordType: 'assessment',
            recordId: isUuid(assessmentId) ? assessmentId : undefined,
            clientId: access.clientId,
            requestId: context.requestId,
          },
          false,
          'The client has no assessment with that id.',
        );
      }
      const latest = await selectLatestAssessment(trx, access.clientId);
      if (!latest || latest.id !== target.id) {
        throw new AppError('conflict', 'Only the assessment in force can be overridden: a newer one exists.', [
          { field: 'assessmentId', message: `the newest is ${latest?.id ?? 'none'}` },
        ]);
      }
      if (actor.kind === 'user' && target.assessedBy === actor.userId) {
        throw deniedError(
          actor,
          {
            action: 'assessment.override',
            recordType: 'assessment',
            recordId: target.id,
            clientId: access.clientId,
            reason: 'override of own assessment',
            requestId: context.requestId,
          },
          'You made this assessment: another manager must review an override of it.',
        );
      }
      if (input.stream === target.stream) {
        throw new AppError('invalid', `The stream in force is already ${target.stream}.`, [
          { field: 'stream', message: 'same as the stream in force' },
        ]);
      }
      const id = await insertAssessment(trx, {
        clientId: access.clientId,
        sequence: target.sequence + 1,
        kind: 'override',
        organizationId: actor.kind === 'user' ? actor.organizationId : access.holderOrganizationId,
        assessedBy: actor.kind === 'user' ? actor.userId : null,
        input: latest.input,
        result: target.result,
        computedStream: target.computedStream,
        stream: input.stream,
        previousStream: target.stream,
        reason: null,
        justification: input.justification,
        overridesAssessmentId: target.id,
      });
      const audit: ClientAudit = {
        recordType: 'assessment',
        recordId: id,
        reason: `override: stream ${target.stream} -> ${input.stream}`,
      };
      await tellTeam(trx, actor, access.clientId, id);
      const saved = await selectAssessment(trx, access.clientId, id);
      if (!saved) throw new AppError('internal', 'The override could not be read back.');
      return { result: saved, audit };
    },
  );
}

// The whole history, newest first, each with its model's explanation.
export async function listAssessments(
  trx: Trx,
  actor: Actor,
  clientId: string,
  page: { page: number; perPage: number },
  context: Context,
): Promise<ListEnvelope<Assessment>> {
  return withClient(trx, actor, clientId, 'assessment.read', context, { category: 'assessment' }, async (access) => {
    const { items, total } = await selectAssessments(trx, access.clientId, page);
    return {
      result: { items, total, ...page },
      audit: { recordType: 'assessment', recordIds: items.map((a) => a.id) },
    };
  });
}

// The newest assessments an `assessment.read` access reaches (none without the category), for the
// timeline and summary.
export async function assessmentHistory(
  trx: Trx,
  access: ClientAccess | undefined,
  limit: number,
): Promise<Assessment[]> {
  if (!access || !access.categories.has('assessment')) return [];
  return (await selectAssessments(trx, access.clientId, { page: 1, perPage: limit })).items;
}
