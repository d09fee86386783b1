import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';

// Aggregates only: no row here names a client. `organizationId` limits to the clients an agency holds.
export async function selectAgencyUse(db: DbOrTrx, organizationId: string | null) {
  const { rows } = await sql<{
    organizationId: string;
    organizationName: string;
    clientsAssessed: string;
    assessments: string;
    reassessments: string;
    overrides: string;
  }>`
    select a.organization_id as "organizationId", o.name as "organizationName",
      count(distinct a.client_id) as "clientsAssessed", count(*) as assessments,
      count(*) filter (where a.kind = 'reassessment') as reassessments,
      count(*) filter (where a.kind = 'override') as overrides
    from assessments a join organizations o on o.id = a.organization_id
    ${organizationId ? sql`where a.organization_id = ${organizationId}` : sql``}
    group by a.organization_id, o.name order by o.name`.execute(db);
  return rows.map((r) => ({
    ...r,
    clientsAssessed: Number(r.clientsAssessed),
    assessments: Number(r.assessments),
    reassessments: Number(r.reassessments),
    overrides: Number(r.overrides),
  }));
}

export async function selectStreamMoves(db: DbOrTrx, organizationId: string | null) {
  const { rows } = await sql<{
    from: 'A' | 'B' | 'C';
    to: 'A' | 'B' | 'C';
    kind: 'reassessment' | 'override';
    count: string;
  }>`
    select previous_stream as "from", stream as "to", kind, count(*) as count from assessments
    where previous_stream is not null and previous_stream <> stream ${organizationId ? sql`and organization_id = ${organizationId}` : sql``}
    group by previous_stream, stream, kind order by 1, 2, 3`.execute(db);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

// The stream in force for each client (latest assessment) by each self-identified answer; clients
// who did not answer a question count as "not answered" for it.
export async function selectStreamsByGroup(db: DbOrTrx, organizationId: string | null) {
  const { rows } = await sql<{ dimension: string; group: string; stream: 'A' | 'B' | 'C'; count: string }>`
    with current as (
      select distinct on (a.client_id) a.client_id, a.stream from assessments a
      join clients c on c.id = a.client_id
      ${organizationId ? sql`where c.organization_id = ${organizationId}` : sql``}
      order by a.client_id, a.sequence desc
    ), answers as (
      select cur.stream, d.dimension, d.answer
      from current cur left join client_equity e on e.client_id = cur.client_id
      cross join lateral (values
        ('indigenousIdentity', e.indigenous_identity),
        ('gender', e.gender),
        ('disability', e.disability::text),
        ('newcomer', e.newcomer::text),
        ('francophone', e.francophone::text),
        ('lgbtq2s', e.lgbtq2s::text)
      ) as d(dimension, answer)
      union all
      select cur.stream, 'racializedGroup', g.answer
      from current cur left join client_equity e on e.client_id = cur.client_id
      cross join lateral (select unnest(case when cardinality(e.racialized_group) > 0 then e.racialized_group else array[null::text] end) as answer) g
    )
    select dimension, coalesce(answer, 'not_answered') as "group", stream, count(*) as count
    from answers group by dimension, coalesce(answer, 'not_answered'), stream`.execute(db);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
