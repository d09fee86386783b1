import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';

// The SQL of matching from the database (./client-matches.service.ts). What of a file a match may use is
// decided in src/access before these run; they read only what the service passes on.

export type MatchProfileRow = {
  targetNocCodes: string[];
  hoursWanted: number | null;
  postalCode: string | null;
  skills: string[] | null;
  credentials: string[] | null;
  history: string[];
  accommodations: string[];
  stream: 'A' | 'B' | 'C' | null;
};

// The employment part of a file that matching reads, with the postal code and the current stream (the
// service drops what the reader may not see): one statement.
export async function selectMatchProfile(db: DbOrTrx, clientId: string): Promise<MatchProfileRow | undefined> {
  const { rows } = await sql<MatchProfileRow>`
    select c.target_noc_codes as "targetNocCodes", c.hours_wanted as "hoursWanted", c.postal_code as "postalCode",
      c.skills, c.credentials,
      array(select distinct w.noc_code from client_work_history w where w.client_id = c.id) as history,
      array(select distinct a.kind from client_accommodations a where a.client_id = c.id) as accommodations,
      (select a.stream from assessments a where a.client_id = c.id order by a.sequence desc limit 1) as stream
    from clients c where c.id = ${clientId}`.execute(db);
  return rows[0];
}

// What a match scores, and nothing more: a tier of the most sought occupations holds thousands of open job
// orders, so their titles, wages and employers' names are read only for the few shown (selectJobDetails).
export type MatchJobRow = {
  id: string;
  nocCode: string;
  skills: string[];
  credentialsRequired: string[];
  hoursPerWeek: number;
  workplace: 'on_site' | 'hybrid' | 'remote';
  postalCode: string | null;
  accommodationsOffered: string[];
  decentWorkScore: number;
};

export type MatchJobDetails = {
  id: string;
  title: string;
  hourlyWageCents: number;
  closingOn: string | null;
  employerId: string;
  employerName: string;
  employerNameFr: string | null;
};

// Open job orders, not past their closing date, whose NOC code falls in one of the ranges (a unit group
// is a range of one code; a group above it, from its digits padded with 0 to them padded with 9: NOC codes
// are five digits, which sort the same in every collation).
type Range = { from: string; to: string };
const within = (ranges: readonly Range[]) =>
  sql.join(
    ranges.map((r) => sql`j.noc_code between ${r.from} and ${r.to}`),
    sql` or `,
  );

// `outside`: ranges already read (an earlier, nearer tier), left out.
export async function selectOpenJobsInRanges(
  db: DbOrTrx,
  ranges: readonly Range[],
  today: string,
  outside: readonly Range[] = [],
): Promise<MatchJobRow[]> {
  if (ranges.length === 0) return [];
  const inRange = outside.length === 0 ? within(ranges) : sql`(${within(ranges)}) and not (${within(outside)})`;
  const { rows } = await sql<MatchJobRow>`
    select j.id, j.noc_code as "nocCode", j.skills, j.credentials_required as "credentialsRequired",
      j.hours_per_week as "hoursPerWeek", j.workplace, j.postal_code as "postalCode",
      j.accommodations_offered as "accommodationsOffered", j.decent_work_score as "decentWorkScore"
    from job_orders j
    where j.status = 'open' and (j.closing_on is null or j.closing_on >= ${today}) and (${inRange})`.execute(db);
  return rows;
}

// The title, wage, closing date and employer of the job orders shown.
export async function selectJobDetails(db: DbOrTrx, ids: readonly string[]): Promise<MatchJobDetails[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<MatchJobDetails>`
    select j.id, j.title, j.hourly_wage_cents as "hourlyWageCents", j.closing_on as "closingOn",
      j.employer_id as "employerId", e.name as "employerName", e.name_fr as "employerNameFr"
    from job_orders j join organizations e on e.id = j.employer_id
    where j.id = any(${[...ids]}::uuid[])`.execute(db);
  return rows;
}
