import type { Actor } from '../../access/actor.ts';
import { deniedError, notVisibleError, writeAudit } from '../../access/audit.ts';
import { decideEmployerRecord, employerScopeOf } from '../../access/policies/employer.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { Moment } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { nocTeer, nocTitle } from '../occupations/noc.ts';
import { escoSkillLabels, requireKnownSkills } from '../occupations/occupation-links.service.ts';
import type { DecentWorkModel } from './decent-work-model.ts';
import { bandOf, findDecentWorkModel, getDecentWorkModel, scoreDecentWork } from './decent-work.ts';
import {
  jobOrderDefaults,
  jobOrderProblems,
  type JobOrder,
  type JobOrderFields,
  type JobOrderListQuery,
  type JobOrderPatch,
  type JobOrderSummary,
  type NewJobOrder,
} from './job-order.ts';
import {
  insertJobOrder,
  selectJobOrder,
  selectJobOrderForUpdate,
  selectJobOrderSummaries,
  selectOrganizationKind,
  selectSite,
  updateJobOrderRow,
  type JobOrderColumns,
  type JobOrderRow,
  type JobOrderWithNames,
} from './job-order.queries.ts';
import { minimumWageOn } from './minimum-wage.ts';

// Job orders (docs/jobs.md): an employer's staff keep their own, job developers and managers post on any
// employer's behalf, every agency reads them with their decent-work score. Every change is audited.

export type JobOrderContext = { moment: Moment; requestId?: string; model: DecentWorkModel };

const cents = (dollars: number) => Math.round(dollars * 100);
const dollars = (cents: number) => cents / 100;

function fieldsOfRow(row: JobOrderRow): JobOrderFields {
  return {
    title: row.title,
    nocCode: row.nocCode,
    description: row.description,
    skills: row.skills,
    credentialsRequired: row.credentialsRequired,
    hoursPerWeek: row.hoursPerWeek,
    schedule: row.schedule,
    hourlyWage: dollars(row.hourlyWageCents),
    hourlyWageMax: row.hourlyWageMaxCents === null ? null : dollars(row.hourlyWageMaxCents),
    benefits: row.benefits as JobOrderFields['benefits'],
    paidSickDays: row.paidSickDays,
    permanence: row.permanence,
    durationMonths: row.durationMonths,
    advancementPath: row.advancementPath,
    trainingProvided: row.trainingProvided,
    safetyTraining: row.safetyTraining,
    workplace: row.workplace,
    siteId: row.siteId,
    postalCode: row.postalCode,
    accommodationsOffered: row.accommodationsOffered as JobOrderFields['accommodationsOffered'],
    openings: row.openings,
    closingOn: row.closingOn,
    wilType: row.wilType,
    incentive: row.incentive,
    incentiveNote: row.incentiveNote,
  };
}

function columnsOf(job: JobOrderFields, model: DecentWorkModel): JobOrderColumns {
  const { hourlyWage, hourlyWageMax, ...rest } = job;
  return {
    ...rest,
    hourlyWageCents: cents(hourlyWage),
    hourlyWageMaxCents: hourlyWageMax === null ? null : cents(hourlyWageMax),
    decentWorkScore: scoreDecentWork(model, job).score,
    decentWorkModel: model.version,
  };
}

function invalid(message: string, field: string, reason: string, detail: string): AppError {
  return new AppError('invalid', message, [{ field, message: detail, code: reason }]).withReason(reason);
}

// The law first: no job order offers less than Ontario's general minimum wage in force today.
function checkWage(job: JobOrderFields, today: string): void {
  const floor = minimumWageOn(today);
  if (job.hourlyWage < floor.hourly) {
    throw invalid(
      `A job order may not offer less than Ontario's general minimum wage, $${floor.hourly.toFixed(2)} an hour since ${floor.effectiveFrom}.`,
      'hourlyWage',
      'below_minimum_wage',
      `must be at least ${floor.hourly.toFixed(2)} (Ontario's general minimum wage since ${floor.effectiveFrom})`,
    );
  }
}

