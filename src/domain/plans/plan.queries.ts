import { sql } from 'kysely';
import type { PlanAcknowledgementsTable, PlanStepsTable } from '../../db/schema.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Plan, StepPatch } from './plan.ts';

const date = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export async function selectPlan(db: DbOrTrx, clientId: string): Promise<Plan> {
  const goals = await db
    .selectFrom('planGoals')
    .select(['id', 'description', date('target_date').as('targetDate'), 'status', 'organizationId', 'createdAt'])
    .where('clientId', '=', clientId)
    .orderBy('createdAt')
    .execute();
  const steps = await db
    .selectFrom('planSteps')
    .select([
      'id',
      'goalId',
      'organizationId',
      'phase',
      'title',
      'status',
      date('starts_on').as('startsOn'),
      date('due_on').as('dueOn'),
      date('completed_on').as('completedOn'),
      'linkedKind',
      'linkedId',
      'createdAt',
    ])
    .where('clientId', '=', clientId)
    .orderBy('createdAt')
    .execute();
  const ack = await db
    .selectFrom('planAcknowledgements')
    .select(['agrees', 'method', 'comment', 'createdAt'])
    .where('clientId', '=', clientId)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    clientId,
    goals: goals.map((g) => ({ ...g, createdAt: g.createdAt.toISOString() })),
    steps: steps.map(({ linkedKind, linkedId, ...s }) => ({
      ...s,
      phase: s.phase,
      link: linkedKind && linkedId ? { kind: linkedKind, id: linkedId } : null,
      createdAt: s.createdAt.toISOString(),
    })),
    acknowledgement: ack ? { ...ack, createdAt: ack.createdAt.toISOString() } : null,
  };
}

export async function insertGoal(
  db: DbOrTrx,
  row: {
    clientId: string;
    organizationId: string;
    createdBy: string | null;
    description: string;
    targetDate: string | null;
  },
): Promise<string> {
  return (await db.insertInto('planGoals').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateGoal(
  db: DbOrTrx,
  clientId: string,
  goalId: string,
  patch: { description?: string; targetDate?: string | null; status?: 'open' | 'achieved' | 'dropped' },
): Promise<boolean> {
  const result = await db
    .updateTable('planGoals')
    .set(patch)
    .where('id', '=', goalId)
    .where('clientId', '=', clientId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function goalBelongs(db: DbOrTrx, clientId: string, goalId: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('planGoals')
      .select('id')
      .where('id', '=', goalId)
      .where('clientId', '=', clientId)
      .executeTakeFirst()) !== undefined
  );
}

export async function insertStep(
  db: DbOrTrx,
  row: {
    clientId: string;
    goalId: string | null;
    organizationId: string;
    createdBy: string | null;
    phase: PlanStepsTable['phase'];
    title: string;
    startsOn: string | null;
    dueOn: string | null;
    linkedKind: PlanStepsTable['linkedKind'];
    linkedId: string | null;
  },
): Promise<string> {
  const { id } = await db.insertInto('planSteps').values(row).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('planStepChanges').values({ stepId: id, status: 'planned', changedBy: row.createdBy }).execute();
  return id;
}

export async function selectStepForUpdate(db: DbOrTrx, clientId: string, stepId: string) {
  return db
    .selectFrom('planSteps')
    .select([
      'id',
      'status',
      sql<string | null>`to_char(starts_on, 'YYYY-MM-DD')`.as('startsOn'),
      sql<string | null>`to_char(due_on, 'YYYY-MM-DD')`.as('dueOn'),
    ])
    .where('id', '=', stepId)
    .where('clientId', '=', clientId)
    .forUpdate()
    .executeTakeFirst();
}

export async function selectStepById(db: DbOrTrx, stepId: string) {
  return db.selectFrom('planSteps').select(['id', 'status']).where('id', '=', stepId).forUpdate().executeTakeFirst();
}

export async function updateStep(
  db: DbOrTrx,
  stepId: string,
  patch: Omit<StepPatch, 'link'> & {
    linkedKind?: PlanStepsTable['linkedKind'];
    linkedId?: string | null;
    completedOn?: string | null;
  },
  changedBy: string | null,
): Promise<void> {
  await db.updateTable('planSteps').set(patch).where('id', '=', stepId).execute();
  if (patch.status)
    await db.insertInto('planStepChanges').values({ stepId, status: patch.status, changedBy }).execute();
}

export async function insertAcknowledgement(
  db: DbOrTrx,
  row: {
    clientId: string;
    agrees: boolean;
    method: PlanAcknowledgementsTable['method'];
    comment: string | null;
    recordedBy: string | null;
  },
): Promise<void> {
  await db.insertInto('planAcknowledgements').values(row).execute();
}
