import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { clientVisible } from '../../access/client-predicate.ts';
import { clientRow } from '../../access/facts/client-facts.ts';
import type { DbOrTrx } from '../../db/database.ts';

// The clients a worker may offer for a job order (./job-candidates.service.ts): active files whose
// identity and employment the worker reads through `match.candidates_for_job` (their own agency's, their
// case teams', and others' through a consent), with a goal or past work in the NOC ranges that can reach
// the matching model's minimum. Who is listed, and what of a file is read, come from src/access.

export type CandidateRow = {
  clientId: string;
  name: string;
  targetNocCodes: string[];
  hoursWanted: number | null;
  postalCode: string | null;
  skills: string[] | null;
  credentials: string[] | null;
  history: string[];
  accommodations: string[];
  stream: 'A' | 'B' | 'C' | null;
};

type Range = { from: string; to: string };
const within = (column: string, ranges: readonly Range[]) =>
  ranges.length === 0
    ? sql<boolean>`false`
    : sql<boolean>`(${sql.join(
        ranges.map((r) => sql`${sql.raw(column)} between ${r.from} and ${r.to}`),
        sql` or `,
      )})`;

export async function selectCandidates(
  db: DbOrTrx,
  viewer: Extract<Actor, { kind: 'user' }>,
  ranges: { goals: readonly Range[]; pastWork: readonly Range[] },
  today: string,
  cap: number,
): Promise<CandidateRow[]> {
  const options = { today };
  const row = { today, client: clientRow('c') };
  const seesStream = clientVisible(viewer, 'match.candidates_for_job', 'stream', row);
  const { rows } = await sql<CandidateRow>`
    select c.id as "clientId", coalesce(c.preferred_name, c.given_name) || ' ' || c.family_name as name,
      c.target_noc_codes as "targetNocCodes", c.hours_wanted as "hoursWanted", c.postal_code as "postalCode",
      c.skills, c.credentials,
      array(select distinct w.noc_code from client_work_history w where w.client_id = c.id) as history,
      array(select distinct a.kind from client_accommodations a where a.client_id = c.id) as accommodations,
      case when ${seesStream} then
        (select a.stream from assessments a where a.client_id = c.id order by a.sequence desc limit 1) end as stream
    from clients c
    where c.status = 'active'
      and (exists (select 1 from unnest(c.target_noc_codes) x where ${within('x', ranges.goals)})
        or exists (select 1 from client_work_history w where w.client_id = c.id and ${within('w.noc_code', ranges.pastWork)}))
      and ${clientVisible(viewer, 'match.candidates_for_job', 'employment', options)}
      and ${clientVisible(viewer, 'match.candidates_for_job', 'identity_contact', options)}
    order by c.id
    limit ${cap}`.execute(db);
  return rows;
}
