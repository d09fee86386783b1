import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { clientVisible } from '../../access/client-predicate.ts';
import { clientRow, consentExists } from '../../access/facts/client-facts.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { CandidateScope } from './referral-vocabulary.ts';

// The SQL of recruitment (./recruitment.service.ts): a program's eligibility, and the clients a worker
// may refer who fit it. Who is listed, and which parts of a file a reason may use, come from src/access.

export async function selectProgram(db: DbOrTrx, id: string) {
  return db
    .selectFrom('services as s')
    .select([
      's.id',
      's.name',
      's.nameFr',
      's.organizationId',
      's.status',
      's.endsOn',
      's.seatsOpen',
      's.minimumAge',
      's.maximumAge',
      's.targetPopulations',
      's.targetNocCodes',
      's.languages',
    ])
    .select((eb) =>
      eb
        .selectFrom('serviceIntakeWindows as iw')
        .select(
          sql<
            { opensOn: string; closesOn: string | null }[]
          >`coalesce(json_agg(json_build_object('opensOn', to_char(iw.opens_on, 'YYYY-MM-DD'), 'closesOn', to_char(iw.closes_on, 'YYYY-MM-DD'))), '[]')`.as(
            'w',
          ),
        )
        .whereRef('iw.serviceId', '=', 's.id')
        .as('windows'),
    )
    .where('s.id', '=', id)
    .executeTakeFirst();
}
export type ProgramRow = NonNullable<Awaited<ReturnType<typeof selectProgram>>>;

export type CandidateRow = {
  clientId: string;
  name: string;
  age: number;
  consentNeeded: boolean;
  populations: string[];
  occupations: string[];
  relatedOccupations: string[];
  language: string | null;
};

// The ages of the target populations by age: Employment Ontario's youth range, and mature workers as
// the directory words them (45 and over).
export const YOUTH_AGES = [15, 29] as const;
export const MATURE_WORKER_AGE = 45;

// The clients `viewer` may refer (referral.create, with identity and contact: a candidate has a name and
// an age) who fit the program's ages, are active and have no open referral to it: the worker's case
// teams (`mine`) or their agency's files (`agency`), best fit first. A fit uses a category only where the
// viewer's client page would show it: the income source (assessment) and the target occupations
// (employment); equity data never (docs/permissions.md 4.6).
export async function selectCandidates(
  db: DbOrTrx,
  viewer: Extract<Actor, { kind: 'user' }>,
  program: ProgramRow,
  q: { scope: CandidateScope; today: string; page: number; perPage: number },
): Promise<{ items: CandidateRow[]; total: number }> {
  const options = { today: q.today };
  const row = { ...options, client: clientRow('c') };
  const targets = new Set(program.targetPopulations);
  const age = sql<number>`extract(year from age(${q.today}::date, c.date_of_birth))::int`;
  // Born on or before the day that makes them the minimum age, and after the day that makes them one
  // year past the maximum: an index-friendly range on the date of birth.
  const ages = sql`${program.minimumAge === null ? sql`true` : sql`c.date_of_birth <= (${q.today}::date - make_interval(years => ${program.minimumAge}))::date`}
    and ${program.maximumAge === null ? sql`true` : sql`c.date_of_birth > (${q.today}::date - make_interval(years => ${program.maximumAge + 1}))::date`}`;
  const seesAssessment = clientVisible(viewer, 'client.read', 'assessment', row);
  const seesEmployment = clientVisible(viewer, 'client.read', 'employment', row);
  const populationTests: [string, ReturnType<typeof sql<boolean>>][] = [
    ['youth', sql<boolean>`${age} between ${YOUTH_AGES[0]} and ${YOUTH_AGES[1]}`],
    ['mature_workers', sql<boolean>`${age} >= ${MATURE_WORKER_AGE}`],
    ['francophones', sql<boolean>`c.preferred_language = 'fr'`],
    ['social_assistance_recipients', sql<boolean>`c.income_source in ('ontario_works', 'odsp') and ${seesAssessment}`],
    ['laid_off_workers', sql<boolean>`c.income_source = 'ei' and ${seesAssessment}`],
  ];
  const tested = populationTests.filter(([population]) => targets.has(population as never));
  const populations = tested.length
    ? sql<
        string[]
      >`array_remove(array[${sql.join(tested.map(([p, test]) => sql`case when ${test} then ${p} end`))}]::text[], null)`
    : sql<string[]>`'{}'::text[]`;
  const codes = program.targetNocCodes;
  const occupations = codes.length
    ? sql<
        string[]
      >`case when ${seesEmployment} then array(select x from unnest(c.target_noc_codes) x where x = any(${codes}::text[]) order by x) else '{}' end`
    : sql<string[]>`'{}'::text[]`;
  const related = codes.length
    ? sql<string[]>`case when ${seesEmployment} then array(select x from unnest(c.target_noc_codes) x
        where not x = any(${codes}::text[]) and left(x, 3) = any(array(select left(y, 3) from unnest(${codes}::text[]) y)) order by x) else '{}' end`
    : sql<string[]>`'{}'::text[]`;
  const language = program.languages.includes('fr')
    ? sql<string | null>`case when c.preferred_language = 'fr' then 'fr' end`
    : sql<string | null>`null::text`;
  const within =
    q.scope === 'mine'
      ? sql`exists (select 1 from case_team_members m where m.client_id = c.id and m.user_id = ${viewer.userId} and m.removed_at is null)`
      : sql`c.organization_id = ${viewer.organizationId}`;
  const where = sql`${within} and c.status = 'active' and ${ages}
    and ${clientVisible(viewer, 'referral.create', 'identity_contact', options)}
    and not exists (select 1 from referrals r where r.client_id = c.id and r.service_id = ${program.id} and r.closed_at is null)`;
  // Raw SQL: the fit is worked out per row and ranked (occupations weigh double), with a window count.
  const { rows } = await sql<CandidateRow & { total: string; familyName: string }>`
    select f.*, count(*) over () as total from (
      select c.id as "clientId", coalesce(c.preferred_name, c.given_name) || ' ' || c.family_name as name, c.family_name,
        ${age} as age, ${populations} as populations, ${occupations} as occupations,
        ${related} as "relatedOccupations", ${language} as language,
        (c.organization_id <> ${program.organizationId} and not ${consentExists(clientRow('c'), program.organizationId, q.today)}) as "consentNeeded"
      from clients c where ${where}) f
    order by 2 * cardinality(f.occupations) + cardinality(f.populations) + cardinality(f."relatedOccupations")
      + (f.language is not null)::int desc, f.family_name, f."clientId"
    limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`.execute(db);
  const first = rows[0];
  const total = first
    ? Number(first.total)
    : q.page === 1
      ? 0
      : Number(
          (await sql<{ n: string }>`select count(*) as n from clients c where ${where}`.execute(db)).rows[0]?.n ?? 0,
        );
  return {
    items: rows.map(({ total: _t, familyName: _f, ...r }) => r),
    total,
  };
}
