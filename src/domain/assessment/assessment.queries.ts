import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { AssessmentInput } from './assessment-input.ts';
import type { Assessment } from './assessment.ts';
import type { AssessmentResult } from './score.ts';

// Raw SQL (sql<Row>): one column list with dates as text and the JSON reasons, shared by the list and
// the single read; the builder would spell every alias and cast twice.
const columns = sql`id, client_id as "clientId", sequence, kind, organization_id as "organizationId", assessed_by as "assessedBy",
  model_version as "modelVersion", to_char(assessed_on, 'YYYY-MM-DD') as "assessedOn", score::float8 as score,
  computed_stream as "computedStream", stream, previous_stream as "previousStream", reason, justification,
  overrides_assessment_id as "overridesAssessmentId", result, to_json(created_at)#>>'{}' as "createdAt"`;

type Row = Omit<Assessment, 'changes'>;
const normalize = (r: Row): Row => ({ ...r, createdAt: new Date(r.createdAt).toISOString() });

export async function selectAssessments(
  db: DbOrTrx,
  clientId: string,
  page: { page: number; perPage: number },
): Promise<{ items: Row[]; total: number }> {
  const { rows } = await sql<Row>`select ${columns} from assessments where client_id = ${clientId}
    order by sequence desc limit ${page.perPage} offset ${(page.page - 1) * page.perPage}`.execute(db);
  const total = await db
    .selectFrom('assessments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('clientId', '=', clientId)
    .executeTakeFirstOrThrow();
  return { items: rows.map(normalize), total: Number(total.n) };
}

export async function selectAssessment(db: DbOrTrx, clientId: string, id: string): Promise<Row | undefined> {
  const { rows } =
    await sql<Row>`select ${columns} from assessments where client_id = ${clientId} and id = ${id}`.execute(db);
  return rows[0] ? normalize(rows[0]) : undefined;
}

export async function selectLatestAssessment(
  db: DbOrTrx,
  clientId: string,
): Promise<(Row & { input: AssessmentInput }) | undefined> {
  const { rows } = await sql<
    Row & { input: AssessmentInput }
  >`select ${columns}, input from assessments where client_id = ${clientId}
    order by sequence desc limit 1`.execute(db);
  return rows[0] ? { ...normalize(rows[0]), input: rows[0].input } : undefined;
}

export async function insertAssessment(
  db: DbOrTrx,
  row: {
    clientId: string;
    sequence: number;
    kind: Assessment['kind'];
    organizationId: string;
    assessedBy: string | null;
    input: AssessmentInput;
    result: AssessmentResult;
    computedStream: Assessment['stream'];
    stream: Assessment['stream'];
    previousStream: Assessment['stream'] | null;
    reason: string | null;
    justification: string | null;
    overridesAssessmentId: string | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('assessments')
    .values({
      clientId: row.clientId,
      sequence: row.sequence,
      kind: row.kind,
      organizationId: row.organizationId,
      assessedBy: row.assessedBy,
      modelVersion: row.result.modelVersion,
      modelChecksum: row.result.modelChecksum,
      assessedOn: row.result.assessedOn,
      input: JSON.stringify(row.input),
      result: JSON.stringify(row.result),
      score: row.result.score,
      computedStream: row.computedStream,
      stream: row.stream,
      previousStream: row.previousStream,
      reason: row.reason,
      justification: row.justification,
      overridesAssessmentId: row.overridesAssessmentId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