// A site named must be the employer's own, in Canada; its postal code is the job's unless one is given.
async function placed(trx: DbOrTrx, employerId: string, job: JobOrderFields): Promise<JobOrderFields> {
  if (job.siteId === null) return job;
  const site = await selectSite(trx, job.siteId);
  if (!site || site.organizationId !== employerId) {
    throw invalid(
      'The site must be one of the employer’s own.',
      'siteId',
      'site_elsewhere',
      'not a site of this employer',
    );
  }
  if (site.country !== 'CA') {
    throw invalid('The site must be in Canada.', 'siteId', 'site_elsewhere', 'not a Canadian site');
  }
  return { ...job, postalCode: job.postalCode ?? site.postalCode };
}

async function employerOf(trx: DbOrTrx, employerId: string) {
  const employer = isUuid(employerId) ? await selectOrganizationKind(trx, employerId) : undefined;
  if (!employer) throw invalid('No organization has that id.', 'employerId', 'unknown_employer', 'not found');
  if (employer.type !== 'employer') {
    throw invalid(
      'A job order belongs to an employer; agencies list programs in the directory instead.',
      'employerId',
      'not_an_employer',
      'not an employer',
    );
  }
  return employer;
}

function ensureManage(actor: Actor, employerId: string, recordId: string | undefined, requestId?: string): void {
  const decision = decideEmployerRecord(actor, 'job_order.manage', employerId);
  if (decision.allowed) return;
  throw deniedError(
    actor,
    { action: 'job_order.manage', recordType: 'job_order', recordId, reason: decision.reason, requestId },
    `Not allowed: ${decision.reason}.`,
  );
}

