import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';

// The occupation links (migration 0029): reference tables, read only.

// Other NOC unit groups that share an O*NET occupation with this one, most shared first, with the
// titles of the O*NET occupations they share.
export async function selectNocCodesSharingOnet(db: DbOrTrx, nocCode: string) {
  const { rows } = await sql<{ nocCode: string; shared: string[] }>`
    select other.noc_code as "nocCode", array_agg(distinct other.onet_title order by other.onet_title) as shared
    from noc_onet_crosswalk mine
    join noc_onet_crosswalk other on other.onet_code = mine.onet_code and other.noc_code <> mine.noc_code
    where mine.noc_code = ${nocCode}
    group by other.noc_code
    order by count(distinct other.onet_code) desc, other.noc_code`.execute(db);
  return rows;
}

export async function selectOnetOccupations(db: DbOrTrx, nocCode: string) {
  return db
    .selectFrom('nocOnetCrosswalk')
    .select(['onetCode', 'onetTitle'])
    .where('nocCode', '=', nocCode)
    .orderBy('onetCode')
    .orderBy('onetTitle')
    .execute();
}

export async function selectEscoSkills(db: DbOrTrx, reuseLevel?: 'transversal' | 'sector-specific') {
  let query = db
    .selectFrom('escoSkills')
    .select(['uri', 'skillType', 'reuseLevel', 'label', 'altLabels', 'description'])
    .orderBy('label');
  if (reuseLevel) query = query.where('reuseLevel', '=', reuseLevel);
  return query.execute();
}

export async function selectEscoSkillLabels(db: DbOrTrx, uris: readonly string[]) {
  if (uris.length === 0) return [];
  return db.selectFrom('escoSkills').select(['uri', 'label']).where('uri', 'in', uris).execute();
}

// ESCO occupations whose label or one of its other labels holds the words (case and accents folded).
export async function selectEscoOccupations(db: DbOrTrx, words: string, limit: number) {
  const { rows } = await sql<{ uri: string; iscoGroup: string; label: string; altLabels: string[] }>`
    select uri, isco_group as "iscoGroup", label, alt_labels as "altLabels"
    from esco_occupations
    where client_search_key(label || ' ' || array_to_string(alt_labels, ' ')) like '%' || client_search_key(${words}) || '%'
    order by (client_search_key(label) like '%' || client_search_key(${words}) || '%') desc, label
    limit ${limit}`.execute(db);
  return rows;
}

export async function countOccupationLinks(db: DbOrTrx) {
  const { rows } = await sql<{
    crosswalkRows: number;
    crosswalkNocCodes: number;
    onetCodes: number;
    escoOccupations: number;
    escoSkills: number;
  }>`
    select (select count(*)::int from noc_onet_crosswalk) as "crosswalkRows",
      (select count(distinct noc_code)::int from noc_onet_crosswalk) as "crosswalkNocCodes",
      (select count(distinct onet_code)::int from noc_onet_crosswalk) as "onetCodes",
      (select count(*)::int from esco_occupations) as "escoOccupations",
      (select count(*)::int from esco_skills) as "escoSkills"`.execute(db);
  return rows[0]!;
}
