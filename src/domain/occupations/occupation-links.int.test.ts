import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import {
  escoSkills,
  findEscoOccupations,
  occupationLinkCounts,
  onetOccupationsOf,
  relatedOccupations,
} from './occupation-links.service.ts';

// The occupation links as the database holds them after migration 0029, on both engines.
describeEachEngine('occupation links', ({ handle }) => {
  it('holds the published counts', async () => {
    expect(await occupationLinkCounts(handle().db)).toEqual({
      crosswalkRows: 1467,
      crosswalkNocCodes: 515,
      onetCodes: 995,
      escoOccupations: 2942,
      escoSkills: 107,
    });
  });

  it('relates two unit groups that share an O*NET occupation, and says which', async () => {
    const db = handle().db;
    // Contractors and supervisors, electrical trades (72011) and those of the other construction trades
    // map to one O*NET occupation, first-line supervisors of construction trades.
    const onet = await onetOccupationsOf(db, '72011');
    expect(onet.map((o) => o.onetTitle)).toEqual([
      'First-Line Supervisors of Construction Trades and Extraction Workers',
    ]);
    const related = await relatedOccupations(db, '72011');
    expect(related.map((r) => r.code)).toEqual(expect.arrayContaining(['72010', '72012', '72013', '72014', '72020']));
    expect(related.find((r) => r.code === '72010')).toMatchObject({
      title:
        'Contractors and supervisors, machining, metal forming, shaping and erecting trades and related occupations',
      sharedOnet: ['First-Line Supervisors of Construction Trades and Extraction Workers'],
    });
    for (const r of related) expect(r.code).not.toBe('72011');
    // Welders map to welding occupations no other unit group has.
    expect(await relatedOccupations(db, '72106')).toEqual([]);
    const shared = new Set(onet.map((o) => o.onetTitle));
    expect(related.every((r) => r.sharedOnet.every((t) => shared.has(t)))).toBe(true);
    expect(await relatedOccupations(db, '99999')).toEqual([]);
  });

  it('finds ESCO occupations by any of their labels, and lists the transversal skills', async () => {
    const db = handle().db;
    const found = await findEscoOccupations(db, 'FORKLIFT');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((o) => `${o.label} ${o.altLabels.join(' ')}`.toLowerCase().includes('forklift'))).toBe(true);
    const skills = await escoSkills(db, 'transversal');
    expect(skills.length).toBeGreaterThan(80);
    expect(skills.every((s) => s.reuseLevel === 'transversal')).toBe(true);
  });
});