function toJobOrder(row: JobOrderWithNames, skillLabels: Map<string, string>): JobOrder {
  const fields = fieldsOfRow(row);
  // Explained by the version that gave the stored score; a version no longer shipped cannot be.
  const model = findDecentWorkModel(row.decentWorkModel) ?? getDecentWorkModel();
  return {
    id: row.id,
    status: row.status,
    employer: { id: row.employerId, name: row.employerName, nameFr: row.employerNameFr },
    postedBy: { id: row.postedByOrganizationId, name: row.postedByName, nameFr: row.postedByNameFr },
    ...fields,
    nocTitle: nocTitle(row.nocCode) ?? row.nocCode,
    teer: nocTeer(row.nocCode),
    skills: fields.skills.map((uri) => ({ uri, label: skillLabels.get(uri) ?? uri })),
    decentWork: scoreDecentWork(model, fields),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getJobOrder(db: DbOrTrx, actor: Actor, id: string, requestId?: string): Promise<JobOrder> {
  const row = isUuid(id) ? await selectJobOrder(db, id) : undefined;
  if (!row || !decideEmployerRecord(actor, 'job_order.read', row.employerId).allowed) {
    throw notVisibleError(
      actor,
      { action: 'job_order.read', recordType: 'job_order', recordId: isUuid(id) ? id : undefined, requestId },
      row !== undefined,
      'No job order has that id.',
    );
  }
  return toJobOrder(row, await escoSkillLabels(db, row.skills));
}

// A job order is filled once its hires take every opening (a placement's hire, issue 14 point 5): the
// job then leaves the open job orders that matching reads. True when it was filled now.
export async function fillJobOrderWhenFull(trx: Trx, id: string, hires: number): Promise<boolean> {
  const row = await selectJobOrderForUpdate(trx, id);
  if (!row || row.status !== 'open' || hires < row.openings) return false;
  await updateJobOrderRow(trx, id, { status: 'filled' });
  return true;
}

export async function createJobOrder(
  trx: Trx,
  actor: Actor,
  input: NewJobOrder,
  context: JobOrderContext,
): Promise<JobOrder> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first.');
  const { employerId: given, ...fields } = input;
  const employerId = given ?? (actor.kind === 'user' ? actor.organizationId : undefined);
  if (!employerId) {
    throw invalid('Name the employer the job is with.', 'employerId', 'unknown_employer', 'required');
  }
  // Rule 4.2: only those who act for every employer (job_order.manage `all`) name another organization.
  ensureManage(actor, employerId, undefined, context.requestId);
  await employerOf(trx, employerId);
  const job = await placed(trx, employerId, { ...jobOrderDefaults, ...fields });
  checkWage(job, context.moment.today);
  await requireKnownSkills(trx, job.skills, 'skills');
  const id = await insertJobOrder(
    trx,
    {
      employerId,
      postedByOrganizationId: actor.kind === 'user' ? actor.organizationId : employerId,
      postedByUserId: actor.kind === 'user' ? actor.userId : null,
    },
    columnsOf(job, context.model),
  );
  await writeAudit(trx, actor, {
    action: 'job_order.manage',
    outcome: 'succeeded',
    recordType: 'job_order',
    recordId: id,
    reason: 'created',
    requestId: context.requestId,
  });
  return getJobOrder(trx, actor, id);
}

export async function updateJobOrder(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: JobOrderPatch,
  context: JobOrderContext,
): Promise<JobOrder> {
  const row = isUuid(id) ? await selectJobOrderForUpdate(trx, id) : undefined;
  if (!row || !decideEmployerRecord(actor, 'job_order.read', row.employerId).allowed) {
    throw notVisibleError(
      actor,
      {
        action: 'job_order.manage',
        recordType: 'job_order',
        recordId: isUuid(id) ? id : undefined,
        requestId: context.requestId,
      },
      row !== undefined,
      'No job order has that id.',
    );
  }
  ensureManage(actor, row.employerId, row.id, context.requestId);
  const { status, ...changes } = patch;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  let job: JobOrderFields = { ...fieldsOfRow(row), ...defined };
  const problems = jobOrderProblems(job);
  if (problems.length > 0) {
    throw new AppError('invalid', 'The job order would not hold together after this change.', problems);
  }
  // A new site brings its postal code, unless the change names one.
  if ('siteId' in defined) {
    job = await placed(trx, row.employerId, 'postalCode' in defined ? job : { ...job, postalCode: null });
    if (job.workplace !== 'remote' && job.postalCode === null)
      throw new AppError('invalid', 'The job order would not hold together after this change.', jobOrderProblems(job));
  }
  if ('hourlyWage' in defined) checkWage(job, context.moment.today);
  if ('skills' in defined) await requireKnownSkills(trx, job.skills, 'skills');
  await updateJobOrderRow(trx, row.id, { ...columnsOf(job, context.model), ...(status ? { status } : {}) });
  await writeAudit(trx, actor, {
    action: 'job_order.manage',
    outcome: 'succeeded',
    recordType: 'job_order',
    recordId: row.id,
    reason: status && status !== row.status ? `status ${status}` : 'changed',
    requestId: context.requestId,
  });
  return getJobOrder(trx, actor, row.id);
}

export async function listJobOrders(
  db: DbOrTrx,
  actor: Actor,
  query: JobOrderListQuery,
): Promise<ListEnvelope<JobOrderSummary>> {
  const scope = employerScopeOf(actor, 'job_order.read');
  if (scope === null) return { items: [], total: 0, page: query.page, perPage: query.perPage };
  const rows = await selectJobOrderSummaries(
    db,
    {
      ...(scope === undefined ? {} : { onlyEmployerId: scope }),
      ...(query.employerId ? { employerId: query.employerId } : {}),
      ...(query.status === 'any' ? {} : { status: query.status }),
      ...(query.nocCode ? { nocPrefix: query.nocCode } : {}),
      ...(query.minDecentWork !== undefined ? { minDecentWork: query.minDecentWork } : {}),
      ...(query.wilType ? { wilType: query.wilType } : {}),
      ...(query.q ? { words: query.q } : {}),
    },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
  );
  return {
    items: rows.map((r) => {
      const model = findDecentWorkModel(r.decentWorkModel) ?? getDecentWorkModel();
      return {
        id: r.id,
        status: r.status,
        employer: { id: r.employerId, name: r.employerName, nameFr: r.employerNameFr },
        title: r.title,
        nocCode: r.nocCode,
        nocTitle: nocTitle(r.nocCode) ?? r.nocCode,
        hoursPerWeek: r.hoursPerWeek,
        schedule: r.schedule,
        hourlyWage: dollars(r.hourlyWageCents),
        permanence: r.permanence,
        workplace: r.workplace,
        postalCode: r.postalCode,
        openings: r.openings,
        closingOn: r.closingOn,
        wilType: r.wilType,
        createdAt: r.createdAt.toISOString(),
        decentWorkScore: r.decentWorkScore,
        decentWorkBand: bandOf(model, r.decentWorkScore).code,
      };
    }),
    total: rows[0] ? Number(rows[0].total) : 0,
    page: query.page,
    perPage: query.perPage,
  };
}
