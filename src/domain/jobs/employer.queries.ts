import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { EmployerContactInput } from './employer.ts';
import type { EmployerSize, EngagementKind, HrSupport } from './job-vocabulary.ts';

// All SQL of employer records: their profile, contacts and engagement log. They read organizations,
// sites and users' display names, and write only their own tables.

export type ProfileColumns = {
  naicsCode: string | null;
  size: EmployerSize | null;
  leadOrganizationId: string | null;
  hiringPlans: string | null;
  skillsNeeded: string[];
  hrSupportWanted: HrSupport[];
};

export async function insertProfile(
  trx: Trx,
  organizationId: string,
  columns: ProfileColumns,
  createdByOrganizationId: string | null,
): Promise<void> {
  await trx
    .insertInto('employerProfiles')
    .values({ organizationId, ...columns, createdByOrganizationId })
    .execute();
}

// The employer's profile, locked for a change; an employer added before its profile existed gets an empty one.
export async function selectProfileForUpdate(trx: Trx, organizationId: string) {
  await trx
    .insertInto('employerProfiles')
    .values({ organizationId })
    .onConflict((oc) => oc.column('organizationId').doNothing())
    .execute();
  return trx
    .selectFrom('employerProfiles')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function updateProfile(trx: Trx, organizationId: string, columns: Partial<ProfileColumns>): Promise<void> {
  if (Object.keys(columns).length === 0) return;
  await trx.updateTable('employerProfiles').set(columns).where('organizationId', '=', organizationId).execute();
}

export async function replaceContacts(trx: Trx, employerId: string, contacts: readonly EmployerContactInput[]) {
  await trx.deleteFrom('employerContacts').where('employerId', '=', employerId).execute();
  if (contacts.length === 0) return;
  await trx
    .insertInto('employerContacts')
    .values(
      contacts.map((c) => ({
        employerId,
        name: c.name,
        jobTitle: c.jobTitle ?? null,
        phone: c.phone ?? null,
        email: c.email ?? null,
        preferredLanguage: c.preferredLanguage,
        isPrimary: c.isPrimary,
      })),
    )
    .execute();
}

// One employer with its profile (absent parts null), its lead and adding agencies, contacts, open job
// orders and the date of the last engagement: one statement.
export async function selectEmployer(db: DbOrTrx, id: string) {
  const { rows } = await sql<{
    id: string;
    name: string;
    nameFr: string | null;
    website: string | null;
    phone: string | null;
    email: string | null;
    offersFrench: boolean;
    naicsCode: string | null;
    size: EmployerSize | null;
    hiringPlans: string | null;
    skillsNeeded: string[] | null;
    hrSupportWanted: HrSupport[] | null;
    leadId: string | null;
    leadName: string | null;
    leadNameFr: string | null;
    addedById: string | null;
    addedByName: string | null;
    addedByNameFr: string | null;
    contacts: {
      id: string;
      name: string;
      jobTitle: string | null;
      phone: string | null;
      email: string | null;
      preferredLanguage: 'en' | 'fr';
      isPrimary: boolean;
    }[];
    openJobOrders: number;
    lastEngagementOn: string | null;
  }>`
    select o.id, o.name, o.name_fr as "nameFr", o.website, o.phone, o.email, o.offers_french as "offersFrench",
      p.naics_code as "naicsCode", p.size, p.hiring_plans as "hiringPlans", p.skills_needed as "skillsNeeded",
      p.hr_support_wanted as "hrSupportWanted",
      lead.id as "leadId", lead.name as "leadName", lead.name_fr as "leadNameFr",
      added.id as "addedById", added.name as "addedByName", added.name_fr as "addedByNameFr",
      coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'jobTitle', c.job_title,
          'phone', c.phone, 'email', c.email, 'preferredLanguage', c.preferred_language, 'isPrimary', c.is_primary)
          order by c.is_primary desc, c.name)
        from employer_contacts c where c.employer_id = o.id), '[]'::json) as contacts,
      (select count(*)::int from job_orders j where j.employer_id = o.id and j.status = 'open') as "openJobOrders",
      (select max(e.occurred_on)::text from employer_engagements e where e.employer_id = o.id) as "lastEngagementOn"
    from organizations o
    left join employer_profiles p on p.organization_id = o.id
    left join organizations lead on lead.id = p.lead_organization_id
    left join organizations added on added.id = p.created_by_organization_id
    where o.id = ${id} and o.type = 'employer'`.execute(db);
  return rows[0];
}

export async function selectEmployerSummaries(
  db: DbOrTrx,
  filter: { onlyId?: string; words?: string; naicsPrefix?: string; leadOrganizationId?: string; noLead?: boolean },
  page: { limit: number; offset: number },
) {
  const conditions = [sql`o.type = 'employer'`];
  if (filter.onlyId) conditions.push(sql`o.id = ${filter.onlyId}`);
  if (filter.words)
    conditions.push(
      sql`client_search_key(o.name || ' ' || coalesce(o.name_fr, '')) like '%' || client_search_key(${filter.words}) || '%'`,
    );
  if (filter.naicsPrefix) conditions.push(sql`p.naics_code like ${`${filter.naicsPrefix}%`}`);
  if (filter.leadOrganizationId) conditions.push(sql`p.lead_organization_id = ${filter.leadOrganizationId}`);
  if (filter.noLead === true) conditions.push(sql`p.lead_organization_id is null`);
  if (filter.noLead === false) conditions.push(sql`p.lead_organization_id is not null`);
  const { rows } = await sql<{
    id: string;
    name: string;
    nameFr: string | null;
    naicsCode: string | null;
    size: EmployerSize | null;
    leadId: string | null;
    leadName: string | null;
    leadNameFr: string | null;
    openJobOrders: number;
    lastEngagementOn: string | null;
    total: number;
  }>`
    select o.id, o.name, o.name_fr as "nameFr", p.naics_code as "naicsCode", p.size,
      lead.id as "leadId", lead.name as "leadName", lead.name_fr as "leadNameFr",
      (select count(*)::int from job_orders j where j.employer_id = o.id and j.status = 'open') as "openJobOrders",
      (select max(e.occurred_on)::text from employer_engagements e where e.employer_id = o.id) as "lastEngagementOn",
      count(*) over ()::int as total
    from organizations o
    left join employer_profiles p on p.organization_id = o.id
    left join organizations lead on lead.id = p.lead_organization_id
    where ${sql.join(conditions, sql` and `)}
    order by lower(o.name), o.id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows;
}

// Employers that may be the one being added: a coarse net (a word of the name, the website's host, the
// phone's last seven digits, a site's postal code) that the service then weighs.
export async function selectPossibleDuplicates(
  db: DbOrTrx,
  probe: { nameWords: string[]; host: string | null; phoneTail: string | null; postalCode: string | null },
) {
  const nets = probe.nameWords.map((w) => sql`client_search_key(o.name) like ${`%${w}%`}`);
  if (probe.host) nets.push(sql`lower(o.website) like ${`%${probe.host}%`}`);
  if (probe.phoneTail) nets.push(sql`regexp_replace(o.phone, '[^0-9]', '', 'g') like ${`%${probe.phoneTail}`}`);
  if (probe.postalCode)
    nets.push(
      sql`exists (select 1 from sites s where s.organization_id = o.id and s.postal_code = ${probe.postalCode})`,
    );
  if (nets.length === 0) return [];
  const { rows } = await sql<{
    id: string;
    name: string;
    website: string | null;
    phone: string | null;
    postalCodes: string[];
  }>`
    select o.id, o.name, o.website, o.phone,
      coalesce((select array_agg(s.postal_code) from sites s where s.organization_id = o.id), '{}') as "postalCodes"
    from organizations o
    where o.type = 'employer' and (${sql.join(nets, sql` or `)})
    limit 200`.execute(db);
  return rows;
}

export async function insertEngagement(
  trx: Trx,
  row: {
    employerId: string;
    organizationId: string;
    userId: string | null;
    kind: EngagementKind;
    hrSupport: HrSupport | null;
    occurredOn: string;
    summary: string;
  },
): Promise<string> {
  const inserted = await trx.insertInto('employerEngagements').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function selectEngagements(db: DbOrTrx, employerId: string, page: { limit: number; offset: number }) {
  return db
    .selectFrom('employerEngagements as e')
    .innerJoin('organizations as o', 'o.id', 'e.organizationId')
    .leftJoin('users as u', 'u.id', 'e.userId')
    .select([
      'e.id',
      'e.kind',
      'e.hrSupport',
      'e.occurredOn',
      'e.summary',
      'e.createdAt',
      'o.id as organizationId',
      'o.name as organizationName',
      'o.nameFr as organizationNameFr',
      'u.displayName as author',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .where('e.employerId', '=', employerId)
    .orderBy('e.occurredOn', 'desc')
    .orderBy('e.createdAt', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function selectOrganizationType(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').select(['id', 'type', 'name']).where('id', '=', id).executeTakeFirst();
}
