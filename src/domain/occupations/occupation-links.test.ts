import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildOccupationLinksMigration,
  OCCUPATION_LINKS_MIGRATION,
} from '../../../scripts/build-occupation-links-migration.ts';
import {
  CROSSWALK_CSV,
  ESCO_OCCUPATIONS_CSV,
  ESCO_SKILLS_CSV,
  PUBLISHED,
} from '../../../scripts/build-occupation-links-vendor.ts';
import { formatCsv, parseCsv, parseCsvRecords } from '../../lib/csv.ts';
import { isNocCode } from './noc.ts';

// The vendored occupation links (issue 14, point 8) hold what their publishers published, and the
// migration that loads them is the one the generator writes from them.

const read = (file: string) => fs.readFileSync(file, 'utf8');

describe('vendored occupation links', () => {
  it('keeps every row of the NOC 2021 ↔ O*NET crosswalk: 1,467 pairs over 515 unit groups, each a NOC 2021 code', () => {
    const rows = parseCsvRecords(read(CROSSWALK_CSV));
    expect(rows).toHaveLength(PUBLISHED.crosswalkRows);
    expect(rows).toHaveLength(1467);
    expect(new Set(rows.map((r) => r['noc'])).size).toBe(515);
    expect(rows.every((r) => isNocCode(r['noc']!))).toBe(true);
    expect(rows.every((r) => /^\d{2}-\d{4}\.\d{2}$/.test(r['onet']!) && r['onet_title']!.length > 0)).toBe(true);
    // Leading zeros restored (the source stores codes as integers): Legislators is 00010.
    expect(rows.find((r) => r['noc'] === '00010')).toMatchObject({ onet: '11-1031.00', onet_title: 'Legislators' });
  });

  it('keeps the 2,942 ESCO v1.0 occupations and the 107 concepts of the transversal skills collection', () => {
    const occupations = parseCsvRecords(read(ESCO_OCCUPATIONS_CSV));
    expect(occupations).toHaveLength(2942);
    expect(new Set(occupations.map((o) => o['uri'])).size).toBe(2942);
    expect(occupations.every((o) => /^\d{4}$/.test(o['isco_group']!) && o['label']!.length > 0)).toBe(true);
    const skills = parseCsvRecords(read(ESCO_SKILLS_CSV));
    expect(skills).toHaveLength(107);
    expect(skills.filter((s) => s['reuse_level'] === 'transversal').length).toBeGreaterThan(80);
    // Other labels are one list, whatever separator the source used.
    expect(occupations.every((o) => !o['alt_labels']!.includes('\n'))).toBe(true);
  });

  it('is written exactly as formatCsv writes it', () => {
    for (const file of [CROSSWALK_CSV, ESCO_OCCUPATIONS_CSV, ESCO_SKILLS_CSV])
      expect(formatCsv(parseCsv(read(file)))).toBe(read(file));
  });

  it('is loaded by the migration the generator writes from it (nothing edited by hand)', () => {
    const expected = buildOccupationLinksMigration({
      crosswalk: read(CROSSWALK_CSV),
      occupations: read(ESCO_OCCUPATIONS_CSV),
      skills: read(ESCO_SKILLS_CSV),
    });
    expect(read(OCCUPATION_LINKS_MIGRATION) === expected).toBe(true);
  });
});
