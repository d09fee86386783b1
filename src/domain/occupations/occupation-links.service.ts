import type { DbOrTrx } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { isNocCode, nocTitle } from './noc.ts';
import {
  countOccupationLinks,
  selectEscoOccupations,
  selectEscoSkillLabels,
  selectEscoSkills,
  selectNocCodesSharingOnet,
  selectOnetOccupations,
} from './occupation-links.queries.ts';

// How occupations relate beyond the NOC hierarchy (docs/occupations.md): two NOC 2021 unit groups are
// related when the NOC ↔ O*NET crosswalk maps both to one O*NET occupation (a welder and a
// boilermaker, say), and ESCO names the transversal skills a job asks for and a person has. Reference
// data only (migration 0029); the matching (issue 14) reads it through these functions.

export type RelatedOccupation = {
  code: string;
  title: string;
  // The O*NET occupations the two share, by title: the reason, in words, that they are related.
  sharedOnet: string[];
};

// Unit groups related to this one through the crosswalk, most shared first. An unknown code has none.
export async function relatedOccupations(db: DbOrTrx, nocCode: string): Promise<RelatedOccupation[]> {
  if (!isNocCode(nocCode)) return [];
  const rows = await selectNocCodesSharingOnet(db, nocCode);
  return rows.map((r) => ({ code: r.nocCode, title: nocTitle(r.nocCode) ?? r.nocCode, sharedOnet: r.shared }));
}

export function onetOccupationsOf(db: DbOrTrx, nocCode: string) {
  return selectOnetOccupations(db, nocCode);
}

export function escoSkills(db: DbOrTrx, reuseLevel?: 'transversal' | 'sector-specific') {
  return selectEscoSkills(db, reuseLevel);
}

// The English labels of the ESCO skills named; a URI that ESCO does not hold is absent from the map.
export async function escoSkillLabels(db: DbOrTrx, uris: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectEscoSkillLabels(db, [...new Set(uris)]);
  return new Map(rows.map((r) => [r.uri, r.label]));
}

// The labels of the skills named, or a 400 `unknown_skill` on `field` naming every URI ESCO does not hold.
export async function requireKnownSkills(
  db: DbOrTrx,
  uris: readonly string[],
  field: string,
): Promise<Map<string, string>> {
  const labels = await escoSkillLabels(db, uris);
  const unknown = uris.filter((uri) => !labels.has(uri));
  if (unknown.length > 0) {
    throw new AppError(
      'invalid',
      'Skills are named by their ESCO skill URI (GET /api/occupations/skills lists them).',
      [{ field, message: `not an ESCO skill Continuum holds: ${unknown.join(', ')}`, code: 'unknown_skill' }],
    ).withReason('unknown_skill');
  }
  return labels;
}

export function findEscoOccupations(db: DbOrTrx, words: string, limit = 20) {
  return selectEscoOccupations(db, words, limit);
}

export function occupationLinkCounts(db: DbOrTrx) {
  return countOccupationLinks(db);
}
